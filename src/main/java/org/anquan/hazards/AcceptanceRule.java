package org.anquan.hazards;

import java.util.Optional;

/**
 * A rule another module holds on who may accept a hazard: e.g. a hazard under listed supervision is
 * accepted by its listing office. Asked before an acceptance; a refusal is a message key.
 *
 * @see org.anquan.hazards.domain.HazardService#accept
 */
public interface AcceptanceRule {

    /** Why the unit ({@code CITY}, {@code REGION}, {@code DEPARTMENT} and its id) may not accept the hazard; empty if it may. */
    Optional<String> refusal(long hazardId, String unitKind, Long unitId);
}
