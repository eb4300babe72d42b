package org.anquan.traffic.wim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.anquan.shared.BusinessException;
import org.anquan.traffic.wim.PartyStage.Step;
import org.junit.jupiter.api.Test;

/** Every step of a case party from every stage: identify (again until notified), notify once, answer once. */
class PartyStageTests {

    /** stage → step → where it leads, or the refusal's message key. */
    static final Map<PartyStage, Map<Step, Object>> TABLE = Map.of(
            PartyStage.UNIDENTIFIED, Map.of(Step.IDENTIFY, PartyStage.IDENTIFIED, Step.NOTIFY, "traffic.party.unidentified",
                    Step.ANSWER, "traffic.party.not.notified"),
            PartyStage.IDENTIFIED, Map.of(Step.IDENTIFY, PartyStage.IDENTIFIED, Step.NOTIFY, PartyStage.NOTIFIED,
                    Step.ANSWER, "traffic.party.not.notified"),
            PartyStage.NOTIFIED, Map.of(Step.IDENTIFY, "traffic.party.notified", Step.NOTIFY, "traffic.party.notified",
                    Step.ANSWER, PartyStage.ANSWERED),
            PartyStage.ANSWERED, Map.of(Step.IDENTIFY, "traffic.party.notified", Step.NOTIFY, "traffic.party.notified",
                    Step.ANSWER, "traffic.party.answered"));

    @Test
    void everyStepFromEveryStageLeadsWhereTheTableSaysOrIsRefusedInWords() {
        for (PartyStage from : PartyStage.values()) {
            for (Step step : Step.values()) {
                Object expected = TABLE.get(from).get(step);
                if (expected instanceof PartyStage to) {
                    assertThat(from.after(step)).as(from + " " + step).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.after(step)).as(from + " " + step)
                            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(expected));
                }
            }
        }
    }
}
