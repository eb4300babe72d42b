package org.anquan.directory.demo;

import java.util.Random;
import org.springframework.context.ApplicationContext;

/** Test fixture: what tests outside the demo city need of it. */
public final class DemoCityFixtures {

    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = DemoCity.DEMO_PASSWORD;

    private DemoCityFixtures() {
    }

    /** Adds {@code count} generated enterprises across the counties (for benchmarks at city scale). */
    public static void generateEnterprises(ApplicationContext context, int count, Random random) {
        context.getBean(DemoCity.class).generateEnterprises(count, random);
    }
}
