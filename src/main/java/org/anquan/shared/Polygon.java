package org.anquan.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple polygon (outer ring only) read from a GeoJSON {@code Polygon} geometry, enough to answer
 * "is this point inside this region?" and to draw the region.
 */
public final class Polygon {

    private static final Pattern POSITION = Pattern.compile("\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*]");

    private final double[] xs;
    private final double[] ys;

    public Polygon(List<GeoPoint> ring) {
        if (ring.size() < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions");
        }
        GeoPoint first = ring.get(0);
        GeoPoint last = ring.get(ring.size() - 1);
        if (first.lon() != last.lon() || first.lat() != last.lat()) {
            throw new IllegalArgumentException("a polygon ring must end where it starts");
        }
        xs = new double[ring.size()];
        ys = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            xs[i] = ring.get(i).lon();
            ys[i] = ring.get(i).lat();
        }
    }

    /** The ring's positions, the first repeated at the end. */
    public List<GeoPoint> ring() {
        List<GeoPoint> ring = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            ring.add(new GeoPoint(xs[i], ys[i]));
        }
        return ring;
    }

    /** Reads the outer ring of a GeoJSON Polygon geometry. */
    public static Polygon fromGeoJson(String geoJson) {
        if (geoJson == null || !geoJson.contains("\"Polygon\"")) {
            throw new IllegalArgumentException("not a GeoJSON Polygon");
        }
        int start = geoJson.indexOf("\"coordinates\"");
        if (start < 0) {
            throw new IllegalArgumentException("GeoJSON Polygon without coordinates");
        }
        // the outer ring is the first ring: stop at the first "]]"
        int end = geoJson.indexOf("]]", start);
        String outer = geoJson.substring(start, end < 0 ? geoJson.length() : end + 1);
        Matcher m = POSITION.matcher(outer);
        List<GeoPoint> ring = new ArrayList<>();
        while (m.find()) {
            ring.add(new GeoPoint(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
        }
        return new Polygon(ring);
    }

    public static String toGeoJson(List<GeoPoint> ring) {
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(ring.get(i).lon()).append(',').append(ring.get(i).lat()).append(']');
        }
        return sb.append("]]}").toString();
    }

    /** Ray casting; points on the boundary may fall either way. */
    public boolean contains(GeoPoint p) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > p.lat()) != (ys[j] > p.lat())
                    && p.lon() < (xs[j] - xs[i]) * (p.lat() - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    public double minLon() { return min(xs); }
    public double maxLon() { return max(xs); }
    public double minLat() { return min(ys); }
    public double maxLat() { return max(ys); }

    private static double min(double[] v) {
        double m = Double.MAX_VALUE;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    private static double max(double[] v) {
        double m = -Double.MAX_VALUE;
        for (double d : v) m = Math.max(m, d);
        return m;
    }
}
