package org.anquan.directory.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.anquan.directory.enterprises.CreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(nullValues = "VALID", value = {
            // published codes of real organisations
            "91350100M000100Y43, VALID",
            "91110000600037341L, VALID",
            "91440300708461136T, VALID",
            // one character changed: the check character no longer matches
            "91350100M000100Y44, CHECK_DIGIT",
            "91110000600037341K, CHECK_DIGIT",
            "91440300708461137T, CHECK_DIGIT",
            // I, O, S, V and Z are never used; lower case is not the code
            "91350100M000100I43, CHARACTER",
            "91350100O000100Y43, CHARACTER",
            "91350100m000100y43, CHARACTER",
            // wrong length
            "91350100M000100Y4, LENGTH",
            "91350100M000100Y433, LENGTH",
            // a right check character on an impossible structure
            "000000000000000000, AUTHORITY",
            "B1350100M000100Y41, AUTHORITY",
            "94350100M000100Y4R, TYPE",
            "91990100M000100Y4U, DIVISION",
            "9135A100M000100Y4Y, DIVISION",
            "91350100M000100Y56, ORGANISATION_CODE",
    })
    void aCodeIsValidOnlyWithItsCheckCharacter(String code, Problem expected) {
        assertThat(CreditCode.problem(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y4, 3", "91110000600037341, L", "91440300708461136, T"})
    void theCheckCharacterIsComputedFromTheFirstSeventeen(String first17, char check) {
        assertThat(CreditCode.checkChar(first17)).isEqualTo(check);
    }

    @ParameterizedTest
    @CsvSource({"' 91350100m000100y43 ', 91350100M000100Y43"})
    void normalisingTrimsAndUpperCases(String typed, String normalised) {
        assertThat(CreditCode.normalize(typed)).isEqualTo(normalised);
        assertThat(CreditCode.isValid(CreditCode.normalize(typed))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''"})
    void nothingIsNotACode(String code) {
        assertThat(CreditCode.problem(code)).isEqualTo(Problem.LENGTH);
    }

    @ParameterizedTest
    @CsvSource({"M000100Y, 4", "60003734, 1", "70846113, 6"})
    void theOrganisationCodesCheckCharacterIsComputedFromItsFirstEight(String body8, char check) {
        assertThat(CreditCode.organisationCheckChar(body8)).isEqualTo(check);
    }

    @Test
    void aDeployingCitysOwnDivisionsAreAcceptedBesideTheProvinces() {
        String body = "12345678";
        String first17 = "91990121" + body + CreditCode.organisationCheckChar(body);
        String code = first17 + CreditCode.checkChar(first17);
        assertThat(CreditCode.problem(code)).isEqualTo(Problem.DIVISION);
        assertThat(CreditCode.problem(code, Set.of("99"))).isNull();
    }
}
