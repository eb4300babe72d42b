package org.anquan.directory.enterprises;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An enterprise as a person or a machine client enters it: raw values, checked by
 * {@link Enterprises} before anything is stored. Used as the form object and as the API body.
 */
record EnterpriseInput(@Size(max = 200) String name, @Size(max = 40) String creditCode,
                              @Size(max = 32) String industryCode, Long regionId, @Size(max = 300) String address,
                              Double lon, Double lat, EnterpriseScale scale, EnterpriseStatus status,
                              @Size(max = 50) String principalName, @Size(max = 32) String principalPhone,
                              @Size(max = 50) String safetyManagerName, @Size(max = 32) String safetyManagerPhone,
                              @Size(max = 20) List<@Valid LicenceInput> licences, Integer version) {

    public record LicenceInput(@Size(max = 100) String kind, @Size(max = 100) String licenceNo, @Size(max = 100) String issuedBy,
                               LocalDate validUntil) {
        boolean blank() {
            return (kind == null || kind.isBlank()) && (licenceNo == null || licenceNo.isBlank()) && validUntil == null;
        }
    }

    public static EnterpriseInput empty() {
        List<LicenceInput> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new LicenceInput(null, null, null, null));
        }
        return new EnterpriseInput(null, null, null, null, null, null, null, null, null, null, null, null, null, rows, null);
    }

    public static EnterpriseInput of(Enterprise e) {
        List<LicenceInput> rows = new ArrayList<>();
        for (Licence l : e.getLicences()) {
            rows.add(new LicenceInput(l.kind(), l.licenceNo(), l.issuedBy(), l.validUntil()));
        }
        while (rows.size() < 3) {
            rows.add(new LicenceInput(null, null, null, null));
        }
        return new EnterpriseInput(e.getName(), e.getCreditCode(), e.getIndustryCode(), e.getRegionId(), e.getAddress(),
                e.getLon(), e.getLat(), e.getScale(), e.getStatus(), e.getPrincipalName(), e.getPrincipalPhone(),
                e.getSafetyManagerName(), e.getSafetyManagerPhone(), rows, e.getVersion());
    }
}
