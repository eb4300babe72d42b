package org.anquan.duty.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.accidents.Accidents;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information reporting (信息报送) against the clock: an event is reported by phone within
 * {@code anquan.duty.phone-report-within} (30 minutes) of learning of it and, when serious, in writing
 * within {@code written-report-within} (an hour); then follow-ups, and the final report closes it. Reports
 * made after their limit are marked late. An event that is a production-safety accident is linked to its
 * accident record through the accidents module.
 */
@Service
class EventReports {

    public static final List<String> KINDS = List.of("ACCIDENT", "DISASTER", "FIRE", "PUBLIC_HEALTH", "SOCIAL", "OTHER");

    public record EventInput(String title, String kind, boolean serious, OffsetDateTime occurredAt, OffsetDateTime learnedAt, Long countyId,
                             String place) {
    }

    public record ReportInput(String stage, String channel, OffsetDateTime reportedAt, String body, Integer deaths, Integer injured) {
    }

    public record Event(long id, String title, String kind, boolean serious, OffsetDateTime occurredAt, OffsetDateTime learnedAt, long countyId,
                        String place, Long accidentId, String status, String createdBy, int version, OffsetDateTime phoneDue,
                        OffsetDateTime writtenDue, OffsetDateTime firstPhone, OffsetDateTime firstWritten) {
        /** Reported by phone after the limit, or not at all while the limit has passed. */
        public boolean phoneLate(OffsetDateTime now) {
            return firstPhone == null ? now.isAfter(phoneDue) : firstPhone.isAfter(phoneDue);
        }

        /** For a serious event: in writing after the limit, or not at all while it has passed. */
        public boolean writtenLate(OffsetDateTime now) {
            return writtenDue != null && (firstWritten == null ? now.isAfter(writtenDue) : firstWritten.isAfter(writtenDue));
        }
    }

    public record Report(long id, String stage, String channel, OffsetDateTime reportedAt, String body, Integer deaths, Integer injured,
                         String reportedBy, boolean late) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final Accidents accidents;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration phoneWithin;
    private final Duration writtenWithin;

    EventReports(JdbcClient jdbc, Directory directory, ScopeFilter scopes, Accidents accidents, AuditTrail audit, Clock clock,
                 DutyProperties props) {
        Duration phoneWithin = props.phoneReportWithin();
        Duration writtenWithin = props.writtenReportWithin();
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.accidents = accidents;
        this.audit = audit;
        this.clock = clock;
        this.phoneWithin = phoneWithin;
        this.writtenWithin = writtenWithin;
    }

    private static ScopeFilter.Subject subject(long countyId) {
        return new ScopeFilter.Subject(countyId, null, null, DutyRosters.NO_ENTERPRISE);
    }

