package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Travel time of a grid worker to a case and back, growing with the grid's area: one round trip
 * takes {@code baseMinutes + minutesPerKm * sqrt(grid area in km²)} minutes (the side of a square
 * grid of that area).
 *
 * @param baseMinutes the fixed part, {@code >= 0}
 * @param minutesPerKm minutes per km of grid side, {@code >= 0}
 */
public record Travel(double baseMinutes, double minutesPerKm) {
  /** No travel at all. */
  public static final Travel NONE = new Travel(0, 0);

  /**
   * Validates.
   *
   * @param baseMinutes the fixed part, {@code >= 0}
   * @param minutesPerKm minutes per km of grid side, {@code >= 0}
   */
  public Travel {
    checkArgument(
        baseMinutes >= 0 && Double.isFinite(baseMinutes),
        "baseMinutes must be >= 0 but was %s",
        baseMinutes);
    checkArgument(
        minutesPerKm >= 0 && Double.isFinite(minutesPerKm),
        "minutesPerKm must be >= 0 but was %s",
        minutesPerKm);
  }

  /**
   * Returns the round-trip time for a grid.
   *
   * @param gridAreaSquareMetres the grid's area
   * @return minutes
   */
  public double minutes(double gridAreaSquareMetres) {
    return baseMinutes + minutesPerKm * Math.sqrt(Math.max(0, gridAreaSquareMetres) / 1e6);
  }
}
