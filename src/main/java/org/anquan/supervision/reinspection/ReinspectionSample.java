package org.anquan.supervision.reinspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The 回头看 draw: from the closed hazards of a county and month, in id order, a share chosen at
 * random. The seed is stored with the draw, so anyone can repeat it and get the same hazards.
 */
final class ReinspectionSample {

    private ReinspectionSample() {
    }

    /** How many to draw: the share of the population rounded up, at least one when there is any. */
    public static int size(int population, double share) {
        if (population == 0 || share <= 0) {
            return 0;
        }
        return (int) Math.min(population, Math.ceil(population * share - 1e-9));
    }

    public static List<Long> draw(List<Long> population, double share, long seed) {
        List<Long> ordered = new ArrayList<>(population);
        Collections.sort(ordered);
        Collections.shuffle(ordered, new Random(seed));
        List<Long> sample = new ArrayList<>(ordered.subList(0, size(ordered.size(), share)));
        Collections.sort(sample);
        return sample;
    }
}
