package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.hazards.register.Hazard;
import org.anquan.hazards.register.HazardReports;
import org.anquan.hazards.register.HazardService;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A reference to another record goes through the scope too: naming what one may not see is
 * refused exactly like naming what does not exist, and a unit that does not exist is refused.
 */
@IntegrationTest
class ScopeReferenceTests {

    @Autowired HazardService hazards;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long county() {
        return accounts.findByUsername("county").orElseThrow().regionId();
    }

    long hazardOfAnotherCounty() {
        return jdbc.sql("SELECT MIN(id) FROM hazard WHERE county_id <> :c").param("c", county()).query(Long.class).single();
    }

    @Test
    void rejectingAsADuplicateOfAHazardOutOfScopeAnswersLikeOneThatDoesNotExist() {
        long own = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        Hazard h = hazards.report(HazardReports.atEnterprise(own).due(LocalDate.now(clock).plusDays(5)).input(), user("county"));
        for (long other : new long[] {hazardOfAnotherCounty(), 987654321L}) {
            assertThatThrownBy(() -> hazards.reject(h.getId(), h.getVersion(), "重复", other, user("county")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsEntry("duplicateOf", "hazard.duplicate.unknown"));
        }
    }

    @Test
    void anAccountCannotBeScopedToARegionOrDepartmentThatDoesNotExist() throws Exception {
        long township = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'TOWNSHIP'").query(Long.class).single();
        for (String[] c : new String[][] {{"COUNTY_OFFICER", "regionId", "987654321", "所选区域不存在"},
                {"COUNTY_OFFICER", "regionId", String.valueOf(township), "不是县（区）"},
                {"DEPT_OFFICER", "departmentId", "987654321", "所选部门不存在"}}) {
            var r = mvc.perform(MockMvcRequestBuilders.post("/admin/accounts").with(as(accounts, "admin"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("username", "scope-probe").param("displayName", "范围测试").param("role", c[0]).param(c[1], c[2])
                    .param("password", "Correct#Horse9").param("enabled", "true")).andReturn().getResponse();
            assertThat(r.getStatus()).as(c[0] + " " + c[2]).isEqualTo(422);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(c[3]);
        }
        assertThat(accounts.findByUsername("scope-probe")).isEmpty();
    }
}
