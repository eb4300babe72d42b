package org.anquan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.anquan.supervision.domain.Reinspections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReinspectionTests {

    @org.springframework.beans.factory.annotation.Autowired java.time.Clock clock;

    @Autowired Reinspections reinspections;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    /** 25 hazards of the county officer's county closed in a month long past, accepted by their lead department. */
    YearMonth closedMonth(int monthsAgo) {
        YearMonth month = YearMonth.now(clock).minusMonths(monthsAgo);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        for (int i = 0; i < 25; i++) {
            jdbc.sql("""
                    INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id,
                                        county_id, deadline, reported_by, reported_at, closed_at, accepted_by_department)
                    SELECT 'R' || CAST(nextval('hazard_code_seq') AS VARCHAR), 'DEPT_INSPECTION', e.id, e.industry_code, 'closed',
                           'GENERAL', 'CLOSED', r.department_id, e.county_id, :deadline, 'test', :closed, :closed, r.department_id
                    FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                    WHERE e.county_id = :c ORDER BY e.id LIMIT 1""")
                    .param("deadline", month.atDay(10)).param("closed", month.atDay(12).atStartOfDay().atOffset(ZoneOffset.ofHours(8)))
                    .param("c", county).update();
        }
        return month;
    }

    @Test
    void eachCountyIsDrawnOnceAMonthAndTheSeedRepeatsTheDraw() {
        YearMonth month = closedMonth(14);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        int made = reinspections.drawMonth(month, "tester").orElseThrow();
        assertThat(made).isEqualTo(5);
        assertThat(reinspections.drawMonth(month, "tester").orElseThrow()).isZero();
        var draw = reinspections.draws(user("admin").scope()).stream()
                .filter(d -> d.period().equals(month.toString()) && d.countyId() == county).findFirst().orElseThrow();
        assertThat(draw.population()).isEqualTo(25);
        assertThat(draw.drawn()).isEqualTo(3);
        assertThat(reinspections.replay(draw.id()))
                .containsExactlyElementsOf(reinspections.items(draw.id()).stream().map(Reinspections.Item::hazardId).toList());
    }

    @Test
    void aFailedReinspectionReopensTheHazardAndCountsAgainstTheAcceptingDepartment() {
        YearMonth month = closedMonth(15);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        reinspections.drawMonth(month, "tester");
        var draw = reinspections.draws(user("county").scope()).stream().filter(d -> d.period().equals(month.toString()))
                .findFirst().orElseThrow();
        assertThat(draw.countyId()).isEqualTo(county);
        var item = reinspections.items(draw.id()).get(0);
        long department = jdbc.sql("SELECT accepted_by_department FROM hazard WHERE id = :h").param("h", item.hazardId())
                .query(Long.class).single();
        long before = reinspections.failuresByDepartment().getOrDefault(department, 0L);

        assertThatThrownBy(() -> reinspections.record(item.id(), false, " ", LocalDate.now(clock).plusDays(10), user("county")))
                .isInstanceOf(InvalidInputException.class);
        reinspections.record(item.id(), false, "防护栏再次缺失", LocalDate.now(clock).plusDays(10), user("county"));

        assertThat(jdbc.sql("SELECT status FROM hazard WHERE id = :h").param("h", item.hazardId()).query(String.class).single())
                .isEqualTo("RECTIFYING");
        assertThat(reinspections.failuresByDepartment().get(department)).isEqualTo(before + 1);
    }
}
