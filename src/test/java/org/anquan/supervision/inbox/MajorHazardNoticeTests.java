package org.anquan.supervision.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.hazards.register.Hazard;
import org.anquan.hazards.register.HazardGrade;
import org.anquan.hazards.register.HazardReports;
import org.anquan.hazards.register.HazardService;
import org.anquan.platform.security.Accounts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event flow from the hazards module to supervision: a major hazard reaches both inboxes. */
@IntegrationTest
class MajorHazardNoticeTests {

    @Autowired Clock clock;

    @Autowired HazardService hazards;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    long inbox(long hazardId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE hazard_id = :h AND message_key = 'inbox.major.reported'")
                .param("h", hazardId).query(Long.class).single();
    }

    Hazard report(HazardGrade grade) {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        var user = accounts.principalOf(accounts.findByUsername("dept").orElseThrow().id()).user();
        return hazards.report(HazardReports.atEnterprise(enterprise).described("事件流测试").grade(grade)
                .due(LocalDate.now(clock).plusDays(5)).input(), user);
    }

    @Test
    void aMajorHazardIsReportedToTheDepartmentAndTheCounty() {
        Hazard major = report(HazardGrade.MAJOR);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbox(major.getId()) == 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE hazard_id = :h AND department_id = :d")
                .param("h", major.getId()).param("d", major.getDepartmentId()).query(Long.class).single()).isEqualTo(1);
        // the publication is complete in the registry
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id")
                .param("id", "%\"hazardId\":" + major.getId() + ",%").query(Long.class).single() == 0);
    }

    @Test
    void aGeneralHazardIsNot() throws Exception {
        Hazard general = report(HazardGrade.GENERAL);
        Hazard marker = report(HazardGrade.MAJOR);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbox(marker.getId()) == 2);
        assertThat(inbox(general.getId())).isZero();
    }
}
