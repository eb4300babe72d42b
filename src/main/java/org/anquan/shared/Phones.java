package org.anquan.shared;

import java.util.regex.Pattern;

/** A phone number as people write it: 5 to 32 digits, spaces, +, - and brackets (a landline with its area code, a mobile, an extension). */
public final class Phones {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{5,32}");

    private Phones() {
    }

    /** Whether the text, trimmed, is one. */
    public static boolean valid(String text) {
        return text != null && PHONE.matcher(text.strip()).matches();
    }
}
