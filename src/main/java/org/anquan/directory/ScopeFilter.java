package org.anquan.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where a {@link DataScope} becomes SQL. A query names the columns it has for each
 * dimension of a scope ({@link Columns}); the filter renders the predicate and its parameters.
 * Every query that lists, counts or looks up records of a scope goes through it. The meanings:
 *
 * <ul>
 *   <li><b>City</b>: everything.</li>
 *   <li><b>County</b> (a county officer's region): every record of the county and its townships,
 *       i.e. whose county column is the county; a query with only an enterprise column keeps the
 *       enterprises of the county.</li>
 *   <li><b>Department</b>, for reading: records routed to the department, and records of every
 *       industry it leads or co-supervises (管行业必须管安全); for acting: records routed to it, or,
 *       where a query has no department column, of the industries it leads.</li>
 *   <li><b>Enterprise</b>: the enterprise's own records; a query without an enterprise column
 *       keeps the records of the enterprise's county and industry.</li>
 * </ul>
 * A scope whose dimension the query does not name sees nothing ({@code 1 = 0}).
 */
@Component
public class ScopeFilter {

    public enum Mode { READ, ACT }

    /**
     * The columns a query has, each a qualified column name or null: the county (a county-level
     * region id), the department the record is routed to, the industry code, the enterprise id.
     */
    public record Columns(String county, String department, String industry, String enterprise) {

        public static Columns of() {
            return new Columns(null, null, null, null);
        }

        public Columns county(String column) {
            return new Columns(column, department, industry, enterprise);
        }

        public Columns department(String column) {
            return new Columns(county, column, industry, enterprise);
        }

        public Columns industry(String column) {
            return new Columns(county, department, column, enterprise);
        }

        public Columns enterprise(String column) {
            return new Columns(county, department, industry, column);
        }
    }

    /** A predicate to AND into a WHERE clause, with its named parameters (all prefixed {@code scope_}). */
    public record Predicate(String sql, Map<String, Object> params) {

        static final Predicate ALL = new Predicate("1 = 1", Map.of());
        static final Predicate NONE = new Predicate("1 = 0", Map.of());

        /** {@code " AND (…)"}, to append to a WHERE clause. */
        public String and() {
            return " AND (" + sql + ")";
        }

        public boolean matchesNothing() {
            return this.equals(NONE);
        }

        /** A WHERE clause of this predicate, for a list's filters to AND their conditions to. */
        public Where where() {
            return Where.of(sql, params);
        }
    }

    /**
     * One record as the scope sees it, for checks in Java of a record about to be written: its
     * county, the department it is routed to, its industry, its enterprise (each may be null).
     */
    public record Subject(Long county, Long department, String industry, Long enterprise) {
    }

    private final ResponsibilityMatrix matrix;
    private final JdbcClient jdbc;

    ScopeFilter(ResponsibilityMatrix matrix, JdbcClient jdbc) {
        this.matrix = matrix;
        this.jdbc = jdbc;
    }

    /** What the scope may read. */
    public Predicate read(DataScope scope, Columns c) {
        return render(scope, c, Mode.READ);
    }

    /** What the scope may act on. */
    public Predicate act(DataScope scope, Columns c) {
        return render(scope, c, Mode.ACT);
    }

    /** The same rule as {@link #render} for one record in memory: whether the scope reaches it. */
    public boolean reaches(DataScope scope, Subject s, Mode mode) {
        return switch (scope.kind()) {
            case CITY -> true;
            case REGION -> s.county() != null ? scope.id().equals(s.county())
                    : s.enterprise() != null && enterpriseCounty(s.enterprise()).map(scope.id()::equals).orElse(false);
            case DEPARTMENT -> {
                List<String> industries = mode == Mode.READ ? matrix.industriesOf(scope.id()) : matrix.ledIndustriesOf(scope.id());
                boolean routed = s.department() != null && scope.id().equals(s.department());
                if (mode == Mode.ACT && s.department() != null) {
                    yield routed;
                }
                yield routed || (s.industry() != null && industries.contains(s.industry()));
            }
            case ENTERPRISE -> s.enterprise() != null ? scope.id().equals(s.enterprise())
                    : s.county() != null && s.industry() != null && enterpriseOf(scope.id())
                            .map(e -> e.getKey().equals(s.county()) && e.getValue().equals(s.industry())).orElse(false);
        };
    }

    private Optional<Long> enterpriseCounty(long enterpriseId) {
        return enterpriseOf(enterpriseId).map(Map.Entry::getKey);
    }

    private Optional<Map.Entry<Long, String>> enterpriseOf(long enterpriseId) {
        return jdbc.sql("SELECT county_id, industry_code FROM enterprise WHERE id = :id").param("id", enterpriseId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
    }

    public Predicate render(DataScope scope, Columns c, Mode mode) {
        Map<String, Object> p = new HashMap<>();
        String sql = switch (scope.kind()) {
            case CITY -> ALL_SQL;
            case REGION -> county(scope.id(), c, p);
            case DEPARTMENT -> department(scope.id(), c, mode, p);
            case ENTERPRISE -> enterprise(scope.id(), c, p);
        };
        if (ALL_SQL.equals(sql)) {
            return Predicate.ALL;
        }
        return NONE_SQL.equals(sql) ? Predicate.NONE : new Predicate(sql, Map.copyOf(p));
    }

    private static final String ALL_SQL = "1 = 1";
    private static final String NONE_SQL = "1 = 0";

    private String county(long countyId, Columns c, Map<String, Object> p) {
        p.put("scope_county", countyId);
        if (c.county() != null) {
            return c.county() + " = :scope_county";
        }
        if (c.enterprise() != null) {
            return c.enterprise() + " IN (SELECT se.id FROM enterprise se WHERE se.county_id = :scope_county)";
        }
        return NONE_SQL;
    }

    private String department(long departmentId, Columns c, Mode mode, Map<String, Object> p) {
        List<String> industries = mode == Mode.READ ? matrix.industriesOf(departmentId) : matrix.ledIndustriesOf(departmentId);
        String routed = null;
        if (c.department() != null) {
            p.put("scope_department", departmentId);
            routed = c.department() + " = :scope_department";
            if (mode == Mode.ACT) {
                return routed;
            }
        }
        String supervised = null;
        if (c.industry() != null && !industries.isEmpty()) {
            p.put("scope_industries", industries);
            supervised = c.industry() + " IN (:scope_industries)";
        }
        if (routed != null && supervised != null) {
            return "(" + routed + " OR " + supervised + ")";
        }
        if (routed != null) {
            return routed;
        }
        return supervised != null ? supervised : NONE_SQL;
    }

    private String enterprise(long enterpriseId, Columns c, Map<String, Object> p) {
        if (c.enterprise() != null) {
            p.put("scope_enterprise", enterpriseId);
            return c.enterprise() + " = :scope_enterprise";
        }
        if (c.county() == null || c.industry() == null) {
            return NONE_SQL;
        }
        var e = enterpriseOf(enterpriseId);
        if (e.isEmpty()) {
            return NONE_SQL;
        }
        p.put("scope_county", e.get().getKey());
        p.put("scope_industry", e.get().getValue());
        return c.county() + " = :scope_county AND " + c.industry() + " = :scope_industry";
    }
}
