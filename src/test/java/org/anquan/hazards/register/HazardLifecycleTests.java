package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HazardLifecycleTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Hazard.OnSite ON_SITE = new Hazard.OnSite(LocalDate.now(CLOCK), "张明（执法证号 34010020260001）、李华", "紧急切断阀恢复联锁，校验合格");
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final RemediationPlan FULL_PLAN = new RemediationPlan("停产整改", new BigDecimal("200000"), TODAY.plusDays(10),
            "王强", "专项应急预案");

    static Hazard hazard(HazardSource source, HazardGrade grade) {
        return Hazard.report(new Hazard.Report("YH2026-0000001", source, 1L, null, null, null, "HAZ_CHEM", null, "描述",
                grade, 3L, 4L, null, source.external() ? null : TODAY.plusDays(10), "李敏", null, "DEPARTMENT", 3L, null), "inspector", CLOCK);
    }

    static Hazard rectifying(HazardGrade grade) {
        Hazard h = hazard(HazardSource.DEPT_INSPECTION, grade);
        if (grade == HazardGrade.MAJOR) {
            h.savePlan(FULL_PLAN, "enterprise", CLOCK);
        }
        h.startRectification("enterprise", CLOCK);
        return h;
    }

    @ParameterizedTest(name = "a hazard from {0} starts {1}")
    @CsvSource({"ENTERPRISE_SELF, ASSIGNED", "DEPT_INSPECTION, ASSIGNED", "REINSPECTION, ASSIGNED",
            "CITIZEN, REPORTED", "REFERRAL, REPORTED", "SENSOR, REPORTED"})
    void outsideSourcesAreVerifiedFirst(HazardSource source, HazardStatus start) {
        assertThat(hazard(source, HazardGrade.GENERAL).getStatus()).isEqualTo(start);
    }

    @Test
    void aGeneralHazardWalksFromReportToClosing() {
        Hazard h = hazard(HazardSource.CITIZEN, HazardGrade.GENERAL);
        h.verify("officer", CLOCK);
        h.assign(TODAY.plusDays(7), "张伟", "13900000000", "officer", CLOCK);
        h.startRectification("enterprise", CLOCK);
        h.submitForAcceptance("已整改", 1, 1, "enterprise", CLOCK);
        h.accept(new Hazard.Acceptance("DEPARTMENT", 3L, null, null), "officer", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.CLOSED);
        assertThat(h.getClosedAt()).isNotNull();
        assertThat(h.getEvents()).extracting(HazardEvent::action)
                .containsExactly("REPORT", "VERIFY", "ASSIGN", "START", "SUBMIT", "ACCEPT");
    }

    @Test
    void thePlanCannotFinishAfterTheHazardMustBeFixed() {
        Hazard h = hazard(HazardSource.DEPT_INSPECTION, HazardGrade.MAJOR);
        assertThatThrownBy(() -> h.savePlan(new RemediationPlan("停产整改", new BigDecimal("1000"), TODAY.plusDays(11), "王强",
                "专项应急预案"), "enterprise", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("planDeadline", "plan.deadline.after.hazard"));
        assertThat(h.plan().deadline()).isNull();
        h.savePlan(new RemediationPlan("停产整改", new BigDecimal("1000"), TODAY.plusDays(10), "王强", "专项应急预案"), "enterprise", CLOCK);
        assertThat(h.plan().deadline()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void aMajorHazardCannotStartWithoutAllFiveInPlace() {
        Hazard h = hazard(HazardSource.DEPT_INSPECTION, HazardGrade.MAJOR);
        h.savePlan(new RemediationPlan("停产整改", null, TODAY.plusDays(10), " ", null), "enterprise", CLOCK);
        assertThatThrownBy(() -> h.startRectification("enterprise", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("planFunds", "planOwner", "planEmergency"));
        assertThat(h.getStatus()).isEqualTo(HazardStatus.ASSIGNED);
        h.savePlan(FULL_PLAN, "enterprise", CLOCK);
        h.startRectification("enterprise", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.RECTIFYING);
    }

    @Test
    void aMajorHazardClosesOnlyAfterOnSiteAcceptance() {
        Hazard h = rectifying(HazardGrade.MAJOR);
        h.submitForAcceptance(null, 2, 1, "enterprise", CLOCK);
        assertThatThrownBy(() -> h.accept(new Hazard.Acceptance("DEPARTMENT", 3L, null, null), "officer", CLOCK)).hasMessage("hazard.accept.onsite.required");
        h.accept(new Hazard.Acceptance("DEPARTMENT", 3L, ON_SITE, null), "officer", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.CLOSED);
        assertThat(h.getAcceptanceDate()).isEqualTo(LocalDate.now(CLOCK));
        assertThat(h.getAcceptanceInspectors()).startsWith("张明");
    }

    @Test
    void anOnSiteAcceptanceNeedsItsDayInspectorsAndFindingsAndIsCreditedToTheUnitThatAccepted() {
        Hazard h = rectifying(HazardGrade.MAJOR);
        h.submitForAcceptance(null, 2, 1, "enterprise", CLOCK);
        assertThatThrownBy(() -> h.accept(new Hazard.Acceptance("REGION", 7L,
                new Hazard.OnSite(LocalDate.now(CLOCK).plusDays(1), " ", null), null), "officer", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("acceptanceDate", "acceptance.date.future").containsEntry("inspectors", "validation.required")
                        .containsEntry("findings", "validation.required"));
        assertThat(h.getStatus()).isEqualTo(HazardStatus.SUBMITTED);
        // a county accepts: the county is credited, not the supervising department
        h.accept(new Hazard.Acceptance("REGION", 7L, ON_SITE, null), "county", CLOCK);
        assertThat(h.getAcceptedUnitKind()).isEqualTo("REGION");
        assertThat(h.getAcceptedUnitId()).isEqualTo(7L);
        assertThat(h.getAcceptedByDepartment()).isNull();
    }

    @Test
    void failedAcceptanceGoesBackToRectification() {
        Hazard h = rectifying(HazardGrade.GENERAL);
        h.submitForAcceptance(null, 1, 1, "enterprise", CLOCK);
        assertThatThrownBy(() -> h.failAcceptance(" ", "officer", CLOCK)).isInstanceOf(InvalidInputException.class);
        h.failAcceptance("护栏高度不够", "officer", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.RECTIFYING);
    }

    @Test
    void submittingWithoutEvidenceIsRefused() {
        Hazard h = rectifying(HazardGrade.GENERAL);
        assertThatThrownBy(() -> h.submitForAcceptance(null, 0, 1, "enterprise", CLOCK)).hasMessage("hazard.evidence.required");
    }

    @Test
    void aDuplicateIsRejectedWithALinkToTheOriginal() {
        Hazard h = hazard(HazardSource.CITIZEN, HazardGrade.GENERAL);
        h.reject("与YH2026-0000007重复", 7L, "officer", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.REJECTED);
        assertThat(h.getDuplicateOf()).isEqualTo(7L);
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        Hazard h = hazard(HazardSource.CITIZEN, HazardGrade.GENERAL);
        h.verify("officer", CLOCK);
        assertThatThrownBy(() -> h.assign(TODAY.minusDays(1), null, null, "officer", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("deadline", "deadline.past"));
        assertThat(h.getStatus()).isEqualTo(HazardStatus.VERIFIED);
    }

    @Test
    void aClosedHazardFoundUnfixedIsReopened() {
        Hazard h = rectifying(HazardGrade.GENERAL);
        h.submitForAcceptance(null, 1, 1, "enterprise", CLOCK);
        h.accept(new Hazard.Acceptance("DEPARTMENT", 3L, null, null), "officer", CLOCK);
        h.reopen("回头看复查发现隐患反弹", TODAY.plusDays(5), "officer", CLOCK);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(h.getClosedAt()).isNull();
    }

    /** Every action from every status it does not belong to is refused, and the status stays. */
    @ParameterizedTest(name = "from {0}")
    @EnumSource(value = HazardStatus.class)
    void illegalTransitionsAreRefused(HazardStatus from) {
        Hazard h = at(from);
        int legal = 0;
        for (Runnable action : new Runnable[] {
                () -> h.verify("x", CLOCK),
                () -> h.reject("r", null, "x", CLOCK),
                () -> h.assign(TODAY.plusDays(3), null, null, "x", CLOCK),
                () -> h.startRectification("x", CLOCK),
                () -> h.submitForAcceptance(null, 1, 1, "x", CLOCK),
                () -> h.accept(new Hazard.Acceptance("DEPARTMENT", 1L, ON_SITE, null), "x", CLOCK),
                () -> h.failAcceptance("r", "x", CLOCK)}) {
            HazardStatus before = h.getStatus();
            try {
                action.run();
                legal++;
                break;
            } catch (HazardRuleException e) {
                assertThat(e.getMessage()).isEqualTo("hazard.transition.illegal");
                assertThat(h.getStatus()).isEqualTo(before);
            }
        }
        assertThat(legal).isEqualTo(from == HazardStatus.CLOSED || from == HazardStatus.REJECTED ? 0 : 1);
    }

    static Hazard at(HazardStatus status) {
        Hazard h = hazard(HazardSource.CITIZEN, HazardGrade.GENERAL);
        if (status == HazardStatus.REPORTED) return h;
        if (status == HazardStatus.REJECTED) { h.reject("不属实", null, "x", CLOCK); return h; }
        h.verify("x", CLOCK);
        if (status == HazardStatus.VERIFIED) return h;
        h.assign(TODAY.plusDays(3), null, null, "x", CLOCK);
        if (status == HazardStatus.ASSIGNED) return h;
        h.startRectification("x", CLOCK);
        if (status == HazardStatus.RECTIFYING) return h;
        h.submitForAcceptance(null, 1, 1, "x", CLOCK);
        if (status == HazardStatus.SUBMITTED) return h;
        h.accept(new Hazard.Acceptance("DEPARTMENT", 1L, ON_SITE, null), "x", CLOCK);
        return h;
    }

    @Test
    void aPlanWithZeroFundsSaysWhyAndNegativeFundsAreRefused() {
        RemediationPlan free = new RemediationPlan("调整交接班制度，清理疏散通道", BigDecimal.ZERO, TODAY.plusDays(5), "王强", "现场处置方案");
        assertThat(free.problems(TODAY)).containsOnlyKeys("planFundsNote").containsValue("plan.funds.zero.reason");
        assertThat(new RemediationPlan("m", BigDecimal.ZERO, TODAY.plusDays(5), "王强", "e", "仅调整管理制度，无需资金").problems(TODAY)).isEmpty();
        assertThat(new RemediationPlan("m", new BigDecimal("-1"), TODAY.plusDays(5), "王强", "e", "x").problems(TODAY))
                .containsEntry("planFunds", "plan.funds.required");
    }

    @Test
    void oneExtensionWithAReasonWithinTheLimitDecidedByTheAssigningUnit() {
        Hazard h = rectifying(HazardGrade.GENERAL);
        LocalDate deadline = h.getDeadline();
        assertThatThrownBy(() -> h.requestExtension(deadline, "材料未到", 30, "enterprise", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("deadline", "extension.not.later"));
        assertThatThrownBy(() -> h.requestExtension(deadline.plusDays(31), "材料未到", 30, "enterprise", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("deadline", "extension.too.long"));
        assertThatThrownBy(() -> h.requestExtension(deadline.plusDays(10), " ", 30, "enterprise", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("reason", "extension.reason.required"));
        h.requestExtension(deadline.plusDays(30), "防爆电机订货周期四周", 30, "enterprise", CLOCK);
        assertThat(h.getDeadline()).isEqualTo(deadline);
        assertThatThrownBy(() -> h.requestExtension(deadline.plusDays(5), "再次申请", 30, "enterprise", CLOCK)).hasMessage("extension.pending");
        assertThatThrownBy(() -> h.decideExtension(false, "", "officer", CLOCK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("note", "extension.denial.reason"));
        h.decideExtension(true, null, "officer", CLOCK);
        assertThat(h.getDeadline()).isEqualTo(deadline.plusDays(30));
        assertThat(h.getOpenDeadline()).isEqualTo(deadline.plusDays(30));
        assertThatThrownBy(() -> h.requestExtension(deadline.plusDays(40), "还需延期", 30, "enterprise", CLOCK)).hasMessage("extension.once");
    }

    @Test
    void aDeniedExtensionKeepsTheDeadlineAndMayBeAskedAgain() {
        Hazard h = rectifying(HazardGrade.MAJOR);
        LocalDate deadline = h.getDeadline();
        h.requestExtension(deadline.plusDays(20), "等待专家论证", 60, "enterprise", CLOCK);
        h.decideExtension(false, "论证可在期限内完成", "officer", CLOCK);
        assertThat(h.getDeadline()).isEqualTo(deadline);
        assertThat(h.getExtensionState()).isEqualTo("DENIED");
        h.requestExtension(deadline.plusDays(15), "专家论证改期", 60, "enterprise", CLOCK);
        assertThat(h.getExtensionState()).isEqualTo("REQUESTED");
    }
}
