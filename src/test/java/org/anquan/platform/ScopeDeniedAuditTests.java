package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every refusal caused by the data scope, on every kind of page, download and action, answers 404
 * like a missing record and is written to the audit trail as SCOPE_DENIED.
 */
@IntegrationTest
class ScopeDeniedAuditTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    long insert(String sql, Map<String, Object> params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long denials() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SCOPE_DENIED' AND actor = 'county'").query(Long.class).single();
    }

    @Test
    void everyOutOfScopeAttemptIsNotFoundAndAudited() throws Exception {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        long otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        // a hazard of another county that has no supervision notice yet, to give it one
        long hazard = jdbc.sql("SELECT MIN(id) FROM hazard WHERE county_id = :c AND id NOT IN "
                + "(SELECT hazard_id FROM supervision_step WHERE level = 2)").param("c", otherCounty).query(Long.class).single();
        var now = OffsetDateTime.now(clock);
        long step = insert("""
                INSERT INTO supervision_step (hazard_id, level, run_id, created_at, created_by, reason, department_id, county_id,
                                              hazard_deadline)
                SELECT id, 2, 'scope-audit', :now, 'test', 'escalation.reason.NOTICE.GENERAL', department_id, county_id, deadline
                FROM hazard WHERE id = :h""", Map.of("now", now, "h", hazard));
        long message = insert("INSERT INTO inbox_message (county_id, hazard_id, message_key, created_at) VALUES (:c, :h, 'inbox.escalation', :now)",
                Map.of("c", otherCounty, "h", hazard, "now", now));
        long draw = insert("""
                INSERT INTO reinspection_draw (period, county_id, seed, share, population, drawn_at, drawn_by)
                VALUES ('1999-01', :c, 7, 0.1, 0, :now, 'test')""", Map.of("c", otherCounty, "now", now));

        List<MockHttpServletRequestBuilder> attempts = List.of(
                get("/hazards/" + hazard),
                get("/hazards/" + hazard + "/notice.docx"),
                get("/supervision/hazards/" + hazard),
                get("/supervision/steps/" + step + "/notice.docx"),
                post("/supervision/steps/" + step + "/answer").param("answer", "已整改").with(csrf()),
                post("/inbox/" + message + "/read").with(csrf()),
                get("/supervision/reinspections/" + draw),
                get("/api/v1/hazards/" + hazard));
        List<String> wrong = new ArrayList<>();
        for (var attempt : attempts) {
            long before = denials();
            var r = mvc.perform(attempt.with(as(accounts, "county"))).andReturn();
            String what = r.getRequest().getMethod() + " " + r.getRequest().getRequestURI();
            if (r.getResponse().getStatus() != 404) {
                wrong.add(what + " answered " + r.getResponse().getStatus());
            }
            if (denials() != before + 1) {
                wrong.add(what + " was not audited");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("SELECT read_at FROM inbox_message WHERE id = :id").param("id", message).query(OffsetDateTime.class)
                .optional()).isEmpty();
    }

    @Test
    void aRecordThatDoesNotExistIsNotFoundAndNotCountedAsADenial() throws Exception {
        long before = denials();
        assertThat(mvc.perform(get("/hazards/987654321").with(as(accounts, "county"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(denials()).isEqualTo(before);
    }
}
