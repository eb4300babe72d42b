package org.anquan.duty.watch;

import org.anquan.shared.BusinessException;

/**
 * Where a duty roster stands, and what may be done to it: a draft's shifts are added, changed and
 * removed until it covers every hour and is published; a published roster is worked — checked in,
 * handed over, swapped with approval — and its shifts are no longer edited. The names are stored as they are.
 */
enum RosterStatus {
    DRAFT, PUBLISHED;

    public enum Step {
        /** Publish the draft (its coverage checked by the roster). */
        PUBLISH,
        /** Add, change or remove a shift. */
        EDIT,
        /** Check in, hand over, ask for or decide a swap. */
        WORK
    }

    /** The status the step leaves the roster in; a step its status does not allow is refused in words. */
    public RosterStatus after(Step step) {
        return switch (step) {
            case PUBLISH -> {
                if (this != DRAFT) {
                    throw new BusinessException("duty.roster.not.draft");
                }
                yield PUBLISHED;
            }
            case EDIT -> {
                if (this != DRAFT) {
                    throw new BusinessException("duty.roster.published.swap");
                }
                yield this;
            }
            case WORK -> {
                if (this != PUBLISHED) {
                    throw new BusinessException("duty.roster.not.published");
                }
                yield this;
            }
        };
    }
}
