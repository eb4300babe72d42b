package org.anquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Distances between points, as the duplicate offers and the nearest resources read them. */
class GeoPointTests {

    @Test
    void aDegreeOfLatitudeIsAbout111KilometresAndTheDistanceIsTheSameBothWays() {
        GeoPoint a = new GeoPoint(118.0, 30.0);
        GeoPoint b = new GeoPoint(118.0, 31.0);
        assertThat(a.metersTo(b)).isCloseTo(111_195, Offset.offset(1.0));
        assertThat(b.metersTo(a)).isEqualTo(a.metersTo(b));
        // a degree of longitude at 30° N is shorter by the cosine of the latitude
        assertThat(a.metersTo(new GeoPoint(119.0, 30.0))).isCloseTo(96_297, Offset.offset(50.0));
        assertThat(a.metersTo(a)).isZero();
    }
}
