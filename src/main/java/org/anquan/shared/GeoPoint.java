package org.anquan.shared;

/** A WGS-84 point, longitude first as in GeoJSON. */
public record GeoPoint(double lon, double lat) {

    public GeoPoint {
        if (Double.isNaN(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude out of range: " + lon);
        }
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
    }

    /** Null when either coordinate is missing. */
    public static GeoPoint ofNullable(Double lon, Double lat) {
        return lon == null || lat == null ? null : new GeoPoint(lon, lat);
    }
}
