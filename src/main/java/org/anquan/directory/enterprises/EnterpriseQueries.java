package org.anquan.directory.enterprises;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.anquan.directory.ScopeFilter;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.PageResult;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read side of enterprises: the filtered, scoped list, its count and the export stream. Every
 * query carries the caller's {@link DataScope}.
 */
@Component
public class EnterpriseQueries {

    /** The filter of a scope or region that matches nothing: no query is run. */
    private static final Where NOTHING = Where.of("1 = 0", Map.of());

    private static final String FROM = """
            FROM enterprise e
            JOIN industry i ON i.code = e.industry_code
            JOIN region r ON r.id = e.region_id
            LEFT JOIN region c ON c.id = r.parent_id AND r.region_level = 'TOWNSHIP'
            """;

    /** The enterprise table's columns for each dimension of a data scope. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("e.county_id").industry("e.industry_code")
            .enterprise("e.id");

    private final JdbcClient jdbc;
    private final EnterpriseSearchIndex searchIndex;
    private final ScopeFilter scopes;

    EnterpriseQueries(JdbcClient jdbc, EnterpriseSearchIndex searchIndex, ScopeFilter scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.searchIndex = searchIndex;
    }

    public PageResult<EnterpriseRow> page(EnterpriseFilter f, DataScope scope, int page, int size, Locale locale) {
        Where w = where(f, scope);
        if (w == NOTHING) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        String rows = " ORDER BY " + f.orderBy() + " LIMIT :limit OFFSET :offset";
        if (f.text() != null) {
            // a text filter scans rows: count them in the same pass instead of a second scan
            long[] total = {-1};
            List<EnterpriseRow> items = jdbc.sql(select(locale) + ", COUNT(*) OVER () AS total_rows " + FROM + w.sql() + rows)
                    .params(w.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size))
                    .query((rs, n) -> {
                        total[0] = rs.getLong("total_rows");
                        return map(rs, n);
                    }).list();
            if (total[0] < 0) {
                total[0] = count(w);
            }
            return new PageResult<>(items, page, size, total[0]);
        }
        long total = count(w);
        // deferred join: pick the page's ids from the indexes alone, then read just those rows
        List<Long> ids = jdbc.sql("SELECT e.id FROM enterprise e " + w.sql() + rows)
                .params(w.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size))
                .query(Long.class).list();
        List<EnterpriseRow> items = ids.isEmpty() ? List.of()
                : jdbc.sql(select(locale) + FROM + "WHERE e.id IN (:ids) ORDER BY " + f.orderBy())
                        .param("ids", ids).query(EnterpriseQueries::map).list();
        return new PageResult<>(items, page, size, total);
    }

    private long count(Where w) {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise e " + w.sql()).params(w.params()).query(Long.class).single();
    }

    /** Streams every matching row (for export), in list order, up to {@code max}. */
    public void forEach(EnterpriseFilter f, DataScope scope, Locale locale, int max, Consumer<EnterpriseRow> sink) {
        Where w = where(f, scope);
        if (w == NOTHING) {
            return;
        }
        jdbc.sql(select(locale) + FROM + w.sql() + " ORDER BY " + f.orderBy() + " LIMIT :limit")
                .params(w.params()).param("limit", max)
                .query(rs -> { sink.accept(map(rs, 0)); });
    }

    public long count(DataScope scope) {
        Where w = where(EnterpriseFilter.NONE, scope);
        return w == NOTHING ? 0 : count(w);
    }

    /** Whether the enterprise lies within the scope. */
    public boolean inScope(long enterpriseId, DataScope scope) {
        Where w = where(EnterpriseFilter.NONE, scope);
        if (w == NOTHING) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM enterprise e " + w.sql() + " AND e.id = :eid").params(w.params())
                .param("eid", enterpriseId).query(Long.class).single() > 0;
    }

