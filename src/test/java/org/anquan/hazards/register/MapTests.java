package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The maps: the register's points within the scope and filter, a region with its children, an enterprise's place, the public list. */
@IntegrationTest
class MapTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired HazardService hazards;

    String body(String url, String user) throws Exception {
        var r = mvc.perform(user == null ? get(url) : get(url).with(as(accounts, user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> points(String url, String user) throws Exception {
        return json.readValue(body(url, user), List.class);
    }

    @Test
    void theRegistersPointsFollowTheFilterAndTheScopeAndPrintSixDecimals() throws Exception {
        List<Map<String, Object>> all = points("/hazards/map/points", "county");
        assertThat(all).isNotEmpty();
        long countyId = accounts.findByUsername("county").orElseThrow().regionId();
        for (Map<String, Object> p : all) {
            long id = Long.parseLong(((String) p.get("url")).replace("/hazards/", ""));
            assertThat(jdbc.sql("SELECT county_id FROM hazard WHERE id = :id").param("id", id).query(Long.class).single())
                    .as("a point outside the county officer's county").isEqualTo(countyId);
            for (Object c : (List<?>) p.get("value")) {
                assertThat(String.valueOf(c)).matches("\\d+(\\.\\d{1,6})?");
            }
            assertThat((String) p.get("color")).isIn("#dc3545", "#fd7e14", "#58151c", "#198754", "#6c757d");
        }
        List<Map<String, Object>> closed = points("/hazards/map/points?status=CLOSED", "county");
        assertThat(closed).isNotEmpty().allSatisfy(p -> assertThat(p.get("color")).isEqualTo("#198754"));
        assertThat(closed.size()).isLessThan(all.size());
    }

    @Test
    void theMapPageKeepsTheRegistersFilterAndOffersTheWayBackToTheList() throws Exception {
        String html = body("/hazards/map?grade=MAJOR&countyId=1", "admin");
        assertThat(html).contains("data-points-url=\"/hazards/map/points?grade=MAJOR&amp;countyId=1\"")
                .contains("href=\"/hazards?grade=MAJOR&amp;countyId=1\"").contains("data-cluster");
        assertThat(body("/hazards", "admin")).contains("data-test=\"as-map\"");
        assertThat(mvc.perform(get("/hazards/map?sort=secret").with(as(accounts, "admin"))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void aRegionIsDrawnWithItsChildrenAndAnEnterpriseAtItsPlace() throws Exception {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        String region = body("/regions/" + county, "admin");
        List<String> children = jdbc.sql("SELECT name FROM region WHERE parent_id = :p").param("p", county).query(String.class).list();
        assertThat(children).isNotEmpty();
        assertThat(region).contains("data-map");
        children.forEach(name -> assertThat(region).contains("&quot;name&quot;:&quot;" + name + "&quot;"));

        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        String page = body("/enterprises/" + enterprise, "admin");
        assertThat(page).contains("data-test=\"enterprise-map\"").containsPattern("经度 \\d+\\.\\d{6}，纬度 \\d+\\.\\d{6}");
    }

    @Test
    void thePublicListIsAMapToo() throws Exception {
        String html = body("/public/listed", null);
        assertThat(html).contains("data-test=\"listed-map\"").contains("data-points=\"[");
    }

    @Test
    void aHazardAtAPlaceShowsWhereItIsOnTheMapAndOneAtAnEnterpriseWithoutAMapOfItsOwn() throws Exception {
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        long place = hazards.report(HazardReports.atPlace("平安城关街道桥头护栏断裂", 118.02, 30.02, "ROAD_TRANSPORT")
                .described("护栏断裂").input(), admin).getId();
        String html = body("/hazards/" + place, "admin");
        assertThat(html).containsPattern("经度 \\d+\\.\\d{6}，纬度 \\d+\\.\\d{6}").contains("data-map").contains("data-regions=\"{")
                .contains("data-points=\"[");
        long atEnterprise = jdbc.sql("SELECT MIN(id) FROM hazard WHERE lon IS NULL AND enterprise_id IS NOT NULL").query(Long.class).single();
        assertThat(body("/hazards/" + atEnterprise, "admin")).doesNotContain("data-map");
    }
}
