package org.anquan.traffic.wim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.documents.DocumentNumbers;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.shared.Where;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一超四究: every over-limit reading opens one case that traces four parties — the driver, the vehicle's owner
 * or transport company, the cargo's loading unit and the regulator responsible for that source or vehicle.
 * Each party is identified, sent a notice (抄告) addressed to the authority of its place of registration, and
 * answers by a deadline; the case closes when all four have answered. Feedback still owed after its deadline
 * climbs a ladder (reminder, supervision notice, listed supervision, interview) at the days overdue set in
 * {@code anquan.traffic.ladder-days}. Cases are read and worked through the one scope filter: the county of the
 * station, the department leading road transport, the transport company's enterprise.
 */
@Service
public class Cases {

    public enum Party { DRIVER, OWNER, SOURCE, REGULATOR }

    static final int COUNT_CAP = 10_000;
    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("c.county_id").department("c.department_id")
            .enterprise("(SELECT o.enterprise_id FROM traffic_operator o WHERE o.id = c.operator_id)");

    /** A reading that opens a case, as the intake hands it over. */
    public record Opening(long readingId, ReadingInput in, Stations.Station station, OverLimitPolicy.Judgment judgment) {
    }

    public record CaseRow(long id, OffsetDateTime measuredAt, String stationName, long countyId, String plate, String plateColour, int grossKg,
                          int limitKg, BigDecimal overloadRate, String oversize, String status, int answered, int overdue, int ladder) {
    }

    public record PartyView(long id, Party party, String name, String registeredPlace, String authority, String noticeNo,
                            OffsetDateTime notifiedAt, LocalDate dueOn, String answer, OffsetDateTime answeredAt, String answeredBy, int ladderLevel) {
        public boolean identified() {
            return name != null;
        }

        public boolean notified() {
            return notifiedAt != null;
        }

        public boolean answered() {
            return answeredAt != null;
        }

        public boolean overdue(LocalDate today) {
            return notified() && !answered() && dueOn.isBefore(today);
        }

        /** Where the party stands in its lifecycle. */
        public PartyStage stage() {
            return answered() ? PartyStage.ANSWERED : notified() ? PartyStage.NOTIFIED : identified() ? PartyStage.IDENTIFIED
                    : PartyStage.UNIDENTIFIED;
        }
    }

    public record CaseView(long id, long readingId, OffsetDateTime measuredAt, long stationId, String stationName, long countyId, Long departmentId,
                           String plate, String plateColour, int grossKg, int limitKg, int overloadKg, BigDecimal overloadRate, String oversize,
                           Long operatorId, Long sourceUnitId, String status, OffsetDateTime openedAt, OffsetDateTime closedAt, int version,
                           List<PartyView> parties) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record Filter(String status, Long countyId, Long stationId, String plate, LocalDate from, LocalDate to) {
    }

