package org.anquan.statistics.accidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.web.Messages;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Vehicles and drivers per county and year, their compound annual growth, and the import that takes all rows or none. */
@IntegrationTest
class MotorVehiclesTests {

    @Autowired MotorVehicles motor;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    @Test
    void compoundAnnualGrowthIsTheYearlyRateThatLeadsFromTheFirstYearToTheLast() {
        assertThat(MotorVehicles.Growth.of(2021, 100_000, 2023, 121_000).orElseThrow().percent().toPlainString()).isEqualTo("10.0");
        // 1.5^(1/4) − 1 = 10.668…%
        assertThat(MotorVehicles.Growth.of(2020, 200_000, 2024, 300_000).orElseThrow().percent().toPlainString()).isEqualTo("10.7");
        assertThat(MotorVehicles.Growth.of(2020, 300_000, 2022, 243_000).orElseThrow().percent().toPlainString()).isEqualTo("-10.0");
        assertThat(MotorVehicles.Growth.of(2020, 0, 2022, 1000)).isEmpty();
        assertThat(MotorVehicles.Growth.of(2022, 1000, 2022, 1000)).isEmpty();
    }

    @Test
    void aYearNotEveryCountyGaveIsMarkedIncompleteAndLeftOutOfTheGrowth() {
        var before = motor.summary(DataScope.CITY);
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        motor.enter(county, 1999, 50_000L, 60_000L, user("county"));
        var after = motor.summary(DataScope.CITY);
        var y1999 = after.years().stream().filter(y -> y.year() == 1999).findFirst().orElseThrow();
        assertThat(y1999.complete()).isFalse();
        assertThat(after.vehicles()).isEqualTo(before.vehicles());
        // the county alone has 1999 and the demo's years: its growth starts in 1999
        var own = motor.summary(new DataScope(DataScope.Kind.REGION, county));
        assertThat(own.vehicles().orElseThrow().fromYear()).isEqualTo(1999);
        assertThat(own.counts()).allMatch(c -> c.countyId() == county);
    }

    @Test
    void aCountyOfficerEntersOnlyForTheirCountyAndNoNegativeOrFutureFigure() {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        long other = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        assertThatThrownBy(() -> motor.enter(other, 2020, 1L, 1L, user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("countyId"));
        assertThatThrownBy(() -> motor.enter(county, 2999, -1L, null, user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("year", "motor.year.invalid").containsEntry("vehicles", "motor.count.invalid")
                        .containsEntry("drivers", "motor.count.invalid"));
        assertThatThrownBy(() -> motor.enter(county, 2020, 1L, 1L, user("dept")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anImportWithOneWrongRowStoresNothingAndNamesTheLine() throws Exception {
        // a county other than the county officer's, whose growth another test reads
        String county = jdbc.sql("SELECT name FROM region WHERE region_level = 'COUNTY' AND id <> :c ORDER BY code LIMIT 1")
                .param("c", accounts.findByUsername("county").orElseThrow().regionId()).query(String.class).single();
        byte[] bad = workbook(List.of(Arrays.asList(county, 1998, 1000, 1200), Arrays.asList("不存在县", 1998, 1000, 1200),
                Arrays.asList(county, 1997, 10.5, 1200)));
        assertThatThrownBy(() -> motor.importFile(bad, "m.xlsx", user("admin")))
                .isInstanceOfSatisfying(TabularImport.Refused.class, e -> assertThat(e.lines()).containsExactly(
                        new TabularImport.Rejected(3, messages.get("accident.county.unknown")),
                        new TabularImport.Rejected(4, messages.get("motor.count.invalid"))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM statistics_motor_count WHERE stat_year IN (1997, 1998)").query(Long.class).single()).isZero();
        assertThat(motor.importFile(workbook(List.of(Arrays.asList(county, 1998, 1000, 1200))), "m.xlsx", user("admin"))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT vehicles FROM statistics_motor_count WHERE stat_year = 1998").query(Long.class).single()).isEqualTo(1000L);
        // corrected by a second import
        motor.importFile(workbook(List.of(Arrays.asList(county, 1998, 1100, 1200))), "m.xlsx", user("admin"));
        assertThat(jdbc.sql("SELECT vehicles FROM statistics_motor_count WHERE stat_year = 1998").query(Long.class).single()).isEqualTo(1100L);
    }

    private static byte[] workbook(List<List<Object>> rows) throws Exception {
        var all = new ArrayList<List<?>>();
        all.add(List.of("县区", "年度", "机动车", "驾驶人"));
        all.addAll(rows);
        var out = new ByteArrayOutputStream();
        Spreadsheets.writeTable("机动车", all, out);
        return out.toByteArray();
    }
}
