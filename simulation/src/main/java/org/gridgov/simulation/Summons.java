package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * Summoned departments travel and arrive on site (吹哨报到): the departments a summons names travel to
 * the case and report there ({@code Arrive}); the engine's summons clock breaches when they take
 * longer than the summons' limit. Read from the {@code summon-*} keys of a scenario file's {@code
 * mechanisms:} section; absent from a scenario ({@link Scenario#summons()} empty): departments are
 * summoned but never simulated arriving, as before.
 *
 * <p>Which summonses: every summons the engine records for a simulated case (the routing policy's
 * {@code summon} rows); and with {@link #summonAssisting()}, when the routing policy dispatches a
 * lead with assisting departments (协办, e.g. {@code assign owner assist assistants}), the case's
 * supervisor summons those departments to the site with the limit {@link #withinMinutes()}.
 *
 * <p>Travel: a draw from {@link #travel()} when given (minutes from the summons to the arrival);
 * otherwise from the region tree's areas: the department sets out from the centre of the case's
 * district after {@link #setupMinutes()} and drives at {@link #speedKmPerHour()} to a point placed
 * uniformly in a disc of the district's area (scenarios carry areas, not shapes).
 *
 * @param summonAssisting whether assisting departments of a dispatch are summoned on site
 * @param withinMinutes the limit of those summonses in minutes (Beijing's rule: 30), {@code > 0}
 * @param travel the travel time distribution in minutes, or empty for travel from areas
 * @param setupMinutes minutes before a department sets out (travel from areas), {@code >= 0}
 * @param speedKmPerHour the travel speed (travel from areas), {@code > 0}
 */
public record Summons(
    boolean summonAssisting,
    double withinMinutes,
    Optional<Distribution> travel,
    double setupMinutes,
    double speedKmPerHour) {

  /** The limit of a summons the simulation makes, in minutes: 吹哨报到's 30 minutes. */
  public static final double DEFAULT_WITHIN_MINUTES = 30;

  /** The default travel time (an assumption): log-normal with mean 20 and sd 10 minutes. */
  public static final Distribution DEFAULT_TRAVEL = Distribution.lognormal(20, 10);

  /** The default minutes before setting out, for travel from areas (an assumption). */
  public static final double DEFAULT_SETUP_MINUTES = 5;

  /** The default speed for travel from areas (an assumption: urban driving), km/h. */
  public static final double DEFAULT_SPEED_KM_PER_HOUR = 30;

  /**
   * Validates.
   *
   * @param summonAssisting whether assisting departments are summoned
   * @param withinMinutes the limit, {@code > 0}
   * @param travel the travel distribution, or empty
   * @param setupMinutes minutes before setting out, {@code >= 0}
   * @param speedKmPerHour the speed, {@code > 0}
   */
  public Summons {
    Objects.requireNonNull(travel, "travel");
    checkArgument(
        withinMinutes > 0 && Double.isFinite(withinMinutes),
        "mechanisms.summon-within-minutes must be finite and > 0 but was %s",
        withinMinutes);
    checkArgument(
        setupMinutes >= 0 && Double.isFinite(setupMinutes),
        "mechanisms.summon-setup-minutes must be finite and >= 0 but was %s",
        setupMinutes);
    checkArgument(
        speedKmPerHour > 0 && Double.isFinite(speedKmPerHour),
        "mechanisms.summon-speed-kmh must be finite and > 0 but was %s",
        speedKmPerHour);
  }

  /**
   * Assisting departments summoned with the defaults: a 30-minute limit and the default travel.
   *
   * @return the mechanism
   */
  public static Summons defaults() {
    return new Summons(
        true,
        DEFAULT_WITHIN_MINUTES,
        Optional.of(DEFAULT_TRAVEL),
        DEFAULT_SETUP_MINUTES,
        DEFAULT_SPEED_KM_PER_HOUR);
  }

  /**
   * Returns this mechanism with another travel time distribution.
   *
   * @param minutes the distribution in minutes
   * @return the mechanism
   */
  public Summons withTravel(Distribution minutes) {
    return new Summons(
        summonAssisting, withinMinutes, Optional.of(minutes), setupMinutes, speedKmPerHour);
  }

  /**
   * Returns this mechanism with travel from the region tree's areas.
   *
   * @param setup minutes before setting out
   * @param speed the speed in km/h
   * @return the mechanism
   */
  public Summons withTravelFromAreas(double setup, double speed) {
    return new Summons(summonAssisting, withinMinutes, Optional.empty(), setup, speed);
  }
}
