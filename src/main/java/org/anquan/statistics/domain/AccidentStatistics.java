package org.anquan.statistics.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accidents, deaths (with the missing), injuries and direct loss of a period, by county, industry or
 * kind, each beside the same period of the year before. One grouped statement for both periods.
 */
@Service
@Transactional(readOnly = true)
public class AccidentStatistics {

    /** The longest period asked for at once. */
    public static final int MAX_YEARS = 10;

    /** An accident's columns for each dimension of a data scope, on the published view. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("a.county_id").industry("a.industry_code")
            .enterprise("a.enterprise_id");

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final Clock clock;

    AccidentStatistics(JdbcClient jdbc, ScopeFilter scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * A grouping: the columns of the published view it groups by (k1, k2 in the aggregate), the joins
     * that name a group (made on the aggregate's few rows, not on every accident), its names and order.
     */
    public enum GroupBy {
        COUNTY(List.of("a.county_id"), "JOIN directory_region_view g ON g.id = t.k1", "g.name", "g.name", "g.code"),
        TOWNSHIP(List.of("a.township_id"), "LEFT JOIN directory_region_view g ON g.id = t.k1", "g.name", "g.name", "COALESCE(g.code, '~')"),
        INDUSTRY(List.of("a.industry_code"), "JOIN directory_industry_view g ON g.code = t.k1", "g.name_zh", "g.name_en", "g.sort_order"),
        KIND(List.of("a.kind_code"), "JOIN accidents_kind_view g ON g.code = t.k1", "g.name_zh", "g.name_en", "g.sort_order"),
        GRADE(List.of("a.grade"), "JOIN accidents_grade_view g ON g.code = t.k1", "g.name_zh", "g.name_en", "g.sort_order"),
        /** Each county's industries: the cross table the office reads to see where a rise comes from. */
        COUNTY_INDUSTRY(List.of("a.county_id", "a.industry_code"),
                "JOIN directory_region_view g ON g.id = t.k1 JOIN directory_industry_view gi ON gi.code = t.k2",
                "g.name || ' · ' || gi.name_zh", "g.name || ' · ' || gi.name_en", "g.code");

        final List<String> keys;
        final String join;
        final String nameZh;
        final String nameEn;
        final String order;

        GroupBy(List<String> keys, String join, String nameZh, String nameEn, String order) {
            this.keys = keys;
            this.join = join;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.order = order;
        }
    }

    /** The four figures of a group in one period. */
    public record Figures(long accidents, long deaths, long injuries, long lossYuan) {
        static final Figures ZERO = new Figures(0, 0, 0, 0);
    }

    /** A group's figures this period and last year's, with the changes; a group without a name (no township given) has a null key and name. */
    public record Row(String key, String name, Figures current, Figures previous) {
        public YearOnYear accidents() {
            return YearOnYear.of(current.accidents(), previous.accidents());
        }

        public YearOnYear deaths() {
            return YearOnYear.of(current.deaths(), previous.deaths());
        }

        public YearOnYear injuries() {
            return YearOnYear.of(current.injuries(), previous.injuries());
        }

        public YearOnYear loss() {
            return YearOnYear.of(current.lossYuan(), previous.lossYuan());
        }
    }

    public record Comparison(LocalDate from, LocalDate to, GroupBy groupBy, List<Row> rows, Row total) {

