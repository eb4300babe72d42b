package org.anquan.platform.files;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.anquan.shared.BusinessException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
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
            return LocalDate.parse(v.replace('/', '-'), DateTimeFormatter.ofPattern("yyyy-M-d"));
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
