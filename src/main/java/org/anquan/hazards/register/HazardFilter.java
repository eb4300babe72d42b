package org.anquan.hazards.register;

/** Filters of the hazard register, all optional, bound from the query string. */
record HazardFilter(Long countyId, Long departmentId, HazardStatus status, HazardGrade grade, Boolean overdue,
                           Long enterpriseId, String q, String sort) {

    public static final HazardFilter NONE = new HazardFilter(null, null, null, null, null, null, null, null);

    /** The register's text search alone, in its usual order. */
    public static HazardFilter text(String q) {
        return new HazardFilter(null, null, null, null, null, null, q, null);
    }

    public String text() {
        return q == null || q.isBlank() ? null : q.trim();
    }
}
