package org.anquan.supervision.domain;

import java.time.OffsetDateTime;

/** One inbox message of a department or county, with its hazard and, for escalations, the step's level. */
public record InboxRow(long id, String messageKey, OffsetDateTime createdAt, OffsetDateTime readAt, long hazardId,
                       String hazardCode, String subject, EscalationLevel level) {

    public boolean unread() {
        return readAt == null;
    }
}
