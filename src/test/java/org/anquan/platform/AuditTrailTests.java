package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.IntegrationTest;
import org.anquan.platform.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailTests {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;

    @Test
    void anUntouchedChainVerifies() {
        trail.recordAlone("tester", "UPDATE", "probe", 1, "probe");
        var v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single());
    }

    @Test
    void anAlteredRecordIsReportedAsTheFirstBrokenLink() {
        trail.recordAlone("tester", "UPDATE", "probe", 2, "original summary");
        long id = jdbc.sql("SELECT MAX(id) FROM audit_log WHERE actor = 'tester'").query(Long.class).single();
        trail.recordAlone("tester", "UPDATE", "probe", 3, "a later record");
        jdbc.sql("UPDATE audit_log SET summary = 'forged' WHERE id = :id").param("id", id).update();
        try {
            assertThat(trail.verify().firstBrokenId()).isEqualTo(id);
        } finally {
            jdbc.sql("UPDATE audit_log SET summary = 'original summary' WHERE id = :id").param("id", id).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRecordBreaksTheChain() {
        trail.recordAlone("tester", "UPDATE", "probe", 4, "to be removed");
        long id = jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
        trail.recordAlone("tester", "UPDATE", "probe", 5, "after it");
        var saved = jdbc.sql("SELECT * FROM audit_log WHERE id = :id").param("id", id).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", id).update();
        try {
            assertThat(trail.verify().firstBrokenId()).isEqualTo(id + 1);
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary, before_state,
                                           after_state, remote_addr, prev_hash, hash, key_id)
                    VALUES (:id, :occurred_at, :actor, :action, :entity_type, :entity_id, :summary, :before_state,
                            :after_state, :remote_addr, :prev_hash, :hash, :key_id)""").params(saved).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }
}
