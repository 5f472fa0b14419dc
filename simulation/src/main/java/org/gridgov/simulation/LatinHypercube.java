package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latin hypercube {@link DesignPlan}s: {@code n} points over numeric ranges such that each range,
 * cut into {@code n} equal strata, has exactly one point in each stratum (McKay, Beckman and
 * Conover 1979). Seeded and deterministic: the same ranges, {@code n} and seed give the same
 * points.
 *
 * <p>Whole-number parameters ({@link SweepParameter#WORKERS_PER_GRID}, {@link
 * SweepParameter#DEPARTMENT_CAPACITY}) are rounded to the nearest whole number, so two points may
 * then share a level; other values are rounded to four significant digits.
 */
public final class LatinHypercube {
  private LatinHypercube() {}

  /**
   * A numeric factor's range.
   *
   * @param parameter a numeric parameter (not {@link SweepParameter#POLICY})
   * @param lower the lowest value
   * @param upper the highest value, {@code > lower}
   */
  public record Range(SweepParameter parameter, double lower, double upper) {
    /**
     * Validates.
     *
     * @param parameter a numeric parameter
     * @param lower the lowest value
     * @param upper the highest value, {@code > lower}
     * @throws IllegalArgumentException naming the parameter if it is not numeric or the range is
     *     empty
     */
    public Range {
      checkArgument(
          parameter.numeric(),
          "%s is not numeric; a Latin hypercube needs numbers",
          parameter.id());
      checkArgument(
          Double.isFinite(lower) && Double.isFinite(upper) && lower < upper,
          "%s: range [%s, %s] must be finite with lower < upper",
          parameter.id(),
          lower,
          upper);
    }
  }

  /**
   * Returns a Latin hypercube sample.
   *
   * @param ranges the factors' ranges, at least one, distinct parameters
   * @param n the number of points, {@code >= 2}
   * @param seed the sample's seed (independent of the experiment's seed)
   * @return the plan
   * @throws IllegalArgumentException if {@code n < 2} or a parameter repeats
   */
  public static DesignPlan plan(List<Range> ranges, int n, long seed) {
    checkArgument(n >= 2, "a Latin hypercube needs n >= 2 points but n was %s", n);
    checkArgument(!ranges.isEmpty(), "a Latin hypercube needs at least one range");
    SplittableRandom random = RandomStreams.of(seed).stream("latin-hypercube", 0);
    String[][] values = new String[ranges.size()][n];
    for (int d = 0; d < ranges.size(); d++) {
      Range r = ranges.get(d);
      int[] strata = permutation(n, random);
      for (int i = 0; i < n; i++) {
        double x = r.lower() + (strata[i] + random.nextDouble()) / n * (r.upper() - r.lower());
        values[d][i] = text(r.parameter(), x);
      }
    }
    ImmutableList.Builder<DesignPoint> points = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      ImmutableMap.Builder<SweepParameter, String> settings = ImmutableMap.builder();
      for (int d = 0; d < ranges.size(); d++) {
        settings.put(ranges.get(d).parameter(), values[d][i]);
      }
      points.add(new DesignPoint(settings.buildOrThrow()));
    }
    return new DesignPlan(
        String.format(Locale.ROOT, "Latin hypercube, %d points, seed %d", n, seed),
        ranges.stream().map(Range::parameter).collect(ImmutableList.toImmutableList()),
        points.build());
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static String text(SweepParameter parameter, double x) {
    if (parameter == SweepParameter.WORKERS_PER_GRID
        || parameter == SweepParameter.DEPARTMENT_CAPACITY) {
      return Long.toString(Math.round(x));
    }
    return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
