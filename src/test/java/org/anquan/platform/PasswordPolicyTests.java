package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.platform.security.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    @ParameterizedTest(name = "{0} acceptable: {1}")
    @CsvSource({
            "Anquan@2026, true",        // four classes
            "anquan2026!, true",        // lower, digit, symbol
            "ANQUANanquan1, true",      // upper, lower, digit
            "Anquan@26, false",         // 9 characters
            "anquananquan, false",      // one class
            "anquan20262026, false",    // two classes
            "'anquan 2026', false",     // a space is no symbol: lower and digit only
    })
    void tenCharactersFromThreeClasses(String password, boolean acceptable) {
        assertThat(PasswordPolicy.acceptable(password)).isEqualTo(acceptable);
    }
}
