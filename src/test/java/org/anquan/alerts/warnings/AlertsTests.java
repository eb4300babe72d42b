package org.anquan.alerts.warnings;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.emergency.FireDangerWarned;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A warning drafted, approved by a second person, published as valid CAP, listed in the feed, updated and cancelled; bad input refused whole. */
@IntegrationTest
class AlertsTests {

    @Autowired Alerts alerts;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    String at(int hours) {
        return LocalDateTime.now(clock).plusHours(hours).withNano(0).toString();
    }

    Alerts.AlertInput input(String headline, String polygon, String onset, String expires) {
        return new Alerts.AlertInput("Transport", "节日出行提示", "Expected", "Moderate", "Likely", headline,
                "国庆假期高速公路车流量大，G60 示例段易拥堵。", "请错峰出行，途经事故多发路段减速慢行。",
                List.of(directory.counties().get(0).id()), polygon, onset, expires);
    }

    long count(String headline) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE headline = :h").param("h", headline).query(Long.class).single();
    }

    @Test
    void aWarningIsPublishedOnlyWhenASecondPersonApprovesItAsValidCapInTheFeed() throws Exception {
        long id = alerts.draft(input("假期出行提示（测试一）", "30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0", at(1), at(48)), user("duty"));
        alerts.submit(id, 0, user("duty"));
        assertThatThrownBy(() -> alerts.approve(id, 1, user("duty"))).isInstanceOf(AccessDeniedException.class);
        long own = alerts.draft(input("假期出行提示（自审）", null, at(1), at(48)), user("admin"));
        alerts.submit(own, 0, user("admin"));
        assertThatThrownBy(() -> alerts.approve(own, 1, user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("alert.same.person"));

        String xml = alerts.approve(id, 1, user("admin"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(CapMessageTests.OFFICIAL)
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<msgType>Alert</msgType>").contains("<polygon>30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0</polygon>")
                .doesNotContain("Z</");
        var served = mvc.perform(get("/public/alerts/" + id + ".xml")).andReturn().getResponse();
        assertThat(served.getContentType()).startsWith("application/cap+xml");
        assertThat(served.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(xml);
        String page = mvc.perform(get("/public/alerts")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("假期出行提示（测试一）").doesNotContain("假期出行提示（自审）");
        String feed = mvc.perform(get("/public/alerts.atom")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">").contains("假期出行提示（测试一）")
                .contains("/public/alerts/" + id + ".xml");

        // an update supersedes it; a cancellation of the update takes it off the page and the feed
        long update = alerts.update(id, input("假期出行提示（更新）", null, at(1), at(72)), user("duty"));
        alerts.submit(update, 0, user("duty"));
        String updateXml = alerts.approve(update, 1, user("admin"));
        assertThat(updateXml).contains("<msgType>Update</msgType>").contains("<references>");
        assertThat(alerts.get(id).status()).isEqualTo("SUPERSEDED");
        long cancel = alerts.cancel(update, "道路已恢复畅通", user("duty"));
        alerts.submit(cancel, 0, user("duty"));
        assertThat(alerts.approve(cancel, 1, user("admin"))).contains("<msgType>Cancel</msgType>");
        assertThat(alerts.get(update).status()).isEqualTo("CANCELLED");
        assertThat(mvc.perform(get("/public/alerts.atom")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("假期出行提示（更新）");
        // the messages stay at their addresses
        assertThat(mvc.perform(get("/public/alerts/" + id + ".xml")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void badAlertsAreRefusedWithTheReasonNamedAndNothingIsStored() {
        Object[][] cases = {
                {input("未闭合多边形", "30.1,118.0 30.1,118.2 30.3,118.2 30.2,118.0", at(1), at(5)), "polygon", "cap.polygon.open"},
                {input("Z 时间", null, "2026-12-01T06:00:00Z", at(5)), "onset", "alert.time.zulu"},
                {input("小数秒", null, at(1), "2026-12-01T14:00:00.5+08:00"), "expires", "alert.time.fraction"},
                {input("结束早于开始", null, at(5), at(1)), "expires", "alert.expires.before.onset"},
                {new Alerts.AlertInput("Transport", "出行", "Expected", "Moderate", "Likely", "没有区域", "内容", null, List.of(), null, at(1), at(5)),
                        "countyIds", "alert.area.required"},
        };
        for (Object[] c : cases) {
            Alerts.AlertInput in = (Alerts.AlertInput) c[0];
            assertThatThrownBy(() -> alerts.draft(in, user("duty"))).as(in.headline())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry((String) c[1], (String) c[2]));
            assertThat(count(in.headline())).isZero();
        }
    }

    @Test
    void theFormRefusesAZuluTimeInWordsAndKeepsWhatWasTyped() throws Exception {
        var r = mvc.perform(post("/alerts").param("category", "Met").param("event", "大风").param("urgency", "Expected")
                .param("severity", "Severe").param("certainty", "Likely").param("headline", "大风预警（表单）").param("description", "阵风10级")
                .param("countyIds", String.valueOf(directory.counties().get(0).id())).param("onset", "2026-12-01T06:00:00Z")
                .param("expires", at(5)).with(csrf()).with(as(accounts, "duty"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("不接受 Z").contains("大风预警（表单）");
        assertThat(count("大风预警（表单）")).isZero();
    }

    @Test
    void theFormShowsEveryFieldsRefusalBesideItsInputAtOnce() throws Exception {
        var r = mvc.perform(post("/alerts").param("category", "Met").param("event", "大风").param("urgency", "Expected")
                .param("severity", "Severe").param("certainty", "Likely").param("headline", " ").param("description", "阵风10级（两处错误）")
                .param("countyIds", String.valueOf(directory.counties().get(0).id())).param("onset", "2026-12-01T06:00:00Z")
                .param("expires", at(5)).with(csrf()).with(as(accounts, "duty"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        String page = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"f-headline-error\"").contains("id=\"f-onset-error\"").contains("阵风10级（两处错误）")
                .contains("data-test=\"field-errors\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE description = :d").param("d", "阵风10级（两处错误）").query(Long.class).single())
                .isZero();
    }

    @Test
    void aCountysFireDangerOfLevelFourDraftsAWarningForApproval() {
        long county = directory.counties().get(1).id();
        var day = LocalDate.now(clock);
        tx.executeWithoutResult(s -> events.publishEvent(new FireDangerWarned(987654, county, day, 5, 40.2)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM alert WHERE source_kind = 'FIRE_DANGER' AND source_ref = '987654'").query(Long.class).single() == 1);
        var a = jdbc.sql("SELECT status, severity, category FROM alert WHERE source_ref = '987654'").query().singleRow();
        assertThat(a).containsEntry("status", "SUBMITTED").containsEntry("severity", "Extreme").containsEntry("category", "Fire");
    }
}
