package org.anquan.directory.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An enterprise as a person or a machine client enters it: raw values, checked by
 * {@link Enterprises} before anything is stored. Used as the form object and as the API body.
 */
public record EnterpriseInput(String name, String creditCode, String industryCode, Long regionId, String address,
                              Double lon, Double lat, EnterpriseScale scale, EnterpriseStatus status,
                              String principalName, String principalPhone, String safetyManagerName,
                              String safetyManagerPhone, List<LicenceInput> licences, Integer version) {

    public record LicenceInput(String kind, String licenceNo, String issuedBy, LocalDate validUntil) {
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
