package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city looks like a real one: varied findings, and an operating demo enterprise with work in every stage. */
@IntegrationTest
class DemoHazardsTests {

    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    @Test
    void theDemoEnterpriseOperatesAndHasHazardsInEveryStageOfTheWork() {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        assertThat(jdbc.sql("SELECT status FROM enterprise WHERE id = :e").param("e", enterprise).query(String.class).single())
                .isEqualTo("OPERATING");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM hazard WHERE enterprise_id = :e AND reported_by IN ('enterprise', 'demo')")
                .param("e", enterprise).query(String.class).list())
                .contains("REPORTED", "ASSIGNED", "RECTIFYING", "SUBMITTED", "CLOSED");
    }

    @Test
    void theDemoFindingsReadLikeInspectorsNotesNotOneSentence() {
        long demo = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE reported_by = 'demo'").query(Long.class).single();
        long distinct = jdbc.sql("SELECT COUNT(DISTINCT description) FROM hazard WHERE reported_by = 'demo'").query(Long.class).single();
        assertThat(demo).isGreaterThanOrEqualTo(240);
        assertThat(distinct).isGreaterThan(demo / 3);
    }
}
