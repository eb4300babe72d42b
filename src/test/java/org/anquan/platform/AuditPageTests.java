package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The audit page speaks in words: people by name, actions and records in Chinese, not internal codes. */
@IntegrationTest
class AuditPageTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditTrail trail;

    @Test
    void actorsActionsAndRecordsAreShownInWords() throws Exception {
        trail.recordAlone("county", "OUTCOME", "supervision_step", 7, "约谈已开展");
        String html = mvc.perform(get("/admin/audit").param("action", "OUTCOME").with(as(accounts, "admin"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("平安区应急管理局干部").contains("记录督办结果").contains("督办记录")
                .doesNotContain(">supervision_step<").doesNotContain(">OUTCOME<");
    }
}
