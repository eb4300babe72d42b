package org.anquan.traffic.wim;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.anquan.directory.Directory;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weigh-in-motion stations (不停车超限检测站) and their intake tokens. A station's token lets it send its own
 * readings and nothing else; only its SHA-256 is stored and the token is shown once, when issued or renewed.
 */
@Service
public class Stations {

    public static final String TOKEN_PREFIX = "wim_";
    /** A station's code: 1 to 32 letters, digits, underscores or hyphens (it stands in MQTT topics and CSV cells). */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public record StationInput(String code, String name, String road, String stake, String direction, Double lat, Double lon,
                               Long countyId, String operator) {
    }

    public record Station(long id, String code, String name, String road, String stake, String direction, double lat, double lon,
                          long countyId, String operator, String tokenPrefix, OffsetDateTime tokenIssuedAt) {
    }

    /** A station just registered or given a new token: the clear token, shown this once. */
    public record Issued(Station station, String token) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    Stations(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Issued register(StationInput in, CurrentUser user) {
        user.require(Permission.TRAFFIC_INTAKE);
        Map<String, String> errors = new LinkedHashMap<>();
        String code = in.code() == null ? null : in.code().strip();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.put("code", "traffic.station.code.invalid");
        } else if (byCode(code).isPresent()) {
            errors.put("code", "traffic.station.code.taken");
        }
        String name = Inputs.text(in.name(), 100, "name", true, errors);
        String road = Inputs.text(in.road(), 60, "road", true, errors);
        String stake = Inputs.text(in.stake(), 30, "stake", true, errors);
        String direction = Inputs.text(in.direction(), 60, "direction", true, errors);
        String operator = Inputs.text(in.operator(), 100, "operator", true, errors);
        if (in.countyId() == null || directory.counties().stream().noneMatch(c -> c.id() == in.countyId())) {
            errors.put("countyId", "fire.station.county.unknown");
        }
        GeoPoint p = directory.pointIn(in.lat(), in.lon(), errors.containsKey("countyId") ? null : in.countyId(), "lat", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_station (code, name, road, stake, direction, lat, lon, county_id, operator, created_by, created_at)
                VALUES (:code, :name, :road, :stake, :dir, :lat, :lon, :county, :op, :by, :at)""")
                .param("code", code).param("name", name).param("road", road).param("stake", stake).param("dir", direction)
                .param("lat", p.lat()).param("lon", p.lon()).param("county", in.countyId()).param("op", operator)
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_station", id, code + " " + name, null, null);
        return issueToken(id, user);
    }

    /** A new token for the station; the old one stops working at once. */
    @Transactional
    public Issued issueToken(long stationId, CurrentUser user) {
        user.require(Permission.TRAFFIC_INTAKE);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        int n = jdbc.sql("UPDATE traffic_station SET token_hash = :h, token_prefix = :p, token_issued_at = :at WHERE id = :id")
                .param("h", hash(token)).param("p", token.substring(0, 10)).param("at", OffsetDateTime.now(clock)).param("id", stationId)
                .update();
        if (n == 0) {
            throw new NotFoundException("traffic_station", stationId);
        }
        audit.record("ISSUE_TOKEN", "traffic_station", stationId, token.substring(0, 10), null, null);
        return new Issued(station(stationId), token);
    }

    /** The station a presented token belongs to, if any. */
    public Optional<Station> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE token_hash = :h").param("h", hash(token)).query(Stations::map).optional();
    }

    private static String hash(String token) {
        return EvidenceCheck.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SELECT = "SELECT id, code, name, road, stake, direction, lat, lon, county_id, operator, token_prefix, token_issued_at FROM traffic_station";

    private static Station map(ResultSet rs, int n) throws SQLException {
        return new Station(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7),
                rs.getDouble(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class));
    }

    public Station station(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Stations::map).optional()
                .orElseThrow(() -> new NotFoundException("traffic_station", id));
    }

    public Optional<Station> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE code = :c").param("c", code).query(Stations::map).optional();
    }

    public List<Station> all() {
        return jdbc.sql(SELECT + " ORDER BY county_id, code").query(Stations::map).list();
    }
}
