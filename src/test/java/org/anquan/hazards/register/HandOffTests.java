package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.hazards.Finding;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The one hand-off to the register: another module's record becomes a hazard that remembers where it came from. */
@IntegrationTest
@RecordApplicationEvents
class HandOffTests {

    @Autowired Hazards hazards;
    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEvents events;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long ownEnterprise() {
        return accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
    }

    long fromOrigin(Origin o) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard WHERE origin_module = :m AND origin_kind = :k AND origin_id = :i")
                .param("m", o.module()).param("k", o.kind()).param("i", o.id()).query(Long.class).single();
    }

    @Test
    void anOfficersFindingWithoutDescriptionPersonOrDeadlineIsRefusedWithEveryErrorAndNothingIsStored() {
        Origin origin = new Origin("test", "finding", 9_000_001L);
        assertThatThrownBy(() -> hazards.openFrom(origin, Finding.inspection(ownEnterprise(), null, null, null, "  ", null, " ", "test"),
                user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("description", "validation.required").containsEntry("responsiblePerson", "validation.required")
                        .containsEntry("deadline", "validation.required"));
        assertThatThrownBy(() -> hazards.openFrom(origin, Finding.inspection(ownEnterprise(), null, null, null, "护栏缺失",
                LocalDate.now(clock).minusDays(1), "李敏", "test"), user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("deadline", "deadline.past"));
        assertThatThrownBy(() -> hazards.openFrom(origin, Finding.inspection(ownEnterprise(), null, null, null, "长".repeat(2001),
                LocalDate.now(clock).plusDays(3), "李".repeat(61), "test"), user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("description", "validation.too.long").containsEntry("responsiblePerson", "validation.too.long"));
        assertThat(fromOrigin(origin)).isZero();
    }

    @Test
    void aCitizensReportNeedsOnlyItsDescription() {
        Finding f = Finding.citizen("某路口", null, null, 1L, "INDUSTRY_TRADE", "", "citizen report");
        assertThat(f.problems()).containsOnlyKeys("description");
        assertThatThrownBy(() -> new Origin("Traffic", "road segment", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginIsStoredOnTheHazardAndTravelsWithItsClosure() throws Exception {
        Origin origin = new Origin("test", "finding", 9_000_002L);
        Hazards.Opened opened = hazards.openFrom(origin, Finding.inspection(ownEnterprise(), null, null, null, " 消防通道堆放杂物 ",
                LocalDate.now(clock).plusDays(10), "李敏", "test"), user("dept"));
        Hazard h = service.get(opened.id(), user("admin"));
        assertThat(h.getOrigin()).isEqualTo(origin);
        assertThat(h.getDescription()).isEqualTo("消防通道堆放杂物");
        assertThat(h.getStatus()).isEqualTo(HazardStatus.ASSIGNED);

        Hazard started = service.start(h.getId(), h.getVersion(), user("enterprise"));
        service.addEvidence(h.getId(), "EVIDENCE", "after.png", HazardWorkflowTests.png(), started.getVersion(), user("enterprise"));
        Hazard submitted = service.submit(h.getId(), started.getVersion() + 1, "已清理", user("enterprise"));
        service.accept(h.getId(), submitted.getVersion(), new Hazard.OnSite(LocalDate.now(clock), "张明", "通道已清理"), null, user("dept"));
        assertThat(events.stream(HazardClosed.class).filter(c -> c.hazardId() == opened.id()))
                .singleElement().satisfies(c -> assertThat(c.origin()).isEqualTo(origin));
    }
}
