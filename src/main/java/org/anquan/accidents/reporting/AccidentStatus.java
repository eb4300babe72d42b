package org.anquan.accidents.reporting;

import org.anquan.shared.BusinessException;

/**
 * Where an accident stands, and what may be done to it: a reported accident takes supplementary reports
 * (within their window, which the service checks against the clock), its investigation, accountability,
 * recommendations and the four gates of 四不放过, and is closed (结案) once the gates are met; a closed
 * accident takes nothing more. The names are stored as they are.
 */
enum AccidentStatus {
    REPORTED, CLOSED;

    public enum Step {
        /** 补报/续报: casualties and loss changed. */
        SUPPLEMENT,
        /** The investigation's steps, accountability, recommendations, a gate recorded. */
        FOLLOW_UP,
        /** 结案 (the gates checked by the service). */
        CLOSE
    }

    /** The status the step leaves the accident in; a step its status does not allow is refused in words. */
    public AccidentStatus after(Step step) {
        if (this == CLOSED) {
            throw new BusinessException("accident.closed.already");
        }
        return step == Step.CLOSE ? CLOSED : REPORTED;
    }
}
