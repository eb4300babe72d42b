package org.anquan.supervision.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the ladder per hazard grade, in days relative to the rectification deadline.
 * Cities tune them; defaults are in application.yml.
 */
@ConfigurationProperties("anquan.supervision.escalation")
record EscalationProperties(Thresholds general, Thresholds major, int noticeAnswerDays, Waits waits) {

    /**
     * How many days a hazard may wait before a supervision notice is due: a report to be verified, a
     * verified hazard to be assigned, a submitted one to be accepted (each counted from the day it
     * entered that status).
     */
    public record Waits(int verifyDays, int assignDays, int acceptDays) {

        public Waits {
            if (verifyDays < 1 || assignDays < 1 || acceptDays < 1) {
                throw new IllegalArgumentException("every wait needs at least one day");
            }
        }

        public int days(Stage stage) {
            return switch (stage) {
                case VERIFY -> verifyDays;
                case ASSIGN -> assignDays;
                case ACCEPT -> acceptDays;
                case RECTIFY -> throw new IllegalArgumentException("rectification follows its deadline");
            };
        }
    }

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
