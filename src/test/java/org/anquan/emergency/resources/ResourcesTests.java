package org.anquan.emergency.resources;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The nearest resources agree with a brute-force search; stocks below their minimum or expired are flagged; a county keeps its own. */
@IntegrationTest
class ResourcesTests {

    @Autowired Resources resources;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    @Test
    void theNearestTeamsAreThoseABruteForceSearchFinds() {
        long county = user("county").regionId();
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            double lat = 30.0 + random.nextDouble() * 0.05;
            double lon = 118.0 + random.nextDouble() * 0.05;
            if (directory.countyAt(new GeoPoint(lon, lat)).map(c -> c.id() == county).orElse(false)) {
                resources.addTeam(new Resources.TeamInput("医疗队" + i, "MEDICAL", county, 10, null, lat, lon, i % 5 == 0 ? "DEPLOYED" : "READY",
                        "13900000000"), user("county"));
            }
        }
        double lat = 30.025;
        double lon = 118.025;
        var nearest = resources.nearest(lat, lon, "MEDICAL", 5);
        var all = resources.teams().stream().filter(t -> t.kindCode().equals("MEDICAL") && !t.readiness().equals("DEPLOYED"))
                .sorted(Comparator.comparingDouble(t -> new GeoPoint(lon, lat).metersTo(new GeoPoint(t.lon(), t.lat())))).limit(5).map(Resources.Team::id).toList();
        assertThat(nearest).extracting(Resources.Near::id).containsExactlyElementsOf(all);
        assertThat(nearest).isSortedAccordingTo(Comparator.comparingInt(Resources.Near::meters));
    }

    @Test
    void expiredAndShortStocksAreFlaggedAndNeverOfferedAsUsable() {
        long county = user("county").regionId();
        long w = resources.addWarehouse("测试储备库", county, 30.02, 118.02, "库管员", "13900000001", user("county"));
        long expired = resources.addSupply(w, "GENERATOR", "柴油发电机", "台", 3, 1, LocalDate.now(clock).minusDays(1), user("county"));
        long short_ = resources.addSupply(w, "GENERATOR", "汽油发电机", "台", 1, 5, null, user("county"));
        var flagged = resources.supplies(1000);
        assertThat(flagged.stream().filter(s -> s.id() == expired).findFirst().orElseThrow().expired()).isTrue();
        assertThat(flagged.stream().filter(s -> s.id() == short_).findFirst().orElseThrow().belowMinimum()).isTrue();
        assertThat(resources.nearest(30.02, 118.02, "GENERATOR", 10)).extracting(Resources.Near::id).contains(short_).doesNotContain(expired);
    }

    @Test
    void aCountyOfficerRegistersOnlyItsCountysResourcesAndBadInputIsRefused() {
        long other = directory.counties().stream().filter(c -> c.id() != user("county").regionId()).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> resources.addWarehouse("别县仓库", other, 30.3, 118.3, "甲", "13900000001", user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("countyId"));
        assertThatThrownBy(() -> resources.addTeam(new Resources.TeamInput("外地队", "MEDICAL", user("county").regionId(), 5, null, 39.9, 116.4,
                "READY", "13900000000"), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("lat", "location.outside"));
        assertThatThrownBy(() -> resources.nearest(30, 118, "NOPE", 5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theApiAnswersTheNearestWithMetres() throws Exception {
        var body = json.readTree(mvc.perform(get("/api/v1/resources/nearest").param("lat", "30.02").param("lon", "118.02")
                .param("kind", "WIND_EXTINGUISHER").param("limit", "3").with(as(accounts, "leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.size()).isBetween(1, 3);
        assertThat(body.get(0).get("meters").asInt()).isNotNegative();
        assertThat(mvc.perform(get("/api/v1/resources/nearest").param("lat", "95").param("lon", "118").param("kind", "TENT")
                .with(as(accounts, "leader"))).andReturn().getResponse().getStatus()).isEqualTo(400);
    }
}
