package org.anquan.traffic.water;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Vessels and piers, the flood-season list and its campaign coverage, findings as hazards of the right industry. */
@IntegrationTest
class WaterSafetyTests {

    @Autowired WaterSafety water;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    CurrentUser user(String username) {
        return accounts.principalOf(accounts.findByUsername(username).orElseThrow().id()).user();
    }

    long department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }

    @Test
    void theFloodSeasonListNamesItsTargetsAndEachDepartmentsInspection() {
        CurrentUser officer = user("county");
        long county = officer.regionId();
        long fishing = water.addVessel("测渔1", "TEST-FISH-001", "FISHING", "示例港", "渔民甲", 3, 0, false, county, null, officer);
        long fitted = water.addVessel("测渔2", "TEST-FISH-002", "FISHING", "示例港", "渔民乙", 3, 0, true, county, null, officer);
        long cargo = water.addVessel("测货1", "TEST-CARGO-01", "CARGO", "示例港", "船东丙", 5, 0, true, county, null, officer);
        var campaign = water.campaign(officer.scope());
        assertThat(campaign.targets()).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo(fishing);
            assertThat(t.reasons()).containsExactly("NO_TERMINAL");
        });
        assertThat(campaign.targets()).noneMatch(t -> t.type().equals("vessel") && (t.id() == fitted || t.id() == cargo));

        // an inspection with findings puts the cargo ship on the list and opens a hazard of water transport, its owner responsible
        LocalDate inSeason = campaign.from().plusDays(10);
        water.inspect("vessel", cargo, department("TRANSPORT"), inSeason, "执法甲", "消防泵失效", LocalDate.now(clock).plusDays(15), officer);
        var hazard = jdbc.sql("""
                SELECT h.industry_code, h.responsible_person FROM hazard h JOIN traffic_water_inspection i ON i.hazard_id = h.id
                WHERE i.vessel_id = :v""").param("v", cargo).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(hazard).containsExactly("WATER_TRANSPORT", "船东丙");
        water.inspect("vessel", fishing, department("AGRI"), inSeason, "渔政乙", "救生衣不足", LocalDate.now(clock).plusDays(15), officer);
        assertThat(jdbc.sql("SELECT h.industry_code FROM hazard h JOIN traffic_water_inspection i ON i.hazard_id = h.id WHERE i.vessel_id = :v")
                .param("v", fishing).query(String.class).single()).isEqualTo("FISHING_VESSELS");

        campaign = water.campaign(officer.scope());
        var cargoTarget = campaign.targets().stream().filter(t -> t.type().equals("vessel") && t.id() == cargo).findFirst().orElseThrow();
        assertThat(cargoTarget.reasons()).containsExactly("FINDINGS");
        assertThat(cargoTarget.inspectedBy()).containsEntry(department("TRANSPORT"), inSeason).doesNotContainKey(department("PSB"));
        assertThat(campaign.covered(department("AGRI"))).isGreaterThanOrEqualTo(1);
        // an inspection that found nothing keeps a vessel off the list, whenever it was
        water.inspect("vessel", fitted, department("PSB"), campaign.from().minusDays(30), "民警丙", null, null, officer);
        assertThat(water.campaign(officer.scope()).targets()).noneMatch(t -> t.type().equals("vessel") && t.id() == fitted);
    }

    @Test
    void impossibleVesselsAndInspectionsAreRefused() {
        CurrentUser officer = user("county");
        long county = officer.regionId();
        assertThatThrownBy(() -> water.addVessel("载客渔船", "TEST-FISH-009", "FISHING", "示例港", "甲", 3, 12, true, county, null, officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> water.addVessel("短号", "A1", "CARGO", "示例港", "甲", 3, 0, true, county, null, officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> water.addVessel("负船员", "TEST-CARGO-09", "CARGO", "示例港", "甲", -1, 0, true, county, null, officer))
                .isInstanceOf(InvalidInputException.class);
        long id = water.addVessel("测货9", "TEST-CARGO-10", "CARGO", "示例港", "甲", 3, 0, true, county, null, officer);
        assertThatThrownBy(() -> water.addVessel("重复", "TEST-CARGO-10", "CARGO", "示例港", "甲", 3, 0, true, county, null, officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> water.inspect("vessel", id, department("TRANSPORT"), LocalDate.now(clock).plusDays(1), "甲", null, null, officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> water.inspect("vessel", id, department("TRANSPORT"), LocalDate.now(clock), "甲", "漏水", null, officer))
                .as("findings need a deadline").isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_water_inspection WHERE vessel_id = :v").param("v", id).query(Long.class).single()).isZero();
    }

    @Test
    void onAPageOfTwoFormsARefusalShowsInTheFormThatWasPostedOnly() throws Exception {
        long county = directory.counties().get(1).id();
        var refused = mvc.perform(post("/traffic/water/piers").param("_form", "pier").param("name", "")
                        .param("kind", "FERRY").param("countyId", String.valueOf(county)).param("operator", "渡运公司").param("lat", "91")
                        .param("lon", "")
                        .with(as(accounts, "admin")).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/traffic/water");
        String page = mvc.perform(get("/traffic/water").with(as(accounts, "admin")).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String pier = page.substring(page.indexOf("data-test=\"pier-form\""));
        String vessel = page.substring(page.indexOf("data-test=\"vessel-form\""), page.indexOf("data-test=\"pier-form\""));
        assertThat(pier).contains("id=\"pier-name-error\"").contains("id=\"pier-lat-error\"").contains("value=\"渡运公司\"")
                .contains("value=\"" + county + "\" selected=\"selected\"").contains("value=\"FERRY\" selected=\"selected\"");
        assertThat(vessel).doesNotContain("-error\"").doesNotContain("渡运公司");
        assertThat(page).doesNotContain("id=\"f-name\"");
    }
}
