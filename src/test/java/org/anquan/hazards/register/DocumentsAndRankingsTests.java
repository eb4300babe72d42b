package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.anquan.supervision.escalation.EscalationFixtures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DocumentsAndRankingsTests {

    @Autowired Clock clock;

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired HazardService hazards;

    static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    @Test
    void theRectificationOrderIsIssuedOnceNumberedByTheIssuingUnitAndNamesTheUnitTheHazardTheDeadlineAndTheRights() throws Exception {
        var h = jdbc.sql("SELECT id, code, deadline, enterprise_id, version FROM hazard WHERE status = 'RECTIFYING' AND order_number IS NULL "
                        + "AND deadline IS NOT NULL AND enterprise_id IS NOT NULL ORDER BY id LIMIT 1").query().singleRow();
        long id = ((Number) h.get("id")).longValue();
        assertThat(mvc.perform(get("/hazards/" + id + "/notice.docx").with(as(accounts, "admin"))).andReturn().getResponse().getStatus())
                .isEqualTo(422);
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        Assertions.assertThatThrownBy(() -> hazards.issueOrder(id, ((Number) h.get("version")).intValue(), "张明", admin))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("inspectors", "order.inspectors.format"));
        var issued = hazards.issueOrder(id, ((Number) h.get("version")).intValue(), "张明（34010020260001）、李华（34010020260002）", admin);
        assertThat(issued.getOrderNumber()).matches("示安委办责改〔\\d{4}〕\\d+号");
        Assertions.assertThatThrownBy(() -> hazards.issueOrder(id, issued.getVersion(), "张明（34010020260001）、李华（34010020260002）", admin))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("order.issued.already"));
        MvcResult r = mvc.perform(get("/hazards/" + id + "/notice.docx").with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).contains("wordprocessingml");
        String text = text(r.getResponse().getContentAsByteArray());
        String enterprise = jdbc.sql("SELECT name FROM enterprise WHERE id = :id").param("id", h.get("enterprise_id")).query(String.class).single();
        assertThat(text).contains("责令限期整改指令书").contains(issued.getOrderNumber()).contains(enterprise)
                .contains("示例市安全生产委员会办公室").contains("第六十五条").contains("行政复议").contains("签收")
                .contains("张明（34010020260001）");
        // dates as official documents write them: 2026年11月28日
        LocalDate deadline = LocalDate.parse(h.get("deadline").toString());
        assertThat(text).contains(deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日")
                .doesNotContain(deadline.toString());
    }

    @Test
    void theSupervisionNoticeIsIssuedForANoticeStep() throws Exception {
        EscalationFixtures.sweep(context, "tester");
        var step = jdbc.sql("SELECT s.id, h.code FROM supervision_step s JOIN hazard h ON h.id = s.hazard_id WHERE s.level = 2 ORDER BY s.id LIMIT 1")
                .query().singleRow();
        MvcResult r = mvc.perform(get("/supervision/steps/" + step.get("id") + "/notice.docx").with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(text(r.getResponse().getContentAsByteArray())).contains("安全生产督办通知书").contains((String) step.get("code"))
                .contains("逾期").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void theRankingsListEveryCountyWithTheirNumbers() throws Exception {
        String html = mvc.perform(get("/hazards/rankings").with(as(accounts, "leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("平安区").contains("南湖县").contains("整改销号率").contains("data-test=\"ranking-departments\"");
        String json = mvc.perform(get("/api/v1/hazards/rankings").with(as(accounts, "leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long found = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE status <> 'REJECTED' AND reported_at >= :from")
                .param("from", CityTime.startOf(LocalDate.now(clock).withDayOfYear(1), clock))
                .query(Long.class).single();
        var counties = new ObjectMapper().readTree(json).get("counties");
        long sum = 0;
        for (var c : counties) {
            sum += c.get("found").asLong();
            assertThat(c.get("closed").asLong()).isLessThanOrEqualTo(c.get("found").asLong());
        }
        assertThat(sum).isEqualTo(found);
    }

    @Test
    void aReversedPeriodIsRefusedClearly() throws Exception {
        MvcResult r = mvc.perform(get("/hazards/rankings").param("from", "2026-06-01").param("to", "2026-01-01")
                .with(as(accounts, "leader"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("截止日期不能早于起始日期");
    }

    long hazardAt(String status, OffsetDateTime reported, OffsetDateTime closed, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id,
                                    county_id, deadline, reported_by, reported_at, closed_at)
                SELECT 'L' || CAST(nextval('hazard_code_seq') AS VARCHAR), 'DEPT_INSPECTION', e.id, e.industry_code, :d, 'GENERAL',
                       :s, r.department_id, e.county_id, :today, 'test', :rep, :closed
                FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                ORDER BY e.id LIMIT 1""").param("d", description).param("s", status).param("rep", reported).param("closed", closed)
                .param("today", LocalDate.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Test
    void theLedgerListsStockAndIncrementOfThePeriodWithTitleAndSignature() throws Exception {
        var tz = ZoneOffset.ofHours(8);
        var start = LocalDate.of(2025, 3, 1);
        hazardAt("RECTIFYING", start.minusDays(20).atStartOfDay().atOffset(tz), null, "台账存量隐患");
        hazardAt("ASSIGNED", start.plusDays(5).atStartOfDay().atOffset(tz), null, "台账增量隐患");
        hazardAt("CLOSED", start.minusDays(40).atStartOfDay().atOffset(tz), start.minusDays(10).atStartOfDay().atOffset(tz), "期前已销号隐患");
        byte[] xlsx = mvc.perform(get("/hazards/ledger.xlsx").param("from", "2025-03-01").param("to", "2025-03-31")
                .with(as(accounts, "admin"))).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("问题隐患清单");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("2025-03-01").contains("2025-03-31");
            StringBuilder all = new StringBuilder();
            for (var row : sheet) {
                for (var cell : row) {
                    all.append(cell.getStringCellValue()).append('|');
                }
                all.append('\n');
            }
            assertThat(all).contains("存量|").contains("台账存量隐患").contains("增量|").contains("台账增量隐患")
                    .doesNotContain("期前已销号隐患").contains("单位负责人（签字）");
        }
    }

    @Test
    void aMeasureIsRecordedWithItsHazardsAndExported() throws Exception {
        String code = jdbc.sql("SELECT code FROM hazard ORDER BY id LIMIT 1").query(String.class).single();
        long city = jdbc.sql("SELECT id FROM region WHERE region_level = 'CITY'").query(Long.class).single();
        long dept = jdbc.sql("SELECT MIN(id) FROM department").query(Long.class).single();
        MvcResult bad = mvc.perform(MockMvcRequestBuilders.post("/hazards/measures")
                .with(as(accounts, "admin")).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("industryCode", "HAZ_CHEM").param("regionId", String.valueOf(city)).param("title", "危化品储罐区可燃气体报警器定期检定制度")
                .param("content", "每半年检定一次").param("departmentId", String.valueOf(dept)).param("adoptedOn", "2026-01-05")
                .param("hazardCodes", code + ", YH0000-0000000")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("有隐患编号不存在");
        mvc.perform(MockMvcRequestBuilders.post("/hazards/measures")
                .with(as(accounts, "admin")).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("industryCode", "HAZ_CHEM").param("regionId", String.valueOf(city)).param("title", "危化品储罐区可燃气体报警器定期检定制度")
                .param("content", "每半年检定一次").param("departmentId", String.valueOf(dept)).param("adoptedOn", "2026-01-05")
                .param("hazardCodes", code).param("owner", "市应急管理局危化科 张伟").param("funds", "20000"));
        byte[] xlsx = mvc.perform(get("/hazards/measures.xlsx").with(as(accounts, "admin"))).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            Row row = null;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                var candidate = sheet.getRow(r);
                if (candidate != null && candidate.getCell(4) != null
                        && "危化品储罐区可燃气体报警器定期检定制度".equals(candidate.getCell(4).getStringCellValue())) {
                    row = candidate;
                }
            }
            assertThat(row).as("the measure's row in the export").isNotNull();
            assertThat(row.getCell(14).getStringCellValue()).isEqualTo(code);
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("市应急管理局危化科 张伟");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("20000.00");
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("落实中");
        }
    }

    @Test
    void theReinspectionPagesRender() throws Exception {
        assertThat(mvc.perform(get("/supervision/reinspections").with(as(accounts, "county"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
