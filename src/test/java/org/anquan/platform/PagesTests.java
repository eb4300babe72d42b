package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class PagesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    long firstEnterprise() {
        return jdbc.sql("SELECT MIN(id) FROM enterprise").query(Long.class).single();
    }

    String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/enterprises", "/enterprises?industry=COAL_MINE&status=MINE_CLOSED", "/enterprises/new",
            "/enterprises/import", "/regions", "/departments", "/departments/matrix", "/admin/accounts",
            "/admin/accounts/new", "/admin/audit", "/admin/tokens", "/account/password", "/accidents", "/accidents?grade=LARGER",
            "/accidents/new", "/statistics/accidents", "/statistics/accidents?groupBy=INDUSTRY", "/statistics/accidents?groupBy=TOWNSHIP",
            "/statistics/accidents?groupBy=GRADE", "/accidents/accountability", "/accidents/credit", "/accidents/credit?status=CANDIDATE", "/citizen", "/citizen?status=all&kind=tip", "/admin/open311", "/fire", "/alerts", "/alerts/new", "/duty", "/duty/spot-checks", "/duty/events", "/resources", "/resources?kind=FOREST_FIRE&lat=30.02&lon=118.02", "/hazards/standards", "/hazards/measures", "/hazards/quarterly",
            "/traffic", "/traffic/stations", "/traffic/cases", "/traffic/cases?status=OVERDUE", "/traffic/cases?status=CLOSED&plate=皖A7K321",
            "/traffic/credit", "/traffic/sources", "/traffic/roads", "/traffic/seizures", "/traffic/passenger", "/traffic/water"})
    void everyPageRendersForTheAdministratorInChinese(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(r)).contains("<html").contains("安全生产监管平台");
        assertThat(duplicateIds(body(r))).as("ids used twice on " + path).isEmpty();
    }

    /** The ids that stand on more than one element: a label would point at the wrong input, a fragment was inserted twice. */
    static List<String> duplicateIds(String html) {
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            seen.merge(m.group(1), 1, Integer::sum);
        }
        return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void theDetailPagesRender() throws Exception {
        long e = firstEnterprise();
        long region = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'TOWNSHIP'").query(Long.class).single();
        long closedAccident = jdbc.sql("SELECT MIN(id) FROM accident WHERE status = 'CLOSED'").query(Long.class).single();
        long reviewedAccident = jdbc.sql("SELECT MAX(id) FROM accident WHERE concealment_review = TRUE").query(Long.class).single();
        for (String path : new String[] {"/enterprises/" + e, "/enterprises/" + e + "/edit", "/regions/" + region, "/admin/accounts/1",
                "/accidents/" + closedAccident, "/accidents/" + reviewedAccident}) {
            MvcResult r = mvc.perform(get(path).with(as(accounts, "admin"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        }
        // a citizen report in each status the demo holds, for its handler and for the public
        var reports = jdbc.sql("SELECT MIN(id), MIN(tracking_code) FROM citizen_report GROUP BY status")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(reports).hasSizeGreaterThanOrEqualTo(5);
        for (String[] report : reports) {
            assertThat(mvc.perform(get("/citizen/" + report[0]).with(as(accounts, "admin"))).andReturn().getResponse().getStatus())
                    .as("/citizen/" + report[0]).isEqualTo(200);
        }
        long alert = jdbc.sql("SELECT MIN(id) FROM alert WHERE status = 'PUBLISHED'").query(Long.class).single();
        String station = jdbc.sql("SELECT MIN(code) FROM fire_station").query(String.class).single();
        long roster = jdbc.sql("SELECT MIN(id) FROM duty_roster").query(Long.class).single();
        long check = jdbc.sql("SELECT MIN(id) FROM duty_spot_check").query(Long.class).single();
        long event = jdbc.sql("SELECT MIN(id) FROM duty_event").query(Long.class).single();
        for (String path : new String[] {"/alerts/" + alert, "/fire/stations/" + station, "/duty/rosters/" + roster, "/duty/spot-checks/" + check,
                "/duty/rosters/" + roster + ".docx", "/duty/events/" + event}) {
            assertThat(mvc.perform(get(path).with(as(accounts, "admin"))).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
        // a closed, an overdue and an untouched 一超四究 case, the reading behind one, a station and a notice
        long closedCase = jdbc.sql("SELECT MIN(id) FROM traffic_case WHERE status = 'CLOSED'").query(Long.class).single();
        long overdueCase = jdbc.sql("SELECT MIN(case_id) FROM traffic_case_party WHERE ladder_level > 0").query(Long.class).single();
        long freshCase = jdbc.sql("SELECT MAX(id) FROM traffic_case WHERE status = 'OPEN'").query(Long.class).single();
        var reading = jdbc.sql("SELECT reading_id, measured_at FROM traffic_case WHERE id = :id").param("id", closedCase)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)}).single();
        assertThat(mvc.perform(get("/traffic/readings/" + reading[0]).param("at", reading[1].toString()).with(as(accounts, "admin"))).andReturn()
                .getResponse().getContentAsString()).contains("data-test=\"judgment-steps\"");
        long trafficStation = jdbc.sql("SELECT MIN(id) FROM traffic_station").query(Long.class).single();
        for (String path : new String[] {"/traffic/cases/" + closedCase, "/traffic/cases/" + overdueCase, "/traffic/cases/" + freshCase,
                "/traffic/stations/" + trafficStation, "/traffic/cases/" + closedCase + "/notices/SOURCE.docx"}) {
            assertThat(mvc.perform(get(path).with(as(accounts, "admin"))).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
        for (String path : new String[] {"/public/alerts", "/public/alerts/" + alert, "/public/alerts/" + alert + ".xml", "/public/alerts.atom",
                "/report", "/report/track", "/reports", "/public/traffic/penalties", "/reports?status=closed&category=FIRE_DANGER", "/report?lang=en"}) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theEnglishSwitchRendersEnglish() throws Exception {
        MvcResult r = mvc.perform(get("/enterprises").param("lang", "en").with(as(accounts, "admin"))).andReturn();
        assertThat(body(r)).contains("Work Safety Supervision Platform").contains("Enterprises").doesNotContain("企业名录");
    }

    @Test
    void anHtmxRequestGetsOnlyTheTable() throws Exception {
        MvcResult r = mvc.perform(get("/enterprises").param("industry", "HAZ_CHEM").header("HX-Request", "true")
                .with(as(accounts, "admin"))).andReturn();
        String html = body(r);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).doesNotContain("<html").doesNotContain("sidebar").contains("data-test=\"enterprise-row\"");
        assertThat(html).contains("化工有限公司").doesNotContain("煤矿</a>");
    }

    @Test
    void aReadOnlyRoleCannotOpenTheCreateForm() throws Exception {
        assertThat(mvc.perform(get("/enterprises/new").with(as(accounts, "leader"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void aCountyOfficerCannotOpenAdministration() throws Exception {
        assertThat(mvc.perform(get("/admin/accounts").with(as(accounts, "county"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theForbiddenPageIsFriendlyAndInTheUsersLanguage() throws Exception {
        MvcResult r = mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 403)
                .accept(MediaType.TEXT_HTML).with(as(accounts, "county"))).andReturn();
        assertThat(body(r)).contains("无权访问").doesNotContain("Exception");
    }

    @Test
    void anUnknownPageIsAFriendly404() throws Exception {
        MvcResult r = mvc.perform(get("/enterprises/999999999").with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(r)).contains("未找到");
    }

    @Test
    void everyScriptAndStyleSheetATemplateLoadsIsServed() throws Exception {
        Pattern asset = Pattern.compile("@\\{(/(?:webjars|js|css)/[^}]+)}");
        Set<String> paths = new TreeSet<>();
        try (var files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                var m = asset.matcher(Files.readString(f));
                while (m.find()) {
                    paths.add(m.group(1));
                }
            }
        }
        assertThat(paths).contains("/webjars/echarts/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js");
        for (String path : paths) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        MvcResult r = mvc.perform(get("/login")).andReturn();
        assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        MvcResult r = mvc.perform(post("/admin/matrix").param("industry", "GAS").param("lead", "1")
                .with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        MvcResult ok = mvc.perform(post("/account/password").with(as(accounts, "admin")).with(csrf())
                .param("oldPassword", "wrong").param("newPassword", "x").param("confirmPassword", "y")).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(422);
    }
}
