package org.anquan.directory.enterprises;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    public enum Problem { LENGTH, CHARACTER, CHECK_DIGIT, AUTHORITY, TYPE, DIVISION, ORGANISATION_CODE }

    /**
     * The organisation types each registration authority assigns (GB 32100-2015, table 1):
     * 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (market
     * regulation: 1 企业, 2 个体工商户, 3 农民专业合作社), A 中央军委改革和编制办公室, N 农业, Y 其他.
     */
    private static final Map<Character, String> TYPES = Map.ofEntries(
            Map.entry('1', "1239"), Map.entry('2', "19"), Map.entry('3', "123459"),
            Map.entry('4', "19"), Map.entry('5', "1239"), Map.entry('6', "129"),
            Map.entry('7', "129"), Map.entry('8', "19"), Map.entry('9', "123"),
            Map.entry('A', "19"), Map.entry('N', "1239"), Map.entry('Y', "1"));

    /** The province-level divisions of GB/T 2260 that begin an administrative division code. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Null when the code is valid, otherwise what is wrong with it (divisions of China's provinces only). */
    public static Problem problem(String code) {
        return problem(code, Set.of());
    }

    /**
     * Null when the code is valid, otherwise the first thing wrong with it: its length, a character,
     * the check character, then its structure — the registration authority, the organisation type
     * that authority assigns, the six-digit administrative division (beginning with a province, or
     * with one of {@code ownDivisions}, the two-digit prefixes of the deploying city's own codes) and
     * the check character of the nine-character organisation code (GB 11714).
     */
    public static Problem problem(String code, Set<String> ownDivisions) {
        Problem form = formProblem(code);
        if (form != null) {
            return form;
        }
        String types = TYPES.get(code.charAt(0));
        if (types == null) {
            return Problem.AUTHORITY;
        }
        if (types.indexOf(code.charAt(1)) < 0) {
            return Problem.TYPE;
        }
        String division = code.substring(2, 8);
        if (!division.chars().allMatch(Character::isDigit)
                || !(PROVINCES.contains(division.substring(0, 2)) || ownDivisions.contains(division.substring(0, 2)))) {
            return Problem.DIVISION;
        }
        return organisationCheckChar(code.substring(8, 16)) == code.charAt(16) ? null : Problem.ORGANISATION_CODE;
    }

    /** Length, characters and check character only: enough to tell that a search term is meant as a code. */
    public static boolean wellFormed(String code) {
        return formProblem(code) == null;
    }

    private static Problem formProblem(String code) {
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

    /** The check character of an organisation code's first eight characters (GB 11714: modulo 11, X for 10). */
    public static char organisationCheckChar(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("need 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** Upper-cases and trims what a person typed; full-width characters are not accepted. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
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
