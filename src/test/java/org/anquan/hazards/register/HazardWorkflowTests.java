package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class HazardWorkflowTests {

    @Autowired Clock clock;

    @Autowired MockMvc mvc;
    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long ownEnterprise() {
        return accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
    }

    Hazard reportAtOwnEnterprise(HazardGrade grade) {
        return service.report(HazardReports.atEnterprise(ownEnterprise()).grade(grade).due(LocalDate.now(clock).plusDays(10))
                .responsible("李敏").input(), user("dept"));
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aHazardAtAnEnterpriseIsRoutedToTheLeadDepartmentAndTheEnterprisesCounty() {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        long lead = jdbc.sql("SELECT r.department_id FROM responsibility r JOIN enterprise e ON e.industry_code = r.industry_code "
                + "WHERE e.id = :e AND r.lead = TRUE").param("e", ownEnterprise()).query(Long.class).single();
        long county = jdbc.sql("SELECT county_id FROM enterprise WHERE id = :e").param("e", ownEnterprise()).query(Long.class).single();
        assertThat(h.getDepartmentId()).isEqualTo(lead);
        assertThat(h.getCountyId()).isEqualTo(county);
        assertThat(h.getStatus()).isEqualTo(HazardStatus.ASSIGNED);
        assertThat(h.getCode()).matches("YH\\d{4}-\\d{7}");
    }

    @Test
    void aPlaceWithoutEnterpriseIsRoutedByItsLocation() {
        Hazard h = service.report(HazardReports.atPlace("南湖县白沙镇国道路口护栏缺失", 118.43, 30.35, "ROAD_TRANSPORT")
                .category("RT_ROAD_DEFECT").described("护栏缺失约20米").input(), user("admin"));
        String county = jdbc.sql("SELECT name FROM region WHERE id = :id").param("id", h.getCountyId()).query(String.class).single();
        assertThat(county).isEqualTo("南湖县");
        assertThat(h.getStatus()).isEqualTo(HazardStatus.REPORTED);
    }

    @Test
    void aPlaceOutsideTheCityCannotBeRoutedAndNothingIsStored() {
        long before = jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single();
        assertThatThrownBy(() -> service.report(HazardReports.atPlace("外地", 120.0, 31.0, "ROAD_TRANSPORT").input(), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("lon", "hazard.routing.no.county"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDeadlineInThePastIsAFieldErrorOnTheForm() throws Exception {
        MvcResult r = mvc.perform(post("/hazards").with(as(accounts, "dept")).with(csrf())
                .param("source", "DEPT_INSPECTION").param("enterpriseId", String.valueOf(ownEnterprise()))
                .param("description", "测试").param("grade", "GENERAL").param("deadline", LocalDate.now(clock).minusDays(1).toString()))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("期限不能早于今天");
    }

    @Test
    void anOverrideNeedsAReason() {
        assertThatThrownBy(() -> service.report(HazardReports.atEnterprise(ownEnterprise()).due(LocalDate.now(clock).plusDays(3))
                .routedTo(1L, " ").input(), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("routingReason"));
    }

    @Test
    void anEnterpriseUserCannotAcceptItsOwnHazard() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        Hazard started = service.start(h.getId(), h.getVersion(), user("enterprise"));
        service.addEvidence(h.getId(), "EVIDENCE", "after.png", png(), started.getVersion(), user("enterprise"));
        Hazard submitted = service.submit(h.getId(), started.getVersion() + 1, "已整改", user("enterprise"));
        assertThatThrownBy(() -> service.accept(h.getId(), submitted.getVersion(), new Hazard.OnSite(LocalDate.now(clock), "张明、李华", "紧急切断阀已恢复联锁并校验合格"), null, user("enterprise")))
                .isInstanceOf(AccessDeniedException.class);
        int status = mvc.perform(post("/hazards/" + h.getId() + "/accept").param("onSite", "true")
                .with(as(accounts, "enterprise")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(service.get(h.getId(), user("admin")).getStatus()).isEqualTo(HazardStatus.SUBMITTED);
    }

    @Test
    void aDepartmentOfficerCannotActOnAnotherDepartmentsHazard() throws Exception {
        // a road defect goes to the transport bureau, not to the emergency bureau of the "dept" account
        Hazard h = service.report(HazardReports.atPlace("平安城关街道路面塌陷", 118.02, 30.02, "ROAD_TRANSPORT")
                .described("路面塌陷").input(), user("admin"));
        int status = mvc.perform(post("/hazards/" + h.getId() + "/verify").with(as(accounts, "dept")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(service.get(h.getId(), user("admin")).getStatus()).isEqualTo(HazardStatus.REPORTED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SCOPE_DENIED' AND entity_type = 'hazard' AND entity_id = :id")
                .param("id", String.valueOf(h.getId())).query(Long.class).single()).isPositive();
    }

    @Test
    void twoOfficersEditingTheSameHazardTheSecondGetsAConflict() {
        Hazard h = reportAtOwnEnterprise(HazardGrade.MAJOR);
        Integer readVersion = h.getVersion();
        service.savePlan(h.getId(), readVersion, new RemediationPlan("措施甲", null, null, null, null), user("dept"));
        assertThatThrownBy(() -> service.savePlan(h.getId(), readVersion,
                new RemediationPlan("措施乙", null, null, null, null), user("county")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(service.get(h.getId(), user("admin")).plan().measures()).isEqualTo("措施甲");
    }

    @Test
    void aMajorHazardCannotStartWithoutACompletePlanAndThePageSaysWhy() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.MAJOR);
        MvcResult r = mvc.perform(post("/hazards/" + h.getId() + "/start").param("version", String.valueOf(h.getVersion()))
                .with(as(accounts, "enterprise")).with(csrf())).andReturn();
        assertThat(r.getFlashMap().get("fieldErrors")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("planMeasures", "planFunds", "planDeadline", "planOwner", "planEmergency");
        // the redirect's flash attributes wait in the shared session store: follow it with the session cookie
        String page = mvc.perform(get("/hazards/" + h.getId()).with(as(accounts, "enterprise")).cookie(r.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("须落实整改资金").contains("须制定应急预案");
        assertThat(service.get(h.getId(), user("admin")).getStatus()).isEqualTo(HazardStatus.ASSIGNED);
    }

    @Test
    void evidenceMustBeARealImageOrDocumentOfAtMostTenMegabytes() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = concat(png(), "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8));
        byte[] fakeJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
        byte[] huge = concat(png(), new byte[10 * 1024 * 1024]);
        // evidence may also be a PDF or a Word document: a file that is none of them is refused as "not a document"
        for (var c : new Object[][] {{script, "evidence.not.document"}, {polyglot, "evidence.polyglot"},
                {fakeJpeg, "evidence.not.document"}, {huge, "evidence.too.large"}}) {
            MvcResult r = mvc.perform(multipart("/hazards/" + h.getId() + "/evidence")
                    .file(new MockMultipartFile("file", "x.png", "image/png", (byte[]) c[0])).param("version", String.valueOf(h.getVersion()))
                    .with(as(accounts, "enterprise")).with(csrf())).andReturn();
            assertThat(r.getFlashMap().get("errorKey")).isEqualTo(c[1]);
        }
        assertThat(service.evidence(h.getId())).isEmpty();
        mvc.perform(multipart("/hazards/" + h.getId() + "/evidence").file(new MockMultipartFile("file", "ok.png", "image/png", png()))
                .param("version", String.valueOf(h.getVersion()))
                .with(as(accounts, "enterprise")).with(csrf()));
        assertThat(service.evidence(h.getId())).hasSize(1);
        MvcResult served = mvc.perform(get("/hazards/" + h.getId() + "/evidence/" + service.evidence(h.getId()).get(0).id())
                .with(as(accounts, "county"))).andReturn();
        assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void evidenceIsStoredUnderTheExtensionOfItsRealTypeAndServedUnderASafeName() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        // a PNG that claims to be a JPEG, with a name that would break a quoted header
        mvc.perform(multipart("/hazards/" + h.getId() + "/evidence")
                .file(new MockMultipartFile("file", "整改后\"照片\r\n.jpg", "image/jpeg", png())).param("version", String.valueOf(h.getVersion()))
                .with(as(accounts, "enterprise")).with(csrf()));
        var stored = service.evidence(h.getId()).get(0);
        assertThat(stored.filename()).endsWith(".png").startsWith("整改后").doesNotContain("\"").doesNotContain("\r");
        String disposition = mvc.perform(get("/hazards/" + h.getId() + "/evidence/" + stored.id()).with(as(accounts, "county")))
                .andReturn().getResponse().getHeader("Content-Disposition");
        // an ASCII fallback for old clients, and the real name as RFC 6266 filename*
        assertThat(disposition).startsWith("inline; filename=\"").contains("filename*=UTF-8''%E6%95%B4%E6%94%B9").endsWith(".png");
    }

    @Test
    void aLifecycleActionWithoutTheVersionItReadIsRefusedAndAStaleOneConflicts() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        int missing = mvc.perform(post("/api/v1/hazards/" + h.getId() + "/actions/start").with(as(accounts, "enterprise"))
                .with(csrf()).contentType("application/json").content("{}")).andReturn().getResponse().getStatus();
        assertThat(missing).isEqualTo(400);
        int stale = mvc.perform(post("/api/v1/hazards/" + h.getId() + "/actions/start").with(as(accounts, "enterprise"))
                .with(csrf()).contentType("application/json").content("{\"version\": " + (h.getVersion() + 7) + "}"))
                .andReturn().getResponse().getStatus();
        assertThat(stale).isEqualTo(409);
        assertThat(service.get(h.getId(), user("admin")).getStatus()).isEqualTo(HazardStatus.ASSIGNED);
        MvcResult page = mvc.perform(post("/hazards/" + h.getId() + "/start").with(as(accounts, "enterprise")).with(csrf()))
                .andReturn();
        assertThat(page.getFlashMap().get("fieldErrors")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey("version");
    }

    @Test
    void aPictureDeclaringTooManyPixelsIsRefusedBeforeItIsDecoded() throws Exception {
        Hazard h = reportAtOwnEnterprise(HazardGrade.GENERAL);
        // a PNG header declaring 20000 x 20000 pixels, with almost nothing behind it
        byte[] bomb = png();
        ByteBuffer.wrap(bomb, 16, 8).putInt(20000).putInt(20000);
        MvcResult r = mvc.perform(multipart("/hazards/" + h.getId() + "/evidence")
                .file(new MockMultipartFile("file", "big.png", "image/png", bomb)).param("version", String.valueOf(h.getVersion()))
                .with(as(accounts, "enterprise")).with(csrf())).andReturn();
        assertThat(r.getFlashMap().get("errorKey")).isEqualTo("evidence.too.many.pixels");
        assertThat(service.evidence(h.getId())).isEmpty();
    }

    @Test
    void theLedgerDownloadsUnderAChineseName() throws Exception {
        String disposition = mvc.perform(get("/hazards/ledger.xlsx").with(as(accounts, "county"))).andReturn().getResponse()
                .getHeader("Content-Disposition");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .startsWith("问题隐患清单-").endsWith(".xlsx");
    }

    @Test
    void theRegisterFiltersInPlaceWithHtmxAndTheApiAgrees() throws Exception {
        reportAtOwnEnterprise(HazardGrade.MAJOR);
        String html = mvc.perform(get("/hazards").param("grade", "MAJOR").header("HX-Request", "true").with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<html").contains("data-test=\"hazard-row\"").contains("重大隐患").doesNotContain(">一般隐患<");
        String json = mvc.perform(get("/api/v1/hazards").param("grade", "MAJOR").with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"grade\":\"MAJOR\"").doesNotContain("\"grade\":\"GENERAL\"");
    }

    @Test
    void theListedHazardsArePublic() throws Exception {
        MvcResult r = mvc.perform(get("/public/listed")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("挂牌督办");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
