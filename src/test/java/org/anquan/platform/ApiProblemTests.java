package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every API error is RFC 9457 problem details with a stable code, in the caller's language, and a
 * caller without the permission is refused before anything it sent is read.
 */
@IntegrationTest
class ApiProblemTests {

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    String admin;
    String leader;
    long hazard;

    @BeforeEach
    void tokensAndAHazard() {
        admin = tokens.issue("问题详情测试", "admin", 1).token();
        leader = tokens.issue("问题详情测试", "leader", 1).token();
        hazard = jdbc.sql("SELECT MIN(id) FROM hazard WHERE status = 'ASSIGNED'").query(Long.class).single();
    }

    record Case(String name, MockHttpServletRequestBuilder request, int status, String code) {
    }

    @Test
    void everyErrorIsProblemDetailsWithAStableCode() throws Exception {
        List<Case> cases = List.of(
                new Case("malformed JSON", post("/api/v1/hazards").header("Authorization", "Bearer " + admin)
                        .contentType("application/json").content("{\"description\": "), 400, "request.unreadable"),
                new Case("an unknown grade", post("/api/v1/hazards").header("Authorization", "Bearer " + admin)
                        .contentType("application/json").content("{\"grade\": \"HUGE\"}"), 400, "request.unreadable"),
                new Case("an impossible date", post("/api/v1/hazards").header("Authorization", "Bearer " + admin)
                        .contentType("application/json").content("{\"deadline\": \"2026-13-45\"}"), 400, "request.unreadable"),
                new Case("an unknown grade in the query", get("/api/v1/hazards").param("grade", "HUGE")
                        .header("Authorization", "Bearer " + admin), 400, "request.value"),
                new Case("a read-only role reporting, with a malformed body", post("/api/v1/hazards")
                        .header("Authorization", "Bearer " + leader).contentType("application/json").content("{oops"), 403, "access.denied"),
                new Case("a read-only role acting, with a malformed body", post("/api/v1/hazards/" + hazard + "/actions/start")
                        .header("Authorization", "Bearer " + leader).contentType("application/json").content("{oops"), 403, "access.denied"),
                new Case("a stale version", post("/api/v1/hazards/" + hazard + "/actions/start")
                        .header("Authorization", "Bearer " + admin).contentType("application/json").content("{\"version\": 9999}"),
                        409, "conflict"),
                new Case("no version", post("/api/v1/hazards/" + hazard + "/actions/start")
                        .header("Authorization", "Bearer " + admin).contentType("application/json").content("{}"), 400, "validation"),
                new Case("no such hazard", get("/api/v1/hazards/987654321").header("Authorization", "Bearer " + admin), 404, "not.found"),
                new Case("no login", get("/api/v1/hazards"), 401, "unauthenticated"),
                new Case("an unknown token", get("/api/v1/hazards").header("Authorization", "Bearer aq_nothing"), 401, "token.invalid"),
                new Case("a wrong method", MockMvcRequestBuilders.delete("/api/v1/hazards")
                        .header("Authorization", "Bearer " + admin), 405, "request.405"));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var r = mvc.perform(c.request().header("Accept-Language", "zh-CN")).andReturn().getResponse();
            String body = r.getContentAsString(StandardCharsets.UTF_8);
            if (r.getStatus() != c.status() || r.getContentType() == null || !r.getContentType().startsWith("application/problem+json")
                    || !body.contains("\"code\":\"" + c.code() + "\"") || !body.matches("(?s).*\"detail\":\"[^\"]*[\\u4e00-\\u9fa5].*")) {
                wrong.add(c.name() + " → " + r.getStatus() + " " + r.getContentType() + " " + body);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
