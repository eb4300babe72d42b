package org.anquan.platform.security;

/**
 * The slice of the city's records an account may see. Every list and lookup query applies it.
 *
 * @param kind what the scope is bounded by
 * @param id   the region, department or enterprise id; null for {@link Kind#CITY}
 */
public record DataScope(Kind kind, Long id) {

    public enum Kind { CITY, REGION, DEPARTMENT, ENTERPRISE }

    public static final DataScope CITY = new DataScope(Kind.CITY, null);

    public DataScope {
        if (kind != Kind.CITY && id == null) {
            throw new IllegalArgumentException("scope " + kind + " needs an id");
        }
    }

    public boolean isCity() {
        return kind == Kind.CITY;
    }
}
