package org.anquan.directory.enterprises;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DataScopeTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseQueries queries;

    long countyOf(String username) {
        return accounts.findByUsername(username).orElseThrow().regionId();
    }

    String countyPath(long countyId) {
        return jdbc.sql("SELECT path FROM region WHERE id = :id").param("id", countyId).query(String.class).single();
    }

    @Test
    void aCountyOfficerSeesOnlyTheEnterprisesOfItsCounty() {
        long county = countyOf("county");
        var scope = new DataScope(DataScope.Kind.REGION, county);
        var page = queries.page(EnterpriseFilter.NONE, scope, 1, 200, Locale.ROOT);
        long inCounty = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE region_path LIKE :p")
                .param("p", countyPath(county) + "%").query(Long.class).single();
        long all = jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
        assertThat(page.total()).isEqualTo(inCounty).isLessThan(all).isPositive();
        String countyName = jdbc.sql("SELECT name FROM region WHERE id = :id").param("id", county).query(String.class).single();
        assertThat(page.items()).extracting(EnterpriseRow::countyName).containsOnly(countyName);
    }

    @Test
    void aCountyFilterCannotWidenTheScope() {
        long county = countyOf("county");
        long otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c")
                .param("c", county).query(Long.class).single();
        var page = queries.page(new EnterpriseFilter(otherCounty, null, null, null, null),
                new DataScope(DataScope.Kind.REGION, county), 1, 20, Locale.ROOT);
        assertThat(page.total()).isZero();
    }

    @Test
    void aDepartmentOfficerSeesTheIndustriesItsDepartmentSupervises() {
        long department = accounts.findByUsername("dept").orElseThrow().departmentId();
        var page = queries.page(EnterpriseFilter.NONE, new DataScope(DataScope.Kind.DEPARTMENT, department), 1, 200, Locale.ROOT);
        var industries = jdbc.sql("SELECT industry_code FROM responsibility WHERE department_id = :d")
                .param("d", department).query(String.class).list();
        assertThat(page.items()).isNotEmpty().extracting(EnterpriseRow::industryCode).allMatch(industries::contains);
        assertThat(industries).contains("HAZ_CHEM").doesNotContain("FISHING_VESSELS");
    }

    @Test
    void anEnterpriseUserSeesItsOwnEnterpriseOnly() {
        long own = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        var page = queries.page(EnterpriseFilter.NONE, new DataScope(DataScope.Kind.ENTERPRISE, own), 1, 20, Locale.ROOT);
        assertThat(page.items()).extracting(EnterpriseRow::id).containsExactly(own);
    }

    @Test
    void anotherCountysEnterpriseByIdIsNotFoundAndTheAttemptIsAudited() throws Exception {
        long county = countyOf("county");
        long foreign = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE region_path NOT LIKE :p")
                .param("p", countyPath(county) + "%").query(Long.class).single();
        long own = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE region_path LIKE :p")
                .param("p", countyPath(county) + "%").query(Long.class).single();
        long missing = 987_654_321L;

        int foreignStatus = mvc.perform(get("/enterprises/" + foreign).with(as(accounts, "county"))).andReturn().getResponse().getStatus();
        int missingStatus = mvc.perform(get("/enterprises/" + missing).with(as(accounts, "county"))).andReturn().getResponse().getStatus();
        int apiStatus = mvc.perform(get("/api/v1/enterprises/" + foreign).with(as(accounts, "county"))).andReturn().getResponse().getStatus();
        int ownStatus = mvc.perform(get("/enterprises/" + own).with(as(accounts, "county"))).andReturn().getResponse().getStatus();

        assertThat(foreignStatus).isEqualTo(missingStatus).isEqualTo(apiStatus).isEqualTo(404);
        assertThat(ownStatus).isEqualTo(200);
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SCOPE_DENIED' AND actor = 'county' AND entity_id = :id")
                .param("id", String.valueOf(foreign)).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theHomePageCountsTheUsersScope() throws Exception {
        String html = mvc.perform(get("/").with(as(accounts, "enterprise"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).containsPattern("data-test=\"enterprise-count\">1<");
    }
}
