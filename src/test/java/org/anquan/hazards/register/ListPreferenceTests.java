package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Each person's last filters and columns on the register, kept on the server for the next visit. */
@IntegrationTest
class ListPreferenceTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(accounts, user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theLastFiltersAreOfferedWhenTheListIsOpenedBareAndForgottenOnReset() throws Exception {
        // the discipline account uses the register in no other test
        page("/hazards?status=ASSIGNED&grade=MAJOR&sort=deadline&page=3&q=", "discipline");
        assertThat(page("/hazards", "discipline")).contains("data-remembered=\"status=ASSIGNED&amp;grade=MAJOR&amp;sort=deadline\"");
        // another person's choice is theirs alone
        assertThat(page("/hazards", "leader")).doesNotContain("status=ASSIGNED&amp;grade=MAJOR");
        // clearing every filter by hand forgets them too, as does the reset button
        page("/hazards?status=&grade=", "discipline");
        assertThat(page("/hazards", "discipline")).doesNotContain("data-remembered=");
        page("/hazards?overdue=true", "discipline");
        // the reset's own page does not carry "forget" into its sort and page links
        assertThat(page("/hazards?forget=true", "discipline")).doesNotContain("forget=true&amp;").doesNotContain("?forget=true&");
        assertThat(page("/hazards", "discipline")).doesNotContain("data-remembered=");
    }

    @Test
    void aRefusedOrderIsNotRemembered() throws Exception {
        page("/hazards?grade=GENERAL", "duty");
        assertThat(mvc.perform(get("/hazards?sort=password").with(as(accounts, "duty"))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(page("/hazards", "duty")).contains("data-remembered=\"grade=GENERAL\"");
    }

    @Test
    void hiddenColumnsStayHiddenUntilChosenAgainAndOnlyOptionalOnesCanBeHidden() throws Exception {
        var r = mvc.perform(post("/hazards/columns").param("chooser", "1").param("shown", "subject", "deadline", "code")
                .param("back", "status=CLOSED&evil=1").with(csrf()).with(as(accounts, "dept"))).andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/hazards?status=CLOSED");
        String html = page("/hazards?status=CLOSED", "dept");
        assertThat(html).doesNotContain("data-label=\"隐患描述\"").doesNotContain("data-label=\"责任部门\"")
                .contains("data-label=\"企业或地点\"").contains("data-test=\"sort-code\"");
        // a request that is not the chooser's changes nothing
        assertThat(mvc.perform(post("/hazards/columns").with(csrf()).with(as(accounts, "dept"))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(page("/hazards?status=CLOSED", "dept")).contains("data-label=\"企业或地点\"");
        mvc.perform(post("/hazards/columns").param("chooser", "1").param("shown", "subject", "description", "department", "county", "deadline")
                .with(csrf()).with(as(accounts, "dept")));
        assertThat(page("/hazards?status=CLOSED", "dept")).contains("data-label=\"隐患描述\"").contains("data-label=\"责任部门\"");
    }

    @Test
    void theEnterpriseListRemembersItsFiltersAndColumnsToo() throws Exception {
        page("/enterprises?industry=HAZ_CHEM&sort=name&page=2", "leader");
        assertThat(page("/enterprises", "leader")).contains("data-remembered=\"industry=HAZ_CHEM&amp;sort=name\"");
        var r = mvc.perform(post("/enterprises/columns").param("chooser", "1").param("shown", "industry", "status")
                .param("back", "industry=HAZ_CHEM").with(csrf()).with(as(accounts, "leader"))).andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/enterprises?industry=HAZ_CHEM");
        String html = page("/enterprises?industry=HAZ_CHEM", "leader");
        assertThat(html).contains("data-label=\"行业\"").doesNotContain("data-label=\"统一社会信用代码\"");
        mvc.perform(post("/enterprises/columns").param("chooser", "1")
                .param("shown", "creditCode", "industry", "county", "region", "status", "safetyManager", "updated")
                .with(csrf()).with(as(accounts, "leader")));
        page("/enterprises?forget=true", "leader");
        assertThat(page("/enterprises", "leader")).doesNotContain("data-remembered=").contains("data-label=\"统一社会信用代码\"");
    }
}
