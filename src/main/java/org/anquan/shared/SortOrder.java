package org.anquan.shared;

import java.util.*;

/**
 * The columns a list may be sorted by, and the order one request chose. A request names a column
 * key ({@code deadline} ascending, {@code -deadline} descending); a key the list does not offer is
 * refused, never silently ignored. Each key maps to the SQL columns that order it, the last of them
 * a unique one so that pages never overlap.
 */
public final class SortOrder {

    /** The columns one list offers, and its order when the request names none. */
    public static final class Columns {
        private final Map<String, String[]> columns = new LinkedHashMap<>();
        private final Set<String> descendingFirst = new HashSet<>();
        private final String defaultKey;
        private final boolean defaultDescending;

        private Columns(String defaultKey, boolean defaultDescending) {
            this.defaultKey = defaultKey;
            this.defaultDescending = defaultDescending;
        }

        /** A list whose order is {@code key} unless a request chooses another ({@code -key} for descending). */
        public static Columns byDefault(String key) {
            boolean descending = key.startsWith("-");
            return new Columns(descending ? key.substring(1) : key, descending);
        }

        /**
         * A column the list may be sorted by, ordered by these SQL expressions (all in the chosen
         * direction); a key written {@code -key} is sorted descending on its first click (newest, gravest).
         */
        public Columns column(String key, String... sql) {
            if (key.startsWith("-")) {
                key = key.substring(1);
                descendingFirst.add(key);
            }
            columns.put(key, sql);
            return this;
        }

        /** The order a request names, or the default for none; an unknown key is invalid input naming the field {@code sort}. */
        public SortOrder parse(String requested) {
            if (requested == null || requested.isBlank()) {
                return new SortOrder(this, defaultKey, defaultDescending);
            }
            String r = requested.trim();
            boolean descending = r.startsWith("-");
            String key = descending ? r.substring(1) : r;
            if (!columns.containsKey(key)) {
                throw new InvalidInputException(Map.of("sort", "list.sort.unknown"));
            }
            return new SortOrder(this, key, descending);
        }

        public Set<String> keys() {
            return Collections.unmodifiableSet(columns.keySet());
        }
    }

    private final Columns columns;
    private final String key;
    private final boolean descending;

    private SortOrder(Columns columns, String key, boolean descending) {
        this.columns = columns;
        this.key = key;
        this.descending = descending;
    }

    public String key() {
        return key;
    }

    public boolean descending() {
        return descending;
    }

    /** Whether this is the list's order when nothing is chosen. */
    public boolean isDefault() {
        return key.equals(columns.defaultKey) && descending == columns.defaultDescending;
    }

    /** The ORDER BY list (without the keywords), every expression in the chosen direction. */
    public String sql() {
        String direction = descending ? " DESC" : " ASC";
        return String.join(", ", Arrays.stream(columns.columns.get(key)).map(c -> c + direction).toList());
    }

    /** The request parameter that keeps this order. */
    public String param() {
        return (descending ? "-" : "") + key;
    }

    /** The parameter a click on a column's header sends: the other direction of the current column, ascending for another. */
    public String next(String column) {
        if (column.equals(key)) {
            return descending ? column : "-" + column;
        }
        return columns.descendingFirst.contains(column) ? "-" + column : column;
    }

    /** The column's aria-sort value: ascending, descending or none. */
    public String ariaSort(String column) {
        return !column.equals(key) ? "none" : descending ? "descending" : "ascending";
    }
}
