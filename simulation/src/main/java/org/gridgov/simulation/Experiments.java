package org.gridgov.simulation;

/** Runs {@link Sweep}s: every value and replication, in parallel, with results equal to a sequential run. */
@SuppressWarnings("DoNotCallSuggester") // a stub of the contract until it is implemented
public final class Experiments {
  private Experiments() {}

  /**
   * Runs a sweep.
   *
   * @param sweep the experiment
   * @param progress receives simulated hours done over all runs
   * @return every replication and the summaries
   */
  public static SweepResult run(Sweep sweep, Progress progress) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
