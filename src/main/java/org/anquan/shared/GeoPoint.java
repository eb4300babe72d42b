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

    /** The great-circle distance to another point in metres (haversine, on a sphere of the Earth's mean radius). */
    public double metersTo(GeoPoint other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Null when either coordinate is missing. */
    public static GeoPoint ofNullable(Double lon, Double lat) {
        return lon == null || lat == null ? null : new GeoPoint(lon, lat);
    }
}
