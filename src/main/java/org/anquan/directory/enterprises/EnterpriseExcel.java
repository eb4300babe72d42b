package org.anquan.directory.enterprises;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.anquan.directory.regions.Region;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.Industry;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enterprise import from the downloadable template and export of any filtered list. Import checks
 * the file before reading rows, then saves every valid row in a transaction of its own and reports
 * every invalid row with its line number and reason; a row is either wholly saved or not at all.
 */
@Component
class EnterpriseExcel {

    public static final long MAX_BYTES = Spreadsheets.MAX_BYTES;
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_EXPORT = 200_000;

    /** Template columns: message keys of the headers, in order. */
    static final List<String> COLUMNS = List.of("name", "creditCode", "industry", "region", "address", "lon", "lat",
            "scale", "status", "principalName", "principalPhone", "safetyManagerName", "safetyManagerPhone",
            "licenceKind", "licenceNo", "licenceValidUntil");

    private final Enterprises enterprises;
    private final EnterpriseQueries queries;
    private final Regions regions;
    private final ResponsibilityMatrix matrix;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate perRow;

    EnterpriseExcel(Enterprises enterprises, EnterpriseQueries queries, Regions regions, ResponsibilityMatrix matrix,
                    AuditTrail audit, MessageSource messages, PlatformTransactionManager tx) {
        this.enterprises = enterprises;
        this.queries = queries;
        this.regions = regions;
        this.matrix = matrix;
        this.audit = audit;
        this.messages = messages;
        this.perRow = new TransactionTemplate(tx);
        this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record ImportResult(int imported, int warned, List<TabularImport.Rejected> errors) {
    }

    private String header(String column, Locale locale) {
        return messages.getMessage("excel.enterprise." + column, null, locale);
    }

    /** The import template: a header row and a sheet of allowed codes. */
    public void writeTemplate(OutputStream out, Locale locale) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(messages.getMessage("excel.enterprise.sheet", null, locale));
            Row h = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(header(COLUMNS.get(i), locale));
                sheet.setColumnWidth(i, 18 * 256);
            }
            Sheet codes = wb.createSheet(messages.getMessage("excel.enterprise.codes", null, locale));
            int r = 0;
            for (Industry i : matrix.industries()) {
                Row row = codes.createRow(r++);
                row.createCell(0).setCellValue(header("industry", locale));
                row.createCell(1).setCellValue(i.code());
                row.createCell(2).setCellValue(i.name(locale));
            }
            for (Region reg : regions.all()) {
                if (reg.level() == RegionLevel.CITY) {
                    continue;
                }
                Row row = codes.createRow(r++);
                row.createCell(0).setCellValue(header("region", locale));
                row.createCell(1).setCellValue(reg.code());
                row.createCell(2).setCellValue(reg.name());
            }
            for (EnterpriseScale s : EnterpriseScale.values()) {
                Row row = codes.createRow(r++);
                row.createCell(0).setCellValue(header("scale", locale));
                row.createCell(1).setCellValue(s.name());
                row.createCell(2).setCellValue(messages.getMessage(s.messageKey(), null, locale));
            }
            for (EnterpriseStatus s : EnterpriseStatus.values()) {
                Row row = codes.createRow(r++);
                row.createCell(0).setCellValue(header("status", locale));
                row.createCell(1).setCellValue(s.name());
                row.createCell(2).setCellValue(messages.getMessage(s.messageKey(), null, locale));
            }
            wb.write(out);
        }
    }

    /** Checks the file as a whole; a file that fails is refused before any row is read. */
    public ImportResult importFile(byte[] bytes, String fileName, CurrentUser user, Locale locale) {
        return importFile(bytes, fileName, user, locale, done -> { });
    }

    /** The rows an import refused, with their line numbers and reasons, as a workbook the person can correct from. */
    public void writeRejected(ImportResult result, Locale locale, OutputStream out) throws IOException {
        TabularImport.writeRejected(result.errors(), messages.getMessage("import.rejected.sheet", null, locale),
                messages.getMessage("import.line", null, locale), messages.getMessage("import.reason", null, locale), out);
    }

    /**
     * The import (.xlsx, or CSV), telling how many rows are done as it stores them (for an import in
     * the background): each valid row in a transaction of its own, each invalid one named.
     */
    public ImportResult importFile(byte[] bytes, String fileName, CurrentUser user, Locale locale, IntConsumer progress) {
        TabularImport<EnterpriseInput> table = table(locale);
        TabularImport.Read<EnterpriseInput> read = table.read(bytes, fileName);
        int[] warned = {0};
        TabularImport.Outcome outcome = table.store(read, TabularImport.Mode.VALID_ROWS, perRow, in -> {
            Enterprises.Saved saved = enterprises.create(in, user);
            if (saved != null && !saved.warningKeys().isEmpty()) {
                warned[0]++;
            }
        }, progress);
        audit.record("IMPORT", "enterprise", null, outcome.stored() + " imported, " + outcome.rejected().size() + " rejected", null, null);
        return new ImportResult(outcome.stored(), warned[0], outcome.rejected());
    }

    private TabularImport<EnterpriseInput> table(Locale locale) {
        List<TabularImport.Column> columns = COLUMNS.stream().map(c -> {
            String label = header(c, locale);
            String zh = header(c, Locale.SIMPLIFIED_CHINESE);
            String en = header(c, Locale.ENGLISH);
            return c.startsWith("licence") || c.equals("lon") || c.equals("lat")
                    ? TabularImport.Column.optional(c, label, zh, en) : TabularImport.Column.required(c, label, zh, en);
        }).toList();
        Map<String, String> industryByName = new HashMap<>();
        for (Industry i : matrix.industries()) {
            industryByName.put(i.code(), i.code());
            industryByName.put(i.nameZh(), i.code());
            industryByName.put(i.nameEn(), i.code());
        }
        Map<String, Long> regionByName = new HashMap<>();
        for (Region r : regions.all()) {
            regionByName.put(r.code(), r.id());
            regionByName.putIfAbsent(r.name(), r.id());
        }
        return TabularImport.of(columns, MAX_ROWS, row -> {
            String industry = row.text("industry");
            String region = row.text("region");
            List<EnterpriseInput.LicenceInput> licences = new ArrayList<>();
            if (row.text("licenceKind") != null || row.text("licenceNo") != null || row.text("licenceValidUntil") != null) {
                licences.add(new EnterpriseInput.LicenceInput(row.text("licenceKind"), row.text("licenceNo"), null,
                        row.date("licenceValidUntil")));
            }
            return new EnterpriseInput(row.text("name"), row.text("creditCode"),
                    industry == null ? null : industryByName.getOrDefault(industry, industry),
                    region == null ? null : regionByName.get(region), row.text("address"),
                    row.number("lon"), row.number("lat"),
                    enumOf(EnterpriseScale.class, row.text("scale")), enumOf(EnterpriseStatus.class, row.text("status")),
                    row.text("principalName"), row.text("principalPhone"), row.text("safetyManagerName"),
                    row.text("safetyManagerPhone"), licences, null);
        }, e -> reason(e, locale));
    }

    /** A row's refusal in the importer's language; a constraint the database refused is the row's, any other fault is not. */
    private String reason(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return describe(invalid.fieldErrors(), locale);
        }
        if (e instanceof BusinessException b) {
            return messages.getMessage(b.messageKey(), b.args(), b.messageKey(), locale);
        }
        return e instanceof DataIntegrityViolationException ? messages.getMessage("import.row.failed", null, locale) : null;
    }

    private <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            String key = (type == EnterpriseScale.class ? "enterprise.scale." : "enterprise.status.") + e.name();
            if (e.name().equalsIgnoreCase(v)
                    || v.equals(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE))
                    || v.equalsIgnoreCase(messages.getMessage(key, null, Locale.ENGLISH))) {
                return e;
            }
        }
        throw new BusinessException(type == EnterpriseScale.class ? "import.cell.scale" : "import.cell.status");
    }

    private String describe(Map<String, String> fieldErrors, Locale locale) {
        List<String> parts = new ArrayList<>();
        fieldErrors.forEach((field, key) -> parts.add(messages.getMessage("field." + field.replaceAll("\\[\\d+]", ""), null, field, locale)
                + ": " + messages.getMessage(key, null, key, locale)));
        return String.join("; ", parts);
    }

    /** Writes the filtered list, in list order, as a ledger: title, header, rows. */
    public void export(EnterpriseFilter filter, DataScope scope, Locale locale, OutputStream out) throws IOException {
        export(filter, scope, locale, out, done -> { });
    }

    /** The same list, telling how many rows are written as it goes (for an export in the background). */
    public void export(EnterpriseFilter filter, DataScope scope, Locale locale, OutputStream out, LongConsumer progress)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(messages.getMessage("excel.enterprise.sheet", null, locale));
            String[] headers = {"name", "creditCode", "industry", "county", "region", "address", "scale", "status",
                    "principalName", "principalPhone", "safetyManagerName", "safetyManagerPhone"};
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.getMessage("excel.enterprise.title", null, locale));
            Row h = sheet.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(header(headers[i], locale));
            }
            int[] r = {2};
            queries.forEach(filter, scope, locale, MAX_EXPORT, e -> {
                progress.accept(r[0] - 2L);
                Row row = sheet.createRow(r[0]++);
                String[] v = {e.name(), e.creditCode(), e.industryName(), e.countyName(), e.regionName(), e.address(),
                        messages.getMessage(e.scale().messageKey(), null, locale),
                        messages.getMessage(e.status().messageKey(), null, locale), e.principalName(),
                        e.principalPhone(), e.safetyManagerName(), e.safetyManagerPhone()};
                for (int i = 0; i < v.length; i++) {
                    // a leading '=' would be a formula in the reader's spreadsheet: write text only
                    row.createCell(i, CellType.STRING).setCellValue(v[i] == null ? "" : v[i]);
                }
            });
            wb.write(out);
            wb.dispose();
        }
    }
}
