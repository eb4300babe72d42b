package org.anquan.directory.regions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Polygon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region tree. Regions are few (a city has hundreds at most), so lookups read them all. */
@Service
public class Regions {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Regions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Region> all() {
        return jdbc.sql("SELECT * FROM region ORDER BY path").query(Regions::map).list();
    }

    public Optional<Region> find(long id) {
        return jdbc.sql("SELECT * FROM region WHERE id = :id").param("id", id).query(Regions::map).optional();
    }

    public Region get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("region", id));
    }

    public List<Region> children(long parentId) {
        return jdbc.sql("SELECT * FROM region WHERE parent_id = :p ORDER BY code").param("p", parentId)
                .query(Regions::map).list();
    }

    public List<Region> ofLevel(RegionLevel level) {
        return jdbc.sql("SELECT * FROM region WHERE region_level = :l ORDER BY code").param("l", level.name())
                .query(Regions::map).list();
    }

    /**
     * The deepest region whose boundary contains the point: only the regions whose bounding box holds it are
     * read, and only their outlines are parsed.
     */
    public Optional<Region> locate(GeoPoint p) {
        return jdbc.sql("""
                SELECT * FROM region WHERE boundary IS NOT NULL
                  AND min_lon <= :lon AND max_lon >= :lon AND min_lat <= :lat AND max_lat >= :lat""")
                .param("lon", p.lon()).param("lat", p.lat()).query(Regions::map).list().stream()
                .filter(r -> r.contains(p)).max(Comparator.comparingInt(Region::depth));
    }

    /** The county whose outline holds the point, in one query (the counties whose box holds it, their outlines tested). */
    public Optional<Region> countyContaining(GeoPoint p) {
        return jdbc.sql("""
                SELECT * FROM region WHERE region_level = 'COUNTY' AND boundary IS NOT NULL
                  AND min_lon <= :lon AND max_lon >= :lon AND min_lat <= :lat AND max_lat >= :lat""")
                .param("lon", p.lon()).param("lat", p.lat()).query(Regions::map).list().stream()
                .filter(r -> r.contains(p)).findFirst();
    }

    /** The county (or district) a region lies in; the county itself for a county. */
    public Optional<Region> countyOf(long regionId) {
        Region r = get(regionId);
        while (r.level() == RegionLevel.TOWNSHIP && r.parentId() != null) {
            r = get(r.parentId());
        }
        return r.level() == RegionLevel.COUNTY ? Optional.of(r) : Optional.empty();
    }

    public long create(Long parentId, String code, String name, RegionLevel level, String boundaryGeoJson,
                       Polygon polygon) {
        String parentPath = parentId == null ? "/" : get(parentId).path();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO region (parent_id, code, name, region_level, path, boundary, min_lon, min_lat, max_lon, max_lat)
                VALUES (:parent, :code, :name, :level, :tmp, :b, :minLon, :minLat, :maxLon, :maxLat)
                """)
                .param("parent", parentId).param("code", code).param("name", name).param("level", level.name())
                .param("tmp", parentPath + code + "/").param("b", boundaryGeoJson)
                .param("minLon", polygon == null ? null : polygon.minLon())
                .param("minLat", polygon == null ? null : polygon.minLat())
                .param("maxLon", polygon == null ? null : polygon.maxLon())
                .param("maxLat", polygon == null ? null : polygon.maxLat())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE region SET path = :p WHERE id = :id").param("p", parentPath + id + "/").param("id", id).update();
        return id;
    }

    /** Sets the first responsible persons (党政主要负责人) of a region. */
    @Transactional
    public void updateHeads(long id, String partyHead, String partyHeadPhone, String govHead, String govHeadPhone,
                            int expectedVersion) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (var f : new String[][] {{"partyHead", partyHead, "50"}, {"partyHeadPhone", partyHeadPhone, "32"},
                {"govHead", govHead, "50"}, {"govHeadPhone", govHeadPhone, "32"}}) {
            if (f[1] != null && f[1].strip().length() > Integer.parseInt(f[2])) {
                errors.put(f[0], "validation.too.long");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Region before = get(id);
        int n = jdbc.sql("""
                UPDATE region SET party_head = :ph, party_head_phone = :php, gov_head = :gh, gov_head_phone = :ghp,
                                  version = version + 1
                WHERE id = :id AND version = :v
                """)
                .param("ph", trim(partyHead)).param("php", trim(partyHeadPhone)).param("gh", trim(govHead))
                .param("ghp", trim(govHeadPhone)).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new BusinessException("error.conflict");
        }
        audit.record("UPDATE", "region", id, before.name(), heads(before), heads(get(id)));
    }

    private static Map<String, Object> heads(Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partyHead", r.partyHead());
        m.put("partyHeadPhone", r.partyHeadPhone());
        m.put("govHead", r.govHead());
        m.put("govHeadPhone", r.govHeadPhone());
        return m;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Region map(ResultSet rs, int n) throws SQLException {
        return new Region(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                rs.getString("name"), RegionLevel.valueOf(rs.getString("region_level")), rs.getString("path"),
                rs.getString("boundary"), rs.getObject("min_lon", Double.class), rs.getObject("min_lat", Double.class),
                rs.getObject("max_lon", Double.class), rs.getObject("max_lat", Double.class),
                rs.getString("party_head"), rs.getString("party_head_phone"), rs.getString("gov_head"),
                rs.getString("gov_head_phone"), rs.getInt("version"));
    }
}
