package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A summary of sizes (e.g. units per grid): count, minimum, median, maximum and mean.
 *
 * <p>The median is the lower median: for an even count, the smaller of the two middle values, so it
 * is always one of the measured values. An empty distribution has count 0 and all other components
 * 0.
 *
 * @param count how many regions were measured
 * @param min the smallest value
 * @param median the lower median
 * @param max the largest value
 * @param mean the arithmetic mean
 */
public record SizeDistribution(int count, long min, long median, long max, double mean) {

  /**
   * Validates the components.
   *
   * @param count how many regions were measured
   * @param min the smallest value
   * @param median the lower median
   * @param max the largest value
   * @param mean the arithmetic mean
   * @throws IllegalArgumentException if they are inconsistent
   */
  public SizeDistribution {
    checkArgument(count >= 0, "count must be >= 0 but was %s", count);
    checkArgument(
        count == 0
            ? min == 0 && median == 0 && max == 0 && mean == 0
            : min <= median && median <= max,
        "need min <= median <= max (all 0 when empty) but got %s <= %s <= %s",
        min,
        median,
        max);
  }

  /**
   * Summarises values.
   *
   * @param values the values; not modified
   * @return the distribution
   */
  public static SizeDistribution of(long[] values) {
    if (values.length == 0) {
      return new SizeDistribution(0, 0, 0, 0, 0);
    }
    long[] v = values.clone();
    Arrays.sort(v);
    double sum = 0;
    for (long x : v) {
      sum += x;
    }
    return new SizeDistribution(
        v.length, v[0], v[(v.length - 1) / 2], v[v.length - 1], sum / v.length);
  }
}
