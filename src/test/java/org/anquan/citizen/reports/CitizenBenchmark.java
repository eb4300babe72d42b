package org.anquan.citizen.reports;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.citizen.open311.Open311Clients;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open311 over HTTP on the running server: {@code POST requests} from concurrent clients for a fixed
 * time (key check, validation, routing through the matrix and the map, the report and its audit record
 * in one transaction), beside raw JDBC inserts of the same rows from as many threads; then
 * {@code GET requests} over 1,000,000 stored requests, beside the same SELECT run raw. Not part of the
 * test suite; run {@code bench/citizen.sh [postgres]}.
 */
@IntegrationTest
@TestPropertySource(properties = {"anquan.citizen.open311-per-minute=100000000", "logging.level.org.anquan=WARN"})
class CitizenBenchmark {

    static final int STORED = Integer.getInteger("bench.citizen.stored", 1_000_000);
    static final int CLIENTS = Integer.getInteger("bench.citizen.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.citizen.seconds", 20);

    @LocalServerPort int port;
    @Autowired Open311Clients clients;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired TransactionTemplate tx;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void open311PostsAndGetsAtAMillionRequests() throws Exception {
        var a = accounts.findByUsername("admin").orElseThrow();
        String key = clients.issue("benchmark " + System.nanoTime(), accounts.principalOf(a.id()).user());
        String db = dataSource.getConnection().getMetaData().getDatabaseProductName();
        System.out.printf(Locale.ROOT, "BENCH database %s, %d client threads, %d s per run, %d cores%n", db, CLIENTS, SECONDS,
                Runtime.getRuntime().availableProcessors());

        // warm up the server's paths (JIT, connection pool, caches)
        load(key, 3, "warmup");
        Result posts = load(key, SECONDS, "post");
        System.out.println("BENCH " + posts.describe("Open311 POST requests.json (routing, persistence, audit)"));
        Result raw = rawInserts(SECONDS, false);
        System.out.println("BENCH " + raw.describe("raw JDBC INSERT of the same rows, one per transaction"));
        Result chained = rawInserts(SECONDS, true);
        System.out.println("BENCH " + chained.describe("raw JDBC INSERT + the audit chain's append (head locked)"));

        fill();
        BenchmarkSupport.settle(jdbc);
        long stored = jdbc.sql("SELECT COUNT(*) FROM citizen_report").query(Long.class).single();
        System.out.printf(Locale.ROOT, "BENCH stored requests: %d%n", stored);
        String base = "http://localhost:" + port + "/open311/v2/requests.json";
        String[] codes = jdbc.sql("SELECT tracking_code FROM citizen_report WHERE visible = TRUE AND tip = FALSE ORDER BY id DESC LIMIT 500")
                .query(String.class).list().toArray(String[]::new);
        BenchmarkSupport.measure("GET requests.json (last 90 days, newest 200)", 20, 200, i -> get(base));
        BenchmarkSupport.measure("GET requests.json?service_code=FIRE_DANGER&status=open", 20, 200,
                i -> get(base + "?service_code=FIRE_DANGER&status=open"));
        BenchmarkSupport.measure("GET requests.xml?start_date..end_date (30 days)", 20, 200, i -> get(base.replace(".json", ".xml")
                + "?start_date=" + OffsetDateTime.now(clock).minusDays(60 + i % 30).toLocalDate() + "&end_date="
                + OffsetDateTime.now(clock).minusDays(30 + i % 30).toLocalDate()));
        BenchmarkSupport.measure("GET requests/{id}.json", 20, 500, i -> get("http://localhost:" + port + "/open311/v2/requests/"
                + codes[i % codes.length] + ".json"));
        OffsetDateTime to = OffsetDateTime.now(clock);
        BenchmarkSupport.measure("raw SQL: the same two SELECTs (ids, then rows)", 20, 200, i -> {
            List<Long> ids = template.queryForList("""
                    SELECT r.id FROM citizen_report r WHERE r.visible = TRUE AND r.tip = FALSE AND r.submitted_at >= ? AND r.submitted_at < ?
                    ORDER BY r.visible, r.tip, r.submitted_at DESC LIMIT 200""", Long.class, to.minusDays(90), to);
            template.queryForList("""
                    SELECT r.id, r.tracking_code, r.category_code, r.tip, COALESCE(m.status, r.status), COALESCE(mh.status, h.status),
                           r.county_id, r.department_id, r.description, r.address, r.lon, r.lat, r.submitted_at, r.updated_at, m.tracking_code
                    FROM citizen_report r LEFT JOIN citizen_report m ON m.id = r.merged_into
                    LEFT JOIN hazards_hazard_view h ON h.id = r.hazard_id LEFT JOIN hazards_hazard_view mh ON mh.id = m.hazard_id
                    WHERE r.id IN (""" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
        });
    }

    record Result(int requests, double seconds, List<Double> ms, int failures) {
        String describe(String name) {
            Collections.sort(ms);
            int n = ms.size();
            return String.format(Locale.ROOT, "%-58s %6d in %4.1f s = %6.0f /s  p50=%6.2f ms  p95=%6.2f ms  p99=%6.2f ms  failed=%d", name,
                    requests, seconds, requests / seconds, ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1),
                    ms.get((int) Math.ceil(n * 0.99) - 1), failures);
        }
    }

