package org.anquan.directory.enterprises;

import static org.anquan.WebTestSupport.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.directory.demo.DemoCityFixtures;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The enterprise list at 100,000 enterprises, measured server side (request in, rendered page
 * out, through security, scope, query and template). Not part of the test suite; run it with
 * {@code bench/directory.sh} (H2 file database) or {@code bench/directory.sh postgres}.
 */
@IntegrationTest
@TestPropertySource(properties = "anquan.hazards.register-first-window=4096")
class DirectoryBenchmark {

    static final int TARGET = Integer.getInteger("bench.enterprises", 100_000);

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void enterpriseListAtOneHundredThousand() throws Exception {
        long have = jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
        if (have < TARGET) {
            long t = System.nanoTime();
            DemoCityFixtures.generateEnterprises(context, (int) (TARGET - have), new Random(42));
            System.out.printf("BENCH generated %d enterprises in %d ms%n", TARGET - have, (System.nanoTime() - t) / 1_000_000);
        }
        BenchmarkSupport.settle(jdbc);
        String db = jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single() + " enterprises on "
                + System.getProperty("spring.profiles.active");
        System.out.println("BENCH database: " + db);

        List<Long> townships = jdbc.sql("SELECT id FROM region WHERE region_level = 'TOWNSHIP'").query(Long.class).list();
        List<String> industries = jdbc.sql("SELECT code FROM industry").query(String.class).list();
        long county = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY'").query(Long.class).single();
        Random r = new Random(7);

        var admin = as(accounts, "admin");
        var countyOfficer = as(accounts, "county");
        var dept = as(accounts, "dept");
        int n = 300;
        int warm = 100;
        System.gc();

        run("admin, no filter, first page", warm, n, i -> get("/enterprises").with(admin));
        run("admin, county filter + industry (htmx)", warm, n, i -> get("/enterprises")
                .param("regionId", String.valueOf(county)).param("industry", industries.get(i % industries.size()))
                .header("HX-Request", "true").with(admin));
        run("admin, township + status filter", warm, n, i -> get("/enterprises")
                .param("regionId", String.valueOf(townships.get(i % townships.size()))).param("status", "OPERATING").with(admin));
        run("county officer (scope), industry filter", warm, n, i -> get("/enterprises")
                .param("industry", industries.get(i % industries.size())).with(countyOfficer));
        run("department officer (scope), page 20, sorted by name", warm, n, i -> get("/enterprises")
                .param("page", "20").param("sort", "name").with(dept));
        run("admin, text search in name/address", warm, n, i -> get("/enterprises")
                .param("q", String.valueOf(1000 + r.nextInt(90_000))).with(admin));
        run("API /api/v1/enterprises, county + industry", warm, n, i -> get("/api/v1/enterprises")
                .param("regionId", String.valueOf(county)).param("industry", industries.get(i % industries.size())).with(admin));
    }

    interface RequestFor {
        MockHttpServletRequestBuilder build(int i);
    }

    /** One page measured server side; every list page of 100,000 enterprises answers within 200 ms p95, whatever the role. */
    void run(String name, int warm, int n, RequestFor request) throws Exception {
        BenchmarkSupport.measure(name, warm, n, i -> {
            int status = mvc.perform(request.build(i)).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException(name + " answered " + status);
            }
        }).p95Below(200);
    }
}
