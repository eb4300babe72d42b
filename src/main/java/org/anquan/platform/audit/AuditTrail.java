package org.anquan.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.anquan.shared.CityTime;
import org.anquan.shared.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only, hash-chained record of who changed what. Each record carries the seal of the one
 * before it; a seal is an HMAC under a key kept outside the database ({@link AuditKeys}), so whoever
 * can write the database still cannot rewrite a record and re-seal the rest. The head row is locked
 * while appending, so instances sharing a database never fork the chain. A record joins the
 * caller's transaction: when a change rolls back, so does its record.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final int MAX_STATE = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;
    private final Actor actor;
    private final AuditKeys keys;

    /**
     * Who is acting, as the security layer knows it: the trail is told, it does not ask the security
     * package (which itself audits logins), so the two never depend on each other in a loop.
     */
    @FunctionalInterface
    public interface Actor {
        /** The name written into the record: the user name, or "system" for jobs and start-up. */
        String name();
    }

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock, Actor actor,
               AuditKeys keys) {
        this.keys = keys;
        this.actor = actor;
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change by the current user. {@code before} and {@code after} are serialised to JSON. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, Object entityId, String summary, Object before, Object after) {
        append(actor.name(), action, entityType, entityId, summary, before, after);
    }

    /** Records an event in a transaction of its own (logins, failed logins: nothing else to join). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String entityType, Object entityId, String summary) {
        append(actor, action, entityType, entityId, summary, null, null);
    }

    private void append(String actor, String action, String entityType, Object entityId, String summary,
                        Object before, Object after) {
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long id = head.lastId() + 1;
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        AuditEntry e = new AuditEntry(id, at, truncate(actor, 64), action, entityType,
                entityId == null ? null : truncate(entityId.toString(), 64), truncate(summary, 500),
                toJson(before), toJson(after), remoteAddr(), head.lastHash(), null, keys.currentId());
        String hash = seal(e).orElseThrow();
        jdbc.sql("""
                INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary,
                                       before_state, after_state, remote_addr, prev_hash, hash, key_id)
                VALUES (:id, :at, :actor, :action, :type, :eid, :summary, :before, :after, :addr, :prev, :hash, :key)
                """)
                .param("id", id).param("at", at).param("actor", e.actor()).param("action", action)
                .param("type", entityType).param("eid", e.entityId()).param("summary", e.summary())
                .param("before", e.beforeState()).param("after", e.afterState()).param("addr", e.remoteAddr())
                .param("prev", e.prevHash()).param("hash", hash).param("key", e.keyId())
                .update();
        jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", id).param("hash", hash).update();
    }

    /** One change of a batch written by a job. */
    public record Change(String action, String entityType, Object entityId, String summary) {
    }

    /**
     * Records many changes of one job in the caller's transaction: the chain is computed in memory
     * and written with batched inserts, so a sweep of tens of thousands of steps stays fast.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(String actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        long id = head.lastId();
        String prev = head.lastHash();
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            id++;
            AuditEntry e = new AuditEntry(id, at, truncate(actor, 64), c.action(), c.entityType(),
                    c.entityId() == null ? null : truncate(c.entityId().toString(), 64), truncate(c.summary(), 500),
                    null, null, null, prev, null, keys.currentId());
            String hash = seal(e).orElseThrow();
            rows.add(new Object[] {id, at, e.actor(), e.action(), e.entityType(), e.entityId(), e.summary(), prev, hash, e.keyId()});
            prev = hash;
        }
        batch.batchUpdate("INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary, prev_hash, hash, key_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", id).param("hash", prev).update();
    }

    public PageResult<AuditEntry> search(AuditQuery q, int page, int size) {
        String where = """
                WHERE (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
                  AND (CAST(:action AS VARCHAR) IS NULL OR action = :action)
                  AND (CAST(:type AS VARCHAR) IS NULL OR entity_type = :type)
                  AND (CAST(:eid AS VARCHAR) IS NULL OR entity_id = :eid)
                  AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :from)
                  AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :to)
                """;
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM audit_log " + where), q).query(Long.class).single();
        List<AuditEntry> items = bind(jdbc.sql("SELECT * FROM audit_log " + where
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset"), q)
                .param("limit", size).param("offset", PageResult.offsetOf(page, size))
                .query((rs, n) -> map(rs)).list();
        return new PageResult<>(items, page, size, total);
    }

    public List<AuditEntry> historyOf(String entityType, Object entityId) {
        return jdbc.sql("SELECT * FROM audit_log WHERE entity_type = :t AND entity_id = :id ORDER BY id DESC LIMIT 200")
                .param("t", entityType).param("id", entityId.toString())
                .query((rs, n) -> map(rs)).list();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
        return spec.param("actor", blankToNull(q.actor())).param("action", blankToNull(q.action()))
                .param("type", blankToNull(q.entityType())).param("eid", blankToNull(q.entityId()))
                .param("from", q.from() == null ? null : CityTime.startOf(q.from(), clock))
                .param("to", q.to() == null ? null : CityTime.endOf(q.to(), clock));
    }

    /**
     * Walks the whole chain in order and reports the first record that does not match: a changed,
     * removed or re-sealed record, a key that is not configured, or an unkeyed record after the
     * chain became keyed.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AtomicBoolean keyed = new AtomicBoolean();
        AtomicReference<String> prev = new AtomicReference<>(GENESIS);
        AtomicLong expectedId = new AtomicLong(1);
        AtomicLong checked = new AtomicLong();
        AtomicReference<Long> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_log ORDER BY id").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry e = map(rs);
            checked.incrementAndGet();
            boolean ok = e.id() == expectedId.get()
                    && Objects.equals(e.prevHash(), prev.get())
                    && !(keyed.get() && e.keyId() == null)
                    && seal(e).map(s -> s.equals(e.hash())).orElse(false);
            keyed.compareAndSet(false, e.keyId() != null);
            if (!ok) {
                broken.set(e.id());
            }
            prev.set(e.hash());
            expectedId.set(e.id() + 1);
        });
        if (broken.get() == null) {
            Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            if (head.lastId() != expectedId.get() - 1 || !head.lastHash().equals(prev.get())) {
                // records were removed from the end
                broken.set(expectedId.get());
            }
        }
        return new AuditVerification(checked.get(), broken.get());
    }

    /** The record's seal: the HMAC of its content under its key, or the plain SHA-256 of a record written before keys. */
    Optional<String> seal(AuditEntry e) {
        String canonical = String.join("\u001f",
                Long.toString(e.id()),
                Long.toString(e.occurredAt().toInstant().toEpochMilli()),
                e.actor(), e.action(), nz(e.entityType()), nz(e.entityId()), nz(e.summary()),
                nz(e.beforeState()), nz(e.afterState()), nz(e.remoteAddr()), e.prevHash());
        if (e.keyId() != null) {
            return keys.seal(e.keyId(), canonical);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Optional.of(HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("summary"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("remote_addr"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getString("key_id"));
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        return truncate(o instanceof String s ? s : json.writeValueAsString(o), MAX_STATE);
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return truncate(attrs.getRequest().getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private record Head(long lastId, String lastHash) {
    }
}
