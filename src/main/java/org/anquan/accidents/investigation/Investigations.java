package org.anquan.accidents.investigation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.anquan.accidents.reporting.AccidentGrade;
import org.anquan.accidents.reporting.AccidentService;
import org.anquan.accidents.reporting.AccidentsProperties;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation of an accident (Order 493, articles 19 and 29–32): the authority follows the
 * grade; the report is due 60 days after the accident, extendable once by at most 60 days with a
 * reason; the government replies within 15 days of the report (30 for 特别重大), extendable once by at
 * most 30 days. Days in configuration.
 */
@Service
@Transactional
public class Investigations {

    /** Who investigates an accident of each grade: the county, the city, the province, the State Council. */
    public enum Authority { COUNTY, CITY, PROVINCE, STATE_COUNCIL;

        public static Authority of(AccidentGrade grade) {
            return switch (grade) {
                case GENERAL -> COUNTY;
                case LARGER -> CITY;
                case MAJOR -> PROVINCE;
                case ESPECIALLY_MAJOR -> STATE_COUNCIL;
            };
        }

        public String messageKey() {
            return "investigation.authority." + name();
        }
    }

    public record Investigation(long accidentId, String team, LocalDate startedOn, LocalDate reportDue, String extensionReason,
                                String reportNumber, LocalDate reportOn, LocalDate replyDue, boolean replyExtended,
                                String replyNumber, LocalDate replyOn, String reportFilename) {
        public boolean reportLate(LocalDate today) {
            return reportOn == null ? today.isAfter(reportDue) : reportOn.isAfter(reportDue);
        }

        public boolean replyLate(LocalDate today) {
            return replyDue != null && (replyOn == null ? today.isAfter(replyDue) : replyOn.isAfter(replyDue));
        }
    }

    private final JdbcClient jdbc;
    private final AccidentService accidents;
    private final AuditTrail audit;
    private final Clock clock;
    private final int reportDays;
    private final int reportExtensionDays;
    private final int replyDays;
    private final int replyDaysEspeciallyMajor;
    private final int replyExtensionDays;

    Investigations(JdbcClient jdbc, AccidentService accidents, AuditTrail audit, Clock clock, AccidentsProperties props) {
        AccidentsProperties.Investigation deadlines = props.investigation();
        this.jdbc = jdbc;
        this.accidents = accidents;
        this.audit = audit;
        this.clock = clock;
        this.reportDays = deadlines.reportDays();
        this.reportExtensionDays = deadlines.reportExtensionDays();
        this.replyDays = deadlines.replyDays();
        this.replyDaysEspeciallyMajor = deadlines.replyDaysEspeciallyMajor();
        this.replyExtensionDays = deadlines.replyExtensionDays();
    }

    /**
     * The accident, if the user's office records its investigation: a county's office the 一般 accidents
     * of its county, the city office every one (it records for the province and the State Council the
     * investigations they lead).
     */
    private AccidentService.AccidentView investigating(long accidentId, CurrentUser user) {
        var a = accidents.forClosing(accidentId, user);
        if (Authority.of(a.grade()) != Authority.COUNTY && !user.scope().isCity()) {
            throw new BusinessException("investigation.authority.other");
        }
        return a;
    }

    @Transactional(readOnly = true)
    public Optional<Investigation> of(long accidentId) {
        return jdbc.sql("""
                        SELECT accident_id, team, started_on, report_due, extension_reason, report_number, report_on, reply_due,
                               reply_extended, reply_number, reply_on, report_filename
                        FROM accident_investigation WHERE accident_id = :a""").param("a", accidentId)
                .query((rs, n) -> new Investigation(rs.getLong("accident_id"), rs.getString("team"),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("report_due", LocalDate.class),
                        rs.getString("extension_reason"), rs.getString("report_number"), rs.getObject("report_on", LocalDate.class),
                        rs.getObject("reply_due", LocalDate.class), rs.getBoolean("reply_extended"), rs.getString("reply_number"),
                        rs.getObject("reply_on", LocalDate.class), rs.getString("report_filename")))
                .optional();
    }

    /** Opens the investigation with its team; the report is due the set days after the accident. */
    public void open(long accidentId, String team, CurrentUser user) {
        var a = investigating(accidentId, user);
        if (of(accidentId).isPresent()) {
            throw new BusinessException("investigation.open.already");
        }
        if (team == null || team.isBlank()) {
            throw new InvalidInputException(Map.of("team", "investigation.team.required"));
        }
        if (team.length() > 1000) {
            throw new InvalidInputException(Map.of("team", "validation.too.long"));
        }
        LocalDate accidentDay = CityTime.dayOf(a.occurredAt(), clock);
        jdbc.sql("INSERT INTO accident_investigation (accident_id, team, started_on, report_due) VALUES (:a, :t, :s, :d)")
                .param("a", accidentId).param("t", team.trim()).param("s", LocalDate.now(clock))
                .param("d", accidentDay.plusDays(reportDays)).update();
        audit.record("INVESTIGATE", "accident", accidentId, a.code(), null, Map.of("team", team.trim()));
    }

