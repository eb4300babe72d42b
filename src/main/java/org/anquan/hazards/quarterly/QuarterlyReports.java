package org.anquan.hazards.quarterly;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.register.HazardsProperties;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly hazard statistics an enterprise files, due on a set day of the month after the quarter
 * (the 15th by default), and the annual return (quarter 0), due by the end of January, each signed by
 * its principal responsible person as registered. A missed period may be filed late, and is flagged;
 * officials list the enterprises that have not filed.
 */
@Service
class QuarterlyReports {

    /** The annual return is filed as quarter 0 of its year. */
    public static final int ANNUAL = 0;

    /** Enterprise statuses that file statistics: working ones (a closed or suspended unit does not). */
    static final List<String> FILING_STATUSES = List.of("OPERATING", "MINE_PRODUCING", "MINE_UNDER_CONSTRUCTION", "MINE_TECH_RENOVATION");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final HazardsProperties.Quarterly properties;
    private final Clock clock;
    private final ScopeFilter scopes;
    private final Directory directory;

    /** An enterprise's columns for each dimension of a data scope. */
    static final ScopeFilter.Columns ENTERPRISE_SCOPE = ScopeFilter.Columns.of().county("e.county_id").industry("e.industry_code")
            .enterprise("e.id");

    /** A filing's columns for each dimension of a data scope, through its enterprise. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("e.county_id").industry("e.industry_code")
            .enterprise("q.enterprise_id");

    QuarterlyReports(JdbcClient jdbc, AuditTrail audit, HazardsProperties props, Clock clock, ScopeFilter scopes,
                     Directory directory) {
        this.directory = directory;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = props.quarterly();
        this.clock = clock;
    }

    /** The day a quarter's statistics are due: the due day of the month after the quarter. */
    public static LocalDate dueOn(int year, int quarter, int dueDay) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).withDayOfMonth(dueDay);
    }

    /** The day a period is due: a quarter's as above, the annual return's in January of the next year. */
    public LocalDate dueOn(int year, int quarter) {
        return quarter == ANNUAL ? LocalDate.of(year + 1, 1, properties.annualDueDay()) : dueOn(year, quarter, properties.dueDay());
    }

    /** A period to file: a quarter of a year, or the year (quarter 0), with its due day. */
    public record Period(int year, int quarter, LocalDate dueOn) {
        public boolean annual() {
            return quarter == ANNUAL;
        }

        public String key() {
            return year + "-" + quarter;
        }
    }

    /** The period a form names as {@code 2026-3} (a quarter) or {@code 2025-0} (the year); null when it names none. */
    public Period parsePeriod(String key) {
        if (key == null || !key.matches("\\d{4}-[0-4]")) {
            return null;
        }
        int year = Integer.parseInt(key.substring(0, 4));
        int quarter = key.charAt(5) - '0';
        return new Period(year, quarter, dueOn(year, quarter));
    }

    /** Whether the period is over: only an ended period is filed. */
    boolean ended(int year, int quarter) {
        LocalDate today = LocalDate.now(clock);
        return quarter == ANNUAL ? year < today.getYear() : !LocalDate.of(year, quarter * 3, 1).plusMonths(1).isAfter(today);
    }

    /**
     * The ended periods of the last two years the enterprise has not filed, oldest first: what it may
     * still file (late once past the due day).
     */
    public List<Period> openPeriods(long enterpriseId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> filed = new HashSet<>(jdbc.sql(
                        "SELECT report_year || '-' || quarter FROM quarterly_report WHERE enterprise_id = :e AND report_year >= :y")
                .param("e", enterpriseId).param("y", today.getYear() - 2).query(String.class).list());
        List<Period> open = new ArrayList<>();
        LocalDate earliest = today.minusYears(2);
        for (int year = earliest.getYear(); year <= today.getYear(); year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                boolean recent = !LocalDate.of(year, quarter * 3, 1).isBefore(earliest);
                if (recent && ended(year, quarter) && !filed.contains(year + "-" + quarter)) {
                    open.add(new Period(year, quarter, dueOn(year, quarter)));
                }
            }
            if (ended(year, ANNUAL) && !filed.contains(year + "-" + ANNUAL)) {
                open.add(new Period(year, ANNUAL, dueOn(year, ANNUAL)));
            }
        }
        return open;
    }

    public record Figures(int foundGeneral, int foundMajor, int rectifiedGeneral, int rectifiedMajor) {
    }

    public record Filing(long id, long enterpriseId, String enterpriseName, int year, int quarter, Figures figures,
                         BigDecimal funds, String principalSigned, LocalDate dueOn, OffsetDateTime filedAt, boolean late) {
    }

    /** The enterprise's numbers for the quarter as the register has them, to prefill the form. */
    public Figures fromRegister(long enterpriseId, int year, int quarter) {
        LocalDate first = quarter == ANNUAL ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
        OffsetDateTime from = CityTime.startOf(first, clock);
        OffsetDateTime to = CityTime.startOf(first.plusMonths(quarter == ANNUAL ? 12 : 3), clock);
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
        if (quarter < 0 || quarter > 4 || year < 2000 || year > today.getYear()) {
            errors.put("quarter", "quarterly.quarter.invalid");
        } else if (!ended(year, quarter)) {
            // the period has not ended: its first day after is still ahead
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
        } else {
            // signed by the principal responsible person the directory holds, not by whoever files
            String principal = directory.principalOf(user.enterpriseId()).orElse(null);
            if (principal == null) {
                errors.put("principalSigned", "quarterly.principal.unknown");
            } else if (!principal.replaceAll("\\s", "").equals(principalSigned.replaceAll("\\s", ""))) {
                errors.put("principalSigned", "quarterly.signature.mismatch");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long enterprise = user.enterpriseId();
        if (jdbc.sql("SELECT COUNT(*) FROM quarterly_report WHERE enterprise_id = :e AND report_year = :y AND quarter = :q")
                .param("e", enterprise).param("y", year).param("q", quarter).query(Long.class).single() > 0) {
            throw new BusinessException("quarterly.already.filed", year, quarter);
        }
        LocalDate due = dueOn(year, quarter);
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
        return jdbc.sql("SELECT q.*, e.name FROM quarterly_report q JOIN directory_enterprise_view e ON e.id = q.enterprise_id WHERE "
                        + visible.sql()
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

    /** Non-filers of a period: how many per county and industry, and the first of them by name. */
    public record Missing(Period period, List<Count> counts, List<MissingEnterprise> enterprises, long total) {
    }

    public record Count(String countyName, String industryName, long missing) {
    }

    public record MissingEnterprise(long id, String name, String creditCode, String countyName, String industryName) {
    }

    /** The enterprises in the scope that should have filed the period and have not. */
    public Missing missing(Period period, DataScope scope, Locale locale, int limit) {
        ScopeFilter.Predicate visible = scopes.read(scope, ENTERPRISE_SCOPE);
        boolean en = "en".equals(locale.getLanguage());
        String from = " FROM directory_enterprise_view e JOIN directory_region_view c ON c.id = e.county_id "
                + "JOIN directory_industry_view i ON i.code = e.industry_code WHERE e.status IN (:statuses)" + visible.and()
                + " AND NOT EXISTS (SELECT 1 FROM quarterly_report q WHERE q.enterprise_id = e.id AND q.report_year = :y AND q.quarter = :q)";
        String industry = en ? "i.name_en" : "i.name_zh";
        List<Count> counts = jdbc.sql("SELECT c.name AS county_name, " + industry + " AS industry_name, COUNT(*) AS n" + from
                        + " GROUP BY c.code, c.name, i.sort_order, " + industry + " ORDER BY c.code, i.sort_order")
                .params(visible.params()).param("statuses", FILING_STATUSES).param("y", period.year()).param("q", period.quarter())
                .query((rs, n) -> new Count(rs.getString("county_name"), rs.getString("industry_name"), rs.getLong("n"))).list();
        List<MissingEnterprise> list = jdbc.sql("SELECT e.id, e.name, e.credit_code, c.name AS county_name, " + industry + " AS industry_name"
                        + from + " ORDER BY c.code, i.sort_order, e.name, e.id LIMIT " + limit)
                .params(visible.params()).param("statuses", FILING_STATUSES).param("y", period.year()).param("q", period.quarter())
                .query((rs, n) -> new MissingEnterprise(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                        rs.getString("county_name"), rs.getString("industry_name"))).list();
        return new Missing(period, counts, list, counts.stream().mapToLong(Count::missing).sum());
    }

    /** The non-filers of the period as a workbook: every one in the scope, with its county and industry. */
    public void exportMissing(Period period, DataScope scope, String title, String[] headers, Locale locale, OutputStream out)
            throws IOException {
        Missing m = missing(period, scope, locale, 200_000);
        try (var wb = new SXSSFWorkbook(500)) {
            var sheet = wb.createSheet("1");
            sheet.createRow(0).createCell(0).setCellValue(title);
            var h = sheet.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            int r = 2;
            for (MissingEnterprise e : m.enterprises()) {
                var row = sheet.createRow(r++);
                String[] v = {String.valueOf(r - 2), e.name(), e.creditCode(), e.countyName(), e.industryName()};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(i, CellType.STRING).setCellValue(v[i] == null ? "" : v[i]);
                }
            }
            wb.write(out);
            wb.dispose();
        }
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
