package org.anquan.traffic.water;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.Finding;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.traffic.common.CountyCheck;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Water transport and fishing vessels: vessels (kind, registry, owner, crew, positioning terminal), ferries and
 * piers, and their inspections, whose findings become hazards through the hazards facade (water transport, or
 * fishing vessels for a fishing boat). The flood-season risk list is a named policy — every vessel carrying
 * passengers and every ferry, every dangerous goods vessel, a fishing vessel without a terminal, a vessel
 * whose last inspection found something, every ferry or passenger pier — and the season's campaign shows
 * which of the configured departments (transport, agriculture, emergency management, public security) has
 * inspected each target since the season began.
 */
@Service
public class WaterSafety {

    public static final List<String> VESSEL_KINDS = List.of("PASSENGER", "FERRY", "CARGO", "DANGEROUS_GOODS", "FISHING");
    public static final List<String> PIER_KINDS = List.of("FERRY", "PASSENGER", "CARGO", "FISHING_PORT");
    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("county_id");

    public record Vessel(long id, String name, String registryNo, String kind, String portOfRegistry, String owner, int crew, int passengers,
                         boolean terminalFitted, long countyId, Long pierId) {
    }

    public record Pier(long id, String name, String kind, long countyId, String operator, GeoPoint point) {
    }

    /** A target of the flood-season list: why it is on it, and the day each campaign department last inspected it this season. */
    public record Target(String type, long id, String name, long countyId, List<String> reasons, Map<Long, LocalDate> inspectedBy) {
    }

