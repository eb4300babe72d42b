package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.supervision.reinspection.Reinspections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Acceptance by the right unit, the written applications, the stop order and 双报告 (issue 10, item 4). */
@IntegrationTest
class AcceptanceByUnitTests {

    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Reinspections reinspections;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long own() {
        return accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void evidence(long hazard, String kind) {
        jdbc.sql("INSERT INTO hazard_evidence (hazard_id, kind, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) "
                        + "VALUES (:h, :k, 'e.pdf', 'application/pdf', 1, 'x', :c, 'enterprise', CURRENT_TIMESTAMP)")
                .param("h", hazard).param("k", kind).param("c", new byte[] {1}).update();
    }

    @Test
    void anEnterpriseClosesAGeneralHazardItFoundItselfAndItIsSpotChecked() {
        Hazard h = service.report(HazardReports.atEnterprise(own()).due(today().plusDays(10)).described("配电箱门未关闭").input(), user("enterprise"));
        assertThat(h.getSource()).isEqualTo(HazardSource.ENTERPRISE_SELF);
        Hazard started = service.start(h.getId(), h.getVersion(), user("enterprise"));
        assertThatThrownBy(() -> service.closeBySelf(h.getId(), started.getVersion(), null, user("enterprise")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("hazard.evidence.required"));
        evidence(h.getId(), "EVIDENCE");
        Hazard closed = service.closeBySelf(h.getId(), started.getVersion(), "已关闭并上锁", user("enterprise"));
        assertThat(closed.getStatus()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.getAcceptedUnitKind()).isEqualTo("ENTERPRISE");
        // the test configuration spot-checks every self-closure: the month's 回头看 draws it, and the draw still proves itself
        assertThat(closed.isSpotCheck()).isTrue();
        reinspections.drawMonth(YearMonth.now(clock), "tester");
        Long draw = jdbc.sql("SELECT draw_id FROM reinspection_item WHERE hazard_id = :h").param("h", h.getId()).query(Long.class).single();
        assertThat(reinspections.verify(draw).sampleMatches()).isTrue();

        Hazard found = service.report(HazardReports.atEnterprise(own()).due(today().plusDays(10)).input(), user("dept"));
        Hazard foundStarted = service.start(found.getId(), found.getVersion(), user("enterprise"));
        evidence(found.getId(), "EVIDENCE");
        assertThatThrownBy(() -> service.closeBySelf(found.getId(), foundStarted.getVersion(), null, user("enterprise")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("hazard.selfclose.not.allowed"));
    }

    @Test
    void aHazardFoundOnADepartmentsInspectionIsReCheckedByThatDepartment() {
        Hazard h = service.report(HazardReports.atEnterprise(own()).due(today().plusDays(10)).input(), user("dept"));
        Hazard started = service.start(h.getId(), h.getVersion(), user("enterprise"));
        evidence(h.getId(), "EVIDENCE");
        Hazard submitted = service.submit(h.getId(), started.getVersion(), "已整改", user("enterprise"));
        assertThatThrownBy(() -> service.accept(h.getId(), submitted.getVersion(), null, null, user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("hazard.accept.finder"));
        Hazard closed = service.accept(h.getId(), submitted.getVersion(), null, "复查合格", user("dept"));
        assertThat(closed.getAcceptedUnitKind()).isEqualTo("DEPARTMENT");
        assertThat(closed.getAcceptedByDepartment()).isEqualTo(user("dept").departmentId());
    }

    @Test
    void aMajorHazardNeedsTheWrittenApplicationItsStopOrderIsReviewedAndItIsReportedToTheWorkers() {
        Hazard h = service.report(HazardReports.atEnterprise(own()).major().due(today().plusDays(30)).input(), user("dept"));
        Hazard planned = service.savePlan(h.getId(), h.getVersion(), new RemediationPlan("停用储罐区，更换紧急切断阀", BigDecimal.TEN,
                today().plusDays(20), "王强", "液氯泄漏专项应急预案"), user("enterprise"));
        Hazard started = service.start(h.getId(), planned.getVersion(), user("enterprise"));

        Hazard stopped = service.orderStop(h.getId(), started.getVersion(), today(), "责令储罐区停止使用", user("dept"));
        assertThatThrownBy(() -> service.applyToResume(h.getId(), stopped.getVersion(), " ", user("enterprise")))
                .isInstanceOf(InvalidInputException.class);
        Hazard applied = service.applyToResume(h.getId(), stopped.getVersion(), "紧急切断阀已更换并联锁测试合格，申请恢复储罐区使用", user("enterprise"));
        assertThat(applied.resumptionReviewDue(service.resumptionReviewDays())).isEqualTo(today().plusDays(10));
        assertThatThrownBy(() -> service.reviewResumption(h.getId(), applied.getVersion(), today().minusDays(1), true, "合格", user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("reviewOn", "resume.review.before.application"));
        Hazard reviewed = service.reviewResumption(h.getId(), applied.getVersion(), today(), true, "现场审查合格，同意复产", user("dept"));
        assertThat(reviewed.getResumptionResult()).isEqualTo("APPROVED");

        Hazard told = service.reportToWorkers(h.getId(), reviewed.getVersion(), today(), "职代会通报", user("enterprise"));
        assertThat(told.getWorkersReportedOn()).isEqualTo(today());

        evidence(h.getId(), "EVIDENCE");
        assertThatThrownBy(() -> service.submit(h.getId(), told.getVersion(), "申请验收", user("enterprise")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("hazard.application.required"));
        evidence(h.getId(), "APPLICATION");
        assertThat(service.submit(h.getId(), told.getVersion(), "申请验收", user("enterprise")).getStatus()).isEqualTo(HazardStatus.SUBMITTED);

        Hazard general = service.report(HazardReports.atEnterprise(own()).due(today().plusDays(30)).input(), user("dept"));
        assertThatThrownBy(() -> service.reportToWorkers(general.getId(), general.getVersion(), today(), null, user("enterprise")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("workers.only.major"));
    }
}
