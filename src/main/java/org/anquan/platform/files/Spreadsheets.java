package org.anquan.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.shared.BusinessException;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Checks for uploaded spreadsheets, shared by every import: size, real .xlsx bytes, a readable
 * workbook, and no formulas in data rows.
 */
public final class Spreadsheets {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private Spreadsheets() {
    }

    /** Opens an uploaded workbook, or refuses it whole with the reason. The caller closes it. */
    public static Workbook open(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BusinessException("import.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BusinessException("import.too.large", MAX_BYTES / 1024 / 1024);
        }
        // an .xlsx file is a ZIP archive
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new BusinessException("import.not.xlsx");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception | OutOfMemoryError e) {
            throw new BusinessException("import.unreadable");
        }
    }

    /** How many rows the first sheet has below its header; 0 for a file that cannot be read (the import then says why). */
    public static int rowsBelowHeader(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return 0;
        }
        try (Workbook wb = open(bytes)) {
            return wb.getNumberOfSheets() == 0 ? 0 : Math.max(0, wb.getSheetAt(0).getLastRowNum());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The rows an import refused, as a workbook the person can correct from: one sheet, the line
     * numbers of the uploaded file and the reasons, as text.
     */
    public static void writeRejected(String sheetName, String lineHeader, String reasonHeader,
                                     List<Map.Entry<Integer, String>> rejected, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue(lineHeader);
            h.createCell(1).setCellValue(reasonHeader);
            int r = 1;
            for (var e : rejected) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1, CellType.STRING).setCellValue(e.getValue());
            }
            sheet.setColumnWidth(1, 80 * 256);
            wb.write(out);
        }
    }

    /**
     * A table as a workbook of one sheet: the first row is the header, bold and frozen; numbers are
     * written as numbers (so they sum), everything else as text, null as an empty cell.
     */
    public static void writeTable(String sheetName, List<? extends List<?>> rows, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            var bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int width = 0;
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<?> values = rows.get(r);
                width = Math.max(width, values.size());
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < width; c++) {
                sheet.setColumnWidth(c, (c == 0 ? 24 : 14) * 256);
            }
            wb.write(out);
        }
    }

    /** The reference of the first formula cell of the row (e.g. "E2"), or null. */
    public static String formulaCell(Row row) {
        for (Cell c : row) {
            if (c.getCellType() == CellType.FORMULA) {
                return new CellReference(c).formatAsString();
            }
        }
        return null;
    }

    /** The cell as text, trimmed; null when empty. */
    public static String text(Row row, int col) {
        Cell c = row.getCell(col);
        if (c == null) {
            return null;
        }
        String v = FORMAT.formatCellValue(c).trim();
        return v.isEmpty() ? null : v;
    }

    /** The cell as a number; null when empty; refused with the column name when it is not one. */
    public static Double number(Row row, int col) {
        String v = text(row, col);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new BusinessException("import.cell.number", columnName(col));
        }
    }

    /** The cell as a date (a date cell, or text like 2027-06-30 or 2027/6/30); null when empty. */
    public static LocalDate date(Row row, int col) {
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate();
        }
        String v = text(row, col);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('/', '-'), DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw new BusinessException("import.cell.date", columnName(col));
        }
    }

    public static boolean isBlank(Row row) {
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !FORMAT.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    public static String columnName(int col) {
        return CellReference.convertNumToColString(col);
    }
}
