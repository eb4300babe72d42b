package org.anquan.accidents.investigation;

import java.util.Map;
import org.anquan.shared.InvalidInputException;

/** The checks of the free text an accident's follow-up records take: given when required, and within its column once trimmed. */
public final class Texts {

    private Texts() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The text trimmed; null when blank. */
    static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    /** A text that must be given: {@code requiredKey} when it is not, too long over {@code max}. */
    static void required(Map<String, String> errors, String field, String value, int max, String requiredKey) {
        if (blank(value)) {
            errors.put(field, requiredKey);
        } else {
            optional(errors, field, value, max);
        }
    }

    /** A text that may be left out, but not longer than {@code max}. */
    static void optional(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.put(field, "validation.too.long");
        }
    }

    /** The reason a decision must give, trimmed; refused with {@code requiredKey} when missing, or when over {@code max}. */
    public static String reason(String reason, int max, String requiredKey) {
        if (blank(reason)) {
            throw new InvalidInputException(Map.of("reason", requiredKey));
        }
        if (reason.trim().length() > max) {
            throw new InvalidInputException(Map.of("reason", "validation.too.long"));
        }
        return reason.trim();
    }
}
