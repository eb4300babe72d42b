package org.anquan.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anquan.platform.files.TabularImport.Column;
import org.anquan.platform.files.TabularImport.Mode;
import org.anquan.platform.files.TabularImport.Rejected;
import org.anquan.shared.BusinessException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The one import of tables: CSV and .xlsx, every whole-file refusal by its reason, lines by their numbers. */
class TabularImportTests {

    record Person(String name, String city, Double age, LocalDate since) {
    }

    static final List<Column> COLUMNS = List.of(Column.required("name", "姓名", "Name"), Column.required("city", "城市", "City"),
            Column.optional("age", "年龄", "Age"), Column.optional("since", "日期", "Since"));

    /** A reason is the message key and its arguments: the importer's words are its own business. */
    static String reason(RuntimeException e) {
        return e instanceof BusinessException b ? b.messageKey() + Arrays.toString(b.args()) : null;
    }

    static final TabularImport<Person> PEOPLE = TabularImport.of(COLUMNS, 100, line -> {
        if (line.text("name") == null) {
            throw new BusinessException("name.required");
        }
        return new Person(line.text("name"), line.text("city"), line.number("age"), line.date("since"));
    }, TabularImportTests::reason);

    static TabularImport.Read<Person> csv(String text) {
        return PEOPLE.read(text.getBytes(StandardCharsets.UTF_8), "people.csv");
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (BusinessException e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aQuotedCommaStaysInItsCellAndQuotedLineBreaksKeepTheLineNumbersRight() {
        var read = csv("""
                姓名,城市,年龄
                "张三, 李四",合肥,40
                "王五
                （另起一行）",芜湖,
                赵六,"安庆""东""\",33
                """);
        assertThat(read.format()).isEqualTo(TabularImport.Format.CSV);
        assertThat(read.rows()).extracting(r -> r.value().name()).containsExactly("张三, 李四", "王五\n（另起一行）", "赵六");
        assertThat(read.rows()).extracting(TabularImport.Mapped::line).containsExactly(2, 3, 5);
        assertThat(read.rows().get(2).value().city()).isEqualTo("安庆\"东\"");
        assertThat(read.rows().get(1).value().age()).isNull();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Name,City\n张三,合肥\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        var read = PEOPLE.read(file, "p.csv");
        assertThat(read.rows()).extracting(r -> r.value().name()).containsExactly("张三");
    }

    @Test
    void gbkAndUtf16AreRefusedByTheirNamesAndOtherBytesAsNotUtf8() {
        byte[] gbk = "姓名,城市\n张三,合肥\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> PEOPLE.read(gbk, "p.csv")).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("import.csv.encoding.named");
            assertThat(e.args()).containsExactly("GBK / GB18030");
        });
        byte[] utf16 = "Name,City\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> PEOPLE.read(withBom, "p.csv")).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.args()).containsExactly("UTF-16"));
        byte[] latin = "Name,City\nJos\u00e9,\u00c9vora\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(() -> PEOPLE.read(latin, "p.csv"))).isEqualTo("import.csv.encoding");
    }

