package org.anquan.hazards;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.hazards.domain.QuarterlyReports;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class QuarterlyReportsTests {

    @org.springframework.beans.factory.annotation.Autowired java.time.Clock clock;

    @Autowired QuarterlyReports reports;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    @ParameterizedTest(name = "{0} Q{1} is due {2}")
    @CsvSource({"2026, 1, 2026-04-15", "2026, 2, 2026-07-15", "2026, 3, 2026-10-15", "2026, 4, 2027-01-15"})
    void statisticsAreDueOnTheFifteenthOfTheMonthAfterTheQuarter(int year, int quarter, LocalDate due) {
        assertThat(QuarterlyReports.dueOn(year, quarter, 15)).isEqualTo(due);
    }

    @Test
    void aLateFilingIsFlaggedAndCannotBeFiledTwice() {
        var figures = new QuarterlyReports.Figures(3, 1, 2, 0);
        var filing = reports.file(2025, 2, figures, new BigDecimal("12000"), "王强", user("enterprise"));
        assertThat(filing.late()).isTrue();
        assertThat(filing.dueOn()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThatThrownBy(() -> reports.file(2025, 2, figures, BigDecimal.ZERO, "王强", user("enterprise")))
                .isInstanceOf(BusinessException.class).hasMessage("quarterly.already.filed");
    }

    @Test
    void aQuarterThatHasNotEndedOrAMissingSignatureIsRefused() {
        int year = LocalDate.now(clock).getYear();
        int current = (LocalDate.now(clock).getMonthValue() - 1) / 3 + 1;
        assertThatThrownBy(() -> reports.file(year, current, new QuarterlyReports.Figures(0, 0, 0, 0), BigDecimal.ZERO, "王强",
                user("enterprise"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("quarter", "quarterly.quarter.notEnded"));
        assertThatThrownBy(() -> reports.file(2025, 1, new QuarterlyReports.Figures(-1, 0, 0, 0), null, " ", user("enterprise")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("foundGeneral", "funds", "principalSigned"));
    }

    @Test
    void onlyTheEnterpriseFilesItsStatistics() throws Exception {
        assertThatThrownBy(() -> reports.file(2025, 3, new QuarterlyReports.Figures(0, 0, 0, 0), BigDecimal.ZERO, "x", user("county")))
                .isInstanceOf(AccessDeniedException.class);
        int status = mvc.perform(post("/hazards/quarterly").param("year", "2025").param("quarter", "3")
                .with(as(accounts, "leader")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
