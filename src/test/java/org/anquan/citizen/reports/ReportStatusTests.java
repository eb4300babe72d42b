package org.anquan.citizen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.anquan.citizen.reports.ReportStatus.Step;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Every handling step of a citizen's report from every status. */
class ReportStatusTests {

    static final Map<ReportStatus, Map<Step, ReportStatus>> ALLOWED = Map.of(
            ReportStatus.PENDING, Map.of(Step.ACCEPT, ReportStatus.OPEN, Step.REJECT, ReportStatus.REJECTED, Step.MERGE, ReportStatus.MERGED,
                    Step.HAZARD, ReportStatus.HAZARD, Step.CLUE, ReportStatus.CLUE),
            ReportStatus.OPEN, Map.of(Step.MERGE, ReportStatus.MERGED, Step.HAZARD, ReportStatus.HAZARD, Step.CLUE, ReportStatus.CLUE,
                    Step.CLOSE, ReportStatus.CLOSED),
            ReportStatus.CLUE, Map.of(Step.CLOSE, ReportStatus.CLOSED));

    @Test
    void everyStepFromEveryStatusLeadsWhereTheTableSaysOrIsRefusedNamingBoth() {
        int allowed = 0;
        for (ReportStatus from : ReportStatus.values()) {
            for (Step step : Step.values()) {
                ReportStatus to = ALLOWED.getOrDefault(from, Map.of()).get(step);
                if (to != null) {
                    assertThat(from.after(step)).as(from + " " + step).isEqualTo(to);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> from.after(step)).as(from + " " + step)
                            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.step.refused"));
                }
            }
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void thePublicSeesAReportOnceModeratedAndOpen311KnowsTwoStatuses() {
        for (ReportStatus s : ReportStatus.values()) {
            assertThat(s.visible()).as(s.name()).isEqualTo(s != ReportStatus.PENDING && s != ReportStatus.REJECTED);
            assertThat(s.open311()).as(s.name()).isEqualTo(s == ReportStatus.CLOSED || s == ReportStatus.REJECTED ? "closed" : "open");
        }
    }
}
