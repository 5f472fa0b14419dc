package org.gridgov.simulation.internal;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.simulation.Patrol;
import org.gridgov.sla.BusinessCalendar;

/**
 * Patrol discovery compiled against a city: the chance per patrol round of finding a latent problem
 * at each case location, and the working time between rounds. Immutable; shared by the replications
 * of one scenario. Pure: the random numbers are passed in.
 */
final class PatrolModel {
  private final Patrol patrol;
  private final BusinessCalendar calendar;
  private final boolean alwaysWorking;

  /** Working milliseconds between two rounds of a grid's patrol. */
  private final double roundIntervalMs;

  /** {@code ln(1 - q)} of each location, q the chance per round; 0 where q = 1. */
  private final double[] logMiss;

  PatrolModel(
      Patrol patrol,
      CityModel city,
      int workersPerGrid,
      BusinessCalendar calendar,
      boolean alwaysWorking,
      long startMs) {
    this.patrol = patrol;
    this.calendar = calendar;
    this.alwaysWorking = alwaysWorking;
    this.roundIntervalMs =
        workingMillisPerDay(calendar, alwaysWorking, startMs) / patrol.roundsPerWorkingDay();
    this.logMiss = new double[city.locationCode.length];
    for (int i = 0; i < logMiss.length; i++) {
      Region r = city.tree.get(city.locationCode[i]);
      Region grid = r.level() == RegionLevel.GRID ? r : r.ancestorAt(RegionLevel.GRID).orElse(r);
      double q = patrol.discoveryPerRound(workersPerGrid, (double) grid.subtreeHouseholds());
      logMiss[i] = q >= 1.0 ? 0.0 : Math.log1p(-q);
    }
  }

  /** The working time of the first working day at or after the start (24 h around the clock). */
  private static double workingMillisPerDay(
      BusinessCalendar calendar, boolean alwaysWorking, long startMs) {
    if (alwaysWorking) {
      return PreparedScenario.HOUR * 24.0;
    }
    Instant first = calendar.nextWorkingTime(Instant.ofEpochMilli(startMs));
    Instant dayStart =
        first.atZone(calendar.zone()).toLocalDate().atStartOfDay(calendar.zone()).toInstant();
    return calendar.workingNanosBetween(dayStart, dayStart.plus(Duration.ofDays(1))) / 1e6;
  }

  /** Whether an appearing problem is latent, from a uniform draw. */
  boolean latent(double u) {
    return u < patrol.latentShare();
  }

  /** When a resident reports a latent problem that appeared at {@code appearMs}. */
  long residentReportAt(long appearMs, double u) {
    double hours = -Math.log(1.0 - u) * patrol.residentReportHours();
    return appearMs + Math.max(1L, Math.round(hours * PreparedScenario.HOUR));
  }

  /**
   * When the grid's patrol finds a latent problem, or {@code Long.MAX_VALUE} if not before {@code
   * notAfterMs}.
   *
   * @param location the case location index
   * @param appearMs when the problem appeared
   * @param uRounds a uniform draw for the number of rounds until discovery (geometric)
   * @param uPhase a uniform draw for the time to the first round after the appearance
   * @param notAfterMs the resident's report: discovery later than this does not matter
   */
  long discoveryAt(int location, long appearMs, double uRounds, double uPhase, long notAfterMs) {
    double lm = logMiss[location];
    double rounds = lm == 0.0 ? 1.0 : 1.0 + Math.floor(Math.log(1.0 - uRounds) / lm);
    double workingMs = (rounds - 1.0 + uPhase) * roundIntervalMs;
    // Working time never runs faster than natural time: a working offset at least the natural
    // delay to the resident's report comes after it.
    if (!(workingMs < notAfterMs - appearMs)) {
      return Long.MAX_VALUE;
    }
    long offset = Math.max(1L, Math.round(workingMs));
    if (alwaysWorking) {
      return appearMs + offset;
    }
    Instant start = calendar.nextWorkingTime(Instant.ofEpochMilli(appearMs));
    Instant at = calendar.plusWorkingTime(start, Duration.ofMillis(offset));
    long ms = at.toEpochMilli();
    return Instant.ofEpochMilli(ms).isBefore(at) ? ms + 1 : ms;
  }
}
