package org.anquan.emergency.fire;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Weather imports with their bad rows named, the FWI carried and restarted after a gap, levels, warnings and acknowledgments, the API. */
@IntegrationTest
class FireDangerTests {

    @Autowired FireDanger fire;
    @Autowired FireProperties props;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    /** A station in the county officer's county, at the point the other tests use. */
    FireDanger.Station station(String code) {
        long county = user("county").regionId();
        assertThat(directory.countyAt(new GeoPoint(118.02, 30.02)).orElseThrow().id()).isEqualTo(county);
        return fire.addStation(new FireDanger.StationInput(code, "测试站 " + code, county, 30.02, 118.02), user("admin"));
    }

    FireDanger.ObservationRow row(int line, String code, LocalDate d, String temp, String rh, String wind, String rain) {
        return new FireDanger.ObservationRow(line, code, d.toString(), temp, rh, wind, rain);
    }

    @Test
    void badRowsAreNamedWithTheirLinesAndTheRestIsImportedAndComputed() throws Exception {
        station("T-IMPORT");
        LocalDate today = LocalDate.now(clock);
        String csv = "station,date,temp,rh,wind,rain\n"
                + "T-IMPORT," + today.minusDays(40) + ",17,42,25,0\n"
                + "T-IMPORT," + today.minusDays(39) + ",20,121,25,2.4\n"
                + "T-IMPORT," + today.minusDays(38) + ",8.5,40,17,-1\n"
                + "T-IMPORT," + today.minusDays(37) + ",6.5,,6,0\n"
                + "NOPE," + today.minusDays(37) + ",6.5,25,6,0\n"
                + "T-IMPORT," + today.minusDays(39) + ",20,21,25,2.4\n";
        var r = mvc.perform(multipart("/fire/observations").file(new MockMultipartFile("file", "obs.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(accounts, "admin"))).andReturn();
        var result = (FireDanger.ImportResult) r.getFlashMap().get("imported");
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).extracting(FireDanger.Rejected::line).containsExactly(3, 4, 5, 6);
        assertThat(result.rejected().get(0).reason()).contains("121").contains("0到100");
        assertThat(result.rejected().get(1).reason()).contains("不能为负");
        assertThat(result.rejected().get(2).reason()).contains("缺少数值");
        assertThat(result.rejected().get(3).reason()).contains("NOPE");
        var days = fire.indices("T-IMPORT", today.minusDays(40), today);
        assertThat(days).hasSize(2);
        // the first two days of the reference series, carried from the start values (FFMC does not depend on the month)
        assertThat(days.get(0).ffmc()).isEqualTo(87.6);
        assertThat(days.get(1).ffmc()).isEqualTo(86.2);
        assertThat(days.get(1).restarted()).isFalse();
    }

    @Test
    void aWorkbookWithChineseHeadersInAnotherOrderIsImportedAndAGbkCsvIsRefusedByItsEncoding() throws Exception {
        station("T-XLSX");
        LocalDate today = LocalDate.now(clock);
        List<List<?>> rows = List.of(List.of("日期", "站号", "气温", "相对湿度", "风速", "降水"),
                List.of(today.minusDays(30).toString(), "T-XLSX", 17, 42, 25, 0),
                List.of(today.minusDays(29).toString(), "T-XLSX", 20, 21, 25, 2.4));
        var out = new ByteArrayOutputStream();
        Spreadsheets.writeTable("obs", rows, out);
        var r = mvc.perform(multipart("/fire/observations").file(new MockMultipartFile("file", "obs.xlsx", null, out.toByteArray()))
                .with(csrf()).with(as(accounts, "admin"))).andReturn();
        var result = (FireDanger.ImportResult) r.getFlashMap().get("imported");
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();

        station("T-GBK");
        byte[] gbk = ("站号,日期,气温,相对湿度,风速,降水\nT-GBK," + today.minusDays(30) + ",17,42,25,0\n").getBytes(Charset.forName("GBK"));
        var refused = mvc.perform(multipart("/fire/observations").file(new MockMultipartFile("file", "obs.csv", "text/csv", gbk))
                .with(csrf()).with(as(accounts, "admin"))).andReturn();
        assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("import.csv.encoding.named");
        assertThat(refused.getFlashMap().get("imported")).isNull();
        assertThat(fire.indices("T-GBK", today.minusDays(40), today)).isEmpty();
        String page = mvc.perform(get("/fire").with(as(accounts, "admin")).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("CSV文件是GBK / GB18030编码，不是UTF-8");
    }

    @Test
    void aMissingDayRestartsTheCodesAndAnEarlierDayArrivingLaterRecomputesTheRest() {
        station("T-GAP");
        LocalDate d0 = LocalDate.now(clock).minusDays(20);
        CurrentUser admin = user("admin");
        fire.importObservations(List.of(row(1, "T-GAP", d0, "17", "42", "25", "0"), row(2, "T-GAP", d0.plusDays(2), "20", "21", "25", "2.4")), admin);
        var days = fire.indices("T-GAP", d0, d0.plusDays(2));
        assertThat(days.get(1).restarted()).isTrue();
        var fromStart = FireWeatherIndex.day(FireWeatherIndex.START, 20, 21, 25, 2.4, d0.plusDays(2).getMonthValue(), 30.02);
        assertThat(days.get(1).ffmc()).isEqualTo(Math.round(fromStart.ffmc() * 10) / 10.0);

        // the missing day arrives: the day after it is carried on from it, no longer restarted
        fire.importObservations(List.of(row(1, "T-GAP", d0.plusDays(1), "20", "21", "25", "0")), admin);
        days = fire.indices("T-GAP", d0, d0.plusDays(2));
        assertThat(days).hasSize(3);
        assertThat(days.get(2).restarted()).isFalse();
        var carried = FireWeatherIndex.day(FireWeatherIndex.day(FireWeatherIndex.day(FireWeatherIndex.START, 17, 42, 25, 0,
                d0.getMonthValue(), 30.02).codes(), 20, 21, 25, 0, d0.plusDays(1).getMonthValue(), 30.02).codes(), 20, 21, 25, 2.4,
                d0.plusDays(2).getMonthValue(), 30.02);
        assertThat(days.get(2).dc()).isEqualTo(Math.round(carried.dc() * 10) / 10.0);
    }

    @Test
    void aDangerousDayWarnsTheCountyAndTheDepartmentsWhoAcknowledgeIt() throws Exception {
        long township = directory.townships().stream().filter(t -> t.countyId() == user("county").regionId()).findFirst().orElseThrow().id();
        long contact = fire.addContact(user("county").regionId(), township, "VILLAGE", "测试村", "护林员", "13900000077", user("admin"));
        station("T-WARN");
        LocalDate today = LocalDate.now(clock);
        List<FireDanger.ObservationRow> rows = new ArrayList<>();
        for (int d = 14; d >= 0; d--) {
            rows.add(row(15 - d, "T-WARN", today.minusDays(d), "30", "12", "40", "0"));
        }
        fire.importObservations(rows, user("admin"));
        var today0 = fire.indices("T-WARN", today, today).get(0);
        assertThat(today0.level()).isEqualTo(props.levelOf(today0.fwi())).isGreaterThanOrEqualTo(4);
        long county = user("county").regionId();
        var warning = fire.warnings(0).stream().filter(w -> w.countyId() == county && w.day().equals(today)).findFirst().orElseThrow();
        assertThat(warning.level()).isGreaterThanOrEqualTo(4);
        assertThat(warning.recipients()).extracting(FireDanger.Recipient::unitKind).contains("REGION", "DEPARTMENT");
        // older days of the import computed, not warned
        assertThat(fire.warnings(30).stream().filter(w -> w.countyId() == county).map(FireDanger.Warning::day))
                .allMatch(d -> !d.isBefore(today.minusDays(props.warnDaysBack())));

        var page = mvc.perform(get("/fire").with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"acknowledge\"");
        mvc.perform(post("/fire/warnings/" + warning.id() + "/acknowledge").with(csrf()).with(as(accounts, "county")));
        assertThat(fire.warnings(0).stream().filter(w -> w.id() == warning.id()).findFirst().orElseThrow().acknowledgedBy("REGION", county)).isTrue();
        assertThatThrownBy(() -> fire.acknowledge(warning.id(), user("county"))).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> fire.acknowledge(warning.id(), user("enterprise"))).isInstanceOf(AccessDeniedException.class);
        // the village contact has no account: the county office records that it confirmed by phone; a department cannot
        assertThat(warning.recipients()).anyMatch(r -> r.unitKind().equals("CONTACT") && r.unitId() == contact && r.acknowledgedAt() == null);
        assertThatThrownBy(() -> fire.acknowledgeForContact(warning.id(), contact, user("dept"))).isInstanceOf(BusinessException.class);
        fire.acknowledgeForContact(warning.id(), contact, user("county"));
        assertThat(fire.warnings(0).stream().filter(w -> w.id() == warning.id()).findFirst().orElseThrow().recipients())
                .anyMatch(r -> r.unitKind().equals("CONTACT") && r.unitId() == contact && r.acknowledgedAt() != null);
    }

    @Test
    void theApiRegistersStationsTakesObservationsWithReasonsAndAnswersIndices() throws Exception {
        long county = user("county").regionId();
        var created = mvc.perform(post("/api/v1/fire/stations").with(as(accounts, "admin")).with(csrf()).contentType("application/json")
                .content("{\"code\":\"T-API\",\"name\":\"接口站\",\"countyId\":" + county + ",\"lat\":30.02,\"lon\":118.02}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        var outside = mvc.perform(post("/api/v1/fire/stations").with(as(accounts, "admin")).with(csrf()).contentType("application/json")
                .content("{\"code\":\"T-OUT\",\"name\":\"外地站\",\"countyId\":" + county + ",\"lat\":39.9,\"lon\":116.4}")).andReturn().getResponse();
        assertThat(outside.getStatus()).isEqualTo(400);
        LocalDate d = LocalDate.now(clock).minusDays(5);
        var answer = json.readTree(mvc.perform(post("/api/v1/fire/observations").with(as(accounts, "admin")).with(csrf())
                .contentType("application/json").content("[{\"stationCode\":\"T-API\",\"date\":\"" + d + "\",\"tempC\":17,\"rh\":42,\"windKmh\":25,\"rainMm\":0},"
                        + "{\"stationCode\":\"T-API\",\"date\":\"" + d.plusDays(1) + "\",\"tempC\":17,\"rh\":101,\"windKmh\":25,\"rainMm\":0}]"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        var indices = json.readTree(mvc.perform(get("/api/v1/fire/indices").param("station", "T-API").param("from", d.toString())
                .param("to", d.toString()).with(as(accounts, "leader"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(indices.get(0).get("ffmc").asDouble()).isEqualTo(87.6);
        assertThat(indices.get(0).get("level").asInt()).isBetween(1, 5);
        assertThat(mvc.perform(post("/api/v1/fire/observations").with(as(accounts, "county")).with(csrf()).contentType("application/json")
                .content("[]")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