    @Test
    void aMissingRequiredColumnIsNamedBesideTheTemplatesColumns() {
        assertThatThrownBy(() -> csv("姓名,年龄\n张三,3\n")).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("import.wrong.columns");
            assertThat(e.args()).containsExactly("姓名、城市、年龄、日期", "城市");
        });
        assertThat(refusal(() -> csv("姓名,城市,Name\n张三,合肥,x\n"))).isEqualTo("import.column.twice");
    }

    @Test
    void emptyFilesHeaderlessFilesBrokenQuotesAndForeignBytesAreRefusedWhole() {
        assertThat(refusal(() -> PEOPLE.read(new byte[0], "p.csv"))).isEqualTo("import.empty");
        assertThat(refusal(() -> PEOPLE.read(null, "p.csv"))).isEqualTo("import.empty");
        assertThat(refusal(() -> csv("\n\n  \n"))).isEqualTo("import.no.header");
        assertThatThrownBy(() -> csv("姓名,城市\n张三,合肥\n\"李四,芜湖\n王五,安庆\n")).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("import.csv.quote");
            assertThat(e.args()).containsExactly(3);
        });
        assertThat(refusal(() -> PEOPLE.read("姓名,城市\n".getBytes(StandardCharsets.UTF_8), "p.xlsx"))).isEqualTo("import.not.xlsx");
        assertThat(refusal(() -> PEOPLE.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "p.xls"))).isEqualTo("import.xls");
        assertThat(refusal(() -> PEOPLE.read(new byte[] {'P', 'K', 3, 4, 9, 9, 9}, "p.xlsx"))).isEqualTo("import.unreadable");
        assertThat(refusal(() -> PEOPLE.read("a,b\0c".getBytes(StandardCharsets.UTF_8), "p.csv"))).isEqualTo("import.not.table");
        StringBuilder many = new StringBuilder("姓名,城市\n");
        for (int i = 0; i < 101; i++) {
            many.append("人").append(i).append(",合肥\n");
        }
        assertThat(refusal(() -> csv(many.toString()))).isEqualTo("import.too.many.rows");
        assertThat(refusal(() -> PEOPLE.maxBytes(10).read("姓名,城市\n张三,合肥\n".getBytes(StandardCharsets.UTF_8), "p.csv")))
                .isEqualTo("import.too.large");
    }

    @Test
    void badLinesAreNamedWithTheirNumbersAndTheirReasons() {
        var read = csv("""
                姓名,城市,年龄,日期
                张三,合肥,四十,2026-01-02
                ,芜湖,3,
                李四,安庆
                王五,安庆,5,2026/2/30

                赵六,黄山,6,2026/3/1
                """);
        assertThat(read.rows()).extracting(r -> r.value().name()).containsExactly("赵六");
        assertThat(read.rows().get(0).line()).isEqualTo(7);
        assertThat(read.rows().get(0).value().since()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(read.rejected()).containsExactly(new Rejected(2, "import.cell.number[年龄]"), new Rejected(3, "name.required[]"),
                new Rejected(4, "import.csv.cells[2, 4]"), new Rejected(5, "import.cell.date[日期]"));
    }

    @Test
    void aWorkbookIsReadByItsHeaderNamesInAnyOrderWithDateCellsAndFormulasRefused() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            cells(s.createRow(0), "City", "年龄", "姓名", "Since");
            cells(s.createRow(1), "合肥", "40", "张三", null);
            Row dated = s.getRow(1);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            dated.createCell(3).setCellValue(LocalDate.of(2026, 5, 6));
            dated.getCell(3).setCellStyle(style);
            cells(s.createRow(2), "芜湖", null, "李四", null).createCell(1).setCellFormula("1+1");
            cells(s.createRow(4), "安庆", "7", "王五", "2026/7/8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            file = out.toByteArray();
        }
        // a workbook is known by its bytes, whatever its name
        var read = PEOPLE.read(file, "people.csv");
        assertThat(read.format()).isEqualTo(TabularImport.Format.XLSX);
        assertThat(read.rows()).extracting(TabularImport.Mapped::value).containsExactly(
                new Person("张三", "合肥", 40.0, LocalDate.of(2026, 5, 6)), new Person("王五", "安庆", 7.0, LocalDate.of(2026, 7, 8)));
        assertThat(read.rows()).extracting(TabularImport.Mapped::line).containsExactly(2, 5);
        assertThat(read.rejected()).containsExactly(new Rejected(3, "import.formula[Sheet0!B3]"));
    }

    @Test
    void allOrNoneStoresNothingWhenALineIsWrongAndValidRowsStoresTheRest() {
        var read = csv("姓名,城市\n张三,合肥\n,芜湖\n李四,安庆\n");
        List<String> stored = new ArrayList<>();
        assertThatThrownBy(() -> PEOPLE.store(read, Mode.ALL_OR_NONE, null, p -> stored.add(p.name()), n -> { }))
                .isInstanceOfSatisfying(TabularImport.Refused.class,
                        e -> assertThat(e.lines()).containsExactly(new Rejected(3, "name.required[]")));
        assertThat(stored).isEmpty();

        var outcome = PEOPLE.store(read, Mode.VALID_ROWS, null, p -> {
            if (p.city().equals("安庆")) {
                throw new BusinessException("city.closed", p.city());
            }
            stored.add(p.name());
        }, n -> { });
        assertThat(stored).containsExactly("张三");
        assertThat(outcome.stored()).isEqualTo(1);
        assertThat(outcome.rejected()).containsExactly(new Rejected(3, "name.required[]"), new Rejected(4, "city.closed[安庆]"));

        // a line the store refuses in an all-or-none import refuses the file, naming that line
        var clean = csv("姓名,城市\n张三,合肥\n李四,安庆\n");
        assertThatThrownBy(() -> PEOPLE.store(clean, Mode.ALL_OR_NONE, null, p -> {
            if (p.city().equals("安庆")) {
                throw new BusinessException("city.closed", p.city());
            }
        }, n -> { })).isInstanceOfSatisfying(TabularImport.Refused.class,
                e -> assertThat(e.lines()).containsExactly(new Rejected(3, "city.closed[安庆]")));
    }

    @Test
    void anUnexpectedFailureIsNotDressedUpAsARejectedLine() {
        var read = csv("姓名,城市\n张三,合肥\n");
        assertThatThrownBy(() -> PEOPLE.store(read, Mode.VALID_ROWS, null, p -> {
            throw new IllegalStateException("database down");
        }, n -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHeaderlessFileIsReadByColumnOrderWhereTheImportAllowsIt() {
        var read = PEOPLE.headerOptional().read("张三,合肥,40,2026-01-02\n".getBytes(StandardCharsets.UTF_8), "p.csv");
        assertThat(read.rows()).extracting(TabularImport.Mapped::value)
                .containsExactly(new Person("张三", "合肥", 40.0, LocalDate.of(2026, 1, 2)));
        assertThat(refusal(() -> PEOPLE.read("张三,合肥\n".getBytes(StandardCharsets.UTF_8), "p.csv"))).isEqualTo("import.wrong.columns");
    }

    private static Row cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }
}
