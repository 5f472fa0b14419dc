package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;

/**
 * Full and two-level fractional factorial {@link DesignPlan}s.
 *
 * <p>In a fractional factorial the factors are lettered A, B, C, ... in order; the first {@code k -
 * p} are the base factors, run as a full 2<sup>k-p</sup> factorial, and each of the last {@code p}
 * is set by a generator such as {@code D=ABC}: its coded level (-1 for the first level, +1 for the
 * second) is the product of the named base factors' coded levels. The resolution is the length of
 * the shortest word in the defining relation (Montgomery, <i>Design and Analysis of
 * Experiments</i>, ch. 8): at resolution III main effects are aliased with two-factor interactions,
 * at IV not, at V two-factor interactions are not aliased with each other.
 */
public final class FactorialDesigns {
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private FactorialDesigns() {}

  /**
   * Returns every combination of the factors' levels, the first factor varying slowest.
   *
   * @param factors the factors, at least one, distinct parameters
   * @return the plan
   * @throws IllegalArgumentException if a parameter repeats
   */
  public static DesignPlan full(List<Factor> factors) {
    checkArgument(!factors.isEmpty(), "a full factorial needs at least one factor");
    int n = 1;
    StringBuilder dims = new StringBuilder();
    for (Factor f : factors) {
      n = Math.multiplyExact(n, f.levels().size());
      dims.append(dims.length() == 0 ? "" : "×").append(f.levels().size());
    }
    ImmutableList.Builder<DesignPoint> points = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      ImmutableMap.Builder<SweepParameter, String> settings = ImmutableMap.builder();
      int rest = i;
      int stride = n;
      for (Factor f : factors) {
        stride /= f.levels().size();
        settings.put(f.parameter(), f.levels().get(rest / stride));
        rest %= stride;
      }
      points.add(new DesignPoint(settings.buildOrThrow()));
    }
    return new DesignPlan(
        String.format(Locale.ROOT, "full factorial %s (%d points)", dims, n),
        parameters(factors),
        points.build());
  }

  /**
   * Returns a two-level fractional factorial: the base factors in standard order (A alternating
   * fastest), the generated factors set by their generators.
   *
   * @param factors the factors, each with exactly two levels, lettered A, B, ... in order
   * @param generators one per generated factor, for the last factors in order, e.g. {@code D=ABC}
   * @return the plan; its description states 2^(k-p), the resolution and the generators
   * @throws IllegalArgumentException naming the factor or generator that is malformed
   */
  public static DesignPlan fractional(List<Factor> factors, List<String> generators) {
    int k = factors.size();
    int p = generators.size();
    checkArgument(k <= LETTERS.length(), "at most %s factors but got %s", LETTERS.length(), k);
    checkArgument(p < k, "%s generators leave no base factor among %s factors", p, k);
    for (int i = 0; i < k; i++) {
      Factor f = factors.get(i);
      checkArgument(
          f.levels().size() == 2,
          "factor %s (%s) must have two levels for a fractional factorial but has %s",
          LETTERS.charAt(i),
          f.parameter().id(),
          f.levels().size());
    }
    int base = k - p;
    int[] generatorMasks = new int[p];
    for (int g = 0; g < p; g++) {
      generatorMasks[g] = parseGenerator(generators.get(g), base + g, base);
    }
    ImmutableList.Builder<DesignPoint> points = ImmutableList.builder();
    for (int run = 0; run < 1 << base; run++) {
      ImmutableMap.Builder<SweepParameter, String> settings = ImmutableMap.builder();
      for (int i = 0; i < k; i++) {
        int sign = i < base ? bitSign(run, 1 << i) : bitSign(run, generatorMasks[i - base]);
        settings.put(factors.get(i).parameter(), factors.get(i).levels().get(sign > 0 ? 1 : 0));
      }
      points.add(new DesignPoint(settings.buildOrThrow()));
    }
    int resolution = resolution(generatorMasks, base);
    String description =
        p == 0
            ? String.format(Locale.ROOT, "full factorial 2^%d (%d points)", k, 1 << base)
            : String.format(
                Locale.ROOT,
                "2^(%d-%d) fractional factorial (%d points), resolution %s, generators %s",
                k,
                p,
                1 << base,
                roman(resolution),
                String.join(" ", generators));
    return new DesignPlan(description, parameters(factors), points.build());
  }

  /**
   * Returns the resolution of a two-level fraction: the length of the shortest word in its defining
   * relation.
   *
   * @param generators each generator as a bit mask of base factors (bit i = factor i)
   * @param base the number of base factors
   * @return the resolution; {@link Integer#MAX_VALUE} for a full factorial (no generators)
   */
  static int resolution(int[] generators, int base) {
    int best = Integer.MAX_VALUE;
    for (int subset = 1; subset < 1 << generators.length; subset++) {
      int word = 0;
      for (int g = 0; g < generators.length; g++) {
        if ((subset & (1 << g)) != 0) {
          word ^= generators[g] | (1 << (base + g));
        }
      }
      best = Math.min(best, Integer.bitCount(word));
    }
    return best;
  }

  /** The product of the masked base factors' coded levels in a run (bit set = +1, clear = -1). */
  private static int bitSign(int run, int mask) {
    int sign = 1;
    for (int b = 0; b < 31; b++) {
      if ((mask & (1 << b)) != 0) {
        sign *= (run & (1 << b)) != 0 ? 1 : -1;
      }
    }
    return sign;
  }

  private static int parseGenerator(String text, int factor, int base) {
    String expected = LETTERS.charAt(factor) + "=";
    checkArgument(
        text.startsWith(expected) && text.length() > expected.length(),
        "generator '%s': expected %s followed by base factors among %s",
        text,
        expected,
        LETTERS.substring(0, base));
    int mask = 0;
    for (char c : text.substring(expected.length()).toCharArray()) {
      int i = LETTERS.indexOf(c);
      checkArgument(
          i >= 0 && i < base,
          "generator '%s': '%s' is not a base factor; expected letters among %s",
          text,
          c,
          LETTERS.substring(0, base));
      checkArgument((mask & (1 << i)) == 0, "generator '%s' repeats '%s'", text, c);
      mask |= 1 << i;
    }
    checkArgument(
        Integer.bitCount(mask) >= 2,
        "generator '%s' names one base factor; a generated factor would copy it",
        text);
    return mask;
  }

  private static String roman(int r) {
    String[] names = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return r < names.length ? names[r] : Integer.toString(r);
  }

  private static ImmutableList<SweepParameter> parameters(List<Factor> factors) {
    return factors.stream().map(Factor::parameter).collect(ImmutableList.toImmutableList());
  }
}
