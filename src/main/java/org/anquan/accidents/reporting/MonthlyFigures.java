package org.anquan.accidents.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.anquan.shared.CityTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly sums of accidents (by county, industry, kind and grade) that statistics read for the
 * whole months of a period. A county's month is recomputed from the accidents after each report or
 * supplementary report touching it, in a transaction of its own once the report is committed (two
 * recomputations of one month at once: the second one tries again); the whole table is rebuilt at
 * start-up when it is empty and there are accidents.
 */
@Service
@Order(110)
class MonthlyFigures implements ApplicationRunner {

    /** An accident's figures changed: its county's month is to be recomputed. */
    public record Changed(long countyId, OffsetDateTime occurredAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MonthlyFigures(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(Changed changed) {
        YearMonth month = YearMonth.from(CityTime.dayOf(changed.occurredAt(), clock));
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> recompute(changed.countyId(), month));
                return;
            } catch (DataIntegrityViolationException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM accident_month").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single() > 0) {
            rebuildAll();
        }
    }

    /** Recomputes every month of every county from the accidents. */
    public void rebuildAll() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM accident_month").update();
            OffsetDateTime first = jdbc.sql("SELECT MIN(occurred_at) FROM accident").query(OffsetDateTime.class).optional().orElse(null);
            OffsetDateTime last = jdbc.sql("SELECT MAX(occurred_at) FROM accident").query(OffsetDateTime.class).optional().orElse(null);
            if (first == null) {
                return;
            }
            for (YearMonth m = YearMonth.from(CityTime.dayOf(first, clock)); !m.isAfter(YearMonth.from(CityTime.dayOf(last, clock)));
                 m = m.plusMonths(1)) {
                insert(m, null);
            }
        });
    }

    private void recompute(long countyId, YearMonth month) {
        jdbc.sql("DELETE FROM accident_month WHERE month_start = :m AND county_id = :c").param("m", month.atDay(1)).param("c", countyId).update();
        insert(month, countyId);
    }

    private void insert(YearMonth month, Long countyId) {
        LocalDate day = month.atDay(1);
        jdbc.sql("""
                        INSERT INTO accident_month (month_start, county_id, industry_code, kind_code, grade, accidents, deaths, injuries, loss)
                        SELECT :m, county_id, industry_code, kind_code, grade, COUNT(*), SUM(deaths + missing),
                               SUM(serious_injuries + minor_injuries), SUM(direct_loss_yuan)
                        FROM accident WHERE occurred_at >= :s AND occurred_at < :e""" + (countyId == null ? "" : " AND county_id = :c")
                        + " GROUP BY county_id, industry_code, kind_code, grade")
                .param("m", day).param("s", CityTime.startOf(day, clock)).param("e", CityTime.startOf(day.plusMonths(1), clock))
                .params(countyId == null ? Map.of() : Map.of("c", countyId)).update();
    }
}
