package org.gridgov.geo;

import java.util.Locale;

/**
 * What {@link RegionLocator} does with a point that no polygon contains: refuse it (the default: an
 * empty result), or take the nearest region of the deepest level with geometry if it is at most
 * {@link #maxDistanceMetres()} away. A report a few metres off the city's edge (GPS noise on a
 * riverbank) is then still placed; a point in the sea is not.
 *
 * @param maxDistanceMetres the farthest a point may lie outside and still be placed; 0 refuses
 *     every outside point
 */
public record OutsidePolicy(double maxDistanceMetres) {

  /**
   * Validates the distance.
   *
   * @param maxDistanceMetres the farthest distance, in metres
   * @throws IllegalArgumentException if it is negative, NaN or infinite
   */
  public OutsidePolicy {
    if (!(maxDistanceMetres >= 0 && maxDistanceMetres < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "maxDistanceMetres must be finite and >= 0 but was %s",
              maxDistanceMetres));
    }
  }

  /**
   * Refuses points outside every polygon.
   *
   * @return the policy
   */
  public static OutsidePolicy refuse() {
    return new OutsidePolicy(0);
  }

  /**
   * Places a point outside every polygon in the nearest deepest-level region within a distance.
   *
   * @param metres the distance, &gt;= 0
   * @return the policy
   */
  public static OutsidePolicy nearestWithin(double metres) {
    return new OutsidePolicy(metres);
  }

  /**
   * Tells whether outside points are refused.
   *
   * @return whether the distance is 0
   */
  public boolean refuses() {
    return maxDistanceMetres == 0;
  }
}