    public record Campaign(LocalDate from, LocalDate to, List<Directory.DepartmentRef> departments, List<Target> targets) {
        /** How many targets the department has inspected this season. */
        public long covered(long departmentId) {
            return targets.stream().filter(t -> t.inspectedBy().containsKey(departmentId)).count();
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final CountyCheck counties;
    private final Hazards hazards;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    WaterSafety(JdbcClient jdbc, Directory directory, ScopeFilter scopes, CountyCheck counties, Hazards hazards, AuditTrail audit, TrafficProperties props, Clock clock) {
        this.counties = counties;
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }


    @Transactional
    public long addPier(String name, String kind, Long countyId, String operator, Double lat, Double lon, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Inputs.text(name, 120, "name", true, errors);
        String op = Inputs.text(operator, 120, "operator", true, errors);
        if (!PIER_KINDS.contains(String.valueOf(kind))) {
            errors.put("kind", "validation.required");
        }
        counties.check(countyId, "WATER_TRANSPORT", user, errors);
        GeoPoint p = directory.pointIn(lat, lon, errors.containsKey("countyId") ? null : countyId, "lat", errors);
        if (n != null && jdbc.sql("SELECT COUNT(*) FROM traffic_pier WHERE name = :n").param("n", n).query(Long.class).single() > 0) {
            errors.put("name", "traffic.pier.taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_pier (name, kind, county_id, operator, lat, lon, created_by, created_at)
                VALUES (:n, :k, :c, :o, :lat, :lon, :by, :at)""")
                .param("n", n).param("k", kind).param("c", countyId).param("o", op).param("lat", p.lat()).param("lon", p.lon())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_pier", id, n, null, null);
        return id;
    }

    @Transactional
    public long addVessel(String name, String registryNo, String kind, String port, String owner, Integer crew, Integer passengers,
                          boolean terminalFitted, Long countyId, Long pierId, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Inputs.text(name, 120, "name", true, errors);
        String registry = registryNo == null ? null : registryNo.strip().toUpperCase(Locale.ROOT);
        if (registry == null || !registry.matches("[0-9A-Z\\-]{6,30}")) {
            errors.put("registryNo", "traffic.vessel.registry.invalid");
        } else if (jdbc.sql("SELECT COUNT(*) FROM traffic_vessel WHERE registry_no = :r").param("r", registry).query(Long.class).single() > 0) {
            errors.put("registryNo", "traffic.vessel.taken");
        }
        if (!VESSEL_KINDS.contains(String.valueOf(kind))) {
            errors.put("kind", "validation.required");
        }
        String p = Inputs.text(port, 60, "portOfRegistry", true, errors);
        String o = Inputs.text(owner, 120, "owner", true, errors);
        if (crew == null || crew < 0 || crew > 500) {
            errors.put("crew", "validation.range");
        }
        if (passengers == null || passengers < 0 || passengers > 5_000 || ("FISHING".equals(kind) || "CARGO".equals(kind)) && passengers > 0) {
            errors.put("passengers", "traffic.vessel.passengers.invalid");
        }
        counties.check(countyId, "FISHING".equals(kind) ? "FISHING_VESSELS" : "WATER_TRANSPORT", user, errors);
        if (pierId != null && jdbc.sql("SELECT COUNT(*) FROM traffic_pier WHERE id = :id").param("id", pierId).query(Long.class).single() == 0) {
            errors.put("pierId", "traffic.pier.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_vessel (name, registry_no, kind, port_of_registry, owner, crew, passengers, terminal_fitted, county_id, pier_id,
                    created_by, created_at)
                VALUES (:n, :r, :k, :p, :o, :crew, :pax, :t, :c, :pier, :by, :at)""")
                .param("n", n).param("r", registry).param("k", kind).param("p", p).param("o", o).param("crew", crew).param("pax", passengers)
                .param("t", terminalFitted).param("c", countyId).param("pier", pierId).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_vessel", id, kind + " " + n + " " + registry, null, null);
        return id;
    }

    /**
     * An inspection of a vessel or a pier by a department. With findings, a hazard opens through the hazards facade
     * at the vessel or pier, its owner or operator responsible, by the deadline; without, it passed.
     */
    @Transactional
    public long inspect(String type, long targetId, Long departmentId, LocalDate on, String inspector, String findings, LocalDate deadline,
                        CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        boolean vessel = "vessel".equals(type);
        if (!vessel && !"pier".equals(type)) {
            throw new NotFoundException("traffic", type);
        }
        ScopeFilter.Predicate scope = scopes.act(user.scope(), COLUMNS);
        Object[] target = jdbc.sql(vessel
                        ? "SELECT county_id, name || ' ' || registry_no, owner, kind FROM traffic_vessel WHERE id = :id AND " + scope.sql()
                        : "SELECT county_id, name, operator, kind FROM traffic_pier WHERE id = :id AND " + scope.sql())
                .params(scope.params()).param("id", targetId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).optional()
                .orElseThrow(() -> new NotFoundException(vessel ? "traffic_vessel" : "traffic_pier", targetId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (departmentId == null || directory.department(departmentId).isEmpty()) {
            errors.put("departmentId", "validation.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (on == null || on.isAfter(today)) {
            errors.put("inspectedOn", "traffic.seizure.date.invalid");
        }
        String who = Inputs.text(inspector, 60, "inspector", true, errors);
        String found = Inputs.text(findings, 2000, "findings", false, errors);
        Finding finding = found == null ? null : Finding.inspection(null, (String) target[1], (Long) target[0],
                "FISHING".equals(target[3]) ? "FISHING_VESSELS" : "WATER_TRANSPORT", found, deadline, (String) target[2],
                vessel ? "vessel inspection" : "pier inspection");
        if (finding != null) {
            // the hazard's own fields are checked with the inspection's, so that every error shows at once
            finding.problems().forEach((field, key) -> errors.putIfAbsent("description".equals(field) ? "findings" : field, key));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_water_inspection (vessel_id, pier_id, department_id, inspected_on, inspector, findings, created_by, created_at)
                VALUES (:v, :p, :d, :on, :who, :f, :by, :at)""")
                .param("v", vessel ? targetId : null).param("p", vessel ? null : targetId).param("d", departmentId).param("on", on)
                .param("who", who).param("f", found).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Hazards.Opened hazard = finding == null ? null : hazards.openFrom(new Origin("traffic", "water-inspection", id), finding, user);
        if (hazard != null) {
            jdbc.sql("UPDATE traffic_water_inspection SET hazard_id = :h, hazard_code = :c WHERE id = :id").param("h", hazard.id())
                    .param("c", hazard.code()).param("id", id).update();
        }
        audit.record("INSPECT", vessel ? "traffic_vessel" : "traffic_pier", targetId, found == null ? "passed" : "findings → " + hazard.code(),
                null, null);
        return id;
    }

    public List<Vessel> vessels(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        return jdbc.sql("SELECT * FROM traffic_vessel WHERE " + p.sql() + " ORDER BY kind, name").params(p.params())
                .query((rs, n) -> new Vessel(rs.getLong("id"), rs.getString("name"), rs.getString("registry_no"), rs.getString("kind"),
                        rs.getString("port_of_registry"), rs.getString("owner"), rs.getInt("crew"), rs.getInt("passengers"),
                        rs.getBoolean("terminal_fitted"), rs.getLong("county_id"), (Long) rs.getObject("pier_id", Long.class))).list();
    }

    public List<Pier> piers(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        return jdbc.sql("SELECT * FROM traffic_pier WHERE " + p.sql() + " ORDER BY name").params(p.params())
                .query((rs, n) -> new Pier(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getLong("county_id"),
                        rs.getString("operator"), new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")))).list();
    }

    /** The season the campaign is about: this year's once it has begun, last year's before. */
    public LocalDate[] season() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> months = props.water().floodSeasonMonths();
        int year = today.getMonthValue() >= months.get(0) ? today.getYear() : today.getYear() - 1;
        return new LocalDate[] {YearMonth.of(year, months.get(0)).atDay(1), YearMonth.of(year, months.get(1)).atEndOfMonth()};
    }

    /** Why a vessel is on the flood-season list (empty: it is not). */
    static List<String> reasons(String kind, boolean terminalFitted, boolean lastFound) {
        List<String> r = new ArrayList<>();
        if ("PASSENGER".equals(kind) || "FERRY".equals(kind)) {
            r.add("PASSENGERS");
        }
        if ("DANGEROUS_GOODS".equals(kind)) {
            r.add("DANGEROUS_GOODS");
        }
        if ("FISHING".equals(kind) && !terminalFitted) {
            r.add("NO_TERMINAL");
        }
        if (lastFound) {
            r.add("FINDINGS");
        }
        return r;
    }

    /** The flood-season risk list of the scope and, for each target, the campaign departments that inspected it this season. */
    public Campaign campaign(DataScope scope) {
        LocalDate[] season = season();
        List<Directory.DepartmentRef> departments = new ArrayList<>();
        for (String code : props.water().floodDepartments()) {
            directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().ifPresent(departments::add);
        }
        Map<String, Map<Long, LocalDate>> inspected = new HashMap<>();
        Map<Long, Boolean> lastFound = new HashMap<>();
        jdbc.sql("""
                SELECT vessel_id, pier_id, department_id, inspected_on, findings FROM traffic_water_inspection ORDER BY inspected_on, id""")
                .query(rs -> {
                    Long vessel = (Long) rs.getObject(1, Long.class);
                    String key = vessel != null ? "vessel:" + vessel : "pier:" + rs.getLong(2);
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    if (vessel != null) {
                        lastFound.put(vessel, rs.getString(5) != null);
                    }
                    if (!on.isBefore(season[0]) && !on.isAfter(season[1])) {
                        inspected.computeIfAbsent(key, k -> new HashMap<>()).merge(rs.getLong(3), on, (a, b) -> b.isAfter(a) ? b : a);
                    }
                });
        List<Target> targets = new ArrayList<>();
        for (Vessel v : vessels(scope)) {
            List<String> r = reasons(v.kind(), v.terminalFitted(), lastFound.getOrDefault(v.id(), false));
            if (!r.isEmpty()) {
                targets.add(new Target("vessel", v.id(), v.name() + "（" + v.registryNo() + "）", v.countyId(), r,
                        inspected.getOrDefault("vessel:" + v.id(), Map.of())));
            }
        }
        for (Pier p : piers(scope)) {
            if ("FERRY".equals(p.kind()) || "PASSENGER".equals(p.kind())) {
                targets.add(new Target("pier", p.id(), p.name(), p.countyId(), List.of("PIER"), inspected.getOrDefault("pier:" + p.id(), Map.of())));
            }
        }
        return new Campaign(season[0], season[1], List.copyOf(departments), List.copyOf(targets));
    }
}
