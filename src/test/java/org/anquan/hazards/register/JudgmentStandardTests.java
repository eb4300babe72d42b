package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.hazards.standards.JudgmentStandards;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Major-hazard judgment standards as data, and grading held to them (issue 10, item 1). */
@IntegrationTest
class JudgmentStandardTests {

    @Autowired MockMvc mvc;
    @Autowired HazardService service;
    @Autowired JudgmentStandards standards;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Messages messages;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long ownEnterprise() {
        return accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
    }

    long hazards() {
        return jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single();
    }

    HazardReports atOwnEnterprise() {
        return HazardReports.atEnterprise(ownEnterprise()).due(LocalDate.now(clock).plusDays(10));
    }

    @Test
    void theStandardsHoldTheSituationsOfEachKeyIndustryWithTheirSource() {
        assertThat(standards.standards()).extracting(JudgmentStandards.Standard::source)
                .contains("应急管理部令第10号", "应急管理部令第4号", "矿安〔2022〕88号", "安监总管三〔2017〕121号", "GB 35181-2017");
        // the coal-mine criteria (MEM Order 4 of 2020) list fifteen situations in article 3
        assertThat(standards.situations("CM_2020", null)).hasSize(15)
                .allSatisfy(s -> assertThat(s.article()).startsWith("第三条"));
        assertThat(standards.situations("HC_2017", null)).hasSize(20);
        assertThat(standards.listing("CM_GAS_OVERLIMIT")).hasValueSatisfying(l -> {
            assertThat(l.standard().nameZh()).isEqualTo("煤矿重大事故隐患判定标准");
            assertThat(l.article()).isEqualTo("第三条第（二）项");
        });
        assertThat(standards.listing("IT_GUARD_MISSING")).isEmpty();
    }

