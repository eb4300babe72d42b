package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.platform.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The production role of db/roles/postgres-app-role.sql: it appends to the audit trail and can never rewrite it. */
@IntegrationTest
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*test-postgres.*")
class AuditRoleTests {

    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void applyTheRoleScript() throws Exception {
        String script = new ClassPathResource("db/roles/postgres-app-role.sql").getContentAsString(StandardCharsets.UTF_8);
        jdbcTemplate.execute(script);
    }

    /** Runs the work in a transaction of its own as the application's production role. */
    void asTheApplicationRole(Runnable work) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL ROLE anquan_app").update();
            work.run();
        });
    }

    @Test
    void theApplicationRoleAppendsToTheAuditTrail() {
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
        asTheApplicationRole(() -> audit.record("ROLE_CHECK", "audit_log", 0, "append as anquan_app", null, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorRemoveAnAuditRecord() {
        assertThatThrownBy(() -> asTheApplicationRole(() -> jdbc.sql("UPDATE audit_log SET summary = 'rewritten'").update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asTheApplicationRole(() -> jdbc.sql("DELETE FROM audit_log").update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asTheApplicationRole(() -> jdbc.sql("TRUNCATE audit_log").update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE summary = 'rewritten'").query(Long.class).single()).isZero();
    }

    @Test
    void theApplicationRoleStillWritesItsOtherTables() {
        int[] updated = {0};
        asTheApplicationRole(() -> updated[0] = jdbc.sql("UPDATE user_account SET failed_attempts = failed_attempts WHERE username = 'admin'").update());
        assertThat(updated[0]).isEqualTo(1);
    }
}
