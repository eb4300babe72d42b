package org.anquan.accidents.reporting;

import java.util.Random;
import org.springframework.context.ApplicationContext;

/** Test fixture: what another module's test may ask of accident reporting without reaching into it. */
public final class AccidentFixtures {

    private AccidentFixtures() {
    }

    /** Recomputes the monthly figures, as after a report, for accidents a test wrote straight into the table. */
    public static void rebuildMonthlyFigures(ApplicationContext context) {
        context.getBean(MonthlyFigures.class).rebuildAll();
    }

    /** Adds {@code count} accidents as the demo generates them (three years back, kinds by industry, the older ones closed). */
    public static void generate(ApplicationContext context, int count, Random random) {
        context.getBean(DemoAccidents.class).generate(count, random);
    }
}
