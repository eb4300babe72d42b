package org.anquan.hazards.register;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.web.Messages;
import org.anquan.shared.CityTime;
import org.anquan.shared.Where;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The problem-and-hazard list (问题隐患清单) as the ledger officials print: title, reporting unit,
 * period, the hazards open at the start of the period (存量) and those found in it (增量), and a
 * signature line.
 */
@Component
class HazardLedger {

    public static final int MAX_ROWS = 200_000;

    private final JdbcClient jdbc;
    private final HazardQueries queries;
    private final Messages messages;
    private final Clock clock;

    HazardLedger(JdbcClient jdbc, HazardQueries queries, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
        this.messages = messages;
    }

    public void write(HazardFilter filter, DataScope scope, String unit, LocalDate from, LocalDate to, Locale locale,
                      OutputStream out) throws IOException {
        write(filter, scope, unit, from, to, locale, out, done -> { });
    }

    /** The same ledger, telling how many rows are written as it goes (for a background export). */
    public void write(HazardFilter filter, DataScope scope, String unit, LocalDate from, LocalDate to, Locale locale,
                      OutputStream out, LongConsumer progress) throws IOException {
        Period p = period(filter, scope, from, to);
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        write(p.where(), p.params(), p.start(), unit, messages.inLocale("ledger.period", locale, day.format(from), day.format(to)),
                locale, out, progress);
    }

    /** How many rows the period's ledger has (at most {@link #MAX_ROWS} are written). */
    public long count(HazardFilter filter, DataScope scope, LocalDate from, LocalDate to) {
        Period p = period(filter, scope, from, to);
        return Math.min(MAX_ROWS, jdbc.sql("SELECT COUNT(*) FROM hazard h " + p.where()).params(p.params()).query(Long.class).single());
    }

    private record Period(String where, Map<String, Object> params, OffsetDateTime start) {
    }

    /** The ledger of a period: hazards found in it, and those found before it still open at its start (stock). */
    private Period period(HazardFilter filter, DataScope scope, LocalDate from, LocalDate to) {
        Where w = queries.where(filter, scope, to.plusDays(1));
        OffsetDateTime start = CityTime.startOf(from, clock);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("start", start);
        params.put("end", CityTime.endOf(to, clock));
        return new Period(w.sql() + " AND h.status <> 'REJECTED' AND h.reported_at < :end "
                + "AND (h.reported_at >= :start OR h.closed_at IS NULL OR h.closed_at >= :start) ", params, start);
    }

    /** The hazards chosen on the register (all within the scope: the caller has checked), as the same ledger. */
    public void writeSelection(Collection<Long> ids, DataScope scope, String unit, Locale locale, OutputStream out)
            throws IOException {
        Where w = queries.where(HazardFilter.NONE, scope, LocalDate.now(clock));
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("ids", ids);
        // every chosen hazard is listed as found in the period (increment), none as stock
        write(w.sql() + " AND h.id IN (:ids) ", params, OffsetDateTime.MIN.plusYears(1), unit,
                messages.inLocale("ledger.selection", locale, ids.size()), locale, out, done -> { });
    }

    private void write(String where, Map<String, Object> params, OffsetDateTime start, String unit, String subtitle,
                       Locale locale, OutputStream out, LongConsumer progress) throws IOException {
        boolean en = "en".equals(locale.getLanguage());
        // the columns officials use: what is done about it, by whom, with what money, by when, accepted by whom and when
        String[] headers = {"no", "code", "kind", "subject", "industry", "description", "grade", "measures", "owner", "funds",
                "deadline", "department", "county", "status", "acceptedBy", "acceptedOn"};
        String cityOffice = messages.inLocale("notice.supervision.office", locale);
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet(messages.inLocale("ledger.sheet", locale));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.inLocale("ledger.title", locale));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.length - 1));
            sheet.createRow(1).createCell(0).setCellValue(messages.inLocale("ledger.unit", locale, unit));
            sheet.createRow(2).createCell(0).setCellValue(subtitle);
            Row h = sheet.createRow(3);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(messages.inLocale("ledger.col." + headers[i], locale));
            }
            int[] r = {4};
            long[] counts = new long[2];
            jdbc.sql("SELECT h.*, COALESCE(e.name, h.place) AS subject, " + (en ? "i.name_en" : "i.name_zh") + " AS industry_name, "
                            + (en ? "COALESCE(d.name_en, d.name)" : "d.name") + " AS department_name, c.name AS county_name, "
                            + (en ? "COALESCE(ad.name_en, ad.name)" : "ad.name") + " AS accepting_department, ar.name AS accepting_region "
                            + "FROM hazard h JOIN directory_industry_view i ON i.code = h.industry_code JOIN directory_department_view d ON d.id = h.department_id "
                            + "JOIN directory_region_view c ON c.id = h.county_id LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id "
                            + "LEFT JOIN directory_department_view ad ON h.accepted_unit_kind = 'DEPARTMENT' AND ad.id = h.accepted_unit_id "
                            + "LEFT JOIN directory_region_view ar ON h.accepted_unit_kind = 'REGION' AND ar.id = h.accepted_unit_id "
                            + where + "ORDER BY h.reported_at, h.id LIMIT " + MAX_ROWS)
                    .params(params)
                    .query(rs -> {
                        boolean increment = !rs.getObject("reported_at", OffsetDateTime.class).isBefore(start);
                        counts[increment ? 1 : 0]++;
                        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                        LocalDate acceptedOn = rs.getObject("acceptance_date", LocalDate.class);
                        BigDecimal funds = rs.getBigDecimal("plan_funds");
                        String unitName = rs.getString("accepted_unit_kind") == null ? null
                                : switch (rs.getString("accepted_unit_kind")) {
                                    case "CITY" -> cityOffice;
                                    case "REGION" -> rs.getString("accepting_region");
                                    default -> rs.getString("accepting_department");
                                };
                        String inspectors = rs.getString("acceptance_inspectors");
                        String acceptedBy = inspectors == null ? unitName : unitName == null ? inspectors : unitName + "：" + inspectors;
                        String owner = rs.getString("plan_owner") != null ? rs.getString("plan_owner") : rs.getString("responsible_person");
                        String[] v = {String.valueOf(r[0] - 3), rs.getString("code"),
                                messages.inLocale(increment ? "ledger.increment" : "ledger.stock", locale), rs.getString("subject"),
                                rs.getString("industry_name"), rs.getString("description"),
                                messages.inLocale("hazard.grade." + rs.getString("grade"), locale), rs.getString("plan_measures"),
                                owner, funds == null ? "" : funds.toPlainString(), deadline == null ? "" : day.format(deadline),
                                rs.getString("department_name"), rs.getString("county_name"),
                                messages.inLocale("hazard.status." + rs.getString("status"), locale), acceptedBy,
                                acceptedOn != null ? day.format(acceptedOn) : closed == null ? "" : day.format(CityTime.dayOf(closed, clock))};
                        progress.accept(r[0] - 3);
                        Row row = sheet.createRow(r[0]++);
                        for (int i = 0; i < v.length; i++) {
                            row.createCell(i, CellType.STRING).setCellValue(v[i] == null ? "" : v[i]);
                        }
                    });
            Row total = sheet.createRow(r[0]++);
            total.createCell(0).setCellValue(messages.inLocale("ledger.total", locale, counts[0], counts[1]));
            r[0]++;
            sheet.createRow(r[0]).createCell(0).setCellValue(messages.inLocale("ledger.signature", locale));
            wb.write(out);
            wb.dispose();
        }
    }

}
