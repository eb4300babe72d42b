package org.anquan.hazards.register;

import jakarta.validation.constraints.*;
import java.time.LocalDate;

/** A hazard as reported in the form or the API: raw values, checked before anything is stored. */
public record HazardInput(HazardSource source, Long enterpriseId, @Size(max = 300) String place, Double lon, Double lat,
                          @Size(max = 32) String industryCode, @Size(max = 40) String categoryCode,
                          @Size(max = 2000) String description, HazardGrade grade,
                          LocalDate deadline, @Size(max = 50) String responsiblePerson, @Size(max = 32) String responsiblePhone,
                          Long overrideDepartmentId, Long overrideCountyId, @Size(max = 300) String routingReason) {

    public static HazardInput empty() {
        return new HazardInput(null, null, null, null, null, null, null, null, HazardGrade.GENERAL, null, null, null,
                null, null, null);
    }
}
