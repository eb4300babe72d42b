package org.anquan.statistics.accidents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.anquan.directory.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Five years of the demo counties' motor vehicles and drivers, growing six to ten percent a year. */
@Component
@Order(130)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoMotorVehicles implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Directory directory;
    private final Clock clock;

    DemoMotorVehicles(JdbcClient jdbc, JdbcTemplate batch, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM statistics_motor_count").query(Long.class).single() > 0) {
            return;
        }
        Random random = new Random(7);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int lastYear = now.getYear() - 1;
        List<Object[]> rows = new ArrayList<>();
        for (Directory.RegionRef county : directory.counties()) {
            double vehicles = 60_000 + random.nextInt(140_000);
            double drivers = vehicles * (1.2 + random.nextDouble() * 0.3);
            for (int year = lastYear - 4; year <= lastYear; year++) {
                rows.add(new Object[] {county.id(), year, Math.round(vehicles), Math.round(drivers), now});
                vehicles *= 1.06 + random.nextDouble() * 0.04;
                drivers *= 1.05 + random.nextDouble() * 0.04;
            }
        }
        batch.batchUpdate("INSERT INTO statistics_motor_count (county_id, stat_year, vehicles, drivers, entered_by, entered_at) "
                + "VALUES (?, ?, ?, ?, 'demo', ?)", rows);
    }
}
