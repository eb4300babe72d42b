package org.anquan.platform.web;

/**
 * One point on the map component: its label, its position (longitude, latitude), its colour and
 * the page it opens. Serialized as the component reads it.
 */
public record MapPoint(String name, double[] value, String color, String url) {

    public MapPoint(String name, double lon, double lat, String color, String url) {
        this(name, new double[] {round(lon), round(lat)}, color, url);
    }

    /** Six decimals: about a decimetre, as precise as a phone's position and as printed everywhere. */
    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
