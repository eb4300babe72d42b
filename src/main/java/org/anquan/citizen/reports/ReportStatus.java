package org.anquan.citizen.reports;

import java.util.EnumSet;
import java.util.Set;
import org.anquan.shared.BusinessException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a citizen's report stands. It waits for moderation ({@code PENDING}); the handler accepts it
 * ({@code OPEN}), rejects it as spam, abuse or out of area ({@code REJECTED}), merges it into an earlier
 * report of the same thing ({@code MERGED}), turns it into a hazard ({@code HAZARD}, closed when the
 * hazard is) or a crackdown clue ({@code CLUE}), and closes it with a public reply ({@code CLOSED}).
 */
enum ReportStatus {
    PENDING, REJECTED, OPEN, HAZARD, CLUE, MERGED, CLOSED;

    public enum Step { ACCEPT, REJECT, MERGE, HAZARD, CLUE, CLOSE }

    /** The status a step leads to from this one, or a refusal in words. */
    public ReportStatus after(Step step) {
        Set<ReportStatus> from = switch (step) {
            case ACCEPT, REJECT -> EnumSet.of(PENDING);
            case MERGE, HAZARD, CLUE -> EnumSet.of(PENDING, OPEN);
            case CLOSE -> EnumSet.of(OPEN, CLUE);
        };
        if (!from.contains(this)) {
            throw new BusinessException("citizen.step.refused", new DefaultMessageSourceResolvable("citizen.status." + name()),
                    new DefaultMessageSourceResolvable("citizen.step." + step.name()));
        }
        return switch (step) {
            case ACCEPT -> OPEN;
            case REJECT -> REJECTED;
            case MERGE -> MERGED;
            case HAZARD -> HAZARD;
            case CLUE -> CLUE;
            case CLOSE -> CLOSED;
        };
    }

    /** Shown to the public and through Open311 once moderated. */
    public boolean visible() {
        return this != PENDING && this != REJECTED;
    }

    /** Open311's two statuses. */
    public String open311() {
        return this == CLOSED || this == REJECTED ? "closed" : "open";
    }
}
