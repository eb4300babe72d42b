package org.anquan.citizen.reports;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes a citizen reads aloud or types on a phone: ten characters from an alphabet without
 * 0/O, 1/I/L (31 symbols, about 49 bits, drawn from a secure random source), so they cannot be guessed
 * or walked like a number. Input is read forgivingly: case, spaces and dashes do not matter.
 */
final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        return draw(LENGTH);
    }

    /** The Open311 token answered to a POST: longer, from the same alphabet. */
    static String nextToken() {
        return draw(20);
    }

    private static String draw(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** The code as stored, or null when the input cannot be one (then nothing is looked up). */
    public static String normalise(String input) {
        if (input == null || input.length() > 40) {
            return null;
        }
        String s = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }
}
