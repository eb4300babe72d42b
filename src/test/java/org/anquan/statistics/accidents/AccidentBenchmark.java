package org.anquan.statistics.accidents;

import static org.anquan.WebTestSupport.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.accidents.reporting.AccidentFixtures;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Accident statistics at 200,000 accidents over three years: year-on-year by county × industry (and
 * by county, for a county officer), beside the same aggregate SQL run raw on the table; the
 * situation report as Word. Not part of the test suite; run {@code bench/accidents.sh [postgres]}.
 */
@IntegrationTest
class AccidentBenchmark {

    static final int TOTAL = Integer.getInteger("bench.accidents", 200_000);

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired AccidentStatistics statistics;
    @Autowired ApplicationContext context;

    /**
     * The same statement the statistics module runs for a year to date (the whole months from the
     * monthly sums, the current month's days from the accidents), written straight on the tables.
     */
    static final String RAW_MONTHLY = """
            SELECT k1, k2, SUM(c * n), SUM(c * d), SUM(c * i), SUM(c * l), SUM(p * n), SUM(p * d), SUM(p * i), SUM(p * l)
            FROM (SELECT m.county_id AS k1, m.industry_code AS k2, m.accidents AS n, m.deaths AS d, m.injuries AS i, m.loss AS l,
                         CASE WHEN m.month_start >= ? AND m.month_start < ? THEN 1 ELSE 0 END AS c,
                         CASE WHEN m.month_start >= ? AND m.month_start < ? THEN 1 ELSE 0 END AS p
                  FROM accident_month m WHERE (m.month_start >= ? AND m.month_start < ?) OR (m.month_start >= ? AND m.month_start < ?)
                  UNION ALL
                  SELECT a.county_id, a.industry_code, 1, a.deaths + a.missing, a.serious_injuries + a.minor_injuries, a.direct_loss_yuan, 1, 0
                  FROM accident a WHERE a.occurred_at >= ? AND a.occurred_at < ?
                  UNION ALL
                  SELECT a.county_id, a.industry_code, 1, a.deaths + a.missing, a.serious_injuries + a.minor_injuries, a.direct_loss_yuan, 0, 1
                  FROM accident a WHERE a.occurred_at >= ? AND a.occurred_at < ?) f
            GROUP BY k1, k2""";

    /** The whole aggregate over the accidents themselves, without the monthly sums: what each request would cost without them. */
    static final String RAW = """
            SELECT k1, k2, SUM(c), SUM(c * d), SUM(c * i), SUM(c * l), SUM(p), SUM(p * d), SUM(p * i), SUM(p * l)
            FROM (SELECT a.county_id AS k1, a.industry_code AS k2, a.deaths + a.missing AS d,
                         a.serious_injuries + a.minor_injuries AS i, a.direct_loss_yuan AS l,
                         CASE WHEN a.occurred_at >= ? THEN 1 ELSE 0 END AS c, CASE WHEN a.occurred_at < ? THEN 1 ELSE 0 END AS p
                  FROM accident a WHERE a.occurred_at >= ? AND a.occurred_at < ? AND (a.occurred_at >= ? OR a.occurred_at < ?)) f
            GROUP BY k1, k2""";

