package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.platform.audit.AuditCheckpoints;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit chain is keyed and anchored outside the database: someone who can write the database
 * can neither rewrite a record and re-hash the rest, nor cut the end off, without it showing.
 */
@IntegrationTest
class AuditChainKeyTests {

    @Autowired AuditTrail trail;
    @Autowired AuditCheckpoints checkpoints;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    /** What an attacker with database access computes: the unkeyed SHA-256 link of a record. */
    static String plainHash(Map<String, Object> r, String prev) throws Exception {
        String canonical = String.join("\u001f", String.valueOf(r.get("id")),
                Long.toString(((OffsetDateTime) r.get("occurred_at")).toInstant().toEpochMilli()),
                (String) r.get("actor"), (String) r.get("action"), nz(r.get("entity_type")), nz(r.get("entity_id")),
                nz(r.get("summary")), nz(r.get("before_state")), nz(r.get("after_state")), nz(r.get("remote_addr")), prev);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    List<Map<String, Object>> lastRecords(long fromId) {
        return jdbc.sql("SELECT * FROM audit_log WHERE id >= :id ORDER BY id").param("id", fromId).query()
                .listOfRows().stream().map(r -> {
                    var m = new HashMap<String, Object>(r);
                    m.put("occurred_at", jdbc.sql("SELECT occurred_at FROM audit_log WHERE id = :id").param("id", r.get("id"))
                            .query(OffsetDateTime.class).single());
                    return (Map<String, Object>) m;
                }).toList();
    }

    @Test
    void rewritingARecordAndReHashingEverythingAfterItIsStillFound() throws Exception {
        trail.recordAlone("tester", "UPDATE", "probe", 10, "the truth");
        long id = jdbc.sql("SELECT last_id FROM audit_head").query(Long.class).single();
        trail.recordAlone("tester", "UPDATE", "probe", 11, "after it");
        trail.recordAlone("tester", "UPDATE", "probe", 12, "and after that");
        var original = lastRecords(id);
        String prev = (String) jdbc.sql("SELECT prev_hash FROM audit_log WHERE id = :id").param("id", id).query().singleRow().get("prev_hash");
        try {
            for (var r : original) {
                var forged = new HashMap<String, Object>(r);
                if (((Number) r.get("id")).longValue() == id) {
                    forged.put("summary", "a lie");
                }
                String hash = plainHash(forged, prev);
                for (String keyId : new String[] {null}) {
                    jdbc.sql("UPDATE audit_log SET summary = :s, prev_hash = :p, hash = :h, key_id = :k WHERE id = :id")
                            .param("s", forged.get("summary")).param("p", prev).param("h", hash).param("k", keyId)
                            .param("id", r.get("id")).update();
                }
                prev = hash;
            }
            jdbc.sql("UPDATE audit_head SET last_hash = :h WHERE id = 1").param("h", prev).update();
            assertThat(trail.verify().firstBrokenId()).isEqualTo(id);
        } finally {
            for (var r : original) {
                jdbc.sql("UPDATE audit_log SET summary = :s, prev_hash = :p, hash = :h, key_id = :k WHERE id = :id")
                        .param("s", r.get("summary")).param("p", r.get("prev_hash")).param("h", r.get("hash"))
                        .param("k", r.get("key_id")).param("id", r.get("id")).update();
            }
            jdbc.sql("UPDATE audit_head SET last_hash = :h WHERE id = 1").param("h", original.get(original.size() - 1).get("hash")).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void cuttingTheEndOffPassesTheChainButNotAKeptCheckpoint() throws Exception {
        trail.recordAlone("tester", "UPDATE", "probe", 20, "before the checkpoint");
        var kept = checkpoints.make();
        trail.recordAlone("tester", "UPDATE", "probe", 21, "after it");
        var removed = lastRecords(kept.lastId());
        var head = jdbc.sql("SELECT last_id, last_hash FROM audit_head").query().singleRow();
        // cut everything from the checkpoint's record on, and move the head back: the chain itself looks whole
        var before = jdbc.sql("SELECT id, hash FROM audit_log WHERE id = :id").param("id", kept.lastId() - 1).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE id >= :id").param("id", kept.lastId()).update();
        jdbc.sql("UPDATE audit_head SET last_id = :i, last_hash = :h WHERE id = 1").param("i", before.get("id"))
                .param("h", before.get("hash")).update();
        try {
            assertThat(trail.verify().intact()).isTrue();
            assertThat(checkpoints.check(kept).finding()).isEqualTo(AuditCheckpoints.Finding.RECORD_MISSING);
        } finally {
            for (var r : removed) {
                jdbc.sql("""
                        INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary, before_state,
                                               after_state, remote_addr, prev_hash, hash, key_id)
                        VALUES (:id, :occurred_at, :actor, :action, :entity_type, :entity_id, :summary, :before_state,
                                :after_state, :remote_addr, :prev_hash, :hash, :key_id)""").params(r).update();
            }
            jdbc.sql("UPDATE audit_head SET last_id = :i, last_hash = :h WHERE id = 1").param("i", head.get("last_id"))
                    .param("h", head.get("last_hash")).update();
        }
        assertThat(checkpoints.check(kept).intact()).isTrue();
    }

    @Test
    void aCheckpointWhoseFiguresWereEditedOrWhoseKeyIsGoneIsNotAccepted() {
        var cp = checkpoints.make();
        assertThat(checkpoints.check(new AuditCheckpoints.Checkpoint(cp.lastId() - 1, cp.lastHash(), cp.createdAt(), cp.keyId(),
                cp.signature())).finding()).isEqualTo(AuditCheckpoints.Finding.SIGNATURE_INVALID);
        assertThat(checkpoints.check(new AuditCheckpoints.Checkpoint(cp.lastId(), cp.lastHash(), cp.createdAt(), "gone",
                cp.signature())).finding()).isEqualTo(AuditCheckpoints.Finding.KEY_UNKNOWN);
    }

    @Test
    void theAdministratorDownloadsACheckpointAndChecksItLater() throws Exception {
        byte[] file = mvc.perform(get("/admin/audit/checkpoint.json").with(as(accounts, "admin"))).andReturn().getResponse()
                .getContentAsByteArray();
        var checked = mvc.perform(multipart("/admin/audit/checkpoint/verify")
                .file(new MockMultipartFile("file", "cp.json", "application/json", file)).with(as(accounts, "admin")).with(csrf()))
                .andReturn();
        assertThat(((AuditCheckpoints.Check) checked.getFlashMap().get("checkpointCheck")).intact()).isTrue();
        var garbage = mvc.perform(multipart("/admin/audit/checkpoint/verify")
                .file(new MockMultipartFile("file", "cp.json", "application/json", "{not json".getBytes(StandardCharsets.UTF_8)))
                .with(as(accounts, "admin")).with(csrf())).andReturn();
        assertThat(garbage.getFlashMap().get("errorKey")).isEqualTo("audit.checkpoint.unreadable");
    }

    @Test
    void recordsAreSealedWithTheCurrentKey() {
        trail.recordAlone("tester", "UPDATE", "probe", 30, "sealed");
        assertThat(jdbc.sql("SELECT key_id FROM audit_log WHERE id = (SELECT last_id FROM audit_head)").query(String.class).single())
                .isEqualTo("t2");
    }
}
