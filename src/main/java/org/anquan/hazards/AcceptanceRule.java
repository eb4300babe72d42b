package org.anquan.hazards;

import java.util.Optional;

/**
 * A rule another module holds on who accepts a hazard: e.g. a hazard under listed supervision is
 * accepted by its listing office. Asked before an acceptance; such a rule comes before the hazard's
 * own (the unit that found it re-checks it).
 *
 * @see org.anquan.hazards.domain.HazardService#accept
 */
public interface AcceptanceRule {

    /** The unit that must accept the hazard, if this rule names one. */
    Optional<Unit> requiredUnit(long hazardId);

    /**
     * A unit by kind ({@code CITY}, {@code REGION}, {@code DEPARTMENT}) and id (none for the city), and
     * the message that refuses any other.
     */
    record Unit(String kind, Long id, String refusalKey) {
    }
}
