package org.anquan.traffic.wim;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The limits the application reads from its tables and settings are the ones the policy's table of cases is written against. */
@IntegrationTest
class OverLimitLimitsTests {

    @Autowired OverLimitLimits limits;

    @Test
    void theConfiguredLimitsAreOrder62s() {
        var current = limits.current();
        assertThat(current.gross()).containsExactlyInAnyOrderElementsOf(OverLimitPolicyTests.LIMITS.gross());
        for (var t : OverLimitPolicy.Tyres.values()) {
            assertThat(current.axleLoads().get(t)).as(t.name()).containsExactly(OverLimitPolicyTests.LIMITS.axleLoads().get(t));
        }
        assertThat(current.maxLengthM()).isEqualTo(18.1);
        assertThat(current.maxWidthM()).isEqualTo(2.55);
        assertThat(current.maxHeightM()).isEqualTo(4.0);
        assertThat(current.tolerancePercent()).isEqualByComparingTo("0");
    }
}
