package org.anquan.supervision.inbox;

import java.time.OffsetDateTime;
import org.anquan.supervision.escalation.EscalationLevel;

/** One inbox message of a department or county, with its hazard and, for escalations, the step's level. */
record InboxRow(long id, String messageKey, OffsetDateTime createdAt, OffsetDateTime readAt, long hazardId,
                       String hazardCode, String subject, EscalationLevel level) {

    public boolean unread() {
        return readAt == null;
    }
}
