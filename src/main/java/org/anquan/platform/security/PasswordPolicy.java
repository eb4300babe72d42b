package org.anquan.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.anquan.shared.BusinessException;

/**
 * Passwords of at least 10 characters drawn from at least 3 of: lower, upper, digit, symbol; not
 * containing the account's user name or display name; and not a common password or a common stem
 * dressed up with digits and symbols ({@code security/common-passwords.txt}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    /** Names shorter than this are too common as parts of words to forbid. */
    private static final int MIN_NAME = 3;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    public static boolean acceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (char c : password.toCharArray()) {
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
            else if (!Character.isWhitespace(c)) other = true;
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return classes >= 3;
    }

    /** Whether the password is, or is built on, a password attackers try first. */
    public static boolean common(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return true;
        }
        // the word inside: digits and symbols around it removed, then letter substitutions undone
        String stem = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        StringBuilder plain = new StringBuilder();
        for (char c : stem.toCharArray()) {
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '3' -> 'e';
                case '1', '!' -> 'l';
                default -> c;
            });
        }
        return COMMON.contains(stem) || COMMON.contains(plain.toString());
    }

    /** Structure only, for a password not yet tied to an account. */
    public static void check(String password) {
        check(password, null, null);
    }

    public static void check(String password, String username, String displayName) {
        if (!acceptable(password)) {
            throw new BusinessException("password.policy", MIN_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String name : new String[] {username, displayName}) {
            if (name != null && name.strip().length() >= MIN_NAME && lower.contains(name.strip().toLowerCase(Locale.ROOT))) {
                throw new BusinessException("password.contains.name");
            }
        }
        if (common(password)) {
            throw new BusinessException("password.common");
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
