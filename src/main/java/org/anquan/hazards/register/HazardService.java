package org.anquan.hazards.register;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.AcceptanceRule;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.HazardRegraded;
import org.anquan.hazards.HazardReported;
import org.anquan.hazards.Origin;
import org.anquan.hazards.standards.JudgmentStandards;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.documents.DocumentNumbers;
import org.anquan.platform.documents.DocumentsProperties;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.DateHorizon;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting hazards and acting on them, with the role and data scope of the acting user. Input is
 * checked before anything is stored; every change is audited.
 */
@Service
@Transactional
public class HazardService {

    private final HazardRepository repository;
    private final HazardQueries queries;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final DateHorizon horizon;
    private final TransactionTemplate tx;
    private final long maxEvidencePixels;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JudgmentStandards standards;
    private final DocumentNumbers numbers;
    private final String cityAbbreviation;
    private final String countyBureauAbbreviation;
    private final int extensionGeneralDays;
    private final int extensionMajorDays;
    private final double spotCheckShare;
    private final int resumptionReviewDays;
    /** Asked when accepting; provided lazily, as the modules holding rules use the hazards facade themselves. */
    private final ObjectProvider<AcceptanceRule> acceptanceRules;

    HazardService(HazardsProperties props, DocumentNumbers numbers, DocumentsProperties documents,
                  ObjectProvider<AcceptanceRule> acceptanceRules, JudgmentStandards standards, HazardRepository repository, HazardQueries queries, Directory directory, ScopeFilter scopes,
                  JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                  TransactionTemplate tx, DateHorizon horizon) {
        this.acceptanceRules = acceptanceRules;
        this.numbers = numbers;
        this.extensionGeneralDays = props.extension().generalMaxDays();
        this.spotCheckShare = props.selfClose().spotCheckShare();
        this.resumptionReviewDays = props.resumptionReviewDays();
        this.extensionMajorDays = props.extension().majorMaxDays();
        this.cityAbbreviation = documents.cityAbbreviation();
        this.countyBureauAbbreviation = documents.countyBureauAbbreviation();
        this.standards = standards;
        this.horizon = horizon;
        this.tx = tx;
        this.maxEvidencePixels = props.evidence().maxPixels();
        this.scopes = scopes;
        this.events = events;
        this.repository = repository;
        this.queries = queries;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The actions a role may take; scope decides on which hazards. */
    public enum Action {
        VERIFY(Permission.HAZARD_VERIFY), REJECT(Permission.HAZARD_VERIFY), ASSIGN(Permission.HAZARD_ASSIGN),
        REROUTE(Permission.HAZARD_ROUTE), PLAN(Permission.HAZARD_RECTIFY), START(Permission.HAZARD_RECTIFY),
        SUBMIT(Permission.HAZARD_RECTIFY), ACCEPT(Permission.HAZARD_ACCEPT), FAIL_ACCEPTANCE(Permission.HAZARD_ACCEPT),
        EVIDENCE(Permission.HAZARD_RECTIFY), REOPEN(Permission.HAZARD_REOPEN), REGRADE(Permission.HAZARD_REGRADE),
        ORDER(Permission.HAZARD_ASSIGN), EXTEND(Permission.HAZARD_RECTIFY), GRANT(Permission.HAZARD_ASSIGN),
        DENY(Permission.HAZARD_ASSIGN), SELF_CLOSE(Permission.HAZARD_RECTIFY), STOP(Permission.HAZARD_ASSIGN),
        RESUME_APPLY(Permission.HAZARD_RECTIFY), RESUME_REVIEW(Permission.HAZARD_ASSIGN), WORKERS(Permission.HAZARD_RECTIFY);

        private final Permission permission;

        Action(Permission permission) {
            this.permission = permission;
        }

        public Permission permission() {
            return permission;
        }

        public boolean allowedFor(CurrentUser user) {
            return user.may(permission);
        }

        /** The action a URL names: {@code fail} is a failed acceptance, {@code selfclose}, {@code resume} and {@code review} as below, the rest by their names. */
        public static Action ofPath(String path) {
            return switch (path) {
                case "fail" -> FAIL_ACCEPTANCE;
                case "selfclose" -> SELF_CLOSE;
                case "resume" -> RESUME_APPLY;
                case "review" -> RESUME_REVIEW;
                default -> valueOf(path.toUpperCase(Locale.ROOT));
            };
        }
    }

    public static boolean mayReport(CurrentUser user) {
        return user.may(Permission.HAZARD_REPORT);
    }

    @Transactional
    public Hazard report(HazardInput in, CurrentUser user) {
        Hazard saved = file(in, user, null);
        audit.record("CREATE", "hazard", saved.getId(), saved.getCode(), null, snapshot(saved));
        return saved;
    }

    /** A hazard another module hands over, its origin stored with it (see {@code Hazards.openFrom}). */
    public Hazard openFrom(Origin origin, HazardInput in, CurrentUser user) {
        Hazard saved = file(in, user, origin);
        audit.record("CREATE", "hazard", saved.getId(), saved.getCode() + " from " + origin.module() + "/" + origin.kind() + "/" + origin.id(),
                null, snapshot(saved));
        return saved;
    }

    /**
     * A report with the photo taken on the spot: the photo's bytes are checked first; then the hazard,
     * the photo and both audit entries are stored together, or nothing is.
     */
    public Hazard report(HazardInput in, String photoName, byte[] photo, CurrentUser user) {
        if (photo == null || photo.length == 0) {
            return report(in, user);
        }
        if (!mayReport(user)) {
            throw new AccessDeniedException("role may not report hazards");
        }
        String type = EvidenceCheck.contentTypeOf(photo, maxEvidencePixels);
        Hazard saved = report(in, user);
        storeEvidence(saved, "PHOTO", EvidenceCheck.safeName(photoName, type, "photo"), type, photo, EvidenceCheck.sha256(photo), user);
        return saved;
    }

    /**
     * Checks, routes and stores a reported hazard and announces it; the caller audits it (one by
     * one, or a whole import in one batch at its end).
     */
    Hazard file(HazardInput in, CurrentUser user, Origin origin) {
        Inputs.check(in);
        horizon.check(Collections.singletonMap("deadline", in.deadline()));
        if (!mayReport(user)) {
            throw new AccessDeniedException("role may not report hazards");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        HazardSource source = in.source();
        Long enterpriseId = in.enterpriseId();
        if (user.scope().kind() == DataScope.Kind.ENTERPRISE) {
            // an enterprise reports what it found itself, at itself
            source = HazardSource.ENTERPRISE_SELF;
            enterpriseId = user.enterpriseId();
        }
        if (source == null) {
            errors.put("source", "validation.required");
        }
        Directory.EnterpriseRef enterprise = null;
        if (enterpriseId != null) {
            enterprise = directory.enterprise(enterpriseId).orElse(null);
            if (enterprise == null) {
                errors.put("enterpriseId", "hazard.enterprise.unknown");
            }
        } else if (blank(in.place())) {
            errors.put("place", "hazard.place.required");
        }
        String industry = enterprise != null && blank(in.industryCode()) ? enterprise.industryCode() : in.industryCode();
        if (blank(industry) || directory.industries().stream().noneMatch(i -> i.code().equals(industry))) {
            errors.put("industryCode", "validation.required");
        }
        if (!blank(in.categoryCode()) && !categoryBelongs(in.categoryCode(), industry)) {
            errors.put("categoryCode", "hazard.category.mismatch");
        }
        if (blank(in.description())) {
            errors.put("description", "validation.required");
        } else if (in.description().length() > 2000) {
            errors.put("description", "validation.too.long");
        }
        if (in.grade() == null) {
            errors.put("grade", "validation.required");
        } else if (in.grade() == HazardGrade.GENERAL && !errors.containsKey("categoryCode")
                && standards.listing(blank(in.categoryCode()) ? null : in.categoryCode()).isPresent()) {
            // a situation a judgment standard lists is a major hazard, whoever reports it
            errors.put("grade", "hazard.grade.listed");
        }
        GeoPoint point = null;
        if ((in.lon() == null) != (in.lat() == null)) {
            errors.put("lon", "enterprise.location.both");
        } else if (in.lon() != null) {
            try {
                point = new GeoPoint(in.lon(), in.lat());
            } catch (IllegalArgumentException e) {
                errors.put("lon", "enterprise.location.range");
            }
        }
        if (in.deadline() != null && in.deadline().isBefore(LocalDate.now(clock))) {
            errors.put("deadline", "deadline.past");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GeoPoint located = point;
        Long locatedCounty = located == null ? null : directory.countyAt(located).map(Directory.RegionRef::id).orElse(null);
        if (enterprise == null && located == null && in.overrideCountyId() != null) {
            // a place named by its county alone (a road's stakes, a workshop's address): routed to that county, with the reason required below
            locatedCounty = in.overrideCountyId();
        }
        RoutingPolicy.Route route = RoutingPolicy.route(directory.responsibleFor(industry).leadDepartmentId(),
                enterprise == null ? null : enterprise.countyId(), locatedCounty);
        String override = null;
        if (in.overrideDepartmentId() != null || in.overrideCountyId() != null) {
            user.require(Permission.HAZARD_ROUTE);
            if (blank(in.routingReason())) {
                throw new InvalidInputException(Map.of("routingReason", "hazard.routing.reason.required"));
            }
            route = new RoutingPolicy.Route(
                    in.overrideDepartmentId() != null ? in.overrideDepartmentId() : route.departmentId(),
                    in.overrideCountyId() != null ? in.overrideCountyId() : route.countyId());
            override = in.routingReason().trim();
        }
        requireReachable(route, enterprise, user);
        String code = String.format("YH%d-%07d", LocalDate.now(clock).getYear(),
                jdbc.sql("SELECT nextval('hazard_code_seq')").query(Long.class).single());
        Hazard h = Hazard.report(new Hazard.Report(code, source, enterprise == null ? null : enterprise.id(),
                trim(in.place()), in.lon(), in.lat(), industry, blank(in.categoryCode()) ? null : in.categoryCode(),
                in.description().trim(), in.grade(), route.departmentId(), route.countyId(), override, in.deadline(),
                trim(in.responsiblePerson()), trim(in.responsiblePhone()), unitKind(user.scope()), user.scope().id(), origin),
                user.username(), clock);
        Hazard saved = repository.save(h);
        events.publishEvent(new HazardReported(saved.getId(), saved.getCode(), saved.getGrade().name(),
                saved.getDepartmentId(), saved.getCountyId()));
        return saved;
    }

    /** The hazard, if the user's scope reaches it; otherwise not found (and audited). */
    public Hazard get(long id, CurrentUser user) {
        Hazard h = repository.findById(id).orElseThrow(() -> new NotFoundException("hazard", id));
        if (!queries.inScope(id, user.scope())) {
            throw new ScopeDeniedException("hazard", id);
        }
        return h;
    }

    public List<Evidence> evidence(long hazardId) {
        return jdbc.sql("SELECT id, kind, filename, content_type, size_bytes, uploaded_by, uploaded_at FROM hazard_evidence "
                        + "WHERE hazard_id = :h ORDER BY id")
                .param("h", hazardId)
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("kind"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    public record Evidence(long id, String kind, String filename, String contentType, int sizeBytes, String uploadedBy,
                           OffsetDateTime uploadedAt) {
    }

    public record EvidenceFile(String filename, String contentType, byte[] content) {
    }

    public Optional<EvidenceFile> evidenceFile(long hazardId, long evidenceId, CurrentUser user) {
        get(hazardId, user);
        return jdbc.sql("SELECT filename, content_type, content FROM hazard_evidence WHERE id = :e AND hazard_id = :h")
                .param("e", evidenceId).param("h", hazardId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * The file is checked and decoded before any transaction starts or lock is taken: a large
     * picture keeps no other writer waiting. Then the hazard, the file and its audit entry are stored
     * in one short transaction.
     */
    public void addEvidence(long hazardId, String kind, String filename, byte[] bytes, Integer version, CurrentUser user) {
        authorize(hazardId, Action.EVIDENCE, user);
        // a photo of the spot is a picture; rectification evidence may also be a PDF or a Word document
        String type = "PHOTO".equals(kind) ? EvidenceCheck.contentTypeOf(bytes, maxEvidencePixels)
                : EvidenceCheck.documentTypeOf(bytes, maxEvidencePixels);
        String safeName = EvidenceCheck.safeName(filename, type, "evidence");
        String sha = EvidenceCheck.sha256(bytes);
        String name = safeName;
        tx.executeWithoutResult(status -> storeEvidence(act(hazardId, version, Action.EVIDENCE, user, x -> { }), kind, name, type,
                bytes, sha, user));
    }

    private void storeEvidence(Hazard h, String kind, String safeName, String type, byte[] bytes, String sha, CurrentUser user) {
        jdbc.sql("""
                INSERT INTO hazard_evidence (hazard_id, kind, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (:h, :k, :f, :t, :s, :sha, :c, :by, :at)""")
                .param("h", h.getId()).param("k", "PHOTO".equals(kind) || "APPLICATION".equals(kind) ? kind : "EVIDENCE").param("f", safeName)
                .param("t", type).param("s", bytes.length).param("sha", sha).param("c", bytes)
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record("UPLOAD", "hazard", h.getId(), safeName + " " + sha, null, null);
    }

    /** Written applications for acceptance (验收申请) among the hazard's files. */
    public int applicationCount(long hazardId) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard_evidence WHERE hazard_id = :h AND kind = 'APPLICATION'")
                .param("h", hazardId).query(Integer.class).single();
    }

    public int evidenceCount(long hazardId) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard_evidence WHERE hazard_id = :h AND kind = 'EVIDENCE'")
                .param("h", hazardId).query(Integer.class).single();
    }

    public Hazard verify(long id, Integer version, CurrentUser u) {
        return act(id, version, Action.VERIFY, u, h -> h.verify(u.username(), clock));
    }

    public Hazard reject(long id, Integer version, String reason, Long duplicateOf, CurrentUser u) {
        authorize(id, Action.REJECT, u);
        // one answer for a hazard that does not exist and one the user may not see: no id is revealed
        if (duplicateOf != null && (repository.findById(duplicateOf).isEmpty() || !queries.inScope(duplicateOf, u.scope()))) {
            throw new InvalidInputException(Map.of("duplicateOf", "hazard.duplicate.unknown"));
        }
        return act(id, version, Action.REJECT, u, h -> h.reject(reason, duplicateOf, u.username(), clock));
    }

    public Hazard assign(long id, Integer version, LocalDate deadline, String person, String phone, CurrentUser u) {
        return act(id, version, Action.ASSIGN, u, h -> h.assign(deadline, trim(person), trim(phone), u.username(), clock));
    }

    public Hazard reroute(long id, Integer version, long department, long county, String reason, CurrentUser u) {
        if (directory.department(department).isEmpty() || directory.region(county).isEmpty()) {
            throw new InvalidInputException(Map.of("routingReason", "hazard.routing.target.unknown"));
        }
        return act(id, version, Action.REROUTE, u, h -> h.reroute(department, county, reason, u.username(), clock));
    }

    public Hazard savePlan(long id, Integer version, RemediationPlan plan, CurrentUser u) {
        return act(id, version, Action.PLAN, u, h -> h.savePlan(plan, u.username(), clock));
    }

    /** Regrades with a reason; a hazard that becomes major is reported to its department and county (双报告). */
    public Hazard regrade(long id, Integer version, HazardGrade grade, String reason, CurrentUser u) {
        Hazard h = act(id, version, Action.REGRADE, u, x -> x.regrade(grade, reason,
                standards.listing(x.getCategoryCode()).isPresent(), u.username(), clock));
        events.publishEvent(new HazardRegraded(h.getId(), h.getCode(), h.getGrade().name(),
                h.getDepartmentId(), h.getCountyId()));
        return h;
    }

    /**
     * Issues the rectification order in the name of the user's unit (the city office, a county's
     * emergency bureau, a department), numbered in that unit's sequence of the year.
     */
    public Hazard issueOrder(long id, Integer version, String inspectors, CurrentUser u) {
        DataScope scope = u.scope();
        String abbreviation = switch (scope.kind()) {
            case CITY -> cityAbbreviation;
            case REGION -> MessageFormat.format(countyBureauAbbreviation,
                    directory.region(scope.id()).map(Directory.RegionRef::name).orElse(""));
            case DEPARTMENT -> directory.department(scope.id()).map(Directory.DepartmentRef::name).orElse("");
            case ENTERPRISE -> throw new AccessDeniedException(u.username() + " issues no orders");
        };
        return act(id, version, Action.ORDER, u, h -> {
            String number = h.getOrderNumber() != null || !h.getStatus().open() ? null
                    : numbers.next(scope.kind().name() + (scope.id() == null ? "" : ":" + scope.id()), "ORDER",
                            LocalDate.now(clock).getYear(), abbreviation + "责改");
            h.issueOrder(number, unitKind(scope), scope.id(), inspectors,
                    u.username(), clock);
        });
    }

    /** The rectifying unit asks to extend the deadline once, within the limit of the hazard's grade. */
    public Hazard requestExtension(long id, Integer version, LocalDate to, String reason, CurrentUser u) {
        return act(id, version, Action.EXTEND, u, h -> h.requestExtension(to, reason,
                h.getGrade() == HazardGrade.MAJOR ? extensionMajorDays : extensionGeneralDays, u.username(), clock));
    }

    /** The assigning unit (its department or county) grants or denies the extension asked for. */
    public Hazard decideExtension(long id, Integer version, boolean grant, String note, CurrentUser u) {
        return act(id, version, grant ? Action.GRANT : Action.DENY, u, h -> h.decideExtension(grant, note, u.username(), clock));
    }

    public Hazard start(long id, Integer version, CurrentUser u) {
        return act(id, version, Action.START, u, h -> h.startRectification(u.username(), clock));
    }

    public Hazard submit(long id, Integer version, String note, CurrentUser u) {
        return act(id, version, Action.SUBMIT, u, h -> h.submitForAcceptance(note, evidenceCount(id), applicationCount(id), u.username(), clock));
    }

    /**
     * Accepts and closes, credited to the unit of the one who accepts: the city office, a county or
     * township, or a department. {@code onSite} is null for an acceptance from the papers.
     */
    public Hazard accept(long id, Integer version, Hazard.OnSite onSite, String note, CurrentUser u) {
        DataScope scope = u.scope();
        String unit = unitKind(scope);
        Hazard closed = act(id, version, Action.ACCEPT, u, h -> {
            AcceptanceRule.Unit required = requiredAcceptor(h);
            if (required != null && !(required.kind().equals(unit) && Objects.equals(required.id(), scope.id()))) {
                throw new HazardRuleException(required.refusalKey());
            }
            h.accept(new Hazard.Acceptance(unit, scope.id(), onSite, note), u.username(), clock);
        });
        events.publishEvent(new HazardClosed(closed.getId(), closed.getCode(), closed.getClosedAt(), u.username(), closed.getOrigin()));
        return closed;
    }

    /**
     * Who must accept the hazard: a rule of another module first (the listing office of a listed
     * hazard), else the unit whose inspection found it (复查); null when any unit in scope may.
     */
    private AcceptanceRule.Unit requiredAcceptor(Hazard h) {
        for (AcceptanceRule rule : acceptanceRules.orderedStream().toList()) {
            var unit = rule.requiredUnit(h.getId());
            if (unit.isPresent()) {
                return unit.get();
            }
        }
        return h.getFoundUnitKind() == null ? null
                : new AcceptanceRule.Unit(h.getFoundUnitKind(), h.getFoundUnitId(), "hazard.accept.finder");
    }

    /**
     * An enterprise closes a general hazard it found itself, with evidence; a share of such closures
     * (configuration) is chosen at random for an official's spot check in the next 回头看.
     */
    public Hazard closeBySelf(long id, Integer version, String note, CurrentUser u) {
        if (u.enterpriseId() == null) {
            audit.recordAlone(u.username(), "ACTION_DENIED", "hazard", id, "SELF_CLOSE");
            throw new AccessDeniedException(u.username() + " is no enterprise");
        }
        boolean spot = SPOT_CHECKS.nextDouble() < spotCheckShare;
        Hazard closed = act(id, version, Action.SELF_CLOSE, u, h -> h.closeBySelf(u.enterpriseId(), evidenceCount(id), spot, note,
                u.username(), clock));
        events.publishEvent(new HazardClosed(closed.getId(), closed.getCode(), closed.getClosedAt(), u.username(), closed.getOrigin()));
        return closed;
    }

    private static final SecureRandom SPOT_CHECKS = new SecureRandom();

    public Hazard orderStop(long id, Integer version, LocalDate on, String note, CurrentUser u) {
        return act(id, version, Action.STOP, u, h -> h.orderStop(on, note, u.username(), clock));
    }

    public Hazard applyToResume(long id, Integer version, String application, CurrentUser u) {
        return act(id, version, Action.RESUME_APPLY, u, h -> h.applyToResume(application, u.username(), clock));
    }

    public Hazard reviewResumption(long id, Integer version, LocalDate on, boolean approved, String note, CurrentUser u) {
        return act(id, version, Action.RESUME_REVIEW, u, h -> h.reviewResumption(on, approved, note, u.username(), clock));
    }

    public Hazard reportToWorkers(long id, Integer version, LocalDate on, String note, CurrentUser u) {
        return act(id, version, Action.WORKERS, u, h -> h.reportToWorkers(on, note, u.username(), clock));
    }

    /** How many days the department has to review a written application to resume on site. */
    public int resumptionReviewDays() {
        return resumptionReviewDays;
    }

    /** Re-inspection (回头看) found the closed hazard unfixed. */
    public Hazard reopen(long id, String reason, LocalDate newDeadline, CurrentUser u) {
        // decided on the re-inspection item, not on a page the user read: the change applies to the hazard as it is now
        int current = repository.findById(id).orElseThrow(() -> new NotFoundException("hazard", id)).getVersion();
        return act(id, current, Action.REOPEN, u, h -> h.reopen(reason, newDeadline, u.username(), clock));
    }

    public Hazard failAcceptance(long id, Integer version, String reason, CurrentUser u) {
        return act(id, version, Action.FAIL_ACCEPTANCE, u, h -> h.failAcceptance(reason, u.username(), clock));
    }

    /** A hazard chosen on a list, with the version the list showed. */
    public record Selected(long id, int version) {
    }

    /** The most hazards one bulk action takes: one page of the register at its largest. */
    public static final int MAX_SELECTED = PageResult.MAX_SIZE;

    /** Assigns every selected hazard with one deadline and responsible person, all or none. */
    public int assignAll(List<Selected> selected, LocalDate deadline, String person, String phone, CurrentUser u) {
        return all(selected, Action.ASSIGN, u, s -> assign(s.id(), s.version(), deadline, person, phone, u));
    }

    /** Moves every selected hazard to one department and county for one reason, all or none. */
    public int rerouteAll(List<Selected> selected, long department, long county, String reason, CurrentUser u) {
        if (directory.department(department).isEmpty() || directory.region(county).isEmpty()) {
            throw new InvalidInputException(Map.of("routingReason", "hazard.routing.target.unknown"));
        }
        return all(selected, Action.REROUTE, u, s -> reroute(s.id(), s.version(), department, county, reason, u));
    }

    /**
     * One action over many hazards in one transaction. A selection the user may not act on in full is
     * refused as a whole before anything changes, naming only how many lie outside the scope; a hazard
     * whose rules refuse the action, or that changed since the list was read, undoes the others and is
     * named by its code.
     */
    private int all(List<Selected> selected, Action action, CurrentUser u, Consumer<Selected> each) {
        authorizeBulk(action, u);
        List<Selected> distinct = selection(selected, u.scope(), ScopeFilter.Mode.ACT, (outside, of) -> audit.recordAlone(
                u.username(), "SCOPE_DENIED", "hazard", null, "bulk " + action.name() + ": " + outside + " of " + of + " outside data scope"));
        for (Selected s : distinct) {
            try {
                each.accept(s);
            } catch (OptimisticLockingFailureException e) {
                throw new HazardRuleException("bulk.item.stale", codeOf(s.id()));
            } catch (BusinessException e) {
                throw new HazardRuleException("bulk.item.refused", codeOf(s.id()),
                        new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.args()));
            } catch (InvalidInputException e) {
                throw new HazardRuleException("bulk.item.refused", codeOf(s.id()),
                        new DefaultMessageSourceResolvable(e.fieldErrors().values().iterator().next()));
            }
        }
        return distinct.size();
    }

    /** The hazards a register's check boxes name, each {@code id:version}; any other value is unreadable. */
    public static List<Selected> parseSelection(List<String> values) {
        List<Selected> selected = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String[] parts = value.split(":", 2);
            try {
                selected.add(new Selected(Long.parseLong(parts[0].trim()), Integer.parseInt(parts[1].trim())));
            } catch (RuntimeException e) {
                throw new InvalidInputException(Map.of("selected", "bulk.selection.unreadable"));
            }
        }
        return selected;
    }

    /**
     * A selection taken as a whole: one entry per hazard, at least one and at most
     * {@link #MAX_SELECTED}, every one within the scope in the mode. One partly outside is refused
     * naming only how many lie outside ({@code onOutside} hears how many of how many first).
     */
    public List<Selected> selection(List<Selected> selected, DataScope scope, ScopeFilter.Mode mode,
                                    BiConsumer<Integer, Integer> onOutside) {
        List<Selected> distinct = selected == null ? List.of()
                : List.copyOf(selected.stream().collect(Collectors.toMap(Selected::id, x -> x, (a, b) -> a,
                        LinkedHashMap::new)).values());
        if (distinct.isEmpty()) {
            throw new InvalidInputException(Map.of("selected", "bulk.none"));
        }
        if (distinct.size() > MAX_SELECTED) {
            throw new InvalidInputException(Map.of("selected", "bulk.too.many"));
        }
        int outside = distinct.size() - queries.countInScope(distinct.stream().map(Selected::id).toList(), scope, mode);
        if (outside > 0) {
            onOutside.accept(outside, distinct.size());
            throw new BusinessException("bulk.outside.scope", outside, distinct.size());
        }
        return distinct;
    }

    /** Refuses (403, audited) a bulk action the user's role may not take, before its input is looked at. */
    public void authorizeBulk(Action action, CurrentUser u) {
        if (!action.allowedFor(u)) {
            audit.recordAlone(u.username(), "ACTION_DENIED", "hazard", null, "bulk " + action.name());
            throw new AccessDeniedException(u.username() + " may not " + action);
        }
    }

    private String codeOf(long id) {
        return repository.findById(id).map(Hazard::getCode).orElse(String.valueOf(id));
    }

    /** Refuses (403, audited) an action the user's role may not take, before anything else is looked at. */
    public void authorize(long id, Action action, CurrentUser user) {
        if (!action.allowedFor(user)) {
            audit.recordAlone(user.username(), "ACTION_DENIED", "hazard", id, action.name());
            throw new AccessDeniedException(user.username() + " may not " + action);
        }
    }

    @Transactional
    Hazard act(long id, Integer version, Action action, CurrentUser user, Consumer<Hazard> change) {
        authorize(id, action, user);
        Hazard h = get(id, user);
        if (!queries.inScope(id, user.scope(), ScopeFilter.Mode.ACT)) {
            // readable (a co-supervising department) but not this unit's to act on
            audit.recordAlone(user.username(), "SCOPE_DENIED", "hazard", id, "act outside data scope: " + action.name());
            throw new AccessDeniedException(user.username() + " may read but not act on hazard " + id);
        }
        h.checkVersion(version);
        Map<String, Object> before = snapshot(h);
        change.accept(h);
        Hazard saved = repository.save(h);
        audit.record(action.name(), "hazard", id, saved.getCode(), before, snapshot(saved));
        return saved;
    }

    /** A county officer reports only in its county; a department officer only for its department. */
    private void requireReachable(RoutingPolicy.Route route, Directory.EnterpriseRef enterprise, CurrentUser user) {
        DataScope scope = user.scope();
        var subject = new ScopeFilter.Subject(route.countyId(), route.departmentId(), null, enterprise == null ? null : enterprise.id());
        if (!scopes.reaches(scope, subject, ScopeFilter.Mode.ACT)) {
            throw new InvalidInputException(Map.of(scope.kind() == DataScope.Kind.DEPARTMENT ? "industryCode" : "lon",
                    "enterprise.outside.scope"));
        }
    }

    private boolean categoryBelongs(String category, String industry) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard_category WHERE code = :c AND industry_code = :i AND active = TRUE")
                .param("c", category).param("i", industry).query(Long.class).single() > 0;
    }

    /** The kind of unit a scope stands for, as acceptance and findings record it. */
    private static String unitKind(DataScope scope) {
        return scope.kind() == DataScope.Kind.CITY ? "CITY" : scope.kind().name();
    }

    private static Map<String, Object> snapshot(Hazard h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.getStatus());
        m.put("grade", h.getGrade());
        m.put("departmentId", h.getDepartmentId());
        m.put("countyId", h.getCountyId());
        m.put("deadline", h.getDeadline());
        m.put("responsiblePerson", h.getResponsiblePerson());
        m.put("routingOverride", h.getRoutingOverride());
        m.put("plan", h.plan());
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
