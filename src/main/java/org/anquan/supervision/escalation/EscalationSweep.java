package org.anquan.supervision.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anquan.hazards.Hazards;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.documents.DocumentNumbers;
import org.anquan.platform.documents.DocumentsProperties;
import org.anquan.platform.jobs.JobLocks;
import org.anquan.platform.jobs.TableStatistics;
import org.anquan.supervision.EscalationSwept;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation sweep: for every open hazard whose deadline has passed a threshold of its grade,
 * creates the due steps of the ladder, tells the owners through their inbox and audits it. One
 * set-based statement per level and grade; a step that exists is never created again (NOT EXISTS,
 * and a unique key as the last guard), and a database lock keeps two instances from sweeping
 * together.
 */
@Service
class EscalationSweep {

    static final String LOCK = "escalation-sweep";
    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

    private final JdbcClient jdbc;
    private final EscalationProperties properties;
    private final AuditTrail audit;
    private final JobLocks locks;
    private final TableStatistics statistics;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DocumentNumbers numbers;
    private final String cityAbbreviation;

    EscalationSweep(DocumentNumbers numbers, DocumentsProperties documents, JdbcClient jdbc, EscalationProperties properties, AuditTrail audit, JobLocks locks,
                    TableStatistics statistics, ApplicationEventPublisher events,
                    TransactionTemplate tx, Clock clock) {
        this.numbers = numbers;
        this.cityAbbreviation = documents.cityAbbreviation();
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.locks = locks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every night, and whenever an administrator asks. */
    @Scheduled(cron = "${anquan.supervision.sweep-cron:0 15 1 * * *}", zone = "${anquan.time-zone}")
    void scheduled() {
        run("system");
    }

    /**
     * Why a sweep cannot start now, as a message key and its arguments: which instance runs one and
     * when its lock lapses unless that run goes on (the time in the city's zone).
     */
    public Object[] busyReason() {
        return locks.holder(LOCK)
                .map(h -> new Object[] {h.lockedBy(), DateTimeFormatter.ofPattern("HH:mm:ss")
                        .format(h.until().atZone(clock.getZone()))})
                .orElseGet(() -> new Object[] {"?", "—"});
    }

    /** Runs the sweep unless another run holds the lock; empty then. */
    public Optional<EscalationSwept> run(String actor) {
        return locks.runExclusively(LOCK, () -> sweep(actor));
    }

    /**
     * One transaction per level, each holding the level's steps with their inbox messages and
     * audit entries: a run stopped half-way keeps whole levels, and the next run creates the rest.
     */
    EscalationSwept sweep(String actor) {
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> created = new LinkedHashMap<>();
        long[] phases = new long[3];
        for (EscalationLevel level : EscalationLevel.values()) {
            created.put(level.name(), tx.execute(s -> sweepLevel(level, runId, actor, today, now, phases)));
        }
        int total = created.values().stream().mapToInt(Integer::intValue).sum();
        long levelsDone = System.nanoTime();
        if (total >= 1000) {
            statistics.refresh("supervision_step", "inbox_message");
        }
        EscalationSwept result = new EscalationSwept(runId, created, actor);
        tx.executeWithoutResult(s -> events.publishEvent(result));
        long done = System.nanoTime();
        log.info("Escalation sweep {} by {} created {} steps {} in {} ms (steps {}, inbox {}, audit {}, commits {}, statistics and event {} ms)",
                runId, actor, total, created, millis(started, done), phases[0] / 1_000_000, phases[1] / 1_000_000,
                phases[2] / 1_000_000, (levelsDone - started - phases[0] - phases[1] - phases[2]) / 1_000_000,
                millis(levelsDone, done));
        return result;
    }

    private int sweepLevel(EscalationLevel level, String runId, String actor, LocalDate today, OffsetDateTime now,
                           long[] phases) {
        long t0 = System.nanoTime();
        int n = 0;
        for (String grade : List.of("GENERAL", "MAJOR")) {
            EscalationProperties.Thresholds t = properties.of(grade);
            if (level == EscalationLevel.REMINDER && t.reminderDaysBefore() == 0) {
                continue;
            }
            String due = level == EscalationLevel.REMINDER
                    ? "h.open_deadline >= :today AND h.open_deadline <= :until"
                    : "h.open_deadline < :until";
            LocalDate until = level == EscalationLevel.REMINDER
                    ? today.plusDays(t.reminderDaysBefore())
                    : today.minusDays(t.afterDays(level));
            int numbered = n;
            n += statistics.withIndexScans(() -> jdbc.sql("""
                    INSERT INTO supervision_step (hazard_id, level, work_round, stage, run_id, created_at, created_by, reason,
                                                  department_id, county_id, hazard_deadline, answer_deadline, notice_seq)
                    SELECT h.id, :level, h.work_round, 'RECTIFY', :run, :now, :actor, :reason, h.department_id, h.county_id,
                           h.deadline, :answerBy, CASE WHEN :level = 2 THEN :offset + ROW_NUMBER() OVER (ORDER BY h.id) END
                    FROM hazards_hazard_view h
                    WHERE h.status IN (:escalating) AND h.grade = :grade AND\s""" + due + """
                      AND NOT EXISTS (SELECT 1 FROM supervision_step s WHERE s.hazard_id = h.id AND s.work_round = h.work_round
                                      AND s.stage = 'RECTIFY' AND s.level = :level)
                    """)
                    .param("level", level.rank()).param("run", runId).param("now", now).param("actor", actor)
                    .param("reason", "escalation.reason." + level.name() + "." + grade)
                    .param("answerBy", level == EscalationLevel.NOTICE ? today.plusDays(properties.noticeAnswerDays()) : null)
                    .param("grade", grade).param("today", today).param("until", until)
                    .param("escalating", Hazards.escalatingStatuses()).param("offset", numbered)
                    .update());
        }
        if (level == EscalationLevel.NOTICE) {
            n += sweepWaits(runId, actor, today, now, n);
        }
        if (level == EscalationLevel.LISTED) {
            n += sweepUnanswered(runId, actor, today, now);
        }
        long t1 = System.nanoTime();
        phases[0] += t1 - t0;
        if (n == 0) {
            return 0;
        }
        if (level == EscalationLevel.NOTICE) {
            numberNotices(runId, today, n);
        }
        for (String owner : List.of("department_id", "county_id")) {
            jdbc.sql("INSERT INTO inbox_message (" + owner + ", hazard_id, step_id, message_key, created_at) "
                    + "SELECT s." + owner + ", s.hazard_id, s.id, 'inbox.escalation', s.created_at "
                    + "FROM supervision_step s WHERE s.run_id = :run AND s.level = :level")
                    .param("run", runId).param("level", level.rank()).update();
        }
        long t2 = System.nanoTime();
        phases[1] += t2 - t1;
        List<AuditTrail.Change> changes = jdbc.sql(
                        "SELECT s.hazard_id FROM supervision_step s WHERE s.run_id = :run AND s.level = :level ORDER BY s.id")
                .param("run", runId).param("level", level.rank())
                .query((rs, i) -> new AuditTrail.Change("ESCALATE", "hazard", rs.getLong(1), level.name()))
                .list();
        audit.recordAll(actor, changes);
        phases[2] += System.nanoTime() - t2;
        return n;
    }

    /**
     * A supervision notice for every hazard an official has left waiting longer than its limit: a report
     * not verified, a verified hazard not assigned, submitted work not accepted. One per wait and round.
     */
    private int sweepWaits(String runId, String actor, LocalDate today, OffsetDateTime now, int numbered) {
        int n = 0;
        for (Stage stage : List.of(Stage.VERIFY, Stage.ASSIGN, Stage.ACCEPT)) {
            n += jdbc.sql("""
                    INSERT INTO supervision_step (hazard_id, level, work_round, stage, run_id, created_at, created_by, reason,
                                                  department_id, county_id, hazard_deadline, answer_deadline, notice_seq)
                    SELECT h.id, :level, h.work_round, :stage, :run, :now, :actor, :reason, h.department_id, h.county_id, :today, :answerBy,
                           :offset + ROW_NUMBER() OVER (ORDER BY h.id)
                    FROM hazards_hazard_view h
                    WHERE h.status = :waiting AND h.status_since < :cutoff
                      AND NOT EXISTS (SELECT 1 FROM supervision_step s WHERE s.hazard_id = h.id AND s.work_round = h.work_round
                                      AND s.stage = :stage AND s.level = :level)
                    """)
                    .param("level", EscalationLevel.NOTICE.rank()).param("stage", stage.name()).param("run", runId)
                    .param("now", now).param("actor", actor).param("reason", "escalation.reason.WAIT." + stage.name())
                    .param("today", today).param("answerBy", today.plusDays(properties.noticeAnswerDays()))
                    .param("waiting", stage.waitingStatus()).param("cutoff", now.minusDays(properties.waits().days(stage)))
                    .param("offset", numbered + n)
                    .update();
        }
        return n;
    }

    /**
     * A supervision notice left unanswered past its answer deadline moves the hazard to the next step,
     * in the same round and for the same wait, while the hazard is still in it.
     */
    private int sweepUnanswered(String runId, String actor, LocalDate today, OffsetDateTime now) {
        return jdbc.sql("""
                INSERT INTO supervision_step (hazard_id, level, work_round, stage, run_id, created_at, created_by, reason,
                                              department_id, county_id, hazard_deadline)
                SELECT s.hazard_id, :listed, s.work_round, s.stage, :run, :now, :actor, 'escalation.reason.UNANSWERED',
                       h.department_id, h.county_id, s.hazard_deadline
                FROM supervision_step s JOIN hazards_hazard_view h ON h.id = s.hazard_id
                WHERE s.level = :notice AND s.answer IS NULL AND s.answer_deadline < :today AND h.work_round = s.work_round
                  AND ((s.stage = 'RECTIFY' AND h.status IN (:escalating))
                       OR (s.stage = 'VERIFY' AND h.status = 'REPORTED') OR (s.stage = 'ASSIGN' AND h.status = 'VERIFIED')
                       OR (s.stage = 'ACCEPT' AND h.status = 'SUBMITTED'))
                  AND NOT EXISTS (SELECT 1 FROM supervision_step t WHERE t.hazard_id = s.hazard_id AND t.work_round = s.work_round
                                  AND t.stage = s.stage AND t.level = :listed)
                """)
                .param("listed", EscalationLevel.LISTED.rank()).param("notice", EscalationLevel.NOTICE.rank())
                .param("run", runId).param("now", now).param("actor", actor).param("today", today)
                .param("escalating", Hazards.escalatingStatuses())
                .update();
    }

    /**
     * Numbers the run's supervision notices in the city office's sequence of the year: a block of as
     * many numbers as notices is reserved, and each notice is the block's first plus its place in the
     * run (its notice_seq, given as it was inserted): no step row is written twice.
     */
    private void numberNotices(String runId, LocalDate today, int notices) {
        int first = numbers.reserve("CITY", "NOTICE", today.getYear(), notices);
        jdbc.sql("INSERT INTO supervision_notice_block (run_id, prefix, first_number) VALUES (:run, :prefix, :first)")
                .param("run", runId).param("prefix", cityAbbreviation + "督〔" + today.getYear() + "〕").param("first", first).update();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
