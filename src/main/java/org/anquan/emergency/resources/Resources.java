package org.anquan.emergency.resources;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Phones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency resources kept ready (保持临战状态): rescue teams with members, equipment, base and readiness,
 * warehouses with their supplies (quantity against a minimum, expiry), drills with their results; and
 * "the nearest teams or supplies of a kind to this point", by straight-line distance.
 */
@Service
class Resources {

    public static final List<String> READINESS = List.of("READY", "STANDBY", "DEPLOYED", "UNAVAILABLE");

    public record Kind(String code, String category, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public record TeamInput(String name, String kindCode, Long countyId, Integer members, String equipment, Double lat, Double lon,
                            String readiness, String dutyPhone) {
    }

    public record Team(long id, String name, String kindCode, long countyId, int members, String equipment, double lat, double lon,
                       String readiness, String dutyPhone, LocalDate lastDrill, String lastDrillResult) {
    }

    public record Warehouse(long id, String name, long countyId, double lat, double lon, String keeper, String phone) {
    }

    public record Supply(long id, long warehouseId, String warehouseName, String kindCode, String itemName, String unit, int quantity,
                         int minQuantity, LocalDate expiresOn, boolean expired, boolean belowMinimum) {
    }

    /** A team or a stock found near a point. */
    public record Near(String category, long id, String name, String kindCode, double lat, double lon, int meters, String detail,
                       String phone) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    Resources(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Kind> kinds() {
        return jdbc.sql("SELECT code, category, name_zh, name_en FROM resource_kind ORDER BY sort_order")
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private Kind kind(String code, String category, Map<String, String> errors, String field) {
        Kind k = code == null ? null : kinds().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
        if (k == null || (category != null && !k.category().equals(category))) {
            errors.put(field, "resource.kind.unknown");
        }
        return k;
    }

    private GeoPoint point(Double lat, Double lon, Long countyId, Map<String, String> errors) {
        return directory.pointIn(lat, lon, countyId, "lat", errors);
    }

    @Transactional
    public long addTeam(TeamInput in, CurrentUser user) {
        user.require(Permission.RESOURCE_EDIT);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Inputs.text(in.name(), 100, "name", true, errors);
        kind(in.kindCode(), "TEAM", errors, "kindCode");
        Long county = county(in.countyId(), user, errors);
        if (in.members() == null || in.members() < 0 || in.members() > 100_000) {
            errors.put("members", "resource.members.invalid");
        }
        if (in.equipment() != null && in.equipment().strip().length() > 500) {
            errors.put("equipment", "validation.too.long");
        }
        if (!READINESS.contains(String.valueOf(in.readiness()))) {
            errors.put("readiness", "validation.required");
        }
        if (!Phones.valid(in.dutyPhone())) {
            errors.put("dutyPhone", "duty.phone.invalid");
        }
        GeoPoint p = point(in.lat(), in.lon(), county, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rescue_team (name, kind_code, county_id, members, equipment, lat, lon, readiness, duty_phone, created_at)
                VALUES (:name, :kind, :county, :members, :equipment, :lat, :lon, :readiness, :phone, :at)""")
                .param("name", name).param("kind", in.kindCode()).param("county", county).param("members", in.members())
                .param("equipment", in.equipment() == null || in.equipment().isBlank() ? null : in.equipment().strip()).param("lat", p.lat())
                .param("lon", p.lon()).param("readiness", in.readiness()).param("phone", in.dutyPhone().strip()).param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "rescue_team", id, name + " " + in.kindCode(), null, null);
        return id;
    }

    /** The county a county officer keeps is its own; the city office keeps any. */
    private Long county(Long countyId, CurrentUser user, Map<String, String> errors) {
        if (countyId == null || directory.counties().stream().noneMatch(c -> c.id() == countyId)) {
            errors.put("countyId", "fire.station.county.unknown");
            return null;
        }
        var scope = user.scope();
        if (scope.kind() == DataScope.Kind.REGION && !scope.id().equals(countyId)) {
            errors.put("countyId", "resource.county.not.yours");
        }
        return countyId;
    }

    @Transactional
    public void setReadiness(long teamId, String readiness, CurrentUser user) {
        user.require(Permission.RESOURCE_EDIT);
        Team t = team(teamId);
        ownCounty(t.countyId(), user);
        if (!READINESS.contains(String.valueOf(readiness))) {
            throw new InvalidInputException(Map.of("readiness", "validation.required"));
        }
        jdbc.sql("UPDATE rescue_team SET readiness = :r, version = version + 1 WHERE id = :id").param("r", readiness).param("id", teamId).update();
        audit.record("UPDATE", "rescue_team", teamId, t.name() + " readiness " + t.readiness() + " → " + readiness, null, null);
    }

    private static void ownCounty(long countyId, CurrentUser user) {
        var scope = user.scope();
        if (scope.kind() == DataScope.Kind.REGION && !scope.id().equals(countyId)) {
            throw new BusinessException("resource.county.not.yours");
        }
    }

    @Transactional
    public void recordDrill(long teamId, LocalDate heldOn, String scenario, String result, String note, CurrentUser user) {
        user.require(Permission.RESOURCE_EDIT);
        Team t = team(teamId);
        ownCounty(t.countyId(), user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))) {
            errors.put("heldOn", "resource.drill.date");
        }
        String s = Inputs.text(scenario, 200, "scenario", true, errors);
        if (!List.of("GOOD", "PASSED", "FAILED").contains(String.valueOf(result))) {
            errors.put("result", "validation.required");
        }
        if (note != null && note.strip().length() > 500) {
            errors.put("note", "validation.too.long");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                INSERT INTO readiness_drill (team_id, held_on, scenario, result, note, recorded_by, recorded_at)
                VALUES (:t, :d, :s, :r, :n, :by, :at)""")
                .param("t", teamId).param("d", heldOn).param("s", s).param("r", result)
                .param("n", note == null || note.isBlank() ? null : note.strip()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .update();
        audit.record("DRILL", "rescue_team", teamId, t.name() + " " + heldOn + " " + result, null, null);
    }

    @Transactional
    public long addWarehouse(String name, Long countyId, Double lat, Double lon, String keeper, String phone, CurrentUser user) {
        user.require(Permission.RESOURCE_EDIT);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Inputs.text(name, 100, "name", true, errors);
        Long county = county(countyId, user, errors);
        String k = Inputs.text(keeper, 50, "keeper", true, errors);
        if (!Phones.valid(phone)) {
            errors.put("phone", "duty.phone.invalid");
        }
        GeoPoint p = point(lat, lon, county, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO warehouse (name, county_id, lat, lon, keeper, phone, created_at) VALUES (:n, :c, :lat, :lon, :k, :p, :at)")
                .param("n", n).param("c", county).param("lat", p.lat()).param("lon", p.lon()).param("k", k).param("p", phone.strip())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "warehouse", id, n, null, null);
        return id;
    }

    @Transactional
    public long addSupply(long warehouseId, String kindCode, String itemName, String unit, Integer quantity, Integer minQuantity,
                          LocalDate expiresOn, CurrentUser user) {
        user.require(Permission.RESOURCE_EDIT);
        Warehouse w = warehouse(warehouseId);
        ownCounty(w.countyId(), user);
        Map<String, String> errors = new LinkedHashMap<>();
        kind(kindCode, "SUPPLY", errors, "kindCode");
        String item = Inputs.text(itemName, 100, "itemName", true, errors);
        String u = Inputs.text(unit, 10, "unit", true, errors);
        if (quantity == null || quantity < 0 || minQuantity == null || minQuantity < 0) {
            errors.put("quantity", "resource.quantity.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supply (warehouse_id, kind_code, item_name, unit, quantity, min_quantity, expires_on, lat, lon, updated_at)
                VALUES (:w, :k, :i, :u, :q, :m, :e, :lat, :lon, :at)""")
                .param("w", warehouseId).param("k", kindCode).param("i", item).param("u", u).param("q", quantity).param("m", minQuantity)
                .param("e", expiresOn).param("lat", w.lat()).param("lon", w.lon()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "supply", id, w.name() + " " + item + " " + quantity + u, null, null);
        return id;
    }

    public Team team(long id) {
        return teams("WHERE t.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> new NotFoundException("rescue team", id));
    }

    public List<Team> teams() {
        return teams("", Map.of());
    }

    private List<Team> teams(String where, Map<String, Object> params) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.kind_code, t.county_id, t.members, t.equipment, t.lat, t.lon, t.readiness, t.duty_phone,
                       (SELECT MAX(d.held_on) FROM readiness_drill d WHERE d.team_id = t.id),
                       (SELECT MIN(d.result) FROM readiness_drill d WHERE d.team_id = t.id
                          AND d.held_on = (SELECT MAX(x.held_on) FROM readiness_drill x WHERE x.team_id = t.id))
                FROM rescue_team t""" + " " + where + " ORDER BY t.county_id, t.kind_code, t.name")
                .params(params)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                        rs.getDouble(7), rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12)))
                .list();
    }

    public Warehouse warehouse(long id) {
        return jdbc.sql("SELECT id, name, county_id, lat, lon, keeper, phone FROM warehouse WHERE id = :id").param("id", id)
                .query((rs, n) -> new Warehouse(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6),
                        rs.getString(7))).optional().orElseThrow(() -> new NotFoundException("warehouse", id));
    }

    public List<Warehouse> warehouses() {
        return jdbc.sql("SELECT id, name, county_id, lat, lon, keeper, phone FROM warehouse ORDER BY county_id, name")
                .query((rs, n) -> new Warehouse(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6),
                        rs.getString(7))).list();
    }

