package org.anquan.supervision.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.anquan.hazards.HazardReported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A major hazard is reported to its supervising department and county at once (双报告): a message
 * in both inboxes, delivered after the report commits and retried from the event registry if the
 * application stops first.
 */
@Component
class MajorHazardNotices {

    private final JdbcClient jdbc;
    private final Clock clock;

    MajorHazardNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HazardReported event) {
        if (event.major()) {
            tell(event.departmentId(), event.countyId(), event.hazardId());
        }
    }

    /** A hazard regraded as major is reported as one reported major. */
    @ApplicationModuleListener
    void on(org.anquan.hazards.HazardRegraded event) {
        if (event.major()) {
            tell(event.departmentId(), event.countyId(), event.hazardId());
        }
    }

    private void tell(long department, long county, long hazard) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO inbox_message (department_id, hazard_id, message_key, created_at) VALUES (:d, :h, 'inbox.major.reported', :at)")
                .param("d", department).param("h", hazard).param("at", now).update();
        jdbc.sql("INSERT INTO inbox_message (county_id, hazard_id, message_key, created_at) VALUES (:c, :h, 'inbox.major.reported', :at)")
                .param("c", county).param("h", hazard).param("at", now).update();
    }
}
