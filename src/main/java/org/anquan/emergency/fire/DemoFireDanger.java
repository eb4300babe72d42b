package org.anquan.emergency.fire;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two weather stations in each county of the demo city and their last 90 days of noon weather, imported
 * as a real import is: a dry, windy spell over the last days drives the first counties' danger to high
 * and extreme, so today's page has warnings to acknowledge; each county has its fire season.
 */
@Component
@Order(140)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoFireDanger implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final FireDanger fire;
    private final Directory directory;
    private final Accounts accounts;
    private final Clock clock;

    DemoFireDanger(JdbcClient jdbc, FireDanger fire, Directory directory, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.fire = fire;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM fire_station").query(Long.class).single() > 0 || directory.counties().isEmpty()
                || accounts.findByUsername("admin").isEmpty()) {
            return;
        }
        var a = accounts.findByUsername("admin").orElseThrow();
        CurrentUser admin = accounts.principalOf(a.id()).user();
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock);
        List<FireDanger.ObservationRow> rows = new ArrayList<>();
        var counties = directory.counties();
        var shapes = directory.countyShapes();
        int line = 0;
        for (int c = 0; c < counties.size(); c++) {
            var county = counties.get(c);
            Polygon shape = shapes.stream().filter(s -> s.name().equals(county.name())).findFirst()
                    .map(s -> Polygon.fromGeoJson(s.boundary())).orElse(null);
            if (shape == null) {
                continue;
            }
            directory.townships().stream().filter(t -> t.countyId() == county.id()).limit(2).forEach(t -> {
                fire.addContact(county.id(), t.id(), "TOWNSHIP", t.name(), "防火办" + t.name().substring(0, 1) + "主任", "1390571" + (2000 + t.id() % 1000), admin);
                fire.addContact(county.id(), t.id(), "VILLAGE", t.name().replaceAll("(镇|乡|街道)$", "") + "村", "村护林员", "1390571" + (3000 + t.id() % 1000), admin);
            });
            fire.addSeason(county.id(), LocalDate.of(today.getYear(), 11, 1).minusYears(today.getMonthValue() < 11 ? 1 : 0),
                    LocalDate.of(today.getYear(), 11, 1).minusYears(today.getMonthValue() < 11 ? 1 : 0).plusMonths(6).minusDays(1), admin);
            for (int k = 1; k <= 2; k++) {
                GeoPoint p = directory.randomPointIn(county.id(), random).orElseThrow();
                String code = String.format(Locale.ROOT, "F%02d%d", c + 1, k);
                fire.addStation(new FireDanger.StationInput(code, county.name() + (k == 1 ? "城区站" : "林区站"), county.id(), p.lat(), p.lon()),
                        admin);
                for (int d = 89; d >= 0; d--) {
                    LocalDate day = today.minusDays(d);
                    // the first two counties dry out over the last ten days
                    boolean spell = c < 2 && d < 10;
                    double temp = 12 + 8 * random.nextDouble() + (spell ? 8 : 0);
                    double rh = spell ? 18 + random.nextInt(12) : 40 + random.nextInt(45);
                    double wind = spell ? 20 + random.nextInt(18) : 3 + random.nextInt(15);
                    double rain = spell ? 0 : random.nextInt(5) == 0 ? 2 + random.nextInt(15) : 0;
                    rows.add(new FireDanger.ObservationRow(++line, code, day.toString(), fmt(temp), fmt(rh), fmt(wind), fmt(rain)));
                }
            }
        }
        fire.importObservations(rows, admin);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
