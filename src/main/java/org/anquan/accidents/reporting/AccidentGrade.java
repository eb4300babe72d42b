package org.anquan.accidents.reporting;

/** The grades of Order 493, lowest first: 一般, 较大, 重大, 特别重大. */
public enum AccidentGrade {
    GENERAL, LARGER, MAJOR, ESPECIALLY_MAJOR;

    public String messageKey() {
        return "accident.grade." + name();
    }

    public String tag() {
        return switch (this) {
            case GENERAL -> "tag-yellow";
            case LARGER -> "tag-orange";
            case MAJOR, ESPECIALLY_MAJOR -> "tag-red";
        };
    }
}
