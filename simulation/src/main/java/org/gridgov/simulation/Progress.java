package org.gridgov.simulation;

/**
 * Receives progress of long runs, e.g. to drive a progress bar. Called from the simulating threads:
 * an implementation must be thread-safe. It never influences results.
 */
@FunctionalInterface
public interface Progress {
  /** Ignores progress. */
  Progress NONE = (done, total) -> {};

  /**
   * Reports that {@code done} of {@code total} units of work (simulated hours, summed over runs)
   * are finished.
   *
   * @param done finished units, growing
   * @param total all units
   */
  void update(long done, long total);
}
