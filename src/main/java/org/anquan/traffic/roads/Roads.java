package org.anquan.traffic.roads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.accidents.Accidents;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.Finding;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.traffic.common.CountyCheck;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dangerous roads and tunnels. A road segment is accident-prone when the road-traffic accidents of the window
 * that lie within {@code anquan.traffic.prone.match-meters} of its line reach the configured count or deaths
 * (from the accident register), or when an officer lists it. A tunnel is classed by its length; it is
 * dangerous when it is long or extra-long and carries both directions in one bore, or has had a serious or a
 * fire accident. Either is rectified through the hazards facade, with its owner and a deadline.
 */
@Service
public class Roads {

    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("county_id");

    public enum TunnelClass { SHORT, MEDIUM, LONG, EXTRA_LONG }

    public record SegmentInput(String road, String fromStake, String toStake, String name, Long countyId, String owner, Double fromLat,
                               Double fromLon, Double toLat, Double toLon, boolean listed, String listedReason) {
    }

    public record Segment(long id, String road, String fromStake, String toStake, String name, long countyId, String owner, GeoPoint from,
                          GeoPoint to, boolean listed, String listedReason, String hazardCode, List<Accidents.RoadAccident> accidents,
                          int deaths, boolean prone) {
        public GeoPoint middle() {
            return new GeoPoint((from.lon() + to.lon()) / 2, (from.lat() + to.lat()) / 2);
        }
    }

    public record TunnelInput(String name, String road, String stake, Long countyId, String owner, Integer lengthM, boolean singleBoreTwoWay,
                              Integer dailyVolume, BigDecimal dangerousShare, Integer seriousAccidents, Integer fireAccidents, Double lat,
                              Double lon) {
    }

