package org.anquan.accidents.reporting;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.*;
import org.anquan.IntegrationTest;
import org.anquan.accidents.investigation.Accountability;
import org.anquan.accidents.investigation.CreditCandidates;
import org.anquan.accidents.investigation.Investigations;
import org.anquan.accidents.investigation.Recommendations;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Origin;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** The accident report: six items, a computed grade, the first hop of the clock, scope and bad input (issue 11, items 1–3 in part). */
@IntegrationTest
class AccidentReportTests {

    @Autowired MockMvc mvc;
    @Autowired AccidentService service;
    @Autowired Investigations investigations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long own() {
        return accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
    }

    AccidentInput at(long enterprise, OffsetDateTime occurred, int deaths, int missing, int serious, long loss) {
        return new AccidentInput(occurred, occurred.plusMinutes(5), "UNIT", null, "POISONING_ASPHYXIA", enterprise, null, null, null,
                null, "污水池清淤作业现场", "作业人员未检测即进入污水池，中毒晕倒，两人盲目施救", "已停止作业并送医，现场封闭",
                deaths, missing, serious, 0, loss, null, null);
    }

    long accidents() {
        return jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single();
    }

    @Test
    void theGradeIsComputedAndAMissingPersonCountsWithTheDead() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var a = service.report(at(own(), now.minusMinutes(30), 2, 1, 0, 800_000), user("county"));
        assertThat(a.grade()).isEqualTo(AccidentGrade.LARGER);
        assertThat(a.code()).matches("SG\\d{4}-\\d{6}");
        assertThat(a.reportedLate()).isFalse();
        // the unit learned of it two hours ago: past the hour, reported late
        var late = service.report(new AccidentInput(now.minusHours(3), now.minusHours(2), "UNIT", null, "MACHINERY", own(), null, null,
                null, null, "车间", "手部卷入", "已停机", 0, 0, 1, 0, 20_000L, null, null), user("enterprise"));
        assertThat(late.reportedLate()).isTrue();
        assertThat(late.grade()).isEqualTo(AccidentGrade.GENERAL);
    }

    @Test
    void badInputIsRefusedItemByItemAndNothingIsStored() {
        long before = accidents();
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThatThrownBy(() -> service.report(new AccidentInput(now.plusHours(1), null, "RUMOUR", null, "NOPE", own(), null, null,
                null, null, " ", null, null, -1, null, 0, 0, -5L, null, null), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("occurredAt", "accident.time.future").containsEntry("firstSource", "accident.source.unknown")
                        .containsEntry("kind", "accident.kind.unknown").containsEntry("scene", "validation.required")
                        .containsEntry("account", "validation.required").containsEntry("measures", "validation.required")
                        .containsEntry("deaths", "accident.count.negative").containsEntry("missing", "validation.required")
                        .containsEntry("directLossYuan", "accident.count.negative"));
        assertThat(accidents()).isEqualTo(before);
    }

    @Test
    void theApiAnswers201WithTheGradeAndRefusesATimeWithoutOffsetOrANonNumericCount() throws Exception {
        long before = accidents();
        String body = """
                {"occurredAt": "%s", "kind": "GAS_EXPLOSION", "enterpriseId": %d, "scene": "井下作业面", "account": "瓦斯超限引发爆炸",
                 "measures": "撤出人员，封闭工作面", "deaths": 11, "missing": 0, "seriousInjuries": 3, "minorInjuries": 2,
                 "directLossYuan": 8000000}""".formatted(OffsetDateTime.now(clock).minusHours(1), own());
        var created = mvc.perform(post("/api/v1/accidents").contentType("application/json").content(body)
                .with(as(accounts, "admin")).with(csrf())).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString(StandardCharsets.UTF_8)).contains("\"grade\":\"MAJOR\"");
        assertThat(accidents()).isEqualTo(before + 1);
        int noOffset = mvc.perform(post("/api/v1/accidents").contentType("application/json")
                .content(body.replaceAll("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"2026-11-01T08:00:00\""))
                .with(as(accounts, "admin")).with(csrf())).andReturn().getResponse().getStatus();
        int text = mvc.perform(post("/api/v1/accidents").contentType("application/json")
                .content(body.replace("\"deaths\": 11", "\"deaths\": \"eleven\"")).with(as(accounts, "admin")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(noOffset).isEqualTo(400);
        assertThat(text).isEqualTo(400);
        assertThat(accidents()).isEqualTo(before + 1);
        String kinds = mvc.perform(get("/api/v1/accidents/kinds").with(as(accounts, "leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(kinds).contains("\"code\":\"POISONING_ASPHYXIA\"").contains("中毒和窒息").contains("道路交通事故");
    }

    @Test
    void aCountyReportsAndReadsOnlyItsOwnAndAnEnterpriseOnlyItsOwn() throws Exception {
        long county = user("county").regionId();
        long otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        long elsewhere = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE county_id = :c").param("c", otherCounty).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThatThrownBy(() -> service.report(at(elsewhere, now.minusMinutes(20), 1, 0, 0, 100_000), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("countyId", "enterprise.outside.scope"));
        var other = service.report(at(elsewhere, now.minusMinutes(20), 1, 0, 0, 100_000), user("admin"));
        assertThat(mvc.perform(get("/accidents/" + other.id()).with(as(accounts, "county"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/accidents/" + other.id()).with(as(accounts, "enterprise"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        // an enterprise user reports for its own enterprise, whatever it names
        var own = service.report(at(elsewhere, now.minusMinutes(10), 0, 0, 1, 30_000), user("enterprise"));
        assertThat(own.enterpriseId()).isEqualTo(own());
        assertThat(service.page(AccidentService.Filter.NONE, user("county").scope(), 1, 500).items())
                .allMatch(a -> a.countyId() == county);
    }

    @Test
    void theReportFormTakesTheCitysLocalTimeAndShowsTheComputedGrade() throws Exception {
        var r = mvc.perform(post("/accidents").with(as(accounts, "county")).with(csrf())
                        .param("occurredAt", LocalDateTime.now(clock).minusMinutes(40).withNano(0).toString())
                        .param("kind", "FALL_FROM_HEIGHT").param("enterpriseId", String.valueOf(own()))
                        .param("scene", "三号楼外脚手架").param("account", "作业人员未系安全带坠落").param("measures", "停工整顿，送医抢救")
                        .param("deaths", "3").param("missing", "0").param("seriousInjuries", "0").param("minorInjuries", "0")
                        .param("directLossYuan", "2500000"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        String page = mvc.perform(get(r.getRedirectedUrl()).with(as(accounts, "county"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("较大事故").contains("死亡 3 人");
    }

    @Test
    void aSupplementaryReportRaisesTheGradeKeepsItsHistoryAndALoweredDeathNeedsAReason() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var a = service.report(at(own(), now.minusHours(2), 1, 0, 0, 200_000), user("county"));
        assertThat(a.grade()).isEqualTo(AccidentGrade.GENERAL);
        // two of the injured died in hospital
        var raised = service.supplement(a.id(), new AccidentService.Supplement(3, 0, 1, 0, 900_000L, "两名伤者经抢救无效死亡"), user("county"));
        assertThat(raised.grade()).isEqualTo(AccidentGrade.LARGER);
        assertThatThrownBy(() -> service.supplement(a.id(), new AccidentService.Supplement(2, 0, 1, 0, 900_000L, " "), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("reason", "accident.deaths.lowered.reason"));
        assertThatThrownBy(() -> service.supplement(a.id(), new AccidentService.Supplement(3, -1, 1, 0, 900_000L, null), user("county")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(service.supplements(a.id())).singleElement().satisfies(s -> {
            assertThat(s.raised()).isTrue();
            assertThat(s.gradeBefore()).isEqualTo(AccidentGrade.GENERAL);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REGRADE' AND entity_type = 'accident' AND entity_id = :id")
                .param("id", String.valueOf(a.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRoadCauseBelongsToRoadTrafficOnlyAndATownshipToTheAccidentsCounty() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long nanhu = jdbc.sql("SELECT id FROM region WHERE name = '南湖县'").query(Long.class).single();
        long elsewhere = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'TOWNSHIP' AND parent_id <> :c").param("c", nanhu)
                .query(Long.class).single();
        long own = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'TOWNSHIP' AND parent_id = :c").param("c", nanhu)
                .query(Long.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single();
        assertThatThrownBy(() -> service.report(new AccidentInput(now.minusHours(1), null, "UNIT", "CONSTRUCTION", "COLLAPSE", null,
                "城南安置房工地", null, null, nanhu, "基坑", "边坡坍塌", "停工", 1, 0, 0, 0, 80_000L, elsewhere, "DRUNK_DRIVING"), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("roadCause", "accident.cause.road.only").containsEntry("townshipId", "accident.township.county"));
        assertThatThrownBy(() -> service.report(new AccidentInput(now.minusHours(1), null, "UNIT", "ROAD_TRANSPORT", "ROAD_TRAFFIC", null,
                "县道X101", null, null, nanhu, "路口", "碰撞", "送医", 1, 0, 0, 0, 80_000L, null, "SPEEDING"), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("roadCause", "accident.cause.unknown"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single()).isEqualTo(before);
        var ok = service.report(new AccidentInput(now.minusHours(1), null, "UNIT", "ROAD_TRANSPORT", "ROAD_TRAFFIC", null, "县道X101",
                null, null, nanhu, "路口", "碰撞", "送医", 1, 0, 0, 0, 80_000L, own, "MOTORCYCLE"), user("admin"));
        assertThat(ok.townshipId()).isEqualTo(own);
        assertThat(ok.roadCauseName()).isEqualTo("摩托车违法");
        // an enterprise's accident takes the enterprise's township
        var plant = service.report(at(own(), now.minusHours(1), 0, 0, 1, 10_000), user("enterprise"));
        assertThat(plant.townshipId()).isEqualTo(jdbc.sql("SELECT CASE WHEN region_id = county_id THEN NULL ELSE region_id END "
                + "FROM enterprise WHERE id = :e").param("e", own()).query(Long.class).optional().orElse(null));
    }

    @Test
    void aSupplementAfterItsWindowIsRefusedSevenDaysForRoadTrafficThirtyForOthers() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var road = service.report(new AccidentInput(now.minusDays(8), now.minusDays(8), "UNIT", "ROAD_TRANSPORT", "ROAD_TRAFFIC", null,
                "国道G205线K12处", 118.43, 30.35, jdbc.sql("SELECT id FROM region WHERE name = '南湖县'").query(Long.class).single(),
                "两车相撞", "货车越线", "交通管制，伤员送医", 1, 0, 0, 2, 150_000L, null, "DRUNK_DRIVING"), user("admin"));
        assertThatThrownBy(() -> service.supplement(road.id(), new AccidentService.Supplement(2, 0, 0, 1, 150_000L, null), user("admin")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.supplement.closed"));
        var plant = service.report(at(own(), now.minusDays(8), 0, 0, 2, 100_000), user("admin"));
        assertThat(service.supplement(plant.id(), new AccidentService.Supplement(1, 0, 1, 0, 100_000L, null), user("admin")).deaths())
                .isEqualTo(1);
    }

    @Autowired Accountability accountability;
    @Autowired Recommendations recommendations;
    @Autowired CreditCandidates credit;

    @Test
    void anAccidentClosesOnlyWhenAllFourNotsAreMetAndARefusalNamesTheMissingOnes() throws Exception {
        var a = service.report(at(own(), OffsetDateTime.now(clock).minusDays(2), 1, 0, 0, 300_000), user("county"));
        // the cause is established by the investigation report, not before
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.CAUSE, "未检测进入受限空间", "调查报告", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.gate.cause.report"));
        investigations.open(a.id(), "组长：县应急管理局副局长", user("county"));
        assertThatThrownBy(() -> recommendations.add(a.id(), "完善制度", "平安化工有限公司", "李某",
                LocalDate.now(clock).plusDays(30), user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("recommendation.no.report"));
        investigations.report(a.id(), "平安应急调〔2026〕4号", LocalDate.now(clock), user("county"));
        service.recordGate(a.id(), AccidentService.Gate.CAUSE, "未检测进入受限空间", "平安应急调〔2026〕4号调查报告", user("county"));
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.HANDLED, "罚款并约谈", " ", user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("evidence", "accident.gate.evidence.required"));
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.HANDLED, "罚款", "决定书", user("dept")))
                .isInstanceOf(AccessDeniedException.class);
        var refused = mvc.perform(post("/accidents/" + a.id() + "/close").with(as(accounts, "county")).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("accident.gates.missing");
        assertThat((Object[]) refused.getFlashMap().get("errorArgs")).containsExactly("责任人员已处理、整改措施已落实、有关人员已受到教育");
        // handled: only once a person or unit is recorded as handled, by a decision
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.HANDLED, "对企业罚款", "平安应急罚〔2026〕12号", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.gate.handled.records"));
        var today = LocalDate.now(clock);
        assertThatThrownBy(() -> accountability.add(a.id(), new Accountability.Input(null, null, "企业",
                Accountability.Measure.FINE, "罚款", null, today.plusDays(1), " "), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("fineYuan", "accountability.fine.required").containsEntry("decidedOn", "accountability.day.invalid")
                        .containsEntry("document", "accountability.document.required"));
        accountability.add(a.id(), new Accountability.Input(null, null, "平安化工有限公司",
                Accountability.Measure.FINE, "对企业罚款", 300_000L, today, "平安应急罚〔2026〕12号"), user("county"));
        accountability.add(a.id(), new Accountability.Input("张某", "总经理", "平安化工有限公司",
                Accountability.Measure.INTERVIEW, "约谈主要负责人", null, today, "平安安委办约〔2026〕3号"), user("county"));
        service.recordGate(a.id(), AccidentService.Gate.HANDLED, "对企业罚款，约谈主要负责人", "平安应急罚〔2026〕12号", user("county"));
        assertThat(accountability.page(Accountability.Measure.INTERVIEW, today.getYear(),
                new DataScope(DataScope.Kind.REGION,
                        accounts.findByUsername("county").orElseThrow().regionId()), 1, 50).items())
                .anyMatch(e -> e.accidentId() == a.id() && "张某".equals(e.person()));
        // measures: the report's recommendations, each done; one tracked as a hazard is done when the hazard closes
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.MEASURES, "落实", "验收记录", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.gate.measures.open"));
        long first = recommendations.add(a.id(), "建立受限空间作业审批和气体检测制度", "平安化工有限公司", "李某", today.plusDays(30), user("county"));
        long second = recommendations.add(a.id(), "调节池加装固定式气体报警仪", "平安化工有限公司", "李某", today.plusDays(30), user("county"));
        assertThatThrownBy(() -> recommendations.add(a.id(), "补充措施", " ", "李某", today.minusDays(1), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("ownerUnit", "validation.required").containsEntry("deadline", "deadline.past"));
        var hazard = recommendations.openHazard(a.id(), second, user("county"));
        assertThatThrownBy(() -> recommendations.openHazard(a.id(), second, user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("recommendation.hazard.already"));
        assertThat(jdbc.sql("SELECT source FROM hazard WHERE id = :h").param("h", hazard.id()).query(String.class).single())
                .isEqualTo("DEPT_INSPECTION");
        recommendations.complete(a.id(), first, "制度已印发并培训", user("county"));
        assertThatThrownBy(() -> recommendations.complete(a.id(), first, "再次", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("recommendation.done.already"));
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.MEASURES, "落实", "验收记录", user("county")))
                .isInstanceOf(BusinessException.class);
        // the listener runs after its own commit, on another thread
        // the hazard carries where it came from; a closure of another module's hazard leaves the measure alone
        assertThat(jdbc.sql("SELECT origin_module || '/' || origin_kind || '/' || origin_id FROM hazard WHERE id = :h").param("h", hazard.id())
                .query(String.class).single()).isEqualTo("accidents/recommendation/" + second);
        recommendations.on(new HazardClosed(hazard.id(), hazard.code(), OffsetDateTime.now(clock), "county", new Origin("citizen", "report", second)));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> !recommendations.of(a.id()).stream().filter(r -> r.id() == second).findFirst().orElseThrow().done());
        recommendations.on(new HazardClosed(hazard.id(), hazard.code(), OffsetDateTime.now(clock), "county",
                new Origin("accidents", "recommendation", second)));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> recommendations.of(a.id()).stream().allMatch(Recommendations.Recommendation::done));
        service.recordGate(a.id(), AccidentService.Gate.MEASURES, "受限空间作业审批和气体检测落实", "整改验收记录", user("county"));
        service.recordGate(a.id(), AccidentService.Gate.EDUCATED, "全员警示教育", "培训签到表", user("county"));
        service.close(a.id(), user("county"));
        assertThat(service.get(a.id(), user("county")).status()).isEqualTo("CLOSED");

        // closed is final: no second close, no supplement (though still within its window), no more follow-up
        var closed = service.get(a.id(), user("county"));
        assertThatThrownBy(() -> service.close(a.id(), user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("accident.closed.already"));
        assertThatThrownBy(() -> service.supplement(a.id(), new AccidentService.Supplement(closed.deaths() + 1, 0, 0, 0,
                closed.directLossYuan(), "补报"), user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("accident.closed.already"));
        assertThatThrownBy(() -> investigations.open(a.id(), "组长：再次调查", user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("accident.closed.already"));
        assertThat(service.get(a.id(), user("county")).deaths()).isEqualTo(closed.deaths());
    }

    @Test
    void theInvestigationReportIsAPdfOrWordDocumentCheckedByItsBytes() throws Exception {
        var a = service.report(at(own(), OffsetDateTime.now(clock).minusDays(3), 1, 0, 0, 100_000), user("county"));
        investigations.open(a.id(), "组长：县应急管理局副局长", user("county"));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> investigations.attachReport(a.id(), "报告.pdf", pdf, user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.no.report"));
        investigations.report(a.id(), "平安应急调〔2026〕9号", LocalDate.now(clock), user("county"));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> investigations.attachReport(a.id(), "报告.pdf", html, user("county")))
                .isInstanceOf(BusinessException.class);
        assertThat(investigations.of(a.id()).orElseThrow().reportFilename()).isNull();
        investigations.attachReport(a.id(), "调查报告<script>.exe", pdf, user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().reportFilename()).isEqualTo("调查报告_script_.pdf");
        var response = mvc.perform(get("/accidents/" + a.id() + "/investigation/file").with(as(accounts, "county"))).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(response.getContentAsByteArray()).isEqualTo(pdf);
    }

    @Test
    void anEnterpriseBecomesACandidateForTheDishonestyListWhenATriggerIsMetAndTheCityOfficeDecides() {
        long enterprise = jdbc.sql("SELECT MAX(id) FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM accident "
                + "WHERE enterprise_id IS NOT NULL)").query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock);
        service.report(at(enterprise, now.minusMonths(13), 3, 0, 0, 1_000_000), user("admin"));
        service.report(at(enterprise, now.minusDays(3), 4, 0, 0, 1_000_000), user("admin"));
        // 13 months apart: no trigger yet
        assertThat(credit.list(null, DataScope.CITY)).noneMatch(c -> c.enterpriseId() == enterprise);
        var third = service.report(at(enterprise, now.minusDays(1), 0, 0, 12, 200_000), user("admin"));
        var candidates = credit.list("CANDIDATE", DataScope.CITY).stream()
                .filter(c -> c.enterpriseId() == enterprise).toList();
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.trigger()).isEqualTo(CreditCandidates.Trigger.TWO_LARGER);
            assertThat(c.accidentCodes()).contains(third.code());
        });
        // evaluating again raises nothing new
        assertThat(credit.evaluate(enterprise)).isZero();
        long id = candidates.get(0).id();
        assertThatThrownBy(() -> credit.decide(id, true, " ", user("admin"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> credit.decide(id, true, "两起较大事故", user("county")))
                .isInstanceOf(AccessDeniedException.class);
        credit.decide(id, true, "12个月内发生两起较大事故，经审查认定", user("admin"));
        var listed = credit.list("LISTED", DataScope.CITY).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow();
        assertThat(listed.listedUntil()).isEqualTo(LocalDate.now(clock).plusYears(3));
        assertThatThrownBy(() -> credit.decide(id, false, "重复", user("admin")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("credit.decided.already"));
    }

    @Test
    void aRaisedGradeTellsTheCityOfficeAndAConfirmedConcealmentMakesACandidate() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var a = service.report(new AccidentInput(now.minusHours(5), now.minusHours(5), "TIP", null, "MACHINERY", own(), null, null, null,
                null, "冲压车间", "手部卷入", "停机送医", 1, 0, 0, 0, 50_000L, null, null), user("county"));
        assertThat(a.concealmentReview()).isTrue();
        service.supplement(a.id(), new AccidentService.Supplement(3, 0, 0, 0, 50_000L, null), user("county"));
        assertThat(service.unreadNotices(DataScope.CITY))
                .anyMatch(n -> n.accidentId() == a.id() && n.after() == AccidentGrade.LARGER);
        assertThat(service.unreadNotices(new DataScope(DataScope.Kind.REGION,
                a.countyId()))).isEmpty();
        assertThat(Investigations.Authority.of(service.get(a.id(), user("county")).grade()))
                .isEqualTo(Investigations.Authority.CITY);
        // the investigation moved up with the grade: the county no longer records it, the city office does
        assertThatThrownBy(() -> investigations.open(a.id(), "组长：县应急管理局副局长", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.authority.other"));
        investigations.open(a.id(), "组长：市应急管理局副局长；成员：市公安局、市人社局、市总工会", user("admin"));
        assertThatThrownBy(() -> service.reviewConcealment(a.id(), true, " ", user("county"))).isInstanceOf(InvalidInputException.class);
        service.reviewConcealment(a.id(), true, "企业事发5小时未报告，经调查认定瞒报", user("county"));
        assertThat(credit.list("CANDIDATE", DataScope.CITY))
                .anyMatch(c -> c.enterpriseId() == own() && c.trigger() == CreditCandidates.Trigger.CONCEALMENT);
        assertThatThrownBy(() -> service.reviewConcealment(a.id(), false, "再议", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.concealment.decided"));
    }

    @Test
    void theReportTravelsUpLevelByLevelAsFarAsTheGradeRequiresEachWithinTwoHours() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var larger = service.report(at(own(), now.minusMinutes(50), 3, 0, 0, 1_000_000), user("county"));
        assertThat(service.chain(larger)).extracting(AccidentService.HopState::hop)
                .containsExactly(AccidentService.Hop.COUNTY_TO_CITY, AccidentService.Hop.CITY_TO_PROVINCE);
        assertThatThrownBy(() -> service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.hop.out.of.order"));
        assertThatThrownBy(() -> service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("county")))
                .isInstanceOf(AccessDeniedException.class);
        service.passUp(larger.id(), AccidentService.Hop.COUNTY_TO_CITY, user("county"));
        service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin"));
        assertThat(service.chain(larger)).allSatisfy(h -> {
            assertThat(h.doneAt()).isNotNull();
            assertThat(h.late()).isFalse();
        });

        var general = service.report(at(own(), now.minusMinutes(20), 0, 0, 1, 50_000), user("county"));
        assertThatThrownBy(() -> service.passUp(general.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.hop.not.required"));
        // the county got it three hours ago and has not passed it on: late, and recorded late
        jdbc.sql("UPDATE accident SET reported_at = :t WHERE id = :id").param("t", now.minusHours(3)).param("id", general.id()).update();
        var stale = service.get(general.id(), user("county"));
        assertThat(service.chain(stale)).singleElement().satisfies(h -> assertThat(h.late()).isTrue());
        service.passUp(general.id(), AccidentService.Hop.COUNTY_TO_CITY, user("county"));
        assertThat(jdbc.sql("SELECT late FROM accident_hop WHERE accident_id = :a").param("a", general.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theInvestigationIsDueSixtyDaysAfterTheAccidentExtendedOnceAndTheReplyFifteenDaysAfterTheReport() {
        var a = service.report(at(own(), OffsetDateTime.now(clock).minusDays(3), 1, 0, 0, 200_000), user("county"));
        assertThat(Investigations.Authority.of(a.grade())).isEqualTo(Investigations.Authority.COUNTY);
        assertThatThrownBy(() -> investigations.open(a.id(), " ", user("county"))).isInstanceOf(InvalidInputException.class);
        investigations.open(a.id(), "组长：区应急管理局副局长 刘强；成员：公安、人社、总工会", user("county"));
        var i = investigations.of(a.id()).orElseThrow();
        LocalDate accidentDay = CityTime.dayOf(a.occurredAt(), clock);
        assertThat(i.reportDue()).isEqualTo(accidentDay.plusDays(60));
        assertThatThrownBy(() -> investigations.extendReport(a.id(), i.reportDue().plusDays(61), "技术鉴定", user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("to", "investigation.extension.too.long"));
        investigations.extendReport(a.id(), i.reportDue().plusDays(60), "需进行技术鉴定", user("county"));
        assertThatThrownBy(() -> investigations.extendReport(a.id(), i.reportDue().plusDays(70), "再延", user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.extended.already"));
        LocalDate today = LocalDate.now(clock);
        investigations.report(a.id(), "平安事调〔2026〕2号", today, user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyDue()).isEqualTo(today.plusDays(15));
        investigations.extendReply(a.id(), user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyDue()).isEqualTo(today.plusDays(45));
        assertThatThrownBy(() -> investigations.extendReply(a.id(), user("county")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.reply.extended.already"));
        investigations.reply(a.id(), "平政函〔2026〕31号", today, user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyLate(today)).isFalse();
    }
}
