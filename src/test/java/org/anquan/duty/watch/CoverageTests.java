package org.anquan.duty.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.anquan.duty.watch.Coverage.Interval;
import org.junit.jupiter.api.Test;

/** 24-hour coverage as a table of cases: the stretches no shift covers, and none when covered. */
class CoverageTests {

    static final Instant DAY = Instant.parse("2026-10-01T00:00:00Z");

    static Interval h(int from, int to) {
        return new Interval(DAY.plusSeconds(from * 3600L), DAY.plusSeconds(to * 3600L));
    }

    @Test
    void theUncoveredStretchesAreNamed() {
        Object[][] cases = {
                // shifts, expected gaps (of a 24-hour day)
                {List.of(h(0, 24)), List.of()},
                {List.of(h(8, 20), h(20, 32), h(-4, 8)), List.of()},
                {List.of(h(0, 12), h(13, 24)), List.of(h(12, 13))},
                {List.of(h(1, 24)), List.of(h(0, 1))},
                {List.of(h(0, 23)), List.of(h(23, 24))},
                {List.of(), List.of(h(0, 24))},
                {List.of(h(0, 10), h(5, 12), h(12, 18), h(20, 30)), List.of(h(18, 20))},
                {List.of(h(30, 40)), List.of(h(0, 24))},
                {List.of(h(2, 4), h(6, 8)), List.of(h(0, 2), h(4, 6), h(8, 24))},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") List<Interval> shifts = (List<Interval>) c[0];
            assertThat(Coverage.gaps(h(0, 24).from(), h(0, 24).to(), shifts)).as(shifts.toString()).isEqualTo(c[1]);
        }
    }
}
