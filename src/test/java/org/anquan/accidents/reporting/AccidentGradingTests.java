package org.anquan.accidents.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Order 493, article 3, at every bound of the table: each measure alone, then together. */
class AccidentGradingTests {

    /** The table as the migration seeds it. */
    static final AccidentGrading ORDER_493 = new AccidentGrading(List.of(
            new AccidentGrading.Threshold(AccidentGrade.GENERAL, 0, 0, 0),
            new AccidentGrading.Threshold(AccidentGrade.LARGER, 3, 10, 10_000_000),
            new AccidentGrading.Threshold(AccidentGrade.MAJOR, 10, 50, 50_000_000),
            new AccidentGrading.Threshold(AccidentGrade.ESPECIALLY_MAJOR, 30, 100, 100_000_000)));

    @ParameterizedTest(name = "{0} dead, {1} missing, {2} seriously injured, {3} yuan: {4}")
    @CsvSource({
            // deaths alone: 以上 includes the bound, 以下 excludes the next
            "0, 0, 0, 0, GENERAL", "2, 0, 0, 0, GENERAL", "3, 0, 0, 0, LARGER", "9, 0, 0, 0, LARGER",
            "10, 0, 0, 0, MAJOR", "29, 0, 0, 0, MAJOR", "30, 0, 0, 0, ESPECIALLY_MAJOR",
            // the missing count with the dead
            "2, 1, 0, 0, LARGER", "0, 10, 0, 0, MAJOR", "20, 10, 0, 0, ESPECIALLY_MAJOR",
            // serious injuries alone
            "0, 0, 9, 0, GENERAL", "0, 0, 10, 0, LARGER", "0, 0, 49, 0, LARGER", "0, 0, 50, 0, MAJOR",
            "0, 0, 99, 0, MAJOR", "0, 0, 100, 0, ESPECIALLY_MAJOR",
            // direct loss alone
            "0, 0, 0, 9999999, GENERAL", "0, 0, 0, 10000000, LARGER", "0, 0, 0, 49999999, LARGER",
            "0, 0, 0, 50000000, MAJOR", "0, 0, 0, 99999999, MAJOR", "0, 0, 0, 100000000, ESPECIALLY_MAJOR",
            // together: the highest any measure reaches
            "2, 0, 9, 9999999, GENERAL", "3, 0, 9, 60000000, MAJOR", "1, 0, 120, 0, ESPECIALLY_MAJOR",
            "12, 0, 12, 12000000, MAJOR", "9, 0, 49, 49999999, LARGER"})
    void theGradeIsTheHighestAnyMeasureReaches(int deaths, int missing, int serious, long loss, AccidentGrade expected) {
        assertThat(ORDER_493.grade(deaths, missing, serious, loss)).isEqualTo(expected);
    }
}
