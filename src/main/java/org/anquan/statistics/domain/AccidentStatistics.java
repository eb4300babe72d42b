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

    public enum GroupBy {
        COUNTY("a.county_id", "JOIN directory_region_view g ON g.id = a.county_id", "g.name", "g.name", "g.code"),
        INDUSTRY("a.industry_code", "JOIN directory_industry_view g ON g.code = a.industry_code", "g.name_zh", "g.name_en", "g.sort_order"),
        KIND("a.kind_code", "JOIN accidents_kind_view g ON g.code = a.kind_code", "g.name_zh", "g.name_en", "g.sort_order");

        final String key;
        final String join;
        final String nameZh;
        final String nameEn;
        final String order;

        GroupBy(String key, String join, String nameZh, String nameEn, String order) {
            this.key = key;
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

    /** A group's figures this period and last year's, with the changes. */
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

    /** The period's figures by group, beside the same days of the year before; days are whole days of the city. */
    public Comparison compare(LocalDate from, LocalDate to, GroupBy groupBy, DataScope scope, java.util.Locale locale) {
        checkPeriod(from, to);
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        var start = CityTime.startOf(from, clock);
        var end = CityTime.startOf(to.plusDays(1), clock);
        var lastStart = CityTime.startOf(from.minusYears(1), clock);
        var lastEnd = CityTime.startOf(to.minusYears(1).plusDays(1), clock);
        String current = "a.occurred_at >= :s AND a.occurred_at < :e";
        String previous = "a.occurred_at >= :ls AND a.occurred_at < :le";
        List<Row> rows = new ArrayList<>();
        String name = "en".equals(locale.getLanguage()) ? groupBy.nameEn : groupBy.nameZh;
        jdbc.sql("SELECT " + groupBy.key + " AS k, " + name + " AS n, " + groupBy.order + " AS o, "
                        + sums(current, "c") + ", " + sums(previous, "p")
                        + " FROM accidents_accident_view a " + groupBy.join + " WHERE ((" + current + ") OR (" + previous + "))"
                        + visible.and() + " GROUP BY " + groupBy.key + ", " + name + ", " + groupBy.order + " ORDER BY o, k")
                .param("s", start).param("e", end).param("ls", lastStart).param("le", lastEnd).params(visible.params())
                .query(rs -> {
                    rows.add(new Row(rs.getString("k"), rs.getString("n"),
                            new Figures(rs.getLong("c_n"), rs.getLong("c_d"), rs.getLong("c_i"), rs.getLong("c_l")),
                            new Figures(rs.getLong("p_n"), rs.getLong("p_d"), rs.getLong("p_i"), rs.getLong("p_l"))));
                });
        Figures c = rows.stream().map(Row::current).reduce(Figures.ZERO, AccidentStatistics::add);
        Figures p = rows.stream().map(Row::previous).reduce(Figures.ZERO, AccidentStatistics::add);
        return new Comparison(from, to, groupBy, rows, new Row("TOTAL", null, c, p));
    }

    private static String sums(String when, String prefix) {
        return "SUM(CASE WHEN " + when + " THEN 1 ELSE 0 END) AS " + prefix + "_n, "
                + "SUM(CASE WHEN " + when + " THEN a.deaths + a.missing ELSE 0 END) AS " + prefix + "_d, "
                + "SUM(CASE WHEN " + when + " THEN a.serious_injuries + a.minor_injuries ELSE 0 END) AS " + prefix + "_i, "
                + "SUM(CASE WHEN " + when + " THEN a.direct_loss_yuan ELSE 0 END) AS " + prefix + "_l";
    }

    private static Figures add(Figures a, Figures b) {
        return new Figures(a.accidents() + b.accidents(), a.deaths() + b.deaths(), a.injuries() + b.injuries(),
                a.lossYuan() + b.lossYuan());
    }

    /** The default period: this year from 1 January to today, as the speech counts it (今年1-N月). */
    public LocalDate[] yearToDate() {
        LocalDate today = LocalDate.now(clock);
        return new LocalDate[] {today.withDayOfYear(1), today};
    }

}
