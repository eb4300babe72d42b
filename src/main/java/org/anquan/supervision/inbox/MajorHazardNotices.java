package org.anquan.supervision.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.anquan.hazards.HazardRegraded;
import org.anquan.hazards.HazardReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A major hazard is reported to its supervising department and county at once (双报告): a message
 * in both inboxes, delivered after the report commits and retried from the event registry if the
 * application stops first.
 */
@Component
class MajorHazardNotices {

    private final Inbox inbox;
    private final Clock clock;

    MajorHazardNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
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
    void on(HazardRegraded event) {
        if (event.major()) {
            tell(event.departmentId(), event.countyId(), event.hazardId());
        }
    }

    private void tell(long department, long county, long hazard) {
        inbox.tell(department, county, hazard, null, "inbox.major.reported", OffsetDateTime.now(clock));
    }
}
