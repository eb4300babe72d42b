package org.anquan.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationPolicyTests {

    // the defaults of application.yml
    static final EscalationProperties.Thresholds GENERAL = new EscalationProperties.Thresholds(3, 0, 15, 30, 60);
    static final EscalationProperties.Thresholds MAJOR = new EscalationProperties.Thresholds(7, 0, 0, 15, 30);

    static List<EscalationLevel> levels(String s) {
        return s.equals("-") ? List.of() : Arrays.stream(s.split(";")).map(EscalationLevel::valueOf).toList();
    }

    @ParameterizedTest(name = "general, {0} days overdue → {1}")
    @CsvSource({
            "-10, -", "-4, -", "-3, REMINDER", "-1, REMINDER", "0, REMINDER",
            "1, NOTICE", "15, NOTICE", "16, NOTICE;LISTED", "30, NOTICE;LISTED",
            "31, NOTICE;LISTED;INTERVIEW", "60, NOTICE;LISTED;INTERVIEW", "61, NOTICE;LISTED;INTERVIEW;DISCIPLINE"})
    void generalHazardsClimbTheLadderAtTheirThresholds(long daysOverdue, String due) {
        assertThat(EscalationPolicy.due(GENERAL, daysOverdue)).containsExactlyElementsOf(levels(due));
    }

    @ParameterizedTest(name = "major, {0} days overdue → {1}")
    @CsvSource({
            "-8, -", "-7, REMINDER", "0, REMINDER",
            // any overdue major hazard goes under listed supervision at once
            "1, NOTICE;LISTED", "15, NOTICE;LISTED", "16, NOTICE;LISTED;INTERVIEW", "31, NOTICE;LISTED;INTERVIEW;DISCIPLINE"})
    void anOverdueMajorHazardIsListedAtOnce(long daysOverdue, String due) {
        assertThat(EscalationPolicy.due(MAJOR, daysOverdue)).containsExactlyElementsOf(levels(due));
    }

    @Test
    void thresholdsThatDoNotClimbAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new EscalationProperties.Thresholds(3, 10, 5, 30, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
