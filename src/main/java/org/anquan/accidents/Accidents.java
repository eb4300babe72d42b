package org.anquan.accidents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.anquan.accidents.reporting.AccidentService;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules ask of the accident register: the recent accidents a scope reads, and one of them. */
@Service
public class Accidents {

    /** An accident as another module names it: its code, when, where and its grade's name key. */
    public record AccidentRef(long id, String code, OffsetDateTime occurredAt, String subject, String countyName, int deaths) {
    }

    /** A road-traffic accident with the point it happened at, for finding accident-prone road segments. */
    public record RoadAccident(long id, String code, OffsetDateTime occurredAt, double lat, double lon, long countyId, int deaths) {
    }

    private final AccidentService service;
    private final JdbcClient jdbc;

    Accidents(AccidentService service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    /** The road-traffic accidents since the time that have a point (deaths counting the missing), oldest first. */
    public List<RoadAccident> roadTrafficSince(OffsetDateTime since) {
        return jdbc.sql("""
                SELECT a.id, a.code, a.occurred_at, a.lat, a.lon, a.county_id, a.deaths + a.missing FROM accident a
                JOIN accident_kind k ON k.code = a.kind_code
                WHERE k.category = 'ROAD_TRAFFIC' AND a.occurred_at >= :since AND a.lat IS NOT NULL AND a.lon IS NOT NULL
                ORDER BY a.occurred_at""").param("since", since)
                .query((rs, n) -> new RoadAccident(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getDouble(4),
                        rs.getDouble(5), rs.getLong(6), rs.getInt(7))).list();
    }

    /** The newest accidents the scope reads, at most {@code limit}. */
    public List<AccidentRef> recent(DataScope scope, int limit) {
        return service.page(new AccidentService.Filter(null, null, null, null), scope, 1, Math.max(1, Math.min(limit, 100))).items().stream()
                .map(Accidents::ref).toList();
    }

    /** The accident when the user's scope reads it. */
    public Optional<AccidentRef> find(long id, CurrentUser user) {
        try {
            return Optional.of(ref(service.get(id, user)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static AccidentRef ref(AccidentService.AccidentView a) {
        return new AccidentRef(a.id(), a.code(), a.occurredAt(), a.enterpriseName() != null ? a.enterpriseName() : a.place(), a.countyName(),
                a.deaths() + a.missing());
    }
}
