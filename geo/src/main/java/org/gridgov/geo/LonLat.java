package org.gridgov.geo;

import java.util.Locale;

/**
 * A longitude and latitude in degrees, in whatever datum the method that returns it names (WGS-84
 * unless said otherwise). Longitude first, as in GeoJSON.
 *
 * @param lon the longitude in degrees, in [-180, 180]
 * @param lat the latitude in degrees, in [-90, 90]
 */
public record LonLat(double lon, double lat) {

  /**
   * Validates the components.
   *
   * @param lon the longitude in degrees
   * @param lat the latitude in degrees
   * @throws IllegalArgumentException if a component is not finite or out of range
   */
  public LonLat {
    check(lon, lat);
  }

  /**
   * Checks a coordinate pair the way every gridgov-geo entry point does.
   *
   * @param lon the longitude
   * @param lat the latitude
   * @throws IllegalArgumentException naming the value if a component is NaN, infinite or out of
   *     range
   */
  static void check(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "longitude must be a number in [-180, 180] degrees but was %s", lon));
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "latitude must be a number in [-90, 90] degrees but was %s", lat));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "(%s, %s)", lon, lat);
  }
}
