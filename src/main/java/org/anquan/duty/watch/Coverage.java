package org.anquan.duty.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Twenty-four-hour duty (24小时值班): over the roster's whole period every moment has a duty leader and a duty
 * officer. Given the period and each role's shifts, names the stretches nobody covers.
 */
final class Coverage {

    public record Interval(Instant from, Instant to) {
    }

    private Coverage() {
    }

    /** The stretches of [from, to) no shift covers, in order; empty when covered. */
    public static List<Interval> gaps(Instant from, Instant to, List<Interval> shifts) {
        List<Interval> sorted = new ArrayList<>(shifts);
        sorted.sort(Comparator.comparing(Interval::from));
        List<Interval> gaps = new ArrayList<>();
        Instant covered = from;
        for (Interval s : sorted) {
            if (!s.to().isAfter(covered)) {
                continue;
            }
            if (s.from().isAfter(covered)) {
                gaps.add(new Interval(covered, s.from().isBefore(to) ? s.from() : to));
                if (!s.from().isBefore(to)) {
                    return gaps;
                }
            }
            if (s.to().isAfter(covered)) {
                covered = s.to();
            }
            if (!covered.isBefore(to)) {
                return gaps;
            }
        }
        if (covered.isBefore(to)) {
            gaps.add(new Interval(covered, to));
        }
        return gaps;
    }
}
