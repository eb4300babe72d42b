package org.anquan.duty.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reports against the clock: late by phone past 30 minutes, late in writing past an hour for a serious event; the final report closes it. */
@IntegrationTest
class EventReportsTests {

    @Autowired EventReports events;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    EventReports.EventInput event(String title, boolean serious, OffsetDateTime learned) {
        return new EventReports.EventInput(title, "ACCIDENT", serious, learned.minusMinutes(10), learned, user("county").regionId(), "测试地点");
    }

    EventReports.ReportInput first(String channel, OffsetDateTime at) {
        return new EventReports.ReportInput("FIRST", channel, at, "初报内容", 0, 1);
    }

    @Test
    void aPhoneReportPastThirtyMinutesAndAWrittenOnePastAnHourAreLate() {
        OffsetDateTime learned = OffsetDateTime.now(clock).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        long onTime = events.open(event("按时报告的事件", true, learned), first("PHONE", learned.plusMinutes(30)), user("county"));
        long late = events.open(event("迟报的事件", true, learned), first("PHONE", learned.plusMinutes(31)), user("county"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThat(events.readable(onTime, user("county")).phoneLate(now)).isFalse();
        assertThat(events.readable(late, user("county")).phoneLate(now)).isTrue();
        // serious: no written report two hours after the hour's limit is late already; one within the hour is not
        assertThat(events.readable(onTime, user("county")).writtenLate(now)).isTrue();
        events.report(onTime, first("WRITTEN", learned.plusMinutes(60)), user("county"));
        assertThat(events.readable(onTime, user("county")).writtenLate(now)).isFalse();
        assertThat(events.reports(late).get(0).late()).isTrue();
        assertThatThrownBy(() -> events.report(onTime, first("PHONE", learned.plusMinutes(40)), user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.event.first.done"));
        // not serious: no written limit
        long ordinary = events.open(event("一般事件", false, learned), first("PHONE", learned.plusMinutes(5)), user("county"));
        assertThat(events.readable(ordinary, user("county")).writtenLate(now)).isFalse();
    }

    @Test
    void theFinalReportClosesTheEventAndBadTimesAreRefused() {
        OffsetDateTime learned = OffsetDateTime.now(clock).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        long id = events.open(event("终报测试", false, learned), first("PHONE", learned.plusMinutes(5)), user("county"));
        events.report(id, new EventReports.ReportInput("FINAL", "WRITTEN", learned.plusMinutes(50), "终报：处置完毕", 0, 1), user("county"));
        assertThat(events.readable(id, user("county")).status()).isEqualTo("FINAL");
        assertThatThrownBy(() -> events.report(id, new EventReports.ReportInput("FOLLOW_UP", "WRITTEN", learned.plusMinutes(55), "续报", 0, 1),
                user("county"))).isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("duty.event.closed"));
        assertThatThrownBy(() -> events.open(new EventReports.EventInput("时间颠倒", "FIRE", false, learned, learned.minusMinutes(1),
                user("county").regionId(), "某地"), first("PHONE", learned), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("learnedAt", "duty.event.learned.before"));
        assertThatThrownBy(() -> events.report(id, new EventReports.ReportInput("FOLLOW_UP", "WRITTEN", learned.minusMinutes(5), "早于接报", 0, 0),
                user("county"))).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> events.linkAccident(id, 1, user("county"))).isInstanceOf(BusinessException.class);
    }
}
