package org.anquan.traffic.wim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.anquan.shared.CityTime;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loading units (货运源头单位): quarries, sand yards, logistics parks and factories where over-limit cargo is
 * loaded, registered with the enterprise they are and the department that supervises them. Their share of
 * the over-limit departures traced to a unit in the last {@value #WINDOW_DAYS} days is ranked; above
 * {@code anquan.traffic.source-share-percent} a unit is an inspection target, and a hazard can be opened at it
 * through the hazards facade.
 */
@Service
public class SourceUnits {

    public static final int WINDOW_DAYS = 90;
    public static final List<String> KINDS = List.of("QUARRY", "SAND_YARD", "LOGISTICS_PARK", "FACTORY", "OTHER");
    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("u.county_id").department("u.department_id")
            .enterprise("u.enterprise_id");

    public record UnitInput(String name, String kind, Long enterpriseId, Long countyId, String address, Long departmentId) {
    }

    public record Unit(long id, String name, String kind, Long enterpriseId, long countyId, String address, Long departmentId) {
    }

    public record Ranked(Unit unit, long departures, double sharePercent, boolean target) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final Hazards hazards;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    SourceUnits(JdbcClient jdbc, Directory directory, ScopeFilter scopes, Hazards hazards, AuditTrail audit, TrafficProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    public long register(UnitInput in, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Inputs.text(in.name(), 120, "name", true, errors);
        String address = Inputs.text(in.address(), 200, "address", true, errors);
        if (!KINDS.contains(String.valueOf(in.kind()))) {
            errors.put("kind", "validation.required");
        }
        if (in.countyId() == null || directory.counties().stream().noneMatch(c -> c.id() == in.countyId())) {
            errors.put("countyId", "fire.station.county.unknown");
        } else if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(in.countyId(), in.departmentId(), RoadTransport.INDUSTRY, in.enterpriseId()),
                ScopeFilter.Mode.ACT)) {
            errors.put("countyId", "resource.county.not.yours");
        }
        if (in.enterpriseId() != null && directory.enterprise(in.enterpriseId()).isEmpty()) {
            errors.put("enterpriseId", "traffic.source.enterprise.unknown");
        }
        if (in.departmentId() != null && directory.department(in.departmentId()).isEmpty()) {
            errors.put("departmentId", "validation.required");
        }
        if (name != null && jdbc.sql("SELECT COUNT(*) FROM traffic_source_unit WHERE name = :n").param("n", name).query(Long.class).single() > 0) {
            errors.put("name", "traffic.source.name.taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_source_unit (name, kind, enterprise_id, county_id, address, department_id, created_by, created_at)
                VALUES (:n, :k, :e, :c, :a, :d, :by, :at)""")
                .param("n", name).param("k", in.kind()).param("e", in.enterpriseId()).param("c", in.countyId()).param("a", address)
                .param("d", in.departmentId()).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_source_unit", id, name, null, null);
        return id;
    }

    private static Unit map(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), (Long) rs.getObject("enterprise_id", Long.class),
                rs.getLong("county_id"), rs.getString("address"), (Long) rs.getObject("department_id", Long.class));
    }

    /** Every unit (for choosing the loading unit of a case). */
    public List<Unit> all() {
        return jdbc.sql("SELECT * FROM traffic_source_unit ORDER BY name").query(SourceUnits::map).list();
    }

    public Unit unit(long id, DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        return jdbc.sql("SELECT u.* FROM traffic_source_unit u WHERE u.id = :id AND " + p.sql()).params(p.params()).param("id", id)
                .query(SourceUnits::map).optional().orElseThrow(() -> new NotFoundException("traffic_source_unit", id));
    }

    /** The units of the scope by their share of the over-limit departures traced to a unit in the window, highest first. */
    public List<Ranked> ranking(DataScope scope) {
        OffsetDateTime since = CityTime.startOf(LocalDate.now(clock).minusDays(WINDOW_DAYS), clock);
        long total = jdbc.sql("SELECT COUNT(*) FROM traffic_case WHERE source_unit_id IS NOT NULL AND measured_at >= :since")
                .param("since", since).query(Long.class).single();
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        List<Ranked> out = new ArrayList<>();
        jdbc.sql("""
                SELECT u.*, (SELECT COUNT(*) FROM traffic_case c WHERE c.source_unit_id = u.id AND c.measured_at >= :since) AS departures
                FROM traffic_source_unit u WHERE""" + " " + p.sql() + " ORDER BY departures DESC, u.name")
                .params(p.params()).param("since", since)
                .query(rs -> {
                    long n = rs.getLong("departures");
                    double share = total == 0 ? 0 : 100.0 * n / total;
                    out.add(new Ranked(map(rs, 0), n, share, share > props.sourceSharePercent()));
                });
        return out;
    }

    /** Opens a hazard at the unit (at its enterprise when linked, else at its address in its county), through the hazards facade. */
    @Transactional
    public Hazards.Opened openHazard(long id, String description, LocalDate deadline, String responsible, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Unit u = unit(id, user.scope());
        var opened = hazards.openFrom(new Origin("traffic", "loading-unit", id), Finding.inspection(u.enterpriseId(),
                u.name() + " " + u.address(), u.countyId(), RoadTransport.INDUSTRY, description, deadline, responsible, "source unit " + u.name()), user);
        audit.record("HAZARD", "traffic_source_unit", id, opened.code(), null, null);
        return opened;
    }
}
