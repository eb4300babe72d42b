package org.anquan.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.IntegrationTest;
import org.anquan.hazards.Hazards;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The ladder climbs every wait, an unanswered notice moves on, and a reopened hazard climbs again in a new round (issue 10, item 3). */
@IntegrationTest
class LadderRoundsTests {

    @Autowired EscalationSweep sweep;
    @Autowired SupervisionQueries queries;
    @Autowired EscalationProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired Hazards hazards;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    long hazard(String status, LocalDate deadline, OffsetDateTime since) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id,
                                    county_id, deadline, open_deadline, reported_by, reported_at, status_since)
                SELECT 'L' || CAST(nextval('hazard_code_seq') AS VARCHAR), 'CITIZEN', e.id, e.industry_code, 'ladder test',
                       'GENERAL', :status, r.department_id, e.county_id, :deadline,
                       CASE WHEN :status IN ('ASSIGNED', 'RECTIFYING', 'SUBMITTED') THEN :deadline END, 'test', :since, :since
                FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                ORDER BY e.id LIMIT 1""")
                .param("status", status).param("deadline", deadline).param("since", since).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<String> steps(long hazardId) {
        return jdbc.sql("SELECT work_round || ':' || stage || ':' || level FROM supervision_step WHERE hazard_id = :h ORDER BY id")
                .param("h", hazardId).query(String.class).list();
    }

    @Test
    void everyWaitClimbsExactlyAsThePolicySaysAnHourEitherSideOfItsLimit() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Boolean> expected = new LinkedHashMap<>();
        Map<Long, Stage> stages = new HashMap<>();
        for (Stage stage : List.of(Stage.VERIFY, Stage.ASSIGN, Stage.ACCEPT)) {
            int days = properties.waits().days(stage);
            for (Duration waited : List.of(Duration.ofDays(days).minusHours(1), Duration.ofDays(days).plusHours(1))) {
                long id = hazard(stage.waitingStatus(), LocalDate.now(clock).plusDays(30), now.minus(waited));
                expected.put(id, EscalationPolicy.waitOverdue(properties.waits(), stage, waited));
                stages.put(id, stage);
            }
        }
        sweep.run("tester").orElseThrow();
        expected.forEach((id, due) -> assertThat(steps(id)).as("hazard %d", id)
                .isEqualTo(due ? List.of("1:" + stages.get(id) + ":2") : List.of()));
        assertThat(expected.values()).containsOnly(true, false);
    }

    @Test
    void aNoticeUnansweredPastItsDeadlineMovesToTheNextStepOnce() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long waiting = hazard("REPORTED", LocalDate.now(clock).plusDays(30), now.minusDays(properties.waits().verifyDays() + 2));
        long answered = hazard("REPORTED", LocalDate.now(clock).plusDays(30), now.minusDays(properties.waits().verifyDays() + 2));
        sweep.run("tester").orElseThrow();
        // the answer deadline passes: one notice answered, one not
        jdbc.sql("UPDATE supervision_step SET answer_deadline = :d WHERE hazard_id IN (:h)")
                .param("d", LocalDate.now(clock).minusDays(1)).param("h", List.of(waiting, answered)).update();
        jdbc.sql("UPDATE supervision_step SET answer = '已安排核实', answered_by = 'county', answered_at = CURRENT_TIMESTAMP WHERE hazard_id = :h")
                .param("h", answered).update();
        sweep.run("tester").orElseThrow();
        sweep.run("tester").orElseThrow();
        assertThat(steps(waiting)).containsExactly("1:VERIFY:2", "1:VERIFY:3");
        assertThat(jdbc.sql("SELECT reason FROM supervision_step WHERE hazard_id = :h AND level = 3").param("h", waiting)
                .query(String.class).single()).isEqualTo("escalation.reason.UNANSWERED");
        assertThat(steps(answered)).containsExactly("1:VERIFY:2");
    }

    @Test
    void aReopenedHazardClimbsAgainInItsNewRoundAndEveryNoticeIsNumbered() {
        int before = jdbc.sql("SELECT COUNT(*) FROM supervision_notice_block").query(Integer.class).single();
        long id = hazard("RECTIFYING", LocalDate.now(clock).minusDays(20), OffsetDateTime.now(clock).minusDays(25));
        sweep.run("tester").orElseThrow();
        assertThat(steps(id)).containsExactly("1:RECTIFY:2", "1:RECTIFY:3");
        jdbc.sql("UPDATE hazard SET status = 'CLOSED', open_deadline = NULL, closed_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", id).update();
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        hazards.reopen(id, "回头看发现隐患仍存在", LocalDate.now(clock), admin);
        // the new deadline passes by three weeks
        jdbc.sql("UPDATE hazard SET deadline = :d, open_deadline = :d WHERE id = :id")
                .param("d", LocalDate.now(clock).minusDays(21)).param("id", id).update();
        sweep.run("tester").orElseThrow();
        assertThat(steps(id)).containsExactly("1:RECTIFY:2", "1:RECTIFY:3", "2:RECTIFY:2", "2:RECTIFY:3");
        List<String> numbers = queries.forHazard(id, Locale.SIMPLIFIED_CHINESE).stream()
                .filter(s -> s.level() == EscalationLevel.NOTICE)
                .map(StepRow::noticeNumber).toList();
        assertThat(numbers).hasSize(2).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("示安委办督〔" + LocalDate.now(clock).getYear() + "〕\\d+号"));
        // every notice of the city office this year has its own number, whichever sweep issued it
        List<String> all = jdbc.sql("SELECT b.prefix || CAST(b.first_number + s.notice_seq - 1 AS VARCHAR(12)) FROM supervision_step s "
                + "JOIN supervision_notice_block b ON b.run_id = s.run_id WHERE s.notice_seq IS NOT NULL").query(String.class).list();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_notice_block").query(Integer.class).single()).isGreaterThan(before);
    }
}
