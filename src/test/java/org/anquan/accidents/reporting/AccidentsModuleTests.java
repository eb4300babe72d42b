package org.anquan.accidents.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.anquan.accidents.investigation.Investigations;
import org.anquan.accidents.investigation.Recommendations;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The accidents module on its own with the modules it depends on: an investigation's recommendation handed to the
 * hazard register is done when that hazard closes, as the hazards module announces it — and only its own.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class AccidentsModuleTests {

    @Autowired AccidentService accidents;
    @Autowired Investigations investigations;
    @Autowired Recommendations recommendations;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    CurrentUser county() {
        return accounts.principalOf(accounts.findByUsername("county").orElseThrow().id()).user();
    }

    /** An accident of this test's own, its recommendation, and the hazard that tracks it. */
    record Tracked(long accident, long recommendation, Hazards.Opened hazard) {
        boolean done(Recommendations recommendations) {
            return recommendations.of(accident).stream().filter(r -> r.id() == recommendation).findFirst().orElseThrow().done();
        }
    }

    Tracked recommendationTrackedAsAHazard(String measure) {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        OffsetDateTime occurred = OffsetDateTime.now(clock).minusDays(2);
        var a = accidents.report(new AccidentInput(occurred, occurred.plusMinutes(5), "UNIT", null, "POISONING_ASPHYXIA", enterprise,
                null, null, null, null, "污水池清淤作业现场", "作业人员未检测即进入污水池中毒", "已停止作业并送医", 0, 0, 1, 0, 50_000L,
                null, null), county());
        investigations.open(a.id(), "组长：县应急管理局副局长", county());
        investigations.report(a.id(), "平安应急调〔2026〕9号", LocalDate.now(clock), county());
        long recommendation = recommendations.add(a.id(), measure, "平安化工有限公司", "李某", LocalDate.now(clock).plusDays(30), county());
        Hazards.Opened hazard = recommendations.openHazard(a.id(), recommendation, county());
        return new Tracked(a.id(), recommendation, hazard);
    }

    @Test
    void aRecommendationIsDoneWhenItsHazardCloses(Scenario scenario) {
        Tracked t = recommendationTrackedAsAHazard("调节池加装固定式气体报警仪");
        assertThat(t.done(recommendations)).isFalse();
        scenario.publish(new HazardClosed(t.hazard().id(), t.hazard().code(), OffsetDateTime.now(clock), "county",
                        new Origin("accidents", "recommendation", t.recommendation())))
                .andWaitForStateChange(() -> t.done(recommendations), Boolean::booleanValue)
                .andVerify(d -> assertThat(d).isTrue());
    }

    @Test
    void theClosureOfAnotherModulesHazardLeavesTheRecommendationOpen(Scenario scenario) {
        Tracked t = recommendationTrackedAsAHazard("建立受限空间作业审批制度");
        scenario.publish(new HazardClosed(t.hazard().id(), t.hazard().code(), OffsetDateTime.now(clock), "county",
                new Origin("citizen", "report", t.recommendation()))).andWaitForEventOfType(HazardClosed.class).toArrive();
        // the listener runs after the publishing transaction, on another thread: the recommendation must stay open meanwhile
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !t.done(recommendations));
    }
}
