package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The distribution of the time from report to closing over the cases closed in a period.
 *
 * <p>Percentiles use the nearest-rank method: with the {@code n} durations sorted ascending, the
 * p-th percentile is the value at 1-based rank {@code ceil(p × n)}; so p50 of {1, 2, 3, 4} hours is
 * 2 hours and p90 is 4 hours.
 *
 * @param count the number of closed cases measured
 * @param mean the arithmetic mean, truncated to whole nanoseconds; empty when {@code count == 0}
 * @param p50 the median; empty when {@code count == 0}
 * @param p90 the 90th percentile; empty when {@code count == 0}
 */
public record TimeToClose(
    long count, Optional<Duration> mean, Optional<Duration> p50, Optional<Duration> p90) {

  /**
   * Validates.
   *
   * @param count the count component
   * @param mean the mean component
   * @param p50 the p50 component
   * @param p90 the p90 component
   * @throws IllegalArgumentException if count is negative or presence does not match count
   */
  public TimeToClose {
    checkArgument(count >= 0, "count must be >= 0 but was %s", count);
    checkArgument(
        mean.isPresent() == (count > 0)
            && p50.isPresent() == (count > 0)
            && p90.isPresent() == (count > 0),
        "statistics must be present exactly when count > 0");
  }

  /**
   * Computes the statistics of some durations given in nanoseconds.
   *
   * @param nanos the durations; sorted in place
   * @param n how many of the array's first elements to use
   * @return the statistics
   */
  static TimeToClose ofNanos(long[] nanos, int n) {
    if (n == 0) {
      return new TimeToClose(0, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Arrays.sort(nanos, 0, n);
    // Sum in seconds and nanos separately so that a million long durations cannot overflow.
    long seconds = 0;
    long rest = 0;
    for (int i = 0; i < n; i++) {
      seconds += Math.floorDiv(nanos[i], 1_000_000_000L);
      rest += Math.floorMod(nanos[i], 1_000_000_000L);
    }
    seconds += rest / 1_000_000_000L;
    rest %= 1_000_000_000L;
    // mean = (seconds * 1e9 + rest) / n, computed without overflow
    long meanSeconds = seconds / n;
    long remSeconds = seconds % n;
    long meanNanos = (remSeconds * 1_000_000_000L + rest) / n;
    Duration mean = Duration.ofSeconds(meanSeconds, meanNanos);
    return new TimeToClose(
        n,
        Optional.of(mean),
        Optional.of(Duration.ofNanos(rank(nanos, n, 0.5))),
        Optional.of(Duration.ofNanos(rank(nanos, n, 0.9))));
  }

  private static long rank(long[] sorted, int n, double p) {
    int r = (int) Math.ceil(p * n);
    return sorted[Math.max(r, 1) - 1];
  }
}
