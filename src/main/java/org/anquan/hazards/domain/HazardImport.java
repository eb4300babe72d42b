package org.anquan.hazards.domain;

import java.io.IOException;
import org.anquan.platform.security.Permission;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hazards found in an inspection campaign, imported from the template: every valid row is
 * reported and routed like a hazard entered by hand, each in a transaction of its own; every
 * invalid row is reported with its line and reason.
 */
@Component
public class HazardImport {

    static final List<String> COLUMNS = List.of("creditCode", "place", "lon", "lat", "industry", "category", "description",
            "grade", "deadline", "person", "phone");
    public static final int MAX_ROWS = 5_000;

    private final HazardService service;
    private final Directory directory;
    private final AuditTrail audit;
    private final org.anquan.platform.web.Messages messages;
    private final TransactionTemplate perRow;

    HazardImport(HazardService service, Directory directory, AuditTrail audit, org.anquan.platform.web.Messages messages,
                 PlatformTransactionManager tx) {
        this.service = service;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
        this.perRow = new TransactionTemplate(tx);
        this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record RowError(int line, String message) {
    }

    public record Result(int imported, List<RowError> errors) {
    }

    public void writeTemplate(OutputStream out, Locale locale) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(messages.inLocale("import.hazard.sheet", locale));
            Row h = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(messages.inLocale("import.hazard.col." + COLUMNS.get(i), locale));
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
        }
    }

    public Result importFile(byte[] bytes, CurrentUser user, Locale locale) {
        if (!user.may(Permission.HAZARD_IMPORT)) {
            throw new AccessDeniedException("officers import inspection results");
        }
        List<Object[]> lines = new ArrayList<>();
        try (Workbook wb = Spreadsheets.open(bytes)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String v = header == null ? null : Spreadsheets.text(header, i);
                String zh = messages.inLocale("import.hazard.col." + COLUMNS.get(i), Locale.SIMPLIFIED_CHINESE);
                String en = messages.inLocale("import.hazard.col." + COLUMNS.get(i), Locale.ENGLISH);
                if (v == null || !(v.equals(zh) || v.equalsIgnoreCase(en))) {
                    throw new BusinessException("import.wrong.columns", String.join("、",
                            COLUMNS.stream().map(c -> messages.inLocale("import.hazard.col." + c, locale)).toList()));
                }
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new BusinessException("import.too.many.rows", MAX_ROWS);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || Spreadsheets.isBlank(row)) {
                    continue;
                }
                String formula = Spreadsheets.formulaCell(row);
                if (formula != null) {
                    lines.add(new Object[] {r + 1, null, messages.inLocale("import.formula", locale, formula)});
                    continue;
                }
                try {
                    lines.add(new Object[] {r + 1, input(row), null});
                } catch (BusinessException e) {
                    lines.add(new Object[] {r + 1, null, messages.inLocale(e.messageKey(), locale, e.args())});
                }
            }
        } catch (IOException e) {
            throw new BusinessException("import.unreadable");
        }
        int imported = 0;
        List<RowError> errors = new ArrayList<>();
        for (Object[] line : lines) {
            int n = (int) line[0];
            if (line[2] != null) {
                errors.add(new RowError(n, (String) line[2]));
                continue;
            }
            try {
                perRow.execute(s -> service.report((HazardInput) line[1], user));
                imported++;
            } catch (InvalidInputException e) {
                errors.add(new RowError(n, describe(e.fieldErrors(), locale)));
            } catch (RuntimeException e) {
                errors.add(new RowError(n, messages.inLocale("import.row.failed", locale)));
            }
        }
        audit.record("IMPORT", "hazard", null, imported + " imported, " + errors.size() + " rejected", null, null);
        return new Result(imported, errors);
    }

    private HazardInput input(Row row) {
        String code = Spreadsheets.text(row, 0);
        Long enterpriseId = null;
        if (code != null) {
            enterpriseId = directory.enterpriseByCreditCode(code.toUpperCase(Locale.ROOT))
                    .map(Directory.EnterpriseRef::id)
                    .orElseThrow(() -> new BusinessException("import.hazard.enterprise.unknown", code));
        }
        String industry = Spreadsheets.text(row, 4);
        if (industry != null) {
            String given = industry;
            industry = directory.industries().stream()
                    .filter(i -> i.code().equalsIgnoreCase(given) || i.nameZh().equals(given) || i.nameEn().equalsIgnoreCase(given))
                    .map(Directory.IndustryRef::code).findFirst().orElse(given);
        }
        String grade = Spreadsheets.text(row, 7);
        HazardGrade g = grade == null ? null
                : grade.equals("重大") || grade.equals("重大隐患") || grade.equalsIgnoreCase("MAJOR") ? HazardGrade.MAJOR
                : grade.equals("一般") || grade.equals("一般隐患") || grade.equalsIgnoreCase("GENERAL") ? HazardGrade.GENERAL
                : null;
        if (grade != null && g == null) {
            throw new BusinessException("import.hazard.grade.invalid", grade);
        }
        return new HazardInput(HazardSource.DEPT_INSPECTION, enterpriseId, Spreadsheets.text(row, 1), Spreadsheets.number(row, 2),
                Spreadsheets.number(row, 3), industry, Spreadsheets.text(row, 5), Spreadsheets.text(row, 6), g, Spreadsheets.date(row, 8),
                Spreadsheets.text(row, 9), Spreadsheets.text(row, 10), null, null, null);
    }

    private String describe(Map<String, String> fieldErrors, Locale locale) {
        List<String> parts = new ArrayList<>();
        fieldErrors.forEach((field, key) -> parts.add(messages.inLocale("import.hazard.field." + field, locale) + ": " + messages.inLocale(key, locale)));
        return String.join("; ", parts);
    }

}
