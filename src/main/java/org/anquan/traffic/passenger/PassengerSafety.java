package org.anquan.traffic.passenger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.CityTime;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.traffic.common.CountyCheck;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 两客一危: the operators of tourist charter buses, scheduled passenger buses and dangerous goods vehicles, their
 * vehicles with positioning terminals (fitted, online within {@code anquan.traffic.passenger.terminal-online}),
 * their drivers and violations. A named policy lists serious violators on the public credit list for
 * {@code listed-months}: drunk driving at once, or {@code serious-violations} serious violations (illegal
 * carrying, speeding, fatigue) within twelve months; each listing names the violations that raised it.
 */
@Service
public class PassengerSafety {

    public static final List<String> OPERATOR_KINDS = List.of("TOURIST_CHARTER", "SCHEDULED_PASSENGER", "DANGEROUS_GOODS");
    public static final List<String> VIOLATIONS = List.of("DRUNK_DRIVING", "ILLEGAL_CARRYING", "SPEEDING", "FATIGUE", "TERMINAL_OFFLINE");
    static final List<String> SERIOUS = List.of("ILLEGAL_CARRYING", "SPEEDING", "FATIGUE");
    public static final List<String> SOURCES = List.of("POLICE", "TERMINAL", "INSPECTION");
    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("o.county_id").enterprise("o.enterprise_id");

    public record OperatorRow(long id, String name, String kind, String registeredPlace, Long countyId, int vehicles, int fitted, int online) {
        /** Terminals online among the vehicles, in percent; null without vehicles. */
        public Double onlineRate() {
            return vehicles == 0 ? null : 100.0 * online / vehicles;
        }
    }

    public record DriverRow(long id, String name, String certificateNo, String operatorName, int violations, boolean listed) {
    }

