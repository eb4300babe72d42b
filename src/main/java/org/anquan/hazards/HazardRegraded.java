package org.anquan.hazards;

/** A hazard's grade was changed, with a reason, to {@code grade}. Published in the regrading transaction. */
public record HazardRegraded(long hazardId, String code, String grade, long departmentId, long countyId) {

    public boolean major() {
        return "MAJOR".equals(grade);
    }
}
