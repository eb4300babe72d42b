package org.anquan.citizen.reports;

/**
 * What the citizen and the public read of a report's progress: the report's status, and while it is a
 * hazard the hazard's (as the hazards module publishes it). Never an officer's name or note.
 */
public enum PublicStage {
    IN_HAND, CHECKING, RECTIFYING, NOT_CONFIRMED, TRANSFERRED, CLOSED;

    /** The stage of a moderated report; {@code hazardStatus} is the linked hazard's status, or null. */
    public static PublicStage of(ReportStatus status, String hazardStatus) {
        return switch (status) {
            case HAZARD -> hazardStatus == null ? CHECKING : switch (hazardStatus) {
                case "ASSIGNED", "RECTIFYING", "SUBMITTED" -> RECTIFYING;
                case "CLOSED" -> CLOSED;
                case "REJECTED" -> NOT_CONFIRMED;
                default -> CHECKING;
            };
            case CLUE -> TRANSFERRED;
            case CLOSED, REJECTED -> CLOSED;
            default -> IN_HAND;
        };
    }

    public String messageKey() {
        return "citizen.stage." + name();
    }

    /** Open311's two statuses. */
    public String open311() {
        return this == CLOSED || this == NOT_CONFIRMED ? "closed" : "open";
    }
}