    public record Penalty(long id, String driverName, String certificateNo, String operatorName, String ruleCode, LocalDate listedOn,
                          LocalDate listedUntil, int violations) {
        /** The name as the public list shows it: the family name and a mark for each other character. */
        public String maskedName() {
            return driverName.isEmpty() ? "" : driverName.charAt(0) + "*".repeat(Math.max(1, driverName.length() - 1));
        }

        /** The certificate number as the public list shows it: its first four and last two characters. */
        public String maskedCertificate() {
            return certificateNo.length() <= 6 ? "******" : certificateNo.substring(0, 4) + "*".repeat(certificateNo.length() - 6)
                    + certificateNo.substring(certificateNo.length() - 2);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final CountyCheck counties;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    PassengerSafety(JdbcClient jdbc, Directory directory, ScopeFilter scopes, CountyCheck counties, AuditTrail audit, TrafficProperties props, Clock clock) {
        this.counties = counties;
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    public long addOperator(String name, String kind, String registeredPlace, String authority, Integer fleetSize, Long countyId, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Inputs.text(name, 120, "name", true, errors);
        String place = Inputs.text(registeredPlace, 100, "registeredPlace", true, errors);
        String auth = Inputs.text(authority, 100, "authority", true, errors);
        if (!OPERATOR_KINDS.contains(String.valueOf(kind))) {
            errors.put("kind", "validation.required");
        }
        if (fleetSize == null || fleetSize < 0 || fleetSize > 100_000) {
            errors.put("fleetSize", "validation.range");
        }
        counties.check(countyId, RoadTransport.INDUSTRY, user, errors);
        if (n != null && jdbc.sql("SELECT COUNT(*) FROM traffic_operator WHERE name = :n").param("n", n).query(Long.class).single() > 0) {
            errors.put("name", "traffic.operator.taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_operator (name, kind, registered_place, authority, fleet_size, county_id)
                VALUES (:n, :k, :p, :a, :f, :c)""")
                .param("n", n).param("k", kind).param("p", place).param("a", auth).param("f", fleetSize).param("c", countyId).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_operator", id, kind + " " + n, null, null);
        return id;
    }

    private Map<String, Object> operator(Long id) {
        return id == null ? null : jdbc.sql("SELECT id, name, kind, registered_place FROM traffic_operator WHERE id = :id").param("id", id)
                .query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2), "kind", rs.getString(3),
                        "place", rs.getString(4))).optional().orElse(null);
    }

    @Transactional
    public void addVehicle(String plate, Long operatorId, boolean terminalFitted, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String p = RoadTransport.plateOf(plate);
        if (!RoadTransport.isPlate(p)) {
            errors.put("plate", "traffic.reading.plate.invalid");
        } else if (jdbc.sql("SELECT COUNT(*) FROM traffic_vehicle WHERE plate = :p").param("p", p).query(Long.class).single() > 0) {
            errors.put("plate", "traffic.vehicle.taken");
        }
        Map<String, Object> o = operator(operatorId);
        if (o == null || !OPERATOR_KINDS.contains(o.get("kind"))) {
            errors.put("operatorId", "traffic.operator.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                INSERT INTO traffic_vehicle (plate, plate_colour, operator_id, owner_name, registered_place, kind, terminal_fitted)
                VALUES (:p, :colour, :o, :owner, :place, :kind, :fitted)""")
                .param("p", p).param("colour", "DANGEROUS_GOODS".equals(o.get("kind")) ? "YELLOW" : "BLUE").param("o", operatorId)
                .param("owner", o.get("name")).param("place", o.get("place")).param("kind", o.get("kind")).param("fitted", terminalFitted).update();
        audit.record("CREATE", "traffic_vehicle", p, o.get("name") + (terminalFitted ? " (terminal)" : ""), null, null);
    }

    /** A position from a vehicle's terminal: the vehicle is online from then for the configured time. */
    @Transactional
    public boolean position(String plate, OffsetDateTime at) {
        return jdbc.sql("UPDATE traffic_vehicle SET terminal_seen_at = :at WHERE plate = :p AND terminal_fitted = TRUE"
                + " AND (terminal_seen_at IS NULL OR terminal_seen_at < :at)").param("at", at).param("p", plate).update() > 0;
    }

    @Transactional
    public long addDriver(String name, String certificateNo, Long operatorId, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Inputs.text(name, 60, "name", true, errors);
        String cert = certificateNo == null ? null : certificateNo.strip().toUpperCase(Locale.ROOT);
        if (cert == null || !cert.matches("[0-9A-Z]{8,20}")) {
            errors.put("certificateNo", "traffic.driver.certificate.invalid");
        } else if (jdbc.sql("SELECT COUNT(*) FROM traffic_driver WHERE certificate_no = :c").param("c", cert).query(Long.class).single() > 0) {
            errors.put("certificateNo", "traffic.driver.taken");
        }
        Map<String, Object> o = operator(operatorId);
        if (o == null || !OPERATOR_KINDS.contains(o.get("kind"))) {
            errors.put("operatorId", "traffic.operator.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO traffic_driver (name, certificate_no, operator_id, created_by, created_at) VALUES (:n, :c, :o, :by, :at)")
                .param("n", n).param("c", cert).param("o", operatorId).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_driver", id, n, null, null);
        return id;
    }

    /** Records a violation, then lists the driver when the policy says so; returns whether the driver is now listed. */
    @Transactional
    public boolean recordViolation(Long driverId, String plate, String kind, OffsetDateTime occurredAt, String place, String source,
                                   CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (driverId == null || jdbc.sql("SELECT COUNT(*) FROM traffic_driver WHERE id = :id").param("id", driverId).query(Long.class).single() == 0) {
            errors.put("driverId", "traffic.driver.unknown");
        }
        String p = RoadTransport.plateOf(plate);
        if (!RoadTransport.isPlate(p)) {
            errors.put("plate", "traffic.reading.plate.invalid");
        }
        if (!VIOLATIONS.contains(String.valueOf(kind))) {
            errors.put("kind", "validation.required");
        }
        if (!SOURCES.contains(String.valueOf(source))) {
            errors.put("source", "validation.required");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (occurredAt == null || occurredAt.isAfter(now.plus(props.clockSkew()))) {
            errors.put("occurredAt", "traffic.reading.time.future");
        }
        String where = Inputs.text(place, 200, "place", true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_violation (driver_id, plate, kind, occurred_at, place, source, created_by, created_at)
                VALUES (:d, :p, :k, :at, :place, :s, :by, :now)""")
                .param("d", driverId).param("p", p).param("k", kind).param("at", occurredAt).param("place", where).param("s", source)
                .param("by", user.username()).param("now", now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_violation", id, kind + " " + p, null, null);
        return list(driverId, kind, id, occurredAt);
    }

    private boolean list(long driverId, String kind, long violationId, OffsetDateTime at) {
        LocalDate today = LocalDate.now(clock);
        boolean active = jdbc.sql("SELECT COUNT(*) FROM traffic_penalty WHERE driver_id = :d AND listed_until >= :t").param("d", driverId)
                .param("t", today).query(Long.class).single() > 0;
        if (active) {
            return true;
        }
        String rule = null;
        List<Long> raised = List.of(violationId);
        if ("DRUNK_DRIVING".equals(kind)) {
            rule = "DRUNK_DRIVING";
        } else if (SERIOUS.contains(kind)) {
            raised = jdbc.sql("""
                    SELECT id FROM traffic_violation WHERE driver_id = :d AND kind IN (:k) AND occurred_at >= :since ORDER BY occurred_at""")
                    .param("d", driverId).param("k", SERIOUS).param("since", CityTime.startOf(today.minusMonths(12), clock)).query(Long.class).list();
            if (raised.size() >= props.passenger().seriousViolations()) {
                rule = "REPEATED_SERIOUS";
            }
        }
        if (rule == null) {
            return false;
        }
        StringBuilder ids = new StringBuilder();
        for (Long v : raised) {
            if (ids.length() + 21 > 500) {
                break;
            }
            ids.append(ids.isEmpty() ? "" : ",").append(v);
        }
        jdbc.sql("""
                INSERT INTO traffic_penalty (driver_id, rule_code, violation_ids, listed_on, listed_until)
                VALUES (:d, :r, :v, :on, :until)""")
                .param("d", driverId).param("r", rule).param("v", ids.toString()).param("on", today)
                .param("until", today.plusMonths(props.passenger().listedMonths())).update();
        audit.record("LIST", "traffic_driver", driverId, rule, null, null);
        return true;
    }

    /** The 两客一危 operators of the scope with their vehicles, terminals fitted and online now. */
    public List<OperatorRow> operators(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        OffsetDateTime since = OffsetDateTime.now(clock).minus(props.passenger().terminalOnline());
        return jdbc.sql("""
                SELECT o.id, o.name, o.kind, o.registered_place, o.county_id,
                       (SELECT COUNT(*) FROM traffic_vehicle v WHERE v.operator_id = o.id),
                       (SELECT COUNT(*) FROM traffic_vehicle v WHERE v.operator_id = o.id AND v.terminal_fitted = TRUE),
                       (SELECT COUNT(*) FROM traffic_vehicle v WHERE v.operator_id = o.id AND v.terminal_fitted = TRUE AND v.terminal_seen_at >= :since)
                FROM traffic_operator o WHERE o.kind IN (:kinds) AND""" + " " + p.sql() + " ORDER BY o.kind, o.name")
                .params(p.params()).param("since", since).param("kinds", OPERATOR_KINDS)
                .query((rs, n) -> new OperatorRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8))).list();
    }

    public List<DriverRow> drivers() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT d.id, d.name, d.certificate_no, o.name,
                       (SELECT COUNT(*) FROM traffic_violation v WHERE v.driver_id = d.id),
                       (SELECT COUNT(*) FROM traffic_penalty p WHERE p.driver_id = d.id AND p.listed_until >= :t)
                FROM traffic_driver d JOIN traffic_operator o ON o.id = d.operator_id ORDER BY o.name, d.name""")
                .param("t", today)
                .query((rs, n) -> new DriverRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6) > 0))
                .list();
    }

    /** The drivers listed now: the public credit list. */
    public List<Penalty> penalties() {
        List<Penalty> out = new ArrayList<>();
        jdbc.sql("""
                SELECT p.id, d.name, d.certificate_no, o.name, p.rule_code, p.listed_on, p.listed_until, p.violation_ids
                FROM traffic_penalty p JOIN traffic_driver d ON d.id = p.driver_id JOIN traffic_operator o ON o.id = d.operator_id
                WHERE p.listed_until >= :t ORDER BY p.listed_on DESC, p.id DESC""").param("t", LocalDate.now(clock))
                .query(rs -> {
                    out.add(new Penalty(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8).split(",").length));
                });
        return out;
    }
}
