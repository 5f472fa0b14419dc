package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The case-lifecycle mechanisms a scenario switches on beyond the base model (issue #22,
 * "Mechanisms"). Every mechanism is off by default, and with all of them off a run is the base
 * model, number for number.
 *
 * <p>Check failures and rework (核查不通过, 返工): after a resolution the supervisor's check fails with
 * probability {@link #reworkProbability()}; the engine records {@code CheckFailed}, the case goes
 * back to its handler (status {@code HANDLING}, same lead) and joins that station's queue again, is
 * worked again and resolved and checked again. Draws come from their own random stream ({@code
 * rework}), so switching the mechanism on does not move any other stream's numbers. The default 0
 * is an assumption (off); a value such as 0.05 is an assumption too, of the order of the 返工率 that
 * 数字城管 evaluations track as a quality indicator, not a fitted figure.
 *
 * @param reworkProbability the probability that one check after a resolution fails, in [0, 1)
 */
public record Mechanisms(double reworkProbability) {

  /** Every mechanism off: the base model. */
  public static final Mechanisms OFF = new Mechanisms(0);

  /**
   * Validates.
   *
   * @param reworkProbability the probability that one check fails, in [0, 1)
   */
  public Mechanisms {
    checkArgument(
        reworkProbability >= 0 && reworkProbability < 1,
        "mechanisms.rework-probability must be >= 0 and < 1 but was %s",
        reworkProbability);
  }

  /**
   * Returns whether check failures and rework are on.
   *
   * @return {@code reworkProbability() > 0}
   */
  public boolean rework() {
    return reworkProbability > 0;
  }
}
