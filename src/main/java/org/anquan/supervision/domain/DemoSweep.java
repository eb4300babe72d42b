package org.anquan.supervision.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On the demo city, the first sweep runs at start-up so the ladder has steps to show. */
@Component
@Order(200)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoSweep implements ApplicationRunner {

    private final EscalationSweep sweep;
    private final JdbcClient jdbc;

    DemoSweep(EscalationSweep sweep, JdbcClient jdbc) {
        this.sweep = sweep;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM supervision_step").query(Long.class).single() == 0) {
            sweep.run("system");
        }
    }
}
