package org.anquan.hazards.register;

import java.util.EnumSet;
import java.util.Set;

public enum HazardStatus {
    REPORTED, VERIFIED, ASSIGNED, RECTIFYING, SUBMITTED, CLOSED, REJECTED;

    /** Statuses in which the rectification clock runs and overdue work climbs the ladder. */
    public static final Set<HazardStatus> OPEN = EnumSet.of(ASSIGNED, RECTIFYING, SUBMITTED);

    /** Statuses still in work: everything but the two ends, closed and rejected. */
    public static final Set<HazardStatus> IN_WORK = EnumSet.complementOf(EnumSet.of(CLOSED, REJECTED));

    /**
     * Statuses in which an overdue hazard climbs the supervision ladder: the work waits on the
     * rectifying unit. A submitted hazard waits on its acceptance instead, and does not climb.
     */
    public static final Set<HazardStatus> ESCALATING = EnumSet.of(ASSIGNED, RECTIFYING);

    public boolean open() {
        return OPEN.contains(this);
    }

    public String messageKey() {
        return "hazard.status." + name();
    }

    public String tag() {
        return switch (this) {
            case REPORTED, VERIFIED -> "tag-blue";
            case ASSIGNED, RECTIFYING -> "tag-orange";
            case SUBMITTED -> "tag-yellow";
            case CLOSED -> "tag-green";
            case REJECTED -> "tag-grey";
        };
    }
}
