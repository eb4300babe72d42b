package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class HazardImportTests {

    @Autowired Clock clock;

    @Autowired HazardImport importer;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    XSSFWorkbook template() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        importer.writeTemplate(out, Locale.SIMPLIFIED_CHINESE);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static void row(Sheet s, int r, String... v) {
        Row row = s.createRow(r);
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                row.createCell(i).setCellValue(v[i]);
            }
        }
    }

    static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single();
    }

    @Test
    void validRowsAreReportedAndRoutedAndBadRowsListedByLine() throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE industry_code = 'HAZ_CHEM' ORDER BY id LIMIT 1").query(String.class).single();
        String deadline = LocalDate.now(clock).plusDays(20).toString();
        XSSFWorkbook wb = template();
        Sheet s = wb.getSheetAt(0);
        row(s, 1, code, null, null, null, null, "HC_LABEL", "危险化学品安全标签缺失", "一般", deadline, "李敏", "13900000000");
        row(s, 2, null, "清河县北关镇路口", "118.22", "30.32", "道路运输", null, "信号灯损坏", "一般", deadline);
        row(s, 3, "91999999999999999X", null, null, null, null, null, "不存在的企业", "一般", deadline);
        row(s, 4, code, null, null, null, null, null, "期限已过", "一般", LocalDate.now(clock).minusDays(3).toString());
        row(s, 5, code, null, null, null, null, null, "等级写错", "很大", deadline);
        long before = count();

        var result = importer.importFile(bytes(wb), "检查.xlsx", user("admin"), Locale.SIMPLIFIED_CHINESE);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);
        assertThat(result.errors()).extracting(TabularImport.Rejected::line).containsExactly(4, 5, 6);
        assertThat(result.errors().get(0).reason()).contains("91999999999999999X");
        assertThat(result.errors().get(1).reason()).contains("期限不能早于今天");
        assertThat(result.errors().get(2).reason()).contains("很大");
        String county = jdbc.sql("SELECT r.name FROM hazard h JOIN region r ON r.id = h.county_id WHERE h.description = '信号灯损坏'")
                .query(String.class).single();
        assertThat(county).isEqualTo("清河县");
    }

    @Test
    void aFileWithTheWrongColumnsOrOfGarbageIsRefusedWhole() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        row(wb.createSheet(), 0, "编号", "描述");
        long before = count();
        assertThatThrownBy(() -> importer.importFile(bytes(wb), "x.xlsx", user("admin"), Locale.ROOT)).hasMessage("import.wrong.columns");
        assertThatThrownBy(() -> importer.importFile("garbage".getBytes(), "x.xlsx", user("admin"), Locale.ROOT)).hasMessage("import.not.xlsx");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anEnterpriseCannotImportInspectionFindings() {
        assertThatThrownBy(() -> importer.importFile(new byte[] {1}, "x.xlsx", user("enterprise"), Locale.ROOT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.importFile(null, null, user("admin"), Locale.ROOT)).isInstanceOf(BusinessException.class);
    }

    XSSFWorkbook findings(String description) throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE industry_code = 'HAZ_CHEM' ORDER BY id LIMIT 1").query(String.class).single();
        XSSFWorkbook wb = template();
        row(wb.getSheetAt(0), 1, code, null, null, null, null, null, description, "一般", LocalDate.now(clock).plusDays(20).toString());
        row(wb.getSheetAt(0), 2, code, null, null, null, null, null, description + "（二）", "一般", LocalDate.now(clock).plusDays(20).toString());
        return wb;
    }

    long withDescription(String description) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard WHERE description LIKE :d").param("d", description + "%").query(Long.class).single();
    }

    @Test
    void theSameFileIsNotImportedTwiceAndTheRefusalNamesTheEarlierImport() throws Exception {
        byte[] file = bytes(findings("重复导入检查"));
        var first = importer.importFile(file, "第一次.xlsx", user("admin"), Locale.SIMPLIFIED_CHINESE);
        assertThat(first.imported()).isEqualTo(2);
        assertThatThrownBy(() -> importer.importFile(file, "又一次.xlsx", user("county"), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.already");
                    assertThat(e.args()[0]).isEqualTo(first.importId());
                    assertThat(e.args()[2]).as("named as people know them").isEqualTo("市安委办管理员");
                });
        assertThat(withDescription("重复导入检查")).isEqualTo(2);
        assertThat(importer.recent()).extracting(HazardImport.Earlier::id).contains(first.importId());
    }

    @Test
    void anImportThatFailsAtTheEndLeavesNothingBehindAndCanBeRunAgain() throws Exception {
        byte[] file = bytes(findings("中途失败检查"));
        // the audit head goes missing: the import fails after all its rows were written
        var head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1").query().singleRow();
        jdbc.sql("DELETE FROM audit_head").update();
        try {
            assertThatThrownBy(() -> importer.importFile(file, "断电.xlsx", user("admin"), Locale.SIMPLIFIED_CHINESE));
        } finally {
            jdbc.sql("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, :i, :h)").param("i", head.get("last_id"))
                    .param("h", head.get("last_hash")).update();
        }
        assertThat(withDescription("中途失败检查")).isZero();
        assertThat(importer.importFile(file, "断电.xlsx", user("admin"), Locale.SIMPLIFIED_CHINESE).imported()).isEqualTo(2);
        assertThat(withDescription("中途失败检查")).isEqualTo(2);
    }
}
