package org.anquan.hazards.domain;

import java.time.LocalDate;

/** A hazard as reported in the form or the API: raw values, checked before anything is stored. */
public record HazardInput(HazardSource source, Long enterpriseId, String place, Double lon, Double lat,
                          String industryCode, String categoryCode, String description, HazardGrade grade,
                          LocalDate deadline, String responsiblePerson, String responsiblePhone,
                          Long overrideDepartmentId, Long overrideCountyId, String routingReason) {

    public static HazardInput empty() {
        return new HazardInput(null, null, null, null, null, null, null, null, HazardGrade.GENERAL, null, null, null,
                null, null, null);
    }
}
