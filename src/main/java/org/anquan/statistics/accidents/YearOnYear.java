package org.anquan.statistics.accidents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure against the same period of the year before (同比): risen, fallen or level, and by how many
 * percent to one decimal. When last year's figure is zero there is no percent: the change is said in
 * words (去年同期为零).
 */
record YearOnYear(long current, long previous, Direction direction, BigDecimal percent) {

    public enum Direction { RISE, FALL, FLAT }

    public static YearOnYear of(long current, long previous) {
        Direction d = current > previous ? Direction.RISE : current < previous ? Direction.FALL : Direction.FLAT;
        BigDecimal percent = previous == 0 ? null
                : BigDecimal.valueOf(Math.abs(current - previous)).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
        return new YearOnYear(current, previous, d, percent);
    }

    /** Whether last year's figure was zero, so that no percent can be given. */
    public boolean zeroBase() {
        return previous == 0;
    }
}
