package org.anquan.duty.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Phones;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty rosters (值班表): a unit's shifts over a period built from a pattern (one 24-hour shift or two of twelve
 * hours a day, leaders and officers taking turns), published only when every hour has a leader and an
 * officer, then kept: the rostered person checks in at the start (签到), writes the handover (交接班), and
 * a swap takes effect once the unit's manager approves it — never onto someone already on a shift then.
 */
@Service
class DutyRosters {

    /** A unit that keeps a roster: the city duty office, a department, a county or a township. */
    public record Unit(String kind, long id, String name, Long countyId, Long departmentId) {
        public String key() {
            return kind + ":" + id;
        }
    }

    public record Person(String name, String phone) {
    }

    public record Pattern(String unitKey, String title, LocalDate from, LocalDate to, int shiftHours, int firstShiftHour,
                          String leaders, String officers) {
    }

    public record Roster(long id, String unitKind, long unitId, String unitName, Long countyId, Long departmentId, String title,
                         LocalDate startsOn, LocalDate endsOn, String status, String createdBy, OffsetDateTime publishedAt, int version) {
        public ScopeFilter.Subject subject() {
            return new ScopeFilter.Subject(countyId, departmentId, null, NO_ENTERPRISE);
        }

        /** Where it stands in its lifecycle. */
        public RosterStatus lifecycle() {
            return RosterStatus.valueOf(status);
        }
    }

    public record Shift(long id, long rosterId, OffsetDateTime startsAt, OffsetDateTime endsAt, String role, String person, String phone,
                        OffsetDateTime checkedInAt, String handover, int version) {
    }

    /** A roster belongs to no enterprise: an enterprise account's scope reaches none. */
    static final Long NO_ENTERPRISE = -1L;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Messages messages;

