package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.platform.security.PasswordPolicy;
import org.anquan.shared.BusinessException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "{0} is common: {1}")
    @CsvSource({
            "Password123, true",        // the classic, three classes and eleven characters
            "P@ssw0rd2026!, true",      // the same word behind letter substitutions
            "2026Qwerty!!, true",       // a keyboard walk between digits and symbols
            "Woaini@1314, true",        // pinyin favourites count too
            "Anquan@2026, false",       // the demo password: a word with a year, not on the list
            "Correct#Horse9, false",
    })
    void commonPasswordsAndTheirDressedUpFormsAreRefused(String password, boolean common) {
        assertThat(PasswordPolicy.common(password)).isEqualTo(common);
    }

    @Test
    void aPasswordContainingTheUserNameOrTheDisplayNameIsRefusedWithItsOwnMessage() {
        Assertions.assertThatThrownBy(() -> PasswordPolicy.check("Zhangwei#2026x", "zhangwei", "张伟"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.contains.name"));
        Assertions.assertThatThrownBy(() -> PasswordPolicy.check("Password123", "someone", "某人"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.common"));
        PasswordPolicy.check("Correct#Horse9", "zhangwei", "张伟");
    }
}