    /** The supplies, the expired and the ones below their minimum first. */
    public List<Supply> supplies(int limit) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT s.id, s.warehouse_id, w.name, s.kind_code, s.item_name, s.unit, s.quantity, s.min_quantity, s.expires_on
                FROM supply s JOIN warehouse w ON w.id = s.warehouse_id
                ORDER BY CASE WHEN s.expires_on < :today OR s.quantity < s.min_quantity THEN 0 ELSE 1 END, w.name, s.kind_code LIMIT :n""")
                .param("today", today).param("n", limit)
                .query((rs, n) -> {
                    LocalDate exp = rs.getObject(9, LocalDate.class);
                    return new Supply(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getInt(7), rs.getInt(8), exp, exp != null && exp.isBefore(today), rs.getInt(7) < rs.getInt(8));
                }).list();
    }

    /**
     * The nearest teams (ready or on standby) or usable supplies (in stock, not expired) of a kind to a point, by
     * straight-line distance: a box around the point on the (kind, lat, lon) index, widened until it holds enough, then
     * exact distances, nearest first.
     */
    public List<Near> nearest(double lat, double lon, String kindCode, int limit) {
        GeoPoint origin = new GeoPoint(lon, lat);
        Kind kind = kinds().stream().filter(k -> k.code().equals(kindCode)).findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("kind", "resource.kind.unknown")));
        int n = Math.max(1, Math.min(limit, 100));
        LocalDate today = LocalDate.now(clock);
        for (double km = 5; ; km *= 4) {
            double dLat = km / 111.32;
            double dLon = km / (111.32 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            boolean whole = km > 2_000;
            List<Near> found = "TEAM".equals(kind.category()) ? teamsNear(kindCode, lat, lon, dLat, dLon, whole)
                    : suppliesNear(kindCode, lat, lon, dLat, dLon, whole, today);
            List<Near> within = new ArrayList<>();
            for (Near x : found) {
                int m = (int) Math.round(origin.metersTo(new GeoPoint(x.lon(), x.lat())));
                // only what lies within the box's inscribed circle is surely nearer than anything outside the box
                if (whole || m <= km * 1000) {
                    within.add(new Near(x.category(), x.id(), x.name(), x.kindCode(), x.lat(), x.lon(), m, x.detail(), x.phone()));
                }
            }
            if (within.size() >= n || whole) {
                within.sort(Comparator.comparingInt(Near::meters).thenComparingLong(Near::id));
                return within.subList(0, Math.min(n, within.size()));
            }
        }
    }

    private List<Near> teamsNear(String kind, double lat, double lon, double dLat, double dLon, boolean whole) {
        return jdbc.sql("""
                SELECT id, name, kind_code, lat, lon, members, readiness, duty_phone FROM rescue_team
                WHERE kind_code = :k AND readiness IN ('READY', 'STANDBY')""" + (whole ? "" : """
                 AND lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND :maxLon"""))
                .param("k", kind).param("minLat", lat - dLat).param("maxLat", lat + dLat).param("minLon", lon - dLon).param("maxLon", lon + dLon)
                .query((rs, n) -> new Near("TEAM", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), 0,
                        rs.getInt(6) + "|" + rs.getString(7), rs.getString(8))).list();
    }

    private List<Near> suppliesNear(String kind, double lat, double lon, double dLat, double dLon, boolean whole, LocalDate today) {
        return jdbc.sql("""
                SELECT s.id, w.name, s.kind_code, s.lat, s.lon, s.quantity, s.unit, w.phone, s.item_name FROM supply s
                JOIN warehouse w ON w.id = s.warehouse_id
                WHERE s.kind_code = :k AND s.quantity > 0 AND (s.expires_on IS NULL OR s.expires_on >= :today)""" + (whole ? "" : """
                 AND s.lat BETWEEN :minLat AND :maxLat AND s.lon BETWEEN :minLon AND :maxLon"""))
                .param("k", kind).param("today", today).param("minLat", lat - dLat).param("maxLat", lat + dLat)
                .param("minLon", lon - dLon).param("maxLon", lon + dLon)
                .query((rs, n) -> new Near("SUPPLY", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), 0,
                        rs.getString(9) + " " + rs.getInt(6) + rs.getString(7), rs.getString(8))).list();
    }
}
