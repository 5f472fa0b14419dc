package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Where a reporter said the problem is: a WGS-84 longitude and latitude in degrees, as an app or an
 * Open311 client sends it. A report's point can say where the reporter lives, so it is personal
 * data and handled like {@link PersonalData}: {@link #toString()}, {@link #maskedLongitude()} and
 * {@link #maskedLatitude()} round to {@value #MASK_DECIMALS} decimals (about 1 km), and only {@link
 * #revealLongitude()} and {@link #revealLatitude()} return the point as given.
 *
 * <p>Coordinates from Chinese map apps (GCJ-02, BD-09) must be converted to WGS-84 first, e.g. with
 * gridgov-geo's {@code ChinaCoordinates}.
 *
 * <p>Immutable; equal when both coordinates are equal ({@link Double#compare}).
 */
public final class ReportedPoint {
  /** Decimals kept by the masked form: 0.01° is about 1.1 km of latitude. */
  public static final int MASK_DECIMALS = 2;

  private final double longitude;
  private final double latitude;

  private ReportedPoint(double longitude, double latitude) {
    this.longitude = longitude;
    this.latitude = latitude;
  }

  /**
   * Creates a point.
   *
   * @param longitude WGS-84 longitude in degrees, from -180 to 180
   * @param latitude WGS-84 latitude in degrees, from -90 to 90
   * @return the point
   * @throws IllegalArgumentException if a coordinate is not finite or out of its range (the message
   *     names which coordinate and the range, never the value)
   */
  public static ReportedPoint of(double longitude, double latitude) {
    checkArgument(
        Double.isFinite(longitude) && longitude >= -180 && longitude <= 180,
        "a reported point's longitude must be a finite number of degrees from -180 to 180");
    checkArgument(
        Double.isFinite(latitude) && latitude >= -90 && latitude <= 90,
        "a reported point's latitude must be a finite number of degrees from -90 to 90");
    // -0.0 and 0.0 are the same place: keep one of them so equals agrees with the map.
    return new ReportedPoint(longitude + 0.0, latitude + 0.0);
  }

  /**
   * Returns the longitude as given: personal data, for the store and for authorised readers.
   *
   * @return degrees east
   */
  public double revealLongitude() {
    return longitude;
  }

  /**
   * Returns the latitude as given: personal data, for the store and for authorised readers.
   *
   * @return degrees north
   */
  public double revealLatitude() {
    return latitude;
  }

  /**
   * Returns the longitude rounded half-up to {@value #MASK_DECIMALS} decimals.
   *
   * @return the masked longitude
   */
  public double maskedLongitude() {
    return mask(longitude);
  }

  /**
   * Returns the latitude rounded half-up to {@value #MASK_DECIMALS} decimals.
   *
   * @return the masked latitude
   */
  public double maskedLatitude() {
    return mask(latitude);
  }

  private static double mask(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(MASK_DECIMALS, RoundingMode.HALF_UP).doubleValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportedPoint p
        && Double.compare(p.longitude, longitude) == 0
        && Double.compare(p.latitude, latitude) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(longitude) + Double.hashCode(latitude);
  }

  /** Returns the masked point, e.g. {@code ReportedPoint[~119.01, ~25.43]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "ReportedPoint[~%.2f, ~%.2f]", maskedLongitude(), maskedLatitude());
  }
}
