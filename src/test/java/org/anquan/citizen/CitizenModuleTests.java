package org.anquan.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.anquan.citizen.reports.CitizenFixtures;
import org.anquan.citizen.reports.Intake;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The citizen module on its own with the modules it depends on: a report it hands to the hazard
 * register closes when that hazard closes, as the hazards module announces it, and only then.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class CitizenModuleTests {

    @Autowired Intake intake;
    @Autowired ApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser admin() {
        return accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
    }

    /** A report of this test's own, turned into a hazard by the city office. */
    Object[] reportTurnedIntoAHazard(String description) {
        var done = intake.submit(new Intake.Submission("HAZARD_WORKPLACE", description, null, 118.02, 30.02, null, null, null, null,
                Map.of(), List.of(), Intake.Source.WEB, null, null, "198.51.100.7"), "citizen");
        Hazards.Opened opened = CitizenFixtures.toHazard(context, done.id(), 0, description + "（核实）", admin());
        return new Object[] {done.id(), opened};
    }

    String status(long report) {
        return jdbc.sql("SELECT status FROM citizen_report WHERE id = :id").param("id", report).query(String.class).single();
    }

    @Test
    void theReportClosesWhenItsHazardCloses(Scenario scenario) {
        Object[] r = reportTurnedIntoAHazard("仓库消防通道被货物堵死");
        long report = (long) r[0];
        Hazards.Opened hazard = (Hazards.Opened) r[1];
        assertThat(status(report)).isEqualTo("HAZARD");
        scenario.publish(new HazardClosed(hazard.id(), hazard.code(), OffsetDateTime.now(clock), "county", new Origin("citizen", "report", report)))
                .andWaitForStateChange(() -> status(report), "CLOSED"::equals)
                .andVerify(s -> assertThat(s).isEqualTo("CLOSED"));
    }

    @Test
    void aHazardHandedOverByAnotherModuleLeavesTheReportsAlone(Scenario scenario) {
        Object[] r = reportTurnedIntoAHazard("厂区配电箱门锁损坏");
        long report = (long) r[0];
        Hazards.Opened hazard = (Hazards.Opened) r[1];
        // the same hazard id announced as another module's: the listener does not look at it
        scenario.publish(new HazardClosed(hazard.id(), hazard.code(), OffsetDateTime.now(clock), "county",
                new Origin("accidents", "recommendation", 1))).andWaitForEventOfType(HazardClosed.class).toArrive();
        // the listener runs after the publishing transaction, on another thread: the report must stay as it is meanwhile
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> status(report).equals("HAZARD"));
    }
}
