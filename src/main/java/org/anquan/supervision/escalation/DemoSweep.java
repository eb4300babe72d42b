package org.anquan.supervision.escalation;

import java.time.Clock;
import java.time.YearMonth;
import org.anquan.supervision.listing.Listings;
import org.anquan.supervision.reinspection.Reinspections;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the demo city, the first sweep runs at start-up so the ladder has steps to show, and last
 * month's 回头看 is drawn so the re-inspection pages have hazards to re-inspect, and a few major hazards
 * are listed (挂牌督办) so the public page has them.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoSweep implements ApplicationRunner {

    private final EscalationSweep sweep;
    private final Reinspections reinspections;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Listings listings;
    private final TransactionTemplate tx;

    DemoSweep(EscalationSweep sweep, Reinspections reinspections, JdbcClient jdbc, Clock clock, Listings listings,
              TransactionTemplate tx) {
        this.listings = listings;
        this.tx = tx;
        this.sweep = sweep;
        this.reinspections = reinspections;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM supervision_step").query(Long.class).single() == 0) {
            sweep.run("system");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM reinspection_draw").query(Long.class).single() == 0) {
            reinspections.drawMonth(YearMonth.now(clock).minusMonths(1), "system");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM supervision_listing").query(Long.class).single() == 0) {
            tx.executeWithoutResult(s -> listings.listForDemo());
        }
    }
}
