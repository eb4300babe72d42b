package org.anquan.directory.enterprises;

import org.anquan.shared.SortOrder;

/**
 * Filters of the enterprise list, all optional; bound from the query string so a filtered list
 * can be bookmarked.
 */
public record EnterpriseFilter(Long regionId, String industry, EnterpriseStatus status, String q, String sort) {

    public static final EnterpriseFilter NONE = new EnterpriseFilter(null, null, null, null, null);

    /** The list's sortable columns: the newest registered first unless the name or the last change is chosen. */
    public static final SortOrder.Columns ORDER = SortOrder.Columns.byDefault("-registered")
            .column("-registered", "e.id").column("name", "e.name", "e.id").column("-updated", "e.updated_at", "e.id");

    /** The chosen order; a column the list does not offer is invalid input. */
    public SortOrder order() {
        return ORDER.parse(sort);
    }

    public String orderBy() {
        return order().sql();
    }

    public String text() {
        return q == null || q.isBlank() ? null : q.trim();
    }

    public String industryCode() {
        return industry == null || industry.isBlank() ? null : industry;
    }
}
