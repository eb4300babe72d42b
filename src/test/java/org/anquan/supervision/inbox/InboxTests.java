package org.anquan.supervision.inbox;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox of the county and department officers: what they see, and marking messages read. */
@IntegrationTest
class InboxTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    long county;
    long otherCounty;
    long hazard;
    String hazardCode;

    @BeforeEach
    void aHazardOfTheCountyOfficersCounty() {
        county = accounts.findByUsername("county").orElseThrow().regionId();
        otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        hazard = jdbc.sql("SELECT MIN(id) FROM hazard WHERE county_id = :c").param("c", county).query(Long.class).single();
        hazardCode = jdbc.sql("SELECT code FROM hazard WHERE id = :h").param("h", hazard).query(String.class).single();
    }

    long message(long countyId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO inbox_message (county_id, hazard_id, message_key, created_at) "
                + "VALUES (:c, :h, 'inbox.major.reported', CURRENT_TIMESTAMP)").param("c", countyId).param("h", hazard).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean read(long messageId) {
        return jdbc.sql("SELECT read_at IS NOT NULL FROM inbox_message WHERE id = :id").param("id", messageId)
                .query(Boolean.class).single();
    }

    long audited(String action, String entityId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND entity_id = :e").param("a", action)
                .param("e", entityId).query(Long.class).single();
    }

    @Test
    void theCountyOfficerReadsAMessageOfItsCountyAndTheChangeIsAudited() throws Exception {
        long mine = message(county);

        mvc.perform(get("/inbox").param("unread", "true").with(as(accounts, "county")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(hazardCode)))
                .andExpect(content().string(Matchers.containsString("报告重大隐患，请跟进")));

        mvc.perform(post("/inbox/{id}/read", mine).with(as(accounts, "county")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(read(mine)).isTrue();
        assertThat(audited("READ", String.valueOf(mine))).isEqualTo(1);
    }

    @Test
    void aMessageOfAnotherCountyIsNotFoundAndStaysUnread() throws Exception {
        long theirs = message(otherCounty);

        mvc.perform(post("/inbox/{id}/read", theirs).with(as(accounts, "county")).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(read(theirs)).isFalse();
        assertThat(audited("READ", String.valueOf(theirs))).isZero();
    }

    @Test
    void markingAllReadTouchesOnlyTheOfficersOwnInbox() throws Exception {
        long mine = message(county);
        long theirs = message(otherCounty);

        mvc.perform(post("/inbox/read-all").with(as(accounts, "county")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(read(mine)).isTrue();
        assertThat(read(theirs)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE county_id = :c AND read_at IS NULL").param("c", county)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theHomePageCountsTheUnreadMessagesOfTheOfficersInbox() throws Exception {
        message(county);
        long unread = jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE county_id = :c AND read_at IS NULL").param("c", county)
                .query(Long.class).single();
        mvc.perform(get("/").with(as(accounts, "county")))
                .andExpect(content().string(Matchers.containsString("data-test=\"card-unread\">" + unread + "<")));

        mvc.perform(post("/inbox/read-all").with(as(accounts, "county")).with(csrf()));

        mvc.perform(get("/").with(as(accounts, "county")))
                .andExpect(content().string(Matchers.containsString("data-test=\"card-unread\">0<")));
    }

    @Test
    void rolesWithoutAnInboxAreToldSoAndCannotMarkAnything() throws Exception {
        long mine = message(county);
        mvc.perform(get("/inbox").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本账号没有收件箱")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(hazardCode))));
        mvc.perform(post("/inbox/{id}/read", mine).with(as(accounts, "admin")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(read(mine)).isFalse();
    }
}