    public record Tunnel(long id, String name, String road, String stake, long countyId, String owner, int lengthM, boolean singleBoreTwoWay,
                         int dailyVolume, BigDecimal dangerousShare, int seriousAccidents, int fireAccidents, GeoPoint point,
                         String hazardCode, TunnelClass lengthClass, boolean dangerous) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final CountyCheck counties;
    private final Accidents accidents;
    private final Hazards hazards;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    Roads(JdbcClient jdbc, Directory directory, ScopeFilter scopes, CountyCheck counties, Accidents accidents, Hazards hazards, AuditTrail audit, TrafficProperties props,
          Clock clock) {
        this.counties = counties;
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.accidents = accidents;
        this.hazards = hazards;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** The tunnel's length class: short up to the first bound, medium up to the second, long up to the third, extra-long above. */
    public TunnelClass classOf(int lengthM) {
        List<Integer> b = props.tunnelClasses();
        return lengthM <= b.get(0) ? TunnelClass.SHORT : lengthM <= b.get(1) ? TunnelClass.MEDIUM
                : lengthM <= b.get(2) ? TunnelClass.LONG : TunnelClass.EXTRA_LONG;
    }

    /** Dangerous: long or extra-long in one bore for both directions, or a serious or a fire accident in it. */
    public boolean dangerous(TunnelClass c, boolean singleBoreTwoWay, int seriousAccidents, int fireAccidents) {
        return (singleBoreTwoWay && (c == TunnelClass.LONG || c == TunnelClass.EXTRA_LONG)) || seriousAccidents > 0 || fireAccidents > 0;
    }

    /** The distance in metres from a point to the line between two points (flat over a segment's few kilometres). */
    static double metersToLine(GeoPoint p, GeoPoint a, GeoPoint b) {
        double lat0 = Math.toRadians((a.lat() + b.lat()) / 2);
        double kx = 111_320 * Math.cos(lat0);
        double ky = 110_540;
        double ax = a.lon() * kx;
        double ay = a.lat() * ky;
        double bx = b.lon() * kx - ax;
        double by = b.lat() * ky - ay;
        double px = p.lon() * kx - ax;
        double py = p.lat() * ky - ay;
        double len = bx * bx + by * by;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len));
        double dx = px - t * bx;
        double dy = py - t * by;
        return Math.sqrt(dx * dx + dy * dy);
    }



    @Transactional
    public long addSegment(SegmentInput in, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String road = Inputs.text(in.road(), 60, "road", true, errors);
        String from = Inputs.text(in.fromStake(), 30, "fromStake", true, errors);
        String to = Inputs.text(in.toStake(), 30, "toStake", true, errors);
        String name = Inputs.text(in.name(), 120, "name", true, errors);
        String owner = Inputs.text(in.owner(), 120, "owner", true, errors);
        String reason = Inputs.text(in.listedReason(), 300, "listedReason", in.listed(), errors);
        counties.check(in.countyId(), RoadTransport.INDUSTRY, user, errors);
        Long county = errors.containsKey("countyId") ? null : in.countyId();
        GeoPoint a = directory.pointIn(in.fromLat(), in.fromLon(), county, "fromLat", errors);
        GeoPoint b = directory.pointIn(in.toLat(), in.toLon(), county, "toLat", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_road_segment (road, from_stake, to_stake, name, county_id, owner, from_lat, from_lon, to_lat, to_lon, listed,
                    listed_reason, created_by, created_at)
                VALUES (:road, :from, :to, :name, :county, :owner, :alat, :alon, :blat, :blon, :listed, :reason, :by, :at)""")
                .param("road", road).param("from", from).param("to", to).param("name", name).param("county", in.countyId()).param("owner", owner)
                .param("alat", a.lat()).param("alon", a.lon()).param("blat", b.lat()).param("blon", b.lon()).param("listed", in.listed())
                .param("reason", reason).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_road_segment", id, road + " " + from + "–" + to + " " + name, null, null);
        return id;
    }

    @Transactional
    public long addTunnel(TunnelInput in, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Inputs.text(in.name(), 120, "name", true, errors);
        String road = Inputs.text(in.road(), 60, "road", true, errors);
        String stake = Inputs.text(in.stake(), 30, "stake", true, errors);
        String owner = Inputs.text(in.owner(), 120, "owner", true, errors);
        counties.check(in.countyId(), RoadTransport.INDUSTRY, user, errors);
        if (in.lengthM() == null || in.lengthM() < 1 || in.lengthM() > 100_000) {
            errors.put("lengthM", "validation.range");
        }
        if (in.dailyVolume() == null || in.dailyVolume() < 0 || in.dailyVolume() > 1_000_000) {
            errors.put("dailyVolume", "validation.range");
        }
        if (in.dangerousShare() == null || in.dangerousShare().signum() < 0 || in.dangerousShare().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("dangerousShare", "validation.range");
        }
        if (in.seriousAccidents() == null || in.seriousAccidents() < 0 || in.fireAccidents() == null || in.fireAccidents() < 0) {
            errors.put("seriousAccidents", "validation.range");
        }
        GeoPoint p = directory.pointIn(in.lat(), in.lon(), errors.containsKey("countyId") ? null : in.countyId(), "lat", errors);
        if (name != null && jdbc.sql("SELECT COUNT(*) FROM traffic_tunnel WHERE name = :n").param("n", name).query(Long.class).single() > 0) {
            errors.put("name", "traffic.tunnel.name.taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_tunnel (name, road, stake, county_id, owner, length_m, single_bore_two_way, daily_volume, dangerous_share,
                    serious_accidents, fire_accidents, lat, lon, created_by, created_at)
                VALUES (:name, :road, :stake, :county, :owner, :len, :single, :volume, :share, :serious, :fire, :lat, :lon, :by, :at)""")
                .param("name", name).param("road", road).param("stake", stake).param("county", in.countyId()).param("owner", owner)
                .param("len", in.lengthM()).param("single", in.singleBoreTwoWay()).param("volume", in.dailyVolume())
                .param("share", in.dangerousShare()).param("serious", in.seriousAccidents()).param("fire", in.fireAccidents())
                .param("lat", p.lat()).param("lon", p.lon()).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_tunnel", id, name + " " + in.lengthM() + " m", null, null);
        return id;
    }

    /** The segments of the scope with the accidents of the window on them, accident-prone first. */
    public List<Segment> segments(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        List<Accidents.RoadAccident> window = accidents.roadTrafficSince(CityTime.startOf(LocalDate.now(clock).minusDays(props.prone().windowDays()),
                clock));
        List<Segment> out = new ArrayList<>();
        jdbc.sql("SELECT * FROM traffic_road_segment WHERE " + p.sql() + " ORDER BY county_id, road, from_stake").params(p.params())
                .query(rs -> {
                    GeoPoint a = new GeoPoint(rs.getDouble("from_lon"), rs.getDouble("from_lat"));
                    GeoPoint b = new GeoPoint(rs.getDouble("to_lon"), rs.getDouble("to_lat"));
                    List<Accidents.RoadAccident> on = window.stream()
                            .filter(x -> metersToLine(new GeoPoint(x.lon(), x.lat()), a, b) <= props.prone().matchMeters()).toList();
                    int deaths = on.stream().mapToInt(Accidents.RoadAccident::deaths).sum();
                    boolean listed = rs.getBoolean("listed");
                    boolean prone = listed || on.size() >= props.prone().minAccidents() || deaths >= props.prone().minDeaths();
                    out.add(new Segment(rs.getLong("id"), rs.getString("road"), rs.getString("from_stake"), rs.getString("to_stake"),
                            rs.getString("name"), rs.getLong("county_id"), rs.getString("owner"), a, b, listed, rs.getString("listed_reason"),
                            rs.getString("hazard_code"), on, deaths, prone));
                });
        out.sort(Comparator.comparing((Segment s) -> !s.prone()).thenComparing(s -> -s.accidents().size()));
        return out;
    }

    public List<Tunnel> tunnels(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        List<Tunnel> out = new ArrayList<>();
        jdbc.sql("SELECT * FROM traffic_tunnel WHERE " + p.sql() + " ORDER BY length_m DESC").params(p.params())
                .query(rs -> {
                    TunnelClass c = classOf(rs.getInt("length_m"));
                    boolean single = rs.getBoolean("single_bore_two_way");
                    out.add(new Tunnel(rs.getLong("id"), rs.getString("name"), rs.getString("road"), rs.getString("stake"), rs.getLong("county_id"),
                            rs.getString("owner"), rs.getInt("length_m"), single, rs.getInt("daily_volume"), rs.getBigDecimal("dangerous_share"),
                            rs.getInt("serious_accidents"), rs.getInt("fire_accidents"), new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
                            rs.getString("hazard_code"), c, dangerous(c, single, rs.getInt("serious_accidents"), rs.getInt("fire_accidents"))));
                });
        return out;
    }

    /**
     * Rectification of an accident-prone segment or a dangerous tunnel: a hazard at its place in its county,
     * the owner responsible, by the deadline; its register code is kept on the segment or tunnel.
     */
    @Transactional
    public Hazards.Opened rectify(String what, long id, String description, LocalDate deadline, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        String table = switch (what) {
            case "segment" -> "traffic_road_segment";
            case "tunnel" -> "traffic_tunnel";
            default -> throw new NotFoundException("traffic", what);
        };
        ScopeFilter.Predicate p = scopes.act(user.scope(), COLUMNS);
        var row = jdbc.sql("SELECT county_id, owner, hazard_code, " + ("segment".equals(what) ? "road || ' ' || from_stake || '-' || to_stake || ' ' || name"
                        : "road || ' ' || stake || ' ' || name") + " FROM " + table + " WHERE id = :id AND " + p.sql())
                .params(p.params()).param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).optional()
                .orElseThrow(() -> new NotFoundException(table, id));
        if (row[2] != null) {
            throw new BusinessException("traffic.road.hazard.exists", row[2]);
        }
        var opened = hazards.openFrom(new Origin("traffic", "segment".equals(what) ? "road-segment" : "tunnel", id),
                Finding.inspection(null, (String) row[3], (Long) row[0], RoadTransport.INDUSTRY, description, deadline, (String) row[1],
                        "segment".equals(what) ? "accident-prone road segment" : "dangerous tunnel"), user);
        jdbc.sql("UPDATE " + table + " SET hazard_id = :h, hazard_code = :c WHERE id = :id").param("h", opened.id()).param("c", opened.code())
                .param("id", id).update();
        audit.record("HAZARD", table, id, opened.code(), null, null);
        return opened;
    }
}
