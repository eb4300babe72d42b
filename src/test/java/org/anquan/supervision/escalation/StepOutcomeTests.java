package org.anquan.supervision.escalation;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.imageio.ImageIO;
import org.anquan.IntegrationTest;
import org.anquan.hazards.register.Hazard;
import org.anquan.hazards.register.HazardReports;
import org.anquan.hazards.register.HazardService;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** How supervision steps end: closed with the hazard, or recorded by the city office. */
@IntegrationTest
class StepOutcomeTests {

    @Autowired Clock clock;

    @Autowired MockMvc mvc;
    @Autowired HazardService hazards;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    Hazard reported() {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        return hazards.report(HazardReports.atEnterprise(enterprise).described("督办结果测试")
                .due(LocalDate.now(clock).plusDays(10)).input(), user("dept"));
    }

    long stepOf(long hazardId) {
        jdbc.sql("""
                INSERT INTO supervision_step (hazard_id, level, run_id, created_at, created_by, reason, department_id,
                                              county_id, hazard_deadline)
                SELECT id, 4, 'outcome-test', CURRENT_TIMESTAMP, 'test', 'escalation.reason.INTERVIEW.GENERAL', department_id,
                       county_id, deadline FROM hazard WHERE id = :h""").param("h", hazardId).update();
        return jdbc.sql("SELECT id FROM supervision_step WHERE hazard_id = :h").param("h", hazardId).query(Long.class).single();
    }

    Map<String, Object> outcome(long stepId) {
        return jdbc.sql("SELECT outcome_kind, outcome, outcome_by FROM supervision_step WHERE id = :id").param("id", stepId)
                .query().singleRow();
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void whenTheHazardIsAcceptedAndClosedItsStepsEndAsRectified() throws Exception {
        Hazard h = reported();
        long step = stepOf(h.getId());
        Hazard started = hazards.start(h.getId(), h.getVersion(), user("enterprise"));
        hazards.addEvidence(h.getId(), "EVIDENCE", "after.png", png(), started.getVersion(), user("enterprise"));
        Hazard submitted = hazards.submit(h.getId(), started.getVersion() + 1, "已整改", user("enterprise"));

        hazards.accept(h.getId(), submitted.getVersion(), new Hazard.OnSite(LocalDate.now(clock), "张明、李华", "紧急切断阀已恢复联锁并校验合格"), null, user("dept"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "RECTIFIED".equals(outcome(step).get("outcome_kind")));
        assertThat(outcome(step).get("outcome_by")).isEqualTo("dept");
    }

    @Test
    void theCityOfficeRecordsAnInterviewOnceAndItIsAudited() throws Exception {
        long hazard = reported().getId();
        long step = stepOf(hazard);

        mvc.perform(post("/admin/supervision/steps/{id}/outcome", step).param("kind", "INTERVIEWED")
                        .param("note", "2026年11月20日约谈县应急管理局负责人").with(as(accounts, "admin")).with(csrf()))
                .andExpect(flash().attribute("noticeKey", "step.outcome.recorded"));
        mvc.perform(post("/admin/supervision/steps/{id}/outcome", step).param("kind", "TRANSFERRED")
                        .param("note", "覆盖").with(as(accounts, "admin")).with(csrf()))
                .andExpect(flash().attribute("errorKey", "step.outcome.already"));

        assertThat(outcome(step)).containsEntry("outcome_kind", "INTERVIEWED")
                .containsEntry("outcome", "2026年11月20日约谈县应急管理局负责人").containsEntry("outcome_by", "admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'OUTCOME' AND entity_id = :id")
                .param("id", String.valueOf(step)).query(Long.class).single()).isEqualTo(1);
        // the hazard's ladder shows it
        mvc.perform(get("/supervision/hazards/{id}", hazard).with(as(accounts, "county")))
                .andExpect(content().string(Matchers.containsString("结果：已约谈（市安委办管理员，")));
    }

    @ParameterizedTest(name = "kind \"{0}\", note of {1} characters → {2}")
    @CsvSource({
            "INTERVIEWED, 0, step.outcome.note.required",
            "INTERVIEWED, 301, step.outcome.note.too.long",
            "RECTIFIED, 10, step.outcome.kind.required",
            "'<script>', 10, step.outcome.kind.required",
            "'', 10, step.outcome.kind.required"})
    void badOutcomeInputIsRefusedAndChangesNothing(String kind, int length, String error) throws Exception {
        long step = stepOf(reported().getId());

        mvc.perform(post("/admin/supervision/steps/{id}/outcome", step).param("kind", kind).param("note", "约".repeat(length))
                        .with(as(accounts, "admin")).with(csrf()))
                .andExpect(flash().attribute("errorKey", error));

        assertThat(outcome(step).get("outcome_kind")).isNull();
    }
}
