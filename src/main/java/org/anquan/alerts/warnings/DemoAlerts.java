package org.anquan.alerts.warnings;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's warnings: a holiday travel notice the duty officer drafted and the office approved, in
 * force; a draft of a severe-weather warning; and whatever the demo's fire danger drafted by itself.
 */
@Component
@Order(150)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoAlerts implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final Directory directory;
    private final Accounts accounts;
    private final Clock clock;

    DemoAlerts(JdbcClient jdbc, Alerts alerts, Directory directory, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    private CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM alert WHERE source_kind IS NULL").query(Long.class).single() > 0 || directory.counties().isEmpty()
                || accounts.findByUsername("duty").isEmpty() || accounts.findByUsername("admin").isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        List<Long> all = directory.counties().stream().map(Directory.RegionRef::id).toList();
        long travel = alerts.draft(new Alerts.AlertInput("Transport", "节日出行提示", "Expected", "Moderate", "Likely",
                "周末出行安全提示：G60示例段、S21城关隧道车流量大",
                "预计周末出城车流集中，G60示例段K120至K135、S21城关隧道易拥堵；S21 K45急弯路段为事故多发点段。",
                "请错峰出行，经事故多发路段和隧道时减速慢行、保持车距；拥堵时可绕行G320国道。",
                all, null, now.toString(), now.plusDays(3).toString()), user("duty"));
        alerts.submit(travel, 0, user("duty"));
        alerts.approve(travel, 1, user("admin"));
        alerts.draft(new Alerts.AlertInput("Met", "大风", "Future", "Moderate", "Possible", "大风蓝色预警（草稿）",
                "预计明天白天北部山区阵风可达8级。", "加固户外广告牌和临时搭建物，高处作业暂停。",
                List.of(all.get(0)), "30.05,117.95 30.05,118.10 30.15,118.10 30.15,117.95 30.05,117.95",
                now.plusHours(12).toString(), now.plusHours(36).toString()), user("duty"));
    }
}
