package org.anquan.accidents.reporting;

import java.util.Comparator;
import java.util.List;

/**
 * Order 493's grading: the highest grade that any of deaths (missing persons counted with them),
 * serious injuries (acute poisoning included) and direct economic loss reaches; each grade's lower
 * bound is inclusive (以上) and the next grade's bound exclusive (以下). The thresholds are a table.
 */
final class AccidentGrading {

    /** One grade's lower bounds: the grade is reached when any measure is at or above its bound. */
    public record Threshold(AccidentGrade grade, int minDeaths, int minSerious, long minLossYuan) {
    }

    private final List<Threshold> thresholds;

    public AccidentGrading(List<Threshold> thresholds) {
        if (thresholds.stream().map(Threshold::grade).distinct().count() != AccidentGrade.values().length) {
            throw new IllegalArgumentException("a threshold for every grade is needed");
        }
        this.thresholds = thresholds.stream().sorted(Comparator.comparing(Threshold::grade).reversed()).toList();
    }

    public AccidentGrade grade(int deaths, int missing, int seriousInjuries, long directLossYuan) {
        int dead = deaths + missing;
        for (Threshold t : thresholds) {
            if (dead >= t.minDeaths() && t.minDeaths() > 0 || seriousInjuries >= t.minSerious() && t.minSerious() > 0
                    || directLossYuan >= t.minLossYuan() && t.minLossYuan() > 0) {
                return t.grade();
            }
        }
        return AccidentGrade.GENERAL;
    }
}
