package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.shared.PageResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pager: page numbers with gaps, a jump box on long lists, and a page past the end answers the last page. */
@IntegrationTest
class RegisterPagerTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    @Test
    void aPagePastTheEndShowsTheLastPageNotAnErrorOrAnEmptyList() throws Exception {
        var r = mvc.perform(get("/hazards").param("page", "99999").param("size", "10").with(as(accounts, "admin"))).andReturn()
                .getResponse();
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(html).contains("data-test=\"hazard-row\"").contains("aria-current=\"page\"").contains("data-page-jump");
    }

    @Test
    void theNumbersOfferedAreTheFirstTheLastAndTwoEitherSideOfTheCurrentWithGapsBetween() {
        var middle = new PageResult<>(List.of(), 10, 10, 200);
        assertThat(middle.pageNumbers()).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 20);
        var start = new PageResult<>(List.of(), 1, 10, 45);
        assertThat(start.pageNumbers()).containsExactly(1, 2, 3, 0, 5);
        assertThat(new PageResult<>(List.of(), 1, 10, 0).pageNumbers()).containsExactly(1);
    }
}