    /** Extends the report's deadline once, by at most the set days, with a reason. */
    public void extendReport(long accidentId, LocalDate to, String reason, CurrentUser user) {
        var a = investigating(accidentId, user);
        Investigation i = of(accidentId).orElseThrow(() -> new BusinessException("investigation.none"));
        if (i.extensionReason() != null) {
            throw new BusinessException("investigation.extended.already");
        }
        if (i.reportOn() != null) {
            throw new BusinessException("investigation.reported.already");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (to == null || !to.isAfter(i.reportDue())) {
            errors.put("to", "investigation.extension.not.later");
        } else if (ChronoUnit.DAYS.between(i.reportDue(), to) > reportExtensionDays) {
            errors.put("to", "investigation.extension.too.long");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "investigation.extension.reason");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("UPDATE accident_investigation SET report_due = :d, extension_reason = :r, version = version + 1 WHERE accident_id = :a")
                .param("d", to).param("r", reason.trim()).param("a", accidentId).update();
        audit.record("EXTEND", "accident", accidentId, a.code() + " report due " + to, null, null);
    }

    /** The investigation report is submitted (its number and day); the reply is due from then. */
    public void report(long accidentId, String number, LocalDate on, CurrentUser user) {
        var a = investigating(accidentId, user);
        Investigation i = of(accidentId).orElseThrow(() -> new BusinessException("investigation.none"));
        if (i.reportOn() != null) {
            throw new BusinessException("investigation.reported.already");
        }
        documentAndDay(number, on, i.startedOn());
        int days = a.grade() == AccidentGrade.ESPECIALLY_MAJOR ? replyDaysEspeciallyMajor : replyDays;
        jdbc.sql("UPDATE accident_investigation SET report_number = :n, report_on = :on, reply_due = :due, version = version + 1 "
                        + "WHERE accident_id = :a")
                .param("n", number.trim()).param("on", on).param("due", on.plusDays(days)).param("a", accidentId).update();
        audit.record("REPORT", "accident", accidentId, a.code() + " " + number.trim(), null, null);
    }

    /** The investigation report's file as uploaded. */
    public record ReportFile(String filename, String contentType, byte[] content) {
    }

    /**
     * Attaches the investigation report itself, a PDF or Word document recognised by its bytes (a
     * picture or anything else is refused), after its number and day were recorded; a later upload
     * replaces it.
     */
    public void attachReport(long accidentId, String filename, byte[] bytes, CurrentUser user) {
        var a = investigating(accidentId, user);
        Investigation i = of(accidentId).orElseThrow(() -> new BusinessException("investigation.none"));
        if (i.reportOn() == null) {
            throw new BusinessException("investigation.no.report");
        }
        String type = EvidenceCheck.documentTypeOf(bytes, 50_000_000L);
        if (!EvidenceCheck.PDF.equals(type) && !EvidenceCheck.DOCX.equals(type)) {
            throw new BusinessException("investigation.file.type");
        }
        String name = EvidenceCheck.safeName(filename, type, a.code() + "事故调查报告");
        String sha = EvidenceCheck.sha256(bytes);
        jdbc.sql("""
                        UPDATE accident_investigation SET report_filename = :f, report_content_type = :t, report_sha256 = :h,
                               report_content = :c, version = version + 1 WHERE accident_id = :a""")
                .param("f", name).param("t", type).param("h", sha).param("c", bytes).param("a", accidentId).update();
        audit.record("ATTACH", "accident", accidentId, a.code() + " " + name + " " + sha, null, null);
    }

    /** The report's file, to whoever reads the accident. */
    @Transactional(readOnly = true)
    public Optional<ReportFile> reportFile(long accidentId, CurrentUser user) {
        accidents.get(accidentId, user);
        return jdbc.sql("""
                        SELECT report_filename, report_content_type, report_content FROM accident_investigation
                        WHERE accident_id = :a AND report_content IS NOT NULL""").param("a", accidentId)
                .query((rs, n) -> new ReportFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The reply's deadline is extended once, by the set days at most. */
    public void extendReply(long accidentId, CurrentUser user) {
        var a = investigating(accidentId, user);
        Investigation i = of(accidentId).orElseThrow(() -> new BusinessException("investigation.none"));
        if (i.replyDue() == null) {
            throw new BusinessException("investigation.no.report");
        }
        if (i.replyExtended()) {
            throw new BusinessException("investigation.reply.extended.already");
        }
        jdbc.sql("UPDATE accident_investigation SET reply_due = :d, reply_extended = TRUE, version = version + 1 WHERE accident_id = :a")
                .param("d", i.replyDue().plusDays(replyExtensionDays)).param("a", accidentId).update();
        audit.record("EXTEND", "accident", accidentId, a.code() + " reply", null, null);
    }

    /** The government's reply (批复), its number and day. */
    public void reply(long accidentId, String number, LocalDate on, CurrentUser user) {
        var a = investigating(accidentId, user);
        Investigation i = of(accidentId).orElseThrow(() -> new BusinessException("investigation.none"));
        if (i.reportOn() == null) {
            throw new BusinessException("investigation.no.report");
        }
        if (i.replyOn() != null) {
            throw new BusinessException("investigation.replied.already");
        }
        documentAndDay(number, on, i.reportOn());
        jdbc.sql("UPDATE accident_investigation SET reply_number = :n, reply_on = :on, version = version + 1 WHERE accident_id = :a")
                .param("n", number.trim()).param("on", on).param("a", accidentId).update();
        audit.record("REPLY", "accident", accidentId, a.code() + " " + number.trim(), null, null);
    }

    private void documentAndDay(String number, LocalDate on, LocalDate notBefore) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (number == null || number.isBlank()) {
            errors.put("number", "validation.required");
        } else if (number.length() > 100) {
            errors.put("number", "validation.too.long");
        }
        if (on == null) {
            errors.put("on", "validation.required");
        } else if (on.isAfter(LocalDate.now(clock)) || on.isBefore(notBefore)) {
            errors.put("on", "investigation.day.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
