package org.anquan.emergency.fire;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fire-danger settings (defaults in {@code application.yml}).
 *
 * @param levelThresholds   the FWI at which levels 2, 3, 4 and 5 begin (four rising numbers)
 * @param warnDaysBack      observations of this many days before today (and today) raise warnings; older imports do not
 * @param acknowledgeWithin a warning not acknowledged by a recipient within this long is listed as unacknowledged
 * @param warnDepartments   the codes of the departments every warning also goes to (forestry, emergency management)
 */
@ConfigurationProperties("anquan.emergency.fire")
record FireProperties(List<Double> levelThresholds, int warnDaysBack, Duration acknowledgeWithin, List<String> warnDepartments) {

    public FireProperties {
        if (levelThresholds == null || levelThresholds.size() != 4) {
            throw new IllegalStateException("anquan.emergency.fire.level-thresholds: the FWI where levels 2, 3, 4 and 5 begin, four numbers");
        }
        for (int i = 1; i < 4; i++) {
            if (levelThresholds.get(i) <= levelThresholds.get(i - 1)) {
                throw new IllegalStateException("anquan.emergency.fire.level-thresholds must rise");
            }
        }
        if (warnDaysBack < 0 || acknowledgeWithin == null || acknowledgeWithin.isNegative()) {
            throw new IllegalStateException("anquan.emergency.fire: warn-days-back >= 0 and acknowledge-within are required");
        }
        levelThresholds = List.copyOf(levelThresholds);
        warnDepartments = warnDepartments == null ? List.of() : List.copyOf(warnDepartments);
    }

    /** The national level (1 低 … 5 极高) of an FWI value. */
    public int levelOf(double fwi) {
        int level = 1;
        for (double t : levelThresholds) {
            if (fwi >= t) {
                level++;
            }
        }
        return level;
    }
}
