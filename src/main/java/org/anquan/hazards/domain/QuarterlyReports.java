package org.anquan.hazards.domain;

import java.math.BigDecimal;
import org.anquan.platform.security.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly hazard statistics an enterprise files, due on a set day of the month after the quarter
 * (the 15th by default), signed by its principal responsible person. Late filings are flagged.
 */
@Service
public class QuarterlyReports {

    @ConfigurationProperties("anquan.hazards.quarterly")
    public record Properties(int dueDay) {
        public Properties {
            if (dueDay < 1 || dueDay > 28) {
                throw new IllegalArgumentException("anquan.hazards.quarterly.due-day must be 1..28");
            }
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Properties properties;
    private final Clock clock;
    private final ScopeFilter scopes;

    /** A filing's columns for each dimension of a data scope, through its enterprise. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("e.county_id").industry("e.industry_code")
            .enterprise("q.enterprise_id");

    QuarterlyReports(JdbcClient jdbc, AuditTrail audit, Properties properties, Clock clock, ScopeFilter scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The day a quarter's statistics are due: the due day of the month after the quarter. */
    public static LocalDate dueOn(int year, int quarter, int dueDay) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).withDayOfMonth(dueDay);
    }

    public record Figures(int foundGeneral, int foundMajor, int rectifiedGeneral, int rectifiedMajor) {
    }

    public record Filing(long id, long enterpriseId, String enterpriseName, int year, int quarter, Figures figures,
                         BigDecimal funds, String principalSigned, LocalDate dueOn, OffsetDateTime filedAt, boolean late) {
    }

    /** The enterprise's numbers for the quarter as the register has them, to prefill the form. */
    public Figures fromRegister(long enterpriseId, int year, int quarter) {
        LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
        OffsetDateTime from = CityTime.startOf(first, clock);
        OffsetDateTime to = CityTime.startOf(first.plusMonths(3), clock);
        return jdbc.sql("""
                SELECT
                  COALESCE(SUM(CASE WHEN grade = 'GENERAL' AND reported_at >= :f AND reported_at < :t THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN grade = 'MAJOR' AND reported_at >= :f AND reported_at < :t THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN grade = 'GENERAL' AND closed_at >= :f AND closed_at < :t THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN grade = 'MAJOR' AND closed_at >= :f AND closed_at < :t THEN 1 ELSE 0 END), 0)
                FROM hazard WHERE enterprise_id = :e AND status <> 'REJECTED'""")
                .param("e", enterpriseId).param("f", from).param("t", to)
                .query((rs, n) -> new Figures(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
    }

    @Transactional
    public Filing file(int year, int quarter, Figures figures, BigDecimal funds, String principalSigned, CurrentUser user) {
        user.require(Permission.QUARTERLY_FILE);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (quarter < 1 || quarter > 4 || year < 2000 || year > today.getYear()) {
            errors.put("quarter", "quarterly.quarter.invalid");
        } else if (LocalDate.of(year, quarter * 3, 1).plusMonths(1).isAfter(today)) {
            // the quarter has not ended: its first day after is still ahead
            errors.put("quarter", "quarterly.quarter.notEnded");
        }
        if (figures.foundGeneral() < 0 || figures.foundMajor() < 0 || figures.rectifiedGeneral() < 0 || figures.rectifiedMajor() < 0) {
            errors.put("foundGeneral", "quarterly.negative");
        }
        if (funds == null || funds.signum() < 0) {
            errors.put("funds", "quarterly.funds.invalid");
        } else if (funds.precision() - funds.scale() > 12 || funds.scale() > 2) {
            errors.put("funds", "validation.range");
        }
        if (principalSigned == null || principalSigned.isBlank()) {
            errors.put("principalSigned", "quarterly.signature.required");
        } else if (principalSigned.strip().length() > 50) {
            errors.put("principalSigned", "validation.too.long");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long enterprise = user.enterpriseId();
        if (jdbc.sql("SELECT COUNT(*) FROM quarterly_report WHERE enterprise_id = :e AND report_year = :y AND quarter = :q")
                .param("e", enterprise).param("y", year).param("q", quarter).query(Long.class).single() > 0) {
            throw new BusinessException("quarterly.already.filed", year, quarter);
        }
        LocalDate due = dueOn(year, quarter, properties.dueDay());
        boolean late = today.isAfter(due);
        jdbc.sql("""
                INSERT INTO quarterly_report (enterprise_id, report_year, quarter, found_general, found_major, rectified_general,
                                              rectified_major, funds, principal_signed, due_on, filed_by, filed_at, late)
                VALUES (:e, :y, :q, :fg, :fm, :rg, :rm, :funds, :sig, :due, :by, :at, :late)""")
                .param("e", enterprise).param("y", year).param("q", quarter).param("fg", figures.foundGeneral())
                .param("fm", figures.foundMajor()).param("rg", figures.rectifiedGeneral()).param("rm", figures.rectifiedMajor())
                .param("funds", funds).param("sig", principalSigned.trim()).param("due", due).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).param("late", late).update();
        audit.record("FILE_QUARTERLY", "enterprise", enterprise, year + "Q" + quarter + (late ? " late" : ""), null, figures);
        return filings(user.scope()).stream().filter(f -> f.year() == year && f.quarter() == quarter && f.enterpriseId() == enterprise)
                .findFirst().orElseThrow();
    }

    public List<Filing> filings(DataScope scope) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        String where = "WHERE 1 = 1" + visible.and();
        return jdbc.sql("SELECT q.*, e.name FROM quarterly_report q JOIN directory_enterprise_view e ON e.id = q.enterprise_id " + where
                        + " ORDER BY q.report_year DESC, q.quarter DESC, q.filed_at DESC LIMIT 500")
                .params(visible.params())
                .query((rs, n) -> new Filing(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("name"),
                        rs.getInt("report_year"), rs.getInt("quarter"),
                        new Figures(rs.getInt("found_general"), rs.getInt("found_major"), rs.getInt("rectified_general"),
                                rs.getInt("rectified_major")),
                        rs.getBigDecimal("funds"), rs.getString("principal_signed"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("filed_at", OffsetDateTime.class), rs.getBoolean("late")))
                .list();
    }

    /** The quarter whose statistics are due next or were due last: the last quarter that ended. */
    public int[] lastEndedQuarter() {
        LocalDate today = LocalDate.now(clock);
        int q = (today.getMonthValue() - 1) / 3;
        return q == 0 ? new int[] {today.getYear() - 1, 4} : new int[] {today.getYear(), q};
    }

    public int dueDay() {
        return properties.dueDay();
    }
}
