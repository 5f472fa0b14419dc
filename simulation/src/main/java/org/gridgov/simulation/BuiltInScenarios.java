package org.gridgov.simulation;

import java.util.Optional;

/** Scenarios that gridgov ships. */
@SuppressWarnings("DoNotCallSuggester") // a stub of the contract until it is implemented
public final class BuiltInScenarios {
  private BuiltInScenarios() {}

  /**
   * Returns the {@code putian} scenario: Putian's real districts and streets, generated communities, 10,440 grids
   * and 136,063 units, about 3.21 million residents, one case per resident per year, the example routing policy,
   * the default SLA policy and the China calendar.
   *
   * @return the scenario
   */
  public static Scenario putian() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Returns an M/M/c scenario: one grid with {@code c} workers working around the clock, Poisson arrivals,
   * exponential handling, no travel, nothing returned or escalated.
   *
   * @param model the queue
   * @return the scenario
   */
  public static Scenario mmc(MmcModel model) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Returns a built-in scenario by name.
   *
   * @param name {@code putian}
   * @return the scenario, or empty if there is none of that name
   */
  public static Optional<Scenario> named(String name) {
    return name.equals("putian") ? Optional.of(putian()) : Optional.empty();
  }

  /**
   * Returns the default SLA policy text used when a scenario names none.
   *
   * @return the text, in {@code org.gridgov.sla.SlaPolicy}'s format
   */
  public static String defaultSlaPolicy() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
