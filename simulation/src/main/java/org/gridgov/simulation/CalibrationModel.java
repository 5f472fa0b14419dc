package org.gridgov.simulation;

/**
 * What {@link Calibration} fits: a simulation that, for a parameter point, returns one value per
 * replication and target.
 *
 * <p>Implementations must be deterministic: the same point gives the same values (common random
 * numbers: every point's replication {@code r} uses the same random streams), so the calibration's
 * objective is a smooth, deterministic function of the parameters (sample-path optimisation).
 */
@FunctionalInterface
public interface CalibrationModel {

  /**
   * Simulates a parameter point.
   *
   * @param point one value per calibration parameter, in their order, within their bounds
   * @return {@code values[r][k]}: replication {@code r}'s value of target {@code k}; at least two
   *     replications, every row as long as the targets, no {@code NaN}
   */
  double[][] simulate(double[] point);
}
