package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every irreversible or wide action asks first, in words that say what will happen. */
@IntegrationTest
class ConfirmationTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(accounts, user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void closingRejectingAndFailingAHazardAskFirst() throws Exception {
        long submitted = jdbc.sql("SELECT MIN(h.id) FROM hazard h JOIN user_account a ON a.region_id = h.county_id "
                + "WHERE a.username = 'county' AND h.status = 'SUBMITTED'").query(Long.class).single();
        String html = page("/hazards/" + submitted, "county");
        assertThat(html).contains("data-confirm=\"确认验收合格并销号");
        assertThat(html).contains("data-confirm=\"确认验收不合格");
        assertThat(html).contains("data-confirm=\"确认改派");
    }

    @Test
    void theSweepTheDrawAndMarkingEverythingReadAskFirst() throws Exception {
        assertThat(page("/supervision", "admin")).contains("data-confirm=\"立即执行督办扫描");
        assertThat(page("/supervision/reinspections", "admin")).contains("data-confirm=\"确认抽取");
        assertThat(page("/inbox", "county")).contains("data-confirm=\"将全部消息标为已读");
    }
}
