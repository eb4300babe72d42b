package org.anquan.platform.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.shared.BusinessException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a table comes in: an uploaded .xlsx workbook (its first sheet) or a CSV file, under a
 * header row whose cells name the columns (in Chinese or English, in any order). Each data line is
 * mapped to a value by the importer's {@link RowMapper}; a line that cannot be mapped is rejected
 * with its line number and reason in words. The importer then stores the values in one of two
 * {@link Mode}s — all or none, or the valid lines with the bad ones named — and the rejected lines
 * can be handed back as a workbook to correct from.
 *
 * <p>What refuses a whole file, each with its own message: an empty file; one over
 * {@link Spreadsheets#MAX_BYTES}; a legacy .xls, or bytes that are neither; a broken workbook; a CSV
 * that is not UTF-8 (GBK/GB18030 and UTF-16 are named, with how to save the file again); a quote not
 * closed; no header; a required column missing (named); a column named twice; more lines than the
 * import takes. A CSV may start with a byte-order mark and may quote fields holding commas, quotes
 * or line breaks.
 *
 * @param <T> what one line becomes
 */
public final class TabularImport<T> {

    /** How the valid lines are stored. */
    public enum Mode {
        /** Any rejected line refuses the whole file; nothing is stored. */
        ALL_OR_NONE,
        /** The valid lines are stored, each on its own; the rejected ones are named. */
        VALID_ROWS
    }

    /** What the file was read as. */
    public enum Format { XLSX, CSV }

    /**
     * A column of the table: the key the mapper asks for, its label as the person's template shows
     * it, and every header text that names it (compared without case and surrounding space).
     */
    public record Column(String key, String label, Set<String> names, boolean required) {

        public static Column required(String key, String label, String... otherNames) {
            return new Column(key, label, names(key, label, otherNames), true);
        }

        public static Column optional(String key, String label, String... otherNames) {
            return new Column(key, label, names(key, label, otherNames), false);
        }

        private static Set<String> names(String key, String label, String... others) {
            Set<String> s = new LinkedHashSet<>();
            s.add(normal(key));
            s.add(normal(label));
            Arrays.stream(others).filter(o -> o != null && !o.isBlank()).map(TabularImport::normal).forEach(s::add);
            return Set.copyOf(s);
        }
    }

    /** A data line of the file: the number the person sees in their spreadsheet or editor, and its cells by column key. */
    public interface Line {

        int number();

        /** The cell as text, stripped; null when empty or when the file has no such column. */
        String text(String key);

        /** The cell as a number; null when empty; refused with the column's name when it is not one. */
        Double number(String key);

        /** The cell as a date (a date cell, or text like 2027-06-30 or 2027/6/30); null when empty. */
        LocalDate date(String key);

        /** Whether the file has this column at all (an optional column may be left out). */
        boolean has(String key);
    }

    /** Maps one line to a value, or throws a {@link BusinessException} or an input exception naming what is wrong. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Line line);
    }

    /** A line read and mapped. */
    public record Mapped<T>(int line, T value) {
    }

    /** A line not taken, with the reason in the person's words. */
    public record Rejected(int line, String reason) implements Serializable {
    }

    /** What reading the file gave: the mapped lines and the rejected ones, in file order. */
    public record Read<T>(Format format, List<Mapped<T>> rows, List<Rejected> rejected) {
    }

    /** What an import stored, and the lines it did not. */
    public record Outcome(int stored, List<Rejected> rejected) {
    }

    /** A whole file refused because of its lines (all-or-none): each named with its line and reason. */
    public static final class Refused extends BusinessException {

        private final transient List<Rejected> lines;

        public Refused(List<Rejected> lines) {
            super("import.refused", lines.size());
            this.lines = List.copyOf(lines);
        }

        public List<Rejected> lines() {
            return lines;
        }
    }

    /** Commons CSV names the line where a record with an unclosed quote began: "(startline 3) EOF reached …". */
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    private final List<Column> columns;
    private final RowMapper<T> mapper;
    private final Function<RuntimeException, String> reasons;
    private final int maxRows;
    private final long maxBytes;
    private final boolean csvByDefault;
    private final boolean headerOptional;

    private TabularImport(List<Column> columns, RowMapper<T> mapper, Function<RuntimeException, String> reasons,
                          int maxRows, long maxBytes, boolean csvByDefault, boolean headerOptional) {
        this.columns = List.copyOf(columns);
        this.mapper = mapper;
        this.reasons = reasons;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.csvByDefault = csvByDefault;
        this.headerOptional = headerOptional;
    }

    /**
     * An import of these columns. {@code reasons} puts a refused line's exception into words (the
     * importer knows its fields' labels and the person's language).
     */
    public static <T> TabularImport<T> of(List<Column> columns, int maxRows, RowMapper<T> mapper,
                                          Function<RuntimeException, String> reasons) {
        return new TabularImport<>(columns, mapper, reasons, maxRows, Spreadsheets.MAX_BYTES, false, false);
    }

    /**
     * The same import for data that is mostly sent as CSV (station exports): bytes that are not a
     * workbook are read as CSV whatever the file is called.
     */
    public TabularImport<T> csvByDefault() {
        return new TabularImport<>(columns, mapper, reasons, maxRows, maxBytes, true, headerOptional);
    }

    /** The same import where a file may leave the header out: its cells are then the columns in their order. */
    public TabularImport<T> headerOptional() {
        return new TabularImport<>(columns, mapper, reasons, maxRows, maxBytes, csvByDefault, true);
    }

    /** The same import taking files up to this size (a CSV of machine readings is larger than a form's workbook). */
    public TabularImport<T> maxBytes(long bytes) {
        return new TabularImport<>(columns, mapper, reasons, maxRows, bytes, csvByDefault, headerOptional);
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * Reads the file. Whole-file problems are thrown as a {@link BusinessException}; line problems
     * come back as rejected lines.
     */
    public Read<T> read(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new BusinessException("import.empty");
        }
        if (bytes.length > maxBytes) {
            throw new BusinessException("import.too.large", maxBytes / 1024 / 1024);
        }
        if (isZip(bytes)) {
            // Spreadsheets.open holds a workbook to its own size, which a CSV-sized import's maxBytes may exceed
            return readWorkbook(bytes);
        }
        if (isLegacyOffice(bytes)) {
            throw new BusinessException("import.xls");
        }
        boolean namedCsv = fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv");
        if (!csvByDefault && !namedCsv) {
            throw new BusinessException("import.not.xlsx");
        }
        return readCsv(bytes);
    }

    /**
     * Stores what was read. In {@link Mode#ALL_OR_NONE} a rejected line refuses the file before
     * anything is stored, and a line refused while storing refuses it too (the caller's transaction
     * rolls back what was stored before it). In {@link Mode#VALID_ROWS} each line is stored through
     * {@code perLine} (a nested or new transaction), a line refused while storing is named and the
     * others stay.
     */
    public Outcome store(Read<T> read, Mode mode, TransactionTemplate perLine, Consumer<T> store,
                         IntConsumer progress) {
        List<Rejected> rejected = new ArrayList<>(read.rejected());
        if (mode == Mode.ALL_OR_NONE && !rejected.isEmpty()) {
            throw new Refused(rejected);
        }
        int stored = 0;
        int done = 0;
        for (Mapped<T> row : read.rows()) {
            progress.accept(done++);
            try {
                if (perLine == null) {
                    store.accept(row.value());
                } else {
                    perLine.executeWithoutResult(s -> store.accept(row.value()));
                }
                stored++;
            } catch (RuntimeException e) {
                Rejected line = reject(row.line(), e);
                if (mode == Mode.ALL_OR_NONE) {
                    throw new Refused(List.of(line));
                }
                rejected.add(line);
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Outcome(stored, rejected);
    }

    /**
     * About how many lines a file holds below its header, read cheaply before the import (to send a
     * long one to the background): a workbook's rows, or a text file's line breaks; 0 when unreadable.
     */
    public static int rowsBelowHeader(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return 0;
        }
        if (isZip(bytes)) {
            return Spreadsheets.rowsBelowHeader(bytes);
        }
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 1);
    }

    /** The rejected lines as a workbook of one sheet (line, reason) that the person corrects from. */
    public static void writeRejected(List<Rejected> rejected, String sheet, String lineHeader, String reasonHeader,
                                     OutputStream out) throws IOException {
        Spreadsheets.writeRejected(sheet, lineHeader, reasonHeader,
                rejected.stream().map(r -> Map.entry(r.line(), r.reason())).toList(), out);
    }

    /** The line refused with the importer's words for it; an exception it has no words for is a fault, thrown on. */
    private Rejected reject(int line, RuntimeException e) {
        String reason = reasons.apply(e);
        if (reason == null || reason.isBlank()) {
            throw e;
        }
        return new Rejected(line, reason);
    }

    private void mapInto(Line line, List<Mapped<T>> rows, List<Rejected> rejected) {
        try {
            rows.add(new Mapped<>(line.number(), mapper.map(line)));
        } catch (RuntimeException e) {
            rejected.add(reject(line.number(), e));
        }
    }

    // ---- the header

    /** Column key → position in the file, from the header's cells; refuses a header that lacks a required column. */
    private Map<String, Integer> positions(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = normal(header.get(i));
            if (cell.isEmpty()) {
                continue;
            }
            for (Column c : columns) {
                if (c.names().contains(cell)) {
                    if (at.putIfAbsent(c.key(), i) != null) {
                        throw new BusinessException("import.column.twice", c.label());
                    }
                }
            }
        }
        List<String> missing = columns.stream().filter(c -> c.required() && !at.containsKey(c.key())).map(Column::label).toList();
        if (!missing.isEmpty()) {
            throw new BusinessException("import.wrong.columns", String.join("、", columns.stream().map(Column::label).toList()),
                    String.join("、", missing));
        }
        return at;
    }

    private boolean looksLikeHeader(List<String> cells) {
        return cells.stream().map(TabularImport::normal).anyMatch(v -> columns.stream().anyMatch(c -> c.names().contains(v)));
    }

    private Map<String, Integer> byOrder() {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            at.put(columns.get(i).key(), i);
        }
        return at;
    }

    static String normal(String s) {
        return s == null ? "" : s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + key));
    }

    // ---- .xlsx

    private Read<T> readWorkbook(byte[] bytes) {
        List<Mapped<T>> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        try (Workbook wb = Spreadsheets.open(bytes)) {
            if (wb.getNumberOfSheets() == 0) {
                throw new BusinessException("import.no.header");
            }
            Sheet sheet = wb.getSheetAt(0);
            Row first = sheet.getRow(sheet.getFirstRowNum() < 0 ? 0 : sheet.getFirstRowNum());
            List<String> header = new ArrayList<>();
            if (first != null) {
                for (int c = 0; c < Math.max(0, first.getLastCellNum()); c++) {
                    String v = Spreadsheets.text(first, c);
                    header.add(v == null ? "" : v);
                }
            }
            if (first == null || header.stream().allMatch(String::isBlank)) {
                throw new BusinessException("import.no.header");
            }
            boolean withHeader = !headerOptional || looksLikeHeader(header);
            Map<String, Integer> at = withHeader ? positions(header) : byOrder();
            int from = withHeader ? first.getRowNum() + 1 : first.getRowNum();
            if (sheet.getLastRowNum() - from + 1 > maxRows) {
                throw new BusinessException("import.too.many.rows", maxRows);
            }
            for (int r = from; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || Spreadsheets.isBlank(row)) {
                    continue;
                }
                String formula = Spreadsheets.formulaCell(row);
                if (formula != null) {
                    rejected.add(reject(r + 1, new BusinessException("import.formula", formula)));
                    continue;
                }
                mapInto(new SheetLine(r + 1, row, at), rows, rejected);
            }
        } catch (IOException e) {
            throw new BusinessException("import.unreadable");
        }
        return new Read<>(Format.XLSX, rows, rejected);
    }

    private record SheetLine(int number, Row row, Map<String, Integer> at) implements Line {

        @Override
        public String text(String key) {
            Integer i = at.get(key);
            return i == null ? null : Spreadsheets.text(row, i);
        }

        @Override
        public Double number(String key) {
            Integer i = at.get(key);
            return i == null ? null : Spreadsheets.number(row, i);
        }

        @Override
        public LocalDate date(String key) {
            Integer i = at.get(key);
            return i == null ? null : Spreadsheets.date(row, i);
        }

        @Override
        public boolean has(String key) {
            return at.containsKey(key);
        }
    }

    // ---- CSV

    private Read<T> readCsv(byte[] bytes) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new BusinessException("import.no.header");
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
                if (records.size() > maxRows + 1) {
                    throw new BusinessException("import.too.many.rows", maxRows);
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            Matcher startLine = START_LINE.matcher(String.valueOf(e.getMessage()));
            throw startLine.find() ? new BusinessException("import.csv.quote", Integer.parseInt(startLine.group(1)))
                    : new BusinessException("import.unreadable");
        }
        if (records.isEmpty()) {
            throw new BusinessException("import.no.header");
        }
        List<String> first = records.get(0).toList();
        boolean withHeader = !headerOptional || looksLikeHeader(first);
        Map<String, Integer> at = withHeader ? positions(first) : byOrder();
        int width = withHeader ? first.size() : columns.size();
        List<Mapped<T>> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (CSVRecord r : withHeader ? records.subList(1, records.size()) : records) {
            int line = lineOf(lineStarts, firstCharacter(text, r.getCharacterPosition()));
            List<String> cells = r.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (withHeader && cells.size() != width) {
                rejected.add(reject(line, new BusinessException("import.csv.cells", cells.size(), width)));
                continue;
            }
            mapInto(new CsvLine(line, cells, at, this), rows, rejected);
        }
        return new Read<>(Format.CSV, rows, rejected);
    }

    private record CsvLine(int number, List<String> cells, Map<String, Integer> at, TabularImport<?> table) implements Line {

        @Override
        public String text(String key) {
            Integer i = at.get(key);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        @Override
        public Double number(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                return Double.valueOf(v.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new BusinessException("import.cell.number", table.column(key).label());
            }
        }

        @Override
        public LocalDate date(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v.replace('/', '-'), DAY);
            } catch (DateTimeParseException e) {
                throw new BusinessException("import.cell.date", table.column(key).label());
            }
        }

        @Override
        public boolean has(String key) {
            return at.containsKey(key);
        }
    }

    /** The text of a CSV file: UTF-8, with or without its byte-order mark; any other encoding is refused by name. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new BusinessException("import.csv.encoding.named", "UTF-16");
        }
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            String text = strict(StandardCharsets.UTF_8).decode(in).toString();
            if (text.indexOf('\0') >= 0) {
                throw new BusinessException("import.not.table");
            }
            return text;
        } catch (CharacterCodingException notUtf8) {
            if (decodesAs(bytes, Charset.forName("GB18030")) && hasHighBytes(bytes)) {
                throw new BusinessException("import.csv.encoding.named", "GBK / GB18030");
            }
            throw new BusinessException("import.csv.encoding");
        }
    }

    private static boolean decodesAs(byte[] bytes, Charset cs) {
        try {
            strict(cs).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        int pairs = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int next = bytes[i + 1] & 0xFF;
            // a GBK double-byte character: lead 0x81–0xFE, trail 0x40–0xFE
            if (b >= 0x81 && b <= 0xFE && next >= 0x40 && next <= 0xFE && next != 0x7F) {
                pairs++;
                i++;
            }
        }
        return pairs > 0;
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where a record's text begins: Commons CSV counts an empty line skipped before it as the record's start. */
    private static long firstCharacter(String text, long position) {
        int p = (int) Math.min(text.length(), position);
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    /** The 1-based line holding a character position. */
    private static int lineOf(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) Math.min(Integer.MAX_VALUE, position));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isLegacyOffice(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }
}
