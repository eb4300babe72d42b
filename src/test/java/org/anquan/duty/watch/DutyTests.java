package org.anquan.duty.watch;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Rosters built from a pattern and published only when covered; swaps, check-in, zero-reports; spot checks drawn, recorded and ranked. */
@IntegrationTest
class DutyTests {

    @Autowired DutyRosters rosters;
    @Autowired ZeroReports zero;
    @Autowired SpotChecks spot;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    String countyKey() {
        return "REGION:" + user("county").regionId();
    }

    long build(String title, LocalDate from, LocalDate to, int hours) {
        return rosters.build(new DutyRosters.Pattern(countyKey(), title, from, to, hours, 8, "领导甲 13900000001\n领导乙 13900000002",
                "值班员甲 13900000011\n值班员乙 13900000012\n值班员丙 13900000013"), user("county"));
    }

    @Test
    void aRosterWithAnUncoveredHourIsNotPublishedAndPublishesOnceFilled() {
        LocalDate d = LocalDate.now(clock).plusDays(60);
        long id = build("测试值班表（覆盖）", d, d.plusDays(2), 12);
        // three duty days from 08:00, two shifts each, a leader and an officer on each: every hour covered
        assertThat(rosters.shifts(id)).hasSize(3 * 2 * 2);
        assertThat(rosters.gaps(id).values()).allMatch(List::isEmpty);
        var night = rosters.shifts(id).stream().filter(s -> s.role().equals("LEADER")).skip(1).findFirst().orElseThrow();
        rosters.removeShift(night.id(), user("county"));
        assertThat(rosters.gaps(id).get("LEADER")).containsExactly(new Coverage.Interval(night.startsAt().toInstant(),
                night.endsAt().toInstant()));
        assertThatThrownBy(() -> rosters.publish(id, 0, user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.roster.uncovered"));
        assertThat(jdbc.sql("SELECT status FROM duty_roster WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("DRAFT");
        rosters.addShift(id, night.startsAt(), night.endsAt(), "LEADER", "领导丙", "13900000003", user("county"));
        rosters.publish(id, 0, user("county"));
        assertThat(jdbc.sql("SELECT status FROM duty_roster WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("PUBLISHED");
    }

    @Test
    void aCountyOfficerKeepsOnlyItsOwnUnitsRosters() {
        assertThat(rosters.unitsOf(user("county"))).extracting(DutyRosters.Unit::countyId).containsOnly(user("county").regionId());
        assertThat(rosters.unitsOf(user("dept"))).extracting(DutyRosters.Unit::departmentId).containsOnly(user("dept").departmentId());
        LocalDate d = LocalDate.now(clock).plusDays(70);
        assertThatThrownBy(() -> rosters.build(new DutyRosters.Pattern("CITY:0", "越权", d, d, 24, 0, "甲 13900000001", "乙 13900000002"),
                user("county"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("unit"));
        assertThatThrownBy(() -> rosters.build(new DutyRosters.Pattern(countyKey(), "坏名单", d, d, 24, 0, "只有名字", "乙 13900000002"),
                user("county"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("leaders", "duty.person.line"));
    }

    @Test
    void aSwapToSomeoneAlreadyOnShiftIsRefusedAndAnApprovedOneChangesHands() {
        LocalDate d = LocalDate.now(clock).plusDays(80);
        long id = build("测试值班表（调班）", d, d.plusDays(1), 24);
        rosters.publish(id, 0, user("county"));
        var shift = rosters.shifts(id).stream().filter(s -> s.role().equals("OFFICER") && s.person().equals("值班员甲")).findFirst().orElseThrow();
        // a person on a shift at the same time (here the leader of the same shift) is refused
        var same = rosters.shifts(id).stream().filter(s -> s.role().equals("LEADER") && s.startsAt().isEqual(shift.startsAt())).findFirst().orElseThrow();
        assertThatThrownBy(() -> rosters.requestSwap(shift.id(), same.person(), "13900000009", "家中有事", user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.swap.on.shift"));
        long swap = rosters.requestSwap(shift.id(), "替班人", "13900000099", "家中有事", user("county"));
        assertThatThrownBy(() -> rosters.decideSwap(swap, true, user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.swap.same.person"));
        rosters.decideSwap(swap, true, user("admin"));
        assertThat(rosters.shifts(id).stream().filter(s -> s.id() == shift.id()).findFirst().orElseThrow().person()).isEqualTo("替班人");
    }

    @Test
    void aSpotCheckDrawsUnitsOnDutyRecordsTheirCallsAndRefusesAUnitNotDrawn() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long id = build("测试值班表（抽查）", today.minusDays(1), today.plusDays(1), 24);
        rosters.publish(id, 0, user("county"));
        int onDuty = rosters.onDutyNow().size();
        long check = spot.draw(100, user("duty"));
        var calls = spot.calls(check);
        assertThat(calls).hasSize(onDuty).extracting(SpotChecks.Call::rosterId).contains(id);
        assertThat(spot.check(check).seed()).isNotZero();
        spot.record(check, id, SpotChecks.Result.OTHER, 25, false, user("duty"));
        long draft = build("测试值班表（草稿）", today.plusDays(90), today.plusDays(90), 24);
        assertThatThrownBy(() -> spot.record(check, draft, SpotChecks.Result.ROSTERED, 5, true, user("duty")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.spot.not.drawn"));
        assertThatThrownBy(() -> spot.record(check, id, SpotChecks.Result.ROSTERED, 5, true, user("county")))
                .isInstanceOf(AccessDeniedException.class);
        var rank = spot.ranking(today, today).stream().filter(r -> r.unitName().equals(rosters.readable(id, user("admin")).unitName()))
                .findFirst().orElseThrow();
        assertThat(rank.compliant()).isFalse();
        var notice = mvc.perform(get("/duty/spot-checks/notice.docx").param("from", today.toString()).param("to", today.toString())
                .with(as(accounts, "admin"))).andReturn().getResponse();
        assertThat(notice.getStatus()).isEqualTo(200);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(notice.getContentAsByteArray()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("关于值班值守抽查情况的通报").contains(rank.unitName());
        }
    }

    @Test
    void theApiNamesWhoIsOnDutyAtAUnitOnADayWithinTheCallersScope() throws Exception {
        LocalDate d = LocalDate.now(clock).plusDays(100);
        long id = build("测试值班表（接口）", d, d, 24);
        rosters.publish(id, 0, user("county"));
        var answer = mvc.perform(get("/api/v1/duty/rosters").param("unit", countyKey()).param("date", d.toString()).with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("测试值班表（接口）").contains("领导甲").contains("值班员甲");
        var other = mvc.perform(get("/api/v1/duty/rosters").param("unit", countyKey()).param("date", d.toString()).with(as(accounts, "dept")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("测试值班表（接口）");
    }

    @Test
    void aUnitReportsOnceADayAndTheMissingOnesAreListed() {
        String department = "DEPARTMENT:" + user("dept").departmentId();
        assertThatThrownBy(() -> zero.submit(department, false, " ", user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("note", "duty.zero.note.required"));
        zero.submit(department, false, "辖区一处加油站卸油时发生少量泄漏，已处置完毕。", user("dept"));
        assertThatThrownBy(() -> zero.submit(department, true, null, user("dept")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.zero.done"));
        assertThatThrownBy(() -> zero.submit("CITY:0", true, null, user("dept")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("unit", "duty.unit.unknown"));
        var today = zero.of(LocalDate.now(clock));
        var mine = today.stream().filter(s -> s.unit().key().equals(department)).findFirst().orElseThrow();
        assertThat(mine.reported()).isTrue();
        assertThat(mine.nothing()).isFalse();
        assertThat(today.stream().filter(s -> !s.reported())).isNotEmpty();
    }

    @Test
    void theRosterFormCarriesItsPlaceholdersAndHelpOnTheFieldFragments() throws Exception {
        String page = mvc.perform(get("/duty").with(as(accounts, "admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String form = page.substring(page.indexOf("id=\"roster-title\"") - 200);
        assertThat(form).contains("placeholder=\"元旦假期值班表\"").contains("每行一人，姓名和电话之间用空格或逗号分隔");
        assertThat(page).contains("id=\"roster-unit\"").contains("id=\"roster-leaders\"");
    }
}
