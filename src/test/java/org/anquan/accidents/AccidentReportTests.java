package org.anquan.accidents;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.anquan.IntegrationTest;
import org.anquan.accidents.domain.AccidentGrade;
import org.anquan.accidents.domain.AccidentInput;
import org.anquan.accidents.domain.AccidentService;
import org.anquan.accidents.domain.Investigations;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The accident report: six items, a computed grade, the first hop of the clock, scope and bad input (issue 11, items 1–3 in part). */
@IntegrationTest
class AccidentReportTests {

    @Autowired MockMvc mvc;
    @Autowired AccidentService service;
    @Autowired org.anquan.accidents.domain.Investigations investigations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

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
                        .param("occurredAt", java.time.LocalDateTime.now(clock).minusMinutes(40).withNano(0).toString())
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
                .isInstanceOfSatisfying(org.anquan.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.supplement.closed"));
        var plant = service.report(at(own(), now.minusDays(8), 0, 0, 2, 100_000), user("admin"));
        assertThat(service.supplement(plant.id(), new AccidentService.Supplement(1, 0, 1, 0, 100_000L, null), user("admin")).deaths())
                .isEqualTo(1);
    }

    @Test
    void anAccidentClosesOnlyWhenAllFourNotsAreMetAndARefusalNamesTheMissingOnes() throws Exception {
        var a = service.report(at(own(), OffsetDateTime.now(clock).minusDays(2), 1, 0, 0, 300_000), user("county"));
        service.recordGate(a.id(), AccidentService.Gate.CAUSE, "未检测进入受限空间", "平安应急调〔2026〕4号调查报告", user("county"));
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.HANDLED, "罚款并约谈", " ", user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("evidence", "accident.gate.evidence.required"));
        assertThatThrownBy(() -> service.recordGate(a.id(), AccidentService.Gate.HANDLED, "罚款", "决定书", user("dept")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var refused = mvc.perform(post("/accidents/" + a.id() + "/close").with(as(accounts, "county")).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("accident.gates.missing");
        assertThat((Object[]) refused.getFlashMap().get("errorArgs")).containsExactly("责任人员已处理、整改措施已落实、有关人员已受到教育");
        service.recordGate(a.id(), AccidentService.Gate.HANDLED, "对企业罚款，约谈主要负责人", "平安应急罚〔2026〕12号", user("county"));
        service.recordGate(a.id(), AccidentService.Gate.MEASURES, "受限空间作业审批和气体检测落实", "整改验收记录", user("county"));
        service.recordGate(a.id(), AccidentService.Gate.EDUCATED, "全员警示教育", "培训签到表", user("county"));
        service.close(a.id(), user("county"));
        assertThat(service.get(a.id(), user("county")).status()).isEqualTo("CLOSED");
    }

    @Test
    void theReportTravelsUpLevelByLevelAsFarAsTheGradeRequiresEachWithinTwoHours() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var larger = service.report(at(own(), now.minusMinutes(50), 3, 0, 0, 1_000_000), user("county"));
        assertThat(service.chain(larger)).extracting(AccidentService.HopState::hop)
                .containsExactly(AccidentService.Hop.COUNTY_TO_CITY, AccidentService.Hop.CITY_TO_PROVINCE);
        assertThatThrownBy(() -> service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin")))
                .isInstanceOfSatisfying(org.anquan.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accident.hop.out.of.order"));
        assertThatThrownBy(() -> service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("county")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        service.passUp(larger.id(), AccidentService.Hop.COUNTY_TO_CITY, user("county"));
        service.passUp(larger.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin"));
        assertThat(service.chain(larger)).allSatisfy(h -> {
            assertThat(h.doneAt()).isNotNull();
            assertThat(h.late()).isFalse();
        });

        var general = service.report(at(own(), now.minusMinutes(20), 0, 0, 1, 50_000), user("county"));
        assertThatThrownBy(() -> service.passUp(general.id(), AccidentService.Hop.CITY_TO_PROVINCE, user("admin")))
                .isInstanceOfSatisfying(org.anquan.shared.BusinessException.class,
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
        java.time.LocalDate accidentDay = org.anquan.shared.CityTime.dayOf(a.occurredAt(), clock);
        assertThat(i.reportDue()).isEqualTo(accidentDay.plusDays(60));
        assertThatThrownBy(() -> investigations.extendReport(a.id(), i.reportDue().plusDays(61), "技术鉴定", user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("to", "investigation.extension.too.long"));
        investigations.extendReport(a.id(), i.reportDue().plusDays(60), "需进行技术鉴定", user("county"));
        assertThatThrownBy(() -> investigations.extendReport(a.id(), i.reportDue().plusDays(70), "再延", user("county")))
                .isInstanceOfSatisfying(org.anquan.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.extended.already"));
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        investigations.report(a.id(), "平安事调〔2026〕2号", today, user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyDue()).isEqualTo(today.plusDays(15));
        investigations.extendReply(a.id(), user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyDue()).isEqualTo(today.plusDays(45));
        assertThatThrownBy(() -> investigations.extendReply(a.id(), user("county")))
                .isInstanceOfSatisfying(org.anquan.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("investigation.reply.extended.already"));
        investigations.reply(a.id(), "平政函〔2026〕31号", today, user("county"));
        assertThat(investigations.of(a.id()).orElseThrow().replyLate(today)).isFalse();
    }
}
