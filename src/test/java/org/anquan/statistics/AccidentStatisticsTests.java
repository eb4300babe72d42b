package org.anquan.statistics;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.anquan.statistics.domain.AccidentStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Year-on-year figures against hand-computed ones, and the sentence they make (issue 11, item 8 in part). */
@IntegrationTest
class AccidentStatisticsTests {

    @Autowired AccidentStatistics statistics;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    long county;
    String countyName;

    void accident(LocalDate day, int deaths, int missing, int serious, int minor, long loss) {
        jdbc.sql("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, county_id, place, scene,
                                      account, measures, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan, grade,
                                      status, reported_late, concealment_review, reported_by, reported_at)
                VALUES ('ST' || CAST(nextval('accident_code_seq') AS VARCHAR), :t, :t, 'UNIT', 'CONSTRUCTION', 'FALL_FROM_HEIGHT', :c,
                        '工地', '现场', '经过', '措施', :d, :m, :s, :minor, :l, 'GENERAL', 'REPORTED', FALSE, FALSE, 'test', :t)""")
                .param("t", org.anquan.shared.CityTime.startOf(day, clock).plusHours(10)).param("c", county).param("d", deaths)
                .param("m", missing).param("s", serious).param("minor", minor).param("l", loss).update();
    }

    @BeforeEach
    void aYearWithoutOtherAccidents() {
        county = accounts.findByUsername("county").orElseThrow().regionId();
        countyName = jdbc.sql("SELECT name FROM region WHERE id = :c").param("c", county).query(String.class).single();
        if (jdbc.sql("SELECT COUNT(*) FROM accident WHERE place = '工地' AND reported_by = 'test'").query(Long.class).single() == 0) {
            // March–May 2019 and the same months of 2018, long before the demo's three years
            accident(LocalDate.of(2019, 3, 5), 2, 1, 0, 3, 1_200_000);
            accident(LocalDate.of(2019, 5, 31), 1, 0, 2, 0, 300_000);
            accident(LocalDate.of(2018, 4, 1), 0, 0, 1, 1, 500_000);
            // outside both periods: a day after the end, a day before last year's start
            accident(LocalDate.of(2019, 6, 1), 5, 0, 0, 0, 9_000_000);
            accident(LocalDate.of(2018, 2, 28), 5, 0, 0, 0, 9_000_000);
        }
    }

    @Test
    void theFiguresAreTheHandComputedOnesBesideLastYear() {
        var c = statistics.compare(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 31), AccidentStatistics.GroupBy.COUNTY,
                DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        var row = c.rows().stream().filter(r -> r.name().equals(countyName)).findFirst().orElseThrow();
        assertThat(row.current()).isEqualTo(new AccidentStatistics.Figures(2, 4, 5, 1_500_000));
        assertThat(row.previous()).isEqualTo(new AccidentStatistics.Figures(1, 0, 2, 500_000));
        assertThat(row.accidents().percent().toPlainString()).isEqualTo("100.0");
        assertThat(row.deaths().zeroBase()).isTrue();
        assertThat(row.loss().percent().toPlainString()).isEqualTo("200.0");
        assertThat(c.total().current().accidents()).isEqualTo(2);
    }

    @Test
    void thePageSaysItInTheSentenceOfASituationReportAndAZeroBaseHasNoPercent() throws Exception {
        String page = mvc.perform(get("/statistics/accidents").param("from", "2019-03-01").param("to", "2019-05-31")
                .with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2019年3月1日至2019年5月31日，共发生各类生产安全事故2起，死亡4人，事故起数、死亡人数同比分别上升100.0%、去年同期为零。");
    }

    @Test
    void aPeriodBackwardsOrLongerThanTenYearsIsRefused() throws Exception {
        int backwards = mvc.perform(get("/api/v1/statistics/accidents").param("from", "2019-06-01").param("to", "2019-03-01")
                .with(as(accounts, "admin"))).andReturn().getResponse().getStatus();
        int tooLong = mvc.perform(get("/api/v1/statistics/accidents").param("from", "2008-01-01").param("to", "2019-03-01")
                .with(as(accounts, "admin"))).andReturn().getResponse().getStatus();
        assertThat(backwards).isEqualTo(400);
        assertThat(tooLong).isEqualTo(400);
        String json = mvc.perform(get("/api/v1/statistics/accidents").param("from", "2019-03-01").param("to", "2019-05-31")
                .param("groupBy", "INDUSTRY").with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"key\":\"CONSTRUCTION\"");
    }

    @Test
    void aCountySeesOnlyItsOwnCounty() {
        var scope = new DataScope(DataScope.Kind.REGION, county);
        var c = statistics.compare(LocalDate.now(clock).minusYears(3), LocalDate.now(clock), AccidentStatistics.GroupBy.COUNTY, scope,
                Locale.SIMPLIFIED_CHINESE);
        assertThat(c.rows()).extracting(AccidentStatistics.Row::name).containsOnly(countyName);
    }

    @Test
    void theSituationReportWritesTheSentencesTheTablesAndTheOpenMajorHazardsWithoutPlaceholders() throws Exception {
        byte[] docx = mvc.perform(get("/statistics/report.docx").param("from", "2019-03-01").param("to", "2019-05-31")
                .with(as(accounts, "county"))).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            String text = x.getText();
            assertThat(text).contains("安全生产形势通报")
                    .contains("2019年3月1日至2019年5月31日，共发生各类生产安全事故2起，死亡4人，事故起数、死亡人数同比分别上升100.0%、去年同期为零。")
                    .contains("本期和去年同期均未发生道路交通事故。")
                    .contains("事故起数同比增加较多的县区：" + countyName + "（增加1起）。")
                    .contains("三、未销号的重大事故隐患")
                    .doesNotContain("{").doesNotContain("null").doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("县区");
        }
    }
}