    Result load(String key, int seconds, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger seq = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Future<List<Double>>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            parts.add(pool.submit(() -> {
                Random random = new Random(client);
                List<Double> ms = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int i = seq.incrementAndGet();
                    String body = "api_key=" + key + "&service_code=" + (i % 3 == 0 ? "FIRE_DANGER" : "ROAD_DANGER")
                            + "&lat=" + (30.02 + random.nextDouble() * 0.01) + "&long=" + (118.02 + random.nextDouble() * 0.01)
                            + "&description=" + URLEncoder.encode("压测反映 " + tag + " " + i, StandardCharsets.UTF_8)
                            + "&phone=1390000" + (1000 + i % 9000);
                    long t = System.nanoTime();
                    var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", tag + "-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    ms.add((System.nanoTime() - t) / 1e6);
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (var p : parts) {
            all.addAll(p.get());
        }
        double took = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all.size(), took, all, failures.get());
    }

    /**
     * The same rows the POSTs store, each in its own transaction, from as many threads; with {@code chained} also
     * the audit chain's append as the trail does it (the head row locked, the record inserted, the head moved).
     */
    Result rawInserts(int seconds, boolean chained) throws Exception {
        long county = jdbc.sql("SELECT MIN(county_id) FROM citizen_report").query(Long.class).single();
        long department = jdbc.sql("SELECT MIN(department_id) FROM citizen_report").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger seq = new AtomicInteger();
        List<Future<List<Double>>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            parts.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int i = seq.incrementAndGet();
                    long t = System.nanoTime();
                    String prefix = chained ? "C" : "R";
                    tx.executeWithoutResult(st -> {
                    template.update("""
                            INSERT INTO citizen_report (tracking_code, token, category_code, tip, description, lon, lat, county_id, department_id,
                                industry_code, status, visible, source, submitted_at, updated_at)
                            VALUES (?, ?, 'ROAD_DANGER', FALSE, ?, 118.02, 30.02, ?, ?, 'ROAD_TRANSPORT', 'PENDING', FALSE, 'OPEN311', ?, ?)""",
                            prefix + code(i).substring(1), prefix + "RAWTOKEN" + i, "raw " + i, county, department,
                            Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
                    if (chained) {
                        var head = template.queryForMap("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                        long next = ((Number) head.get("last_id")).longValue() + 1;
                        String hash = EvidenceCheck.sha256(
                                (head.get("last_hash") + "raw" + next).getBytes(StandardCharsets.UTF_8));
                        template.update("INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary, prev_hash, hash, key_id) "
                                + "VALUES (?, ?, 'bench', 'CREATE', 'citizen_report', ?, 'raw', ?, ?, 't1')", next, Timestamp.from(clock.instant()),
                                String.valueOf(i), head.get("last_hash"), hash);
                        template.update("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", next, hash);
                    }
                    });
                    ms.add((System.nanoTime() - t) / 1e6);
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (var p : parts) {
            all.addAll(p.get());
        }
        double took = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all.size(), took, all, 0);
    }

    /** Up to a million reviewed requests over the last year, in batches. */
    void fill() {
        long have = jdbc.sql("SELECT COUNT(*) FROM citizen_report").query(Long.class).single();
        if (have >= STORED) {
            return;
        }
        var counties = jdbc.sql("SELECT DISTINCT county_id FROM citizen_report").query(Long.class).list();
        var categories = jdbc.sql("SELECT code, industry_code FROM citizen_category WHERE tip = FALSE").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        long department = jdbc.sql("SELECT MIN(department_id) FROM citizen_report").query(Long.class).single();
        Random random = new Random(1);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> batch = new ArrayList<>();
        for (long i = have; i < STORED; i++) {
            String[] c = categories.get(random.nextInt(categories.size()));
            Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(365 * 86_400)).toInstant());
            batch.add(new Object[] {code(i), "FILLTOKEN" + i, c[0], "批量反映 " + i, 118.0 + random.nextDouble() * 0.3,
                    30.0 + random.nextDouble() * 0.3, counties.get(random.nextInt(counties.size())), department, c[1],
                    random.nextInt(3) == 0 ? "CLOSED" : "OPEN", at, at});
            if (batch.size() == 5000) {
                insert(batch);
            }
        }
        insert(batch);
    }

    /** A tracking code of its own for each generated row: Z and the number in the codes' alphabet. */
    static String code(long n) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXY";
        char[] c = new char[9];
        for (int k = 8; k >= 0; k--) {
            c[k] = alphabet.charAt((int) (n % alphabet.length()));
            n /= alphabet.length();
        }
        return "Z" + new String(c);
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO citizen_report (tracking_code, token, category_code, tip, description, lon, lat, county_id, department_id,
                    industry_code, status, visible, source, submitted_at, updated_at)
                VALUES (?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, TRUE, 'WEB', ?, ?)""", batch);
        batch.clear();
    }

    private void get(String url) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode());
        }
    }
}
