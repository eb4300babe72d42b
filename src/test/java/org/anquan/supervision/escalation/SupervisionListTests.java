package org.anquan.supervision.escalation;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The supervision list: a hazard once, at the highest step it reached, unless every step is asked for; answers return to the list as it was. */
@IntegrationTest
class SupervisionListTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired EscalationSweep sweep;
    @Autowired Clock clock;

    @BeforeEach
    void escalate() {
        sweep.run("tester");
    }

    List<String> codes(String url) throws Exception {
        String html = mvc.perform(get(url).with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("data-test=\"step-row\">\\s*<td[^>]*><a[^>]*>([^<]+)</a>").matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void aHazardAppearsOnceAtItsHighestStepUnlessEveryStepIsAskedFor() throws Exception {
        // a hazard twenty days overdue climbs two steps in one sweep: the newest steps of the list
        String climbed = "YH-CLIMB-" + System.nanoTime() % 100_000_000;
        jdbc.sql("""
                INSERT INTO hazard (code, source, enterprise_id, industry_code, description, grade, status, department_id, county_id,
                                    deadline, open_deadline, reported_by, reported_at)
                SELECT :code, 'DEPT_INSPECTION', e.id, e.industry_code, '逾期未整改', 'GENERAL', 'RECTIFYING', r.department_id, e.county_id,
                       :due, :due, 'test', CURRENT_TIMESTAMP
                FROM enterprise e JOIN responsibility r ON r.industry_code = e.industry_code AND r.lead = TRUE
                ORDER BY e.id LIMIT 1""").param("code", climbed).param("due", LocalDate.now(clock).minusDays(20)).update();
        sweep.run("tester");
        List<String> once = codes("/supervision");
        assertThat(once).isNotEmpty().doesNotHaveDuplicates();
        List<String> every = codes("/supervision?every=true");
        assertThat(every.stream().filter(climbed::equals).count()).isGreaterThan(1);
        assertThat(codes("/supervision?level=LISTED")).doesNotHaveDuplicates();
    }

    @Test
    void anAnswerReturnsToTheListAsItWasLeft() throws Exception {
        long step = jdbc.sql("SELECT MIN(id) FROM supervision_step WHERE level = 2 AND answer IS NULL").query(Long.class).single();
        var r = mvc.perform(post("/supervision/steps/" + step + "/answer").param("answer", "已约谈企业负责人，限期五日内整改完毕")
                .param("back", "level=NOTICE&countyId=3&page=2&other=x").with(csrf()).with(as(accounts, "admin"))).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/supervision?level=NOTICE&countyId=3&page=2");
        assertThat(jdbc.sql("SELECT answer FROM supervision_step WHERE id = :id").param("id", step).query(String.class).single())
                .isEqualTo("已约谈企业负责人，限期五日内整改完毕");
    }
}
