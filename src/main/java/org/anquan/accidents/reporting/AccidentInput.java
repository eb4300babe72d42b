package org.anquan.accidents.reporting;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * An accident report (事故快报) as the form or the API gives it: the unit (an enterprise, or a place with
 * its county), time, place and scene, a brief account, casualties and estimated direct loss, the
 * measures taken; when the unit learned of it and from whom the authorities first heard; the township it
 * happened in, and for a road-traffic accident its main cause.
 */
record AccidentInput(OffsetDateTime occurredAt, OffsetDateTime learnedAt, String firstSource,
                            @Size(max = 32) String industryCode, @Size(max = 24) String kind, Long enterpriseId,
                            @Size(max = 300) String place, Double lon, Double lat, Long countyId,
                            @Size(max = 1000) String scene, @Size(max = 2000) String account, @Size(max = 2000) String measures,
                            Integer deaths, Integer missing, Integer seriousInjuries, Integer minorInjuries, Long directLossYuan,
                            Long townshipId, @Size(max = 20) String roadCause) {

    public static AccidentInput empty() {
        return new AccidentInput(null, null, "UNIT", null, null, null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0L, null, null);
    }
}
