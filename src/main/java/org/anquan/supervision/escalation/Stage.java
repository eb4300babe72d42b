package org.anquan.supervision.escalation;

/**
 * What a step of the ladder is about: the rectification deadline, or a wait on an official — a
 * report to verify, a verified hazard to assign, submitted work to accept.
 */
enum Stage {
    RECTIFY(null), VERIFY("REPORTED"), ASSIGN("VERIFIED"), ACCEPT("SUBMITTED");

    private final String waitingStatus;

    Stage(String waitingStatus) {
        this.waitingStatus = waitingStatus;
    }

    /** The hazard status (as stored) in which this wait runs; null for the rectification. */
    public String waitingStatus() {
        return waitingStatus;
    }

    public String messageKey() {
        return "stage." + name();
    }
}
