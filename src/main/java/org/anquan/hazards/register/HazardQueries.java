package org.anquan.hazards.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import java.util.function.ToLongFunction;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.HazardSummary;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.anquan.shared.PageResult;
import org.anquan.shared.SortOrder;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register: filtered, scoped and paged, answered from the indexes (deferred join). */
@Component
public class HazardQueries {

    /** The register counts exactly up to this many rows. */
    static final int COUNT_CAP = 10_000;

    /** The hazard table's columns for each dimension of a data scope. */
    public static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("h.county_id").department("h.department_id")
            .industry("h.industry_code").enterprise("h.enterprise_id");

    /** The register's sortable columns: newest first unless a column is chosen; the gravest and the latest first on a first click. */
    public static final SortOrder.Columns ORDER = SortOrder.Columns.byDefault("-code")
            .column("-code", "h.id").column("-grade", "h.grade", "h.id").column("deadline", "h.deadline", "h.id");

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final Clock clock;
    private final long firstWindow;

    HazardQueries(JdbcClient jdbc, ScopeFilter scopes, Clock clock, HazardsProperties props) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
        this.firstWindow = Math.max(props.registerFirstWindow(), 1);
    }

    public PageResult<HazardRow> page(HazardFilter f, DataScope scope, LocalDate today, int page, int size, Locale locale) {
        SortOrder order = ORDER.parse(f.sort());
        Where w = where(f, scope, today);
        // counting a million rows exactly costs more than it tells: beyond the cap the pager says "more than"
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM hazard h " + w.sql() + " LIMIT :cap) x").params(w.params())
                .param("cap", COUNT_CAP + 1).query(Long.class).single();
        boolean capped = total > COUNT_CAP;
        if (capped) {
            total = COUNT_CAP;
        }
        List<Long> ids = order.isDefault() ? pageIds(w, page, size)
                : jdbc.sql("SELECT h.id FROM hazard h " + w.sql() + " ORDER BY " + order.sql() + " LIMIT :limit OFFSET :offset")
                        .params(w.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size)).query(Long.class).list();
        if (ids.isEmpty()) {
            return new PageResult<>(List.of(), page, size, total, capped);
        }
        boolean en = "en".equals(locale.getLanguage());
        List<HazardRow> rows = jdbc.sql("SELECT h.*, e.name AS enterprise_name, "
                        + (en ? "i.name_en" : "i.name_zh") + " AS industry_name, "
                        + (en ? "COALESCE(d.name_en, d.name)" : "d.name") + " AS department_name, c.name AS county_name "
                        + "FROM hazard h JOIN directory_industry_view i ON i.code = h.industry_code JOIN directory_department_view d ON d.id = h.department_id "
                        + "JOIN directory_region_view c ON c.id = h.county_id LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id "
                        + "WHERE h.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new HazardRow(rs.getLong("id"), rs.getString("code"), HazardSource.valueOf(rs.getString("source")),
                        rs.getString("enterprise_name"), rs.getString("place"), rs.getString("industry_name"),
                        rs.getString("description"), HazardGrade.valueOf(rs.getString("grade")),
                        HazardStatus.valueOf(rs.getString("status")), rs.getString("department_name"),
                        rs.getString("county_name"), rs.getObject("deadline", LocalDate.class),
                        rs.getObject("reported_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        // in the page's order, which the ids carry
        Map<Long, Integer> position = new HashMap<>();
        ids.forEach(id -> position.put(id, position.size()));
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.comparing(r -> position.get(r.id())));
        return new PageResult<>(rows, page, size, total, capped);
    }

    /**
     * The ids of one page, newest first, looked for in a window of the newest ids that grows until it
     * holds the page: the newest matches are found without sorting every match of a broad filter.
     * The page is exact: it is taken from a window only when the window holds all matches before it.
     */
    List<Long> pageIds(Where w, int page, int size) {
        long offset = PageResult.offsetOf(page, size);
        Long maxId = jdbc.sql("SELECT MAX(id) FROM hazard").query(Long.class).optional().orElse(null);
        if (maxId == null) {
            return List.of();
        }
        for (long window = firstWindow; ; window *= 16) {
            long floor = maxId - window;
            String range = floor > 0 ? " AND h.id > :floor" : "";
            List<Long> ids = jdbc.sql("SELECT h.id FROM hazard h " + w.sql() + range + " ORDER BY h.id DESC LIMIT :limit OFFSET :offset")
                    .params(w.params()).param("floor", floor).param("limit", size).param("offset", offset)
                    .query(Long.class).list();
            if (ids.size() == size || floor <= 0) {
                return ids;
            }
        }
    }

    /** A hazard as the register's map shows it: where, how grave, how far along. */
    public record Located(long id, String code, String subject, HazardGrade grade, HazardStatus status, boolean overdue,
                          double lon, double lat) {
    }

    /**
     * The newest hazards of the filtered register that have a position (their own, or their
     * enterprise's), at most {@code limit}.
     */
    public List<Located> located(HazardFilter f, DataScope scope, LocalDate today, int limit) {
        Where w = where(f, scope, today);
        return jdbc.sql("SELECT h.id, h.code, h.grade, h.status, h.open_deadline, COALESCE(e.name, h.place) AS subject, "
                        + "COALESCE(h.lon, e.lon) AS lon, COALESCE(h.lat, e.lat) AS lat "
                        + "FROM hazard h LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id " + w.sql()
                        + " AND COALESCE(h.lon, e.lon) IS NOT NULL AND COALESCE(h.lat, e.lat) IS NOT NULL ORDER BY h.id DESC LIMIT :limit")
                .params(w.params()).param("limit", limit)
                .query((rs, n) -> {
                    LocalDate open = rs.getObject("open_deadline", LocalDate.class);
                    return new Located(rs.getLong("id"), rs.getString("code"), rs.getString("subject"),
                            HazardGrade.valueOf(rs.getString("grade")), HazardStatus.valueOf(rs.getString("status")),
                            open != null && open.isBefore(today), rs.getDouble("lon"), rs.getDouble("lat"));
                }).list();
    }

    /** How many of these hazards the scope reaches in the mode; ids of hazards that do not exist are not counted. */
    public int countInScope(Collection<Long> ids, DataScope scope, ScopeFilter.Mode mode) {
        if (ids.isEmpty()) {
            return 0;
        }
        Where w = where(HazardFilter.NONE, scopes.render(scope, SCOPE, mode));
        return jdbc.sql("SELECT COUNT(*) FROM hazard h " + w.sql() + " AND h.id IN (:ids)").params(w.params())
                .param("ids", ids).query(Integer.class).single();
    }

    /** Whether the scope may read the hazard. */
    public boolean inScope(long hazardId, DataScope scope) {
        return inScope(hazardId, scope, ScopeFilter.Mode.READ);
    }

    public boolean inScope(long hazardId, DataScope scope, ScopeFilter.Mode mode) {
        Where w = where(HazardFilter.NONE, scopes.render(scope, SCOPE, mode));
        return jdbc.sql("SELECT COUNT(*) FROM hazard h " + w.sql() + " AND h.id = :hid").params(w.params())
                .param("hid", hazardId).query(Long.class).single() > 0;
    }

    /**
     * The scope's counts by the work they wait for. Closed and rejected hazards, most of a register,
     * are never read: the statuses still in work are counted from the (scope, status, grade) indexes,
     * the overdue ones from the open-deadline index.
     */
    public HazardSummary summary(DataScope scope, LocalDate today) {
        Where w = where(HazardFilter.NONE, scope, today);
        Map<String, long[]> byStatus = new HashMap<>();
        jdbc.sql("SELECT h.status, h.grade, COUNT(*) FROM hazard h " + w.sql() + " AND h.status IN (:waiting) GROUP BY h.status, h.grade")
                .params(w.params()).param("waiting", HazardStatus.IN_WORK.stream().map(Enum::name).toList())
                .query(rs -> {
                    long[] c = byStatus.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    c["MAJOR".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                });
        long overdue = jdbc.sql("SELECT COUNT(*) FROM hazard h " + w.sql() + " AND h.open_deadline < :today")
                .params(w.params()).param("today", today).query(Long.class).single();
        ToLongFunction<HazardStatus> all = s -> {
            long[] c = byStatus.getOrDefault(s.name(), new long[2]);
            return c[0] + c[1];
        };
        long open = HazardStatus.OPEN.stream().mapToLong(all).sum();
        long major = HazardStatus.OPEN.stream().mapToLong(s -> byStatus.getOrDefault(s.name(), new long[2])[0]).sum();
        return new HazardSummary(open, overdue, major, all.applyAsLong(HazardStatus.SUBMITTED), all.applyAsLong(HazardStatus.REPORTED),
                all.applyAsLong(HazardStatus.VERIFIED), all.applyAsLong(HazardStatus.ASSIGNED), all.applyAsLong(HazardStatus.RECTIFYING));
    }

    /** Hazards found and closed in each of the last {@code weeks} weeks (Monday to Sunday, city time), oldest first. */
    public List<HazardSummary.Week> weekly(DataScope scope, LocalDate today, int weeks) {
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(weeks - 1L);
        OffsetDateTime from = CityTime.startOf(monday, clock);
        OffsetDateTime to = CityTime.startOf(monday.plusWeeks(weeks), clock);
        long[] found = perWeek("reported_at", scope, from, to, weeks);
        long[] closed = perWeek("closed_at", scope, from, to, weeks);
        long[] overdue = overdueAtWeekEnds(scope, monday, today, weeks);
        List<HazardSummary.Week> result = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            result.add(new HazardSummary.Week(monday.plusWeeks(i), found[i], closed[i], overdue[i]));
        }
        return result;
    }

    /**
     * How many hazards were overdue at the end of each week (its Sunday, or today for this week): a
     * deadline before that day, found before it, and not closed by its end. One pass over the hazards
     * still open or closed within the weeks; those closed earlier are never read.
     */
    long[] overdueAtWeekEnds(DataScope scope, LocalDate firstMonday, LocalDate today, int weeks) {
        Where w = where(HazardFilter.NONE, scope, LocalDate.MIN);
        StringBuilder sums = new StringBuilder();
        Map<String, Object> p = new HashMap<>(w.params());
        for (int i = 0; i < weeks; i++) {
            LocalDate end = firstMonday.plusWeeks(i).plusDays(6);
            LocalDate day = end.isAfter(today) ? today : end;
            sums.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN h.deadline < :d").append(i).append(" AND h.reported_at < :e").append(i)
                    .append(" AND (h.closed_at IS NULL OR h.closed_at >= :e").append(i).append(") THEN 1 ELSE 0 END)");
            p.put("d" + i, day);
            p.put("e" + i, CityTime.startOf(day.plusDays(1), clock));
        }
        p.put("first", CityTime.startOf(firstMonday, clock));
        long[] counts = new long[weeks];
        jdbc.sql("SELECT " + sums + " FROM hazard h " + w.sql() + " AND h.deadline IS NOT NULL AND h.status <> 'REJECTED' "
                        + "AND (h.closed_at IS NULL OR h.closed_at >= :first)")
                .params(p).query(rs -> {
                    for (int i = 0; i < weeks; i++) {
                        counts[i] = rs.getLong(i + 1);
                    }
                });
        return counts;
    }

    /** Open hazards by county and grade, every county of the city listed (in its code order), within the scope. */
    public List<HazardSummary.CountyOpen> openByCounty(DataScope scope) {
        Where w = where(HazardFilter.NONE, scope, LocalDate.MIN);
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT h.county_id, h.grade, COUNT(*) FROM hazard h " + w.sql() + " AND h.status IN (:open) GROUP BY h.county_id, h.grade")
                .params(w.params()).param("open", HazardStatus.OPEN.stream().map(Enum::name).toList())
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[2]);
                    c["MAJOR".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                });
        return jdbc.sql("SELECT id, name FROM directory_region_view WHERE region_level = 'COUNTY' ORDER BY code")
                .query((rs, n) -> {
                    long[] c = counts.getOrDefault(rs.getLong(1), new long[2]);
                    return new HazardSummary.CountyOpen(rs.getString(2), c[0], c[1]);
                }).list();
    }

    /** One range of one indexed column, counted by week in one pass. */
    private long[] perWeek(String column, DataScope scope, OffsetDateTime from, OffsetDateTime to, int weeks) {
        Where w = where(HazardFilter.NONE, scope, LocalDate.MIN);
        String week = "FLOOR((EXTRACT(EPOCH FROM h." + column + ") - :start) / 604800)";
        long[] counts = new long[weeks];
        jdbc.sql("SELECT wk, COUNT(*) AS n FROM (SELECT " + week + " AS wk FROM hazard h " + w.sql() + " AND h." + column
                        + " >= :f AND h." + column + " < :t) x GROUP BY wk")
                .params(w.params()).param("start", from.toEpochSecond()).param("f", from).param("t", to)
                .query(rs -> {
                    int i = rs.getInt("wk");
                    if (i >= 0 && i < weeks) {
                        counts[i] += rs.getLong("n");
                    }
                });
        return counts;
    }

    Where where(HazardFilter f, DataScope scope, LocalDate today) {
        return where(f, scopes.read(scope, SCOPE), today);
    }

    private Where where(HazardFilter f, ScopeFilter.Predicate scope) {
        return where(f, scope, LocalDate.MIN);
    }

    private Where where(HazardFilter f, ScopeFilter.Predicate scope, LocalDate today) {
        Where where = scope.where()
                .and("h.county_id = :county", "county", f.countyId())
                .and("h.department_id = :dept", "dept", f.departmentId())
                .and("h.status = :status", "status", f.status() == null ? null : f.status().name())
                .and("h.grade = :grade", "grade", f.grade() == null ? null : f.grade().name())
                .and("h.open_deadline < :today", "today", Boolean.TRUE.equals(f.overdue()) ? today : null)
                .and("h.enterprise_id = :enterprise", "enterprise", f.enterpriseId());
        if (f.text() != null) {
            where.and("h.code = :code OR h.description LIKE :text ESCAPE '\\'", Map.of("code", f.text().toUpperCase(Locale.ROOT),
                    "text", "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
        }
        return where;
    }

    /** The open major hazards the scope reads, earliest deadline first: the list a situation report closes with. */
    public List<HazardSummary.OpenMajor> openMajor(DataScope scope, int limit) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        return jdbc.sql("SELECT h.code, COALESCE(e.name, h.place) AS subject, c.name AS county_name, h.deadline FROM hazard h "
                        + "JOIN directory_region_view c ON c.id = h.county_id LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id "
                        + "WHERE h.grade = 'MAJOR' AND h.status IN ('VERIFIED', 'ASSIGNED', 'RECTIFYING', 'SUBMITTED')" + visible.and()
                        + " ORDER BY h.deadline, h.id LIMIT " + limit)
                .params(visible.params())
                .query((rs, n) -> new HazardSummary.OpenMajor(rs.getString("code"), rs.getString("subject"),
                        rs.getString("county_name"), rs.getObject("deadline", LocalDate.class)))
                .list();
    }
}