    public record IdentifyInput(String name, String registeredPlace, String authority, Long sourceUnitId, Long operatorId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final DocumentNumbers numbers;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    Cases(JdbcClient jdbc, JdbcTemplate template, Directory directory, ScopeFilter scopes, DocumentNumbers numbers, AuditTrail audit,
          TrafficProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.directory = directory;
        this.scopes = scopes;
        this.numbers = numbers;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    private record Registered(long operatorId, String owner, String place, String authority) {
    }

    /**
     * Opens the cases of an intake batch in its transaction: the case, and its four parties, the owner
     * identified at once when the vehicle is in the register. One audit entry for the batch.
     */
    void open(List<Opening> openings, OffsetDateTime now) {
        if (openings.isEmpty()) {
            return;
        }
        Long department = directory.responsibleFor(RoadTransport.INDUSTRY).leadDepartmentId();
        Set<String> plates = openings.stream().map(o -> o.in().plate()).collect(Collectors.toSet());
        Map<String, Registered> register = new HashMap<>();
        jdbc.sql("""
                SELECT v.plate, o.id, COALESCE(o.name, v.owner_name), COALESCE(o.registered_place, v.registered_place),
                       COALESCE(o.authority, v.registered_place || '交通运输局')
                FROM traffic_vehicle v LEFT JOIN traffic_operator o ON o.id = v.operator_id WHERE v.plate IN (:p)""")
                .param("p", plates).query(rs -> {
                    register.put(rs.getString(1), new Registered(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        template.batchUpdate("""
                INSERT INTO traffic_case (reading_id, measured_at, station_id, county_id, department_id, plate, plate_colour, gross_kg, limit_kg,
                    overload_kg, overload_rate, oversize, operator_id, status, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""", openings, 500, (ps, o) -> {
            Registered r = register.get(o.in().plate());
            ps.setLong(1, o.readingId());
            ps.setObject(2, o.in().measuredAt());
            ps.setLong(3, o.station().id());
            ps.setLong(4, o.station().countyId());
            ps.setObject(5, department);
            ps.setString(6, o.in().plate());
            ps.setString(7, o.in().plateColour());
            ps.setInt(8, o.in().grossKg());
            ps.setInt(9, o.judgment().limitKg());
            ps.setInt(10, o.judgment().overloadKg());
            ps.setBigDecimal(11, o.judgment().overloadRate());
            ps.setString(12, o.judgment().overSize() ? String.join(",", o.judgment().oversize()) : null);
            ps.setObject(13, r == null || r.operatorId() == 0 ? null : r.operatorId());
            ps.setObject(14, now);
        });
        List<Object[]> parties = new ArrayList<>(openings.size() * 4);
        for (Opening o : openings) {
            Registered r = register.get(o.in().plate());
            for (Party p : Party.values()) {
                boolean owner = p == Party.OWNER && r != null;
                parties.add(new Object[] {o.readingId(), p.name(), owner ? r.owner() : null, owner ? r.place() : null,
                        owner ? r.authority() : null});
            }
        }
        template.batchUpdate("""
                INSERT INTO traffic_case_party (case_id, party, name, registered_place, authority)
                VALUES ((SELECT id FROM traffic_case WHERE reading_id = ?), ?, ?, ?, ?)""", parties);
        audit.record("OPEN", "traffic_case", openings.get(0).readingId(),
                openings.size() + " 一超四究 case(s) from readings of " + openings.stream().map(o -> o.station().code()).distinct()
                        .collect(Collectors.joining(", ")), null, null);
    }

    private ScopeFilter.Predicate read(DataScope scope) {
        return scopes.read(scope, COLUMNS);
    }

    public PageResult<CaseRow> page(Filter f, DataScope scope, int page, int size) {
        ScopeFilter.Predicate p = read(scope);
        LocalDate today = LocalDate.now(clock);
        boolean openOrClosed = "OPEN".equals(f.status()) || "CLOSED".equals(f.status());
        Where where = p.where()
                .and("c.status = :status", "status", openOrClosed ? f.status() : null)
                // only an open case owes feedback (the last answer clears the date): the date's index alone finds them
                .and("c.feedback_due_on < :today", "today", "OVERDUE".equals(f.status()) ? today : null)
                .and("c.county_id = :county", "county", f.countyId())
                .and("c.station_id = :station", "station", f.stationId())
                .and("c.plate = :plate", "plate", f.plate() == null ? null : f.plate().strip().toUpperCase(Locale.ROOT))
                .and("c.opened_at >= :from", "from", f.from() == null ? null : CityTime.startOf(f.from(), clock))
                .and("c.opened_at < :to", "to", f.to() == null ? null : CityTime.startOf(f.to().plusDays(1), clock));
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM traffic_case c" + where.sql() + " LIMIT :cap) x").params(where.params())
                .param("cap", COUNT_CAP + 1).query(Long.class).single();
        boolean capped = total > COUNT_CAP;
        // the page's ids first (the index gives them in order), then only those rows with their parties' counts
        List<Long> ids = jdbc.sql("SELECT c.id FROM traffic_case c" + where.sql() + " ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size)).query(Long.class).list();
        List<CaseRow> rows = ids.isEmpty() ? List.of() : jdbc.sql("""
                SELECT c.id, c.measured_at, s.name, c.county_id, c.plate, c.plate_colour, c.gross_kg, c.limit_kg, c.overload_rate, c.oversize,
                       c.status,
                       (SELECT COUNT(*) FROM traffic_case_party q WHERE q.case_id = c.id AND q.answered_at IS NOT NULL),
                       (SELECT COUNT(*) FROM traffic_case_party q WHERE q.case_id = c.id AND q.answered_at IS NULL AND q.due_on < :today),
                       (SELECT COALESCE(MAX(q.ladder_level), 0) FROM traffic_case_party q WHERE q.case_id = c.id AND q.answered_at IS NULL)
                FROM traffic_case c JOIN traffic_station s ON s.id = c.station_id
                WHERE c.id IN (:ids) ORDER BY c.opened_at DESC, c.id DESC""")
                .param("ids", ids).param("today", today)
                .query((rs, n) -> new CaseRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11),
                        rs.getInt(12), rs.getInt(13), rs.getInt(14))).list();
        return new PageResult<>(rows, page, size, capped ? COUNT_CAP : total, capped);
    }

    public CaseView view(long id, DataScope scope) {
        ScopeFilter.Predicate p = read(scope);
        CaseView c = jdbc.sql("""
                SELECT c.id, c.reading_id, c.measured_at, c.station_id, s.name, c.county_id, c.department_id, c.plate, c.plate_colour, c.gross_kg,
                       c.limit_kg, c.overload_kg, c.overload_rate, c.oversize, c.operator_id, c.source_unit_id, c.status, c.opened_at, c.closed_at,
                       c.version
                FROM traffic_case c JOIN traffic_station s ON s.id = c.station_id WHERE c.id = :id""" + " AND " + p.sql())
                .params(p.params()).param("id", id)
                .query((rs, n) -> new CaseView(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                        rs.getInt(12), rs.getBigDecimal(13), rs.getString(14), (Long) rs.getObject(15, Long.class),
                        (Long) rs.getObject(16, Long.class), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
                        rs.getObject(19, OffsetDateTime.class), rs.getInt(20), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("traffic_case", id));
        List<PartyView> parties = jdbc.sql("""
                SELECT id, party, name, registered_place, authority, notice_no, notified_at, due_on, answer, answered_at, answered_by, ladder_level
                FROM traffic_case_party WHERE case_id = :id""").param("id", id)
                .query((rs, n) -> new PartyView(rs.getLong(1), Party.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getInt(12))).list();
        List<PartyView> ordered = new ArrayList<>(parties);
        ordered.sort(Comparator.comparing(PartyView::party));
        return new CaseView(c.id(), c.readingId(), c.measuredAt(), c.stationId(), c.stationName(), c.countyId(), c.departmentId(), c.plate(),
                c.plateColour(), c.grossKg(), c.limitKg(), c.overloadKg(), c.overloadRate(), c.oversize(), c.operatorId(), c.sourceUnitId(),
                c.status(), c.openedAt(), c.closedAt(), c.version(), List.copyOf(ordered));
    }

    /** The case as the user may act on it, its version checked and taken: a second person's stale form is refused. */
    private CaseView forAction(long id, int version, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        CaseView c = view(id, user.scope());
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(c.countyId(), c.departmentId(), RoadTransport.INDUSTRY, null), ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("traffic_case", id);
        }
        if (!c.open()) {
            throw new BusinessException("traffic.case.closed");
        }
        int n = jdbc.sql("UPDATE traffic_case SET version = version + 1 WHERE id = :id AND version = :v").param("id", id).param("v", version)
                .update();
        if (n == 0) {
            throw new BusinessException("traffic.case.stale");
        }
        return c;
    }

    private static PartyView party(CaseView c, Party p) {
        return c.parties().stream().filter(x -> x.party() == p).findFirst().orElseThrow();
    }

    /**
     * Names a party with its place of registration and the authority the notice goes to. The loading unit is
     * chosen from the register (its name, county and supervising department follow), the owner may be an
     * operator of the register; a party already notified is not renamed.
     */
    @Transactional
    public void identify(long id, int version, Party party, IdentifyInput in, CurrentUser user) {
        CaseView c = forAction(id, version, user);
        party(c, party).stage().after(PartyStage.Step.IDENTIFY);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Inputs.text(in.name(), 120, "name", true, errors);
        String place = Inputs.text(in.registeredPlace(), 100, "registeredPlace", true, errors);
        String authority = Inputs.text(in.authority(), 100, "authority", true, errors);
        if (party == Party.SOURCE && in.sourceUnitId() != null) {
            var unit = jdbc.sql("SELECT name, county_id, department_id FROM traffic_source_unit WHERE id = :id").param("id", in.sourceUnitId())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class)}).optional();
            if (unit.isEmpty()) {
                errors.put("sourceUnitId", "traffic.source.unknown");
            } else {
                errors.remove("name");
                name = (String) unit.get()[0];
                long county = (Long) unit.get()[1];
                Long dept = (Long) unit.get()[2];
                errors.remove("registeredPlace");
                place = directory.region(county).map(Directory.RegionRef::name).orElse(place);
                if (authority == null && dept != null) {
                    errors.remove("authority");
                    authority = directory.department(dept).map(Directory.DepartmentRef::name).orElse(null);
                }
                jdbc.sql("UPDATE traffic_case SET source_unit_id = :s WHERE id = :id").param("s", in.sourceUnitId()).param("id", id).update();
            }
        }
        if (party == Party.OWNER && in.operatorId() != null) {
            int n = jdbc.sql("UPDATE traffic_case SET operator_id = :o WHERE id = :id AND EXISTS (SELECT 1 FROM traffic_operator WHERE id = :o)")
                    .param("o", in.operatorId()).param("id", id).update();
            if (n == 0) {
                errors.put("operatorId", "traffic.operator.unknown");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("UPDATE traffic_case_party SET name = :n, registered_place = :p, authority = :a WHERE case_id = :id AND party = :party")
                .param("n", name).param("p", place).param("a", authority).param("id", id).param("party", party.name()).update();
        audit.record("IDENTIFY", "traffic_case", id, party + ": " + name + " (" + place + ") → " + authority, null, null);
    }

    /** Sends the party's notice (抄告): numbered by the county's over-limit office and year, with its feedback deadline. */
    @Transactional
    public String notifyParty(long id, int version, Party party, CurrentUser user) {
        CaseView c = forAction(id, version, user);
        PartyView p = party(c, party);
        p.stage().after(PartyStage.Step.NOTIFY);
        LocalDate today = LocalDate.now(clock);
        String county = directory.region(c.countyId()).map(Directory.RegionRef::name).orElse("");
        String number = numbers.next("TRAFFIC:COUNTY:" + c.countyId(), "OVERLIMIT", today.getYear(), county + "治超办抄");
        jdbc.sql("""
                UPDATE traffic_case_party SET notice_no = :no, notified_at = :at, notified_by = :by, due_on = :due
                WHERE case_id = :id AND party = :party""")
                .param("no", number).param("at", OffsetDateTime.now(clock)).param("by", user.username())
                .param("due", today.plusDays(props.feedbackDays())).param("id", id).param("party", party.name()).update();
        keepFeedbackDue(id);
        audit.record("NOTIFY", "traffic_case", id, party + ": " + number, null, null);
        return number;
    }

    /** The case's earliest deadline of feedback still owed, for the list of overdue cases. */
    private void keepFeedbackDue(long id) {
        jdbc.sql("""
                UPDATE traffic_case SET feedback_due_on =
                    (SELECT MIN(q.due_on) FROM traffic_case_party q WHERE q.case_id = :id AND q.answered_at IS NULL AND q.due_on IS NOT NULL)
                WHERE id = :id""").param("id", id).update();
    }

    /** Records a party's feedback; the fourth closes the case. */
    @Transactional
    public boolean answer(long id, int version, Party party, String text, CurrentUser user) {
        CaseView c = forAction(id, version, user);
        PartyView p = party(c, party);
        p.stage().after(PartyStage.Step.ANSWER);
        Map<String, String> errors = new LinkedHashMap<>();
        String answer = Inputs.text(text, 2000, "answer", true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("UPDATE traffic_case_party SET answer = :a, answered_at = :at, answered_by = :by WHERE case_id = :id AND party = :party")
                .param("a", answer).param("at", now).param("by", user.username()).param("id", id).param("party", party.name()).update();
        keepFeedbackDue(id);
        audit.record("ANSWER", "traffic_case", id, party.name(), null, null);
        long open = jdbc.sql("SELECT COUNT(*) FROM traffic_case_party WHERE case_id = :id AND answered_at IS NULL").param("id", id)
                .query(Long.class).single();
        if (open == 0) {
            jdbc.sql("UPDATE traffic_case SET status = 'CLOSED', closed_at = :at WHERE id = :id").param("at", now).param("id", id).update();
            audit.record("CLOSE", "traffic_case", id, "四究 answered", null, null);
            return true;
        }
        return false;
    }

    /**
     * Raises unanswered feedback up the ladder by its days overdue: each party's level is the number of
     * thresholds reached, and only a rise is recorded (one audit entry per party raised). Returns how many rose.
     */
    @Transactional
    public int climbLadder() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> owed = jdbc.sql("""
                SELECT q.id, q.case_id, q.party, q.due_on, q.ladder_level FROM traffic_case_party q JOIN traffic_case c ON c.id = q.case_id
                WHERE c.status = 'OPEN' AND q.answered_at IS NULL AND q.due_on < :today""").param("today", today)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5)})
                .list();
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Object[] o : owed) {
            long overdue = ChronoUnit.DAYS.between((LocalDate) o[3], today);
            int level = (int) props.ladderDays().stream().filter(d -> overdue >= d).count();
            if (level > (int) o[4]) {
                updates.add(new Object[] {level, now, o[0]});
                changes.add(new AuditTrail.Change("LADDER", "traffic_case", o[1], o[2] + " → " + LADDER.get(level - 1) + " (" + overdue + "d)"));
            }
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("UPDATE traffic_case_party SET ladder_level = ?, ladder_at = ? WHERE id = ?", updates);
            audit.recordAll("system", changes);
        }
        return updates.size();
    }

    public static final List<String> LADDER = List.of("REMINDER", "NOTICE", "LISTED", "INTERVIEW");

    /** Open cases by party still owed, and the overdue ones, in the scope: for the cockpit. */
    public record PartyLoad(Party party, long owed, long overdue) {
    }

    public List<PartyLoad> owedByParty(DataScope scope) {
        ScopeFilter.Predicate p = read(scope);
        Map<Party, long[]> counts = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            counts.put(party, new long[2]);
        }
        jdbc.sql("""
                SELECT q.party, COUNT(*), SUM(CASE WHEN q.due_on < :today THEN 1 ELSE 0 END)
                FROM traffic_case_party q JOIN traffic_case c ON c.id = q.case_id
                WHERE c.status = 'OPEN' AND q.answered_at IS NULL AND""" + " " + p.sql() + " GROUP BY q.party")
                .params(p.params()).param("today", LocalDate.now(clock))
                .query(rs -> {
                    counts.put(Party.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return counts.entrySet().stream().map(e -> new PartyLoad(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
