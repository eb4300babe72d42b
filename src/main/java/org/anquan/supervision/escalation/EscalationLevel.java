package org.anquan.supervision.escalation;

/** The rungs of the ladder, lowest first. */
public enum EscalationLevel {
    REMINDER(1), NOTICE(2), LISTED(3), INTERVIEW(4), DISCIPLINE(5);

    private final int rank;

    EscalationLevel(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static EscalationLevel ofRank(int rank) {
        for (EscalationLevel l : values()) {
            if (l.rank == rank) {
                return l;
            }
        }
        throw new IllegalArgumentException("no level " + rank);
    }

    public String messageKey() {
        return "escalation.level." + name();
    }

    public String tag() {
        return switch (this) {
            case REMINDER -> "tag-blue";
            case NOTICE -> "tag-yellow";
            case LISTED -> "tag-orange";
            case INTERVIEW, DISCIPLINE -> "tag-red";
        };
    }
}
