package org.anquan.emergency.resources;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "The nearest teams or supplies of kind X to this point" over 100,000 resources (teams and stocks spread over
 * the city and around it), beside a raw SQL scan computing every distance. Not part of the test suite;
 * run {@code bench/resources.sh [postgres]}.
 */
@IntegrationTest
class ResourceBenchmark {

    static final int TOTAL = Integer.getInteger("bench.resources", 100_000);

    @Autowired Resources resources;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired Clock clock;

    @Test
    void nearestOverAHundredThousandResources() throws Exception {
        long county = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY'").query(Long.class).single();
        Random random = new Random(11);
        String[] teamKinds = {"FIRE_RESCUE", "FOREST_FIRE", "MINE_RESCUE", "HAZCHEM_RESCUE", "WATER_RESCUE", "MEDICAL"};
        String[] supplyKinds = {"WIND_EXTINGUISHER", "FIRE_EXTINGUISHER", "TENT", "PUMP", "GENERATOR", "LIFE_JACKET", "SANDBAG"};
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> teams = new ArrayList<>();
        for (int i = 0; i < TOTAL / 2; i++) {
            teams.add(new Object[] {"队伍" + i, teamKinds[i % teamKinds.length], county, 20, 29.5 + random.nextDouble(), 117.5 + random.nextDouble(),
                    i % 7 == 0 ? "DEPLOYED" : "READY", "13900000000", now});
        }
        template.batchUpdate("INSERT INTO rescue_team (name, kind_code, county_id, members, lat, lon, readiness, duty_phone, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", teams);
        template.update("INSERT INTO warehouse (name, county_id, lat, lon, keeper, phone, created_at) VALUES ('压测仓库', ?, 30.0, 118.0, '甲', '13900000000', ?)",
                county, now);
        long warehouse = jdbc.sql("SELECT MAX(id) FROM warehouse").query(Long.class).single();
        List<Object[]> supplies = new ArrayList<>();
        for (int i = 0; i < TOTAL - TOTAL / 2; i++) {
            supplies.add(new Object[] {warehouse, supplyKinds[i % supplyKinds.length], "物资" + i, "件", 1 + random.nextInt(100), 10,
                    29.5 + random.nextDouble(), 117.5 + random.nextDouble(), now});
        }
        template.batchUpdate("INSERT INTO supply (warehouse_id, kind_code, item_name, unit, quantity, min_quantity, lat, lon, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", supplies);
        BenchmarkSupport.settle(jdbc);
        System.out.printf(Locale.ROOT, "BENCH resources: %d teams, %d supplies%n",
                jdbc.sql("SELECT COUNT(*) FROM rescue_team").query(Long.class).single(), jdbc.sql("SELECT COUNT(*) FROM supply").query(Long.class).single());
        Random points = new Random(5);
        var nearestTeams = BenchmarkSupport.measure("nearest 5 teams of a kind to a point", 50, 500, i -> resources.nearest(29.5 + points.nextDouble(),
                117.5 + points.nextDouble(), teamKinds[i % teamKinds.length], 5));
        var supplies10 = BenchmarkSupport.measure("nearest 10 supplies of a kind to a point", 50, 500, i -> resources.nearest(29.5 + points.nextDouble(),
                117.5 + points.nextDouble(), supplyKinds[i % supplyKinds.length], 10));
        var widening = BenchmarkSupport.measure("nearest 5 teams from outside the area (widening)", 20, 200, i -> resources.nearest(31.5 + points.nextDouble(),
                119.5, teamKinds[i % teamKinds.length], 5));
        var raw = BenchmarkSupport.measure("raw SQL: every team of the kind, distances computed", 20, 200, i -> template.queryForList("""
                SELECT id, lat, lon FROM rescue_team WHERE kind_code = ? AND readiness IN ('READY', 'STANDBY')
                ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) LIMIT 5""", teamKinds[i % teamKinds.length], 30.0, 30.0, 118.0, 118.0));
        // the grid search answers from the cells near the point: never slower than scanning every team of the kind
        nearestTeams.atMost(1.0, raw, 2);
        supplies10.atMost(1.0, raw, 2);
        // from outside the area the search widens until it reads every team of the kind into Java (more work than the
        // raw statement, which sorts and limits in SQL): what it promises is an answer a dispatcher does not wait for
        widening.p95Below(50);
    }
}
