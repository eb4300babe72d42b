package org.anquan.hazards;

import java.time.OffsetDateTime;

/** A hazard was accepted and closed (销号). Published in the accepting transaction. */
public record HazardClosed(long hazardId, String code, OffsetDateTime closedAt, String acceptedBy) {
}