    @Test
    void aListedSituationReportedAsGeneralIsRefusedAndNothingIsStored() {
        long before = hazards();
        // 化工 criteria item 5: a major-hazard tank farm without emergency shut-off
        assertThatThrownBy(() -> service.report(atOwnEnterprise().category("HC17_05").grade(HazardGrade.GENERAL).input(), user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("grade", "hazard.grade.listed"));
        assertThat(hazards()).isEqualTo(before);
        Hazard major = service.report(atOwnEnterprise().category("HC17_05").major().input(), user("dept"));
        assertThat(major.getGrade()).isEqualTo(HazardGrade.MAJOR);
    }

    @Test
    void theReportFormRefusesAListedSituationAsGeneralInWords() throws Exception {
        long before = hazards();
        String page = mvc.perform(post("/hazards").with(as(accounts, "dept")).with(csrf())
                        .param("source", "DEPT_INSPECTION").param("enterpriseId", String.valueOf(ownEnterprise()))
                        .param("categoryCode", "HC17_05").param("grade", "GENERAL").param("description", "罐区未实现紧急切断")
                        .param("deadline", LocalDate.now(clock).plusDays(10).toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("该情形列入重大事故隐患判定标准，只能定为重大隐患");
        assertThat(hazards()).isEqualTo(before);
    }

    @Test
    void regradingNeedsAReasonThePermissionAndRespectsTheStandards() {
        Hazard general = service.report(atOwnEnterprise().category("HC_LABEL").input(), user("dept"));
        assertThatThrownBy(() -> service.regrade(general.getId(), general.getVersion(), HazardGrade.MAJOR, " ", user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("reason", "hazard.regrade.reason.required"));
        assertThatThrownBy(() -> service.regrade(general.getId(), general.getVersion(), HazardGrade.MAJOR, "涉及重大危险源", user("enterprise")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.get(general.getId(), user("dept")).getGrade()).isEqualTo(HazardGrade.GENERAL);

        Hazard raised = service.regrade(general.getId(), general.getVersion(), HazardGrade.MAJOR, "标签缺失涉及剧毒品储罐，整改需停产", user("county"));
        assertThat(raised.getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(raised.getEvents()).last().satisfies(ev -> {
            assertThat(ev.action()).isEqualTo("REGRADE_MAJOR");
            assertThat(ev.note()).isEqualTo("标签缺失涉及剧毒品储罐，整改需停产");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REGRADE' AND entity_id = :id")
                .param("id", String.valueOf(general.getId())).query(Long.class).single()).isEqualTo(1);

        Hazard listed = service.report(atOwnEnterprise().category("HC17_05").major().input(), user("dept"));
        assertThatThrownBy(() -> service.regrade(listed.getId(), listed.getVersion(), HazardGrade.GENERAL, "已部分整改", user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("grade", "hazard.grade.listed"));
    }

    @Test
    void theCityOfficeAddsAndRetiresASituationAndOthersMayNot() {
        var in = new JudgmentStandards.SituationInput("CITY_TEST_ROOF", "INDUSTRY_TRADE", "厂房屋面彩钢板锈蚀穿孔", "Corroded roof panels",
                null, null, true, null);
        assertThatThrownBy(() -> standards.save(in, true, user("dept"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> standards.save(new JudgmentStandards.SituationInput("bad code", "NOPE", "", "x", "NOPE", null, true, null),
                true, user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "standard.code.format").containsEntry("industryCode", "standard.industry.unknown")
                        .containsEntry("nameZh", "validation.required").containsEntry("standardCode", "standard.unknown"));
        standards.save(in, true, user("admin"));
        assertThat(standards.listing("CITY_TEST_ROOF")).hasValueSatisfying(l -> assertThat(l.standard()).isNull());

        var saved = standards.situation("CITY_TEST_ROOF").orElseThrow();
        standards.setActive("CITY_TEST_ROOF", false, saved.version(), user("admin"));
        assertThatThrownBy(() -> service.report(HazardReports.atPlace("工业园区", 118.43, 30.35, "INDUSTRY_TRADE")
                .category("CITY_TEST_ROOF").major().input(), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("categoryCode", "hazard.category.mismatch"));
    }

    static byte[] workbook(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var header = sheet.createRow(0);
            for (int i = 0; i < JudgmentStandards.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(JudgmentStandards.COLUMNS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anImportWithOneWrongRowStoresNothingAndNamesTheRow() throws Exception {
        byte[] file = workbook(
                new String[] {"IT10_IMPORT_A", "INDUSTRY_TRADE", "金属熔融作业区域地面潮湿", "Wet floor at molten metal work", "IT_2023", "第四条第（二）项"},
                new String[] {"IT10_IMPORT_B", "INDUSTRY_TRADE", "煤气区域未设置报警", "No gas alarm", "NO_SUCH", "第四条"});
        assertThatThrownBy(() -> standards.importFile(file, "s.xlsx", user("admin")))
                .isInstanceOfSatisfying(TabularImport.Refused.class,
                        e -> assertThat(e.lines()).containsExactly(new TabularImport.Rejected(3, messages.get("standard.unknown"))));
        assertThat(standards.situation("IT10_IMPORT_A")).isEmpty();

        assertThatThrownBy(() -> standards.importFile("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "s.xlsx", user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("import.not.xlsx"));

        String page = mvc.perform(multipart("/hazards/standards/import").file(new MockMultipartFile("file", "s.xlsx", null, workbook(
                        new String[] {"IT10_IMPORT_A", "INDUSTRY_TRADE", "金属熔融作业区域地面潮湿", "Wet floor at molten metal work", "IT_2023", "第四条第（二）项"})))
                        .with(as(accounts, "admin")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page).isEqualTo("/hazards/standards");
        assertThat(standards.situation("IT10_IMPORT_A")).hasValueSatisfying(s -> {
            assertThat(s.major()).isTrue();
            assertThat(s.standardCode()).isEqualTo("IT_2023");
        });
        assertThat(mvc.perform(get("/hazards/standards").param("standard", "IT_2023").with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("金属熔融作业区域地面潮湿").contains("第四条第（二）项").doesNotContain("data-test=\"situation-new\"");
    }

    @Test
    void aRefusedSituationComesBackWithEveryFieldsErrorAndWhatWasTyped() throws Exception {
        var refused = mvc.perform(post("/hazards/standards/situations").param("code", "bad code!").param("industryCode", "")
                        .param("nameZh", "").param("nameEn", "").param("article", "第九条<b>")
                        .with(as(accounts, "admin")).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/hazards/standards");
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) refused.getFlashMap().get("fieldErrors");
        assertThat(errors).containsKeys("code", "industryCode", "nameZh", "nameEn");
        assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("form.has.errors");
        assertThat(standards.situation("bad code!")).isEmpty();

        // the page the redirect leads to, in the same session, reads the flash
        String page = mvc.perform(get("/hazards/standards").with(as(accounts, "admin")).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String field : List.of("code", "industryCode", "nameZh", "nameEn")) {
            assertThat(page).contains("id=\"f-" + field + "-error\"");
        }
        // what was typed comes back, escaped
        assertThat(page).contains("value=\"bad code!\"").contains("value=\"第九条&lt;b&gt;\"");
        assertThat(page).contains("data-test=\"field-errors\"");
    }
}
