package org.anquan.supervision.reinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReinspectionTests {

    @Autowired Clock clock;

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
                    .param("deadline", month.atDay(10)).param("closed", CityTime.startOf(month.atDay(12), clock))
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
        // the seed and the stored population give the stored sample again
        assertThat(reinspections.verify(draw.id())).isEqualTo(new Reinspections.Verification(true, true, true, 3));
        // a closure of the month moved since: the draw still proves itself, and says the register changed
        long notDrawn = jdbc.sql("SELECT MIN(id) FROM hazard WHERE county_id = :c AND status = 'CLOSED' AND closed_at >= :from AND closed_at < :to "
                        + "AND id NOT IN (SELECT hazard_id FROM reinspection_item WHERE draw_id = :d)")
                .param("c", county).param("from", CityTime.startOf(month.atDay(1), clock))
                .param("to", CityTime.startOf(month.plusMonths(1).atDay(1), clock)).param("d", draw.id())
                .query(Long.class).single();
        jdbc.sql("UPDATE hazard SET closed_at = :t WHERE id = :h").param("t", CityTime.startOf(month.plusMonths(1).atDay(3), clock))
                .param("h", notDrawn).update();
        assertThat(reinspections.verify(draw.id())).isEqualTo(new Reinspections.Verification(true, true, false, 3));
        // an item swapped for another hazard behind the draw's back is found out
        jdbc.sql("UPDATE reinspection_item SET hazard_id = :h WHERE id = (SELECT MIN(id) FROM reinspection_item WHERE draw_id = :d)")
                .param("h", notDrawn).param("d", draw.id()).update();
        assertThat(reinspections.verify(draw.id()).sampleMatches()).isFalse();
    }

    @Test
    void aFailedReinspectionReopensTheHazardAndCountsAgainstTheAcceptingDepartment() {
        YearMonth month = closedMonth(15);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        reinspections.drawMonth(month, "tester");
        var draw = reinspections.draws(user("county").scope()).stream().filter(d -> d.period().equals(month.toString()))
                .findFirst().orElseThrow();
        assertThat(draw.countyId()).isEqualTo(county);
        var item = reinspections.items(draw.id(), user("county").scope()).get(0);
        long department = jdbc.sql("SELECT accepted_by_department FROM hazard WHERE id = :h").param("h", item.hazardId())
                .query(Long.class).single();
        long before = reinspections.failuresByDepartment().getOrDefault(department, 0L);

        assertThatThrownBy(() -> reinspections.record(draw.id(), item.id(), false, " ", LocalDate.now(clock).plusDays(10), user("county")))
                .isInstanceOf(InvalidInputException.class);
        // the item under another draw's address: not found, nothing recorded
        long otherDraw = jdbc.sql("SELECT MIN(id) FROM reinspection_draw WHERE id <> :d").param("d", draw.id()).query(Long.class).single();
        assertThatThrownBy(() -> reinspections.record(otherDraw, item.id(), false, "换了抽查批次", LocalDate.now(clock).plusDays(10),
                user("county"))).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reinspection_item WHERE id = :i AND result IS NOT NULL").param("i", item.id())
                .query(Long.class).single()).isZero();
        reinspections.record(draw.id(), item.id(), false, "防护栏再次缺失", LocalDate.now(clock).plusDays(10), user("county"));

        assertThat(jdbc.sql("SELECT status FROM hazard WHERE id = :h").param("h", item.hazardId()).query(String.class).single())
                .isEqualTo("RECTIFYING");
        assertThat(reinspections.failuresByDepartment().get(department)).isEqualTo(before + 1);
        // an interview of the accepting unit is proposed in the hazard's new round
        assertThat(jdbc.sql("SELECT work_round || ':' || stage || ':' || level || ':' || reason FROM supervision_step WHERE hazard_id = :h "
                        + "AND reason = 'escalation.reason.REINSPECTION_FAILED'").param("h", item.hazardId()).query(String.class).list())
                .containsExactly("2:ACCEPT:4:escalation.reason.REINSPECTION_FAILED");
    }

    @Test
    void aDrawShowsEachViewerOnlyTheHazardsItsScopeHolds() {
        YearMonth month = closedMonth(16);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        reinspections.drawMonth(month, "tester");
        var draw = reinspections.draws(user("admin").scope()).stream()
                .filter(d -> d.period().equals(month.toString()) && d.countyId() == county).findFirst().orElseThrow();
        assertThat(reinspections.items(draw.id(), user("admin").scope())).hasSize(3);

        long otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        var elsewhere = new DataScope(DataScope.Kind.REGION, otherCounty);
        assertThat(reinspections.draws(elsewhere)).noneMatch(d -> d.id() == draw.id());
        assertThat(reinspections.items(draw.id(), elsewhere)).isEmpty();

        long someoneElse = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM hazard h JOIN "
                + "reinspection_item i ON i.hazard_id = h.id WHERE i.draw_id = :d)").param("d", draw.id()).query(Long.class).single();
        var enterprise = new DataScope(DataScope.Kind.ENTERPRISE, someoneElse);
        assertThat(reinspections.items(draw.id(), enterprise)).as("another enterprise's hazard codes and names").isEmpty();
    }
}
