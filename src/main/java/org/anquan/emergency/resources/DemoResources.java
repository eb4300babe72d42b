package org.anquan.emergency.resources;

import java.time.Clock;
import java.time.LocalDate;
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

/** Each demo county's rescue teams with their last drill, and a warehouse with supplies — one expired, one below its minimum. */
@Component
@Order(145)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoResources implements ApplicationRunner {

    private static final String[][] TEAMS = {
            {"FIRE_RESCUE", "消防救援站", "水罐消防车2辆、抢险救援车1辆"},
            {"FOREST_FIRE", "森林消防专业队", "风力灭火机20台、水泵4台"},
            {"HAZCHEM_RESCUE", "危化品应急救援队", "防化服30套、堵漏器材"},
            {"WATER_RESCUE", "水上应急救援队", "冲锋舟3艘"},
    };

    private final JdbcClient jdbc;
    private final Resources resources;
    private final Directory directory;
    private final Accounts accounts;
    private final Clock clock;

    DemoResources(JdbcClient jdbc, Resources resources, Directory directory, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM rescue_team").query(Long.class).single() > 0 || accounts.findByUsername("admin").isEmpty()) {
            return;
        }
        var a = accounts.findByUsername("admin").orElseThrow();
        CurrentUser admin = accounts.principalOf(a.id()).user();
        Random random = new Random(45);
        LocalDate today = LocalDate.now(clock);
        var shapes = directory.countyShapes();
        int c = 0;
        for (var county : directory.counties()) {
            var shape = shapes.stream().filter(s -> s.name().equals(county.name())).findFirst().map(s -> Polygon.fromGeoJson(s.boundary()));
            if (shape.isEmpty()) {
                continue;
            }
            for (int t = 0; t < 3; t++) {
                String[] kind = TEAMS[(c + t) % TEAMS.length];
                GeoPoint p = directory.randomPointIn(county.id(), random).orElseThrow();
                long team = resources.addTeam(new Resources.TeamInput(county.name() + kind[1], kind[0], county.id(), 12 + random.nextInt(40),
                        kind[2], p.lat(), p.lon(), t == 2 ? "STANDBY" : "READY", "0571-8" + (1000000 + random.nextInt(8999999))), admin);
                resources.recordDrill(team, today.minusDays(10 + random.nextInt(80)), "夜间拉动演练", t == 1 ? "PASSED" : "GOOD", null, admin);
            }
            GeoPoint w = directory.randomPointIn(county.id(), random).orElseThrow();
            long warehouse = resources.addWarehouse(county.name() + "应急物资储备库", county.id(), w.lat(), w.lon(), "库管员" + (c + 1),
                    "1390571" + (1000 + c), admin);
            resources.addSupply(warehouse, "WIND_EXTINGUISHER", "风力灭火机", "台", 30 + c, 20, null, admin);
            resources.addSupply(warehouse, "TENT", "12平方米救灾帐篷", "顶", c == 0 ? 15 : 120, 50, null, admin);
            resources.addSupply(warehouse, "FIRE_EXTINGUISHER", "干粉灭火器", "具", 200, 100, c == 1 ? today.minusDays(20) : today.plusYears(2),
                    admin);
            resources.addSupply(warehouse, "LIFE_JACKET", "救生衣", "件", 300, 100, null, admin);
            c++;
        }
    }
}
