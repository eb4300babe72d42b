package org.anquan.duty.watch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's duty: published rosters of the city duty office, the emergency bureau and the first
 * two counties around today, a draft with an uncovered night, today's zero-reports from some units, and a
 * spot check with its calls recorded.
 */
@Component
@Order(160)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoDuty implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final ZeroReports zero;
    private final SpotChecks spot;
    private final Accounts accounts;
    private final EventReports events;
    private final Clock clock;

    DemoDuty(JdbcClient jdbc, DutyRosters rosters, ZeroReports zero, SpotChecks spot, Accounts accounts,
             EventReports events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.zero = zero;
        this.spot = spot;
        this.accounts = accounts;
        this.clock = clock;
    }

    private CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM duty_roster").query(Long.class).single() > 0 || accounts.findByUsername("duty").isEmpty()
                || accounts.findByUsername("county").isEmpty()) {
            return;
        }
        CurrentUser duty = user("duty");
        CurrentUser admin = user("admin");
        LocalDate today = LocalDate.now(clock);
        var units = rosters.units();
        String[][] people = {
                {"王建国 13905710001\n李卫东 13905710002", "赵敏 13905710011\n钱伟 13905710012\n孙丽 13905710013"},
                {"周海涛 13905710021\n吴志刚 13905710022", "郑洁 13905710031\n冯磊 13905710032"},
                {"陈立新 13905710041", "褚红 13905710051\n卫强 13905710052"},
                {"蒋文华 13905710061\n沈明 13905710062", "韩雪 13905710071\n杨帆 13905710072"},
        };
        var city = units.get(0);
        var bureau = units.stream().filter(u -> "DEPARTMENT".equals(u.kind())).findFirst().orElseThrow();
        var counties = units.stream().filter(u -> "REGION".equals(u.kind()) && u.countyId() != null && u.countyId() == u.id()).limit(2).toList();
        var keys = new ArrayList<>(List.of(city.key(), bureau.key()));
        counties.forEach(c -> keys.add(c.key()));
        for (int i = 0; i < keys.size(); i++) {
            long id = rosters.build(new DutyRosters.Pattern(keys.get(i), "本周值班表", today.minusDays(3), today.plusDays(3), i == 0 ? 12 : 24, 8,
                    people[i % people.length][0], people[i % people.length][1]), admin);
            rosters.publish(id, 0, admin);
        }
        // a holiday roster still in draft: its first night has no leader yet
        long draft = rosters.build(new DutyRosters.Pattern(city.key(), "元旦假期值班表", today.plusDays(30), today.plusDays(32), 12, 8,
                people[0][0], people[0][1]), admin);
        rosters.shifts(draft).stream().filter(s -> "LEADER".equals(s.role())).skip(1).findFirst()
                .ifPresent(s -> rosters.removeShift(s.id(), admin));
        zero.submit(city.key(), true, null, duty);
        zero.submit(counties.get(0).key(), false, "城关镇一处民房夜间起火，已扑灭，无人员伤亡，已按规定报送。", user("county"));
        // two events reported against the clock: a serious one whose written report came late, and a fire closed by its final report
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        long countyId = counties.get(0).countyId();
        long serious = events.open(new EventReports.EventInput("化工园区储罐区泄漏着火", "ACCIDENT", true,
                now.minusHours(5), now.minusHours(5).plusMinutes(10), countyId, "城东化工园区三号储罐区"),
                new EventReports.ReportInput("FIRST", "PHONE", now.minusHours(5).plusMinutes(25),
                        "储罐区发生泄漏并引发火情，已组织现场人员疏散，消防救援力量已出动。", 0, 2), admin);
        events.report(serious, new EventReports.ReportInput("FIRST", "WRITTEN", now.minusHours(3),
                "书面报告：泄漏点已封堵，明火已扑灭，2人轻伤送医。", 0, 2), admin);
        events.accidentsOf(admin).stream().filter(a -> a.countyName().equals(counties.get(0).name())).findFirst()
                .ifPresent(a -> events.linkAccident(serious, a.id(), admin));
        long fire = events.open(new EventReports.EventInput("居民楼电动车充电起火", "FIRE", false,
                now.minusDays(1), now.minusDays(1).plusMinutes(5), countyId, "城关街道幸福小区6幢"),
                new EventReports.ReportInput("FIRST", "PHONE", now.minusDays(1).plusMinutes(15),
                        "楼道电动车充电起火，已扑灭，无人员伤亡。", 0, 0), admin);
        events.report(fire, new EventReports.ReportInput("FINAL", "WRITTEN", now.minusDays(1).plusHours(3),
                "终报：过火面积约5平方米，起火原因为电动车电池故障，已对小区开展消防安全检查。", 0, 0), admin);
        long check = spot.draw(4, duty);
        var calls = spot.calls(check);
        SpotChecks.Result[] results = {SpotChecks.Result.ROSTERED, SpotChecks.Result.OTHER, SpotChecks.Result.ROSTERED, SpotChecks.Result.NONE};
        for (int i = 0; i < calls.size(); i++) {
            SpotChecks.Result r = results[i % results.length];
            spot.record(check, calls.get(i).rosterId(), r, r == SpotChecks.Result.NONE ? null : 8 + 7 * i, i != 1, duty);
        }
    }
}
