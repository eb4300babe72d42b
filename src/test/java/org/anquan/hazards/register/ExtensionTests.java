package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 延期 through the pages: the enterprise asks, the assigning department decides, nobody else (issue 10, item 5). */
@IntegrationTest
class ExtensionTests {

    @Autowired MockMvc mvc;
    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    @Test
    void theEnterpriseAsksAndTheAssigningDepartmentGrantsAndTheEnterpriseCannotGrantItself() throws Exception {
        var dept = accounts.principalOf(accounts.findByUsername("dept").orElseThrow().id()).user();
        long own = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        LocalDate deadline = LocalDate.now(clock).plusDays(10);
        Hazard h = service.report(HazardReports.atEnterprise(own).due(deadline).input(), dept);

        var tooLong = mvc.perform(post("/hazards/" + h.getId() + "/extend").param("version", String.valueOf(h.getVersion()))
                .param("deadline", deadline.plusDays(90).toString()).param("reason", "设备订货周期长")
                .with(as(accounts, "enterprise")).with(csrf())).andReturn();
        assertThat(tooLong.getFlashMap().get("fieldErrors")).isEqualTo(Map.of("deadline", "extension.too.long"));

        mvc.perform(post("/hazards/" + h.getId() + "/extend").param("version", String.valueOf(h.getVersion()))
                .param("deadline", deadline.plusDays(20).toString()).param("reason", "设备订货周期长")
                .with(as(accounts, "enterprise")).with(csrf()));
        Hazard asked = service.get(h.getId(), dept);
        assertThat(asked.getExtensionState()).isEqualTo("REQUESTED");

        int forbidden = mvc.perform(post("/hazards/" + h.getId() + "/grant").param("version", String.valueOf(asked.getVersion()))
                .with(as(accounts, "enterprise")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(forbidden).isEqualTo(403);
        mvc.perform(post("/hazards/" + h.getId() + "/grant").param("version", String.valueOf(asked.getVersion()))
                .param("note", "同意，请按期完成").with(as(accounts, "dept")).with(csrf()));
        Hazard granted = service.get(h.getId(), dept);
        assertThat(granted.getDeadline()).isEqualTo(deadline.plusDays(20));
        assertThat(granted.getEvents()).extracting(e -> e.action()).contains("EXTENSION_REQUESTED", "EXTENSION_GRANTED");
    }
}
