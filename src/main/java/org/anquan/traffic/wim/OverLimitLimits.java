package org.anquan.traffic.wim;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Order 62 limits as configured: the gross-limit and axle-load tables (data, editable without a release),
 * the size limits and the enforcement tolerance from {@code anquan.traffic.*}.
 */
@Component
class OverLimitLimits {

    private final JdbcClient jdbc;
    private final double maxLengthM;
    private final double maxWidthM;
    private final double maxHeightM;
    private final BigDecimal tolerancePercent;

    OverLimitLimits(JdbcClient jdbc, TrafficProperties props) {
        BigDecimal tolerancePercent = props.tolerancePercent();
        if (tolerancePercent.signum() < 0 || tolerancePercent.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalStateException("anquan.traffic.tolerance-percent lies between 0 and 10");
        }
        this.jdbc = jdbc;
        this.maxLengthM = props.maxLengthM();
        this.maxWidthM = props.maxWidthM();
        this.maxHeightM = props.maxHeightM();
        this.tolerancePercent = tolerancePercent;
    }

    /** The name of each gross-limit rule in the language asked (Chinese unless English). */
    public Map<String, String> ruleNames(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT rule_code, name_zh, name_en FROM traffic_gross_limit ORDER BY axles, rule_code")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(en ? 3 : 2));
                });
        return names;
    }

    public OverLimitPolicy.Limits current() {
        var gross = jdbc.sql("SELECT rule_code, axles, combination, single_drive, limit_kg FROM traffic_gross_limit ORDER BY axles, rule_code")
                .query((rs, n) -> new OverLimitPolicy.GrossLimit(rs.getString(1), rs.getInt(2), (Boolean) rs.getObject(3, Boolean.class),
                        (Boolean) rs.getObject(4, Boolean.class), rs.getInt(5))).list();
        Map<OverLimitPolicy.Tyres, int[]> loads = new EnumMap<>(OverLimitPolicy.Tyres.class);
        jdbc.sql("SELECT tyres, drive, limit_kg FROM traffic_axle_load").query(rs -> {
            loads.computeIfAbsent(OverLimitPolicy.Tyres.valueOf(rs.getString(1)), k -> new int[2])[rs.getBoolean(2) ? 1 : 0] = rs.getInt(3);
        });
        return new OverLimitPolicy.Limits(gross, loads, maxLengthM, maxWidthM, maxHeightM, tolerancePercent);
    }
}
