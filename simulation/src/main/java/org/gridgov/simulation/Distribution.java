package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableDoubleArray;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A distribution of durations in minutes, for handling and checking times.
 *
 * <p>Text form (used in scenario files), case-insensitive: {@code fixed(5)}, {@code
 * exponential(30)} (mean), {@code lognormal(60, 30)} (mean, standard deviation), {@code
 * empirical(10 20 35 35 90)} (observed values, drawn with equal probability). Each distribution's
 * {@code toString()} writes the same form, so {@code parse(d.toString())} equals {@code d}.
 */
public sealed interface Distribution {

  /**
   * Draws one value.
   *
   * @param random the stream to draw from
   * @return a value in minutes, {@code >= 0}
   */
  double sampleMinutes(SplittableRandom random);

  /**
   * Returns the mean.
   *
   * @return the mean in minutes
   */
  double meanMinutes();

  /**
   * Returns a constant.
   *
   * @param minutes the value, {@code >= 0}
   * @return the distribution
   */
  static Distribution fixed(double minutes) {
    return new Fixed(minutes);
  }

  /**
   * Returns an exponential distribution.
   *
   * @param meanMinutes the mean, {@code > 0}
   * @return the distribution
   */
  static Distribution exponential(double meanMinutes) {
    return new Exponential(meanMinutes);
  }

  /**
   * Returns a log-normal distribution with the given mean and standard deviation (of the value, not
   * of its log).
   *
   * @param meanMinutes the mean, {@code > 0}
   * @param sdMinutes the standard deviation, {@code > 0}
   * @return the distribution
   */
  static Distribution lognormal(double meanMinutes, double sdMinutes) {
    return new LogNormal(meanMinutes, sdMinutes);
  }

  /**
   * Returns the empirical distribution of observed values.
   *
   * @param minutes the observations, at least one, each {@code >= 0}
   * @return the distribution
   */
  static Distribution empirical(double... minutes) {
    return new Empirical(ImmutableDoubleArray.copyOf(minutes));
  }

  /**
   * Parses the text form.
   *
   * @param text e.g. {@code "lognormal(60, 30)"}
   * @return the distribution
   * @throws IllegalArgumentException naming the text and the accepted forms if it is not one of
   *     them
   */
  static Distribution parse(String text) {
    String t = text.strip();
    int open = t.indexOf('(');
    if (open <= 0 || !t.endsWith(")")) {
      throw bad(text, "expected name(arguments)");
    }
    String name = t.substring(0, open).strip().toLowerCase(Locale.ROOT);
    String inner = t.substring(open + 1, t.length() - 1).strip();
    String[] parts = inner.isEmpty() ? new String[0] : inner.split("[,\\s]+");
    double[] args = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        args[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw bad(text, "argument '" + parts[i] + "' is not a number");
      }
    }
    try {
      return switch (name) {
        case "fixed" -> {
          checkArgument(args.length == 1, "fixed takes 1 argument but got %s", args.length);
          yield fixed(args[0]);
        }
        case "exponential" -> {
          checkArgument(
              args.length == 1, "exponential takes 1 argument (the mean) but got %s", args.length);
          yield exponential(args[0]);
        }
        case "lognormal" -> {
          checkArgument(
              args.length == 2, "lognormal takes 2 arguments (mean, sd) but got %s", args.length);
          yield lognormal(args[0], args[1]);
        }
        case "empirical" -> empirical(args);
        default -> throw bad(text, "unknown distribution '" + name + "'");
      };
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("bad distribution")) {
        throw e;
      }
      throw bad(text, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(
      String text, @org.jspecify.annotations.Nullable String why) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "bad distribution '%s': %s; expected fixed(m), exponential(mean), lognormal(mean, sd) or empirical(v1 v2 ...)"
                + " in minutes",
            text,
            why));
  }

  /**
   * A constant.
   *
   * @param minutes the value
   */
  record Fixed(double minutes) implements Distribution {
    /**
     * Validates.
     *
     * @param minutes the value
     */
    public Fixed {
      checkArgument(
          minutes >= 0 && Double.isFinite(minutes),
          "minutes must be finite and >= 0 but was %s",
          minutes);
    }

    @Override
    public double sampleMinutes(SplittableRandom random) {
      return minutes;
    }

    @Override
    public double meanMinutes() {
      return minutes;
    }

    @Override
    public String toString() {
      return "fixed(" + number(minutes) + ")";
    }
  }

  /**
   * An exponential distribution.
   *
   * @param mean the mean in minutes
   */
  record Exponential(double mean) implements Distribution {
    /**
     * Validates.
     *
     * @param mean the mean in minutes
     */
    public Exponential {
      checkArgument(
          mean > 0 && Double.isFinite(mean), "mean must be finite and > 0 but was %s", mean);
    }

    @Override
    public double sampleMinutes(SplittableRandom random) {
      return -mean * Math.log(1.0 - random.nextDouble());
    }

    @Override
    public double meanMinutes() {
      return mean;
    }

    @Override
    public String toString() {
      return "exponential(" + number(mean) + ")";
    }
  }

  /**
   * A log-normal distribution given by the mean and standard deviation of the value.
   *
   * @param mean the mean in minutes
   * @param sd the standard deviation in minutes
   */
  record LogNormal(double mean, double sd) implements Distribution {
    /**
     * Validates.
     *
     * @param mean the mean in minutes
     * @param sd the standard deviation in minutes
     */
    public LogNormal {
      checkArgument(
          mean > 0 && Double.isFinite(mean), "mean must be finite and > 0 but was %s", mean);
      checkArgument(sd > 0 && Double.isFinite(sd), "sd must be finite and > 0 but was %s", sd);
    }

    @Override
    public double sampleMinutes(SplittableRandom random) {
      double sigma2 = Math.log1p((sd * sd) / (mean * mean));
      double mu = Math.log(mean) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * gaussian(random));
    }

    @Override
    public double meanMinutes() {
      return mean;
    }

    @Override
    public String toString() {
      return "lognormal(" + number(mean) + ", " + number(sd) + ")";
    }

    /** A standard normal variate by the polar method: deterministic for a given stream. */
    private static double gaussian(SplittableRandom random) {
      double u;
      double v;
      double s;
      do {
        u = 2 * random.nextDouble() - 1;
        v = 2 * random.nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      return u * Math.sqrt(-2 * Math.log(s) / s);
    }
  }

  /**
   * The empirical distribution of observed values, each drawn with equal probability.
   *
   * @param values the observations in minutes
   */
  record Empirical(ImmutableDoubleArray values) implements Distribution {
    /**
     * Validates.
     *
     * @param values the observations in minutes
     */
    public Empirical {
      checkArgument(!values.isEmpty(), "empirical needs at least one value");
      for (int i = 0; i < values.length(); i++) {
        double v = values.get(i);
        if (!(v >= 0 && Double.isFinite(v))) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT, "value %s (position %d) must be finite and >= 0", v, i + 1));
        }
      }
    }

    @Override
    public double sampleMinutes(SplittableRandom random) {
      return values.get(random.nextInt(values.length()));
    }

    @Override
    public double meanMinutes() {
      double sum = 0;
      for (int i = 0; i < values.length(); i++) {
        sum += values.get(i);
      }
      return sum / values.length();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("empirical(");
      for (int i = 0; i < values.length(); i++) {
        b.append(i == 0 ? "" : " ").append(number(values.get(i)));
      }
      return b.append(')').toString();
    }
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
