package org.anquan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The shell's own pages in a web slice: no database, no modules, only the controller, the layout
 * and the message files. Security here is the slice's default; the real rules have their own tests.
 */
@WebMvcTest(controllers = LoginController.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "org\\.anquan\\.(directory|hazards|supervision|workbench)\\..*"))
@Import({WebSlice.class, Times.class})
class ShellPagesSliceTests {

    @Autowired MockMvc mvc;

    @Test
    @WithMockUser
    void theOversizedUploadPageSaysSoInChineseWith413() throws Exception {
        var r = mvc.perform(get("/upload-too-large")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("文件过大").contains("10 MB");
    }

    @Test
    @WithMockUser
    void theSignInPageCarriesItsFormInEnglishOnRequest() throws Exception {
        var r = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"username\"").contains("name=\"password\"");
    }
}
