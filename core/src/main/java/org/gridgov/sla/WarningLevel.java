package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A warning level of a clock: reached when the clock's elapsed time (on the clock's axis: working
 * time for working limits, real time for natural ones) reaches a threshold derived from the clock's
 * budget. Either a fraction of the budget (the common traffic light: yellow at 0.8, red at 1.0) or
 * an offset before the deadline ("2 working hours before"). An offset at least as long as the
 * budget is reached at the start.
 *
 * @param name the level's name as the embedder reports it, e.g. {@code yellow}
 * @param fraction the fraction of the budget, {@code > 0} and at most 10; {@code 0} for an offset
 *     level
 * @param beforeDeadline the offset before the deadline on the clock's axis; {@link Duration#ZERO}
 *     for a fraction level (and for {@link #breach})
 */
public record WarningLevel(String name, double fraction, Duration beforeDeadline) {
  private static final int MAX_DECIMALS = 256;
  private static final ConcurrentHashMap<Double, BigDecimal> DECIMALS = new ConcurrentHashMap<>();

  /**
   * Validates the level.
   *
   * @param name the level's name as the embedder reports it, e.g. {@code yellow}
   * @param fraction the fraction of the budget, {@code > 0} and at most 10; {@code 0} for an offset
   *     level
   * @param beforeDeadline the offset before the deadline on the clock's axis; {@link Duration#ZERO}
   *     for a fraction level (and for {@link #breach})
   * @throws IllegalArgumentException if the name is blank, the fraction is outside {@code (0, 10]}
   *     for a fraction level, or the offset is negative
   */
  public WarningLevel {
    checkArgument(!name.isBlank(), "a warning level needs a name");
    Objects.requireNonNull(beforeDeadline, "beforeDeadline");
    checkArgument(
        !beforeDeadline.isNegative(),
        "level %s: offset before deadline must not be negative but was %s",
        name,
        beforeDeadline);
    checkArgument(
        beforeDeadline.compareTo(SlaLimit.MAX_DURATION) <= 0,
        "level %s: offset before deadline must be at most %s but was %s",
        name,
        SlaLimit.MAX_DURATION,
        beforeDeadline);
    checkArgument(
        fraction == 0 || (fraction > 0 && fraction <= 10 && beforeDeadline.isZero()),
        "level %s: fraction must be in (0, 10] (and no offset with it) but was %s",
        name,
        fraction);
  }

  /**
   * Returns a level reached at a fraction of the budget.
   *
   * @param name the name
   * @param fraction e.g. {@code 0.8}; {@code 1.0} is the deadline, above 1 is overdue
   * @return the level
   */
  public static WarningLevel atFraction(String name, double fraction) {
    checkArgument(fraction > 0, "level %s: fraction must be > 0 but was %s", name, fraction);
    return new WarningLevel(name, fraction, Duration.ZERO);
  }

  /**
   * Returns a level reached a fixed time before the deadline, measured on the clock's axis.
   *
   * @param name the name
   * @param offset e.g. two hours
   * @return the level
   */
  public static WarningLevel before(String name, Duration offset) {
    return new WarningLevel(name, 0, offset);
  }

  /**
   * Returns the level reached at the deadline itself.
   *
   * @param name the name, e.g. {@code breached}
   * @return the level (fraction 1.0)
   */
  public static WarningLevel breach(String name) {
    return atFraction(name, 1.0);
  }

  /**
   * Returns the elapsed time, in nanoseconds on the clock's axis, at which the level is reached for
   * a budget: {@code ceil(budget * fraction)} (computed exactly in decimal), or {@code max(0,
   * budget - offset)}.
   *
   * @param budgetNanos the clock's budget
   * @return the threshold
   */
  public long thresholdNanos(long budgetNanos) {
    if (fraction == 1.0) {
      return budgetNanos; // exactly what the decimal product below gives, without it
    }
    if (fraction > 0) {
      return BigDecimal.valueOf(budgetNanos)
          .multiply(decimal(fraction))
          .setScale(0, RoundingMode.CEILING)
          .longValueExact();
    }
    long off = beforeDeadline.toNanos();
    return Math.max(0, budgetNanos - off);
  }

  /**
   * {@code BigDecimal.valueOf(fraction)}, memoised: it goes through {@code Double.toString}, and
   * every SLA clock start asks for the thresholds of the same few fractions. A pure function, so
   * the memo changes no result.
   */
  private static BigDecimal decimal(double fraction) {
    BigDecimal d = DECIMALS.get(fraction);
    if (d == null) {
      d = BigDecimal.valueOf(fraction);
      if (DECIMALS.size() < MAX_DECIMALS) {
        DECIMALS.putIfAbsent(fraction, d);
      }
    }
    return d;
  }

  @Override
  public String toString() {
    return fraction > 0
        ? String.format(
            Locale.ROOT,
            "%s@%s",
            name,
            BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString())
        : name + "@-" + beforeDeadline;
  }
}
