package org.anquan.traffic.wim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Weigh-in-motion intake at scale: 1,000,000 readings in batches of 1,000 through the intake (checked, judged,
 * stored with their judgment, over-limit ones opening cases with four parties), beside raw JDBC batch inserts
 * of the same rows; the JSON API for 100,000 more; then the case list over 100,000 cases. Not part of the test
 * suite; run {@code bench/traffic.sh [postgres]}.
 */
@IntegrationTest
class TrafficBenchmark {

    static final int READINGS = Integer.getInteger("bench.readings", 1_000_000);
    static final int API_READINGS = Integer.getInteger("bench.api.readings", 100_000);
    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int BATCH = 1_000;
    static final int STATIONS = 20;

    @Autowired Readings readings;
    @Autowired Stations stations;
    @Autowired Cases cases;
    @Autowired OverLimitLimits limits;
    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Clock clock;

    /** Reading number {@code i} of a station: about 3% over the limit, spread over the last 20 days. */
    static Map<String, Object> reading(String station, long seq, OffsetDateTime start, Random random) {
        boolean over = random.nextInt(100) < 3;
        int gross = over ? 51_000 + random.nextInt(20_000) : 28_000 + random.nextInt(20_000);
        int steer = 6_500 + random.nextInt(1_000);
        int rest = gross - steer;
        List<Map<String, Object>> axles = new ArrayList<>(6);
        axles.add(Map.of("weightKg", steer, "tyres", "SINGLE", "drive", false));
        for (int i = 1; i < 6; i++) {
            axles.add(Map.of("weightKg", i == 5 ? rest - 4 * (rest / 5) : rest / 5, "tyres", "DUAL", "drive", i <= 2));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stationCode", station);
        r.put("sequence", seq);
        r.put("measuredAt", start.plusSeconds(seq * 7 % 1_728_000).toString());
        r.put("plate", "皖" + (char) ('A' + random.nextInt(8)) + (10000 + random.nextInt(89999)));
        r.put("plateColour", "YELLOW");
        r.put("combination", true);
        r.put("axles", axles);
        r.put("grossKg", gross);
        r.put("lengthM", 16.5);
        r.put("widthM", 2.5);
        r.put("heightM", 3.9);
        r.put("speedKmh", 60);
        r.put("lane", 1 + random.nextInt(2));
        return r;
    }

    List<Map<String, Object>> batch(List<Stations.Station> list, int b, OffsetDateTime start, Random random) {
        Stations.Station s = list.get(b % list.size());
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(reading(s.code(), (long) (b / list.size()) * BATCH + i, start, random));
        }
        return batch;
    }

