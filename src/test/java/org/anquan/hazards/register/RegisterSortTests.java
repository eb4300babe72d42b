package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The register sorted by the columns it offers, page after page; any other column is refused in words. */
@IntegrationTest
class RegisterSortTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired HazardQueries queries;
    @Autowired Clock clock;

    private List<HazardRow> firstPages(String sort, int pages) {
        List<HazardRow> rows = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            rows.addAll(queries.page(new HazardFilter(null, null, null, null, null, null, null, sort), DataScope.CITY,
                    LocalDate.now(clock), p, 25, Locale.ROOT).items());
        }
        return rows;
    }

    @Test
    void byDeadlineEachPageContinuesTheLastWithoutRepeatingARowAndTheUndatedComeLast() {
        List<HazardRow> up = firstPages("deadline", 4);
        assertThat(up).hasSize(100);
        assertThat(up.stream().map(HazardRow::id).distinct()).hasSize(100);
        Comparator<LocalDate> datedFirst = Comparator.nullsLast(Comparator.naturalOrder());
        assertThat(up).extracting(HazardRow::deadline).isSortedAccordingTo(datedFirst);

        List<HazardRow> down = firstPages("-deadline", 4);
        assertThat(down).extracting(HazardRow::deadline).isSortedAccordingTo(datedFirst.reversed());
        assertThat(down.get(0).deadline()).as("a hazard not yet assigned has no deadline: the furthest").isNull();
    }

    @Test
    void byGradeTheMajorOnesComeFirstNewestFirstWithinAGrade() {
        List<HazardRow> rows = firstPages("-grade", 2);
        assertThat(rows.get(0).grade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(rows).extracting(HazardRow::grade).isSortedAccordingTo(Comparator.comparing(g -> g == HazardGrade.MAJOR ? 0 : 1));
        List<Long> majorIds = rows.stream().filter(r -> r.grade() == HazardGrade.MAJOR).map(HazardRow::id).toList();
        assertThat(majorIds).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theCodeOrderReversedStartsWithTheOldest() {
        List<HazardRow> oldest = firstPages("code", 1);
        List<HazardRow> newest = firstPages(null, 1);
        assertThat(oldest).extracting(HazardRow::id).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(newest).extracting(HazardRow::id).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(oldest.get(0).id()).isLessThan(newest.get(newest.size() - 1).id());
    }

    @Test
    void theHeaderSaysHowTheListIsSortedAndOffersTheOtherDirection() throws Exception {
        String html = mvc.perform(get("/hazards").param("sort", "deadline").with(as(accounts, "admin"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).containsPattern("aria-sort=\"ascending\"[^>]*>\\s*<a[^>]*href=\"/hazards\\?sort=-deadline\"");
        assertThat(html).contains("data-test=\"sort-grade\"").contains("aria-sort=\"none\"");
    }

    @Test
    void aColumnNotOfferedIsRefusedInWordsAndTheListIsNotShownInAnotherOrder() throws Exception {
        for (String sort : new String[] {"description", "-password", "h.id; DROP TABLE hazard", "--deadline"}) {
            var r = mvc.perform(get("/hazards").param("sort", sort).with(as(accounts, "admin"))).andReturn().getResponse();
            assertThat(r.getStatus()).as(sort).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("这一列不能排序").doesNotContain("data-test=\"hazard-row\"");
        }
        var e = mvc.perform(get("/enterprises").param("sort", "credit_code").with(as(accounts, "admin"))).andReturn().getResponse();
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/enterprises").param("sort", "-updated").with(as(accounts, "admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }
}
