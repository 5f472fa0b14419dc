package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference points published with two widely used open-source implementations:
 *
 * <ul>
 *   <li>wandergis/coordtransform, test/app.js: the outputs for (116.404, 39.915) in every
 *       direction;
 *   <li>googollee/eviltransform, its test table: WGS-84 → GCJ-02 for points in Shanghai, Shenzhen
 *       and Beijing. (Its BD-09 → WGS-84 pair in Zhejiang differs from Baidu's published formula,
 *       used here and by coordtransform, by about 5 m; it is not used.)
 * </ul>
 */
class ChinaCoordinatesTest {

  @Test
  void coordtransformReferenceOutputs() {
    LonLat bdToGcj = ChinaCoordinates.bd09ToGcj02(116.404, 39.915);
    assertThat(bdToGcj.lon()).isCloseTo(116.39762729119315, offset(1e-12));
    assertThat(bdToGcj.lat()).isCloseTo(39.90865673957631, offset(1e-12));
    LonLat gcjToBd = ChinaCoordinates.gcj02ToBd09(116.404, 39.915);
    assertThat(gcjToBd.lon()).isCloseTo(116.41036949371029, offset(1e-12));
    assertThat(gcjToBd.lat()).isCloseTo(39.92133699351021, offset(1e-12));
    LonLat wgsToGcj = ChinaCoordinates.wgs84ToGcj02(116.404, 39.915);
    assertThat(wgsToGcj.lon()).isCloseTo(116.41024449916938, offset(1e-12));
    assertThat(wgsToGcj.lat()).isCloseTo(39.91640428150164, offset(1e-12));
    // coordtransform's gcj02towgs84 is the one-step approximation (input minus the offset at the
    // input); ours
    // iterates to the exact inverse, which differs from it by the offset's change over ~600 m: a
    // few 1e-6 degrees.
    LonLat gcjToWgs = ChinaCoordinates.gcj02ToWgs84(116.404, 39.915);
    assertThat(gcjToWgs.lon()).isCloseTo(116.39775550083061, offset(2e-5));
    assertThat(gcjToWgs.lat()).isCloseTo(39.91359571849836, offset(2e-5));
  }

  static Stream<Arguments> evilTransformWgsToGcj() {
    return Stream.of(
        Arguments.of(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215), // Shanghai
        Arguments.of(22.543847, 113.912316, 22.540796131694766, 113.9171764808363), // Shenzhen
        Arguments.of(39.911954, 116.377817, 39.91334545536069, 116.38404722455657)); // Beijing
  }

  @ParameterizedTest
  @MethodSource("evilTransformWgsToGcj")
  void evilTransformReferencePoints(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(wgsLon, wgsLat);
    // eviltransform uses the WGS-84 semi-major axis in one term where others use Krasovsky's:
    // within 1e-6 degree.
    assertThat(gcj.lon()).isCloseTo(gcjLon, offset(1e-6));
    assertThat(gcj.lat()).isCloseTo(gcjLat, offset(1e-6));
    LonLat back = ChinaCoordinates.gcj02ToWgs84(gcj.lon(), gcj.lat());
    assertThat(back.lon()).isCloseTo(wgsLon, offset(1e-9));
    assertThat(back.lat()).isCloseTo(wgsLat, offset(1e-9));
  }

  @Test
  void roundTrips_overChina_seeded() {
    long seed = 20241204L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      double lon = 73 + random.nextDouble() * 62;
      double lat = 18 + random.nextDouble() * 35;
      LonLat gcj = ChinaCoordinates.wgs84ToGcj02(lon, lat);
      LonLat back = ChinaCoordinates.gcj02ToWgs84(gcj.lon(), gcj.lat());
      assertThat(Math.abs(back.lon() - lon) + Math.abs(back.lat() - lat))
          .as("seed %d, point %d (%s, %s)", seed, i, lon, lat)
          .isLessThan(1e-9);
      LonLat bd = ChinaCoordinates.gcj02ToBd09(gcj.lon(), gcj.lat());
      LonLat gcjAgain = ChinaCoordinates.bd09ToGcj02(bd.lon(), bd.lat());
      assertThat(Math.abs(gcjAgain.lon() - gcj.lon()) + Math.abs(gcjAgain.lat() - gcj.lat()))
          .as("seed %d, point %d: BD-09 round trip", seed, i)
          .isLessThan(2e-5);
      // The offset is a few hundred metres, never more than ~0.01 degree.
      assertThat(Math.abs(gcj.lon() - lon)).isLessThan(0.01).isGreaterThan(0);
    }
  }

  @Test
  void outsideTheChinaBox_gcjIsWgs() {
    assertThat(ChinaCoordinates.wgs84ToGcj02(2.35, 48.85)).isEqualTo(new LonLat(2.35, 48.85));
    assertThat(ChinaCoordinates.gcj02ToWgs84(-74, 40.7)).isEqualTo(new LonLat(-74, 40.7));
  }

  @Test
  void badInput_namesTheValue() {
    assertThatThrownBy(() -> ChinaCoordinates.wgs84ToGcj02(181, 30)).hasMessageContaining("181");
    assertThatThrownBy(() -> ChinaCoordinates.gcj02ToBd09(120, Double.NaN))
        .hasMessageContaining("NaN");
  }
}