    @Test
    void intakeOfAMillionReadingsAndTheCaseList() throws Exception {
        CurrentUser admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        var counties = directory.counties();
        List<Stations.Station> list = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Random place = new Random(3);
        for (int i = 0; i < STATIONS + 1; i++) {
            var county = counties.get(i % counties.size());
            var p = directory.randomPointIn(county.id(), place).orElseThrow();
            var issued = stations.register(new Stations.StationInput("B-" + i, "压测站" + i, "G" + i, "K1", "北", p.lat(), p.lon(), county.id(),
                    "压测"), admin);
            list.add(issued.station());
            tokens.add(issued.token());
        }
        Stations.Station apiStation = list.remove(STATIONS);
        OffsetDateTime start = OffsetDateTime.now(clock).minusDays(21);

        // the intake: generating each batch is not timed, handing it to the intake is
        Random random = new Random(7);
        long took = 0;
        long accepted = 0;
        for (int b = 0; b < READINGS / BATCH; b++) {
            List<Map<String, Object>> batch = batch(list, b, start, random);
            long t = System.nanoTime();
            accepted += readings.intake(batch, admin, 1).accepted();
            took += System.nanoTime() - t;
        }
        assertThat(accepted).isEqualTo(READINGS);
        long opened = jdbc.sql("SELECT COUNT(*) FROM traffic_case").query(Long.class).single();
        System.out.printf(Locale.ROOT, "BENCH intake (check, judge, store, open cases): %,d readings in %.1f s = %,.0f readings/s; %,d cases opened%n",
                READINGS, took / 1e9, READINGS / (took / 1e9), opened);

        // the same rows as plain JDBC batch inserts with the judgment computed beforehand (untimed), into a station of their own
        random = new Random(7);
        var current = limits.current();
        long rawTook = 0;
        Timestamp received = Timestamp.from(clock.instant());
        for (int b = 0; b < READINGS / BATCH; b++) {
            List<Map<String, Object>> batch = batch(list, b, start, random);
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (Map<String, Object> m : batch) {
                ReadingInput in = ReadingInput.parse(m).reading();
                OverLimitPolicy.Judgment j = OverLimitPolicy.judge(in.vehicle(), current);
                rows.add(new Object[] {apiStation.id() + 1_000_000L, in.sequence() + (long) b * BATCH, in.measuredAt(), received, in.plate(),
                        in.plateColour(), in.combination(), in.axles().size(), "7000,10000,10000,10000,10000,10000", "SDDDDD", "011000",
                        in.grossKg(), BigDecimal.valueOf(16.5), BigDecimal.valueOf(2.5), BigDecimal.valueOf(3.9), BigDecimal.valueOf(60), in.lane(),
                        null, j.ruleCode(), j.tableLimitKg(), j.singleTyreAxles(), j.axleSumKg(), j.limitKg(), j.toleranceKg(), j.overLimit(),
                        j.overloadKg(), j.overloadRate(), null, j.overLimit()});
            }
            long t = System.nanoTime();
            template.batchUpdate("""
                    INSERT INTO traffic_reading (station_id, seq, measured_at, received_at, plate, plate_colour, combination, axle_count, axle_kg,
                        axle_tyres, axle_drive, gross_kg, length_m, width_m, height_m, speed_kmh, lane, photo_ref, rule_code, table_limit_kg,
                        single_tyre_axles, axle_sum_kg, limit_kg, tolerance_kg, over_limit, overload_kg, overload_rate, oversize, opens_case)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            rawTook += System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "BENCH raw JDBC batch INSERT of the same rows (judged beforehand, no cases): %,d rows in %.1f s = %,.0f rows/s%n",
                READINGS, rawTook / 1e9, READINGS / (rawTook / 1e9));

        // the JSON API with the station's own token: serialising is not timed, the request is
        random = new Random(9);
        long apiTook = 0;
        String token = tokens.get(STATIONS);
        for (int b = 0; b < API_READINGS / BATCH; b++) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(reading(apiStation.code(), (long) b * BATCH + i, start, random));
            }
            byte[] body = json.writeValueAsBytes(batch);
            long t = System.nanoTime();
            int status = mvc.perform(MockMvcRequestBuilders.post("/api/v1/traffic/readings").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            apiTook += System.nanoTime() - t;
            assertThat(status).isEqualTo(200);
        }
        System.out.printf(Locale.ROOT, "BENCH JSON API POST /api/v1/traffic/readings (batches of 1,000, station token): %,d readings in %.1f s = %,.0f readings/s%n",
                API_READINGS, apiTook / 1e9, API_READINGS / (apiTook / 1e9));

        // the case list: top up to CASES cases (each with its four parties) as raw rows, then page through it
        long have = jdbc.sql("SELECT COUNT(*) FROM traffic_case").query(Long.class).single();
        Random fill = new Random(13);
        long nextReading = -1;
        for (long done = have; done < CASES; ) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 2_000 && done < CASES; i++, done++) {
                Stations.Station s = list.get(fill.nextInt(list.size()));
                OffsetDateTime at = start.plusSeconds(fill.nextInt(1_728_000));
                rows.add(new Object[] {nextReading--, at, s.id(), s.countyId(), "皖" + (char) ('A' + fill.nextInt(8)) + (10000 + fill.nextInt(89999)),
                        55_000, 49_000, 6_000, new BigDecimal("0.1224"), fill.nextInt(4) == 0 ? "CLOSED" : "OPEN", at});
            }
            template.batchUpdate("""
                    INSERT INTO traffic_case (reading_id, measured_at, station_id, county_id, plate, plate_colour, gross_kg, limit_kg, overload_kg,
                        overload_rate, status, opened_at) VALUES (?, ?, ?, ?, ?, 'YELLOW', ?, ?, ?, ?, ?, ?)""", rows);
        }
        template.update("""
                INSERT INTO traffic_case_party (case_id, party) SELECT c.id, p.party FROM traffic_case c
                CROSS JOIN (SELECT 'DRIVER' AS party UNION ALL SELECT 'OWNER' UNION ALL SELECT 'SOURCE' UNION ALL SELECT 'REGULATOR') p
                WHERE c.reading_id < 0""");
        // a tenth of the cases owe their driver's feedback past its deadline
        template.update("UPDATE traffic_case_party SET notified_at = ?, due_on = ? WHERE party = 'DRIVER' AND MOD(case_id, 10) = 0",
                start, start.toLocalDate().plusDays(15));
        template.update("UPDATE traffic_case SET feedback_due_on = ? WHERE reading_id < 0 AND MOD(id, 10) = 0", start.toLocalDate().plusDays(15));
        BenchmarkSupport.settle(jdbc);
        System.out.printf(Locale.ROOT, "BENCH case list over %,d cases, %,d parties%n", jdbc.sql("SELECT COUNT(*) FROM traffic_case").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM traffic_case_party").query(Long.class).single());
        var city = admin.scope();
        CurrentUser county = accounts.principalOf(accounts.findByUsername("county").orElseThrow().id()).user();
        BenchmarkSupport.measure("case list, city, newest first, page of 50", 20, 300,
                i -> cases.page(new Cases.Filter(null, null, null, null, null, null), city, 1 + i % 5, 50));
        BenchmarkSupport.measure("case list, open cases", 20, 300, i -> cases.page(new Cases.Filter("OPEN", null, null, null, null, null), city, 1 + i % 5, 50));
        BenchmarkSupport.measure("case list, overdue feedback", 20, 300,
                i -> cases.page(new Cases.Filter("OVERDUE", null, null, null, null, null), city, 1 + i % 5, 50));
        BenchmarkSupport.measure("case list, a county officer's scope", 20, 300,
                i -> cases.page(new Cases.Filter(null, null, null, null, null, null), county.scope(), 1 + i % 5, 50));
        BenchmarkSupport.measure("case list, one station", 20, 300,
                i -> cases.page(new Cases.Filter(null, null, list.get(i % list.size()).id(), null, null, null), city, 1, 50));
        BenchmarkSupport.measure("raw SQL, one query: join the stations, sort, a page of 50", 20, 300, i -> template.queryForList("""
                SELECT c.id, c.measured_at, s.name, c.plate FROM traffic_case c JOIN traffic_station s ON s.id = c.station_id
                ORDER BY c.opened_at DESC, c.id DESC LIMIT 50 OFFSET ?""", (i % 5) * 50));
    }
}
