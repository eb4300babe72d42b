package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bulk actions on the register: all or none. A selection partly outside the user's scope is refused
 * as a whole naming only how many; a hazard the rules refuse, or that changed meanwhile, undoes the rest.
 */
@IntegrationTest
class BulkActionTests {

    @Autowired MockMvc mvc;
    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    /** Verified hazards at places in the county account's county (平安区). */
    List<Hazard> verifiedInOwnCounty(int n) {
        List<Hazard> hazards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Hazard h = service.report(HazardReports.atPlace("平安城关街道第" + i + "处井盖缺失", 118.02, 30.02, "ROAD_TRANSPORT")
                    .described("井盖缺失").input(), user("admin"));
            hazards.add(service.verify(h.getId(), h.getVersion(), user("admin")));
        }
        return hazards;
    }

    Hazard verifiedElsewhere() {
        Hazard h = service.report(HazardReports.atPlace("南湖县白沙镇国道路口护栏缺失", 118.43, 30.35, "ROAD_TRANSPORT")
                .described("护栏缺失").input(), user("admin"));
        return service.verify(h.getId(), h.getVersion(), user("admin"));
    }

    static String[] selection(List<Hazard> hazards) {
        return hazards.stream().map(h -> h.getId() + ":" + h.getVersion()).toArray(String[]::new);
    }

    HazardStatus statusOf(Hazard h) {
        return service.get(h.getId(), user("admin")).getStatus();
    }

    MockHttpServletRequestBuilder assign(List<Hazard> hazards, LocalDate deadline) {
        return post("/hazards/bulk/assign").param("selected", selection(hazards)).param("deadline", deadline.toString())
                .param("person", "王强").param("phone", "13800000000").with(csrf());
    }

    @Test
    void assigningTheChosenHazardsChangesEveryOneAndReturnsToTheListAsItWas() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(3);
        LocalDate due = LocalDate.now(clock).plusDays(15);
        var r = mvc.perform(assign(chosen, due).param("back", "status=VERIFIED&sort=deadline&page=2&evil=http://x.example")
                .with(as(accounts, "county"))).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/hazards?status=VERIFIED&sort=deadline&page=2");
        assertThat((String) r.getFlashMap().get("bulkNotice")).isEqualTo("已交办 3 条隐患");
        for (Hazard h : chosen) {
            Hazard now = service.get(h.getId(), user("admin"));
            assertThat(now.getStatus()).isEqualTo(HazardStatus.ASSIGNED);
            assertThat(now.getDeadline()).isEqualTo(due);
            assertThat(now.getResponsiblePerson()).isEqualTo("王强");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ASSIGN' AND entity_type = 'hazard' AND entity_id IN (:ids)")
                .param("ids", chosen.stream().map(h -> String.valueOf(h.getId())).toList()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aSelectionPartlyOutsideTheScopeIsRefusedAsAWholeNamingOnlyHowMany() throws Exception {
        List<Hazard> chosen = new ArrayList<>(verifiedInOwnCounty(2));
        Hazard outside = verifiedElsewhere();
        chosen.add(outside);
        var r = mvc.perform(assign(chosen, LocalDate.now(clock).plusDays(15)).with(as(accounts, "county"))).andReturn();
        String error = (String) r.getFlashMap().get("bulkError");
        assertThat(error).isEqualTo("所选 3 条隐患中有 1 条不在您的职责范围内，全部未办理").doesNotContain(outside.getCode());
        assertThat(chosen).allSatisfy(h -> assertThat(statusOf(h)).isEqualTo(HazardStatus.VERIFIED));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SCOPE_DENIED' AND summary LIKE 'bulk ASSIGN: 1 of 3%'")
                .query(Long.class).single()).isPositive();
        // a hazard that does not exist counts as outside, and reveals nothing either
        var ghost = mvc.perform(post("/hazards/bulk/assign").param("selected", selection(chosen.subList(0, 1))[0], "999999999:0")
                .param("deadline", LocalDate.now(clock).plusDays(3).toString()).with(csrf()).with(as(accounts, "county"))).andReturn();
        assertThat((String) ghost.getFlashMap().get("bulkError")).contains("有 1 条不在");
        assertThat(statusOf(chosen.get(0))).isEqualTo(HazardStatus.VERIFIED);
    }

    @Test
    void oneHazardTheRulesRefuseUndoesTheOthersAndIsNamedByItsCode() throws Exception {
        List<Hazard> chosen = new ArrayList<>(verifiedInOwnCounty(2));
        Hazard unverified = service.report(HazardReports.atPlace("平安城关街道未核实线索", 118.02, 30.02, "ROAD_TRANSPORT")
                .described("路灯倒伏").input(), user("admin"));
        chosen.add(unverified);
        var r = mvc.perform(assign(chosen, LocalDate.now(clock).plusDays(15)).with(as(accounts, "county"))).andReturn();
        assertThat((String) r.getFlashMap().get("bulkError")).startsWith("隐患 " + unverified.getCode() + " 不能办理：")
                .endsWith("所选隐患均未更改");
        assertThat(statusOf(chosen.get(0))).isEqualTo(HazardStatus.VERIFIED);
        assertThat(statusOf(chosen.get(1))).isEqualTo(HazardStatus.VERIFIED);
        assertThat(statusOf(unverified)).isEqualTo(HazardStatus.REPORTED);
    }

    @Test
    void aHazardChangedSinceTheListWasReadUndoesTheOthers() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(2);
        Hazard second = chosen.get(1);
        service.reroute(second.getId(), second.getVersion(), second.getDepartmentId(), second.getCountyId(), "核对辖区", user("admin"));
        var r = mvc.perform(assign(chosen, LocalDate.now(clock).plusDays(15)).with(as(accounts, "county"))).andReturn();
        assertThat((String) r.getFlashMap().get("bulkError")).contains(second.getCode()).contains("已被他人办理");
        assertThat(chosen).allSatisfy(h -> assertThat(statusOf(h)).isEqualTo(HazardStatus.VERIFIED));
    }

    @Test
    void badInputIsRefusedInWordsAndChangesNothing() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(1);
        LocalDate today = LocalDate.now(clock);
        String[][] cases = {
                {"", today.plusDays(5).toString(), "请先勾选要办理的隐患"},
                {"abc", today.plusDays(5).toString(), "所选隐患无法识别"},
                {selection(chosen)[0], "", "请填写整改期限"},
                {selection(chosen)[0], today.minusDays(1).toString(), "期限不能早于今天"},
        };
        for (String[] c : cases) {
            var req = post("/hazards/bulk/assign").param("deadline", c[1]).with(csrf()).with(as(accounts, "county"));
            if (!c[0].isEmpty()) {
                req.param("selected", c[0]);
            }
            var r = mvc.perform(req).andReturn();
            assertThat((String) r.getFlashMap().get("bulkError")).as(String.join("|", c)).contains(c[2]);
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= HazardService.MAX_SELECTED; i++) {
            tooMany.add((i + 1) + ":0");
        }
        var r = mvc.perform(post("/hazards/bulk/assign").param("selected", tooMany.toArray(String[]::new))
                .param("deadline", today.plusDays(5).toString()).with(csrf()).with(as(accounts, "county"))).andReturn();
        assertThat((String) r.getFlashMap().get("bulkError")).contains("一次最多办理 200 条");
        assertThat(statusOf(chosen.get(0))).isEqualTo(HazardStatus.VERIFIED);
    }

    @Test
    void aRoleThatMayNotAssignIsRefusedBeforeItsInputIsRead() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(1);
        int status = mvc.perform(post("/hazards/bulk/assign").param("selected", "garbage").with(csrf()).with(as(accounts, "leader")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(mvc.perform(assign(chosen, LocalDate.now(clock).plusDays(5)).with(as(accounts, "enterprise")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(statusOf(chosen.get(0))).isEqualTo(HazardStatus.VERIFIED);
    }

    @Test
    void reroutingTheChosenHazardsMovesThemAllWithTheReason() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(2);
        long emergencyBureau = accounts.findByUsername("dept").orElseThrow().departmentId();
        long county = chosen.get(0).getCountyId();
        var noReason = mvc.perform(post("/hazards/bulk/reroute").param("selected", selection(chosen))
                .param("departmentId", String.valueOf(emergencyBureau)).param("countyId", String.valueOf(county))
                .with(csrf()).with(as(accounts, "admin"))).andReturn();
        assertThat((String) noReason.getFlashMap().get("bulkError")).isNotBlank();
        var r = mvc.perform(post("/hazards/bulk/reroute").param("selected", selection(chosen))
                .param("departmentId", String.valueOf(emergencyBureau)).param("countyId", String.valueOf(county))
                .param("reason", "涉及危化品运输，由应急管理部门牵头").with(csrf()).with(as(accounts, "admin"))).andReturn();
        assertThat((String) r.getFlashMap().get("bulkNotice")).isEqualTo("已改派 2 条隐患");
        assertThat(chosen).allSatisfy(h -> {
            Hazard now = service.get(h.getId(), user("admin"));
            assertThat(now.getDepartmentId()).isEqualTo(emergencyBureau);
            assertThat(now.getRoutingOverride()).isEqualTo("涉及危化品运输，由应急管理部门牵头");
        });
    }

    @Test
    void theChosenHazardsExportAsTheLedgerAndAPartlyForeignSelectionIsRefused() throws Exception {
        List<Hazard> chosen = verifiedInOwnCounty(2);
        MockHttpServletResponse r = mvc.perform(get("/hazards/ledger.xlsx").param("selected", selection(chosen))
                .with(as(accounts, "county"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Content-Disposition")).contains(URLEncoder.encode("所选隐患清单-2条", StandardCharsets.UTF_8));
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            List<String> codes = new ArrayList<>();
            for (int i = 4; i <= sheet.getLastRowNum(); i++) {
                var cell = sheet.getRow(i) == null ? null : sheet.getRow(i).getCell(1);
                if (cell != null && !cell.getStringCellValue().isEmpty()) {
                    codes.add(cell.getStringCellValue());
                }
            }
            assertThat(codes).containsExactlyInAnyOrder(chosen.get(0).getCode(), chosen.get(1).getCode());
        }
        List<Hazard> mixed = new ArrayList<>(chosen);
        mixed.add(verifiedElsewhere());
        var refused = mvc.perform(get("/hazards/ledger.xlsx").param("selected", selection(mixed)).with(as(accounts, "county")))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("有 1 条不在您的职责范围内");
    }

    @Test
    void theRegisterOffersTheBulkActionsTheRoleMayTakeAndAChoiceBoxPerRow() throws Exception {
        String county = mvc.perform(get("/hazards").with(as(accounts, "county"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(county).contains("data-test=\"bulk-assign\"").contains("data-test=\"bulk-reroute\"").contains("data-test=\"select-row\"");
        String leader = mvc.perform(get("/hazards").with(as(accounts, "leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(leader).contains("data-test=\"bulk-export\"").doesNotContain("data-test=\"bulk-assign\"")
                .doesNotContain("data-test=\"bulk-reroute\"");
    }
}
