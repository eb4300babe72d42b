package org.anquan.directory.regions;

import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;

/** An administrative region: the city, a county or district, a township or street. */
public record Region(long id, Long parentId, String code, String name, RegionLevel level, String path,
                     String boundary, Double minLon, Double minLat, Double maxLon, Double maxLat,
                     String partyHead, String partyHeadPhone, String govHead, String govHeadPhone, int version) {

    public boolean mayContain(GeoPoint p) {
        return boundary != null && minLon != null && p.lon() >= minLon && p.lon() <= maxLon
                && p.lat() >= minLat && p.lat() <= maxLat;
    }

    public boolean contains(GeoPoint p) {
        return mayContain(p) && Polygon.fromGeoJson(boundary).contains(p);
    }

    public boolean isAncestorOrSelfOf(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }

    public int depth() {
        return level.ordinal();
    }
}