    @Transactional
    public long open(EventInput in, ReportInput first, CurrentUser user) {
        user.require(Permission.DUTY_MANAGE);
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Inputs.text(in.title(), 200, "title", true, errors);
        if (!KINDS.contains(String.valueOf(in.kind()))) {
            errors.put("kind", "validation.required");
        }
        if (in.countyId() == null || directory.counties().stream().noneMatch(c -> c.id() == in.countyId())) {
            errors.put("countyId", "fire.station.county.unknown");
        } else if (!scopes.reaches(user.scope(), subject(in.countyId()), ScopeFilter.Mode.ACT)) {
            errors.put("countyId", "resource.county.not.yours");
        }
        String place = Inputs.text(in.place(), 300, "place", true, errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.occurredAt() == null || in.learnedAt() == null) {
            errors.put("occurredAt", "validation.required");
        } else if (in.learnedAt().isBefore(in.occurredAt())) {
            errors.put("learnedAt", "duty.event.learned.before");
        } else if (in.learnedAt().isAfter(now.plusMinutes(5))) {
            errors.put("learnedAt", "duty.event.future");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (first == null || !"FIRST".equals(first.stage())) {
            throw new InvalidInputException(Map.of("stage", "duty.event.first.required"));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duty_event (title, kind, serious, occurred_at, learned_at, county_id, place, status, created_by, created_at)
                VALUES (:t, :k, :s, :o, :l, :c, :p, 'OPEN', :by, :at)""")
                .param("t", title).param("k", in.kind()).param("s", in.serious()).param("o", in.occurredAt()).param("l", in.learnedAt())
                .param("c", in.countyId()).param("p", place).param("by", user.username()).param("at", now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "duty_event", id, title + (in.serious() ? " (serious)" : ""), null, null);
        addReport(id, first, user);
        return id;
    }

    /** A report of the event: first (one per channel), follow-up, or the final one that closes it. */
    @Transactional
    public void report(long eventId, ReportInput in, CurrentUser user) {
        Event e = actable(eventId, user);
        if (!"OPEN".equals(e.status())) {
            throw new BusinessException("duty.event.closed");
        }
        addReport(eventId, in, user);
    }

    private void addReport(long eventId, ReportInput in, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!List.of("FIRST", "FOLLOW_UP", "FINAL").contains(String.valueOf(in.stage()))) {
            errors.put("stage", "validation.required");
        }
        if (!List.of("PHONE", "WRITTEN").contains(String.valueOf(in.channel()))) {
            errors.put("channel", "validation.required");
        }
        String body = Inputs.text(in.body(), 4000, "body", true, errors);
        Event e = event(eventId);
        if (in.reportedAt() == null) {
            errors.put("reportedAt", "validation.required");
        } else if (in.reportedAt().isBefore(e.learnedAt())) {
            errors.put("reportedAt", "duty.event.report.before");
        } else if (in.reportedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            errors.put("reportedAt", "duty.event.future");
        }
        if ((in.deaths() != null && in.deaths() < 0) || (in.injured() != null && in.injured() < 0)) {
            errors.put("deaths", "duty.event.casualties");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if ("FIRST".equals(in.stage()) && jdbc.sql("SELECT COUNT(*) FROM duty_event_report WHERE event_id = :e AND stage = 'FIRST' AND channel = :c")
                .param("e", eventId).param("c", in.channel()).query(Long.class).single() > 0) {
            throw new BusinessException("duty.event.first.done");
        }
        jdbc.sql("""
                INSERT INTO duty_event_report (event_id, stage, channel, reported_at, body, deaths, injured, reported_by, recorded_at)
                VALUES (:e, :s, :c, :at, :b, :d, :i, :by, :now)""")
                .param("e", eventId).param("s", in.stage()).param("c", in.channel()).param("at", in.reportedAt()).param("b", body)
                .param("d", in.deaths()).param("i", in.injured()).param("by", user.username()).param("now", OffsetDateTime.now(clock)).update();
        if ("FINAL".equals(in.stage())) {
            jdbc.sql("UPDATE duty_event SET status = 'FINAL', version = version + 1 WHERE id = :id").param("id", eventId).update();
        }
        audit.record("REPORT", "duty_event", eventId, in.stage() + " " + in.channel() + " " + in.reportedAt(), null, null);
    }

    /** Links an accident event to its accident record, one the user's scope reads. */
    @Transactional
    public void linkAccident(long eventId, long accidentId, CurrentUser user) {
        Event e = actable(eventId, user);
        if (!"ACCIDENT".equals(e.kind())) {
            throw new BusinessException("duty.event.not.accident");
        }
        var accident = accidents.find(accidentId, user).orElseThrow(() -> new BusinessException("duty.event.accident.unknown"));
        jdbc.sql("UPDATE duty_event SET accident_id = :a, version = version + 1 WHERE id = :id").param("a", accident.id()).param("id", eventId).update();
        audit.record("LINK", "duty_event", eventId, "accident " + accident.code(), null, null);
    }

    private Event actable(long id, CurrentUser user) {
        user.require(Permission.DUTY_MANAGE);
        Event e = event(id);
        if (!scopes.reaches(user.scope(), subject(e.countyId()), ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("duty event", id);
        }
        return e;
    }

    public Event readable(long id, CurrentUser user) {
        Event e = event(id);
        if (!scopes.reaches(user.scope(), subject(e.countyId()), ScopeFilter.Mode.READ)) {
            throw new ScopeDeniedException("duty event", id);
        }
        return e;
    }

    private static final String EVENT = """
            SELECT e.id, e.title, e.kind, e.serious, e.occurred_at, e.learned_at, e.county_id, e.place, e.accident_id, e.status, e.created_by,
                   e.version,
                   (SELECT MIN(r.reported_at) FROM duty_event_report r WHERE r.event_id = e.id AND r.channel = 'PHONE'),
                   (SELECT MIN(r.reported_at) FROM duty_event_report r WHERE r.event_id = e.id AND r.channel = 'WRITTEN')
            FROM duty_event e""";

    private Event row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime learned = rs.getObject(6, OffsetDateTime.class);
        boolean serious = rs.getBoolean(4);
        return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), serious, rs.getObject(5, OffsetDateTime.class), learned,
                rs.getLong(7), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10), rs.getString(11), rs.getInt(12),
                learned.plus(phoneWithin), serious ? learned.plus(writtenWithin) : null, rs.getObject(13, OffsetDateTime.class),
                rs.getObject(14, OffsetDateTime.class));
    }

    Event event(long id) {
        return jdbc.sql(EVENT + " WHERE e.id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("duty event", id));
    }

    /** The events the user's scope reads, newest first. */
    public List<Event> events(CurrentUser user, int limit) {
        var pred = scopes.read(user.scope(), ScopeFilter.Columns.of().county("e.county_id").enterprise("CAST(" + DutyRosters.NO_ENTERPRISE + " AS BIGINT)"));
        return jdbc.sql(EVENT + " WHERE " + pred.sql() + " ORDER BY e.learned_at DESC LIMIT :n").params(pred.params()).param("n", limit)
                .query(this::row).list();
    }

    public List<Report> reports(long eventId) {
        Event e = event(eventId);
        return jdbc.sql("""
                SELECT id, stage, channel, reported_at, body, deaths, injured, reported_by FROM duty_event_report
                WHERE event_id = :e ORDER BY reported_at, id""").param("e", eventId)
                .query((rs, n) -> {
                    String stage = rs.getString(2);
                    String channel = rs.getString(3);
                    OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                    boolean late = "FIRST".equals(stage) && ("PHONE".equals(channel) ? at.isAfter(e.phoneDue())
                            : e.writtenDue() != null && at.isAfter(e.writtenDue()));
                    return new Report(rs.getLong(1), stage, channel, at, rs.getString(5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
                            rs.getString(8), late);
                }).list();
    }

    /** The recent accidents an event of the user may be linked to. */
    public List<Accidents.AccidentRef> accidentsOf(CurrentUser user) {
        return accidents.recent(user.scope(), 20);
    }
}
