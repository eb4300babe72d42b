package org.anquan.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.anquan.directory.Directory;
import org.anquan.emergency.FireDangerWarned;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The alerts module on its own with the modules it depends on: a county's fire danger, as the emergency
 * module announces it, drafts a public warning and submits it for approval — at level 4 or 5, once.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class AlertsModuleTests {

    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;
    @Autowired Clock clock;

    /** A fire-danger warning of this test's own: a number no other test or the demo uses. */
    static long warningId() {
        return 900_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
    }

    List<String> alerts(long warningId) {
        return jdbc.sql("SELECT status FROM alert WHERE source_kind = 'FIRE_DANGER' AND source_ref = :r")
                .param("r", String.valueOf(warningId)).query(String.class).list();
    }

    FireDangerWarned warned(long warningId, int level) {
        long county = directory.counties().get(0).id();
        return new FireDangerWarned(warningId, county, LocalDate.now(clock).plusDays(1), level, level == 5 ? 52.0 : 40.0);
    }

    @Test
    void aHighFireDangerDraftsAWarningSubmittedForApproval(Scenario scenario) {
        long id = warningId();
        scenario.publish(warned(id, 4))
                .andWaitForStateChange(() -> alerts(id), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).containsExactly("SUBMITTED"));
    }

    @Test
    void theSameDangerAnnouncedTwiceDraftsOneWarning(Scenario scenario) {
        long id = warningId();
        scenario.publish(warned(id, 5)).andWaitForStateChange(() -> alerts(id), found -> !found.isEmpty());
        scenario.publish(warned(id, 5)).andWaitForEventOfType(FireDangerWarned.class).toArrive();
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> alerts(id).size() == 1);
    }

    @Test
    void aModerateDangerWarnsNobody(Scenario scenario) {
        long id = warningId();
        scenario.publish(warned(id, 3)).andWaitForEventOfType(FireDangerWarned.class).toArrive();
        // the listener runs after the publishing transaction: nothing may appear meanwhile
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> alerts(id).isEmpty());
    }
}
