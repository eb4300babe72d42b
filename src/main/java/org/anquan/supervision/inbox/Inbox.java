package org.anquan.supervision.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.shared.Where;
import org.anquan.supervision.escalation.EscalationLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of a responsible department or county: escalation steps and major hazards addressed
 * to it. Officers of that department or county read it and mark messages read; other roles have
 * no inbox.
 */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScopeFilter scopes;

    /** A message is addressed to a county or to a department. */
    static final ScopeFilter.Columns OWNER = ScopeFilter.Columns.of().county("m.county_id").department("m.department_id");

    Inbox(JdbcClient jdbc, AuditTrail audit, Clock clock, ScopeFilter scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Tells a hazard's department and its county, each in its own inbox, with the message key and,
     * when the message is about a step of the ladder, the step.
     */
    public void tell(long departmentId, long countyId, long hazardId, Long stepId, String messageKey, OffsetDateTime at) {
        for (var owner : Map.of("department_id", departmentId, "county_id", countyId).entrySet()) {
            jdbc.sql("INSERT INTO inbox_message (" + owner.getKey() + ", hazard_id, step_id, message_key, created_at) "
                            + "VALUES (:o, :h, :s, :k, :at)")
                    .param("o", owner.getValue()).param("h", hazardId).param("s", stepId).param("k", messageKey).param("at", at)
                    .update();
        }
    }

    /** Whether the scope receives messages: a county or a department. */
    public static boolean hasInbox(DataScope scope) {
        return scope.kind() == DataScope.Kind.REGION || scope.kind() == DataScope.Kind.DEPARTMENT;
    }

    /** The messages addressed to the scope's county or department. */
    private ScopeFilter.Predicate owner(DataScope scope) {
        return scopes.act(scope, OWNER);
    }

    /** Unread messages of the scope's county or department; none for other scopes. */
    @Transactional(readOnly = true)
    public long unread(DataScope scope) {
        if (!hasInbox(scope)) {
            return 0;
        }
        ScopeFilter.Predicate owner = owner(scope);
        return jdbc.sql("SELECT COUNT(*) FROM inbox_message m WHERE m.read_at IS NULL" + owner.and())
                .params(owner.params()).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public PageResult<InboxRow> page(DataScope scope, boolean unreadOnly, int page, int size) {
        if (!hasInbox(scope)) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        ScopeFilter.Predicate owner = owner(scope);
        Where where = owner.where().andIf(unreadOnly, "m.read_at IS NULL");
        long total = jdbc.sql("SELECT COUNT(*) FROM inbox_message m" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<InboxRow> rows = jdbc.sql("""
                        SELECT m.id, m.message_key, m.created_at, m.read_at, m.hazard_id, h.code,
                               COALESCE(e.name, h.place) AS subject, s.level
                        FROM inbox_message m
                        JOIN hazards_hazard_view h ON h.id = m.hazard_id
                        LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id
                        LEFT JOIN supervision_step s ON s.id = m.step_id
                        """ + where.sql() + " ORDER BY m.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size))
                .query((rs, n) -> new InboxRow(rs.getLong("id"), rs.getString("message_key"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class),
                        rs.getLong("hazard_id"), rs.getString("code"), rs.getString("subject"),
                        rs.getObject("level") == null ? null : EscalationLevel.ofRank(rs.getInt("level"))))
                .list();
        return new PageResult<>(rows, page, size, total);
    }

    /** Marks one message of the user's inbox read; a message of another inbox is not found. */
    @Transactional
    public void markRead(long messageId, CurrentUser user) {
        DataScope scope = requireInbox(user);
        ScopeFilter.Predicate owner = owner(scope);
        Long id = jdbc.sql("SELECT m.id FROM inbox_message m WHERE m.id = :id" + owner.and())
                .param("id", messageId).params(owner.params()).query(Long.class).optional()
                .orElseThrow(() -> missing(messageId));
        int n = jdbc.sql("UPDATE inbox_message SET read_at = :at WHERE id = :id AND read_at IS NULL")
                .param("at", OffsetDateTime.now(clock)).param("id", id).update();
        if (n > 0) {
            audit.record("READ", "inbox_message", id, null, null, null);
        }
    }

    /** Marks every unread message of the user's inbox read; returns how many. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        DataScope scope = requireInbox(user);
        ScopeFilter.Predicate owner = owner(scope);
        int n = jdbc.sql("UPDATE inbox_message m SET read_at = :at WHERE m.read_at IS NULL" + owner.and())
                .param("at", OffsetDateTime.now(clock)).params(owner.params()).update();
        if (n > 0) {
            audit.record("READ_ALL", "inbox", scope.kind() + ":" + scope.id(), n + " messages", null, null);
        }
        return n;
    }

    /** Another inbox's message is refused like one that does not exist, and recorded as such. */
    private RuntimeException missing(long messageId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE id = :id").param("id", messageId)
                .query(Long.class).single() > 0;
        return exists ? new ScopeDeniedException("inbox_message", messageId)
                : new NotFoundException("inbox_message", messageId);
    }

    private DataScope requireInbox(CurrentUser user) {
        if (!hasInbox(user.scope()) || !user.may(Permission.INBOX_USE)) {
            throw new AccessDeniedException("only the officers of a department or county have an inbox");
        }
        return user.scope();
    }
}
