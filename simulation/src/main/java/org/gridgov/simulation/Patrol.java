package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Patrol discovery (主动发现): grid workers patrol their grids on a schedule and find latent problems
 * before residents report them (群众上报).
 *
 * <p>A share {@link #latentShare()} of the demand stream appears latent: the problem exists from
 * its appearance, but nobody has reported it. A resident reports it after an exponentially
 * distributed natural time with mean {@link #residentReportHours()}. Meanwhile the grid's workers
 * patrol {@link #roundsPerWorkingDay()} times per working day, evenly spread over the calendar's
 * working time, and each round inspects {@link #householdsPerRound()} households per worker: a
 * round finds the problem with probability {@code min(1, workers × householdsPerRound ÷ grid
 * households)}. Whichever comes first enters the engine: a patrol discovery with source {@code
 * GRID_PATROL} (网格员巡查), a resident report with source {@code HOTLINE_12345}. Finer grids and more
 * workers per grid raise the per-round chance; more rounds shorten the time between rounds.
 *
 * <p>The defaults of {@link #defaults()} are assumptions, stated in docs/simulation.md
 * ("Assumptions and limits"), not fitted values.
 *
 * @param latentShare share of the demand that appears latent, in [0, 1]
 * @param roundsPerWorkingDay patrol rounds per working day, {@code > 0}
 * @param householdsPerRound households one worker inspects in one round, {@code > 0}
 * @param residentReportHours mean natural hours from a latent problem's appearance to a resident's
 *     report, {@code > 0}
 */
public record Patrol(
    double latentShare,
    double roundsPerWorkingDay,
    double householdsPerRound,
    double residentReportHours) {

  /**
   * Validates.
   *
   * @param latentShare share of the demand that appears latent, in [0, 1]
   * @param roundsPerWorkingDay patrol rounds per working day, {@code > 0}
   * @param householdsPerRound households one worker inspects in one round, {@code > 0}
   * @param residentReportHours mean natural hours from a latent problem's appearance to a
   *     resident's report, {@code > 0}
   */
  public Patrol {
    checkArgument(
        latentShare >= 0 && latentShare <= 1,
        "patrol.latent-share must be in [0, 1] but was %s",
        latentShare);
    positive("patrol.rounds-per-working-day", roundsPerWorkingDay);
    positive("patrol.households-per-round", householdsPerRound);
    positive("patrol.resident-report-hours", residentReportHours);
  }

  /**
   * Returns the assumed defaults: 30% of problems latent, 2 rounds per working day, 100 households
   * per worker and round, residents report a latent problem after 48 hours on average.
   *
   * @return the defaults
   */
  public static Patrol defaults() {
    return new Patrol(0.3, 2, 100, 48);
  }

  /**
   * Returns a copy with another number of rounds per working day.
   *
   * @param rounds rounds per working day, {@code > 0}
   * @return the copy
   */
  public Patrol withRoundsPerWorkingDay(double rounds) {
    return new Patrol(latentShare, rounds, householdsPerRound, residentReportHours);
  }

  /**
   * Returns the chance that one round of a grid's workers finds a given latent problem.
   *
   * @param workers grid workers in the grid, {@code >= 1}
   * @param gridHouseholds the grid's households, {@code >= 0}
   * @return a probability in (0, 1]
   */
  public double discoveryPerRound(int workers, double gridHouseholds) {
    double covered = workers * householdsPerRound;
    return gridHouseholds <= covered ? 1.0 : covered / gridHouseholds;
  }

  private static void positive(String name, double v) {
    checkArgument(v > 0 && Double.isFinite(v), "%s must be > 0 but was %s", name, v);
  }
}
