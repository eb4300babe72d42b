package org.anquan.hazards.register;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.anquan.hazards.Origin;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A hidden hazard and its lifecycle. It owns its transitions: each checks the current status and
 * the rules, records who did it and why, and refuses with a clear reason otherwise.
 *
 * <pre>
 * REPORTED ─verify→ VERIFIED ─assign→ ASSIGNED ─start→ RECTIFYING ─submit→ SUBMITTED ─accept→ CLOSED
 *     └─reject→ REJECTED                                    ↑────── fail acceptance ──┘     │
 *                                                           └──────────── reopen (回头看) ───┘
 * </pre>
 * Hazards found by the enterprise or by an inspector start at ASSIGNED: they are verified when found.
 */
@Table("hazard")
public class Hazard {

    @Id
    private Long id;
    private String code;
    private HazardSource source;
    private Long enterpriseId;
    private String place;
    private Double lon;
    private Double lat;
    private String industryCode;
    private String categoryCode;
    private String description;
    private HazardGrade grade;
    private HazardStatus status;
    private long departmentId;
    private long countyId;
    private String routingOverride;
    private LocalDate deadline;
    /** The deadline while the hazard is open (assigned, rectifying, submitted); null otherwise. */
    private LocalDate openDeadline;
    private String responsiblePerson;
    private String responsiblePhone;
    private String reportedBy;
    private OffsetDateTime reportedAt;
    private OffsetDateTime closedAt;
    private Long acceptedByDepartment;
    /** The unit that accepted it (CITY, REGION, DEPARTMENT) and its id: acceptance is credited to it. */
    private String acceptedUnitKind;
    private Long acceptedUnitId;
    private Boolean acceptanceOnSite;
    private LocalDate acceptanceDate;
    private String acceptanceInspectors;
    private String acceptanceFindings;
    /** 责令限期整改指令书: its number, the issuing unit, the day and the inspectors with their certificates. */
    private String orderNumber;
    private String orderUnitKind;
    private Long orderUnitId;
    private LocalDate orderIssuedOn;
    private String orderInspectors;
    /** The round of work: 1, and one more each time re-inspection reopens the hazard. */
    private int workRound = 1;
    /** Since when the hazard is in its present status: the waits of the ladder count from here. */
    private OffsetDateTime statusSince;
    /** The unit whose inspection found it (CITY, REGION, DEPARTMENT): it re-checks the rectification (复查). */
    private String foundUnitKind;
    private Long foundUnitId;
    /** Closed by the enterprise itself and chosen for an official's spot check in the next 回头看. */
    private boolean spotCheck;
    private LocalDate stopOrderedOn;
    private String stopOrderNote;
    private LocalDate resumptionAppliedOn;
    private String resumptionApplication;
    private LocalDate resumptionReviewedOn;
    private String resumptionResult;
    private String resumptionReviewNote;
    private LocalDate workersReportedOn;
    private String workersReportNote;
    private Long duplicateOf;
    /** The record of another module it was handed over from (Hazards.openFrom), set once when it is reported. */
    private String originModule;
    private String originKind;
    private Long originId;
    private String planMeasures;
    private BigDecimal planFunds;
    private LocalDate planDeadline;
    private String planOwner;
    private String planEmergency;
    private String planFundsNote;
    /** 延期: REQUESTED, GRANTED or DENIED, with the deadline asked for, why, and who asked and decided. */
    private String extensionState;
    private LocalDate extensionDeadline;
    private String extensionReason;
    private String extensionRequestedBy;
    private String extensionDecidedBy;
    private String extensionNote;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "hazard_id", keyColumn = "idx")
    private List<HazardEvent> events = new ArrayList<>();

    @PersistenceCreator
    Hazard() {
    }

    /** What is known when a hazard is reported, routing already decided. */
    public record Report(String code, HazardSource source, Long enterpriseId, String place, Double lon, Double lat,
                         String industryCode, String categoryCode, String description, HazardGrade grade,
                         long departmentId, long countyId, String routingOverride, LocalDate deadline,
                         String responsiblePerson, String responsiblePhone, String foundUnitKind, Long foundUnitId, Origin origin) {
    }

    public static Hazard report(Report r, String actor, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (r.deadline() != null && r.deadline().isBefore(today)) {
            throw new InvalidInputException(Map.of("deadline", "deadline.past"));
        }
        if (!r.source().external() && r.deadline() == null) {
            throw new InvalidInputException(Map.of("deadline", "validation.required"));
        }
        Hazard h = new Hazard();
        h.code = r.code();
        h.source = r.source();
        h.enterpriseId = r.enterpriseId();
        h.place = r.place();
        h.lon = r.lon();
        h.lat = r.lat();
        h.industryCode = r.industryCode();
        h.categoryCode = r.categoryCode();
        h.description = r.description();
        h.grade = r.grade();
        h.departmentId = r.departmentId();
        h.countyId = r.countyId();
        h.routingOverride = r.routingOverride();
        h.deadline = r.deadline();
        h.responsiblePerson = r.responsiblePerson();
        h.responsiblePhone = r.responsiblePhone();
        // found on a regulator's inspection: that unit re-checks it
        if (r.source() == HazardSource.DEPT_INSPECTION || r.source() == HazardSource.REINSPECTION) {
            h.foundUnitKind = r.foundUnitKind();
            h.foundUnitId = r.foundUnitId();
        }
        if (r.origin() != null) {
            h.originModule = r.origin().module();
            h.originKind = r.origin().kind();
            h.originId = r.origin().id();
        }
        h.reportedBy = actor;
        h.reportedAt = OffsetDateTime.now(clock);
        h.status = r.source().external() ? HazardStatus.REPORTED : HazardStatus.ASSIGNED;
        h.statusSince = h.reportedAt;
        h.openDeadline = h.status.open() ? h.deadline : null;
        h.log(actor, "REPORT", null, h.status, r.routingOverride(), clock);
        return h;
    }

    public void verify(String actor, Clock clock) {
        require(HazardStatus.REPORTED);
        move(HazardStatus.VERIFIED, actor, "VERIFY", null, clock);
    }

    /** Not a hazard, or the same as an earlier one. */
    public void reject(String reason, Long duplicateOfId, String actor, Clock clock) {
        require(HazardStatus.REPORTED);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Map.of("reason", "validation.required"));
        }
        if (duplicateOfId != null && duplicateOfId.equals(id)) {
            throw new InvalidInputException(Map.of("duplicateOf", "hazard.duplicate.self"));
        }
        duplicateOf = duplicateOfId;
        move(HazardStatus.REJECTED, actor, duplicateOfId == null ? "REJECT" : "REJECT_DUPLICATE", reason, clock);
    }

    /** Sets who fixes it by when. */
    public void assign(LocalDate newDeadline, String person, String phone, String actor, Clock clock) {
        require(HazardStatus.VERIFIED);
        setDeadline(newDeadline, clock);
        responsiblePerson = person;
        responsiblePhone = phone;
        move(HazardStatus.ASSIGNED, actor, "ASSIGN", null, clock);
    }

    /** An officer moves the hazard to another department or county; the reason is kept. */
    public void reroute(long newDepartment, long newCounty, String reason, String actor, Clock clock) {
        if (status == HazardStatus.CLOSED || status == HazardStatus.REJECTED) {
            throw new HazardRuleException("hazard.finished");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Map.of("routingReason", "hazard.routing.reason.required"));
        }
        departmentId = newDepartment;
        countyId = newCounty;
        routingOverride = reason.trim();
        log(actor, "REROUTE", status, status, reason, clock);
    }

    public void savePlan(RemediationPlan plan, String actor, Clock clock) {
        if (grade != HazardGrade.MAJOR) {
            throw new HazardRuleException("plan.only.major");
        }
        if (status == HazardStatus.CLOSED || status == HazardStatus.REJECTED) {
            throw new HazardRuleException("hazard.finished");
        }
        if (plan.deadline() != null && plan.deadline().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException(Map.of("planDeadline", "deadline.past"));
        }
        if (plan.deadline() != null && deadline != null && plan.deadline().isAfter(deadline)) {
            // the plan serves the rectification order: it cannot finish after the hazard must be fixed
            throw new InvalidInputException(Map.of("planDeadline", "plan.deadline.after.hazard"));
        }
        planMeasures = plan.measures();
        planFunds = plan.funds();
        planDeadline = plan.deadline();
        planOwner = plan.owner();
        planEmergency = plan.emergencyPlan();
        planFundsNote = plan.fundsNote() == null || plan.fundsNote().isBlank() ? null : plan.fundsNote().trim();
        log(actor, "PLAN", status, status, null, clock);
    }

    /**
     * Regrading (调整隐患等级) with a reason, by the verifying or the listing office. A situation a
     * judgment standard lists stays major.
     */
    public void regrade(HazardGrade to, String reason, boolean listedMajor, String actor, Clock clock) {
        if (status == HazardStatus.CLOSED || status == HazardStatus.REJECTED) {
            throw new HazardRuleException("hazard.finished");
        }
        if (to == null) {
            throw new InvalidInputException(Map.of("grade", "validation.required"));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Map.of("reason", "hazard.regrade.reason.required"));
        }
        if (to == grade) {
            throw new HazardRuleException("hazard.regrade.same");
        }
        if (to == HazardGrade.GENERAL && listedMajor) {
            throw new InvalidInputException(Map.of("grade", "hazard.grade.listed"));
        }
        grade = to;
        log(actor, "REGRADE_" + to.name(), status, status, reason.trim(), clock);
    }

    /**
     * The rectifying unit asks once to extend the deadline (延期), with a reason, at most
     * {@code maxDays} past the present deadline; the assigning unit decides.
     */
    public void requestExtension(LocalDate to, String reason, int maxDays, String actor, Clock clock) {
        if (status != HazardStatus.ASSIGNED && status != HazardStatus.RECTIFYING) {
            throw new HazardRuleException("extension.not.open");
        }
        if ("GRANTED".equals(extensionState)) {
            throw new HazardRuleException("extension.once");
        }
        if ("REQUESTED".equals(extensionState)) {
            throw new HazardRuleException("extension.pending");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (to == null) {
            errors.put("deadline", "validation.required");
        } else if (deadline == null || !to.isAfter(deadline)) {
            errors.put("deadline", "extension.not.later");
        } else if (to.isAfter(deadline.plusDays(maxDays))) {
            errors.put("deadline", "extension.too.long");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "extension.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        extensionState = "REQUESTED";
        extensionDeadline = to;
        extensionReason = reason.trim();
        extensionRequestedBy = actor;
        extensionDecidedBy = null;
        extensionNote = null;
        log(actor, "EXTENSION_REQUESTED", status, status, to + "：" + reason.trim(), clock);
    }

    /** The assigning unit grants the extension asked for (the deadline moves) or denies it, saying why. */
    public void decideExtension(boolean grant, String note, String actor, Clock clock) {
        if (!"REQUESTED".equals(extensionState)) {
            throw new HazardRuleException("extension.none.pending");
        }
        if (!grant && (note == null || note.isBlank())) {
            throw new InvalidInputException(Map.of("note", "extension.denial.reason"));
        }
        extensionState = grant ? "GRANTED" : "DENIED";
        extensionDecidedBy = actor;
        extensionNote = note == null || note.isBlank() ? null : note.trim();
        if (grant) {
            deadline = extensionDeadline;
            openDeadline = status.open() ? deadline : null;
        }
        log(actor, grant ? "EXTENSION_GRANTED" : "EXTENSION_DENIED", status, status, extensionNote, clock);
    }

    /** A major hazard starts only with its plan complete (五到位). */
    public void startRectification(String actor, Clock clock) {
        require(HazardStatus.ASSIGNED);
        if (grade == HazardGrade.MAJOR) {
            Map<String, String> missing = plan().problems(LocalDate.now(clock));
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }
        move(HazardStatus.RECTIFYING, actor, "START", null, clock);
    }

    /**
     * Submits the rectification for acceptance: with evidence, and for a major hazard with the
     * enterprise's written application for acceptance (验收申请).
     */
    public void submitForAcceptance(String note, int evidenceCount, int applicationCount, String actor, Clock clock) {
        require(HazardStatus.RECTIFYING);
        if (evidenceCount == 0) {
            throw new HazardRuleException("hazard.evidence.required");
        }
        if (grade == HazardGrade.MAJOR && applicationCount == 0) {
            throw new HazardRuleException("hazard.application.required");
        }
        move(HazardStatus.SUBMITTED, actor, "SUBMIT", note, clock);
    }

    /**
     * An acceptance: the unit that accepts (credited with it) and, on site, the day, the inspectors and
     * what they found.
     */
    public record Acceptance(String unitKind, Long unitId, OnSite onSite, String note) {
    }

    /** What an acceptance on site records: its day, the inspectors, and what they found. */
    public record OnSite(LocalDate date, String inspectors, String findings) {
    }

    /**
     * Accepted and closed (销号). A major hazard closes only after acceptance on site, recorded with its
     * day (not in the future, not before the report), the inspectors and their findings.
     */
    public void accept(Acceptance a, String actor, Clock clock) {
        require(HazardStatus.SUBMITTED);
        OnSite site = a.onSite();
        if (grade == HazardGrade.MAJOR && site == null) {
            throw new HazardRuleException("hazard.accept.onsite.required");
        }
        if (site != null) {
            Map<String, String> missing = new LinkedHashMap<>();
            if (site.date() == null) {
                missing.put("acceptanceDate", "validation.required");
            } else if (site.date().isAfter(LocalDate.now(clock))) {
                missing.put("acceptanceDate", "acceptance.date.future");
            } else if (reportedAt != null && site.date().isBefore(CityTime.dayOf(reportedAt, clock))) {
                missing.put("acceptanceDate", "acceptance.date.before.report");
            }
            if (site.inspectors() == null || site.inspectors().isBlank()) {
                missing.put("inspectors", "validation.required");
            }
            if (site.findings() == null || site.findings().isBlank()) {
                missing.put("findings", "validation.required");
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }
        acceptedUnitKind = a.unitKind();
        acceptedUnitId = a.unitId();
        acceptedByDepartment = "DEPARTMENT".equals(a.unitKind()) ? a.unitId() : null;
        acceptanceOnSite = site != null;
        acceptanceDate = site != null ? site.date() : LocalDate.now(clock);
        acceptanceInspectors = site != null ? site.inspectors().trim() : null;
        acceptanceFindings = site != null ? site.findings().trim() : null;
        closedAt = OffsetDateTime.now(clock);
        move(HazardStatus.CLOSED, actor, site != null ? "ACCEPT_ON_SITE" : "ACCEPT", a.note(), clock);
    }

    /**
     * An enterprise closes a general hazard it found itself, with evidence of the rectification;
     * {@code spotCheck} says whether officials re-inspect it in the next 回头看.
     */
    public void closeBySelf(long enterprise, int evidenceCount, boolean spotCheck, String note, String actor, Clock clock) {
        require(HazardStatus.RECTIFYING);
        if (source != HazardSource.ENTERPRISE_SELF || grade != HazardGrade.GENERAL) {
            throw new HazardRuleException("hazard.selfclose.not.allowed");
        }
        if (enterpriseId == null || enterpriseId != enterprise) {
            throw new HazardRuleException("hazard.selfclose.not.allowed");
        }
        if (evidenceCount == 0) {
            throw new HazardRuleException("hazard.evidence.required");
        }
        acceptedUnitKind = "ENTERPRISE";
        acceptedUnitId = enterprise;
        acceptedByDepartment = null;
        acceptanceOnSite = false;
        acceptanceDate = LocalDate.now(clock);
        this.spotCheck = spotCheck;
        closedAt = OffsetDateTime.now(clock);
        move(HazardStatus.CLOSED, actor, "SELF_CLOSE", note, clock);
    }

    /** 责令停产停业: recorded with its day, for a major hazard that cannot be made safe while working. */
    public void orderStop(LocalDate on, String note, String actor, Clock clock) {
        if (grade != HazardGrade.MAJOR || !status.open()) {
            throw new HazardRuleException("stop.not.allowed");
        }
        if (stopOrderedOn != null && resumptionResult == null) {
            throw new HazardRuleException("stop.already");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(Map.of("stopOn", on == null ? "validation.required" : "stop.date.future"));
        }
        stopOrderedOn = on;
        stopOrderNote = blankToNull(note);
        resumptionAppliedOn = null;
        resumptionApplication = null;
        resumptionReviewedOn = null;
        resumptionResult = null;
        resumptionReviewNote = null;
        log(actor, "STOP_ORDERED", status, status, stopOrderNote, clock);
    }

    /** The stopped unit applies in writing to resume (复产申请). */
    public void applyToResume(String application, String actor, Clock clock) {
        if (stopOrderedOn == null || resumptionResult != null && !"REFUSED".equals(resumptionResult)) {
            throw new HazardRuleException("resume.no.stop");
        }
        if (resumptionAppliedOn != null && resumptionResult == null) {
            throw new HazardRuleException("resume.pending");
        }
        if (application == null || application.isBlank()) {
            throw new InvalidInputException(Map.of("application", "resume.application.required"));
        }
        resumptionAppliedOn = LocalDate.now(clock);
        resumptionApplication = application.trim();
        resumptionReviewedOn = null;
        resumptionResult = null;
        resumptionReviewNote = null;
        log(actor, "RESUME_APPLIED", status, status, resumptionApplication, clock);
    }

    /** The department reviews the application on site (within the days allowed, or the review is late) and approves or refuses. */
    public void reviewResumption(LocalDate on, boolean approved, String note, String actor, Clock clock) {
        if (resumptionAppliedOn == null || resumptionResult != null) {
            throw new HazardRuleException("resume.nothing.to.review");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (on == null) {
            errors.put("reviewOn", "validation.required");
        } else if (on.isAfter(LocalDate.now(clock))) {
            errors.put("reviewOn", "resume.review.future");
        } else if (on.isBefore(resumptionAppliedOn)) {
            errors.put("reviewOn", "resume.review.before.application");
        }
        if (note == null || note.isBlank()) {
            errors.put("reviewNote", "validation.required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        resumptionReviewedOn = on;
        resumptionResult = approved ? "APPROVED" : "REFUSED";
        resumptionReviewNote = note.trim();
        log(actor, approved ? "RESUME_APPROVED" : "RESUME_REFUSED", status, status, resumptionReviewNote, clock);
    }

    /** The review's due day: {@code days} after the written application. */
    public LocalDate resumptionReviewDue(int days) {
        return resumptionAppliedOn == null ? null : resumptionAppliedOn.plusDays(days);
    }

    /** 双报告: a major hazard is reported to the workers' congress (职工代表大会) too; the enterprise records when. */
    public void reportToWorkers(LocalDate on, String note, String actor, Clock clock) {
        if (grade != HazardGrade.MAJOR) {
            throw new HazardRuleException("workers.only.major");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(Map.of("workersOn", on == null ? "validation.required" : "workers.date.future"));
        }
        if (reportedAt != null && on.isBefore(CityTime.dayOf(reportedAt, clock))) {
            throw new InvalidInputException(Map.of("workersOn", "workers.date.before.report"));
        }
        workersReportedOn = on;
        workersReportNote = blankToNull(note);
        log(actor, "WORKERS_REPORTED", status, status, workersReportNote, clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public void failAcceptance(String reason, String actor, Clock clock) {
        require(HazardStatus.SUBMITTED);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Map.of("reason", "validation.required"));
        }
        move(HazardStatus.RECTIFYING, actor, "ACCEPTANCE_FAILED", reason, clock);
    }

    /** A closed hazard found unfixed on re-inspection (回头看) goes back to rectification. */
    public void reopen(String reason, LocalDate newDeadline, String actor, Clock clock) {
        require(HazardStatus.CLOSED);
        setDeadline(newDeadline, clock);
        closedAt = null;
        acceptedUnitKind = null;
        acceptedUnitId = null;
        acceptedByDepartment = null;
        acceptanceOnSite = null;
        acceptanceDate = null;
        acceptanceInspectors = null;
        acceptanceFindings = null;
        workRound++;
        spotCheck = false;
        move(HazardStatus.RECTIFYING, actor, "REOPEN", reason, clock);
    }

    /** Inspectors as the order names them: each a name with the certificate number in full-width brackets. */
    static final Pattern INSPECTORS = Pattern.compile(
            "\\s*[\\p{IsHan}·]{2,12}（[0-9A-Za-z-]{6,24}）\\s*([、，,]\\s*[\\p{IsHan}·]{2,12}（[0-9A-Za-z-]{6,24}）\\s*)+");

    /**
     * Issues the rectification order (责令限期整改指令书) once, numbered by the unit that issues it;
     * at least two inspectors, each with the number of the law-enforcement certificate.
     */
    public void issueOrder(String number, String unitKind, Long unitId, String inspectors, String actor, Clock clock) {
        if (!status.open()) {
            throw new HazardRuleException("order.not.open");
        }
        if (orderNumber != null) {
            throw new HazardRuleException("order.issued.already", orderNumber);
        }
        if (inspectors == null || !INSPECTORS.matcher(inspectors).matches()) {
            throw new InvalidInputException(Map.of("inspectors", "order.inspectors.format"));
        }
        orderNumber = number;
        orderUnitKind = unitKind;
        orderUnitId = unitId;
        orderIssuedOn = LocalDate.now(clock);
        orderInspectors = inspectors.trim();
        log(actor, "ISSUE_ORDER", status, status, number, clock);
    }

    /** Every change names the version it was made on: absent is refused (400), stale is a conflict (409). */
    public void checkVersion(Integer expected) {
        if (expected == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        if (!expected.equals(version)) {
            throw new OptimisticLockingFailureException("hazard " + id + " changed");
        }
    }

    private void setDeadline(LocalDate d, Clock clock) {
        if (d == null) {
            throw new InvalidInputException(Map.of("deadline", "validation.required"));
        }
        if (d.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException(Map.of("deadline", "deadline.past"));
        }
        deadline = d;
        openDeadline = status != null && status.open() ? d : null;
    }

    private void require(HazardStatus expected) {
        if (status != expected) {
            throw new HazardRuleException("hazard.transition.illegal", status.name(), expected.name());
        }
    }

    private void move(HazardStatus to, String actor, String action, String note, Clock clock) {
        HazardStatus from = status;
        status = to;
        statusSince = OffsetDateTime.now(clock);
        openDeadline = status.open() ? deadline : null;
        log(actor, action, from, to, note, clock);
    }

    private void log(String actor, String action, HazardStatus from, HazardStatus to, String note, Clock clock) {
        events.add(new HazardEvent(OffsetDateTime.now(clock), actor, action, from, to,
                note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note));
    }

    public RemediationPlan plan() {
        return new RemediationPlan(planMeasures, planFunds, planDeadline, planOwner, planEmergency, planFundsNote);
    }

    /** Days left to the deadline; negative when overdue; null without deadline. */
    public Long daysLeft(LocalDate today) {
        return deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public HazardSource getSource() { return source; }
    public Long getEnterpriseId() { return enterpriseId; }
    public String getPlace() { return place; }
    public Double getLon() { return lon; }
    public Double getLat() { return lat; }
    public String getIndustryCode() { return industryCode; }
    public String getCategoryCode() { return categoryCode; }
    public String getDescription() { return description; }
    public HazardGrade getGrade() { return grade; }
    public HazardStatus getStatus() { return status; }
    public long getDepartmentId() { return departmentId; }
    public long getCountyId() { return countyId; }
    public String getRoutingOverride() { return routingOverride; }
    public LocalDate getDeadline() { return deadline; }
    public LocalDate getOpenDeadline() { return openDeadline; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public String getResponsiblePhone() { return responsiblePhone; }
    public String getReportedBy() { return reportedBy; }
    public OffsetDateTime getReportedAt() { return reportedAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
    public Long getAcceptedByDepartment() { return acceptedByDepartment; }
    public String getAcceptedUnitKind() { return acceptedUnitKind; }
    public Long getAcceptedUnitId() { return acceptedUnitId; }
    public Boolean getAcceptanceOnSite() { return acceptanceOnSite; }
    public LocalDate getAcceptanceDate() { return acceptanceDate; }
    public String getAcceptanceInspectors() { return acceptanceInspectors; }
    public String getAcceptanceFindings() { return acceptanceFindings; }
    public String getOrderNumber() { return orderNumber; }
    public String getOrderUnitKind() { return orderUnitKind; }
    public Long getOrderUnitId() { return orderUnitId; }
    public LocalDate getOrderIssuedOn() { return orderIssuedOn; }
    public String getOrderInspectors() { return orderInspectors; }
    public int getWorkRound() { return workRound; }
    public String getFoundUnitKind() { return foundUnitKind; }
    public Long getFoundUnitId() { return foundUnitId; }
    public boolean isSpotCheck() { return spotCheck; }
    public LocalDate getStopOrderedOn() { return stopOrderedOn; }
    public String getStopOrderNote() { return stopOrderNote; }
    public LocalDate getResumptionAppliedOn() { return resumptionAppliedOn; }
    public String getResumptionApplication() { return resumptionApplication; }
    public LocalDate getResumptionReviewedOn() { return resumptionReviewedOn; }
    public String getResumptionResult() { return resumptionResult; }
    public String getResumptionReviewNote() { return resumptionReviewNote; }
    public LocalDate getWorkersReportedOn() { return workersReportedOn; }
    public String getWorkersReportNote() { return workersReportNote; }
    public String getExtensionState() { return extensionState; }
    public LocalDate getExtensionDeadline() { return extensionDeadline; }
    public String getExtensionReason() { return extensionReason; }
    public String getExtensionRequestedBy() { return extensionRequestedBy; }
    public String getExtensionDecidedBy() { return extensionDecidedBy; }
    public String getExtensionNote() { return extensionNote; }
    public OffsetDateTime getStatusSince() { return statusSince; }
    public Long getDuplicateOf() { return duplicateOf; }
    public Origin getOrigin() { return originModule == null ? null : new Origin(originModule, originKind, originId); }
    public Integer getVersion() { return version; }
    public List<HazardEvent> getEvents() { return List.copyOf(events); }
}
