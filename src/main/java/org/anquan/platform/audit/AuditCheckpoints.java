package org.anquan.platform.audit;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.anquan.platform.jobs.JobLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signed checkpoints of the audit chain's head: the id and seal of the last record, signed with the
 * current audit key. Made every night and on demand; the administrator downloads them and keeps them
 * apart from the database. A kept checkpoint proves later that the chain up to it is still the one
 * it signed: no record removed from the end, none rewritten, even by someone who holds the database.
 */
@Service
public class AuditCheckpoints {

    /** A checkpoint as it is downloaded and uploaded again. */
    public record Checkpoint(long lastId, String lastHash, OffsetDateTime createdAt, String keyId, String signature) {
    }

    /** What checking a kept checkpoint found. */
    public enum Finding { INTACT, SIGNATURE_INVALID, KEY_UNKNOWN, RECORD_MISSING, RECORD_CHANGED, CHAIN_BROKEN }

    public record Check(Finding finding, Long firstBrokenId) implements Serializable {
        public boolean intact() {
            return finding == Finding.INTACT;
        }
    }

    private final JdbcClient jdbc;
    private final AuditKeys keys;
    private final AuditTrail trail;
    private final JobLocks locks;
    private final Clock clock;

    AuditCheckpoints(JdbcClient jdbc, AuditKeys keys, AuditTrail trail, JobLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.trail = trail;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${anquan.audit.checkpoint-cron:0 5 0 * * *}", zone = "${anquan.time-zone}")
    void nightly() {
        locks.runExclusively("audit-checkpoint", this::make);
    }

    /** Signs the chain's head as it is now. */
    public Checkpoint make() {
        long[] lastId = {0};
        String lastHash = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> {
                    lastId[0] = rs.getLong(1);
                    return rs.getString(2);
                }).single();
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String keyId = keys.currentId();
        Checkpoint cp = new Checkpoint(lastId[0], lastHash, at, keyId, sign(lastId[0], lastHash, at, keyId).orElseThrow());
        jdbc.sql("INSERT INTO audit_checkpoint (last_id, last_hash, created_at, key_id, signature) VALUES (:i, :h, :at, :k, :s)")
                .param("i", cp.lastId()).param("h", cp.lastHash()).param("at", cp.createdAt()).param("k", cp.keyId())
                .param("s", cp.signature()).update();
        return cp;
    }

    /** The newest checkpoint, made today if none is younger than a day. */
    public Checkpoint latest() {
        return jdbc.sql("SELECT last_id, last_hash, created_at, key_id, signature FROM audit_checkpoint ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5)))
                .optional()
                .filter(cp -> Duration.between(cp.createdAt(), OffsetDateTime.now(clock)).toHours() < 24)
                .orElseGet(this::make);
    }

    /** Checks a kept checkpoint against the chain as it is now. */
    public Check check(Checkpoint cp) {
        Optional<String> expected = sign(cp.lastId(), cp.lastHash(), cp.createdAt(), cp.keyId());
        if (expected.isEmpty()) {
            return new Check(Finding.KEY_UNKNOWN, null);
        }
        if (!expected.get().equals(cp.signature())) {
            return new Check(Finding.SIGNATURE_INVALID, null);
        }
        if (cp.lastId() == 0) {
            return new Check(Finding.INTACT, null);
        }
        Optional<String> hash = jdbc.sql("SELECT hash FROM audit_log WHERE id = :id").param("id", cp.lastId())
                .query(String.class).optional();
        if (hash.isEmpty()) {
            return new Check(Finding.RECORD_MISSING, cp.lastId());
        }
        if (!hash.get().equals(cp.lastHash())) {
            return new Check(Finding.RECORD_CHANGED, cp.lastId());
        }
        AuditVerification chain = trail.verify();
        if (!chain.intact() && chain.firstBrokenId() <= cp.lastId()) {
            return new Check(Finding.CHAIN_BROKEN, chain.firstBrokenId());
        }
        return new Check(Finding.INTACT, null);
    }

    private Optional<String> sign(long lastId, String lastHash, OffsetDateTime at, String keyId) {
        return keys.seal(keyId, "anquan-audit-checkpoint\u001f" + lastId + "\u001f" + lastHash + "\u001f" + at.toInstant().toEpochMilli());
    }
}
