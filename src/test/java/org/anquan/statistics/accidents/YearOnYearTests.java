package org.anquan.statistics.accidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 同比 as officials write it: up or down by a percent to one decimal, level, or no percent on a zero base. */
class YearOnYearTests {

    @ParameterizedTest(name = "{0} against {1}: {2} {3}")
    @CsvSource({"12, 10, RISE, 20.0", "2, 3, FALL, 33.3", "7, 7, FLAT, 0.0", "1, 3, FALL, 66.7", "1000, 999, RISE, 0.1",
            "5, 0, RISE, ", "0, 0, FLAT, "})
    void theChangeAndItsPercent(long current, long previous, YearOnYear.Direction direction, String percent) {
        YearOnYear y = YearOnYear.of(current, previous);
        assertThat(y.direction()).isEqualTo(direction);
        if (percent == null) {
            assertThat(y.zeroBase()).isTrue();
            assertThat(y.percent()).isNull();
        } else {
            assertThat(y.percent().toPlainString()).isEqualTo(percent);
        }
    }
}
