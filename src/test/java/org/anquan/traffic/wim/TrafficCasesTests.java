package org.anquan.traffic.wim;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.anquan.traffic.wim.Cases.Party;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** A case through its four parties to its close, the ladder of overdue feedback, Art. 66, the notice as Word, the scope. */
@IntegrationTest
class TrafficCasesTests {

    @Autowired Stations stations;
    @Autowired Readings readings;
    @Autowired Cases cases;
    @Autowired RepeatOffences repeats;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        return accounts.principalOf(accounts.findByUsername(username).orElseThrow().id()).user();
    }

    Stations.Station station(String code) {
        long county = user("county").regionId();
        GeoPoint p = directory.randomPointIn(county, new Random(code.hashCode())).orElseThrow();
        return stations.register(new Stations.StationInput(code, "案件站 " + code, "G205", "K1+000", "北", p.lat(), p.lon(), county, "公路中心"),
                user("admin")).station();
    }

    /** Sends one over-limit reading and returns the case it opened. */
    long overLimit(String station, long seq, String plate, OffsetDateTime at) {
        var r = readings.intake(List.of(TrafficIntakeTests.reading(station, seq, at, plate, 53_000)), user("admin"), 1);
        assertThat(r.accepted()).isEqualTo(1);
        return jdbc.sql("SELECT id FROM traffic_case WHERE reading_id = :r").param("r", r.answers().get(0).readingId()).query(Long.class).single();
    }

    int version(long id) {
        return cases.view(id, user("admin").scope()).version();
    }

    @Test
    void aCaseClosesWhenAllFourPartiesHaveAnswered() throws Exception {
        var s = station("C-FOUR");
        long id = overLimit(s.code(), 1, "皖A66001", OffsetDateTime.now(clock).minusHours(2));
        CurrentUser officer = user("county");
        for (Party p : Party.values()) {
            assertThatThrownBy(() -> cases.notifyParty(id, version(id), p, officer)).isInstanceOf(BusinessException.class)
                    .hasMessage("traffic.party.unidentified");
            cases.identify(id, version(id), p, new Cases.IdentifyInput(p + " 名称", "南湖县", "南湖县交通运输局", null, null), officer);
            String number = cases.notifyParty(id, version(id), p, officer);
            assertThat(number).contains("〔" + LocalDate.now(clock).getYear() + "〕").endsWith("号");
            assertThatThrownBy(() -> cases.identify(id, version(id), p, new Cases.IdentifyInput("改名", "x", "y", null, null), officer))
                    .hasMessage("traffic.party.notified");
        }
        assertThat(cases.answer(id, version(id), Party.DRIVER, "已处罚", officer)).isFalse();
        assertThatThrownBy(() -> cases.answer(id, version(id), Party.DRIVER, "再答", officer)).hasMessage("traffic.party.answered");
        assertThat(cases.answer(id, version(id), Party.OWNER, "已约谈", officer)).isFalse();
        assertThat(cases.answer(id, version(id), Party.SOURCE, "已查处", officer)).isFalse();
        assertThat(cases.view(id, officer.scope()).open()).isTrue();
        assertThat(cases.answer(id, version(id), Party.REGULATOR, "已督促", officer)).isTrue();
        var closed = cases.view(id, officer.scope());
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closedAt()).isNotNull();
        assertThatThrownBy(() -> cases.answer(id, version(id), Party.REGULATOR, "x", officer)).hasMessage("traffic.case.closed");

        // each party's notice is a Word document addressed to its authority, with its number
        var docx = mvc.perform(get("/traffic/cases/" + id + "/notices/SOURCE.docx").with(as(accounts, "county"))).andReturn().getResponse();
        assertThat(docx.getStatus()).isEqualTo(200);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(text).contains("南湖县交通运输局").contains(closed.parties().get(2).noticeNo()).contains("年").contains("月");
        }
    }

    @Test
    void aStaleFormAndAnotherCountysOfficerAreRefused() {
        var s = station("C-STALE");
        long id = overLimit(s.code(), 1, "皖A66002", OffsetDateTime.now(clock).minusHours(1));
        int v = version(id);
        cases.identify(id, v, Party.DRIVER, new Cases.IdentifyInput("张某", "南湖县", "南湖县公安局交警大队", null, null), user("county"));
        assertThatThrownBy(() -> cases.identify(id, v, Party.OWNER, new Cases.IdentifyInput("某公司", "南湖县", "南湖县交通运输局", null, null),
                user("county"))).hasMessage("traffic.case.stale");
        assertThatThrownBy(() -> cases.identify(id, version(id), Party.OWNER, new Cases.IdentifyInput("", " ", null, null, null), user("county")))
                .isInstanceOf(InvalidInputException.class);
        // the demo's enterprise manager holds no case permission, and another county's officer does not reach it
        assertThatThrownBy(() -> cases.identify(id, version(id), Party.OWNER, new Cases.IdentifyInput("x", "y", "z", null, null), user("enterprise")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cases.view(id, user("county").scope()).parties().get(0).name()).isEqualTo("张某");
    }

    @Test
    void overdueFeedbackClimbsTheLadderOneRungAtATime() {
        var s = station("C-LADDER");
        long id = overLimit(s.code(), 1, "皖A66003", OffsetDateTime.now(clock).minusHours(1));
        CurrentUser admin = user("admin");
        cases.identify(id, version(id), Party.DRIVER, new Cases.IdentifyInput("李某", "南湖县", "南湖县公安局交警大队", null, null), admin);
        cases.notifyParty(id, version(id), Party.DRIVER, admin);
        LocalDate today = LocalDate.now(clock);
        int[][] steps = {{0, 0}, {1, 1}, {6, 1}, {7, 2}, {15, 3}, {30, 4}, {90, 4}};
        for (int[] step : steps) {
            jdbc.sql("UPDATE traffic_case_party SET due_on = :d WHERE case_id = :id AND party = 'DRIVER'").param("d", today.minusDays(step[0]))
                    .param("id", id).update();
            jdbc.sql("UPDATE traffic_case SET feedback_due_on = :d WHERE id = :id").param("d", today.minusDays(step[0])).param("id", id).update();
            cases.climbLadder();
            int level = jdbc.sql("SELECT ladder_level FROM traffic_case_party WHERE case_id = :id AND party = 'DRIVER'").param("id", id)
                    .query(Integer.class).single();
            assertThat(level).as("%d days overdue", step[0]).isEqualTo(step[1]);
        }
        assertThat(cases.page(new Cases.Filter("OVERDUE", null, s.id(), null, null, null), admin.scope(), 1, 20).items())
                .extracting(Cases.CaseRow::id).containsExactly(id);
        // the answer ends the overdue state: the case leaves the overdue list
        cases.answer(id, version(id), Party.DRIVER, "已处罚", admin);
        assertThat(cases.page(new Cases.Filter("OVERDUE", null, s.id(), null, null, null), admin.scope(), 1, 20).items()).isEmpty();
    }

    @Test
    void aVehicleOverTheLimitMoreThanThreeTimesInAYearRaisesOneCreditAction() {
        var s = station("C-ART66");
        OffsetDateTime at = OffsetDateTime.now(clock).minusDays(2);
        for (int i = 1; i <= 3; i++) {
            overLimit(s.code(), i, "皖A66066", at.plusMinutes(i));
        }
        repeats.raise();
        assertThat(repeats.list(1000)).noneMatch(a -> a.subject().equals("皖A66066"));
        long fourth = overLimit(s.code(), 4, "皖A66066", at.plusMinutes(4));
        repeats.raise();
        repeats.raise();
        var actions = repeats.list(1000).stream().filter(a -> a.subject().equals("皖A66066")).toList();
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).ruleCode()).isEqualTo(RepeatOffences.VEHICLE);
        assertThat(actions.get(0).caseIds()).hasSize(4).endsWith(fourth);
    }

    @Test
    void aCompanyWithMoreThanATenthOfItsFleetOverTheLimitIsOrderedToStop() {
        var s = station("C-FLEET");
        jdbc.sql("INSERT INTO traffic_operator (name, registered_place, authority, fleet_size) VALUES ('测试车队运输公司', '南湖县', '南湖县交通运输局', 10)").update();
        long operator = jdbc.sql("SELECT id FROM traffic_operator WHERE name = '测试车队运输公司'").query(Long.class).single();
        for (String plate : List.of("皖A77001", "皖A77002")) {
            jdbc.sql("INSERT INTO traffic_vehicle (plate, plate_colour, operator_id, owner_name, registered_place, kind) VALUES (:p, 'YELLOW', :o, '—', '南湖县', 'TRACTOR')")
                    .param("p", plate).param("o", operator).update();
        }
        OffsetDateTime at = OffsetDateTime.now(clock).minusDays(1);
        long first = overLimit(s.code(), 1, "皖A77001", at);
        assertThat(cases.view(first, user("admin").scope()).parties().get(1).name()).as("the owner is known from the register")
                .isEqualTo("测试车队运输公司");
        repeats.raise();
        assertThat(repeats.list(1000)).noneMatch(a -> a.subject().equals("测试车队运输公司"));
        overLimit(s.code(), 2, "皖A77002", at.plusMinutes(1));
        repeats.raise();
        assertThat(repeats.list(1000)).filteredOn(a -> a.subject().equals("测试车队运输公司")).singleElement()
                .satisfies(a -> assertThat(a.detail()).isEqualTo("2 / 10"));
    }
}
