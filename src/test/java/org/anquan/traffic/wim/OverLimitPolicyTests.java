package org.anquan.traffic.wim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anquan.traffic.wim.OverLimitPolicy.Axle;
import org.anquan.traffic.wim.OverLimitPolicy.Limits;
import org.anquan.traffic.wim.OverLimitPolicy.Tyres;
import org.anquan.traffic.wim.OverLimitPolicy.Vehicle;
import org.junit.jupiter.api.Test;

/** Order 62 as a table: every configuration on each side of its limit, the single-tyre and single-drive rules, the axle sum, the sizes. */
class OverLimitPolicyTests {

    /** The limits as the migration configures them. */
    static final Limits LIMITS = new Limits(List.of(
            new OverLimitPolicy.GrossLimit("AXLES_2", 2, null, null, 18_000),
            new OverLimitPolicy.GrossLimit("TRUCK_3", 3, false, null, 25_000),
            new OverLimitPolicy.GrossLimit("COMBINATION_3", 3, true, null, 27_000),
            new OverLimitPolicy.GrossLimit("TRUCK_4", 4, false, null, 31_000),
            new OverLimitPolicy.GrossLimit("COMBINATION_4", 4, true, null, 36_000),
            new OverLimitPolicy.GrossLimit("AXLES_5", 5, null, null, 43_000),
            new OverLimitPolicy.GrossLimit("AXLES_6", 6, null, false, 49_000),
            new OverLimitPolicy.GrossLimit("AXLES_6_SINGLE_DRIVE", 6, null, true, 46_000)),
            Map.of(Tyres.SINGLE, new int[] {7_000, 7_000}, Tyres.DUAL, new int[] {10_000, 11_500}, Tyres.WIDE, new int[] {10_000, 11_500}),
            18.1, 2.55, 4.0, BigDecimal.ZERO);

    /** A vehicle of n axles: steering axle single-tyred, the second driving (and the third too when {@code drives} is 2), the rest dual. */
    static Vehicle vehicle(int n, boolean combination, int drives, int gross) {
        List<Axle> axles = new ArrayList<>();
        axles.add(new Axle(6_000, Tyres.SINGLE, false));
        for (int i = 1; i < n; i++) {
            axles.add(new Axle(9_000, Tyres.DUAL, i <= drives));
        }
        return new Vehicle(axles, combination, gross, 16.5, 2.5, 3.8);
    }

    @Test
    void everyConfigurationIsOverOnlyStrictlyAboveItsLimit() {
        Object[][] cases = {
                // axles, combination, drive axles, expected rule, expected limit
                {2, false, 1, "AXLES_2", 18_000},
                {3, false, 1, "TRUCK_3", 25_000},
                {3, true, 1, "COMBINATION_3", 27_000},
                {4, false, 2, "TRUCK_4", 31_000},
                {4, true, 1, "COMBINATION_4", 36_000},
                {5, true, 1, "AXLES_5", 43_000},
                {6, true, 2, "AXLES_6", 49_000},
                {6, true, 1, "AXLES_6_SINGLE_DRIVE", 46_000},
                {7, true, 2, "AXLES_6", 49_000},
        };
        for (Object[] c : cases) {
            int n = (int) c[0];
            int limit = (int) c[4];
            var at = OverLimitPolicy.judge(vehicle(n, (boolean) c[1], (int) c[2], limit), LIMITS);
            assertThat(at.ruleCode()).as(n + " axles").isEqualTo(c[3]);
            assertThat(at.limitKg()).as(n + " axles").isEqualTo(limit);
            assertThat(at.overLimit()).as(n + " axles at the limit").isFalse();
            var above = OverLimitPolicy.judge(vehicle(n, (boolean) c[1], (int) c[2], limit + 1), LIMITS);
            assertThat(above.overLimit()).as(n + " axles one kilogram above").isTrue();
            assertThat(above.overloadKg()).isEqualTo(1);
        }
    }

    @Test
    void aSingleTyredAxleThatNeitherSteersNorDrivesLowersTheLimitByThreeTonnes() {
        List<Axle> axles = new ArrayList<>(vehicle(6, true, 2, 0).axles());
        axles.set(4, new Axle(8_000, Tyres.SINGLE, false));
        var one = OverLimitPolicy.judge(new Vehicle(axles, true, 46_000, 16, 2.5, 3.9), LIMITS);
        assertThat(one.singleTyreAxles()).isEqualTo(1);
        assertThat(one.limitKg()).isEqualTo(46_000);
        assertThat(one.overLimit()).isFalse();
        axles.set(5, new Axle(8_000, Tyres.SINGLE, false));
        var two = OverLimitPolicy.judge(new Vehicle(axles, true, 46_000, 16, 2.5, 3.9), LIMITS);
        assertThat(two.limitKg()).isEqualTo(43_000);
        assertThat(two.overLimit()).isTrue();
        // a standard wide tyre is not a single tyre; a single-tyred drive axle and the steering axle are not part of the rule
        axles.set(4, new Axle(8_000, Tyres.WIDE, false));
        axles.set(5, new Axle(8_000, Tyres.WIDE, false));
        axles.set(1, new Axle(8_000, Tyres.SINGLE, true));
        var exempt = OverLimitPolicy.judge(new Vehicle(axles, true, 49_000, 16, 2.5, 3.9), LIMITS);
        assertThat(exempt.singleTyreAxles()).isZero();
    }

