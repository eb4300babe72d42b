package org.anquan.platform.security;

import org.anquan.shared.BusinessException;

/** Passwords of at least 10 characters drawn from at least 3 of: lower, upper, digit, symbol. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

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

    public static void check(String password) {
        if (!acceptable(password)) {
            throw new BusinessException("password.policy", MIN_LENGTH);
        }
    }
}
