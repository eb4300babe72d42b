package org.anquan.accidents.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.accidents.investigation.CreditCandidates;
import org.anquan.accidents.investigation.Texts;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.shared.Where;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting accidents and reading them within the user's scope. The grade is computed, never typed;
 * the first hop of the reporting clock (the unit to the county) is checked against its limit.
 */
@Service
@Transactional
public class AccidentService {

    /** Who the authorities first heard of an accident from: the unit itself, or someone else. */
    public static final Set<String> SOURCES = Set.of("UNIT", "TIP", "HOSPITAL", "PRESS", "HIGHER_LEVEL", "OTHER");

    /** An accident's columns for each dimension of a data scope. */
    public static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("a.county_id").industry("a.industry_code")
            .enterprise("a.enterprise_id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration unitReportLimit;
    private final int supplementDays;
    private final Duration levelReportLimit;
    private final int supplementDaysRoadAndFire;
    private final CreditCandidates credit;
    private final ApplicationEventPublisher events;

    AccidentService(JdbcClient jdbc, Directory directory, ScopeFilter scopes, AuditTrail audit, Clock clock, CreditCandidates credit,
                    ApplicationEventPublisher events, AccidentsProperties props) {
        this.levelReportLimit = props.levelReportLimit();
        this.credit = credit;
        this.events = events;
        this.supplementDays = props.supplementDays();
        this.supplementDaysRoadAndFire = props.supplementDaysRoadAndFire();
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.unitReportLimit = props.unitReportLimit();
    }

    public record Kind(String code, String nameZh, String nameEn, String category) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** An accident as pages and the API show it. */
    public record AccidentView(long id, String code, OffsetDateTime occurredAt, OffsetDateTime learnedAt, String firstSource,
                               String industryCode, String industryName, String kind, String kindName, Long enterpriseId,
                               String enterpriseName, String place, Double lon, Double lat, long countyId, String countyName,
                               String scene, String account, String measures, int deaths, int missing, int seriousInjuries,
                               int minorInjuries, long directLossYuan, AccidentGrade grade, String status, boolean reportedLate,
                               boolean concealmentReview, String reportedBy, OffsetDateTime reportedAt, Long townshipId,
                               String townshipName, String roadCause, String roadCauseName) {
    }

    public record Filter(Long countyId, AccidentGrade grade, String kind, Integer year) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** A main cause of road-traffic accidents; the named four are those the situation report counts together. */
    public record RoadCause(String code, String nameZh, String nameEn, boolean named) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public List<RoadCause> roadCauses() {
        return jdbc.sql("SELECT code, name_zh, name_en, named FROM accident_road_cause ORDER BY sort_order").query(RoadCause.class).list();
    }

    public List<Kind> kinds() {
        return jdbc.sql("SELECT code, name_zh, name_en, category FROM accident_kind ORDER BY sort_order").query(Kind.class).list();
    }

    /** The grading policy with the thresholds the table holds now. */
    public AccidentGrading grading() {
        return new AccidentGrading(jdbc.sql("SELECT grade, min_deaths, min_serious, min_loss_yuan FROM accident_grade_threshold")
                .query((rs, n) -> new AccidentGrading.Threshold(AccidentGrade.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getLong(4))).list());
    }

    public AccidentView report(AccidentInput in, CurrentUser user) {
        user.require(Permission.ACCIDENT_REPORT);
        Inputs.check(in);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        Long enterpriseId = in.enterpriseId();
        if (user.scope().kind() == DataScope.Kind.ENTERPRISE) {
            // an enterprise reports its own accidents
            enterpriseId = user.enterpriseId();
        }
        if (in.occurredAt() == null) {
            errors.put("occurredAt", "validation.required");
        } else if (in.occurredAt().isAfter(now)) {
            errors.put("occurredAt", "accident.time.future");
        }
        OffsetDateTime learned = in.learnedAt() != null ? in.learnedAt() : in.occurredAt();
        if (learned != null && in.occurredAt() != null && (learned.isBefore(in.occurredAt()) || learned.isAfter(now))) {
            errors.put("learnedAt", "accident.learned.invalid");
        }
        String source = in.firstSource() == null ? "UNIT" : in.firstSource();
        if (!SOURCES.contains(source)) {
            errors.put("firstSource", "accident.source.unknown");
        }
        Directory.EnterpriseRef enterprise = null;
        if (enterpriseId != null) {
            enterprise = directory.enterprise(enterpriseId).orElse(null);
            if (enterprise == null) {
                errors.put("enterpriseId", "accident.enterprise.unknown");
            }
        } else if (blank(in.place())) {
            errors.put("place", "accident.place.required");
        }
        String industry = enterprise != null && blank(in.industryCode()) ? enterprise.industryCode() : in.industryCode();
        if (blank(industry) || directory.industries().stream().noneMatch(i -> i.code().equals(industry))) {
            errors.put("industryCode", "validation.required");
        }
        Kind kind = blank(in.kind()) ? null : kinds().stream().filter(k -> k.code().equals(in.kind())).findFirst().orElse(null);
        if (kind == null) {
            errors.put("kind", "accident.kind.unknown");
        }
        if (in.roadCause() != null) {
            if (kind != null && !"ROAD_TRAFFIC".equals(kind.category())) {
                errors.put("roadCause", "accident.cause.road.only");
            } else if (roadCauses().stream().noneMatch(c -> c.code().equals(in.roadCause()))) {
                errors.put("roadCause", "accident.cause.unknown");
            }
        }
        Long county = enterprise != null ? Long.valueOf(enterprise.countyId()) : in.countyId();
        if (enterprise == null && county == null) {
            errors.put("countyId", "validation.required");
        } else if (enterprise == null && directory.counties().stream().noneMatch(c -> c.id() == county)) {
            errors.put("countyId", "accident.county.unknown");
        }
        // the township: the enterprise's own, or one chosen within the county
        Long township = enterprise != null && enterprise.regionId() != enterprise.countyId() ? Long.valueOf(enterprise.regionId())
                : null;
        if (enterprise == null && in.townshipId() != null) {
            township = in.townshipId();
            if (directory.townships().stream().noneMatch(t -> t.id() == in.townshipId() && county != null && t.countyId() == county)) {
                errors.put("townshipId", "accident.township.county");
            }
        }
        if ((in.lon() == null) != (in.lat() == null)) {
            errors.put("lon", "enterprise.location.both");
        } else if (in.lon() != null) {
            try {
                GeoPoint point = new GeoPoint(in.lon(), in.lat());
                if (enterprise == null && county != null && directory.countyAt(point).map(Directory.RegionRef::id)
                        .filter(c -> c.equals(county)).isEmpty()) {
                    errors.put("lon", "accident.point.county");
                }
            } catch (IllegalArgumentException e) {
                errors.put("lon", "enterprise.location.range");
            }
        }
        required(errors, "scene", in.scene());
        required(errors, "account", in.account());
        required(errors, "measures", in.measures());
        count(errors, "deaths", in.deaths());
        count(errors, "missing", in.missing());
        count(errors, "seriousInjuries", in.seriousInjuries());
        count(errors, "minorInjuries", in.minorInjuries());
        loss(errors, in.directLossYuan());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(county, null, industry, enterpriseId), ScopeFilter.Mode.ACT)) {
            throw new InvalidInputException(Map.of(user.scope().kind() == DataScope.Kind.DEPARTMENT ? "industryCode" : "countyId",
                    "enterprise.outside.scope"));
        }
        AccidentGrade grade = grading().grade(in.deaths(), in.missing(), in.seriousInjuries(), in.directLossYuan());
        // the unit tells the county within the limit of learning of it; if the authorities heard first from
        // someone else and the limit has passed, the unit's silence is reviewed as possible concealment
        boolean late = now.isAfter(learned.plus(unitReportLimit));
        boolean concealment = !"UNIT".equals(source) && now.isAfter(in.occurredAt().plus(unitReportLimit));
        String code = String.format("SG%d-%06d", LocalDate.now(clock).getYear(),
                jdbc.sql("SELECT nextval('accident_code_seq')").query(Long.class).single());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, enterprise_id, place,
                                      lon, lat, county_id, scene, account, measures, deaths, missing, serious_injuries,
                                      minor_injuries, direct_loss_yuan, grade, status, reported_late, concealment_review,
                                      reported_by, reported_at, township_id, road_cause)
                VALUES (:code, :occurred, :learned, :source, :industry, :kind, :enterprise, :place, :lon, :lat, :county, :scene,
                        :account, :measures, :deaths, :missing, :serious, :minor, :loss, :grade, 'REPORTED', :late, :concealment,
                        :by, :at, :township, :cause)""")
                .param("code", code).param("occurred", in.occurredAt()).param("learned", learned).param("source", source)
                .param("industry", industry).param("kind", in.kind()).param("enterprise", enterpriseId)
                .param("place", blank(in.place()) ? null : in.place().trim()).param("lon", in.lon()).param("lat", in.lat())
                .param("county", county).param("scene", in.scene().trim()).param("account", in.account().trim())
                .param("measures", in.measures().trim()).param("deaths", in.deaths()).param("missing", in.missing())
                .param("serious", in.seriousInjuries()).param("minor", in.minorInjuries()).param("loss", in.directLossYuan())
                .param("grade", grade.name()).param("late", late).param("concealment", concealment)
                .param("by", user.username()).param("at", now).param("township", township).param("cause", in.roadCause())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "accident", id, code + " " + grade, null, in);
        events.publishEvent(new MonthlyFigures.Changed(county, in.occurredAt()));
        if (enterpriseId != null) {
            credit.evaluate(enterpriseId);
        }
        return find(id).orElseThrow();
    }

    /** A supplementary report: the casualties and loss as now known, and why a confirmed death is taken back. */
    public record Supplement(Integer deaths, Integer missing, Integer seriousInjuries, Integer minorInjuries, Long directLossYuan,
                             String reason) {
    }

    public record SupplementLine(OffsetDateTime at, String reportedBy, int deaths, int missing, int seriousInjuries,
                                 int minorInjuries, long directLossYuan, String reason, AccidentGrade gradeBefore,
                                 AccidentGrade gradeAfter) {
        public boolean raised() {
            return gradeAfter.compareTo(gradeBefore) > 0;
        }
    }

    /** The last day a supplementary report is taken: 30 days after the accident, 7 for road traffic and fire. */
    public OffsetDateTime supplementDeadline(AccidentView a) {
        String category = kinds().stream().filter(k -> k.code().equals(a.kind())).map(Kind::category).findFirst().orElse("GB6441");
        int days = "ROAD_TRAFFIC".equals(category) || "FIRE".equals(category) ? supplementDaysRoadAndFire : supplementDays;
        return a.occurredAt().plusDays(days);
    }

    /**
     * 补报/续报: the casualties and loss change within the window; the grade follows. Taking back a
     * confirmed death needs a reason; every supplement is kept and audited, a raised grade too.
     */
    public AccidentView supplement(long id, Supplement in, CurrentUser user) {
        user.require(Permission.ACCIDENT_REPORT);
        AccidentView a = get(id, user);
        if (!reaches(id, scopes.act(user.scope(), SCOPE))) {
            throw new AccessDeniedException(user.username() + " may read but not report on accident " + id);
        }
        AccidentStatus.valueOf(a.status()).after(AccidentStatus.Step.SUPPLEMENT);
        if (OffsetDateTime.now(clock).isAfter(supplementDeadline(a))) {
            throw new BusinessException("accident.supplement.closed",
                    CityTime.dayOf(supplementDeadline(a), clock));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        count(errors, "deaths", in.deaths());
        count(errors, "missing", in.missing());
        count(errors, "seriousInjuries", in.seriousInjuries());
        count(errors, "minorInjuries", in.minorInjuries());
        loss(errors, in.directLossYuan());
        if (in.reason() != null && in.reason().length() > 1000) {
            errors.put("reason", "validation.too.long");
        }
        if (errors.isEmpty() && in.deaths() < a.deaths() && blank(in.reason())) {
            errors.put("reason", "accident.deaths.lowered.reason");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AccidentGrade grade = grading().grade(in.deaths(), in.missing(), in.seriousInjuries(), in.directLossYuan());
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO accident_supplement (accident_id, at, reported_by, deaths, missing, serious_injuries, minor_injuries,
                                                 direct_loss_yuan, reason, grade_before, grade_after)
                VALUES (:a, :at, :by, :d, :m, :s, :minor, :l, :r, :before, :after)""")
                .param("a", id).param("at", now).param("by", user.username()).param("d", in.deaths()).param("m", in.missing())
                .param("s", in.seriousInjuries()).param("minor", in.minorInjuries()).param("l", in.directLossYuan())
                .param("r", blank(in.reason()) ? null : in.reason().trim()).param("before", a.grade().name()).param("after", grade.name())
                .update();
        jdbc.sql("""
                UPDATE accident SET deaths = :d, missing = :m, serious_injuries = :s, minor_injuries = :minor, direct_loss_yuan = :l,
                       grade = :g, version = version + 1 WHERE id = :id""")
                .param("d", in.deaths()).param("m", in.missing()).param("s", in.seriousInjuries()).param("minor", in.minorInjuries())
                .param("l", in.directLossYuan()).param("g", grade.name()).param("id", id).update();
        audit.record(grade.compareTo(a.grade()) > 0 ? "REGRADE" : "UPDATE", "accident", id, a.code() + " " + a.grade() + "→" + grade,
                Map.of("deaths", a.deaths(), "missing", a.missing(), "serious", a.seriousInjuries(), "loss", a.directLossYuan()), in);
        events.publishEvent(new MonthlyFigures.Changed(a.countyId(), a.occurredAt()));
        if (grade.compareTo(a.grade()) > 0) {
            // the investigation and the chain move up with the grade (both follow it); the city office is told
            jdbc.sql("INSERT INTO accident_notice (accident_id, grade_before, grade_after, created_at) VALUES (:a, :b, :g, :at)")
                    .param("a", id).param("b", a.grade().name()).param("g", grade.name()).param("at", now).update();
        }
        if (a.enterpriseId() != null) {
            credit.evaluate(a.enterpriseId());
        }
        return find(id).orElseThrow();
    }

    /** A notice to the city office that a supplementary report raised an accident's grade. */
    public record Notice(long id, long accidentId, String code, String countyName, AccidentGrade before, AccidentGrade after,
                         OffsetDateTime createdAt) {
    }

    /** The city office's unread notices of raised grades; none for any other scope. */
    @Transactional(readOnly = true)
    public List<Notice> unreadNotices(DataScope scope) {
        if (!scope.isCity()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT n.id, n.accident_id, a.code, c.name, n.grade_before, n.grade_after, n.created_at FROM accident_notice n
                        JOIN accident a ON a.id = n.accident_id JOIN directory_region_view c ON c.id = a.county_id
                        WHERE n.read_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT 50""")
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        AccidentGrade.valueOf(rs.getString(5)), AccidentGrade.valueOf(rs.getString(6)), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** The city office has read a notice. */
    public void readNotice(long noticeId, CurrentUser user) {
        if (!user.scope().isCity()) {
            throw new AccessDeniedException(user.username() + " is not the city office");
        }
        int n = jdbc.sql("UPDATE accident_notice SET read_by = :by, read_at = :at WHERE id = :id AND read_at IS NULL")
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("id", noticeId).update();
        if (n == 0) {
            throw new NotFoundException("accident notice", noticeId);
        }
    }

    /**
     * The outcome of the 瞒报/谎报 review of an accident first heard of from elsewhere: confirmed
     * (which may put the enterprise on the serious-dishonesty candidates) or cleared, with a reason.
     */
    public void reviewConcealment(long id, boolean confirmed, String reason, CurrentUser user) {
        AccidentView a = closable(id, user, AccidentStatus.Step.FOLLOW_UP);
        if (!a.concealmentReview()) {
            throw new BusinessException("accident.concealment.none");
        }
        if (jdbc.sql("SELECT concealment_outcome FROM accident WHERE id = :id").param("id", id).query(String.class).optional()
                .filter(o -> o != null).isPresent()) {
            throw new BusinessException("accident.concealment.decided");
        }
        String grounds = Texts.reason(reason, 500, "accident.concealment.reason");
        jdbc.sql("UPDATE accident SET concealment_outcome = :o, concealment_reason = :r, version = version + 1 WHERE id = :id")
                .param("o", confirmed ? "CONFIRMED" : "CLEARED").param("r", grounds).param("id", id).update();
        audit.record("CONCEALMENT", "accident", id, a.code() + (confirmed ? " confirmed" : " cleared"), null, Map.of("reason", grounds));
        if (confirmed && a.enterpriseId() != null) {
            credit.evaluate(a.enterpriseId());
        }
    }

    /** The review's outcome (CONFIRMED or CLEARED) and its reason; empty while undecided. */
    @Transactional(readOnly = true)
    public Optional<String[]> concealmentOutcome(long id) {
        return jdbc.sql("SELECT concealment_outcome, concealment_reason FROM accident WHERE id = :id AND concealment_outcome IS NOT NULL")
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    @Transactional(readOnly = true)
    public List<SupplementLine> supplements(long id) {
        return jdbc.sql("SELECT * FROM accident_supplement WHERE accident_id = :a ORDER BY at, id").param("a", id)
                .query((rs, n) -> new SupplementLine(rs.getObject("at", OffsetDateTime.class), rs.getString("reported_by"),
                        rs.getInt("deaths"), rs.getInt("missing"), rs.getInt("serious_injuries"), rs.getInt("minor_injuries"),
                        rs.getLong("direct_loss_yuan"), rs.getString("reason"), AccidentGrade.valueOf(rs.getString("grade_before")),
                        AccidentGrade.valueOf(rs.getString("grade_after"))))
                .list();
    }

    /**
     * The hops above the unit's report: the county passes it to the city, the city to the province,
     * the province to the State Council's department; how far depends on the grade.
     */
    public enum Hop {
        COUNTY_TO_CITY(AccidentGrade.GENERAL), CITY_TO_PROVINCE(AccidentGrade.LARGER), PROVINCE_TO_STATE(AccidentGrade.MAJOR);

        private final AccidentGrade from;

        Hop(AccidentGrade from) {
            this.from = from;
        }

        /** Whether an accident of the grade travels this far. */
        public boolean requiredFor(AccidentGrade grade) {
            return grade.compareTo(from) >= 0;
        }

        public String messageKey() {
            return "accident.hop." + name();
        }
    }

    /** A hop of the chain as the page shows it: due when, done when and by whom (null while open), late or not. */
    public record HopState(Hop hop, OffsetDateTime dueAt, OffsetDateTime doneAt, String doneBy, boolean late) {
    }

    /** The chain the accident's grade requires: each hop due the limit after the one before it was done. */
    @Transactional(readOnly = true)
    public List<HopState> chain(AccidentView a) {
        Map<Hop, HopState> done = new EnumMap<>(Hop.class);
        jdbc.sql("SELECT hop, due_at, done_at, done_by, late FROM accident_hop WHERE accident_id = :a").param("a", a.id())
                .query(rs -> {
                    Hop h = Hop.valueOf(rs.getString("hop"));
                    done.put(h, new HopState(h, rs.getObject("due_at", OffsetDateTime.class), rs.getObject("done_at", OffsetDateTime.class),
                            rs.getString("done_by"), rs.getBoolean("late")));
                });
        List<HopState> chain = new ArrayList<>();
        OffsetDateTime previous = a.reportedAt();
        for (Hop h : Hop.values()) {
            if (!h.requiredFor(a.grade()) && !done.containsKey(h)) {
                break;
            }
            HopState state = done.getOrDefault(h, new HopState(h, previous == null ? null : previous.plus(levelReportLimit), null, null,
                    previous != null && OffsetDateTime.now(clock).isAfter(previous.plus(levelReportLimit))));
            chain.add(state);
            previous = state.doneAt();
        }
        return chain;
    }

    /**
     * Records that the report was passed up one level: the county to the city by the county (or the
     * city office for it), the city to the province by the city office; in order, late when past its due time.
     */
    public void passUp(long id, Hop hop, CurrentUser user) {
        user.require(Permission.ACCIDENT_REPORT);
        if (!user.scope().isCity() && user.scope().kind() != DataScope.Kind.REGION) {
            // the chain runs through the county and the city: a department or an enterprise is not a level of it
            throw new AccessDeniedException(user.username() + " is no level of the reporting chain");
        }
        AccidentView a = get(id, user);
        boolean city = user.scope().isCity();
        boolean county = user.scope().kind() == DataScope.Kind.REGION && user.scope().id() != null && user.scope().id() == a.countyId();
        if (hop == null || !(hop == Hop.COUNTY_TO_CITY ? city || county : city)) {
            throw new AccessDeniedException(user.username() + " does not pass " + hop);
        }
        List<HopState> chain = chain(a);
        HopState state = chain.stream().filter(s -> s.hop() == hop).findFirst()
                .orElseThrow(() -> new BusinessException("accident.hop.not.required"));
        if (state.doneAt() != null) {
            throw new BusinessException("accident.hop.done");
        }
        if (state.dueAt() == null) {
            throw new BusinessException("accident.hop.out.of.order");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO accident_hop (accident_id, hop, due_at, done_at, done_by, late) VALUES (:a, :h, :due, :at, :by, :late)")
                .param("a", id).param("h", hop.name()).param("due", state.dueAt()).param("at", now).param("by", user.username())
                .param("late", now.isAfter(state.dueAt())).update();
        audit.record("PASS_UP", "accident", id, a.code() + " " + hop + (now.isAfter(state.dueAt()) ? " late" : ""), null, null);
    }

    /** The four gates of 四不放过, in the order officials name them. */
    public enum Gate { CAUSE, HANDLED, MEASURES, EDUCATED;

        public String messageKey() {
            return "accident.gate." + name();
        }
    }

    public record GateRecord(Gate gate, String note, String evidence, String recordedBy, OffsetDateTime recordedAt) {
    }

    @Transactional(readOnly = true)
    public Map<Gate, GateRecord> gates(long id) {
        Map<Gate, GateRecord> m = new EnumMap<>(Gate.class);
        jdbc.sql("SELECT gate, note, evidence, recorded_by, recorded_at FROM accident_gate WHERE accident_id = :a").param("a", id)
                .query(rs -> {
                    Gate g = Gate.valueOf(rs.getString("gate"));
                    m.put(g, new GateRecord(g, rs.getString("note"), rs.getString("evidence"), rs.getString("recorded_by"),
                            rs.getObject("recorded_at", OffsetDateTime.class)));
                });
        return m;
    }

    /** Records one gate with what shows it is met (the investigation report, the decisions, the measures' acceptance, the training). */
    public void recordGate(long id, Gate gate, String note, String evidence, CurrentUser user) {
        AccidentView a = closable(id, user, AccidentStatus.Step.FOLLOW_UP);
        Map<String, String> errors = new LinkedHashMap<>();
        if (gate == null) {
            errors.put("gate", "validation.required");
        }
        if (blank(note)) {
            errors.put("note", "validation.required");
        } else if (note.length() > 1000) {
            errors.put("note", "validation.too.long");
        }
        if (blank(evidence)) {
            errors.put("evidence", "accident.gate.evidence.required");
        } else if (evidence.length() > 300) {
            errors.put("evidence", "validation.too.long");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (gates(id).containsKey(gate)) {
            throw new BusinessException("accident.gate.recorded");
        }
        String unmet = unmet(id, gate);
        if (unmet != null) {
            throw new BusinessException(unmet);
        }
        jdbc.sql("INSERT INTO accident_gate (accident_id, gate, note, evidence, recorded_by, recorded_at) VALUES (:a, :g, :n, :e, :by, :at)")
                .param("a", id).param("g", gate.name()).param("n", note.trim()).param("e", evidence.trim())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record("GATE", "accident", id, a.code() + " " + gate, null, Map.of("note", note.trim(), "evidence", evidence.trim()));
    }

    /**
     * What a gate needs before it can be recorded, as the message saying so, or null: the cause is
     * established by a submitted investigation report; the responsible are handled when at least one
     * accountability record exists; the measures are carried out when the report's recommendations are
     * recorded and every one is done. Education needs only its own evidence.
     */
    private String unmet(long id, Gate gate) {
        return switch (gate) {
            case CAUSE -> count("SELECT COUNT(*) FROM accident_investigation WHERE accident_id = :a AND report_on IS NOT NULL", id) == 0
                    ? "accident.gate.cause.report" : null;
            case HANDLED -> count("SELECT COUNT(*) FROM accident_accountability WHERE accident_id = :a", id) == 0
                    ? "accident.gate.handled.records" : null;
            case MEASURES -> count("SELECT COUNT(*) FROM accident_recommendation WHERE accident_id = :a", id) == 0
                    || count("SELECT COUNT(*) FROM accident_recommendation WHERE accident_id = :a AND status <> 'DONE'", id) > 0
                    ? "accident.gate.measures.open" : null;
            case EDUCATED -> null;
        };
    }

    private long count(String sql, long accidentId) {
        return jdbc.sql(sql).param("a", accidentId).query(Long.class).single();
    }

    /** Closes the accident (结案) when all four gates are met; otherwise refuses, naming the ones missing. */
    public void close(long id, CurrentUser user) {
        AccidentView a = closable(id, user, AccidentStatus.Step.CLOSE);
        Map<Gate, GateRecord> recorded = gates(id);
        List<Gate> missing = Arrays.stream(Gate.values()).filter(g -> !recorded.containsKey(g)).toList();
        if (!missing.isEmpty()) {
            throw new GatesMissing(missing);
        }
        // closed by whoever comes first: a second close at the same moment finds it closed
        int closed = jdbc.sql("UPDATE accident SET status = :closed, closed_at = :at, closed_by = :by, version = version + 1 "
                        + "WHERE id = :id AND status = :reported")
                .param("closed", AccidentStatus.CLOSED.name()).param("reported", AccidentStatus.REPORTED.name())
                .param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("id", id).update();
        if (closed == 0) {
            throw new BusinessException("accident.closed.already");
        }
        audit.record("CLOSE", "accident", id, a.code(), null, null);
    }

    /** Closing refused: the gates of 四不放过 not yet met. */
    public static class GatesMissing extends BusinessException {
        private final List<Gate> gates;

        GatesMissing(List<Gate> gates) {
            super("accident.gates.missing");
            this.gates = List.copyOf(gates);
        }

        public List<Gate> gates() {
            return gates;
        }
    }

    /** The accident, if the user's office investigates and closes it (the permission, its scope, not closed yet). */
    public AccidentView forClosing(long id, CurrentUser user) {
        return closable(id, user, AccidentStatus.Step.FOLLOW_UP);
    }

    private AccidentView closable(long id, CurrentUser user, AccidentStatus.Step step) {
        user.require(Permission.ACCIDENT_CLOSE);
        AccidentView a = get(id, user);
        if (!reaches(id, scopes.act(user.scope(), SCOPE))) {
            throw new AccessDeniedException(user.username() + " may read but not close accident " + id);
        }
        AccidentStatus.valueOf(a.status()).after(step);
        return a;
    }

    /** The accident, if the user's scope reaches it; otherwise not found (and audited). */
    @Transactional(readOnly = true)
    public AccidentView get(long id, CurrentUser user) {
        AccidentView a = find(id).orElseThrow(() -> new NotFoundException("accident", id));
        if (!reaches(id, scopes.read(user.scope(), SCOPE))) {
            throw new ScopeDeniedException("accident", id);
        }
        return a;
    }

    @Transactional(readOnly = true)
    public PageResult<AccidentView> page(Filter f, DataScope scope, int page, int size) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        Where where = visible.where()
                .and("a.county_id = :county", "county", f.countyId())
                .and("a.grade = :grade", "grade", f.grade() == null ? null : f.grade().name())
                .and("a.kind_code = :kind", "kind", f.kind());
        if (f.year() != null) {
            where.and("a.occurred_at >= :from AND a.occurred_at < :to", Map.of("from", CityTime.startOf(LocalDate.of(f.year(), 1, 1), clock),
                    "to", CityTime.startOf(LocalDate.of(f.year() + 1, 1, 1), clock)));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM accident a" + where.sql()).params(where.params()).query(Long.class).single();
        List<AccidentView> rows = jdbc.sql(SELECT + where.sql() + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :l OFFSET :o")
                .params(where.params()).param("l", size).param("o", PageResult.offsetOf(page, size)).query(AccidentService::map).list();
        return new PageResult<>(rows, page, size, total);
    }

    /** Whether the accident is among those the scope's predicate (to read, or to act) admits. */
    private boolean reaches(long id, ScopeFilter.Predicate predicate) {
        return jdbc.sql("SELECT COUNT(*) FROM accident a WHERE a.id = :id" + predicate.and()).param("id", id).params(predicate.params())
                .query(Long.class).single() > 0;
    }

    private Optional<AccidentView> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AccidentService::map).optional();
    }

    private static final String SELECT = """
            SELECT a.*, i.name_zh AS industry_name, k.name_zh AS kind_name, e.name AS enterprise_name, c.name AS county_name,
                   t.name AS township_name, rc.name_zh AS road_cause_name
            FROM accident a JOIN directory_industry_view i ON i.code = a.industry_code JOIN accident_kind k ON k.code = a.kind_code
            JOIN directory_region_view c ON c.id = a.county_id LEFT JOIN directory_enterprise_view e ON e.id = a.enterprise_id
            LEFT JOIN directory_region_view t ON t.id = a.township_id LEFT JOIN accident_road_cause rc ON rc.code = a.road_cause""";

    static AccidentView map(ResultSet rs, int n) throws SQLException {
        return new AccidentView(rs.getLong("id"), rs.getString("code"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getObject("learned_at", OffsetDateTime.class), rs.getString("first_source"), rs.getString("industry_code"),
                rs.getString("industry_name"), rs.getString("kind_code"), rs.getString("kind_name"),
                (Long) rs.getObject("enterprise_id", Long.class), rs.getString("enterprise_name"), rs.getString("place"),
                (Double) rs.getObject("lon", Double.class), (Double) rs.getObject("lat", Double.class), rs.getLong("county_id"),
                rs.getString("county_name"), rs.getString("scene"), rs.getString("account"), rs.getString("measures"),
                rs.getInt("deaths"), rs.getInt("missing"), rs.getInt("serious_injuries"), rs.getInt("minor_injuries"),
                rs.getLong("direct_loss_yuan"), AccidentGrade.valueOf(rs.getString("grade")), rs.getString("status"),
                rs.getBoolean("reported_late"), rs.getBoolean("concealment_review"), rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class), (Long) rs.getObject("township_id", Long.class),
                rs.getString("township_name"), rs.getString("road_cause"), rs.getString("road_cause_name"));
    }

    private static void required(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            errors.put(field, "validation.required");
        }
    }

    private static void loss(Map<String, String> errors, Long value) {
        if (value == null) {
            errors.put("directLossYuan", "validation.required");
        } else if (value < 0) {
            errors.put("directLossYuan", "accident.count.negative");
        }
    }

    private static void count(Map<String, String> errors, String field, Integer value) {
        if (value == null) {
            errors.put(field, "validation.required");
        } else if (value < 0) {
            errors.put(field, "accident.count.negative");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
