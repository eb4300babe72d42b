package org.anquan.hazards.domain;

/** Filters of the hazard register, all optional, bound from the query string. */
public record HazardFilter(Long countyId, Long departmentId, HazardStatus status, HazardGrade grade, Boolean overdue,
                           Long enterpriseId, String q) {

    public static final HazardFilter NONE = new HazardFilter(null, null, null, null, null, null, null);

    public String text() {
        return q == null || q.isBlank() ? null : q.trim();
    }
}
