package org.anquan.directory.domain;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: registration
 * authority, organisation type, 6-digit administrative division, 9-character organisation code and
 * a check character computed modulo 31 over the first 17.
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public enum Problem { LENGTH, CHARACTER, CHECK_DIGIT }

    /** Null when the code is valid, otherwise what is wrong with it. */
    public static Problem problem(String code) {
        if (code == null || code.length() != 18) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Problem.CHARACTER;
            }
        }
        return checkChar(code.substring(0, 17)) == code.charAt(17) ? null : Problem.CHECK_DIGIT;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** Upper-cases and trims what a person typed; full-width characters are not accepted. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The check character for the first 17 characters. */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