    DutyRosters(JdbcClient jdbc, Directory directory, ScopeFilter scopes, AuditTrail audit, Clock clock,
                Messages messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    /** Every unit that keeps a roster, with the name people know it by. */
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("CITY", 0, messages.get("duty.unit.city"), null, null));
        var locale = LocaleContextHolder.getLocale();
        directory.departments().forEach(d -> units.add(new Unit("DEPARTMENT", d.id(), d.name(locale), null, d.id())));
        var counties = directory.counties();
        counties.forEach(c -> units.add(new Unit("REGION", c.id(), c.name(), c.id(), null)));
        Map<Long, String> countyNames = new LinkedHashMap<>();
        counties.forEach(c -> countyNames.put(c.id(), c.name()));
        directory.townships().forEach(t -> units.add(new Unit("REGION", t.id(), countyNames.getOrDefault(t.countyId(), "") + t.name(),
                t.countyId(), null)));
        return units;
    }

    /** The units whose rosters the user may keep: what the scope filter lets it act on. */
    public List<Unit> unitsOf(CurrentUser user) {
        return units().stream().filter(u -> scopes.reaches(user.scope(),
                new ScopeFilter.Subject(u.countyId(), u.departmentId(), null, NO_ENTERPRISE), ScopeFilter.Mode.ACT)).toList();
    }

    /** Builds a draft roster from a pattern: each day split into shifts of the given hours, leaders and officers in turn. */
    @Transactional
    public long build(Pattern p, CurrentUser user) {
        user.require(Permission.DUTY_MANAGE);
        Map<String, String> errors = new LinkedHashMap<>();
        Unit unit = unitsOf(user).stream().filter(u -> u.key().equals(p.unitKey())).findFirst().orElse(null);
        if (unit == null) {
            errors.put("unit", "duty.unit.unknown");
        }
        String title = p.title() == null ? null : p.title().strip();
        if (title == null || title.isEmpty() || title.length() > 100) {
            errors.put("title", title == null || title.isEmpty() ? "validation.required" : "validation.too.long");
        }
        if (p.from() == null || p.to() == null || p.to().isBefore(p.from()) || p.from().plusDays(92).isBefore(p.to())) {
            errors.put("from", "duty.period.invalid");
        }
        if (p.shiftHours() != 24 && p.shiftHours() != 12 && p.shiftHours() != 8) {
            errors.put("shiftHours", "duty.shift.hours");
        }
        if (p.firstShiftHour() < 0 || p.firstShiftHour() > 23) {
            errors.put("firstShiftHour", "duty.shift.start");
        }
        List<Person> leaders = people(p.leaders(), "leaders", errors);
        List<Person> officers = people(p.officers(), "officers", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duty_roster (unit_kind, unit_id, unit_name, county_id, department_id, title, starts_on, ends_on, day_starts, status,
                                         created_by, created_at)
                VALUES (:kind, :unit, :name, :county, :department, :title, :from, :to, :dayStarts, 'DRAFT', :by, :at)""")
                .param("kind", unit.kind()).param("unit", unit.id()).param("name", unit.name()).param("county", unit.countyId())
                .param("department", unit.departmentId()).param("title", title).param("from", p.from()).param("to", p.to())
                .param("dayStarts", p.firstShiftHour()).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int turn = 0;
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            ZonedDateTime start = d.atTime(p.firstShiftHour(), 0).atZone(clock.getZone());
            for (int k = 0; k < 24 / p.shiftHours(); k++, turn++) {
                ZonedDateTime s = start.plusHours((long) k * p.shiftHours());
                ZonedDateTime e = s.plusHours(p.shiftHours());
                insertShift(id, s.toOffsetDateTime(), e.toOffsetDateTime(), "LEADER", leaders.get(turn % leaders.size()));
                insertShift(id, s.toOffsetDateTime(), e.toOffsetDateTime(), "OFFICER", officers.get(turn % officers.size()));
            }
        }
        audit.record("CREATE", "duty_roster", id, unit.name() + " " + title + " " + p.from() + "–" + p.to(), null, null);
        return id;
    }

    private void insertShift(long roster, OffsetDateTime from, OffsetDateTime to, String role, Person person) {
        jdbc.sql("INSERT INTO duty_shift (roster_id, starts_at, ends_at, duty_role, person, phone) VALUES (:r, :f, :t, :role, :p, :ph)")
                .param("r", roster).param("f", from).param("t", to).param("role", role).param("p", person.name()).param("ph", person.phone())
                .update();
    }

    /** One person a line: a name and a phone, separated by a space or a comma. */
    private static List<Person> people(String text, String field, Map<String, String> errors) {
        List<Person> people = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                String[] parts = l.split("[\\s,，]+", 2);
                if (parts.length < 2 || parts[0].length() > 50 || !Phones.valid(parts[1])) {
                    errors.put(field, "duty.person.line");
                    return people;
                }
                people.add(new Person(parts[0], parts[1].strip()));
            }
        }
        if (people.isEmpty()) {
            errors.putIfAbsent(field, "duty.person.required");
        }
        return people;
    }

    /** The hours of the roster's period (from its first duty day's turn to the turn after its last) without a leader or an officer. */
    public Map<String, List<Coverage.Interval>> gaps(long rosterId) {
        Roster r = roster(rosterId);
        int turn = jdbc.sql("SELECT day_starts FROM duty_roster WHERE id = :id").param("id", rosterId).query(Integer.class).single();
        Instant from = r.startsOn().atTime(turn, 0).atZone(clock.getZone()).toInstant();
        Instant to = r.endsOn().plusDays(1).atTime(turn, 0).atZone(clock.getZone()).toInstant();
        Map<String, List<Coverage.Interval>> gaps = new LinkedHashMap<>();
        for (String role : List.of("LEADER", "OFFICER")) {
            List<Coverage.Interval> shifts = shifts(rosterId).stream().filter(s -> s.role().equals(role))
                    .map(s -> new Coverage.Interval(s.startsAt().toInstant(), s.endsAt().toInstant())).toList();
            gaps.put(role, Coverage.gaps(from, to, shifts));
        }
        return gaps;
    }

    /** Publishes the roster when every hour has a leader and an officer; otherwise names the first uncovered hours. */
    @Transactional
    public void publish(long rosterId, int version, CurrentUser user) {
        Roster r = actable(rosterId, user);
        RosterStatus published = r.lifecycle().after(RosterStatus.Step.PUBLISH);
        var gaps = gaps(rosterId);
        for (var e : gaps.entrySet()) {
            if (!e.getValue().isEmpty()) {
                Coverage.Interval g = e.getValue().get(0);
                throw new BusinessException("duty.roster.uncovered", new DefaultMessageSourceResolvable(
                        "duty.role." + e.getKey()), minute(g.from()), minute(g.to()), e.getValue().size());
            }
        }
        int n = jdbc.sql("""
                UPDATE duty_roster SET status = :status, published_by = :by, published_at = :at, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("status", published.name()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("id", rosterId).param("v", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("roster changed meanwhile");
        }
        audit.record("PUBLISH", "duty_roster", rosterId, r.unitName() + " " + r.title(), null, null);
    }

    private String minute(Instant t) {
        return t.atZone(clock.getZone()).toLocalDateTime().toString().replace('T', ' ');
    }

    /** Replaces one shift's person in a draft (the gap a pattern left, a correction). */
    @Transactional
    public void editShift(long shiftId, String person, String phone, CurrentUser user) {
        Shift s = shift(shiftId);
        Roster r = actable(s.rosterId(), user);
        r.lifecycle().after(RosterStatus.Step.EDIT);
        Person p = checkedPerson(person, phone);
        jdbc.sql("UPDATE duty_shift SET person = :p, phone = :ph, version = version + 1 WHERE id = :id")
                .param("p", p.name()).param("ph", p.phone()).param("id", shiftId).update();
        audit.record("UPDATE", "duty_shift", shiftId, r.unitName() + " " + s.startsAt() + " → " + p.name(), null, null);
    }

    /** Takes a shift out of a draft (a correction; the gap it leaves must be filled before publishing). */
    @Transactional
    public void removeShift(long shiftId, CurrentUser user) {
        Shift s = shift(shiftId);
        Roster r = actable(s.rosterId(), user);
        r.lifecycle().after(RosterStatus.Step.EDIT);
        jdbc.sql("DELETE FROM duty_shift WHERE id = :id").param("id", shiftId).update();
        audit.record("DELETE", "duty_shift", shiftId, r.unitName() + " " + s.role() + " " + s.startsAt() + " " + s.person(), null, null);
    }

    /** Adds a shift to a draft: how a gap is filled. */
    @Transactional
    public void addShift(long rosterId, OffsetDateTime from, OffsetDateTime to, String role, String person, String phone, CurrentUser user) {
        Roster r = actable(rosterId, user);
        r.lifecycle().after(RosterStatus.Step.EDIT);
        if (from == null || to == null || !to.isAfter(from)) {
            throw new InvalidInputException(Map.of("from", "duty.shift.times"));
        }
        if (!"LEADER".equals(role) && !"OFFICER".equals(role)) {
            throw new InvalidInputException(Map.of("role", "validation.required"));
        }
        Person p = checkedPerson(person, phone);
        insertShift(rosterId, from, to, role, p);
        audit.record("CREATE", "duty_shift", rosterId, r.unitName() + " " + role + " " + from + "–" + to + " " + p.name(), null, null);
    }

    private static Person checkedPerson(String person, String phone) {
        String n = person == null ? "" : person.strip();
        String ph = phone == null ? "" : phone.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw new InvalidInputException(Map.of("person", n.isEmpty() ? "validation.required" : "validation.too.long"));
        }
        if (!Phones.valid(ph)) {
            throw new InvalidInputException(Map.of("phone", "duty.phone.invalid"));
        }
        return new Person(n, ph);
    }

    /** The duty officer of the unit records that the rostered person took up the shift (签到), once, from its start. */
    @Transactional
    public void checkIn(long shiftId, CurrentUser user) {
        Shift s = shift(shiftId);
        Roster r = actable(s.rosterId(), user);
        requirePublished(r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(s.startsAt().minusMinutes(30)) || now.isAfter(s.endsAt())) {
            throw new BusinessException("duty.checkin.time");
        }
        int n = jdbc.sql("UPDATE duty_shift SET checked_in_at = :at, checked_in_by = :by, version = version + 1 WHERE id = :id AND checked_in_at IS NULL")
                .param("at", now).param("by", user.username()).param("id", shiftId).update();
        if (n == 0) {
            throw new BusinessException("duty.checkin.done");
        }
        audit.record("CHECK_IN", "duty_shift", shiftId, r.unitName() + " " + s.person(), null, null);
    }

    /** The handover note of a shift: what the next shift takes over. */
    @Transactional
    public void handover(long shiftId, String note, CurrentUser user) {
        Shift s = shift(shiftId);
        Roster r = actable(s.rosterId(), user);
        requirePublished(r);
        String t = note == null ? "" : note.strip();
        if (t.isEmpty() || t.length() > 1000) {
            throw new InvalidInputException(Map.of("handover", t.isEmpty() ? "validation.required" : "validation.too.long"));
        }
        jdbc.sql("UPDATE duty_shift SET handover = :h, version = version + 1 WHERE id = :id").param("h", t).param("id", shiftId).update();
        audit.record("HANDOVER", "duty_shift", shiftId, r.unitName() + " " + s.person(), null, null);
    }

    public record Swap(long id, long shiftId, String fromPerson, String toPerson, String toPhone, String reason, String status,
                       String requestedBy, OffsetDateTime requestedAt, String decidedBy) {
    }

    /** Asks for another person to take a published shift; it takes effect when approved. */
    @Transactional
    public long requestSwap(long shiftId, String person, String phone, String reason, CurrentUser user) {
        Shift s = shift(shiftId);
        Roster r = actable(s.rosterId(), user);
        requirePublished(r);
        Person p = checkedPerson(person, phone);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300) {
            throw new InvalidInputException(Map.of("reason", why.isEmpty() ? "validation.required" : "validation.too.long"));
        }
        if (!s.endsAt().isAfter(OffsetDateTime.now(clock))) {
            throw new BusinessException("duty.swap.past");
        }
        refuseIfOnShift(p.name(), s);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duty_swap (shift_id, from_person, to_person, to_phone, reason, status, requested_by, requested_at)
                VALUES (:s, :from, :to, :phone, :why, 'PENDING', :by, :at)""")
                .param("s", shiftId).param("from", s.person()).param("to", p.name()).param("phone", p.phone()).param("why", why)
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("SWAP_REQUEST", "duty_shift", shiftId, r.unitName() + " " + s.person() + " → " + p.name(), null, null);
        return id;
    }

    /** A person already on a shift of any roster overlapping this one cannot take it. */
    private void refuseIfOnShift(String person, Shift s) {
        long clash = jdbc.sql("""
                SELECT COUNT(*) FROM duty_shift x JOIN duty_roster r ON r.id = x.roster_id
                WHERE x.person = :p AND x.id <> :id AND r.status IN ('DRAFT', 'PUBLISHED') AND x.starts_at < :end AND x.ends_at > :start""")
                .param("p", person).param("id", s.id()).param("start", s.startsAt()).param("end", s.endsAt()).query(Long.class).single();
        if (clash > 0) {
            throw new BusinessException("duty.swap.on.shift", person);
        }
    }

    /** The unit's manager approves (the shift changes hands) or refuses a swap; never the one who asked. */
    @Transactional
    public void decideSwap(long swapId, boolean approve, CurrentUser user) {
        Swap w = swap(swapId);
        Shift s = shift(w.shiftId());
        Roster r = actable(s.rosterId(), user);
        if (!"PENDING".equals(w.status())) {
            throw new BusinessException("duty.swap.decided");
        }
        if (w.requestedBy().equals(user.username())) {
            throw new BusinessException("duty.swap.same.person");
        }
        if (approve) {
            refuseIfOnShift(w.toPerson(), s);
            jdbc.sql("UPDATE duty_shift SET person = :p, phone = :ph, checked_in_at = NULL, checked_in_by = NULL, version = version + 1 WHERE id = :id")
                    .param("p", w.toPerson()).param("ph", w.toPhone()).param("id", s.id()).update();
        }
        jdbc.sql("UPDATE duty_swap SET status = :st, decided_by = :by, decided_at = :at WHERE id = :id")
                .param("st", approve ? "APPROVED" : "REFUSED").param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("id", swapId).update();
        audit.record(approve ? "SWAP_APPROVE" : "SWAP_REFUSE", "duty_shift", s.id(), r.unitName() + " " + w.fromPerson() + " → " + w.toPerson(),
                null, null);
    }

    private static void requirePublished(Roster r) {
        r.lifecycle().after(RosterStatus.Step.WORK);
    }

    Roster actable(long rosterId, CurrentUser user) {
        user.require(Permission.DUTY_MANAGE);
        Roster r = roster(rosterId);
        if (!scopes.reaches(user.scope(), r.subject(), ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("duty roster", rosterId);
        }
        return r;
    }

    /** A roster the user's scope reads (404 otherwise). */
    public Roster readable(long rosterId, CurrentUser user) {
        Roster r = roster(rosterId);
        if (!scopes.reaches(user.scope(), r.subject(), ScopeFilter.Mode.READ)) {
            throw new ScopeDeniedException("duty roster", rosterId);
        }
        return r;
    }

    private static final String ROSTER = """
            SELECT id, unit_kind, unit_id, unit_name, county_id, department_id, title, starts_on, ends_on, status, created_by, published_at, version
            FROM duty_roster""";

    private Roster rosterRow(ResultSet rs, int n) throws SQLException {
        return new Roster(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getObject(5, Long.class),
                rs.getObject(6, Long.class), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getInt(13));
    }

    Roster roster(long id) {
        return jdbc.sql(ROSTER + " WHERE id = :id").param("id", id).query(this::rosterRow).optional()
                .orElseThrow(() -> new NotFoundException("duty roster", id));
    }

    /** The rosters the user reads, newest period first. */
    public List<Roster> rosters(CurrentUser user, int limit) {
        var pred = scopes.read(user.scope(), ScopeFilter.Columns.of().county("county_id").department("department_id")
                .enterprise("CAST(" + NO_ENTERPRISE + " AS BIGINT)"));
        return jdbc.sql(ROSTER + " WHERE " + pred.sql() + " ORDER BY starts_on DESC, unit_kind, unit_name LIMIT :n")
                .params(pred.params()).param("n", limit).query(this::rosterRow).list();
    }

    public List<Shift> shifts(long rosterId) {
        return jdbc.sql("""
                SELECT id, roster_id, starts_at, ends_at, duty_role, person, phone, checked_in_at, handover, version
                FROM duty_shift WHERE roster_id = :r ORDER BY starts_at, duty_role""").param("r", rosterId)
                .query((rs, n) -> new Shift(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getInt(10)))
                .list();
    }

    Shift shift(long id) {
        return jdbc.sql("""
                SELECT id, roster_id, starts_at, ends_at, duty_role, person, phone, checked_in_at, handover, version
                FROM duty_shift WHERE id = :id""").param("id", id)
                .query((rs, n) -> new Shift(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getInt(10)))
                .optional().orElseThrow(() -> new NotFoundException("duty shift", id));
    }

    public List<Swap> swaps(long rosterId) {
        return jdbc.sql("""
                SELECT w.id, w.shift_id, w.from_person, w.to_person, w.to_phone, w.reason, w.status, w.requested_by, w.requested_at, w.decided_by
                FROM duty_swap w JOIN duty_shift s ON s.id = w.shift_id WHERE s.roster_id = :r ORDER BY w.requested_at DESC""")
                .param("r", rosterId)
                .query((rs, n) -> new Swap(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .list();
    }

    Swap swap(long id) {
        return jdbc.sql("""
                SELECT id, shift_id, from_person, to_person, to_phone, reason, status, requested_by, requested_at, decided_by
                FROM duty_swap WHERE id = :id""").param("id", id)
                .query((rs, n) -> new Swap(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .optional().orElseThrow(() -> new NotFoundException("duty swap", id));
    }

    /** Who is on duty now at each unit with a published roster: its leader and officer. */
    public record OnDuty(Roster roster, Shift leader, Shift officer) {
    }

    public List<OnDuty> onDutyNow() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Shift[]> byRoster = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.id, s.roster_id, s.starts_at, s.ends_at, s.duty_role, s.person, s.phone, s.checked_in_at, s.handover, s.version
                FROM duty_shift s JOIN duty_roster r ON r.id = s.roster_id
                WHERE r.status = 'PUBLISHED' AND s.starts_at <= :now AND s.ends_at > :now ORDER BY r.unit_kind, r.unit_name""")
                .param("now", now)
                .query((rs, n) -> new Shift(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getInt(10)))
                .list().forEach(s -> {
                    Shift[] pair = byRoster.computeIfAbsent(s.rosterId(), k -> new Shift[2]);
                    pair["LEADER".equals(s.role()) ? 0 : 1] = s;
                });
        List<OnDuty> list = new ArrayList<>();
        byRoster.forEach((rosterId, pair) -> list.add(new OnDuty(roster(rosterId), pair[0], pair[1])));
        return list;
    }

    public Optional<Unit> unit(String key) {
        return units().stream().filter(u -> u.key().equals(key)).findFirst();
    }
}
