package org.gridgov.metrics;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The weights of a {@link Scorecard}'s composite score and the acceptance limit, as data: parsed
 * from a policy text ({@link #parse}), never hard-coded. The weights are in {@code [0, 1]} and sum
 * to 1 (within 1e-9); an indicator not named weighs 0.
 *
 * <p>The text form, one setting per line, {@code #} starts a comment:
 *
 * <pre>
 * accept-within PT2H           # an assignment accepted within this (natural time) is in time
 * weight accepted-in-time 0.1
 * weight on-time-handling 0.3
 * weight on-time-closing 0.2
 * weight rework 0.1
 * weight shirking 0.1
 * weight supervised 0.1
 * weight satisfaction 0.1
 * </pre>
 */
public final class ScorecardWeights {
  private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The indicators the composite weighs (the text form's names in parentheses). */
  public enum Indicator {
    /**
     * Assignments accepted within the limit, per assignment received ({@code accepted-in-time}).
     */
    ACCEPTED_IN_TIME("accepted-in-time"),
    /** 按期处置率 ({@code on-time-handling}). */
    ON_TIME_HANDLING("on-time-handling"),
    /** 按期结案率 ({@code on-time-closing}). */
    ON_TIME_CLOSING("on-time-closing"),
    /** One minus 返工率, at least 0 ({@code rework}). */
    REWORK("rework"),
    /** One minus 推诿 per assignment received, at least 0 ({@code shirking}). */
    SHIRKING("shirking"),
    /** One minus supervised cases per assignment received, at least 0 ({@code supervised}). */
    SUPERVISED("supervised"),
    /** 满意率 ({@code satisfaction}). */
    SATISFACTION("satisfaction");

    private final String key;

    Indicator(String key) {
      this.key = key;
    }

    /**
     * Returns the indicator's name in the text form.
     *
     * @return the name
     */
    public String key() {
      return key;
    }
  }

  private final ImmutableMap<Indicator, Double> weights;
  private final Duration acceptWithin;

  private ScorecardWeights(Map<Indicator, Double> weights, Duration acceptWithin) {
    this.weights = ImmutableMap.copyOf(weights);
    this.acceptWithin = acceptWithin;
  }

  /**
   * Creates weights; see the class comment for the rules.
   *
   * @param weights the weight of each indicator (absent: 0)
   * @param acceptWithin the acceptance limit, positive
   * @return the weights
   * @throws IllegalArgumentException naming the bad weight or the sum
   */
  public static ScorecardWeights of(Map<Indicator, Double> weights, Duration acceptWithin) {
    Objects.requireNonNull(acceptWithin, "acceptWithin");
    if (acceptWithin.isNegative() || acceptWithin.isZero()) {
      throw new IllegalArgumentException("accept-within must be positive but was " + acceptWithin);
    }
    EnumMap<Indicator, Double> w = new EnumMap<>(Indicator.class);
    double sum = 0;
    for (Indicator i : Indicator.values()) {
      double v = weights.getOrDefault(i, 0.0);
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "weight %s must be in [0, 1] but was %s", i.key(), v));
      }
      w.put(i, v);
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "the weights must sum to 1 but sum to %s: %s", sum, w));
    }
    return new ScorecardWeights(w, acceptWithin);
  }

  /**
   * Parses the text form.
   *
   * @param text the text
   * @param source where it came from, for messages
   * @return the weights
   * @throws IllegalArgumentException naming the source, line, field and what was expected, or the
   *     sum when the weights do not sum to 1
   */
  public static ScorecardWeights parse(String text, String source) {
    EnumMap<Indicator, Double> w = new EnumMap<>(Indicator.class);
    @Nullable Duration within = null;
    String[] lines = LINE_BREAK.split(text, -1);
    for (int n = 1; n <= lines.length; n++) {
      String raw = lines[n - 1];
      int hash = raw.indexOf('#');
      String body = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (body.isEmpty()) {
        continue;
      }
      String[] f = WHITESPACE.split(body);
      switch (f[0]) {
        case "accept-within" -> {
          fields(f, 2, source, n, "accept-within <ISO duration>");
          if (within != null) {
            throw bad(source, n, 1, "keyword", f[0], "one accept-within line");
          }
          within = duration(f[1], source, n);
        }
        case "weight" -> {
          fields(f, 3, source, n, "weight <indicator> <number in [0, 1]>");
          Indicator i = indicator(f[1], source, n);
          if (w.containsKey(i)) {
            throw bad(source, n, 2, "indicator", f[1], "each indicator once");
          }
          w.put(i, weight(f[2], source, n));
        }
        default -> throw bad(source, n, 1, "keyword", f[0], "accept-within or weight");
      }
    }
    if (within == null) {
      throw new IllegalArgumentException(source + ": no accept-within line");
    }
    try {
      return of(w, within);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static void fields(String[] f, int count, String source, int line, String form) {
    if (f.length != count) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s line %d: %d fields; expected %d: %s",
              source,
              line,
              f.length,
              count,
              form));
    }
  }

  private static Duration duration(String s, String source, int line) {
    try {
      Duration d = Duration.parse(s);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw bad(source, line, 2, "duration", s, "a positive ISO-8601 duration such as PT2H");
  }

  private static Indicator indicator(String s, String source, int line) {
    for (Indicator i : Indicator.values()) {
      if (i.key().equals(s)) {
        return i;
      }
    }
    StringBuilder keys = new StringBuilder();
    for (Indicator i : Indicator.values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(i.key());
    }
    throw bad(source, line, 2, "indicator", s, "one of " + keys);
  }

  private static double weight(String s, String source, int line) {
    try {
      double v = Double.parseDouble(s);
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(source, line, 3, "weight", s, "a number in [0, 1]");
  }

  private static IllegalArgumentException bad(
      String source, int line, int field, String name, String got, String expected) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s line %d field %d (%s): got \"%s\"; expected %s",
            source,
            line,
            field,
            name,
            got,
            expected));
  }

  /**
   * Returns the weight of an indicator.
   *
   * @param indicator the indicator
   * @return its weight
   */
  public double weight(Indicator indicator) {
    return Objects.requireNonNull(weights.get(indicator), "every indicator has a weight");
  }

  /**
   * Returns the acceptance limit: an assignment accepted within it (natural time) is in time.
   *
   * @return the limit
   */
  public Duration acceptWithin() {
    return acceptWithin;
  }

  @Override
  public String toString() {
    return "ScorecardWeights[" + weights + ", accept within " + acceptWithin + "]";
  }
}