    @Test
    void statisticsAtTwoHundredThousandAccidents() throws Exception {
        long have = jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single();
        long t = System.nanoTime();
        // the demo's generator: three years back from today, kinds by industry, 1 in 20 较大, the older ones investigated and closed
        int chunk = 20_000;
        for (long done = have; done < TOTAL; done += chunk) {
            AccidentFixtures.generate(context, (int) Math.min(chunk, TOTAL - done), new Random(done));
        }
        System.out.printf("BENCH generated %d accidents in %d ms%n", TOTAL - have, (System.nanoTime() - t) / 1_000_000);
        BenchmarkSupport.settle(jdbc);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfYear(1);
        long inPeriod = jdbc.sql("SELECT COUNT(*) FROM accident WHERE occurred_at >= :s").param("s", CityTime.startOf(from, clock))
                .query(Long.class).single();
        System.out.printf("BENCH database: %d accidents, %d this year, on %s%n", jdbc.sql("SELECT COUNT(*) FROM accident")
                .query(Long.class).single(), inPeriod, System.getProperty("spring.profiles.active"));
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        DataScope countyScope = new DataScope(DataScope.Kind.REGION, county);

        // the period ends on a different day each time, this year from 1 January
        var city = BenchmarkSupport.measure("YoY county x industry, city (AccidentStatistics)", 30, 200, i -> statistics.compare(from,
                today.minusDays(i % 30), AccidentStatistics.GroupBy.COUNTY_INDUSTRY, DataScope.CITY, Locale.SIMPLIFIED_CHINESE));
        var raw = BenchmarkSupport.measure("same statement, raw SQL on the tables through JDBC", 30, 200, i -> rawMonthly(from, today.minusDays(i % 30)));
        BenchmarkSupport.measure("without monthly sums: raw SQL over the accidents", 30, 200, i -> raw(from, today.minusDays(i % 30)));
        BenchmarkSupport.measure("YoY by county, city (AccidentStatistics)", 30, 200, i -> statistics.compare(from,
                today.minusDays(i % 30), AccidentStatistics.GroupBy.COUNTY, DataScope.CITY, Locale.SIMPLIFIED_CHINESE));
        var countyFigures = BenchmarkSupport.measure("YoY county x industry, a county officer's scope", 30, 200, i -> statistics.compare(from,
                today.minusDays(i % 30), AccidentStatistics.GroupBy.COUNTY_INDUSTRY, countyScope, Locale.SIMPLIFIED_CHINESE));
        var admin = as(accounts, "admin");
        BenchmarkSupport.measure("statistics page (all tables and charts, htmx)", 10, 50, i -> {
            int status = mvc.perform(get("/statistics/accidents").param("from", from.toString())
                    .param("to", today.minusDays(i % 30).toString()).param("groupBy", "COUNTY_INDUSTRY").header("HX-Request", "true")
                    .with(admin)).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        });
        BenchmarkSupport.measure("situation report (Word), year to date", 5, 30, i -> {
            var response = mvc.perform(get("/statistics/report.docx").param("from", from.toString())
                    .param("to", today.minusDays(i % 30).toString()).with(admin)).andReturn().getResponse();
            if (response.getStatus() != 200 || response.getContentAsByteArray().length < 5000) {
                throw new IllegalStateException("answered " + response.getStatus());
            }
        });
        // the comparison is its one statement on the monthly sums, plus labels and totals
        city.atMost(2.0, raw, 5);
        countyFigures.atMost(2.0, raw, 5);
    }

    private void rawMonthly(LocalDate from, LocalDate to) {
        LocalDate[] whole = AccidentStatistics.wholeMonths(from, to);
        LocalDate[] last = AccidentStatistics.wholeMonths(from.minusYears(1), to.minusYears(1));
        Object[] params = {whole[0], whole[1], last[0], last[1], whole[0], whole[1], last[0], last[1],
                CityTime.startOf(whole[1], clock), CityTime.startOf(to.plusDays(1), clock),
                CityTime.startOf(last[1], clock), CityTime.startOf(to.minusYears(1).plusDays(1), clock)};
        var spec = jdbc.sql(RAW_MONTHLY);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        spec.query().listOfRows();
    }

    private void raw(LocalDate from, LocalDate to) throws Exception {
        var s = CityTime.startOf(from, clock);
        var e = CityTime.startOf(to.plusDays(1), clock);
        var ls = CityTime.startOf(from.minusYears(1), clock);
        var le = CityTime.startOf(to.minusYears(1).plusDays(1), clock);
        Object[] params = {s, le, ls, e, s, le};
        var spec = jdbc.sql(RAW);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        spec.query().listOfRows();
    }
}
