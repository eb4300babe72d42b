package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anquan.IntegrationTest;
import org.anquan.WebTestSupport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route of the application with every role and with no login, against a table of who
 * may use what. A route missing from the table fails the test, so new routes must be placed in it.
 */
@IntegrationTest
class PermissionMatrixTests {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN = EnumSet.of(Role.CITY_ADMIN);
    static final Set<Role> EDITORS = EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.DEPT_OFFICER);
    /** Who may report hazards: everyone but the read-only roles (the duty officer records calls). */
    static final Set<Role> REPORTERS = EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.DEPT_OFFICER,
            Role.ENTERPRISE_USER, Role.DUTY_OFFICER);
    static final Set<Role> FIRE_DATA = EnumSet.of(Role.CITY_ADMIN, Role.DUTY_OFFICER);
    static final Set<Role> ALERT_AUTHORS = EnumSet.of(Role.CITY_ADMIN, Role.DUTY_OFFICER);
    /** The city office and its duty officers: fire weather and spot checks. */
    static final Set<Role> CITY_DUTY_OFFICE = EnumSet.of(Role.CITY_ADMIN, Role.DUTY_OFFICER);
    static final Set<Role> RESOURCE_EDITORS = EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER);
    static final Set<Role> DUTY_MANAGERS = EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.DEPT_OFFICER, Role.DUTY_OFFICER);
    static final Set<Role> OFFICERS = EnumSet.of(Role.COUNTY_OFFICER, Role.DEPT_OFFICER);
    /** Who may act on a hazard at all; which actions is checked per action. */
    static final Set<Role> ACTORS = EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.DEPT_OFFICER, Role.ENTERPRISE_USER);

    /** "METHOD pattern" → roles that may use it. */
    static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /", ALL);
        MATRIX.put("GET /enterprises", ALL);
        MATRIX.put("GET /enterprises/{id}", ALL);
        MATRIX.put("GET /enterprises/export", ALL);
        MATRIX.put("GET /enterprises/new", EDITORS);
        MATRIX.put("POST /enterprises", EDITORS);
        MATRIX.put("GET /enterprises/{id}/edit", EDITORS);
        MATRIX.put("POST /enterprises/{id}", EDITORS);
        MATRIX.put("GET /enterprises/import", EDITORS);
        MATRIX.put("POST /enterprises/import", EDITORS);
        MATRIX.put("GET /enterprises/import/template", ALL);
        MATRIX.put("GET /regions", ALL);
        MATRIX.put("GET /regions/{id}", ALL);
        MATRIX.put("POST /admin/regions/{id}/heads", ADMIN);
        MATRIX.put("GET /departments", ALL);
        MATRIX.put("GET /departments/matrix", ALL);
        MATRIX.put("POST /admin/matrix", ADMIN);
        MATRIX.put("GET /admin/accounts", ADMIN);
        MATRIX.put("GET /admin/accounts/new", ADMIN);
        MATRIX.put("POST /admin/accounts", ADMIN);
        MATRIX.put("GET /admin/accounts/{id}", ADMIN);
        MATRIX.put("POST /admin/accounts/{id}", ADMIN);
        MATRIX.put("POST /admin/accounts/{id}/password", ADMIN);
        MATRIX.put("GET /admin/audit", ADMIN);
        MATRIX.put("POST /admin/audit/verify", ADMIN);
        MATRIX.put("POST /admin/audit/checkpoint", ADMIN);
        MATRIX.put("GET /admin/audit/checkpoint.json", ADMIN);
        MATRIX.put("POST /admin/audit/checkpoint/verify", ADMIN);
        MATRIX.put("GET /admin/tokens", ADMIN);
        MATRIX.put("POST /admin/tokens", ADMIN);
        MATRIX.put("POST /admin/tokens/{id}/revoke", ADMIN);
        MATRIX.put("GET /admin/open311", ADMIN);
        MATRIX.put("POST /admin/open311", ADMIN);
        MATRIX.put("POST /admin/open311/{id}/revoke", ADMIN);
        MATRIX.put("GET /citizen", ALL);
        MATRIX.put("GET /citizen/{id}", ALL);
        MATRIX.put("GET /citizen/photos/{photoId}", ALL);
        MATRIX.put("POST /citizen/{id}/contact", EDITORS);
        for (String step : List.of("accept", "reject", "merge", "hazard", "clue", "close", "reply")) {
            MATRIX.put("POST /citizen/{id}/" + step, EDITORS);
        }
        for (String step : List.of("reward", "reward/approve", "reward/pay")) {
            MATRIX.put("POST /citizen/{id}/" + step, ADMIN);
        }
        MATRIX.put("GET /fire", ALL);
        MATRIX.put("GET /fire/stations/{code}", ALL);
        MATRIX.put("POST /fire/stations", FIRE_DATA);
        MATRIX.put("POST /fire/observations", FIRE_DATA);
        MATRIX.put("POST /fire/seasons", FIRE_DATA);
        MATRIX.put("POST /fire/contacts", FIRE_DATA);
        MATRIX.put("POST /fire/warnings/{id}/contacts/{contactId}/acknowledge", OFFICERS);
        MATRIX.put("POST /fire/warnings/{id}/acknowledge", OFFICERS);
        MATRIX.put("POST /api/v1/fire/stations", FIRE_DATA);
        MATRIX.put("POST /api/v1/fire/observations", FIRE_DATA);
        MATRIX.put("GET /api/v1/fire/indices", ALL);
        MATRIX.put("POST /api/v1/traffic/stations", ADMIN);
        MATRIX.put("GET /api/v1/traffic/cases", ALL);
        MATRIX.put("GET /api/v1/traffic/cases/{id}", ALL);
        MATRIX.put("GET /traffic", ALL);
        MATRIX.put("GET /traffic/stations", ALL);
        MATRIX.put("GET /traffic/stations/{id}", ALL);
        MATRIX.put("POST /traffic/stations", ADMIN);
        MATRIX.put("POST /traffic/stations/{id}/token", ADMIN);
        MATRIX.put("POST /traffic/readings/upload", ADMIN);
        MATRIX.put("POST /traffic/exemptions", ADMIN);
        MATRIX.put("GET /traffic/readings/{id}", ALL);
        MATRIX.put("GET /traffic/cases", ALL);
        MATRIX.put("GET /traffic/cases/{id}", ALL);
        MATRIX.put("POST /traffic/cases/{id}/parties/{party}/identify", EDITORS);
        MATRIX.put("POST /traffic/cases/{id}/parties/{party}/notify", EDITORS);
        MATRIX.put("POST /traffic/cases/{id}/parties/{party}/answer", EDITORS);
        MATRIX.put("GET /traffic/cases/{id}/notices/{party}.docx", ALL);
        MATRIX.put("GET /traffic/credit", ALL);
        MATRIX.put("GET /traffic/sources", ALL);
        MATRIX.put("POST /traffic/sources", EDITORS);
        MATRIX.put("POST /traffic/sources/{id}/hazard", EDITORS);
        MATRIX.put("GET /traffic/roads", ALL);
        MATRIX.put("POST /traffic/roads/segments", EDITORS);
        MATRIX.put("POST /traffic/roads/tunnels", EDITORS);
        MATRIX.put("POST /traffic/roads/{what:segment|tunnel}/{id}/hazard", EDITORS);
        MATRIX.put("GET /traffic/seizures", ALL);
        MATRIX.put("POST /traffic/seizures", EDITORS);
        MATRIX.put("POST /traffic/seizures/{id}/disposition", EDITORS);
        MATRIX.put("GET /traffic/seizures/{id}/proof", ALL);
        MATRIX.put("POST /traffic/seizures/sources/{id}/hazard", EDITORS);
        MATRIX.put("GET /traffic/passenger", ALL);
        MATRIX.put("POST /traffic/passenger/operators", EDITORS);
        MATRIX.put("POST /traffic/passenger/vehicles", EDITORS);
        MATRIX.put("POST /traffic/passenger/drivers", EDITORS);
        MATRIX.put("POST /traffic/passenger/violations", EDITORS);
        MATRIX.put("GET /traffic/water", ALL);
        MATRIX.put("POST /traffic/water/piers", EDITORS);
        MATRIX.put("POST /traffic/water/vessels", EDITORS);
        MATRIX.put("POST /traffic/water/{type:vessel|pier}/{id}/inspections", EDITORS);
        MATRIX.put("GET /alerts", ALL);
        MATRIX.put("GET /alerts/new", ALERT_AUTHORS);
        MATRIX.put("POST /alerts", ALERT_AUTHORS);
        MATRIX.put("GET /alerts/{id}", ALL);
        MATRIX.put("POST /alerts/{id}/submit", ALERT_AUTHORS);
        MATRIX.put("POST /alerts/{id}/withdraw", ALERT_AUTHORS);
        MATRIX.put("POST /alerts/{id}/cancel", ALERT_AUTHORS);
        MATRIX.put("POST /alerts/{id}/approve", ADMIN);
        MATRIX.put("GET /duty", ALL);
        MATRIX.put("POST /duty/rosters", DUTY_MANAGERS);
        MATRIX.put("GET /duty/rosters/{id}", ALL);
        MATRIX.put("GET /duty/rosters/{id}.docx", ALL);
        MATRIX.put("POST /duty/rosters/{id}/publish", DUTY_MANAGERS);
        MATRIX.put("POST /duty/rosters/{id}/shifts", DUTY_MANAGERS);
        MATRIX.put("POST /duty/shifts/{id}/checkin", DUTY_MANAGERS);
        MATRIX.put("POST /duty/shifts/{id}/handover", DUTY_MANAGERS);
        MATRIX.put("POST /duty/shifts/{id}/swap", DUTY_MANAGERS);
        MATRIX.put("POST /duty/swaps/{id}/{decision:approve|refuse}", DUTY_MANAGERS);
        MATRIX.put("POST /duty/zero-report", DUTY_MANAGERS);
        MATRIX.put("GET /duty/spot-checks", ALL);
        MATRIX.put("POST /duty/spot-checks", CITY_DUTY_OFFICE);
        MATRIX.put("GET /duty/spot-checks/{id:\\d+}", ALL);
        MATRIX.put("POST /duty/spot-checks/{id:\\d+}/calls/{rosterId}", CITY_DUTY_OFFICE);
        MATRIX.put("GET /duty/spot-checks/notice.docx", ALL);
        MATRIX.put("GET /api/v1/duty/rosters", ALL);
        MATRIX.put("GET /duty/events", ALL);
        MATRIX.put("POST /duty/events", DUTY_MANAGERS);
        MATRIX.put("GET /duty/events/{id}", ALL);
        MATRIX.put("POST /duty/events/{id}/reports", DUTY_MANAGERS);
        MATRIX.put("POST /duty/events/{id}/accident", DUTY_MANAGERS);
        MATRIX.put("GET /resources", ALL);
        MATRIX.put("POST /resources/teams", RESOURCE_EDITORS);
        MATRIX.put("POST /resources/teams/{id}/readiness", RESOURCE_EDITORS);
        MATRIX.put("POST /resources/teams/{id}/drills", RESOURCE_EDITORS);
        MATRIX.put("POST /resources/warehouses", RESOURCE_EDITORS);
        MATRIX.put("POST /resources/supplies", RESOURCE_EDITORS);
        MATRIX.put("GET /api/v1/resources/nearest", ALL);
        MATRIX.put("GET /account/password", ALL);
        MATRIX.put("GET /upload-too-large", ALL);
        MATRIX.put("GET /pickers/enterprises", ALL);
        MATRIX.put("GET /pickers/hazards", ALL);
        MATRIX.put("POST /account/password", ALL);
        MATRIX.put("GET /api/v1/me", ALL);
        MATRIX.put("GET /api/v1/regions", ALL);
        MATRIX.put("GET /api/v1/industries", ALL);
        MATRIX.put("GET /api/v1/departments", ALL);
        MATRIX.put("GET /api/v1/responsibility/{industry}", ALL);
        MATRIX.put("GET /api/v1/enterprises", ALL);
        MATRIX.put("GET /api/v1/enterprises/{id}", ALL);
        MATRIX.put("POST /api/v1/enterprises", EDITORS);
        MATRIX.put("PUT /api/v1/enterprises/{id}", EDITORS);
        MATRIX.put("GET /actuator/prometheus", ADMIN);
        MATRIX.put("GET /hazards", ALL);
        MATRIX.put("GET /hazards/new", REPORTERS);
        MATRIX.put("POST /hazards", REPORTERS);
        MATRIX.put("GET /hazards/{id}", ALL);
        MATRIX.put("POST /hazards/{id}/{action:verify|reject|assign|reroute|regrade|order|extend|grant|deny|stop|resume|review|workers|selfclose|plan|start|submit|accept|fail}", ACTORS);
        MATRIX.put("POST /hazards/{id}/evidence", ACTORS);
        MATRIX.put("POST /hazards/bulk/{action:assign|reroute}", EDITORS);
        MATRIX.put("POST /hazards/columns", ALL);
        MATRIX.put("POST /enterprises/columns", ALL);
        MATRIX.put("GET /hazards/map", ALL);
        MATRIX.put("GET /jobs", ALL);
        MATRIX.put("GET /jobs/{id}", ALL);
        MATRIX.put("GET /jobs/{id}/file", ALL);
        MATRIX.put("GET /hazards/map/points", ALL);
        MATRIX.put("GET /hazards/{id}/evidence/{evidenceId}", ALL);
        MATRIX.put("GET /api/v1/hazards", ALL);
        MATRIX.put("GET /api/v1/hazards/{id}", ALL);
        MATRIX.put("POST /api/v1/hazards", REPORTERS);
        MATRIX.put("POST /api/v1/hazards/{id}/actions/{action:verify|reject|assign|reroute|regrade|order|extend|grant|deny|stop|resume|review|workers|selfclose|plan|start|submit|accept|fail}", ACTORS);
        MATRIX.put("GET /supervision", ALL);
        MATRIX.put("GET /supervision/hazards/{id}", ALL);
        MATRIX.put("GET /supervision/hazards/{id}/listing", ALL);
        MATRIX.put("POST /supervision/hazards/{id}/list", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /supervision/listings/{id}/delist", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("GET /supervision/listings/{id}/notice.docx", ALL);
        MATRIX.put("POST /supervision/steps/{id}/answer", EDITORS);
        MATRIX.put("POST /admin/supervision/sweep", ADMIN);
        MATRIX.put("POST /admin/supervision/steps/{id}/outcome", ADMIN);
        MATRIX.put("GET /inbox", ALL);
        MATRIX.put("POST /inbox/{messageId}/read", EnumSet.of(Role.COUNTY_OFFICER, Role.DEPT_OFFICER));
        MATRIX.put("POST /inbox/read-all", EnumSet.of(Role.COUNTY_OFFICER, Role.DEPT_OFFICER));
        MATRIX.put("GET /api/v1/supervision/steps", ALL);
        MATRIX.put("GET /hazards/rankings", ALL);
        MATRIX.put("GET /hazards/ledger.xlsx", ALL);
        MATRIX.put("GET /hazards/measures", ALL);
        MATRIX.put("POST /hazards/measures", EDITORS);
        MATRIX.put("POST /hazards/measures/{id}", EDITORS);
        MATRIX.put("POST /hazards/measures/{id}/complete", EDITORS);
        MATRIX.put("POST /hazards/measures/{id}/retire", EDITORS);
        MATRIX.put("GET /hazards/measures.xlsx", ALL);
        MATRIX.put("GET /api/v1/hazards/measures", ALL);
        MATRIX.put("GET /hazards/quarterly", ALL);
        MATRIX.put("GET /hazards/quarterly/missing.xlsx", ALL);
        MATRIX.put("GET /hazards/standards", ALL);
        MATRIX.put("GET /hazards/standards/template.xlsx", ALL);
        MATRIX.put("POST /hazards/standards/situations", ADMIN);
        MATRIX.put("POST /hazards/standards/situations/{code}", ADMIN);
        MATRIX.put("POST /hazards/standards/situations/{code}/{change:retire|restore}", ADMIN);
        MATRIX.put("POST /hazards/standards/import", ADMIN);
        MATRIX.put("GET /hazards/import", EDITORS);
        MATRIX.put("POST /hazards/import", EDITORS);
        MATRIX.put("GET /hazards/import/template", ALL);
        MATRIX.put("POST /hazards/quarterly", EnumSet.of(Role.ENTERPRISE_USER));
        MATRIX.put("GET /api/v1/hazards/rankings", ALL);
        MATRIX.put("GET /hazards/{id}/notice.docx", ALL);
        MATRIX.put("GET /supervision/steps/{id}/notice.docx", ALL);
        MATRIX.put("GET /supervision/reinspections", ALL);
        MATRIX.put("GET /supervision/reinspections/{drawId}", ALL);
        MATRIX.put("POST /admin/supervision/reinspections/draw", ADMIN);
        MATRIX.put("POST /supervision/reinspections/{drawId}/items/{itemId}", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /api/v1/supervision/sweep", ADMIN);
        MATRIX.put("GET /accidents", ALL);
        MATRIX.put("GET /accidents/new", REPORTERS);
        MATRIX.put("POST /accidents", REPORTERS);
        MATRIX.put("GET /accidents/{id}", ALL);
        MATRIX.put("GET /api/v1/accidents", ALL);
        MATRIX.put("GET /api/v1/accidents/kinds", ALL);
        MATRIX.put("GET /api/v1/accidents/{id}", ALL);
        MATRIX.put("POST /api/v1/accidents", REPORTERS);
        MATRIX.put("POST /accidents/{id}/supplements", REPORTERS);
        MATRIX.put("POST /accidents/{id}/gates", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/close", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/investigation/{step:open|extend|report|reply-extend|reply}", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/hops/{hop}", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.DUTY_OFFICER));
        MATRIX.put("POST /api/v1/accidents/{id}/supplements", REPORTERS);
        MATRIX.put("GET /statistics/accidents", ALL);
        MATRIX.put("GET /api/v1/statistics/accidents", ALL);
        MATRIX.put("GET /statistics/report.docx", ALL);
        MATRIX.put("GET /statistics/accidents/{table}.xlsx", ALL);
        MATRIX.put("POST /accidents/{id}/investigation/file", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("GET /accidents/{id}/investigation/file", ALL);
        MATRIX.put("POST /accidents/{id}/recommendations", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/recommendations/{recommendationId}/{action:done|hazard}", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/accountability", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /accidents/{id}/concealment", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("GET /accidents/accountability", ALL);
        MATRIX.put("GET /accidents/accountability.xlsx", ALL);
        MATRIX.put("GET /accidents/credit", ALL);
        MATRIX.put("POST /accidents/credit/{candidateId}", ADMIN);
        MATRIX.put("POST /accidents/notices/{noticeId}/read", EnumSet.of(Role.CITY_ADMIN, Role.LEADER, Role.DUTY_OFFICER, Role.DISCIPLINE));
        MATRIX.put("POST /statistics/motor", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("POST /statistics/motor/import", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
        MATRIX.put("GET /statistics/motor/template.xlsx", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER));
    }

    /** Routes anyone may reach, logged in or not, and the framework's own. */
    static final Set<String> OPEN = Set.of("GET /login", "GET /public/listed", "GET /report", "POST /report", "GET /report/submitted",
            "GET /report/track", "GET /report/{code}", "GET /reports", "GET /reports/photos/{id}",
            "GET /open311/v2/discovery.{format:[a-z0-9]+}", "GET /open311/v2/services.{format:[a-z0-9]+}",
            "GET /open311/v2/services/{code:[A-Za-z0-9_]+}.{format:[a-z0-9]+}", "POST /open311/v2/requests.{format:[a-z0-9]+}",
            "GET /open311/v2/requests.{format:[a-z0-9]+}", "GET /open311/v2/requests/{id:[A-Za-z0-9-]+}.{format:[a-z0-9]+}",
            "GET /open311/v2/tokens/{token:[A-Za-z0-9-]+}.{format:[a-z0-9]+}",
            "POST /api/v1/traffic/readings", "GET /public/traffic/penalties",
            "GET /public/alerts", "GET /public/alerts/{id:\\d+}", "GET /public/alerts/{id:\\d+}.xml", "GET /public/alerts.atom", "GET /actuator/health", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
            "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /error");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    Map<String, String> ids = new LinkedHashMap<>();
    Long hazardId;
    Long stepId;
    Long citizenReportId;

    String path(String pattern) {
        String path = pattern;
        if (path.contains("/hazards/{id}")) {
            path = path.replace("{id}", String.valueOf(hazardId));
        }
        if (path.startsWith("/citizen/{id}")) {
            path = path.replace("{id}", String.valueOf(citizenReportId));
        }
        if (path.contains("/steps/{id}")) {
            path = path.replace("{id}", String.valueOf(stepId));
        }
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    @BeforeEach
    void pickRecordsEveryScopeReaches() {
        // the demo enterprise user's own enterprise lies in the county officer's county and the department officer's industries
        ids.put("{id}", String.valueOf(accounts.findByUsername("enterprise").orElseThrow().enterpriseId()));
        ids.put("{industry}", "HAZ_CHEM");
        ids.put("{party}", "DRIVER");
        ids.put("{what:segment|tunnel}", "segment");
        ids.put("{type:vessel|pier}", "vessel");
        ids.put("{action:verify|reject|assign|reroute|regrade|order|extend|grant|deny|stop|resume|review|workers|selfclose|plan|start|submit|accept|fail}", "plan");
        ids.put("{action:assign|reroute}", "assign");
        ids.put("{evidenceId}", "1");
        ids.put("{code}", "CM_GAS_OVERLIMIT");
        ids.put("{change:retire|restore}", "retire");
        ids.put("{hop}", "COUNTY_TO_CITY");
        ids.put("{step:open|extend|report|reply-extend|reply}", "open");
        ids.put("{drawId}", "1");
        ids.put("{table}", "groups");
        ids.put("{recommendationId}", "1");
        ids.put("{action:done|hazard}", "done");
        ids.put("{candidateId}", "1");
        ids.put("{noticeId}", "1");
        ids.put("{itemId}", "1");
        ids.put("{messageId}", "1");
        ids.put("{photoId}", "1");
        ids.put("{decision:approve|refuse}", "approve");
        ids.put("{id:\\d+}", "1");
        ids.put("{rosterId}", "1");
        ids.put("{contactId}", "1");
        // a hazard of that enterprise (routed to the department officer's bureau and the county officer's county),
        // with a supervision step, so every scope reaches them too
        long enterprise = Long.parseLong(ids.get("{id}"));
        hazardId = jdbc.sql("SELECT MIN(id) FROM hazard WHERE enterprise_id = :e").param("e", enterprise).query(Long.class).optional().orElse(null);
        if (hazardId == null) {
            jdbc.sql("""
                    INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id,
                                        county_id, deadline, reported_by, reported_at)
                    SELECT 'YH-MATRIX', 'DEPT_INSPECTION', e.id, e.industry_code, 'matrix', 'MAJOR', 'ASSIGNED', r.department_id,
                           e.county_id, :today, 'test', CURRENT_TIMESTAMP
                    FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                    WHERE e.id = :e""").param("e", enterprise).param("today", LocalDate.now(clock)).update();
            hazardId = jdbc.sql("SELECT MIN(id) FROM hazard WHERE enterprise_id = :e").param("e", enterprise).query(Long.class).single();
        }
        // a citizen's report (not a tip) in the county officer's county, routed to the department officer's bureau
        var county = accounts.findByUsername("county").orElseThrow().regionId();
        var department = accounts.findByUsername("dept").orElseThrow().departmentId();
        citizenReportId = jdbc.sql("SELECT MIN(id) FROM citizen_report WHERE tip = FALSE AND county_id = :c AND department_id = :d")
                .param("c", county).param("d", department).query(Long.class).optional().orElse(null);
        if (citizenReportId == null) {
            jdbc.sql("""
                    INSERT INTO citizen_report (tracking_code, token, category_code, tip, description, county_id, department_id,
                                                industry_code, status, visible, source, submitted_at, updated_at)
                    VALUES ('MATRIX2345', 'MATRIXTOKEN', 'HAZARD_CHEMICALS', FALSE, 'matrix', :c, :d, 'HAZ_CHEM', 'OPEN', TRUE, 'WEB',
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param("c", county).param("d", department).update();
            citizenReportId = jdbc.sql("SELECT id FROM citizen_report WHERE tracking_code = 'MATRIX2345'").query(Long.class).single();
        }
        stepId = jdbc.sql("SELECT MIN(id) FROM supervision_step WHERE hazard_id = :h").param("h", hazardId).query(Long.class).optional().orElse(null);
        if (stepId == null) {
            jdbc.sql("""
                    INSERT INTO supervision_step (hazard_id, level, run_id, created_at, created_by, reason, department_id,
                                                  county_id, hazard_deadline)
                    SELECT id, 2, 'matrix', CURRENT_TIMESTAMP, 'test', 'escalation.reason.NOTICE.MAJOR', department_id, county_id,
                           :today FROM hazard WHERE id = :h""").param("h", hazardId)
                    .param("today", LocalDate.now(clock)).update();
            stepId = jdbc.sql("SELECT MIN(id) FROM supervision_step WHERE hazard_id = :h").param("h", hazardId).query(Long.class).single();
        }
    }

    Set<String> discovered() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                for (var m : info.getMethodsCondition().getMethods()) {
                    routes.add(m.name() + " " + pattern);
                }
            }
        });
        return routes;
    }

    @Test
    void everyRouteIsInTheTable() {
        List<String> unplaced = new ArrayList<>();
        for (String route : discovered()) {
            if (!MATRIX.containsKey(route) && !OPEN.contains(route) && !route.startsWith("GET /v3/") && !route.equals("POST /error")) {
                unplaced.add(route);
            }
        }
        assertThat(unplaced).as("routes without a row in the permission matrix").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableGrants() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            String[] parts = entry.getKey().split(" ", 2);
            String path = path(parts[1]);
            for (Role role : Role.values()) {
                int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), path).with(as(accounts, username(role))).with(csrf())
                        .contentType("application/json").content("{}")).andReturn().getResponse().getStatus();
                boolean allowed = entry.getValue().contains(role);
                boolean denied = status == 403;
                if (allowed == denied || status >= 500) {
                    wrong.add(entry.getKey() + " as " + role + " → " + status);
                }
            }
            int anonymous = mvc.perform(request(HttpMethod.valueOf(parts[0]), path).with(csrf())).andReturn().getResponse().getStatus();
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
            if (api ? anonymous != 401 : anonymous != 302) {
                wrong.add(entry.getKey() + " without login → " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Each lifecycle action → the roles that may take it (scope and state decide the rest). */
    static final Map<String, Set<Role>> ACTIONS = new LinkedHashMap<>();

    static {
        for (String officersOnly : List.of("verify", "reject", "assign", "reroute", "accept", "fail")) {
            ACTIONS.put(officersOnly, EDITORS);
        }
        for (String rectification : List.of("plan", "start", "submit")) {
            ACTIONS.put(rectification, ACTORS);
        }
    }

    @Test
    void everyLifecycleActionIsRefusedExactlyToTheRolesWithoutIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : ACTIONS.entrySet()) {
            for (Role role : Role.values()) {
                int status = mvc.perform(request(HttpMethod.POST, "/api/v1/hazards/" + hazardId + "/actions/" + entry.getKey())
                        .with(as(accounts, username(role))).with(csrf()).contentType("application/json").content("{}"))
                        .andReturn().getResponse().getStatus();
                boolean allowed = entry.getValue().contains(role);
                if (allowed == (status == 403) || status >= 500) {
                    wrong.add(entry.getKey() + " as " + role + " → " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    static String username(Role role) {
        return WebTestSupport.DEMO_USERS.get(role.name());
    }
}
