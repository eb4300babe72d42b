package org.anquan.statistics.accidents;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.accidents.reporting.AccidentFixtures;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Year-on-year figures against hand-computed ones, and the sentence they make (issue 11, item 8 in part). */
@IntegrationTest
class AccidentStatisticsTests {

    @Autowired AccidentStatistics statistics;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;

    long county;
    String countyName;

    void accident(LocalDate day, int deaths, int missing, int serious, int minor, long loss) {
        jdbc.sql("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, county_id, place, scene,
                                      account, measures, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan, grade,
                                      status, reported_late, concealment_review, reported_by, reported_at)
                VALUES ('ST' || CAST(nextval('accident_code_seq') AS VARCHAR), :t, :t, 'UNIT', 'CONSTRUCTION', 'FALL_FROM_HEIGHT', :c,
                        '工地', '现场', '经过', '措施', :d, :m, :s, :minor, :l, 'GENERAL', 'REPORTED', FALSE, FALSE, 'test', :t)""")
                .param("t", CityTime.startOf(day, clock).plusHours(10)).param("c", county).param("d", deaths)
                .param("m", missing).param("s", serious).param("minor", minor).param("l", loss).update();
    }

    /** A road-traffic accident in 2016 (a year no other test or the demo touches), with its main cause and township. */
    void road(LocalDate day, int deaths, int missing, String cause, Long township) {
        jdbc.sql("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, county_id, township_id, place,
                                      scene, account, measures, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan,
                                      grade, status, reported_late, concealment_review, reported_by, reported_at, road_cause)
                VALUES ('RT' || CAST(nextval('accident_code_seq') AS VARCHAR), :t, :t, 'UNIT', 'ROAD_TRANSPORT', 'ROAD_TRAFFIC', :c, :tw,
                        '国道', '现场', '经过', '措施', :d, :m, 0, 1, 10000, :g, 'REPORTED', FALSE, FALSE, 'test', :t, :cause)""")
                .param("t", CityTime.startOf(day, clock).plusHours(10)).param("c", county).param("tw", township)
                .param("d", deaths).param("m", missing).param("g", deaths + missing >= 3 ? "LARGER" : "GENERAL").param("cause", cause)
                .update();
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
        if (jdbc.sql("SELECT COUNT(*) FROM accident WHERE place = '国道' AND reported_by = 'test'").query(Long.class).single() == 0) {
            Long township = jdbc.sql("SELECT MIN(id) FROM region WHERE parent_id = :c AND region_level = 'TOWNSHIP'").param("c", county)
                    .query(Long.class).single();
            // January 2016: 3 + 1 dead by drunk driving, 1 by a motorcycle, 2 by other causes, 1 by a cause not given (other)
            road(LocalDate.of(2016, 1, 3), 2, 1, "DRUNK_DRIVING", township);
            road(LocalDate.of(2016, 1, 9), 1, 0, "DRUNK_DRIVING", township);
            road(LocalDate.of(2016, 1, 20), 1, 0, "MOTORCYCLE", null);
            road(LocalDate.of(2016, 1, 21), 2, 0, "OTHER", null);
            road(LocalDate.of(2016, 2, 2), 1, 0, null, null);
            // the same months of 2015
            road(LocalDate.of(2015, 2, 10), 1, 0, "UNLICENSED", null);
        }
        // written here straight into the table, so the monthly sums are recomputed as after a report
        AccidentFixtures.rebuildMonthlyFigures(context);
    }

    @Test
    void wholeMonthsFromTheMonthlySumsAndTheDaysAtTheEndsFromTheAccidentsAddUpToTheSame() {
        // 5 March – 31 May: 5–31 March from the accidents, April and May from the monthly sums
        var c = statistics.compare(LocalDate.of(2019, 3, 5), LocalDate.of(2019, 5, 31), AccidentStatistics.GroupBy.COUNTY,
                DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        var row = c.rows().stream().filter(r -> r.name().equals(countyName)).findFirst().orElseThrow();
        assertThat(row.current()).isEqualTo(new AccidentStatistics.Figures(2, 4, 5, 1_500_000));
        assertThat(row.previous()).isEqualTo(new AccidentStatistics.Figures(1, 0, 2, 500_000));
        // 6 March on: the accident of the 5th is left out
        var later = statistics.compare(LocalDate.of(2019, 3, 6), LocalDate.of(2019, 5, 30), AccidentStatistics.GroupBy.COUNTY,
                DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        assertThat(later.rows()).filteredOn(r -> r.name().equals(countyName)).singleElement()
                .satisfies(r -> assertThat(r.current().accidents()).isZero());
        // over the demo's three years the monthly path (by county) and the accidents' path (by township) agree
        LocalDate today = LocalDate.now(clock);
        for (LocalDate[] p : List.of(new LocalDate[] {today.minusMonths(11).withDayOfMonth(3), today},
                new LocalDate[] {today.minusYears(2).withDayOfYear(1), today.minusYears(2).withDayOfYear(200)})) {
            var byCounty = statistics.compare(p[0], p[1], AccidentStatistics.GroupBy.COUNTY, DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
            var byTownship = statistics.compare(p[0], p[1], AccidentStatistics.GroupBy.TOWNSHIP, DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
            assertThat(byCounty.total()).isEqualTo(byTownship.total());
            assertThat(byCounty.total().current().accidents()).isPositive();
        }
        // the trend too, over two years (months of this period that are also last year's are read once from the sums)
        LocalDate from = today.minusYears(2).withDayOfMonth(10);
        var months = statistics.months(from, today, DataScope.CITY);
        var byTownship = statistics.compare(from, today, AccidentStatistics.GroupBy.TOWNSHIP, DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        assertThat(months.stream().mapToLong(m -> m.current().accidents()).sum()).isEqualTo(byTownship.total().current().accidents());
        assertThat(months.stream().mapToLong(m -> m.previous().deaths()).sum()).isEqualTo(byTownship.total().previous().deaths());
    }

    @Test
    void theWholeMonthsOfAPeriod() {
        assertThat(AccidentStatistics.wholeMonths(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 28)))
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 1));
        assertThat(AccidentStatistics.wholeMonths(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 31)))
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 1));
        assertThat(AccidentStatistics.wholeMonths(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 30)))
                .containsExactly(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2));
    }

    @Test
    void roadDeathsByCauseWithTheirSharesAndTheNamedFourOverHalf() {
        var causes = statistics.roadCauses(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 2, 29), new DataScope(DataScope.Kind.REGION, county),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(causes.deaths()).isEqualTo(8);
        assertThat(causes.causes()).extracting(AccidentStatistics.Cause::code, AccidentStatistics.Cause::accidents,
                        AccidentStatistics.Cause::deaths, AccidentStatistics.Cause::previousDeaths)
                .containsExactly(Tuple.tuple("DRUNK_DRIVING", 2L, 4L, 0L),
                        Tuple.tuple("ILLEGAL_CARRYING", 0L, 0L, 0L),
                        Tuple.tuple("MOTORCYCLE", 1L, 1L, 0L),
                        Tuple.tuple("UNLICENSED", 0L, 0L, 1L),
                        Tuple.tuple("OTHER", 2L, 3L, 0L));
        assertThat(causes.share(causes.causes().get(0)).toPlainString()).isEqualTo("50.0");
        assertThat(causes.namedShare().toPlainString()).isEqualTo("62.5");
        assertThat(causes.namedOverHalf()).isTrue();
        var none = statistics.roadCauses(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 2, 1), DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        assertThat(none.deaths()).isZero();
        assertThat(none.namedShare()).isNull();
    }

    @Test
    void monthByMonthBesideTheSameDaysAYearBefore() {
        var months = statistics.months(LocalDate.of(2016, 1, 15), LocalDate.of(2016, 2, 29), new DataScope(DataScope.Kind.REGION, county));
        assertThat(months).extracting(m -> m.month().toString()).containsExactly("2016-01", "2016-02");
        // 15–31 January: the accidents of the 20th and 21st; February: the 2nd; last year's February the 10th
        assertThat(months.get(0).current()).isEqualTo(new AccidentStatistics.Figures(2, 3, 2, 20_000));
        assertThat(months.get(1).current()).isEqualTo(new AccidentStatistics.Figures(1, 1, 1, 10_000));
        assertThat(months.get(1).previous()).isEqualTo(new AccidentStatistics.Figures(1, 1, 1, 10_000));
        assertThat(months.get(0).previous()).isEqualTo(new AccidentStatistics.Figures(0, 0, 0, 0));
    }

    @Test
    void byTownshipTheAccidentsWithoutOneStandApartAndByGradeEachGradeHasItsName() {
        var scope = new DataScope(DataScope.Kind.REGION, county);
        var byTownship = statistics.compare(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 2, 29), AccidentStatistics.GroupBy.TOWNSHIP, scope,
                Locale.SIMPLIFIED_CHINESE);
        assertThat(byTownship.rows()).hasSize(2);
        assertThat(byTownship.rows().get(0).current().accidents()).isEqualTo(2);
        assertThat(byTownship.rows().get(1).name()).isNull();
        assertThat(byTownship.rows().get(1).current().accidents()).isEqualTo(3);
        var byGrade = statistics.compare(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 2, 29), AccidentStatistics.GroupBy.GRADE, scope,
                Locale.SIMPLIFIED_CHINESE);
        assertThat(byGrade.rows()).extracting(AccidentStatistics.Row::name, r -> r.current().accidents())
                .containsExactly(Tuple.tuple("一般事故", 4L), Tuple.tuple("较大事故", 1L));
    }

    @Test
    void rankingPutsTheMostDeathsFirstAndEqualFiguresShareARank() {
        var f = new AccidentStatistics.Figures(1, 2, 0, 5);
        var c = new AccidentStatistics.Comparison(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 31), AccidentStatistics.GroupBy.COUNTY,
                List.of(new AccidentStatistics.Row("1", "甲", new AccidentStatistics.Figures(3, 1, 0, 9), f),
                        new AccidentStatistics.Row("2", "乙", f, f), new AccidentStatistics.Row("3", "丙", f, f),
                        new AccidentStatistics.Row("4", "丁", new AccidentStatistics.Figures(0, 0, 0, 0), f)),
                new AccidentStatistics.Row("TOTAL", null, f, f));
        assertThat(c.ranked()).extracting(r -> r.rank() + r.row().name()).containsExactly("1乙", "1丙", "3甲", "4丁");
    }

    @Test
    void everyTableExportsAsExcelWithItsFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/statistics/accidents/causes.xlsx").param("from", "2016-01-01").param("to", "2016-02-29")
                .with(as(accounts, "county"))).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("酒驾醉驾");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("50.0%");
        }
        for (String table : List.of("groups", "months", "ranking", "motor")) {
            assertThat(mvc.perform(get("/statistics/accidents/" + table + ".xlsx").param("from", "2016-01-01").param("to", "2016-02-29")
                    .with(as(accounts, "county"))).andReturn().getResponse().getContentType()).as(table).startsWith("application/vnd.openxml");
        }
        assertThat(mvc.perform(get("/statistics/accidents/nope.xlsx").with(as(accounts, "county"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theSentencesOfRoadTrafficSayTheCausesAndTheirShares() throws Exception {
        String page = mvc.perform(get("/statistics/accidents").param("from", "2016-01-01").param("to", "2016-02-29")
                .with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("道路交通事故死亡8人，其中酒驾醉驾4人（占50.0%）、违法载人0人（占0.0%）、摩托车违法1人（占12.5%）、"
                + "无牌无证0人（占0.0%），四类原因合计占62.5%，占比达一半以上。");
        assertThat(page).contains("道路交通事故“四项指标”：发生5起，死亡8人，受伤5人，直接财产损失50000元，同比分别上升400.0%、上升700.0%、上升400.0%、上升400.0%。");
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
        var cross = statistics.compare(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 31), AccidentStatistics.GroupBy.COUNTY_INDUSTRY,
                DataScope.CITY, Locale.SIMPLIFIED_CHINESE);
        assertThat(cross.rows()).filteredOn(r -> r.key().equals(county + "/CONSTRUCTION")).singleElement().satisfies(r -> {
            assertThat(r.name()).startsWith(countyName + " · ");
            assertThat(r.current()).isEqualTo(new AccidentStatistics.Figures(2, 4, 5, 1_500_000));
            assertThat(r.previous()).isEqualTo(new AccidentStatistics.Figures(1, 0, 2, 500_000));
        });
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
                .param("groupBy", "industry").with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"key\":\"CONSTRUCTION\"");
        int unknown = mvc.perform(get("/api/v1/statistics/accidents").param("groupBy", "street").with(as(accounts, "admin")))
                .andReturn().getResponse().getStatus();
        assertThat(unknown).isEqualTo(400);
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
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx));
             var x = new XWPFWordExtractor(doc)) {
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
