package org.anquan.traffic.wim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Over-limit (超限) under MoT Order 2016-62, as a named policy. A vehicle is over the size limits when its
 * height, width or length is strictly above them; over the mass limit when its gross mass is strictly above
 * the limit plus the enforcement tolerance. The limit is the gross limit of its configuration (axles, rigid or
 * combination, for six axles or more whether the tractor drives on one axle), 3,000 kg lower for each axle —
 * not the steering axle, not a drive axle — that runs on a single tyre per side (a standard wide tyre is not
 * single), and never above the sum of the axles' permitted loads. Each step of that is returned, so a
 * judgment can be read line by line.
 */
final class OverLimitPolicy {

    public enum Tyres { SINGLE, DUAL, WIDE }

    public record Axle(int weightKg, Tyres tyres, boolean drive) {
    }

    public record Vehicle(List<Axle> axles, boolean combination, int grossKg, double lengthM, double widthM, double heightM) {
    }

    /** A row of the gross-limit table; {@code combination} and {@code singleDrive} null match either. */
    public record GrossLimit(String ruleCode, int axles, Boolean combination, Boolean singleDrive, int limitKg) {
    }

    /** The limits as configured: the gross-limit table, the permitted axle loads, the size limits and the tolerance. */
    public record Limits(List<GrossLimit> gross, Map<Tyres, int[]> axleLoads, double maxLengthM, double maxWidthM, double maxHeightM,
                         BigDecimal tolerancePercent) {
        /** The permitted load of an axle by its tyres and whether it drives. */
        public int axleLoad(Axle a) {
            return axleLoads.get(a.tyres())[a.drive() ? 1 : 0];
        }
    }

    public record Judgment(String ruleCode, int tableLimitKg, int singleTyreAxles, int axleSumKg, int limitKg, int toleranceKg,
                           boolean overLimit, int overloadKg, BigDecimal overloadRate, List<String> oversize) {
        public boolean overSize() {
            return !oversize.isEmpty();
        }
    }

    public static final int SINGLE_TYRE_REDUCTION_KG = 3_000;

    /** Order 62 Art. 3 exemptions: judged by the licence's gross mass, or not over-limit by mass at all. */
    public enum ExemptionReason { LICENCE_MASS, REFRIGERATED, COMBINATION, AIR_SUSPENSION, SPECIAL_WORK }

    /** An exemption in force for a vehicle: the reason and, for {@code LICENCE_MASS}, the licence's gross mass. */
    public record Exemption(ExemptionReason reason, Integer licenceGrossKg) {
    }

    private OverLimitPolicy() {
    }

    /**
     * The judgment with an exemption applied: under {@code LICENCE_MASS} the limit is the licence's gross mass
     * (rule {@code LICENCE_MASS}, tolerance on it); under the others the vehicle is not over-limit by its mass
     * (rule {@code EXEMPT_<reason>}, overload 0), while its sizes are judged as before.
     */
    public static Judgment judge(Vehicle v, Limits limits, Exemption exemption) {
        Judgment j = judge(v, limits);
        if (exemption == null) {
            return j;
        }
        if (exemption.reason() == ExemptionReason.LICENCE_MASS) {
            int limit = exemption.licenceGrossKg();
            int tolerance = limits.tolerancePercent().multiply(BigDecimal.valueOf(limit)).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                    .intValue();
            BigDecimal rate = BigDecimal.valueOf(v.grossKg() - limit).divide(BigDecimal.valueOf(limit), 4, RoundingMode.HALF_UP);
            return new Judgment(ExemptionReason.LICENCE_MASS.name(), limit, 0, j.axleSumKg(), limit, tolerance, v.grossKg() > limit + tolerance,
                    Math.max(0, v.grossKg() - limit), rate.signum() < 0 ? BigDecimal.ZERO.setScale(4) : rate, j.oversize());
        }
        return new Judgment("EXEMPT_" + exemption.reason().name(), j.tableLimitKg(), j.singleTyreAxles(), j.axleSumKg(), j.limitKg(), j.toleranceKg(),
                false, 0, BigDecimal.ZERO.setScale(4), j.oversize());
    }

    public static Judgment judge(Vehicle v, Limits limits) {
        int n = v.axles().size();
        if (n < 2) {
            throw new IllegalArgumentException("a vehicle has at least two axles");
        }
        long drives = v.axles().stream().filter(Axle::drive).count();
        GrossLimit row = limits.gross().stream()
                .filter(g -> g.axles() == Math.min(n, 6))
                .filter(g -> g.combination() == null || g.combination() == v.combination())
                .filter(g -> g.singleDrive() == null || g.singleDrive() == (drives == 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no gross limit configured for " + n + " axles"));
        int singles = 0;
        for (int i = 1; i < n; i++) {
            Axle a = v.axles().get(i);
            if (!a.drive() && a.tyres() == Tyres.SINGLE) {
                singles++;
            }
        }
        int axleSum = v.axles().stream().mapToInt(limits::axleLoad).sum();
        int limit = Math.min(row.limitKg() - singles * SINGLE_TYRE_REDUCTION_KG, axleSum);
        int tolerance = limits.tolerancePercent().multiply(BigDecimal.valueOf(limit)).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .intValue();
        boolean over = v.grossKg() > limit + tolerance;
        int overload = Math.max(0, v.grossKg() - limit);
        BigDecimal rate = BigDecimal.valueOf(v.grossKg() - limit).divide(BigDecimal.valueOf(limit), 4, RoundingMode.HALF_UP);
        List<String> oversize = new ArrayList<>();
        if (v.heightM() > limits.maxHeightM()) {
            oversize.add("HEIGHT");
        }
        if (v.widthM() > limits.maxWidthM()) {
            oversize.add("WIDTH");
        }
        if (v.lengthM() > limits.maxLengthM()) {
            oversize.add("LENGTH");
        }
        return new Judgment(row.ruleCode(), row.limitKg(), singles, axleSum, limit, tolerance, over, overload,
                rate.signum() < 0 ? BigDecimal.ZERO.setScale(4) : rate, List.copyOf(oversize));
    }
}
