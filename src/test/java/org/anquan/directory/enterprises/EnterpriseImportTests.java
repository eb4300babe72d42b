package org.anquan.directory.enterprises;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.WebTestSupport;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.web.Downloads;
import org.anquan.shared.BusinessException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class EnterpriseImportTests {

    @Autowired EnterpriseExcel excel;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    /** Where this run's credit codes start: one base per run, then one apart, so no two codes of a run meet. */
    static final int BASE = 800_000_000 + (int) (System.nanoTime() % 90_000_000);
    static int serial = 0;

    CurrentUser admin() {
        return accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
    }

    static String code() {
        String body = String.format("%08d", (BASE + ++serial) % 100_000_000);
        String first17 = "91990121" + body + CreditCode.organisationCheckChar(body);
        return first17 + CreditCode.checkChar(first17);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
    }

    /** Starts from the downloadable template, so the test also proves the template is importable. */
    XSSFWorkbook template() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        excel.writeTemplate(out, Locale.SIMPLIFIED_CHINESE);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static void row(Sheet s, int r, String... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    @Test
    void validRowsAreImportedAndInvalidRowsReportedByLine() throws Exception {
        XSSFWorkbook wb = template();
        Sheet s = wb.getSheetAt(0);
        row(s, 1, "导入甲化工有限公司", code(), "危险化学品", "990121001", "清河路1号", "118.22", "30.02", "小型", "正常经营",
                "赵伟", "13900001111", "钱芳", "13900002222", "危险化学品经营许可证", "WH-1", "2028-06-30");
        row(s, 2, "导入乙建设工程有限公司", code(), "CONSTRUCTION", "990121002", null, null, null, "MEDIUM", "OPERATING");
        row(s, 3, "导入丙公司", "91990121ABC", "工贸", "990121001", null, null, null, "小型", "正常经营");
        row(s, 4, "导入丁煤矿", code(), "煤矿", "990121003", null, null, null, "小型", "正常经营");
        row(s, 5, "导入戊公司", code(), "工贸", "990121001", null, "东经", null, "小型", "正常经营");
        long before = count();

        var result = excel.importFile(bytes(wb), "e.xlsx", admin(), Locale.SIMPLIFIED_CHINESE);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);
        assertThat(result.errors()).extracting(TabularImport.Rejected::line).containsExactly(4, 5, 6);
        assertThat(result.errors().get(0).reason()).contains("统一社会信用代码");
        assertThat(result.errors().get(1).reason()).contains("矿山");
        assertThat(result.errors().get(2).reason()).contains("F列应为数字");
    }

    @Test
    void aRowWithAFormulaIsRejectedAndTheOthersImported() throws Exception {
        XSSFWorkbook wb = template();
        Sheet s = wb.getSheetAt(0);
        row(s, 1, "公式行公司", code(), "工贸", "990121001", null, null, null, "小型", "正常经营");
        s.getRow(1).createCell(4).setCellFormula("HYPERLINK(\"http://example.invalid\",\"x\")");
        row(s, 2, "正常行公司", code(), "工贸", "990121001", null, null, null, "小型", "正常经营");
        var result = excel.importFile(bytes(wb), "e.xlsx", admin(), Locale.SIMPLIFIED_CHINESE);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).contains("E2").contains("公式");
        });
    }

    @Test
    void aFileWithWrongColumnsIsRefusedWhole() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        row(s, 0, "名称", "代码");
        row(s, 1, "某公司", code());
        long before = count();
        assertThatThrownBy(() -> excel.importFile(bytes(wb), "e.xlsx", admin(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(BusinessException.class).hasMessage("import.wrong.columns");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void garbageIsRefusedBeforeAnyRowIsRead() {
        byte[] garbage = "this is not a spreadsheet, <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> excel.importFile(garbage, "e.xlsx", admin(), Locale.ROOT)).hasMessage("import.not.xlsx");
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThatThrownBy(() -> excel.importFile(brokenZip, "e.xlsx", admin(), Locale.ROOT)).hasMessage("import.unreadable");
        byte[] tooLarge = new byte[(int) EnterpriseExcel.MAX_BYTES + 1];
        assertThatThrownBy(() -> excel.importFile(tooLarge, "e.xlsx", admin(), Locale.ROOT)).hasMessage("import.too.large");
    }

    @Test
    void theImportPageShowsTheResultAndTheRefusalInChinese() throws Exception {
        XSSFWorkbook wb = template();
        row(wb.getSheetAt(0), 1, "页面导入公司", code(), "工贸", "990121001", null, null, null, "小型", "正常经营");
        String ok = mvc.perform(multipart("/enterprises/import").file(new MockMultipartFile("file", "a.xlsx", null, bytes(wb)))
                .with(as(accounts, "admin")).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ok).contains("已导入 1 条");
        var refused = mvc.perform(multipart("/enterprises/import").file(new MockMultipartFile("file", "a.xlsx", null, "garbage".getBytes()))
                .with(as(accounts, "admin")).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("文件不是Excel");
    }

    @Test
    void theExportHoldsExactlyTheFilteredList() throws Exception {
        byte[] xlsx = mvc.perform(get("/enterprises/export").param("industry", "FIREWORKS").with(as(accounts, "admin")))
                .andReturn().getResponse().getContentAsByteArray();
        long expected = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE industry_code = 'FIREWORKS'").query(Long.class).single();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum() - 1).isEqualTo((int) expected);
            for (int r = 2; r <= s.getLastRowNum(); r++) {
                assertThat(s.getRow(r).getCell(2).getStringCellValue()).isEqualTo("烟花爆竹");
            }
        }
    }

    @Autowired FileJobs jobs;

    String finished(String location) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String page;
        do {
            Thread.sleep(200);
            page = mvc.perform(MockMvcRequestBuilders.get(location)
                    .with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } while (page.contains("data-status=\"RUNNING\"") && System.nanoTime() < until);
        return page;
    }

    @Test
    void aLongImportAndALongExportRunInTheBackground() throws Exception {
        XSSFWorkbook wb = template();
        Sheet s = wb.getSheetAt(0);
        for (int r = 1; r <= 45; r++) {
            row(s, r, "后台导入企业" + r + "号有限公司", r == 45 ? "91990121ABC" : code(), "工贸", "990121001", null, null, null, "小型", "正常经营");
        }
        long before = count();
        var file = new MockMultipartFile("file", "企业.xlsx", Downloads.XLSX, bytes(wb));
        var r = mvc.perform(MockMvcRequestBuilders.multipart("/enterprises/import").file(file)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).startsWith("/jobs/");
        assertThat(finished(r.getRedirectedUrl())).contains("data-status=\"DONE\"").contains("已导入 44 条，1 行未导入");
        assertThat(count()).isEqualTo(before + 44);
        var rejected = mvc.perform(MockMvcRequestBuilders.get(r.getRedirectedUrl() + "/file")
                .with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse();
        try (var result = new XSSFWorkbook(new ByteArrayInputStream(rejected.getContentAsByteArray()))) {
            assertThat(result.getSheetAt(0).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(46.0);
            assertThat(result.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).contains("统一社会信用代码");
        }

        long threshold = jobs.backgroundRows(10);
        String location;
        try {
            location = mvc.perform(MockMvcRequestBuilders.get("/enterprises/export")
                    .with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse().getRedirectedUrl();
        } finally {
            jobs.backgroundRows(threshold);
        }
        assertThat(location).startsWith("/jobs/");
        assertThat(finished(location)).contains("data-status=\"DONE\"");
        var export = mvc.perform(MockMvcRequestBuilders.get(location + "/file")
                .with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum() - 1L).isEqualTo(count());
        }
    }
}
