package org.anquan.traffic.wim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.CityTime;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.wim.OverLimitPolicy.ExemptionReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Order 62 Art. 3 exemptions of vehicles, each with its period and the document it rests on. */
@Service
public class Exemptions {

    public record Entry(String plate, ExemptionReason reason, Integer licenceGrossKg, LocalDate validFrom, LocalDate validTo, String basis) {
        boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Exemptions(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void add(String plate, String reason, Integer licenceGrossKg, LocalDate from, LocalDate to, String basis, CurrentUser user) {
        user.require(Permission.TRAFFIC_INTAKE);
        Map<String, String> errors = new LinkedHashMap<>();
        String p = RoadTransport.plateOf(plate);
        if (!RoadTransport.isPlate(p)) {
            errors.put("plate", "traffic.reading.plate.invalid");
        } else if (jdbc.sql("SELECT COUNT(*) FROM traffic_exemption WHERE plate = :p").param("p", p).query(Long.class).single() > 0) {
            errors.put("plate", "traffic.exemption.taken");
        }
        ExemptionReason r = null;
        try {
            r = reason == null ? null : ExemptionReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            r = null;
        }
        if (r == null) {
            errors.put("reason", "validation.required");
        } else if (r == ExemptionReason.LICENCE_MASS && (licenceGrossKg == null || licenceGrossKg < 1_000 || licenceGrossKg > 100_000)) {
            errors.put("licenceGrossKg", "traffic.exemption.licence.invalid");
        }
        if (from == null || to == null || to.isBefore(from)) {
            errors.put("validTo", "traffic.exemption.period.invalid");
        }
        String b = Inputs.text(basis, 200, "basis", true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                INSERT INTO traffic_exemption (plate, reason, licence_gross_kg, valid_from, valid_to, basis, created_by, created_at)
                VALUES (:p, :r, :kg, :from, :to, :b, :by, :at)""")
                .param("p", p).param("r", r.name()).param("kg", r == ExemptionReason.LICENCE_MASS ? licenceGrossKg : null).param("from", from)
                .param("to", to).param("b", b).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record("CREATE", "traffic_exemption", p, r + " " + from + "–" + to + " " + b, null, null);
    }

    public List<Entry> all() {
        return jdbc.sql("SELECT plate, reason, licence_gross_kg, valid_from, valid_to, basis FROM traffic_exemption ORDER BY valid_to DESC, plate")
                .query((rs, n) -> new Entry(rs.getString(1), ExemptionReason.valueOf(rs.getString(2)), (Integer) rs.getObject(3, Integer.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    /** The exemptions of these plates (one query for a batch), by plate. */
    Map<String, Entry> of(Collection<String> plates) {
        Map<String, Entry> out = new HashMap<>();
        if (plates.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT plate, reason, licence_gross_kg, valid_from, valid_to, basis FROM traffic_exemption WHERE plate IN (:p)").param("p", plates)
                .query(rs -> {
                    out.put(rs.getString(1), new Entry(rs.getString(1), ExemptionReason.valueOf(rs.getString(2)),
                            (Integer) rs.getObject(3, Integer.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            rs.getString(6)));
                });
        return out;
    }

    /** The exemption in force for the plate on the day of the time, if any, as the policy takes it. */
    OverLimitPolicy.Exemption inForce(Map<String, Entry> batch, String plate, OffsetDateTime at) {
        Entry e = batch.get(plate);
        return e == null || !e.covers(CityTime.dayOf(at, clock)) ? null : new OverLimitPolicy.Exemption(e.reason(), e.licenceGrossKg());
    }
}
