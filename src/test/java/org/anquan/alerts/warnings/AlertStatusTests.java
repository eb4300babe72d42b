package org.anquan.alerts.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.anquan.alerts.warnings.AlertStatus.Step;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Every step of a public warning from every status: the few that lead somewhere, and the refusal of all others. */
class AlertStatusTests {

    /** status → step → where it leads; a pair not listed is refused. */
    static final Map<AlertStatus, Map<Step, AlertStatus>> ALLOWED = Map.of(
            AlertStatus.DRAFT, Map.of(Step.SUBMIT, AlertStatus.SUBMITTED, Step.WITHDRAW, AlertStatus.WITHDRAWN),
            AlertStatus.SUBMITTED, Map.of(Step.WITHDRAW, AlertStatus.WITHDRAWN, Step.APPROVE, AlertStatus.PUBLISHED),
            AlertStatus.PUBLISHED, Map.of(Step.SUPERSEDE, AlertStatus.SUPERSEDED, Step.CANCEL, AlertStatus.CANCELLED));

    static final Map<Step, String> REFUSAL = Map.of(Step.SUBMIT, "alert.not.draft", Step.WITHDRAW, "alert.not.open",
            Step.APPROVE, "alert.not.submitted", Step.SUPERSEDE, "alert.reference.not.current", Step.CANCEL, "alert.reference.not.current");

    @Test
    void everyStepFromEveryStatusLeadsWhereTheTableSaysOrIsRefusedInWords() {
        int allowed = 0;
        for (AlertStatus from : AlertStatus.values()) {
            for (Step step : Step.values()) {
                AlertStatus to = ALLOWED.getOrDefault(from, Map.of()).get(step);
                if (to != null) {
                    assertThat(from.after(step)).as(from + " " + step).isEqualTo(to);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> from.after(step)).as(from + " " + step)
                            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(REFUSAL.get(step)));
                }
            }
        }
        assertThat(allowed).isEqualTo(6);
    }

    @Test
    void onlyADraftOrASubmittedWarningIsStillOpen() {
        for (AlertStatus s : AlertStatus.values()) {
            assertThat(s.open()).as(s.name()).isEqualTo(s == AlertStatus.DRAFT || s == AlertStatus.SUBMITTED);
        }
    }
}
