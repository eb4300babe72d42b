package org.anquan.traffic.wim;

import org.anquan.shared.BusinessException;

/**
 * Where one of a 一超四究 case's four parties stands: not yet named, identified (named, with the
 * authority that receives its notice), notified (抄告 sent, feedback due), answered. Identification may
 * be corrected until the notice goes out; the notice goes to an identified party once; the answer comes
 * once, after the notice. The case closes when its fourth party answers.
 */
enum PartyStage {
    UNIDENTIFIED, IDENTIFIED, NOTIFIED, ANSWERED;

    public enum Step { IDENTIFY, NOTIFY, ANSWER }

    /** The stage the step leads to from this one; a step out of turn is refused in words. */
    public PartyStage after(Step step) {
        return switch (step) {
            case IDENTIFY -> {
                if (this == NOTIFIED || this == ANSWERED) {
                    throw new BusinessException("traffic.party.notified");
                }
                yield IDENTIFIED;
            }
            case NOTIFY -> {
                if (this == UNIDENTIFIED) {
                    throw new BusinessException("traffic.party.unidentified");
                }
                if (this != IDENTIFIED) {
                    throw new BusinessException("traffic.party.notified");
                }
                yield NOTIFIED;
            }
            case ANSWER -> {
                if (this == ANSWERED) {
                    throw new BusinessException("traffic.party.answered");
                }
                if (this != NOTIFIED) {
                    throw new BusinessException("traffic.party.not.notified");
                }
                yield ANSWERED;
            }
        };
    }
}
