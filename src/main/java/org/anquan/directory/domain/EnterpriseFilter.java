package org.anquan.directory.domain;

/**
 * Filters of the enterprise list, all optional; bound from the query string so a filtered list
 * can be bookmarked.
 */
public record EnterpriseFilter(Long regionId, String industry, EnterpriseStatus status, String q, String sort) {

    public static final EnterpriseFilter NONE = new EnterpriseFilter(null, null, null, null, null);

    public String orderBy() {
        if (sort == null) {
            return "e.id DESC";
        }
        return switch (sort) {
            case "name" -> "e.name ASC, e.id ASC";
            case "-name" -> "e.name DESC, e.id DESC";
            case "updated" -> "e.updated_at ASC, e.id ASC";
            case "-updated" -> "e.updated_at DESC, e.id DESC";
            default -> "e.id DESC";
        };
    }

    public String text() {
        return q == null || q.isBlank() ? null : q.trim();
    }

    public String industryCode() {
        return industry == null || industry.isBlank() ? null : industry;
    }
}
