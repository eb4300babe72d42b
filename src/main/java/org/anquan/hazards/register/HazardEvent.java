package org.anquan.hazards.register;

import java.time.OffsetDateTime;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a hazard's history. */
@Table("hazard_event")
record HazardEvent(OffsetDateTime at, String actor, String action, HazardStatus fromStatus, HazardStatus toStatus,
                          String note) {

    public String messageKey() {
        return "hazard.action." + action;
    }
}
