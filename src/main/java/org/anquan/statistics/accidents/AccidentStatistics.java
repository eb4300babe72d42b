package org.anquan.statistics.accidents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;
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
class AccidentStatistics {

    /** The longest period asked for at once. */
    public static final int MAX_YEARS = 10;

    /** An accident's columns for each dimension of a data scope, on the published view. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("a.county_id").industry("a.industry_code")
            .enterprise("a.enterprise_id");

    /** An accident's figures as the sums read them: one accident, its deaths with the missing, its injured, its direct loss. */
    private static final String FIGURES = "1 AS n, a.deaths + a.missing AS d, a.serious_injuries + a.minor_injuries AS i, "
            + "a.direct_loss_yuan AS l";

    /** Within {@link #SPAN}, whether an accident is this period's (c) and whether last year's (p): one comparison each. */
    private static final String MARKS = "CASE WHEN a.occurred_at >= :s THEN 1 ELSE 0 END AS c, CASE WHEN a.occurred_at < :le THEN 1 ELSE 0 END AS p";

    /** Both periods in one index range, from last year's start to this period's end, without the days between them. */
    private static final String SPAN = "a.occurred_at >= :ls AND a.occurred_at < :e AND (a.occurred_at >= :s OR a.occurred_at < :le)";

    /** The parameters of {@link #SPAN} and {@link #MARKS}: the first instants of the periods and the first after each, in the city. */
    private Map<String, Object> span(LocalDate from, LocalDate to) {
        return Map.of("s", CityTime.startOf(from, clock), "e", CityTime.startOf(to.plusDays(1), clock),
                "ls", CityTime.startOf(from.minusYears(1), clock), "le", CityTime.startOf(to.minusYears(1).plusDays(1), clock));
    }

    /** The monthly sums' columns for a scope: no enterprise (an enterprise's own figures are read from its accidents). */
    static final ScopeFilter.Columns MONTH_SCOPE = ScopeFilter.Columns.of().county("m.county_id").industry("m.industry_code");

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final Clock clock;

