package org.anquan.citizen.reports;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tip's reporter is sealed at rest and shown only to holders of TIP_HANDLE, each look audited; a
 * county officer, the queue, the public pages, Open311 and the audit trail never carry the name or
 * phone. A reward is proposed within a band and approved by a second person.
 */
@IntegrationTest
class TipConfidentialityTests {

    static final String NAME = "举报人赵某某";
    static final String PHONE = "13811112222";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Intake intake;
    @Autowired Handling handling;
    @Autowired JdbcClient jdbc;
    @Autowired IdentitySeal seal;
    @Autowired Directory directory;

    CurrentUser user(String username) {
        var a = accounts.findByUsername(username).orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    Intake.Submitted tipInTheCountyOfficersCounty(String description) {
        long county = user("county").regionId();
        GeoPoint p = new GeoPoint(CitizenReportTests.LON, CitizenReportTests.LAT);
        assertThat(directory.countyAt(p).orElseThrow().id()).isEqualTo(county);
        return intake.submit(new Intake.Submission("ILLEGAL_CHEMICALS", description, null, p.lon(), p.lat(), null, NAME, PHONE, null,
                Map.of("ongoing", "YES"), List.of(), Intake.Source.WEB, null, null, "203.0.113.50"), "citizen");
    }

    @Test
    void theTipHandlerSeesTheReporterAndEveryLookIsAudited() throws Exception {
        var tip = tipInTheCountyOfficersCounty("村口私卖柴油，保密测试一");
        String stored = jdbc.sql("SELECT contact_sealed FROM citizen_report WHERE id = :id").param("id", tip.id()).query(String.class).single();
        assertThat(stored).doesNotContain(NAME).doesNotContain(PHONE).startsWith(seal.currentKeyId() + ":");

        String page = mvc.perform(post("/citizen/" + tip.id() + "/contact").with(csrf()).with(as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(NAME).contains(PHONE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REVEAL' AND entity_type = 'citizen_report' AND entity_id = :id AND actor = 'admin'")
                .param("id", String.valueOf(tip.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCountyOfficerAListTheQueueThePublicAndTheAuditTrailNeverCarryTheReporter() throws Exception {
        var tip = tipInTheCountyOfficersCounty("村口私卖柴油，保密测试二");
        handling.toClue(tip.id(), 0, "移交打非办", user("county"));
        // the county officer handles the tip but may not see who sent it
        var refused = mvc.perform(post("/citizen/" + tip.id() + "/contact").with(csrf()).with(as(accounts, "county"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThatThrownBy(() -> handling.contact(tip.id(), user("county"))).isInstanceOf(AccessDeniedException.class);
        String detail = mvc.perform(get("/citizen/" + tip.id()).with(as(accounts, "county"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("data-test=\"contact-confidential\"").doesNotContain("data-test=\"show-contact\"");
        String trackingCode = tip.trackingCode();
        List<String> seen = List.of(
                detail,
                mvc.perform(get("/citizen").param("status", "all").with(as(accounts, "county"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/citizen").param("kind", "tip").with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/report/" + trackingCode)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/reports")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/open311/v2/requests/" + trackingCode + ".json")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/open311/v2/requests/" + trackingCode + ".xml")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(get("/admin/audit").with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                String.join("\n", jdbc.sql("SELECT COALESCE(summary, '') || COALESCE(before_state, '') || COALESCE(after_state, '') FROM audit_log")
                        .query(String.class).list()),
                String.join("\n", jdbc.sql("SELECT description FROM hazard").query(String.class).list()));
        for (String text : seen) {
            assertThat(text).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("203.0.113.50");
        }
        // the public status page of a tip carries neither its content nor its place
        assertThat(seen.get(3)).contains("已移交查处").doesNotContain("村口私卖柴油");
    }

    @Test
    void aRewardIsProposedWithinItsBandAndApprovedAndPaidByASecondPerson() {
        var tip = tipInTheCountyOfficersCounty("村口私卖柴油，奖励测试");
        CurrentUser admin = user("admin");
        assertThatThrownBy(() -> handling.proposeReward(tip.id(), "GENERAL", new BigDecimal("500"), "查证属实", admin))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.reward.not.verified"));
        handling.toClue(tip.id(), 0, "移交打非办", admin);
        assertThatThrownBy(() -> handling.proposeReward(tip.id(), "GENERAL", new BigDecimal("5000"), "查证属实", admin))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.reward.amount.outside"));
        assertThatThrownBy(() -> handling.proposeReward(tip.id(), "GENERAL", new BigDecimal("500"), "查证属实", user("county")))
                .isInstanceOf(AccessDeniedException.class);
        handling.proposeReward(tip.id(), "GENERAL", new BigDecimal("500"), "查证属实，依法查处", admin);
        assertThatThrownBy(() -> handling.payReward(tip.id(), "PAY-1", admin))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.reward.not.approved"));
        assertThatThrownBy(() -> handling.approveReward(tip.id(), admin))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.reward.same.person"));
        handling.approveReward(tip.id(), user("office"));
        handling.payReward(tip.id(), "PAY-2026-0001", admin);
        var reward = handling.rewardOf(tip.id()).orElseThrow();
        assertThat(reward.approvedBy()).isEqualTo("office");
        assertThat(reward.paymentRef()).isEqualTo("PAY-2026-0001");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'citizen_report' AND entity_id = :id AND action LIKE 'REWARD%' ORDER BY id")
                .param("id", String.valueOf(tip.id())).query(String.class).list()).containsExactly("REWARD_PROPOSE", "REWARD_APPROVE", "REWARD_PAY");
    }
}
