package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.anquan.supervision.EscalationSwept;
import org.anquan.supervision.escalation.EscalationFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hazard register at 1,000,000 hazards and the escalation sweep over 200,000 open hazards of
 * which 20,000 are overdue. Not part of the test suite; run {@code bench/hazards.sh [postgres]}.
 */
@IntegrationTest
@TestPropertySource(properties = "anquan.hazards.register-first-window=4096")
class HazardBenchmark {

    @Autowired Clock clock;

    static final int TOTAL = Integer.getInteger("bench.hazards", 1_000_000);

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired DemoHazards generator;
    @Autowired HazardQueries queries;
    @Autowired ApplicationContext context;

    @Test
    void registerAndSweepAtOneMillion() throws Exception {
        long have = jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single();
        long t = System.nanoTime();
        // 200,000 open (every fifth), due in a month; 20,000 of them (every fiftieth) overdue by 20 days
        generator.generate((int) (TOTAL - have), new Random(11), new DemoHazards.Shape() {
            public String status(long serial) {
                return serial % 5 != 0 ? "CLOSED" : serial % 10 == 0 ? "RECTIFYING" : "ASSIGNED";
            }

            public LocalDate deadline(long serial, LocalDate today) {
                return serial % 50 == 0 ? today.minusDays(20) : today.plusDays(30);
            }
        });
        System.out.printf("BENCH generated %d hazards in %d ms%n", TOTAL - have, (System.nanoTime() - t) / 1_000_000);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("DELETE FROM inbox_message").update();
        jdbc.sql("DELETE FROM supervision_step").update();
        // the demo's own hazards keep their random mix: give them deadlines that do not escalate
        jdbc.sql("UPDATE hazard SET deadline = :later, open_deadline = CASE WHEN open_deadline IS NULL THEN NULL ELSE :later END "
                        + "WHERE id <= 240")
                .param("later", today.plusDays(30)).update();
        BenchmarkSupport.settle(jdbc);
        long open = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE status IN ('ASSIGNED', 'RECTIFYING')").query(Long.class).single();
        long overdue = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE status IN ('ASSIGNED', 'RECTIFYING') AND open_deadline < :d")
                .param("d", today).query(Long.class).single();
        System.out.printf("BENCH database: %d hazards, %d open, %d overdue, on %s%n",
                jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single(), open, overdue, System.getProperty("spring.profiles.active"));

        List<Long> counties = jdbc.sql("SELECT id FROM region WHERE region_level = 'COUNTY'").query(Long.class).list();
        HazardStatus[] statuses = {HazardStatus.ASSIGNED, HazardStatus.RECTIFYING, HazardStatus.CLOSED};
        var admin = as(accounts, "admin");
        // warm both paths over every filter combination before measuring either
        for (int i = 0; i < 150; i++) {
            mvc.perform(get("/hazards").param("countyId", String.valueOf(counties.get(i % counties.size())))
                    .param("status", statuses[i % 3].name()).param("grade", i % 2 == 0 ? "MAJOR" : "GENERAL")
                    .header("HX-Request", "true").with(admin));
            queries.page(new HazardFilter(counties.get(i % counties.size()), null, statuses[i % 3],
                    i % 2 == 0 ? HazardGrade.MAJOR : HazardGrade.GENERAL, null, null, null, null), DataScope.CITY, today, 1, 20, Locale.ROOT);
        }
        System.gc();
        BenchmarkSupport.measure("register page: county + status + grade (server side)", 0, 200, i -> {
            int status = mvc.perform(get("/hazards").param("countyId", String.valueOf(counties.get(i % counties.size())))
                    .param("status", statuses[i % 3].name()).param("grade", i % 2 == 0 ? "MAJOR" : "GENERAL")
                    .header("HX-Request", "true").with(admin)).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        });
        BenchmarkSupport.measure("same filter, the register's SQL through JDBC", 0, 200, i -> queries.page(
                new HazardFilter(counties.get(i % counties.size()), null, statuses[i % 3], i % 2 == 0 ? HazardGrade.MAJOR : HazardGrade.GENERAL,
                        null, null, null, null), DataScope.CITY, today, 1, 20, Locale.ROOT));
        // the filter above changes on every request, so each one also remembers it (a write); paging does not
        BenchmarkSupport.measure("register page: one county + status + grade, paging 1-5", 20, 200, i -> {
            int status = mvc.perform(get("/hazards").param("countyId", String.valueOf(counties.get(0)))
                    .param("status", "RECTIFYING").param("grade", "GENERAL").param("page", String.valueOf(1 + i % 5))
                    .header("HX-Request", "true").with(admin)).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        });
        BenchmarkSupport.measure("register page sorted: county + status, by deadline", 20, 200, i -> {
            int status = mvc.perform(get("/hazards").param("countyId", String.valueOf(counties.get(i % counties.size())))
                    .param("status", statuses[i % 3].name()).param("sort", i % 2 == 0 ? "deadline" : "-deadline")
                    .header("HX-Request", "true").with(admin)).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        });
        BenchmarkSupport.measure("register page sorted: whole city, gravest first, pages 1-5", 20, 100, i -> mvc.perform(get("/hazards")
                .param("sort", "-grade").param("page", String.valueOf(1 + i % 5)).header("HX-Request", "true").with(admin)));
        BenchmarkSupport.measure("same sorts, the register's SQL through JDBC", 20, 200, i -> queries.page(
                new HazardFilter(counties.get(i % counties.size()), null, statuses[i % 3], null, null, null, null,
                        i % 2 == 0 ? "deadline" : "-deadline"), DataScope.CITY, today, 1, 20, Locale.ROOT));
        BenchmarkSupport.measure("register page: county officer, overdue only", 30, 100, i -> mvc.perform(get("/hazards")
                .param("overdue", "true").param("page", String.valueOf(1 + i % 5)).with(as(accounts, "county"))));

        BenchmarkSupport.measure("home page: leader (city-wide cards, weekly and county charts)", 20, 100, i -> {
            int status = mvc.perform(get("/").with(as(accounts, "leader"))).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        });
        BenchmarkSupport.measure("home page: county officer (work cards)", 20, 100, i -> mvc.perform(get("/").with(as(accounts, "county"))));

        t = System.nanoTime();
        EscalationSwept first = EscalationFixtures.sweep(context, "bench");
        System.out.printf("BENCH sweep, first run: %d steps %s in %d ms%n", first.total(), first.stepsByLevel(), (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        EscalationSwept second = EscalationFixtures.sweep(context, "bench");
        System.out.printf("BENCH sweep, second run: %d steps in %d ms%n", second.total(), (System.nanoTime() - t) / 1_000_000);
    }
}
