package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableDoubleArray;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A continuous scenario attribute that {@link Calibration} can fit, with its name in scenario files
 * and on the command line.
 *
 * <pre>{@code
 * Scenario slower = CalibrationKnob.HANDLING_SCALE.apply(scenario, 1.2);
 * }</pre>
 */
public enum CalibrationKnob {
  /**
   * Multiplies every category's handling time by the value ({@code > 0}; {@code 1} leaves the
   * scenario as it is): the speed of the people who handle cases.
   */
  HANDLING_SCALE("handling-scale"),
  /** Sets every category's {@link CategoryMix#solvedByHolder()} to the value (in [0, 1]). */
  SOLVED_BY_HOLDER("solved-by-holder"),
  /** {@link Scenario#casesPerResidentPerYear()}. */
  CASES_PER_RESIDENT_PER_YEAR("cases-per-resident-per-year");

  private final String id;

  CalibrationKnob(String id) {
    this.id = id;
  }

  /**
   * Returns the name used in scenario files and on the command line, e.g. {@code handling-scale}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * Finds a knob by its name.
   *
   * @param id e.g. {@code solved-by-holder}
   * @return the knob
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  public static CalibrationKnob parse(String id) {
    for (CalibrationKnob k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unknown calibration parameter '%s'; expected one of: %s",
            id,
            Arrays.stream(values()).map(CalibrationKnob::id).collect(Collectors.joining(", "))));
  }

  /**
   * Returns a copy of the scenario with this knob set.
   *
   * @param scenario the scenario
   * @param value the value
   * @return the modified scenario
   * @throws IllegalArgumentException naming the knob and the value if the value does not fit
   */
  public Scenario apply(Scenario scenario, double value) {
    ImmutableScenario s = (ImmutableScenario) ImmutableScenario.copyOf(scenario);
    try {
      return switch (this) {
        case HANDLING_SCALE -> {
          if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("expected a finite number > 0");
          }
          ImmutableList.Builder<CategoryMix> cs = ImmutableList.builder();
          for (CategoryMix c : s.categories()) {
            cs.add(
                new CategoryMix(
                    c.categoryCode(), c.share(), scale(c.handling(), value), c.solvedByHolder()));
          }
          yield s.withCategories(cs.build());
        }
        case SOLVED_BY_HOLDER -> {
          ImmutableList.Builder<CategoryMix> cs = ImmutableList.builder();
          for (CategoryMix c : s.categories()) {
            cs.add(new CategoryMix(c.categoryCode(), c.share(), c.handling(), value));
          }
          yield s.withCategories(cs.build());
        }
        case CASES_PER_RESIDENT_PER_YEAR -> s.withCasesPerResidentPerYear(value);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "calibration parameter %s=%s: %s", id, value, e.getMessage()),
          e);
    }
  }

  /** Multiplies a distribution's time scale: every draw (and the mean) times {@code factor}. */
  static Distribution scale(Distribution d, double factor) {
    if (d instanceof Distribution.Fixed f) {
      return Distribution.fixed(f.minutes() * factor);
    }
    if (d instanceof Distribution.Exponential e) {
      return Distribution.exponential(e.mean() * factor);
    }
    if (d instanceof Distribution.LogNormal l) {
      return Distribution.lognormal(l.mean() * factor, l.sd() * factor);
    }
    Distribution.Empirical e = (Distribution.Empirical) d;
    ImmutableDoubleArray.Builder b = ImmutableDoubleArray.builder(e.values().length());
    e.values().forEach(x -> b.add(x * factor));
    return new Distribution.Empirical(b.build());
  }
}
