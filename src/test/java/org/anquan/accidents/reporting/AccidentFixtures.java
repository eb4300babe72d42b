package org.anquan.accidents.reporting;

import org.springframework.context.ApplicationContext;

/** Test fixture: what another module's test may ask of accident reporting without reaching into it. */
public final class AccidentFixtures {

    private AccidentFixtures() {
    }

    /** Recomputes the monthly figures, as after a report, for accidents a test wrote straight into the table. */
    public static void rebuildMonthlyFigures(ApplicationContext context) {
        context.getBean(MonthlyFigures.class).rebuildAll();
    }
}
