package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * One factor of a designed experiment: a scenario parameter and the levels it takes.
 *
 * <pre>{@code
 * Factor grids = new Factor(SweepParameter.HOUSEHOLDS_PER_GRID, ImmutableList.of("150", "500"));
 * }</pre>
 *
 * @param parameter the scenario attribute the factor sets
 * @param levels its levels as text, at least one, distinct
 */
public record Factor(SweepParameter parameter, ImmutableList<String> levels) {

  /**
   * Validates.
   *
   * @param parameter the scenario attribute the factor sets
   * @param levels its levels as text, at least one, distinct
   * @throws IllegalArgumentException naming the factor if it has no levels or a repeated level
   */
  public Factor {
    checkArgument(!levels.isEmpty(), "factor %s needs at least one level", parameter.id());
    checkArgument(
        levels.stream().distinct().count() == levels.size(),
        "factor %s: levels must be distinct but were %s",
        parameter.id(),
        levels);
  }

  /**
   * Builds a factor from its levels.
   *
   * @param parameter the parameter
   * @param levels the levels as text
   * @return the factor
   */
  public static Factor of(SweepParameter parameter, String... levels) {
    return new Factor(parameter, ImmutableList.copyOf(levels));
  }
}
