package org.anquan.hazards;

/** A hazard was reported and routed. Published in the reporting transaction. */
public record HazardReported(long hazardId, String code, String grade, long departmentId, long countyId) {

    public boolean major() {
        return "MAJOR".equals(grade);
    }
}
