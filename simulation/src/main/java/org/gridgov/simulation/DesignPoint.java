package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of a designed experiment: a level for each factor.
 *
 * @param settings each factor's parameter and its level as text, in the design's factor order; at
 *     least one
 */
public record DesignPoint(ImmutableMap<SweepParameter, String> settings) {

  /**
   * Validates.
   *
   * @param settings each factor's parameter and its level as text; at least one
   */
  public DesignPoint {
    checkArgument(!settings.isEmpty(), "a design point needs at least one setting");
  }

  /**
   * Returns a copy of a scenario with every setting applied.
   *
   * @param scenario the base scenario
   * @return the scenario of this point
   * @throws IllegalArgumentException naming the parameter and value that do not fit
   */
  public Scenario apply(Scenario scenario) {
    Scenario s = scenario;
    for (Map.Entry<SweepParameter, String> e : settings.entrySet()) {
      s = e.getKey().apply(s, e.getValue());
    }
    return s;
  }

  /**
   * Returns the point's label, e.g. {@code households-per-grid=150, workers-per-grid=2}: the {@link
   * ReplicationResult#parameterValue()} of its runs.
   *
   * @return the label
   */
  public String label() {
    return settings.entrySet().stream()
        .map(e -> e.getKey().id() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /**
   * Returns one factor's level.
   *
   * @param parameter the factor's parameter
   * @return its level as text
   * @throws IllegalArgumentException if the point does not set the parameter
   */
  public String level(SweepParameter parameter) {
    String v = settings.get(parameter);
    checkArgument(v != null, "design point %s does not set %s", label(), parameter.id());
    return v;
  }
}
