package org.gridgov.simulation;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scenario attribute an experiment can sweep, with its name on the command line and in files.
 *
 * <pre>{@code
 * Scenario coarse = SweepParameter.parse("households-per-grid").apply(scenario, "800");
 * }</pre>
 */
public enum SweepParameter {
  /** {@link Scenario#householdsPerGrid()}: the grid granularity of a generated city. */
  HOUSEHOLDS_PER_GRID("households-per-grid", "Households per grid"),
  /** {@link Staffing#workersPerGrid()}. */
  WORKERS_PER_GRID("workers-per-grid", "Grid workers per grid"),
  /** {@link Scenario#casesPerResidentPerYear()}. */
  CASES_PER_RESIDENT_PER_YEAR("cases-per-resident-per-year", "Cases per resident per year"),
  /** {@link Staffing#departmentDefault()}. */
  DEPARTMENT_CAPACITY("department-capacity", "Handlers per department"),
  /**
   * The routing policy: a name of {@link Scenario#policyVariants()}, or {@code default} for the
   * scenario's own {@link Scenario#routingPolicy()}.
   */
  POLICY("policy", "Routing policy"),
  /**
   * {@link Patrol#roundsPerWorkingDay()}; the scenario must have patrol discovery on (a {@code
   * patrol:} section).
   */
  PATROL_ROUNDS_PER_WORKING_DAY("patrol-rounds-per-working-day", "Patrol rounds per working day");

  private final String id;
  private final String label;

  SweepParameter(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /**
   * Returns the name used on the command line and in files, e.g. {@code households-per-grid}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * Returns a label for charts and tables.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns whether the values are numbers (charts plot them on a numeric axis).
   *
   * @return {@code false} only for {@link #POLICY}
   */
  public boolean numeric() {
    return this != POLICY;
  }

  /**
   * Finds a parameter by its name.
   *
   * @param id e.g. {@code households-per-grid}
   * @return the parameter
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  public static SweepParameter parse(String id) {
    for (SweepParameter p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unknown parameter '%s'; expected one of: %s",
            id,
            Arrays.stream(values()).map(SweepParameter::id).collect(Collectors.joining(", "))));
  }

  /**
   * Returns a copy of the scenario with this parameter set.
   *
   * @param scenario the scenario
   * @param value the value as text
   * @return the modified scenario
   * @throws IllegalArgumentException naming the parameter and the value if the value does not fit
   */
  public Scenario apply(Scenario scenario, String value) {
    ImmutableScenario s = (ImmutableScenario) ImmutableScenario.copyOf(scenario);
    try {
      return switch (this) {
        case HOUSEHOLDS_PER_GRID -> s.withHouseholdsPerGrid(number(value));
        case WORKERS_PER_GRID -> s.withStaffing(s.staffing().withWorkersPerGrid(integer(value)));
        case CASES_PER_RESIDENT_PER_YEAR -> s.withCasesPerResidentPerYear(number(value));
        case DEPARTMENT_CAPACITY ->
            s.withStaffing(s.staffing().withDepartmentDefault(integer(value)));
        case PATROL_ROUNDS_PER_WORKING_DAY -> {
          Patrol patrol =
              s.patrol()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "patrol discovery is off in this scenario; add a patrol: section"));
          yield s.withPatrol(patrol.withRoundsPerWorkingDay(number(value)));
        }
        case POLICY -> {
          if (value.equals("default")) {
            yield s;
          }
          ImmutableSortedMap<String, String> variants = s.policyVariants();
          String text = variants.get(value);
          if (text == null) {
            throw new IllegalArgumentException(
                "no policy variant named '"
                    + value
                    + "'; the scenario has: "
                    + (variants.isEmpty() ? "none" : String.join(", ", variants.keySet()))
                    + " (and 'default')");
          }
          yield s.withRoutingPolicy(text);
        }
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "parameter %s=%s: %s", id, value, e.getMessage()), e);
    }
  }

  private static double number(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number", e);
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number", e);
    }
  }
}
