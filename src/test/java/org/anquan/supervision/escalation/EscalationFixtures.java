package org.anquan.supervision.escalation;

import org.anquan.supervision.EscalationSwept;
import org.springframework.context.ApplicationContext;

/** Test fixture: what another module's test may ask of the escalation ladder without reaching into it. */
public final class EscalationFixtures {

    private EscalationFixtures() {
    }

    /** Runs the escalation sweep now, as the nightly job does; what it did. */
    public static EscalationSwept sweep(ApplicationContext context, String actor) {
        return context.getBean(EscalationSweep.class).run(actor).orElseThrow();
    }
}
