package org.anquan.hazards;

import java.time.OffsetDateTime;

/**
 * A hazard was accepted and closed (销号). Published in the accepting transaction.
 *
 * @param origin the record of another module it was handed over from ({@link Hazards#openFrom}), or null
 */
public record HazardClosed(long hazardId, String code, OffsetDateTime closedAt, String acceptedBy, Origin origin) {
}
