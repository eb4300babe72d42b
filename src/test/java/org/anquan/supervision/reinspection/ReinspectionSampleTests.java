package org.anquan.supervision.reinspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReinspectionSampleTests {

    static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).map(i -> i * 7).boxed().toList();
    }

    @ParameterizedTest(name = "{0} closed at share {1} → {2} drawn")
    @CsvSource({"0, 0.1, 0", "1, 0.1, 1", "9, 0.1, 1", "10, 0.1, 1", "11, 0.1, 2", "100, 0.1, 10", "101, 0.1, 11",
            "40, 0.25, 10", "3, 1.0, 3"})
    void theShareIsRoundedUp(int population, double share, int drawn) {
        assertThat(ReinspectionSample.size(population, share)).isEqualTo(drawn);
        assertThat(ReinspectionSample.draw(ids(population), share, 42L)).hasSize(drawn);
    }

    @Test
    void theSameSeedDrawsTheSameHazardsWhateverTheOrderGiven() {
        List<Long> population = ids(200);
        List<Long> reversed = new ArrayList<>(population);
        Collections.reverse(reversed);
        assertThat(ReinspectionSample.draw(population, 0.1, 20261128L))
                .isEqualTo(ReinspectionSample.draw(reversed, 0.1, 20261128L))
                .isSorted()
                .doesNotHaveDuplicates()
                .allMatch(population::contains);
    }

    @Test
    void anotherSeedDrawsOthers() {
        assertThat(ReinspectionSample.draw(ids(200), 0.1, 1L)).isNotEqualTo(ReinspectionSample.draw(ids(200), 0.1, 2L));
    }
}
