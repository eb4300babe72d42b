package org.anquan.hazards.quarterly;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class QuarterlyReportsTests {

    @Autowired Clock clock;

    @Autowired QuarterlyReports reports;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;

    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    /** The demo enterprise's principal responsible person, who signs. */
    String principal() {
        return directory.principalOf(user("enterprise").enterpriseId()).orElseThrow();
    }

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    @ParameterizedTest(name = "{0} Q{1} is due {2}")
    @CsvSource({"2026, 1, 2026-04-15", "2026, 2, 2026-07-15", "2026, 3, 2026-10-15", "2026, 4, 2027-01-15"})
    void statisticsAreDueOnTheFifteenthOfTheMonthAfterTheQuarter(int year, int quarter, LocalDate due) {
        assertThat(QuarterlyReports.dueOn(year, quarter, 15)).isEqualTo(due);
    }

    @Test
    void aLateFilingIsFlaggedAndCannotBeFiledTwice() {
        var figures = new QuarterlyReports.Figures(3, 1, 2, 0);
        var filing = reports.file(2025, 2, figures, new BigDecimal("12000"), principal(), user("enterprise"));
        assertThat(filing.late()).isTrue();
        assertThat(filing.dueOn()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThatThrownBy(() -> reports.file(2025, 2, figures, BigDecimal.ZERO, principal(), user("enterprise")))
                .isInstanceOf(BusinessException.class).hasMessage("quarterly.already.filed");
    }

    @Test
    void aQuarterThatHasNotEndedOrAMissingSignatureIsRefused() {
        int year = LocalDate.now(clock).getYear();
        int current = (LocalDate.now(clock).getMonthValue() - 1) / 3 + 1;
        assertThatThrownBy(() -> reports.file(year, current, new QuarterlyReports.Figures(0, 0, 0, 0), BigDecimal.ZERO, principal(),
                user("enterprise"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("quarter", "quarterly.quarter.notEnded"));
        assertThatThrownBy(() -> reports.file(2025, 1, new QuarterlyReports.Figures(-1, 0, 0, 0), null, " ", user("enterprise")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("foundGeneral", "funds", "principalSigned"));
    }

    @Test
    void onlyTheEnterpriseFilesItsStatistics() throws Exception {
        assertThatThrownBy(() -> reports.file(2025, 3, new QuarterlyReports.Figures(0, 0, 0, 0), BigDecimal.ZERO, "x", user("county")))
                .isInstanceOf(AccessDeniedException.class);
        int status = mvc.perform(post("/hazards/quarterly").param("year", "2025").param("quarter", "3")
                .with(as(accounts, "leader")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @ParameterizedTest(name = "the annual return of {0} is due {1}")
    @CsvSource({"2025, 2026-01-31", "2026, 2027-01-31"})
    void theAnnualReturnIsDueOnTheLastDayOfJanuary(int year, LocalDate due) {
        assertThat(reports.dueOn(year, QuarterlyReports.ANNUAL)).isEqualTo(due);
    }

    @Test
    void aSignatureThatIsNotThePrincipalsIsRefusedAndNothingIsFiled() {
        long before = jdbc.sql("SELECT COUNT(*) FROM quarterly_report").query(Long.class).single();
        assertThatThrownBy(() -> reports.file(2025, 1, new QuarterlyReports.Figures(1, 0, 1, 0), BigDecimal.ONE, "安全员代签", user("enterprise")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("principalSigned", "quarterly.signature.mismatch"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quarterly_report").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void everyMissedPeriodCanBeFiledLateAndTheAnnualReturnToo() {
        long enterprise = user("enterprise").enterpriseId();
        var open = reports.openPeriods(enterprise);
        int lastYear = LocalDate.now(clock).getYear() - 1;
        assertThat(open).extracting(QuarterlyReports.Period::key).contains(lastYear + "-0");
        var annual = reports.file(lastYear, QuarterlyReports.ANNUAL, reports.fromRegister(enterprise, lastYear, QuarterlyReports.ANNUAL),
                new BigDecimal("56000"), principal(), user("enterprise"));
        assertThat(annual.dueOn()).isEqualTo(LocalDate.of(lastYear + 1, 1, 31));
        assertThat(reports.openPeriods(enterprise)).extracting(QuarterlyReports.Period::key).doesNotContain(lastYear + "-0");
    }

    @Test
    void officialsSeeWhoHasNotFiledByCountyAndIndustryAndExportIt() throws Exception {
        var period = reports.parsePeriod("2024-4");
        var county = user("county");
        var missing = reports.missing(period, county.scope(), Locale.SIMPLIFIED_CHINESE, 50);
        long inCounty = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE county_id = :c AND status IN ('OPERATING', 'MINE_PRODUCING', "
                        + "'MINE_UNDER_CONSTRUCTION', 'MINE_TECH_RENOVATION') AND id NOT IN (SELECT enterprise_id FROM quarterly_report "
                        + "WHERE report_year = 2024 AND quarter = 4)").param("c", county.regionId()).query(Long.class).single();
        assertThat(missing.total()).isEqualTo(inCounty).isPositive();
        assertThat(missing.counts()).extracting(QuarterlyReports.Count::countyName).containsOnly(
                jdbc.sql("SELECT name FROM region WHERE id = :c").param("c", county.regionId()).query(String.class).single());
        // the enterprise files: it leaves the list
        reports.file(2024, 4, new QuarterlyReports.Figures(0, 0, 0, 0), BigDecimal.ZERO, principal(), user("enterprise"));
        assertThat(reports.missing(period, county.scope(), Locale.SIMPLIFIED_CHINESE, 50).total()).isEqualTo(inCounty - 1);
        byte[] xlsx = mvc.perform(MockMvcRequestBuilders.get("/hazards/quarterly/missing.xlsx")
                .param("period", "2024-4").with(as(accounts, "county"))).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo((int) (inCounty - 1) + 1);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("2024年第4季度");
        }
    }

    @Test
    void theEnterpriseSeesItsOpenPeriodsPrefilledAndOfficialsTheNonFilers() throws Exception {
        String enterprise = mvc.perform(MockMvcRequestBuilders.get("/hazards/quarterly")
                .with(as(accounts, "enterprise"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(enterprise).contains("数字已按隐患登记册预填").contains("报送期限");
        String county = mvc.perform(MockMvcRequestBuilders.get("/hazards/quarterly")
                .param("period", "2025-0").with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(county).contains("未报送企业").contains("2025年度");
    }
}
