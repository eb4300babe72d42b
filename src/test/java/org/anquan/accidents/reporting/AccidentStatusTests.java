package org.anquan.accidents.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anquan.accidents.reporting.AccidentStatus.Step;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Every step of an accident from both its statuses. */
class AccidentStatusTests {

    @Test
    void aReportedAccidentTakesSupplementsAndItsFollowUpAndIsClosed() {
        assertThat(AccidentStatus.REPORTED.after(Step.SUPPLEMENT)).isEqualTo(AccidentStatus.REPORTED);
        assertThat(AccidentStatus.REPORTED.after(Step.FOLLOW_UP)).isEqualTo(AccidentStatus.REPORTED);
        assertThat(AccidentStatus.REPORTED.after(Step.CLOSE)).isEqualTo(AccidentStatus.CLOSED);
    }

    @Test
    void aClosedAccidentTakesNoStepAtAll() {
        for (Step step : Step.values()) {
            assertThatThrownBy(() -> AccidentStatus.CLOSED.after(step)).as(step.name())
                    .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("accident.closed.already"));
        }
    }
}
