package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.WebTestSupport;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class ApiTests {

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired Accounts accounts;

    MvcResult call(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn();
    }

    @Test
    void aMachineClientUsesItsTokenWithTheAccountsScope() throws Exception {
        String token = tokens.issue("县区系统对接", "county", 30).token();
        MvcResult me = call("/api/v1/me", token);
        assertThat(me.getResponse().getStatus()).isEqualTo(200);
        assertThat(me.getResponse().getContentAsString()).contains("\"role\":\"COUNTY_OFFICER\"");
        String list = call("/api/v1/enterprises?size=200", token).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("平安区").doesNotContain("南湖县");
        // no session is created for token calls
        assertThat(me.getRequest().getSession(false)).isNull();
    }

    @Test
    void aRevokedOrUnknownTokenIsRefused() throws Exception {
        var issued = tokens.issue("临时", "leader", 1);
        assertThat(call("/api/v1/me", issued.token()).getResponse().getStatus()).isEqualTo(200);
        tokens.revoke(issued.id());
        assertThat(call("/api/v1/me", issued.token()).getResponse().getStatus()).isEqualTo(401);
        assertThat(call("/api/v1/me", "aq_made_up").getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/me")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void invalidInputAnswersFieldByFieldInTheCallersLanguage() throws Exception {
        String token = tokens.issue("写入", "admin", 1).token();
        MvcResult r = mvc.perform(post("/api/v1/enterprises").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"接口企业\",\"creditCode\":\"123\",\"industryCode\":\"HAZ_CHEM\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"creditCode\"").contains("18位").contains("\"regionId\"");
    }

    @Test
    void aReadOnlyTokenCannotWrite() throws Exception {
        String token = tokens.issue("只读", "leader", 1).token();
        MvcResult r = mvc.perform(post("/api/v1/enterprises").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theResponsibilityLookupIsInTheApi() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/responsibility/HAZ_CHEM").with(as(accounts, "duty"))).andReturn();
        assertThat(r.getResponse().getContentAsString()).contains("\"leadDepartmentId\"");
        assertThat(mvc.perform(get("/api/v1/responsibility/NOPE").with(as(accounts, "duty"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/enterprises").contains("/api/v1/responsibility/{industry}");
    }

    @Test
    void metricsAreForTheAdministratorAndHealthForAnyone() throws Exception {
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/prometheus").with(as(accounts, "leader"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult p = mvc.perform(get("/actuator/prometheus").with(as(accounts, "admin"))).andReturn();
        assertThat(p.getResponse().getStatus()).isEqualTo(200);
        assertThat(p.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiDocumentationIsTitledVersionedAndLeadsBackToTheWorkbench() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(WebTestSupport.as(accounts, "admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("安全生产监管平台 API").contains("\"version\":\"v1\"").doesNotContain("OpenAPI definition");
        assertThat(docs).contains("[← 返回工作台 · Back to the workbench](/)");
    }
}
