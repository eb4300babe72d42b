package org.anquan.traffic.wim;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The intake of readings: judged and stored whole, each bad one refused with its reason, repeats taken once, tokens bound to their station. */
@IntegrationTest
public class TrafficIntakeTests {

    @Autowired Stations stations;
    @Autowired Readings readings;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Clock clock;
    @Autowired Exemptions exemptions;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    Stations.Issued station(String code) {
        long county = directory.countyAt(new GeoPoint(118.02, 30.02)).orElseThrow().id();
        return stations.register(new Stations.StationInput(code, "测试治超站 " + code, "G205", "K1203+500", "往北", 30.02, 118.02, county,
                "市公路事业发展中心"), user("admin"));
    }

    /** A six-axle combination, tractor with two drive axles, dual tyres behind the steering axle: limit 49 t. */
    public static Map<String, Object> reading(String station, long seq, OffsetDateTime at, String plate, int gross) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stationCode", station);
        r.put("sequence", seq);
        r.put("measuredAt", at.toString());
        r.put("plate", plate);
        r.put("plateColour", "YELLOW");
        r.put("combination", true);
        List<Map<String, Object>> axles = new ArrayList<>();
        int rest = gross - 7_000;
        axles.add(Map.of("weightKg", 7_000, "tyres", "SINGLE", "drive", false));
        for (int i = 1; i < 6; i++) {
            int w = i == 5 ? rest - 4 * (rest / 5) : rest / 5;
            axles.add(Map.of("weightKg", w, "tyres", "DUAL", "drive", i <= 2));
        }
        r.put("axles", axles);
        r.put("grossKg", gross);
        r.put("lengthM", 16.5);
        r.put("widthM", 2.5);
        r.put("heightM", 3.9);
        r.put("speedKmh", 62.5);
        r.put("lane", 2);
        return r;
    }

    JsonNode send(String token, Object body, int status) throws Exception {
        var r = mvc.perform(post("/api/v1/traffic/readings").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return json.readTree(r.getContentAsString());
    }

    @Test
    void aStationsReadingsAreJudgedStoredWholeAndAnsweredInOrder() throws Exception {
        var s = station("T-JUDGE");
        OffsetDateTime at = OffsetDateTime.now(clock).minusHours(1);
        JsonNode answer = send(s.token(), List.of(reading("T-JUDGE", 1, at, "皖A12345", 49_000), reading("T-JUDGE", 2, at.plusSeconds(4), "皖B2345挂", 52_500)),
                200);
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        JsonNode first = answer.get("answers").get(0);
        assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(first.get("overLimit").asBoolean()).isFalse();
        assertThat(first.get("limitKg").asInt()).isEqualTo(49_000);
        assertThat(first.get("rule").asString()).isEqualTo("AXLES_6");
        JsonNode second = answer.get("answers").get(1);
        assertThat(second.get("overLimit").asBoolean()).isTrue();
        assertThat(second.get("overloadKg").asInt()).isEqualTo(3_500);
        assertThat(second.get("overloadRate").decimalValue()).isEqualByComparingTo("0.0714");

        var stored = readings.reading(second.get("readingId").asLong(), at.plusSeconds(4));
        assertThat(stored.axles()).hasSize(6);
        assertThat(stored.judgment().axleSumKg()).isEqualTo(7_000 + 2 * 11_500 + 3 * 10_000);
        assertThat(stored.judgment().toleranceKg()).isZero();
        assertThat(stored.opensCase()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_case WHERE reading_id = :r").param("r", stored.id()).query(Long.class).single())
                .isEqualTo(1);
        long caseId = jdbc.sql("SELECT id FROM traffic_case WHERE reading_id = :r").param("r", stored.id()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT party FROM traffic_case_party WHERE case_id = :c ORDER BY party").param("c", caseId).query(String.class).list())
                .containsExactly("DRIVER", "OWNER", "REGULATOR", "SOURCE");
    }

    @Test
    void aRepeatedBatchIsOneReadingAnsweredWithTheFirstJudgment() throws Exception {
        var s = station("T-REPEAT");
        OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(30);
        var batch = List.of(reading("T-REPEAT", 7, at, "皖A55555", 50_000), reading("T-REPEAT", 7, at, "皖A55555", 50_000));
        JsonNode first = send(s.token(), batch, 200);
        assertThat(first.get("accepted").asInt()).isEqualTo(1);
        assertThat(first.get("duplicates").asInt()).isEqualTo(1);
        JsonNode again = send(s.token(), batch, 200);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("answers").get(0).get("readingId").asLong()).isEqualTo(first.get("answers").get(0).get("readingId").asLong());
        assertThat(again.get("answers").get(0).get("overLimit").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_reading WHERE station_id = :s").param("s", s.station().id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_case WHERE station_id = :s").param("s", s.station().id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void impossibleReadingsAreRefusedWithTheirReasonsAndChangeNothing() throws Exception {
        var s = station("T-BAD");
        OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(10);
        List<Map<String, Object>> batch = new ArrayList<>();
        var negative = reading("T-BAD", 1, at, "皖A10001", 40_000);
        negative.put("axles", List.of(Map.of("weightKg", -7_000, "tyres", "SINGLE", "drive", false), Map.of("weightKg", 47_000, "tyres", "DUAL", "drive", true)));
        batch.add(negative);
        var sum = reading("T-BAD", 2, at, "皖A10002", 40_000);
        sum.put("grossKg", 46_000);
        batch.add(sum);
        var none = reading("T-BAD", 3, at, "皖A10003", 40_000);
        none.put("axles", List.of());
        batch.add(none);
        var twenty = reading("T-BAD", 4, at, "皖A10004", 40_000);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(Map.of("weightKg", 2_000, "tyres", "DUAL", "drive", i == 1));
        }
        twenty.put("axles", many);
        batch.add(twenty);
        batch.add(reading("T-BAD", 5, OffsetDateTime.now(clock).plusHours(2), "皖A10005", 40_000));
        batch.add(reading("T-BAD", 6, at, "AB12345", 40_000));
        batch.add(reading("T-OTHER", 7, at, "皖A10007", 40_000));
        var noOffset = reading("T-BAD", 8, at, "皖A10008", 40_000);
        noOffset.put("measuredAt", "2026-11-28T10:00:00");
        batch.add(noOffset);
        batch.add(reading("T-BAD", 9, at, "皖A10009", 40_000));
        JsonNode answer = send(s.token(), batch, 200);
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(8);
        String[] fields = {"axles", "grossKg", "axles", "axles", "measuredAt", "plate", "stationCode", "measuredAt"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode a = answer.get("answers").get(i);
            assertThat(a.get("status").asString()).isEqualTo("REJECTED");
            assertThat(a.get("position").asInt()).isEqualTo(i + 1);
            assertThat(a.get("errors").has(fields[i])).as("reading %d names %s: %s", i + 1, fields[i], a.get("errors")).isTrue();
            assertThat(a.get("errors").get(fields[i]).asString()).doesNotContain("traffic.");
        }
        assertThat(jdbc.sql("SELECT seq FROM traffic_reading WHERE station_id = :s").param("s", s.station().id()).query(Long.class).list())
                .containsExactly(9L);
    }

    @Test
    void aTokenSpeaksForItsOwnStationOnlyAndAWrongOneIsRefused() throws Exception {
        var mine = station("T-MINE");
        station("T-THEIRS");
        OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(5);
        JsonNode answer = send(mine.token(), List.of(reading("T-THEIRS", 1, at, "皖A20001", 30_000)), 200);
        assertThat(answer.get("answers").get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(answer.get("answers").get(0).get("errors").has("stationCode")).isTrue();
        send("wim_" + "x".repeat(43), List.of(reading("T-MINE", 1, at, "皖A20001", 30_000)), 401);
        // a browser session cannot send readings; an account's token with the intake permission can, naming any station
        var session = mvc.perform(post("/api/v1/traffic/readings").with(as(accounts, "admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(List.of(reading("T-MINE", 2, at, "皖A20002", 30_000))))).andReturn().getResponse();
        assertThat(session.getStatus()).isEqualTo(401);
        // a renewed token replaces the old one at once
        var renewed = stations.issueToken(mine.station().id(), user("admin"));
        send(mine.token(), List.of(reading("T-MINE", 3, at, "皖A20003", 30_000)), 401);
        assertThat(send(renewed.token(), List.of(reading("T-MINE", 3, at, "皖A20003", 30_000)), 200).get("accepted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_reading WHERE station_id = :s").param("s", mine.station().id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheIntakePermissionRegistersStationsAndSendsReadingsInPerson() {
        station("T-DENIED-1");
        assertThatThrownBy(() -> station("T-DENIED-1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> stations.register(new Stations.StationInput("T-DENIED-2", "x", "G205", "K1", "北", 30.02, 118.02, 1L, "x"),
                user("county"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readings.intake(List.of(), user("county"), 1))
                .isInstanceOf(AccessDeniedException.class);
        var result = readings.intake(List.of(reading("T-DENIED-1", 1, OffsetDateTime.now(clock).minusMinutes(1), "皖A30001", 20_000)), user("admin"), 2);
        assertThat(result.answers().get(0).position()).isEqualTo(2);
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void theCasesApiListsAndShowsACaseWithItsFourParties() throws Exception {
        var s = station("T-API");
        OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(3);
        JsonNode answer = send(s.token(), List.of(reading("T-API", 1, at, "皖A40001", 55_000)), 200);
        long readingId = answer.get("answers").get(0).get("readingId").asLong();
        long caseId = jdbc.sql("SELECT id FROM traffic_case WHERE reading_id = :r").param("r", readingId).query(Long.class).single();
        var list = mvc.perform(get("/api/v1/traffic/cases").param("plate", "皖A40001").with(as(accounts, "admin"))).andReturn().getResponse();
        JsonNode page = json.readTree(list.getContentAsString());
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(caseId);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        var one = mvc.perform(get("/api/v1/traffic/cases/" + caseId).with(as(accounts, "admin"))).andReturn().getResponse();
        JsonNode c = json.readTree(one.getContentAsString());
        assertThat(c.get("parties")).hasSize(4);
        assertThat(c.get("overloadKg").asInt()).isEqualTo(6_000);
        // an enterprise's safety manager sees no case that is not its own
        assertThat(mvc.perform(get("/api/v1/traffic/cases/" + caseId).with(as(accounts, "enterprise"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRefusedStationComesBackWithEveryFieldsErrorBesideItAndWhatWasTyped() throws Exception {
        var refused = mvc.perform(post("/traffic/stations").param("code", "坏 站号").param("name", "").param("road", "G205")
                        .param("stake", "").param("direction", "往北").param("countyId", "").param("operator", "")
                        .param("lat", "95").param("lon", "118.02").with(as(accounts, "admin")).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/traffic/stations");
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) refused.getFlashMap().get("fieldErrors");
        assertThat(errors).containsKeys("code", "name", "stake", "countyId", "operator");
        assertThat(stations.byCode("坏 站号")).isEmpty();
        String page = mvc.perform(get("/traffic/stations").with(as(accounts, "admin")).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String field : errors.keySet()) {
            assertThat(page).as(field).contains("id=\"f-" + field + "-error\"");
        }
        assertThat(page).contains("value=\"坏 站号\"").contains("value=\"G205\"").contains("value=\"往北\"").contains("value=\"118.02\"");
        // the summary names the fields it has a name for, and counts the others, marked in the form
        assertThat(page).contains("名称：必填").contains("县区：").contains("另有 3 处，见表单中标红的栏目。");
        // the next visit shows a clean form
        String again = mvc.perform(get("/traffic/stations").with(as(accounts, "admin")).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).doesNotContain("f-code-error").doesNotContain("value=\"G205\"");
    }

    @Test
    void aCsvUploadNamesItsBadLinesAndImportsTheRest() throws Exception {
        station("T-CSV");
        OffsetDateTime at = OffsetDateTime.now(clock).minusHours(3).withNano(0);
        String axles = "7000/SINGLE/false;10000/DUAL/true;10000/DUAL/true;8000/DUAL/false;8000/DUAL/false;7000/DUAL/false";
        String csv = "stationCode,sequence,measuredAt,plate,plateColour,combination,axles,grossKg,lengthM,widthM,heightM,speedKmh,lane,photoRef\n"
                + "T-CSV,1," + at + ",皖A90001,YELLOW,true," + axles + ",50000,16.5,2.5,3.9,60,1,cam/1.jpg\n"
                + "T-CSV,2," + at.plusSeconds(5) + ",ABC,YELLOW,true," + axles + ",50000,16.5,2.5,3.9,60,1,\n"
                + "T-CSV,3," + at.plusSeconds(9) + ",皖A90003\n"
                + "\n"
                + "T-CSV,4," + at.plusSeconds(12) + ",皖A90004,YELLOW,true," + axles + ",50000,16.5,2.5,3.9,60,1,\n"
                + "T-CSV,1," + at + ",皖A90001,YELLOW,true," + axles + ",50000,16.5,2.5,3.9,60,1,cam/1.jpg\n";
        var r = mvc.perform(MockMvcRequestBuilders.multipart("/traffic/readings/upload")
                .file(new MockMultipartFile("file", "wim.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(accounts, "admin")).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        assertThat(r.getFlashMap().get("uploadResult")).isEqualTo("导入2条，重复1条，拒绝2行。");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) r.getFlashMap().get("uploadProblems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("第4行");
        assertThat(problems.get(1)).startsWith("第3行").contains("车牌号");
        long station = stations.byCode("T-CSV").orElseThrow().id();
        assertThat(jdbc.sql("SELECT seq FROM traffic_reading WHERE station_id = :s ORDER BY seq").param("s", station).query(Long.class).list())
                .containsExactly(1L, 4L);
        assertThat(jdbc.sql("SELECT photo_ref FROM traffic_reading WHERE station_id = :s AND seq = 1").param("s", station).query(String.class).single())
                .isEqualTo("cam/1.jpg");

        byte[] latin = "stationCode\u00e9,sequence\nT-CSV,1".getBytes(StandardCharsets.ISO_8859_1);
        var bad = mvc.perform(MockMvcRequestBuilders.multipart("/traffic/readings/upload")
                .file(new MockMultipartFile("file", "wim.csv", "text/csv", latin))
                .with(as(accounts, "admin")).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        // refused whole, in the words every import uses for a file that is not UTF-8, nothing stored
        assertThat(bad.getFlashMap().get("errorKey")).isEqualTo("import.csv.encoding");
        assertThat(jdbc.sql("SELECT seq FROM traffic_reading WHERE station_id = :s ORDER BY seq").param("s", station).query(Long.class).list())
                .containsExactly(1L, 4L);
    }

    @Test
    void anUploadReadsQuotedCellsColumnsInAnyOrderAndAByteOrderMark() {
        station("T-CSVQ");
        OffsetDateTime at = OffsetDateTime.now(clock).minusHours(2).withNano(0);
        String axles = "7000/SINGLE/false;10000/DUAL/true;10000/DUAL/true;8000/DUAL/false;8000/DUAL/false;7000/DUAL/false";
        String csv = "\uFEFFplate,stationCode,sequence,measuredAt,plateColour,combination,axles,grossKg,lengthM,widthM,heightM,speedKmh,lane,photoRef\n"
                + "皖A90011,T-CSVQ,1," + at + ",YELLOW,true,\"" + axles + "\",50000,16.5,2.5,3.9,60,1,\"cam/a,b.jpg\"\n";
        Readings.UploadResult r = readings.upload(csv.getBytes(StandardCharsets.UTF_8), "wim.csv", user("admin"));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).isEqualTo(1);
        long station = stations.byCode("T-CSVQ").orElseThrow().id();
        assertThat(jdbc.sql("SELECT photo_ref FROM traffic_reading WHERE station_id = :s").param("s", station).query(String.class).single())
                .isEqualTo("cam/a,b.jpg");
    }

    @Test
    void theRetentionClearsOldReadingsThatOpenedNoCaseAndKeepsTheOthers() throws Exception {
        var s = station("T-OLD");
        OffsetDateTime old = readings.oldestKept().minusDays(20);
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                    INSERT INTO traffic_reading (station_id, seq, measured_at, received_at, plate, plate_colour, combination, axle_count, axle_kg,
                        axle_tyres, axle_drive, gross_kg, length_m, width_m, height_m, speed_kmh, lane, rule_code, table_limit_kg, single_tyre_axles,
                        axle_sum_kg, limit_kg, tolerance_kg, over_limit, overload_kg, overload_rate, opens_case)
                    VALUES (:s, :seq, :at, :at, '皖A00001', 'YELLOW', TRUE, 2, '9000,9000', 'SD', '01', 18000, 10, 2.5, 3, 50, 1, 'AXLES_2',
                        18000, 0, 18000, 18000, 0, :over, 0, 0, :over)""")
                    .param("s", s.station().id()).param("seq", i).param("at", old).param("over", i == 1).update();
        }
        // a reading older than the retention is refused at intake
        JsonNode answer = send(s.token(), List.of(reading("T-OLD", 9, old, "皖A00002", 30_000)), 200);
        assertThat(answer.get("answers").get(0).get("errors").has("measuredAt")).isTrue();
        assertThat(readings.clearExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT seq FROM traffic_reading WHERE station_id = :s").param("s", s.station().id()).query(Long.class).list())
                .containsExactly(1L);
    }

    @Test
    void anExemptVehicleIsJudgedByItsExemptionWhileItIsInForce() throws Exception {
        var s = station("T-EXEMPT");
        LocalDate today = LocalDate.now(clock);
        exemptions.add("皖A5L001", "REFRIGERATED", null, today.minusDays(10), today.plusDays(10), "GB 1589 合规证明 001", user("admin"));
        exemptions.add("皖A5L002", "AIR_SUSPENSION", null, today.minusDays(30), today.minusDays(20), "GB 1589 合规证明 002", user("admin"));
        assertThatThrownBy(() -> exemptions.add("皖A5L003", "LICENCE_MASS", null, today, today, "行驶证", user("admin")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> exemptions.add("皖A5L004", "REFRIGERATED", null, today, today, "x", user("county")))
                .isInstanceOf(AccessDeniedException.class);
        OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(15);
        JsonNode answer = send(s.token(), List.of(reading("T-EXEMPT", 1, at, "皖A5L001", 55_000), reading("T-EXEMPT", 2, at, "皖A5L002", 55_000)), 200);
        assertThat(answer.get("answers").get(0).get("overLimit").asBoolean()).isFalse();
        assertThat(answer.get("answers").get(0).get("rule").asString()).isEqualTo("EXEMPT_REFRIGERATED");
        assertThat(answer.get("answers").get(1).get("overLimit").asBoolean()).as("its exemption has lapsed").isTrue();
        String page = mvc.perform(get("/traffic/readings/" + answer.get("answers").get(0).get("readingId").asLong()).param("at", at.toString())
                .with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-test=\"exemption-step\"").contains("冷藏车");
        assertThat(jdbc.sql("SELECT plate FROM traffic_case WHERE station_id = :s").param("s", s.station().id()).query(String.class).list())
                .containsExactly("皖A5L002");
    }
}
