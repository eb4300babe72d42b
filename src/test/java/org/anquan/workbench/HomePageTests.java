package org.anquan.workbench;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.hazards.Hazards;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Each role's home page: cards only for the work the role does, each the count of the list it opens; charts for city-wide roles. */
@IntegrationTest
class HomePageTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    String home(String user) throws Exception {
        return mvc.perform(get("/").with(as(accounts, user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCountyOfficerSeesItsWorkToVerifyAssignAndAcceptWithTheCountsOfItsCounty() throws Exception {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        long reported = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE county_id = :c AND status = 'REPORTED'").param("c", county)
                .query(Long.class).single();
        String html = home("county");
        assertThat(html).contains("data-test=\"card-reported\">" + reported + "<")
                .contains("href=\"/hazards?status=REPORTED\"").contains("data-test=\"card-submitted\"")
                .contains("data-test=\"card-unread\"").doesNotContain("data-test=\"weekly-table\"");
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnRectificationWork() throws Exception {
        String html = home("enterprise");
        assertThat(html).contains("data-test=\"card-assigned\"").contains("data-test=\"card-rectifying\"")
                .doesNotContain("data-test=\"card-reported\"").doesNotContain("data-test=\"card-submitted\"")
                .doesNotContain("data-test=\"card-unread\"");
    }

    @Test
    void aLeaderGetsAReadOnlyOverviewWithTheWeeklyChartAndItsTable() throws Exception {
        String html = home("leader");
        assertThat(html).doesNotContain("data-test=\"work-cards\"").contains("data-test=\"weekly-table\"")
                .contains("class=\"weekly-chart\"").contains("data-test=\"weekly-sentence\"");
        // twelve weeks, each a row of the table beside the chart
        String weekly = html.substring(html.indexOf("data-test=\"weekly-table\""), html.indexOf("data-test=\"county-table\""));
        assertThat(weekly.split("<tr>").length - 2).isEqualTo(12);
        // every county, with the city's open major hazards in words above
        long major = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE grade = 'MAJOR' AND status IN ('ASSIGNED', 'RECTIFYING', 'SUBMITTED')")
                .query(Long.class).single();
        assertThat(html).contains("data-test=\"county-table\"").contains("全市整改中的重大隐患 " + major + " 项");
        assertThat(html.substring(html.indexOf("data-test=\"county-table\"")).split("<tr>").length - 2)
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM region WHERE region_level = 'COUNTY'").query(Integer.class).single());
    }

    @Autowired Hazards hazards;
    @Autowired Clock clock;

    @Test
    void eachWeeksBarCountsExactlyTheHazardsFoundAndClosedInThatWeekOfTheCity() {
        var weeks = hazards.lastTwelveWeeks(DataScope.CITY);
        assertThat(weeks).hasSize(12);
        for (var w : weeks) {
            var from = CityTime.startOf(w.monday(), clock);
            var to = CityTime.startOf(w.monday().plusWeeks(1), clock);
            assertThat(w.monday().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(w.found()).as("found in the week of %s", w.monday()).isEqualTo(jdbc.sql(
                    "SELECT COUNT(*) FROM hazard WHERE reported_at >= :f AND reported_at < :t").param("f", from).param("t", to)
                    .query(Long.class).single());
            assertThat(w.closed()).as("closed in the week of %s", w.monday()).isEqualTo(jdbc.sql(
                    "SELECT COUNT(*) FROM hazard WHERE closed_at >= :f AND closed_at < :t").param("f", from).param("t", to)
                    .query(Long.class).single());
        }
    }

    @Test
    void theOverdueLineCountsTheHazardsPastTheirDeadlineAndNotClosedAtEachWeeksEnd() {
        var weeks = hazards.lastTwelveWeeks(DataScope.CITY);
        LocalDate today = LocalDate.now(clock);
        for (var w : weeks) {
            LocalDate day = w.monday().plusDays(6).isAfter(today) ? today : w.monday().plusDays(6);
            var endOfDay = CityTime.startOf(day.plusDays(1), clock);
            long expected = jdbc.sql("""
                    SELECT COUNT(*) FROM hazard WHERE deadline < :day AND reported_at < :end AND status <> 'REJECTED'
                    AND NOT (closed_at IS NOT NULL AND closed_at < :end)""")
                    .param("day", day).param("end", endOfDay).query(Long.class).single();
            assertThat(w.overdue()).as("overdue at the end of the week of %s", w.monday()).isEqualTo(expected);
        }
        assertThat(weeks.get(weeks.size() - 1).overdue()).as("the demo city has overdue work this week").isPositive();
    }
}