        /** The groups ranked (排名) by deaths, then accidents, then direct loss, most first; equal figures share a rank. */
        public List<Ranked> ranked() {
            List<Row> sorted = rows.stream().sorted(java.util.Comparator.comparingLong((Row r) -> r.current().deaths())
                    .thenComparingLong(r -> r.current().accidents()).thenComparingLong(r -> r.current().lossYuan()).reversed()).toList();
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Row r = sorted.get(i);
                boolean tie = i > 0 && sorted.get(i - 1).current().equals(r.current());
                ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, r));
            }
            return ranked;
        }
    }

    public record Ranked(int rank, Row row) {
    }

    /** Checks a period: both days given, {@code from} not after {@code to}, at most ten years. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null) {
            errors.put("from", "validation.required");
        }
        if (to == null) {
            errors.put("to", "validation.required");
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.put("from", "statistics.from.after.to");
            } else if (from.plusYears(MAX_YEARS).isBefore(to)) {
                errors.put("to", "statistics.range.too.long");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The period's figures by group, beside the same days of the year before; days are whole days of
     * the city. One statement: the accidents between last year's start and this period's end are read
     * once (one index range), each marked as of this period or last year's by one comparison, summed by
     * the grouping's columns; only then are the few groups named.
     */
    public Comparison compare(LocalDate from, LocalDate to, GroupBy groupBy, DataScope scope, java.util.Locale locale) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        List<String> k = new ArrayList<>();
        for (int i = 0; i < groupBy.keys.size(); i++) {
            k.add(groupBy.keys.get(i) + " AS k" + (i + 1));
        }
        String keys = String.join(", ", k.stream().map(x -> x.substring(x.lastIndexOf(' ') + 1)).toList());
        String name = "en".equals(locale.getLanguage()) ? groupBy.nameEn : groupBy.nameZh;
        List<Row> rows = new ArrayList<>();
        jdbc.sql("SELECT " + keys.replace("k", "t.k") + ", " + name + " AS n, " + groupBy.order + " AS o, t.c_n, t.c_d, t.c_i, t.c_l, "
                        + "t.p_n, t.p_d, t.p_i, t.p_l FROM (SELECT " + keys + ", SUM(c) AS c_n, SUM(c * d) AS c_d, SUM(c * i) AS c_i, "
                        + "SUM(c * l) AS c_l, SUM(p) AS p_n, SUM(p * d) AS p_d, SUM(p * i) AS p_i, SUM(p * l) AS p_l FROM ("
                        + "SELECT " + String.join(", ", k) + ", a.deaths + a.missing AS d, a.serious_injuries + a.minor_injuries AS i, "
                        + "a.direct_loss_yuan AS l, CASE WHEN a.occurred_at >= :s THEN 1 ELSE 0 END AS c, "
                        + "CASE WHEN a.occurred_at < :le THEN 1 ELSE 0 END AS p FROM accidents_accident_view a "
                        + "WHERE a.occurred_at >= :ls AND a.occurred_at < :e AND (a.occurred_at >= :s OR a.occurred_at < :le)"
                        + visible.and() + ") f GROUP BY " + keys + ") t " + groupBy.join + " ORDER BY o, " + keys.replace("k", "t.k"))
                .param("s", CityTime.startOf(from, clock)).param("e", CityTime.startOf(to.plusDays(1), clock))
                .param("ls", CityTime.startOf(from.minusYears(1), clock)).param("le", CityTime.startOf(to.minusYears(1).plusDays(1), clock))
                .params(visible.params())
                .query(rs -> {
                    String key = rs.getString("k1");
                    if (groupBy.keys.size() > 1) {
                        key = key + "/" + rs.getString("k2");
                    }
                    rows.add(new Row(key, rs.getString("n"),
                            new Figures(rs.getLong("c_n"), rs.getLong("c_d"), rs.getLong("c_i"), rs.getLong("c_l")),
                            new Figures(rs.getLong("p_n"), rs.getLong("p_d"), rs.getLong("p_i"), rs.getLong("p_l"))));
                });
        Figures c = rows.stream().map(Row::current).reduce(Figures.ZERO, AccidentStatistics::add);
        Figures p = rows.stream().map(Row::previous).reduce(Figures.ZERO, AccidentStatistics::add);
        return new Comparison(from, to, groupBy, rows, new Row("TOTAL", null, c, p));
    }

    private static Figures add(Figures a, Figures b) {
        return new Figures(a.accidents() + b.accidents(), a.deaths() + b.deaths(), a.injuries() + b.injuries(),
                a.lossYuan() + b.lossYuan());
    }

    /** A month of the period (its days within the period only) beside the same days a year before. */
    public record Month(java.time.YearMonth month, Figures current, Figures previous) {
    }

    /**
     * The period month by month, for the trend chart: each month's days within the period, beside the
     * same days a year before. One statement; months are the city's.
     */
    public List<Month> months(LocalDate from, LocalDate to, DataScope scope) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.withDayOfMonth(1).plusMonths(1)) {
            starts.add(d);
        }
        // bucket i is month i of this period, bucket n + i the same days a year before
        int n = starts.size();
        StringBuilder bucket = new StringBuilder("CASE");
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        for (int i = 0; i < n; i++) {
            LocalDate end = i + 1 < n ? starts.get(i + 1) : to.plusDays(1);
            bucket.append(" WHEN a.occurred_at >= :b").append(i).append(" AND a.occurred_at < :e").append(i).append(" THEN ").append(i);
            bucket.append(" WHEN a.occurred_at >= :pb").append(i).append(" AND a.occurred_at < :pe").append(i).append(" THEN ").append(n + i);
            params.put("b" + i, CityTime.startOf(starts.get(i), clock));
            params.put("e" + i, CityTime.startOf(end, clock));
            params.put("pb" + i, CityTime.startOf(starts.get(i).minusYears(1), clock));
            params.put("pe" + i, CityTime.startOf(end.minusYears(1), clock));
        }
        bucket.append(" END");
        params.put("s", CityTime.startOf(from, clock));
        params.put("e", CityTime.startOf(to.plusDays(1), clock));
        params.put("ls", CityTime.startOf(from.minusYears(1), clock));
        params.put("le", CityTime.startOf(to.minusYears(1).plusDays(1), clock));
        Figures[] figures = new Figures[2 * n];
        java.util.Arrays.fill(figures, Figures.ZERO);
        jdbc.sql("SELECT b, COUNT(*) AS n, SUM(d) AS d, SUM(i) AS i, SUM(l) AS l FROM (SELECT " + bucket + " AS b, a.deaths + a.missing AS d, "
                        + "a.serious_injuries + a.minor_injuries AS i, a.direct_loss_yuan AS l FROM accidents_accident_view a "
                        + "WHERE a.occurred_at >= :ls AND a.occurred_at < :e AND (a.occurred_at >= :s OR a.occurred_at < :le)"
                        + visible.and() + ") t GROUP BY b")
                .params(params)
                .query(rs -> {
                    figures[rs.getInt("b")] = new Figures(rs.getLong("n"), rs.getLong("d"), rs.getLong("i"), rs.getLong("l"));
                });
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            months.add(new Month(java.time.YearMonth.from(starts.get(i)), figures[i], figures[n + i]));
        }
        return months;
    }

    /** Road-traffic deaths (with the missing) and accidents of a cause, this period and a year before. */
    public record Cause(String code, String name, boolean named, long accidents, long deaths, long previousDeaths) {
    }

    /** The causes of road-traffic deaths with each one's share; the share of the named four together. */
    public record Causes(List<Cause> causes, long deaths) {

        /** A cause's share of the deaths in percent to one decimal; null when no one died. */
        public java.math.BigDecimal share(Cause c) {
            return percent(c.deaths());
        }

        public long namedDeaths() {
            return causes.stream().filter(Cause::named).mapToLong(Cause::deaths).sum();
        }

        public java.math.BigDecimal namedShare() {
            return percent(namedDeaths());
        }

        /** Whether the named four caused over half the deaths (占比达一半以上). */
        public boolean namedOverHalf() {
            return deaths > 0 && namedDeaths() * 2 > deaths;
        }

        private java.math.BigDecimal percent(long part) {
            return deaths == 0 ? null : java.math.BigDecimal.valueOf(part).multiply(java.math.BigDecimal.valueOf(100))
                    .divide(java.math.BigDecimal.valueOf(deaths), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * The deaths of road-traffic accidents of the period by main cause (drunk driving, illegal carrying,
     * motorcycle violations, unlicensed vehicles, others); an accident reported without a cause counts as other.
     */
    public Causes roadCauses(LocalDate from, LocalDate to, DataScope scope, java.util.Locale locale) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        String name = "en".equals(locale.getLanguage()) ? "c.name_en" : "c.name_zh";
        List<Cause> causes = jdbc.sql("SELECT c.code, " + name + " AS n, c.named, COALESCE(t.cn, 0) AS cn, COALESCE(t.cd, 0) AS cd, "
                        + "COALESCE(t.pd, 0) AS pd FROM accidents_road_cause_view c LEFT JOIN (SELECT k, SUM(c) AS cn, SUM(c * d) AS cd, "
                        + "SUM(p * d) AS pd FROM (SELECT COALESCE(a.road_cause, 'OTHER') AS k, a.deaths + a.missing AS d, "
                        + "CASE WHEN a.occurred_at >= :s THEN 1 ELSE 0 END AS c, CASE WHEN a.occurred_at < :le THEN 1 ELSE 0 END AS p "
                        + "FROM accidents_accident_view a WHERE a.occurred_at >= :ls AND a.occurred_at < :e "
                        + "AND (a.occurred_at >= :s OR a.occurred_at < :le) AND a.kind_code = 'ROAD_TRAFFIC'" + visible.and()
                        + ") f GROUP BY k) t ON t.k = c.code ORDER BY c.sort_order")
                .param("s", CityTime.startOf(from, clock)).param("e", CityTime.startOf(to.plusDays(1), clock))
                .param("ls", CityTime.startOf(from.minusYears(1), clock)).param("le", CityTime.startOf(to.minusYears(1).plusDays(1), clock))
                .params(visible.params())
                .query((rs, i) -> new Cause(rs.getString("code"), rs.getString("n"), rs.getBoolean("named"), rs.getLong("cn"),
                        rs.getLong("cd"), rs.getLong("pd")))
                .list();
        return new Causes(causes, causes.stream().mapToLong(Cause::deaths).sum());
    }

    /** The default period: this year from 1 January to today, as the speech counts it (今年1-N月). */
    public LocalDate[] yearToDate() {
        LocalDate today = LocalDate.now(clock);
        return new LocalDate[] {today.withDayOfYear(1), today};
    }

}
