package org.gridgov.simulation.spark;

import java.io.Serializable;

/**
 * One value of a sweep, as the executors see it.
 *
 * @param index the value's index in the sweep
 * @param parameter the swept parameter's id, e.g. {@code households-per-grid}
 * @param value the value, as text
 * @param scenarioText the scenario with the value applied ({@link ScenarioText})
 */
record DesignPoint(int index, String parameter, String value, String scenarioText)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** E.g. {@code design point households-per-grid=300 (2 of 4)}. */
  String describe(int count) {
    return "design point " + parameter + "=" + value + " (" + (index + 1) + " of " + count + ")";
  }
}
