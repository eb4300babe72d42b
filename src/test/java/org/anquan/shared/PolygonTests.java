package org.anquan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolygonTests {

    // an L-shaped township: a point in the notch is outside although inside the bounding box
    static final String L_SHAPE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,1],[1,1],[1,2],[0,2],[0,0]]]}";

    @ParameterizedTest(name = "({0}, {1}) inside: {2}")
    @CsvSource({"0.5, 0.5, true", "1.5, 0.5, true", "0.5, 1.5, true", "1.5, 1.5, false", "3, 3, false", "-0.1, 0.5, false"})
    void containsFollowsTheOutline(double lon, double lat, boolean inside) {
        assertThat(Polygon.fromGeoJson(L_SHAPE).contains(new GeoPoint(lon, lat))).isEqualTo(inside);
    }

    @Test
    void readsTheBoundingBox() {
        Polygon p = Polygon.fromGeoJson(L_SHAPE);
        assertThat(List.of(p.minLon(), p.minLat(), p.maxLon(), p.maxLat())).containsExactly(0.0, 0.0, 2.0, 2.0);
    }

    @Test
    void anOpenRingIsRefused() {
        assertThatThrownBy(() -> Polygon.fromGeoJson("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writtenGeoJsonReadsBack() {
        var ring = List.of(new GeoPoint(118, 30), new GeoPoint(118.1, 30), new GeoPoint(118.1, 30.4), new GeoPoint(118, 30));
        assertThat(Polygon.fromGeoJson(Polygon.toGeoJson(ring)).contains(new GeoPoint(118.09, 30.05))).isTrue();
    }
}
