package org.anquan.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WHERE clause made of the conditions a list's filter asks for, with their named parameters. The SQL of a
 * condition is always the caller's code; what a person chose is only ever bound as a parameter. A condition
 * whose value was not chosen (null, a blank text, an empty list) is left out.
 * <pre>
 * Where w = scope.where().and("t.county_id = :county", "county", f.countyId()).and("t.grade = :grade", "grade", grade);
 * jdbc.sql("SELECT COUNT(*) FROM some_table t" + w.sql()).params(w.params())
 * </pre>
 */
public final class Where {

    private final StringBuilder sql;
    private final Map<String, Object> params;

    private Where(String condition, Map<String, ?> params) {
        this.sql = new StringBuilder("(").append(condition).append(')');
        this.params = new LinkedHashMap<>(params);
    }

    /** Every row, until conditions are added. */
    public static Where all() {
        return new Where("1 = 1", Map.of());
    }

    /** The rows of a first condition (a data scope's predicate, a fixed rule) with its parameters. */
    public static Where of(String condition, Map<String, ?> params) {
        return new Where(condition, params);
    }

    /** ANDs a condition that needs no value. */
    public Where and(String condition) {
        sql.append(" AND (").append(condition).append(')');
        return this;
    }

    /** ANDs a condition when {@code flag} holds. */
    public Where andIf(boolean flag, String condition) {
        return flag ? and(condition) : this;
    }

    /** ANDs a condition on one value, bound as {@code :name}; left out when no value was chosen. */
    public Where and(String condition, String name, Object value) {
        if (!chosen(value)) {
            return this;
        }
        put(name, value);
        return and(condition);
    }

    /** ANDs a condition on several values (a period's two ends), all bound; left out when any is not chosen. */
    public Where and(String condition, Map<String, ?> values) {
        if (!values.values().stream().allMatch(Where::chosen)) {
            return this;
        }
        values.forEach(this::put);
        return and(condition);
    }

    /** {@code " WHERE …"}, to append to a FROM clause. */
    public String sql() {
        return " WHERE " + sql;
    }

    /** {@code " AND …"}, to append to a WHERE clause of the caller's own. */
    public String andSql() {
        return " AND " + sql;
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    private void put(String name, Object value) {
        Object before = params.putIfAbsent(name, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalArgumentException("parameter :" + name + " bound twice to different values");
        }
    }

    private static boolean chosen(Object value) {
        return value != null && !(value instanceof String s && s.isBlank()) && !(value instanceof Collection<?> c && c.isEmpty());
    }
}