    @Test
    void theLimitNeverExceedsTheSumOfTheAxlesPermittedLoads() {
        // two single-tyred axles may carry 7,000 kg each: 14,000 kg, below the 18,000 kg of the table
        var v = new Vehicle(List.of(new Axle(7_000, Tyres.SINGLE, false), new Axle(7_500, Tyres.SINGLE, true)), false, 14_500, 6, 2.2, 3);
        var j = OverLimitPolicy.judge(v, LIMITS);
        assertThat(j.axleSumKg()).isEqualTo(14_000);
        assertThat(j.limitKg()).isEqualTo(14_000);
        assertThat(j.overLimit()).isTrue();
        assertThat(j.overloadRate()).isEqualByComparingTo("0.0357");
    }

    @Test
    void eachSizeIsOverOnlyStrictlyAboveItsLimit() {
        Object[][] cases = {{18.1, 2.55, 4.0, List.of()}, {18.11, 2.55, 4.0, List.of("LENGTH")}, {18.1, 2.56, 4.0, List.of("WIDTH")},
                {18.1, 2.55, 4.01, List.of("HEIGHT")}, {19.0, 2.6, 4.2, List.of("HEIGHT", "WIDTH", "LENGTH")}};
        for (Object[] c : cases) {
            var v = new Vehicle(vehicle(2, false, 1, 0).axles(), false, 10_000, (double) c[0], (double) c[1], (double) c[2]);
            assertThat(OverLimitPolicy.judge(v, LIMITS).oversize()).as(Arrays.toString(c)).isEqualTo(c[3]);
        }
    }

    @Test
    void theToleranceIsShownApartAndOnlyWaivesWhatItCovers() {
        var lenient = new Limits(LIMITS.gross(), LIMITS.axleLoads(), 18.1, 2.55, 4.0, new BigDecimal("5"));
        var j = OverLimitPolicy.judge(vehicle(5, true, 1, 45_000), lenient);
        assertThat(j.toleranceKg()).isEqualTo(2_150);
        assertThat(j.overloadKg()).isEqualTo(2_000);
        assertThat(j.overLimit()).as("within the tolerance").isFalse();
        assertThat(OverLimitPolicy.judge(vehicle(5, true, 1, 45_151), lenient).overLimit()).isTrue();
        assertThat(OverLimitPolicy.judge(vehicle(5, true, 1, 45_000), LIMITS).overLimit()).isTrue();
    }

    @Test
    void anExemptionJudgesByTheLicenceOrNotByMassAtAll() {
        Vehicle heavy = new Vehicle(vehicle(2, false, 1, 0).axles(), false, 6_000, 6.0, 2.0, 4.2);
        var byLicence = OverLimitPolicy.judge(heavy, LIMITS, new OverLimitPolicy.Exemption(OverLimitPolicy.ExemptionReason.LICENCE_MASS, 4_500));
        assertThat(byLicence.ruleCode()).isEqualTo("LICENCE_MASS");
        assertThat(byLicence.limitKg()).isEqualTo(4_500);
        assertThat(byLicence.overLimit()).isTrue();
        assertThat(byLicence.overloadKg()).isEqualTo(1_500);
        var atLicence = OverLimitPolicy.judge(new Vehicle(heavy.axles(), false, 4_500, 6.0, 2.0, 3.0), LIMITS,
                new OverLimitPolicy.Exemption(OverLimitPolicy.ExemptionReason.LICENCE_MASS, 4_500));
        assertThat(atLicence.overLimit()).isFalse();
        for (var reason : List.of(OverLimitPolicy.ExemptionReason.REFRIGERATED, OverLimitPolicy.ExemptionReason.COMBINATION,
                OverLimitPolicy.ExemptionReason.AIR_SUSPENSION, OverLimitPolicy.ExemptionReason.SPECIAL_WORK)) {
            var exempt = OverLimitPolicy.judge(new Vehicle(heavy.axles(), false, 30_000, 6.0, 2.0, 4.2), LIMITS,
                    new OverLimitPolicy.Exemption(reason, null));
            assertThat(exempt.ruleCode()).isEqualTo("EXEMPT_" + reason);
            assertThat(exempt.overLimit()).as(reason.name()).isFalse();
            assertThat(exempt.overloadKg()).isZero();
            assertThat(exempt.oversize()).as("its height is still judged").containsExactly("HEIGHT");
        }
        assertThat(OverLimitPolicy.judge(heavy, LIMITS, null)).isEqualTo(OverLimitPolicy.judge(heavy, LIMITS));
    }
}
