package org.anquan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.HazardReported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The supervision module on its own with the modules it depends on: what it does with the events
 * the hazards module publishes, driven by publishing them as the hazards module would.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class SupervisionModuleTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    /** An assigned hazard of the demo city with the department and county it is routed to. */
    long[] someAssignedHazard() {
        return jdbc.sql("SELECT id, department_id, county_id FROM hazard WHERE status = 'ASSIGNED' ORDER BY id LIMIT 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    long majorNotices(long hazardId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE hazard_id = :h AND message_key = 'inbox.major.reported'")
                .param("h", hazardId).query(Long.class).single();
    }

    @Test
    void aReportedMajorHazardReachesTheInboxesOfItsDepartmentAndItsCounty(Scenario scenario) {
        long[] h = someAssignedHazard();
        long before = majorNotices(h[0]);
        scenario.publish(new HazardReported(h[0], "YH-MODULE", "MAJOR", h[1], h[2]))
                .andWaitForStateChange(() -> majorNotices(h[0]), n -> n == before + 2)
                .andVerify(n -> assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE hazard_id = :h "
                                + "AND message_key = 'inbox.major.reported' AND (department_id = :d OR county_id = :c)")
                        .param("h", h[0]).param("d", h[1]).param("c", h[2]).query(Long.class).single()).isEqualTo(before + 2));
    }

    @Test
    void aClosedHazardsOpenStepsBecomeRectified(Scenario scenario) {
        long[] h = someAssignedHazard();
        jdbc.sql("""
                INSERT INTO supervision_step (hazard_id, level, run_id, created_at, created_by, reason, department_id, county_id,
                                              hazard_deadline)
                VALUES (:h, 5, 'module-test', :now, 'test', 'escalation.reason.DISCIPLINE.GENERAL', :d, :c, :today)""")
                .param("h", h[0]).param("now", OffsetDateTime.now(clock)).param("d", h[1]).param("c", h[2])
                .param("today", LocalDate.now(clock)).update();
        scenario.publish(new HazardClosed(h[0], "YH-MODULE", OffsetDateTime.now(clock), "county", null))
                .andWaitForStateChange(() -> jdbc.sql("SELECT outcome_kind FROM supervision_step WHERE hazard_id = :h AND level = 5")
                        .param("h", h[0]).query(String.class).optional().orElse(null))
                .andVerify(kind -> assertThat(kind).isEqualTo("RECTIFIED"));
    }
}
