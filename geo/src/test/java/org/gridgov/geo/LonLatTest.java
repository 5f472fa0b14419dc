package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The coordinate pair's domain: both ends of each range in, just past them and NaN out. */
class LonLatTest {

  @Test
  void theEndsOfBothRanges_areAccepted() {
    for (double lon : new double[] {-180, 0, 180}) {
      for (double lat : new double[] {-90, 0, 90}) {
        LonLat p = new LonLat(lon, lat);
        assertThat(p.lon()).isEqualTo(lon);
        assertThat(p.lat()).isEqualTo(lat);
      }
    }
  }

  @Test
  void aLongitudeOutsideItsRange_isRefusedNamingIt() {
    for (double lon : new double[] {Math.nextUp(180.0), Math.nextDown(-180.0), Double.NaN, 1e300}) {
      assertThatThrownBy(() -> new LonLat(lon, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("longitude must be a number in [-180, 180] degrees but was " + lon);
    }
  }

  @Test
  void aLatitudeOutsideItsRange_isRefusedNamingIt() {
    for (double lat : new double[] {Math.nextUp(90.0), Math.nextDown(-90.0), Double.NaN}) {
      assertThatThrownBy(() -> new LonLat(0, lat))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("latitude must be a number in [-90, 90] degrees but was " + lat);
    }
  }

  @Test
  void toString_isTheTwoNumbersInOrder() {
    assertThat(new LonLat(119.0078, 25.4540)).hasToString("(119.0078, 25.454)");
    assertThat(new LonLat(-0.5, -90)).hasToString("(-0.5, -90.0)");
  }
}
