package org.anquan.supervision.reinspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Share of each county's hazards closed in a month that is re-inspected (回头看). */
@ConfigurationProperties("anquan.supervision.reinspection")
record ReinspectionProperties(double share) {
    public ReinspectionProperties {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("anquan.supervision.reinspection.share must be in (0, 1]");
        }
    }
}
