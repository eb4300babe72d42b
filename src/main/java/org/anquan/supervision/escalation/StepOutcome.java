package org.anquan.supervision.escalation;

/** How a supervision step ended. */
enum StepOutcome {
    /** The hazard was accepted and closed; set by the system. */
    RECTIFIED,
    /** The officials were interviewed (约谈). */
    INTERVIEWED,
    /** The case was transferred to discipline inspection. */
    TRANSFERRED,
    /** Anything else, described in the note. */
    OTHER;

    public String messageKey() {
        return "step.outcome.kind." + name();
    }
}
