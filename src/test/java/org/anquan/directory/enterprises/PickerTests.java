package org.anquan.directory.enterprises;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The enterprise picker: choices by name, code or address, within the scope, never an id to type. */
@IntegrationTest
class PickerTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    String pick(String user, String q) throws Exception {
        return mvc.perform(get("/pickers/enterprises").param("q", q).header("HX-Request", "true").with(as(accounts, user)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void typingPartOfANameOffersThatEnterpriseByNameWithItsCodeAndTheIdHidden() throws Exception {
        var e = jdbc.sql("SELECT id, name, credit_code FROM enterprise ORDER BY id LIMIT 1").query().singleRow();
        String html = pick("admin", ((String) e.get("name")).substring(0, 4));
        assertThat(html).doesNotContain("<html").contains("role=\"option\"").contains("data-id=\"" + e.get("id") + "\"")
                .contains((String) e.get("credit_code"));
        // the credit code finds it too
        assertThat(pick("admin", (String) e.get("credit_code"))).contains("data-id=\"" + e.get("id") + "\"");
    }

    @Test
    void aCountyOfficerIsOfferedOnlyTheEnterprisesOfItsCounty() throws Exception {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        String html = pick("county", "有限公司");
        Matcher ids = Pattern.compile("data-id=\"(\\d+)\"").matcher(html);
        int n = 0;
        while (ids.find()) {
            n++;
            assertThat(jdbc.sql("SELECT county_id FROM enterprise WHERE id = :id").param("id", Long.parseLong(ids.group(1)))
                    .query(Long.class).single()).isEqualTo(county);
        }
        assertThat(n).isBetween(1, 10);
    }

    @Test
    void oneCharacterOrTwoHundredAreAnsweredInWordsNotWithAnError() throws Exception {
        assertThat(pick("admin", "化")).contains("请至少输入两个字").doesNotContain("role=\"option\"");
        assertThat(pick("admin", "化".repeat(200))).contains("输入过长").doesNotContain("role=\"option\"");
        assertThat(pick("admin", "不存在的企业名称甲乙丙")).contains("没有找到");
    }

    @Test
    void theReportFormNoLongerAsksForAnEnterpriseNumber() throws Exception {
        String form = mvc.perform(get("/hazards/new").with(as(accounts, "dept"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("type=\"hidden\" id=\"enterpriseId\" name=\"enterpriseId\"")
                .contains("hx-get=\"/pickers/enterprises\"").doesNotContain("type=\"number\" min=\"1\" class=\"form-control\" id=\"enterpriseId\"");
    }

    @Test
    void aDuplicateIsChosenByItsCodeWithinTheScope() throws Exception {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        var own = jdbc.sql("SELECT id, code FROM hazard WHERE county_id = :c ORDER BY id LIMIT 1").param("c", county).query().singleRow();
        var foreign = jdbc.sql("SELECT code FROM hazard WHERE county_id <> :c ORDER BY id LIMIT 1").param("c", county)
                .query(String.class).single();
        String html = mvc.perform(get("/pickers/hazards").param("q", (String) own.get("code")).with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-id=\"" + own.get("id") + "\"");
        assertThat(mvc.perform(get("/pickers/hazards").param("q", foreign).with(as(accounts, "county"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("role=\"option\"").contains("没有找到");
    }
}
