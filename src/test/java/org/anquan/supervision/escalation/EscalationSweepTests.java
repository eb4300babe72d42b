package org.anquan.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.*;
import java.util.*;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.anquan.IntegrationTest;
import org.anquan.WebTestSupport;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.jobs.JobLocks;
import org.anquan.platform.jobs.TableStatistics;
import org.anquan.platform.security.Accounts;
import org.anquan.supervision.EscalationSwept;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The flow from an overdue hazard to supervision records, inbox messages and audit entries. */
@IntegrationTest
class EscalationSweepTests {

    @Autowired Clock clock;

    @Autowired EscalationSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired EscalationProperties properties;
    @Autowired TableStatistics statistics;

    long hazard(String grade, String status, LocalDate deadline) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id,
                                    county_id, deadline, open_deadline, reported_by, reported_at)
                SELECT 'T' || CAST(nextval('hazard_code_seq') AS VARCHAR), 'DEPT_INSPECTION', e.id, e.industry_code, 'sweep test',
                       :grade, :status, r.department_id, e.county_id, :deadline,
                       CASE WHEN :status IN ('ASSIGNED', 'RECTIFYING', 'SUBMITTED') THEN :deadline END, 'test', CURRENT_TIMESTAMP
                FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                ORDER BY e.id LIMIT 1""")
                .param("grade", grade).param("status", status).param("deadline", deadline).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Integer> levels(long hazardId) {
        return jdbc.sql("SELECT level FROM supervision_step WHERE hazard_id = :h ORDER BY level").param("h", hazardId)
                .query(Integer.class).list();
    }

    @Test
    void anOverdueHazardGetsItsStepsInboxMessagesAndAuditEntries() {
        LocalDate today = LocalDate.now(clock);
        long general20 = hazard("GENERAL", "RECTIFYING", today.minusDays(20));
        long major2 = hazard("MAJOR", "ASSIGNED", today.minusDays(2));
        long dueSoon = hazard("GENERAL", "ASSIGNED", today.plusDays(2));
        long notYet = hazard("GENERAL", "ASSIGNED", today.plusDays(20));
        long closed = hazard("GENERAL", "CLOSED", today.minusDays(90));
        long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ESCALATE'").query(Long.class).single();

        EscalationSwept result = sweep.run("tester").orElseThrow();

        assertThat(levels(general20)).containsExactly(2, 3);
        assertThat(levels(major2)).containsExactly(2, 3);
        assertThat(levels(dueSoon)).containsExactly(1);
        assertThat(levels(notYet)).isEmpty();
        assertThat(levels(closed)).isEmpty();
        long steps = jdbc.sql("SELECT COUNT(*) FROM supervision_step WHERE run_id = :r").param("r", result.runId()).query(Long.class).single();
        assertThat(result.total()).isEqualTo(steps).isGreaterThanOrEqualTo(5);
        // the department and the county of each step are told
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message m JOIN supervision_step s ON s.id = m.step_id WHERE s.run_id = :r")
                .param("r", result.runId()).query(Long.class).single()).isEqualTo(2 * steps);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ESCALATE'").query(Long.class).single())
                .isEqualTo(auditBefore + steps);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theSweepCreatesExactlyTheStepsThePolicyNamesOnEitherSideOfEveryThreshold() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Integer>> expected = new LinkedHashMap<>();
        for (String grade : List.of("GENERAL", "MAJOR")) {
            EscalationProperties.Thresholds t = properties.of(grade);
            Set<Integer> days = new TreeSet<>();
            for (EscalationLevel level : EscalationLevel.values()) {
                int edge = t.afterDays(level);
                days.addAll(List.of(edge - 1, edge, edge + 1));
            }
            days.add(-t.reminderDaysBefore() - 1);
            for (int overdue : days) {
                long id = hazard(grade, "RECTIFYING", today.minusDays(overdue));
                expected.put(id, EscalationPolicy.due(t, overdue).stream().map(EscalationLevel::rank).toList());
            }
        }

        sweep.run("tester").orElseThrow();

        expected.forEach((id, levels) -> assertThat(levels(id)).as("hazard %d", id).isEqualTo(levels));
    }

    @Test
    void tableStatisticsCanBeRefreshedOnThisDatabase() {
        statistics.refresh("supervision_step", "inbox_message");
        Assertions.assertThatThrownBy(() -> statistics.refresh("user_account; DROP TABLE hazard"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondRunChangesNothing() {
        hazard("GENERAL", "RECTIFYING", LocalDate.now(clock).minusDays(40));
        sweep.run("tester");
        long steps = jdbc.sql("SELECT COUNT(*) FROM supervision_step").query(Long.class).single();
        long inbox = jdbc.sql("SELECT COUNT(*) FROM inbox_message").query(Long.class).single();

        EscalationSwept again = sweep.run("tester").orElseThrow();

        assertThat(again.total()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_step").query(Long.class).single()).isEqualTo(steps);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message").query(Long.class).single()).isEqualTo(inbox);
    }

    @Test
    void twoInstancesSweepingAtOnceNeverDoubleAStep() throws Exception {
        for (int i = 0; i < 30; i++) {
            hazard(i % 2 == 0 ? "GENERAL" : "MAJOR", "RECTIFYING", LocalDate.now(clock).minusDays(i + 1));
        }
        Callable<Optional<EscalationSwept>> run = () -> sweep.run("instance");
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(run);
            var b = pool.submit(run);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT hazard_id, work_round, stage, level FROM supervision_step "
                        + "GROUP BY hazard_id, work_round, stage, level HAVING COUNT(*) > 1) d")
                .query(Long.class).single()).isZero();
    }

    @Autowired JobLocks locks;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    /** The sweep's lock as an instance that died in the middle of a sweep left it. */
    void lockLeftBy(String instance, Instant until) {
        jdbc.sql("DELETE FROM shedlock WHERE name = 'escalation-sweep'").update();
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('escalation-sweep', :u, :a, :b)")
                .param("u", LocalDateTime.ofInstant(until, ZoneOffset.UTC))
                .param("a", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("b", instance).update();
    }

    @Test
    void aRunLeasesItsLockForAMinuteAndExtendsItOnlyWhileItRuns() {
        var held = locks.runExclusively("lease-probe", () -> locks.holder("lease-probe")).orElseThrow().orElseThrow();
        assertThat(held.until()).isAfter(clock.instant()).isBefore(clock.instant().plusSeconds(65));
        assertThat(locks.holder("lease-probe")).as("released when the run ends").isEmpty();
    }

    @Test
    void aSweepLeftHalfWayByAnInstanceThatDiedIsRefusedWithWhoHoldsItUntilWhenThenRunsOnceTheLeaseLapses() throws Exception {
        lockLeftBy("node-b", clock.instant().plusSeconds(50));
        assertThat(sweep.run("tester")).isEmpty();
        var r = mvc.perform(MockMvcRequestBuilders.post("/api/v1/supervision/sweep")
                .with(WebTestSupport.as(accounts, "admin"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"sweep.busy\"").contains("node-b");

        lockLeftBy("node-b", clock.instant().minusSeconds(1));
        assertThat(sweep.run("tester")).isPresent();
    }
}
