package org.anquan.supervision.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One step of the ladder as listed. */
record StepRow(long id, long hazardId, String hazardCode, String subject, String grade, EscalationLevel level,
                      OffsetDateTime createdAt, String createdBy, String reason, String departmentName,
                      String countyName, LocalDate hazardDeadline, LocalDate answerDeadline, String answer,
                      String answeredBy, OffsetDateTime answeredAt, StepOutcome outcomeKind, String outcome,
                      OffsetDateTime outcomeAt, String outcomeBy, int workRound, Stage stage, String noticeNumber) {

    public long daysOverdueAt(LocalDate day) {
        return ChronoUnit.DAYS.between(hazardDeadline, day);
    }

    public boolean awaitingAnswer() {
        return level == EscalationLevel.NOTICE && answer == null;
    }
}
