package org.anquan.supervision.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rungs of the ladder are due for an open hazard, given how many days it is overdue
 * (negative: days still left). The sweep applies the same rule in SQL; this is its statement.
 */
public final class EscalationPolicy {

    private EscalationPolicy() {
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
