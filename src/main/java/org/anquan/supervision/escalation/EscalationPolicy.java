package org.anquan.supervision.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rungs of the ladder are due for an open hazard, given how many days it is overdue
 * (negative: days still left). The sweep applies the same rule in SQL; this is its statement.
 */
final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /**
     * Whether a hazard that has been in the waiting status of {@code stage} for {@code waited} is due a
     * supervision notice: it has waited longer than the stage's days. The sweep's wait rule in Java.
     */
    public static boolean waitOverdue(EscalationProperties.Waits waits, Stage stage, Duration waited) {
        return waited.compareTo(Duration.ofDays(waits.days(stage))) > 0;
    }

    public static List<EscalationLevel> due(EscalationProperties.Thresholds t, long daysOverdue) {
        List<EscalationLevel> due = new ArrayList<>();
        if (t.reminderDaysBefore() > 0 && daysOverdue <= 0 && daysOverdue >= -t.reminderDaysBefore()) {
            due.add(EscalationLevel.REMINDER);
        }
        for (EscalationLevel level : List.of(EscalationLevel.NOTICE, EscalationLevel.LISTED, EscalationLevel.INTERVIEW,
                EscalationLevel.DISCIPLINE)) {
            if (daysOverdue > t.afterDays(level)) {
                due.add(level);
            }
        }
        return due;
    }
}