    /** Licences expiring within {@code days} (or expired), in scope. */
    public long licencesExpiringWithin(int days, DataScope scope, LocalDate today) {
        Where w = where(EnterpriseFilter.NONE, scope);
        if (w == NOTHING) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM licence l JOIN enterprise e ON e.id = l.enterprise_id " + w.sql()
                        + " AND l.valid_until <= :limit")
                .params(w.params()).param("limit", today.plusDays(days)).query(Long.class).single();
    }

    private Where where(EnterpriseFilter f, DataScope scope) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        if (visible.matchesNothing()) {
            return NOTHING;
        }
        Where w = visible.where();
        if (f.regionId() != null && !region(f.regionId(), "region", w)) {
            return NOTHING;
        }
        w.and("e.industry_code = :industry", "industry", f.industryCode())
                .and("e.status = :status", "status", f.status() == null ? null : f.status().name());
        if (f.text() != null) {
            String text = f.text();
            if (text.length() == 18 && CreditCode.wellFormed(CreditCode.normalize(text))) {
                w.and("e.credit_code = :code", "code", CreditCode.normalize(text));
            } else {
                String lower = text.toLowerCase(Locale.ROOT);
                EnterpriseSearchIndex.Plan plan = searchIndex.plan(lower);
                if (plan instanceof EnterpriseSearchIndex.Nothing) {
                    w.and("1 = 0");
                } else if (plan instanceof EnterpriseSearchIndex.Ids c) {
                    w.andIf(c.ids().isEmpty(), "1 = 0").and("e.id IN (:candidates)", "candidates", c.ids());
                } else if (plan instanceof EnterpriseSearchIndex.Candidates c) {
                    if (c.terms().size() > 1) {
                        w.and("e.id IN (SELECT t1.enterprise_id FROM enterprise_term t1 JOIN enterprise_term t2 "
                                + "ON t2.enterprise_id = t1.enterprise_id AND t2.term = :term2 WHERE t1.term = :term1)",
                                Map.of("term1", c.terms().get(0), "term2", c.terms().get(1)));
                    } else {
                        w.and("e.id IN (SELECT t1.enterprise_id FROM enterprise_term t1 WHERE t1.term = :term1)", "term1", c.terms().get(0));
                    }
                }
                w.and("e.search_text LIKE :text ESCAPE '\\'", "text", "%" + escapeLike(lower) + "%");
            }
        }
        return w;
    }

    /**
     * Limits to a region and everything under it by equality on the stored county or township,
     * which the indexes answer directly. False when the region does not exist.
     */
    private boolean region(long regionId, String param, Where w) {
        String level = jdbc.sql("SELECT region_level FROM region WHERE id = :id").param("id", regionId)
                .query(String.class).optional().orElse(null);
        if (level == null) {
            return false;
        }
        switch (RegionLevel.valueOf(level)) {
            case CITY -> { }
            case COUNTY -> w.and("e.county_id = :" + param, param, regionId);
            case TOWNSHIP -> w.and("e.region_id = :" + param, param, regionId);
        }
        return true;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String select(Locale locale) {
        String industryName = "en".equals(locale.getLanguage()) ? "i.name_en" : "i.name_zh";
        return "SELECT e.id, e.name, e.credit_code, e.industry_code, " + industryName + " AS industry_name, "
                + "e.region_id, r.name AS region_name, COALESCE(c.name, r.name) AS county_name, e.address, e.scale, "
                + "e.status, e.principal_name, e.principal_phone, e.safety_manager_name, e.safety_manager_phone, "
                + "e.outside_region, e.updated_at ";
    }

    private static EnterpriseRow map(ResultSet rs, int n) throws SQLException {
        return new EnterpriseRow(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                rs.getString("industry_code"), rs.getString("industry_name"), rs.getLong("region_id"),
                rs.getString("region_name"), rs.getString("county_name"), rs.getString("address"),
                EnterpriseScale.valueOf(rs.getString("scale")), EnterpriseStatus.valueOf(rs.getString("status")),
                rs.getString("principal_name"), rs.getString("principal_phone"), rs.getString("safety_manager_name"),
                rs.getString("safety_manager_phone"), rs.getBoolean("outside_region"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

}
