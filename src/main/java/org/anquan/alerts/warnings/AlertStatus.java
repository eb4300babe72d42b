package org.anquan.alerts.warnings;

import java.util.EnumSet;
import java.util.Set;
import org.anquan.shared.BusinessException;

/**
 * Where a public warning stands, and every step it may take: a draft is submitted to a second person
 * ({@code SUBMITTED}) or withdrawn ({@code WITHDRAWN}, never published); the second person approves
 * and so publishes it ({@code PUBLISHED}); a published warning is later updated ({@code SUPERSEDED}) or
 * cancelled ({@code CANCELLED}) by a new message that references it. The names are stored as they are.
 */
enum AlertStatus {
    DRAFT, SUBMITTED, PUBLISHED, SUPERSEDED, CANCELLED, WITHDRAWN;

    public enum Step { SUBMIT, WITHDRAW, APPROVE, SUPERSEDE, CANCEL }

    /** The status the step leads to from this one; any other step is refused in words. */
    public AlertStatus after(Step step) {
        Set<AlertStatus> from = switch (step) {
            case SUBMIT -> EnumSet.of(DRAFT);
            case WITHDRAW -> EnumSet.of(DRAFT, SUBMITTED);
            case APPROVE -> EnumSet.of(SUBMITTED);
            case SUPERSEDE, CANCEL -> EnumSet.of(PUBLISHED);
        };
        if (!from.contains(this)) {
            throw new BusinessException(switch (step) {
                case SUBMIT -> "alert.not.draft";
                case WITHDRAW -> "alert.not.open";
                case APPROVE -> "alert.not.submitted";
                case SUPERSEDE, CANCEL -> "alert.reference.not.current";
            });
        }
        return switch (step) {
            case SUBMIT -> SUBMITTED;
            case WITHDRAW -> WITHDRAWN;
            case APPROVE -> PUBLISHED;
            case SUPERSEDE -> SUPERSEDED;
            case CANCEL -> CANCELLED;
        };
    }

    /** Not yet decided: a draft, or one waiting for the second person. */
    public boolean open() {
        return this == DRAFT || this == SUBMITTED;
    }
}
