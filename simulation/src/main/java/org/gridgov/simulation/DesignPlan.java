package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * Which points a designed experiment runs: the factors and one {@link DesignPoint} per combination
 * chosen, with a description of how they were chosen (for the report's method section).
 *
 * <p>Made by {@link FactorialDesigns} (full and fractional factorial) or {@link LatinHypercube}.
 *
 * @param description how the points were chosen, e.g. {@code 2^(4-1) fractional factorial,
 *     resolution IV, generators D=ABC}
 * @param factors the factors' parameters, distinct, in order
 * @param points the points, at least one; each sets exactly the factors, in their order
 */
public record DesignPlan(
    String description, ImmutableList<SweepParameter> factors, ImmutableList<DesignPoint> points) {

  /**
   * Validates.
   *
   * @param description how the points were chosen
   * @param factors the factors' parameters, distinct
   * @param points the points; each sets exactly the factors
   * @throws IllegalArgumentException naming the first point that does not set exactly the factors
   */
  public DesignPlan {
    checkArgument(!factors.isEmpty(), "a design needs at least one factor");
    checkArgument(
        factors.stream().distinct().count() == factors.size(),
        "a design's factors must be distinct but were %s",
        factors);
    checkArgument(!points.isEmpty(), "a design needs at least one point");
    for (int i = 0; i < points.size(); i++) {
      DesignPoint p = points.get(i);
      checkArgument(
          p.settings().keySet().asList().equals(factors),
          "design point %s (%s) does not set exactly the factors %s",
          i,
          p.label(),
          factors);
    }
  }
}
