package org.anquan.supervision.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the ladder per hazard grade, in days relative to the rectification deadline.
 * Cities tune them; defaults are in application.yml.
 */
@ConfigurationProperties("anquan.supervision.escalation")
public record EscalationProperties(Thresholds general, Thresholds major, int noticeAnswerDays) {

    /**
     * @param reminderDaysBefore a reminder this many days before the deadline (0 = none)
     * @param noticeAfterDays    a supervision notice once overdue by more than this many days
     * @param listedAfterDays    listed supervision once overdue by more than this
     * @param interviewAfterDays a proposal to interview the officials once overdue by more than this
     * @param disciplineAfterDays transfer to discipline inspection once overdue by more than this
     */
    public record Thresholds(int reminderDaysBefore, int noticeAfterDays, int listedAfterDays, int interviewAfterDays,
                             int disciplineAfterDays) {

        public Thresholds {
            if (!(noticeAfterDays <= listedAfterDays && listedAfterDays <= interviewAfterDays
                    && interviewAfterDays <= disciplineAfterDays) || noticeAfterDays < 0 || reminderDaysBefore < 0) {
                throw new IllegalArgumentException("escalation thresholds must climb: notice <= listed <= interview <= discipline");
            }
        }

        /** Days overdue beyond which the level is due; for the reminder, minus the days before. */
        public int afterDays(EscalationLevel level) {
            return switch (level) {
                case REMINDER -> -reminderDaysBefore;
                case NOTICE -> noticeAfterDays;
                case LISTED -> listedAfterDays;
                case INTERVIEW -> interviewAfterDays;
                case DISCIPLINE -> disciplineAfterDays;
            };
        }
    }

    public Thresholds of(String grade) {
        return "MAJOR".equals(grade) ? major : general;
    }
}