    AccidentStatistics(JdbcClient jdbc, ScopeFilter scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** What a group is named from: a published view's key, names and order. */
    enum Dimension {
        REGION("SELECT CAST(id AS VARCHAR(20)), name, name, code FROM directory_region_view"),
        INDUSTRY("SELECT code, name_zh, name_en, CAST(sort_order AS VARCHAR(20)) FROM directory_industry_view"),
        KIND("SELECT code, name_zh, name_en, CAST(sort_order AS VARCHAR(20)) FROM accidents_kind_view"),
        GRADE("SELECT code, name_zh, name_en, CAST(sort_order AS VARCHAR(20)) FROM accidents_grade_view");

        final String names;

        Dimension(String names) {
            this.names = names;
        }
    }

    /**
     * A grouping: the columns of the published view it groups by, and the dimension that names each.
     * Groups are named after the sums, in Java, from the dimensions' few rows: a join on an aggregate
     * would let a database run the aggregate once per named row.
     */
    public enum GroupBy {
        COUNTY(List.of("county_id"), List.of(Dimension.REGION), true),
        TOWNSHIP(List.of("township_id"), List.of(Dimension.REGION), false),
        INDUSTRY(List.of("industry_code"), List.of(Dimension.INDUSTRY), true),
        KIND(List.of("kind_code"), List.of(Dimension.KIND), true),
        GRADE(List.of("grade"), List.of(Dimension.GRADE), true),
        /** Each county's industries: the cross table the office reads to see where a rise comes from. */
        COUNTY_INDUSTRY(List.of("county_id", "industry_code"), List.of(Dimension.REGION, Dimension.INDUSTRY), true);

        final List<String> keys;
        final List<Dimension> dimensions;
        /** Whether the monthly sums hold its columns. */
        final boolean monthly;

        GroupBy(List<String> keys, List<Dimension> dimensions, boolean monthly) {
            this.keys = keys;
            this.dimensions = dimensions;
            this.monthly = monthly;
        }

        /** A grouping by its name in any case ({@code county}, {@code COUNTY_INDUSTRY}); by county when none is given. */
        public static GroupBy of(String name) {
            if (name == null || name.isBlank()) {
                return COUNTY;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("groupBy", "statistics.groupBy.unknown"));
            }
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
            List<Row> sorted = rows.stream().sorted(Comparator.comparingLong((Row r) -> r.current().deaths())
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
    public Comparison compare(LocalDate from, LocalDate to, GroupBy groupBy, DataScope scope, Locale locale) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < groupBy.keys.size(); i++) {
            aliases.add("k" + (i + 1));
        }
        String keys = String.join(", ", aliases);
        Map<String, Object> params = new HashMap<>(visible.params());
        List<String> parts = new ArrayList<>();
        LocalDate lastFrom = from.minusYears(1);
        LocalDate lastTo = to.minusYears(1);
        if (groupBy.monthly && scope.kind() != DataScope.Kind.ENTERPRISE && lastTo.isBefore(from)) {
            // whole months from the monthly sums, the days at the ends of each period from the accidents
            ScopeFilter.Predicate monthVisible = scopes.read(scope, MONTH_SCOPE);
            params.putAll(monthVisible.params());
            LocalDate[] current = wholeMonths(from, to);
            LocalDate[] last = wholeMonths(lastFrom, lastTo);
            params.put("cfs", current[0]);
            params.put("cfe", current[1]);
            params.put("pfs", last[0]);
            params.put("pfe", last[1]);
            parts.add("SELECT " + columns(groupBy, "m") + ", m.accidents AS n, m.deaths AS d, m.injuries AS i, m.loss AS l, "
                    + "CASE WHEN m.month_start >= :cfs AND m.month_start < :cfe THEN 1 ELSE 0 END AS c, "
                    + "CASE WHEN m.month_start >= :pfs AND m.month_start < :pfe THEN 1 ELSE 0 END AS p FROM accidents_month_view m "
                    + "WHERE ((m.month_start >= :cfs AND m.month_start < :cfe) OR (m.month_start >= :pfs AND m.month_start < :pfe))" + monthVisible.and());
            int n = 0;
            for (LocalDate[] days : List.of(new LocalDate[] {from, current[0]}, new LocalDate[] {current[1], to.plusDays(1)},
                    new LocalDate[] {lastFrom, last[0]}, new LocalDate[] {last[1], lastTo.plusDays(1)})) {
                if (days[0].isBefore(days[1])) {
                    boolean thisYear = n < 2;
                    parts.add(days(groupBy, "r" + n, thisYear ? 1 : 0, thisYear ? 0 : 1) + visible.and());
                    params.put("r" + n + "s", CityTime.startOf(days[0], clock));
                    params.put("r" + n + "e", CityTime.startOf(days[1], clock));
                }
                n++;
            }
        } else {
            // one index range from last year's start to this period's end, each accident marked by one comparison
            parts.add("SELECT " + columns(groupBy, "a") + ", " + FIGURES + ", " + MARKS + " FROM accidents_accident_view a WHERE " + SPAN
                    + visible.and());
            params.putAll(span(from, to));
        }
        boolean english = "en".equals(locale.getLanguage());
        List<Map<String, String[]>> names = groupBy.dimensions.stream().map(d -> {
            Map<String, String[]> m = new HashMap<>();
            jdbc.sql(d.names).query(rs -> {
                m.put(rs.getString(1), new String[] {english ? rs.getString(3) : rs.getString(2), rs.getString(4)});
            });
            return m;
        }).toList();
        record Sorted(String[] order, Row row) {
        }
        List<Sorted> sorted = new ArrayList<>();
        jdbc.sql("SELECT " + keys + ", SUM(c * n) AS c_n, SUM(c * d) AS c_d, SUM(c * i) AS c_i, SUM(c * l) AS c_l, SUM(p * n) AS p_n, "
                        + "SUM(p * d) AS p_d, SUM(p * i) AS p_i, SUM(p * l) AS p_l FROM (" + String.join(" UNION ALL ", parts)
                        + ") f GROUP BY " + keys)
                .params(params)
                .query(rs -> {
                    List<String> keyParts = new ArrayList<>();
                    List<String> labels = new ArrayList<>();
                    String[] order = new String[names.size() * 2];
                    for (int i = 0; i < names.size(); i++) {
                        String key = rs.getString("k" + (i + 1));
                        String[] named = key == null ? null : names.get(i).get(key);
                        keyParts.add(key);
                        labels.add(named == null ? null : named[0]);
                        // the unnamed (no township given) come last
                        order[2 * i] = named == null ? "~" : named[1];
                        order[2 * i + 1] = key == null ? "~" : key;
                    }
                    String key = keyParts.contains(null) && keyParts.size() == 1 ? null : String.join("/", keyParts);
                    String name = labels.contains(null) ? null : String.join(" · ", labels);
                    sorted.add(new Sorted(order, new Row(key, name,
                            new Figures(rs.getLong("c_n"), rs.getLong("c_d"), rs.getLong("c_i"), rs.getLong("c_l")),
                            new Figures(rs.getLong("p_n"), rs.getLong("p_d"), rs.getLong("p_i"), rs.getLong("p_l")))));
                });
        List<Row> rows = sorted.stream().sorted((x, y) -> {
            for (int i = 0; i < x.order().length; i++) {
                int c = compareOrder(x.order()[i], y.order()[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }).map(Sorted::row).toList();
        Figures c = rows.stream().map(Row::current).reduce(Figures.ZERO, AccidentStatistics::add);
        Figures p = rows.stream().map(Row::previous).reduce(Figures.ZERO, AccidentStatistics::add);
        return new Comparison(from, to, groupBy, rows, new Row("TOTAL", null, c, p));
    }

    /** The grouping's columns of a source (the accidents "a" or the monthly sums "m"), as k1, k2. */
    private static String columns(GroupBy groupBy, String source) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < groupBy.keys.size(); i++) {
            c.add(source + "." + groupBy.keys.get(i) + " AS k" + (i + 1));
        }
        return String.join(", ", c);
    }

    /** The accidents of a range of days (parameters {@code <name>s}, {@code <name>e}), marked as this period's or last year's. */
    private static String days(GroupBy groupBy, String name, int current, int previous) {
        return "SELECT " + columns(groupBy, "a") + ", " + FIGURES + ", " + current + " AS c, " + previous + " AS p FROM accidents_accident_view a "
                + "WHERE a.occurred_at >= :" + name + "s AND a.occurred_at < :" + name + "e";
    }

    /**
     * The whole months within a period, as [first day, first day after): from the first of a month
     * on or after {@code from} to the first of the month after the last whole one; equal when none.
     */
    public static LocalDate[] wholeMonths(LocalDate from, LocalDate to) {
        LocalDate start = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate end = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
        return start.isBefore(end) ? new LocalDate[] {start, end} : new LocalDate[] {from, from};
    }

    /** Orders as numbers when both are numbers (a sort order), as text otherwise (a region's code); "~" last. */
    private static int compareOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if ("~".equals(a) || "~".equals(b)) {
            return "~".equals(a) ? 1 : -1;
        }
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static Figures add(Figures a, Figures b) {
        return new Figures(a.accidents() + b.accidents(), a.deaths() + b.deaths(), a.injuries() + b.injuries(),
                a.lossYuan() + b.lossYuan());
    }

    /** A month of the period (its days within the period only) beside the same days a year before. */
    public record Month(YearMonth month, Figures current, Figures previous) {
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
        Figures[] figures = new Figures[2 * n];
        Arrays.fill(figures, Figures.ZERO);
        if (scope.kind() != DataScope.Kind.ENTERPRISE) {
            monthsFromSums(starts, to, scope, visible, figures);
        } else {
            monthsFromAccidents(starts, from, to, visible, figures);
        }
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            months.add(new Month(YearMonth.from(starts.get(i)), figures[i], figures[n + i]));
        }
        return months;
    }

    /**
     * Whole months from the monthly sums (each month once: a month both of this period and a year
     * before, in a period over a year, is read the second time from the accidents), the rest from the
     * accidents, one index range a bucket.
     */
    private void monthsFromSums(List<LocalDate> starts, LocalDate to, DataScope scope, ScopeFilter.Predicate visible, Figures[] figures) {
        int n = starts.size();
        ScopeFilter.Predicate monthVisible = scopes.read(scope, MONTH_SCOPE);
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        params.putAll(monthVisible.params());
        List<String> parts = new ArrayList<>();
        StringBuilder whole = new StringBuilder();
        List<LocalDate> wholeMonths = new ArrayList<>();
        for (int b = 0; b < 2 * n; b++) {
            int i = b % n;
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < n ? starts.get(i + 1) : to.plusDays(1);
            if (b >= n) {
                start = start.minusYears(1);
                end = end.minusYears(1);
            }
            if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1)) && !wholeMonths.contains(start)) {
                whole.append(" WHEN m.month_start = :w").append(b).append(" THEN ").append(b);
                params.put("w" + b, start);
                wholeMonths.add(start);
            } else {
                parts.add("SELECT " + b + " AS b, " + FIGURES + " FROM accidents_accident_view a WHERE a.occurred_at >= :s" + b
                        + " AND a.occurred_at < :e" + b + visible.and());
                params.put("s" + b, CityTime.startOf(start, clock));
                params.put("e" + b, CityTime.startOf(end, clock));
            }
        }
        if (!wholeMonths.isEmpty()) {
            parts.add("SELECT CASE" + whole + " END AS b, m.accidents AS n, m.deaths AS d, m.injuries AS i, m.loss AS l "
                    + "FROM accidents_month_view m WHERE m.month_start IN (:whole)" + monthVisible.and());
            params.put("whole", wholeMonths);
        }
        jdbc.sql("SELECT b, SUM(n) AS n, SUM(d) AS d, SUM(i) AS i, SUM(l) AS l FROM (" + String.join(" UNION ALL ", parts) + ") t GROUP BY b")
                .params(params)
                .query(rs -> {
                    figures[rs.getInt("b")] = new Figures(rs.getLong("n"), rs.getLong("d"), rs.getLong("i"), rs.getLong("l"));
                });
    }

    /** An enterprise's own months: one index range over its accidents, each placed in its bucket. */
    private void monthsFromAccidents(List<LocalDate> starts, LocalDate from, LocalDate to, ScopeFilter.Predicate visible,
                                     Figures[] figures) {
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
        params.putAll(span(from, to));
        jdbc.sql("SELECT b, SUM(n) AS n, SUM(d) AS d, SUM(i) AS i, SUM(l) AS l FROM (SELECT " + bucket + " AS b, " + FIGURES
                        + " FROM accidents_accident_view a WHERE " + SPAN + visible.and() + ") t GROUP BY b")
                .params(params)
                .query(rs -> {
                    figures[rs.getInt("b")] = new Figures(rs.getLong("n"), rs.getLong("d"), rs.getLong("i"), rs.getLong("l"));
                });
    }

    /** Road-traffic deaths (with the missing) and accidents of a cause, this period and a year before. */
    public record Cause(String code, String name, boolean named, long accidents, long deaths, long previousDeaths) {
    }

    /** The causes of road-traffic deaths with each one's share; the share of the named four together. */
    public record Causes(List<Cause> causes, long deaths) {

        /** A cause's share of the deaths in percent to one decimal; null when no one died. */
        public BigDecimal share(Cause c) {
            return percent(c.deaths());
        }

        public long namedDeaths() {
            return causes.stream().filter(Cause::named).mapToLong(Cause::deaths).sum();
        }

        public BigDecimal namedShare() {
            return percent(namedDeaths());
        }

        /** Whether the named four caused over half the deaths (占比达一半以上). */
        public boolean namedOverHalf() {
            return deaths > 0 && namedDeaths() * 2 > deaths;
        }

        private BigDecimal percent(long part) {
            return deaths == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(deaths), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * The deaths of road-traffic accidents of the period by main cause (drunk driving, illegal carrying,
     * motorcycle violations, unlicensed vehicles, others); an accident reported without a cause counts as other.
     */
    public Causes roadCauses(LocalDate from, LocalDate to, DataScope scope, Locale locale) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        String name = "en".equals(locale.getLanguage()) ? "name_en" : "name_zh";
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql("SELECT k, SUM(c * n) AS cn, SUM(c * d) AS cd, SUM(p * d) AS pd FROM (SELECT COALESCE(a.road_cause, 'OTHER') AS k, "
                        + FIGURES + ", " + MARKS + " FROM accidents_accident_view a WHERE " + SPAN + " AND a.kind_code = 'ROAD_TRAFFIC'"
                        + visible.and() + ") f GROUP BY k")
                .params(span(from, to)).params(visible.params())
                .query(rs -> {
                    sums.put(rs.getString("k"), new long[] {rs.getLong("cn"), rs.getLong("cd"), rs.getLong("pd")});
                });
        List<Cause> causes = jdbc.sql("SELECT code, " + name + " AS n, named FROM accidents_road_cause_view ORDER BY sort_order")
                .query((rs, i) -> {
                    long[] f = sums.getOrDefault(rs.getString("code"), new long[3]);
                    return new Cause(rs.getString("code"), rs.getString("n"), rs.getBoolean("named"), f[0], f[1], f[2]);
                })
                .list();
        return new Causes(causes, causes.stream().mapToLong(Cause::deaths).sum());
    }

    /** The default period: this year from 1 January to today, as the speech counts it (今年1-N月). */
    public LocalDate[] yearToDate() {
        LocalDate today = LocalDate.now(clock);
        return new LocalDate[] {today.withDayOfYear(1), today};
    }

}
