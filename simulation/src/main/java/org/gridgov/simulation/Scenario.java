package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridgov.internal.BuildableStyle;
import org.immutables.value.Value;

/**
 * Everything a simulation run needs except the seed: the city, the demand, the staff, the policies
 * and the period.
 *
 * <p>A run simulates {@link #warmUp()} (discarded), then the measured {@link #horizon()}, then up
 * to {@link #drain()} more so that cases reported near the end of the horizon can close; indicators
 * cover the cases reported during the horizon. Scenarios are values: {@link SweepParameter#apply}
 * returns modified copies.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder()
 *     .name("putian-baseline")
 *     .city(new CitySpec.Putian(1))
 *     .householdsPerGrid(300)
 *     .addAllCategories(BuiltInScenarios.putian().categories())
 *     .build();
 * }</pre>
 *
 * <p>Scenario files (YAML or JSON) name these attributes in kebab case; see {@link ScenarioFiles}.
 */
@Value.Immutable
@BuildableStyle
public abstract class Scenario {

  Scenario() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableScenario.builder();
  }

  /**
   * Returns the name, used in reports.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns where the city comes from.
   *
   * @return the city
   */
  public abstract CitySpec city();

  /**
   * Returns the mean households per grid for generated cities (网格规模), which sets the number of
   * grids; empty keeps the city's own grids. Only for {@link CitySpec.Putian}.
   *
   * @return the households per grid
   */
  public abstract OptionalDouble householdsPerGrid();

  /**
   * Returns the local date and time (in the calendar's zone) the simulation starts. Default Monday
   * 2025-01-06 00:00.
   *
   * @return the start
   */
  @Value.Default
  public LocalDateTime start() {
    return LocalDateTime.of(2025, 1, 6, 0, 0);
  }

  /**
   * Returns the warm-up period, simulated and discarded. Default 7 days.
   *
   * @return the warm-up
   */
  @Value.Default
  public Duration warmUp() {
    return Duration.ofDays(7);
  }

  /**
   * Returns the measured period: indicators cover the cases reported in it. Default 28 days.
   *
   * @return the horizon
   */
  @Value.Default
  public Duration horizon() {
    return Duration.ofDays(28);
  }

  /**
   * Returns how long the simulation goes on after the horizon for its cases to close; cases still
   * open then count as not closed. Default 28 days.
   *
   * @return the drain period
   */
  @Value.Default
  public Duration drain() {
    return Duration.ofDays(28);
  }

  /**
   * The most cases per resident per year a scenario may ask for: 1,000. Real cities report well
   * under 10; the bound keeps a mistyped rate from running a simulation without end.
   */
  public static final double MAX_CASES_PER_RESIDENT_PER_YEAR = 1000;

  /**
   * The most cases a run may be expected to report over its warm-up, horizon and drain: 100,000,000
   * (about five years of Beijing's 12345 hotline). Residents × cases per resident per year × the
   * run's length is known only once the city is built, so the simulator checks it then, before the
   * run starts, and refuses a scenario above it with an {@link IllegalArgumentException} naming the
   * expected count.
   */
  public static final long MAX_EXPECTED_CASES = 100_000_000L;

  /**
   * Returns the mean number of cases per resident per year, in (0, {@value
   * #MAX_CASES_PER_RESIDENT_PER_YEAR}]. Default 1 (Beijing's 12345 hotline saw about 21M cases for
   * 22M residents in 2023).
   *
   * @return the arrival rate per resident
   */
  @Value.Default
  public double casesPerResidentPerYear() {
    return 1.0;
  }

  /**
   * Returns the relative arrival weights of the 24 hours of a day (local time); they need not sum
   * to 1. Default a daytime profile.
   *
   * @return 24 weights
   */
  @Value.Default
  @SuppressWarnings(
      "immutables:untype") // a plain attribute on purpose: the builder sets the whole profile
  public ImmutableList<Double> hourlyProfile() {
    return ImmutableList.of(
        0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.6, 1.0, 1.6, 2.0, 2.0, 1.8, 1.3, 1.5, 1.8, 1.8, 1.7, 1.4,
        1.2, 1.1, 1.0, 0.8, 0.5, 0.3);
  }

  /**
   * Returns the relative arrival weights of the weekdays, Monday first. Default equal.
   *
   * @return 7 weights
   */
  @Value.Default
  @SuppressWarnings(
      "immutables:untype") // a plain attribute on purpose: the builder sets the whole profile
  public ImmutableList<Double> weekdayProfile() {
    return ImmutableList.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
  }

  /**
   * Returns the factor on arrivals during the calendar's off days (weekends and holidays that are
   * not make-up workdays). Default 0.7.
   *
   * @return the off-day factor, {@code >= 0}
   */
  @Value.Default
  public double offDayFactor() {
    return 0.7;
  }

  /**
   * Returns the case categories with their shares and handling times.
   *
   * @return at least one category
   */
  public abstract ImmutableList<CategoryMix> categories();

  /**
   * Returns the staffing. Default {@link Staffing#defaults()}.
   *
   * @return the staffing
   */
  @Value.Default
  public Staffing staffing() {
    return Staffing.defaults();
  }

  /**
   * Returns when staff work on cases. Default {@link WorkSchedule#WORKING_TIME}.
   *
   * @return the schedule
   */
  @Value.Default
  public WorkSchedule workSchedule() {
    return WorkSchedule.WORKING_TIME;
  }

  /**
   * Returns the grid workers' travel model. Default 10 minutes plus 10 minutes per km of grid side.
   *
   * @return the travel model
   */
  @Value.Default
  public Travel travel() {
    return new Travel(10, 10);
  }

  /**
   * Returns the time from a resolution to the check and close. Default {@code fixed(30)}.
   *
   * @return the check time
   */
  @Value.Default
  public Distribution checkTime() {
    return Distribution.fixed(30);
  }

  /**
   * Returns the case-lifecycle mechanisms. Default {@link Mechanisms#OFF}.
   *
   * @return the mechanisms
   */
  @Value.Default
  public Mechanisms mechanisms() {
    return Mechanisms.OFF;
  }

  /**
   * Returns the calendar. Default {@link CalendarChoice#CHINA}.
   *
   * @return the calendar
   */
  @Value.Default
  public CalendarChoice calendar() {
    return CalendarChoice.CHINA;
  }

  /**
   * Returns the routing policy as a policy table (the CSV text of {@code
   * org.gridgov.routing.table.PolicyTable}), over the example routing graph of the city; empty: the
   * shipped example policy ({@code org.gridgov.routing.example.ExamplePolicy}).
   *
   * @return the policy text
   */
  public abstract Optional<String> routingPolicy();

  /**
   * Returns named alternative routing policies (CSV texts), selectable by the {@link
   * SweepParameter#POLICY} parameter.
   *
   * @return the variants by name
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, String> policyVariants();

  /**
   * Returns the SLA policy in its text format ({@code org.gridgov.sla.SlaPolicy#parse}); empty: the
   * built-in default of {@link BuiltInScenarios#defaultSlaPolicy()}.
   *
   * @return the SLA policy text
   */
  public abstract Optional<String> slaPolicy();

  /**
   * Returns patrol discovery (主动发现); empty: every case is reported by a resident at once (the
   * mechanism is off).
   *
   * @return the patrol model
   */
  public abstract Optional<Patrol> patrol();

  /**
   * Returns the grid workers' role share and absences; empty: every grid worker works full time on
   * grid cases and is never absent (the mechanism is off).
   *
   * @return the staff model
   */
  public abstract Optional<Staff> staff();

  /**
   * Returns summoned departments' travel and arrival on site (吹哨报到); empty: summonses are recorded
   * but no department is simulated arriving (the mechanism is off).
   *
   * @return the summons model
   */
  public abstract Optional<Summons> summons();

  /**
   * Returns the grid workers' shift roster and absences; empty: grid workers work the {@link
   * #workSchedule()} like everybody else (the mechanism is off).
   *
   * @return the roster
   */
  public abstract Optional<Roster> roster();

  /**
   * Returns supervision (督办) by the command centre of cases that breach; empty: nothing is
   * supervised (the mechanism is off).
   *
   * @return the supervision mechanism
   */
  public abstract Optional<SupervisionMechanism> supervision();

  /**
   * Returns whether a rostered grid worker going off duty hands the case in hand over to the next
   * worker of the grid on duty (交接班) instead of finishing it past the end of the shift. Default
   * false; needs a {@link #roster()}.
   *
   * @return whether shift handover is on
   */
  @Value.Default
  public boolean handover() {
    return false;
  }

  /**
   * Returns the designed experiment the file's {@code experiment:} section states ({@code
   * gridgov-sim design}); it does not change a run of this scenario.
   *
   * @return the experiment, or empty
   */
  public abstract Optional<ExperimentSpec> experiment();

  /**
   * Returns the calibration the file's {@code calibration:} section states ({@code gridgov-sim
   * calibrate}); it does not change a run of this scenario.
   *
   * @return the calibration, or empty
   */
  public abstract Optional<CalibrationSpec> calibration();

  /**
   * Returns a copy with other periods, e.g. to shorten the built-in scenario for a quick look.
   *
   * <pre>{@code
   * Scenario quick = BuiltInScenarios.putian().withPeriods(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
   * }</pre>
   *
   * @param warmUp the warm-up, {@code >= 0}
   * @param horizon the measured period, {@code > 0}
   * @param drain the longest drain, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if a period is out of range
   */
  public Scenario withPeriods(Duration warmUp, Duration horizon, Duration drain) {
    return ((ImmutableScenario) ImmutableScenario.copyOf(this))
        .withWarmUp(warmUp)
        .withHorizon(horizon)
        .withDrain(drain);
  }

  @Value.Check
  void check() {
    checkArgument(!name().isEmpty(), "name must not be empty");
    checkArgument(!warmUp().isNegative(), "warm-up must be >= 0 but was %s", warmUp());
    checkArgument(!drain().isNegative(), "drain must be >= 0 but was %s", drain());
    checkArgument(
        !horizon().isZero() && !horizon().isNegative(),
        "horizon must be > 0 but was %s",
        horizon());
    checkArgument(
        casesPerResidentPerYear() > 0
            && casesPerResidentPerYear() <= MAX_CASES_PER_RESIDENT_PER_YEAR,
        "cases-per-resident-per-year must be > 0 and <= %s but was %s",
        MAX_CASES_PER_RESIDENT_PER_YEAR,
        casesPerResidentPerYear());
    checkArgument(
        hourlyProfile().size() == 24,
        "hourly-profile needs 24 weights but has %s",
        hourlyProfile().size());
    checkArgument(
        weekdayProfile().size() == 7,
        "weekday-profile needs 7 weights but has %s",
        weekdayProfile().size());
    weights("hourly-profile", hourlyProfile());
    weights("weekday-profile", weekdayProfile());
    checkArgument(
        offDayFactor() >= 0 && Double.isFinite(offDayFactor()),
        "off-day-factor must be >= 0 but was %s",
        offDayFactor());
    checkArgument(!categories().isEmpty(), "categories must not be empty");
    checkArgument(
        !handover() || roster().isPresent(),
        "mechanisms.handover needs a roster: section (shifts to hand over between)");
    if (householdsPerGrid().isPresent()) {
      double h = householdsPerGrid().getAsDouble();
      checkArgument(h > 0 && Double.isFinite(h), "households-per-grid must be > 0 but was %s", h);
      checkArgument(
          city() instanceof CitySpec.Putian,
          "households-per-grid applies to generated cities (city: putian) only, not to %s",
          city());
    }
  }

  private static void weights(String name, ImmutableList<Double> w) {
    double sum = 0;
    for (int i = 0; i < w.size(); i++) {
      double x = w.get(i);
      checkArgument(
          x >= 0 && Double.isFinite(x), "%s weight %s (position %s) must be >= 0", name, x, i + 1);
      sum += x;
    }
    checkArgument(sum > 0, "%s weights must not all be 0", name);
  }

  /** Builds a {@link Scenario}; every attribute at most once. */
  public interface Builder {
    /**
     * Sets the name.
     *
     * @param name the name
     * @return this
     */
    @CanIgnoreReturnValue
    Builder name(String name);

    /**
     * Sets the city.
     *
     * @param city the city
     * @return this
     */
    @CanIgnoreReturnValue
    Builder city(CitySpec city);

    /**
     * Sets the households per grid.
     *
     * @param households mean households per grid
     * @return this
     */
    @CanIgnoreReturnValue
    Builder householdsPerGrid(double households);

    /**
     * Sets the start.
     *
     * @param start local start
     * @return this
     */
    @CanIgnoreReturnValue
    Builder start(LocalDateTime start);

    /**
     * Sets the warm-up.
     *
     * @param warmUp the warm-up
     * @return this
     */
    @CanIgnoreReturnValue
    Builder warmUp(Duration warmUp);

    /**
     * Sets the horizon.
     *
     * @param horizon the measured period
     * @return this
     */
    @CanIgnoreReturnValue
    Builder horizon(Duration horizon);

    /**
     * Sets the drain period.
     *
     * @param drain the drain period
     * @return this
     */
    @CanIgnoreReturnValue
    Builder drain(Duration drain);

    /**
     * Sets the arrival rate.
     *
     * @param rate cases per resident per year
     * @return this
     */
    @CanIgnoreReturnValue
    Builder casesPerResidentPerYear(double rate);

    /**
     * Sets the hourly profile.
     *
     * @param weights 24 weights
     * @return this
     */
    @CanIgnoreReturnValue
    Builder hourlyProfile(ImmutableList<Double> weights);

    /**
     * Sets the weekday profile.
     *
     * @param weights 7 weights, Monday first
     * @return this
     */
    @CanIgnoreReturnValue
    Builder weekdayProfile(ImmutableList<Double> weights);

    /**
     * Sets the off-day factor.
     *
     * @param factor the factor
     * @return this
     */
    @CanIgnoreReturnValue
    Builder offDayFactor(double factor);

    /**
     * Adds categories.
     *
     * @param categories the categories
     * @return this
     */
    @CanIgnoreReturnValue
    Builder addCategories(CategoryMix... categories);

    /**
     * Adds categories.
     *
     * @param categories the categories
     * @return this
     */
    @CanIgnoreReturnValue
    Builder addAllCategories(Iterable<? extends CategoryMix> categories);

    /**
     * Sets the staffing.
     *
     * @param staffing the staffing
     * @return this
     */
    @CanIgnoreReturnValue
    Builder staffing(Staffing staffing);

    /**
     * Sets the work schedule.
     *
     * @param schedule the schedule
     * @return this
     */
    @CanIgnoreReturnValue
    Builder workSchedule(WorkSchedule schedule);

    /**
     * Sets the travel model.
     *
     * @param travel the model
     * @return this
     */
    @CanIgnoreReturnValue
    Builder travel(Travel travel);

    /**
     * Sets the check time.
     *
     * @param checkTime the distribution
     * @return this
     */
    @CanIgnoreReturnValue
    Builder checkTime(Distribution checkTime);

    /**
     * Sets the case-lifecycle mechanisms.
     *
     * @param mechanisms the mechanisms
     * @return this
     */
    @CanIgnoreReturnValue
    Builder mechanisms(Mechanisms mechanisms);

    /**
     * Sets the calendar.
     *
     * @param calendar the calendar
     * @return this
     */
    @CanIgnoreReturnValue
    Builder calendar(CalendarChoice calendar);

    /**
     * Sets the routing policy text.
     *
     * @param csv the policy table
     * @return this
     */
    @CanIgnoreReturnValue
    Builder routingPolicy(String csv);

    /**
     * Adds a routing policy variant.
     *
     * @param name its name
     * @param csv the policy table
     * @return this
     */
    @CanIgnoreReturnValue
    Builder putPolicyVariants(String name, String csv);

    /**
     * Adds routing policy variants.
     *
     * @param variants policy tables by name
     * @return this
     */
    @CanIgnoreReturnValue
    Builder putAllPolicyVariants(java.util.Map<String, ? extends String> variants);

    /**
     * Sets the SLA policy text.
     *
     * @param text the SLA policy
     * @return this
     */
    @CanIgnoreReturnValue
    Builder slaPolicy(String text);

    /**
     * Sets patrol discovery (switches the mechanism on).
     *
     * @param patrol the patrol model
     * @return this
     */
    @CanIgnoreReturnValue
    Builder patrol(Patrol patrol);

    /**
     * Sets the grid workers' role share and absences (switches the mechanism on).
     *
     * @param staff the staff model
     * @return this
     */
    @CanIgnoreReturnValue
    Builder staff(Staff staff);

    /**
     * Sets summoned departments' travel and arrival on site (switches the mechanism on).
     *
     * @param summons the summons model
     * @return this
     */
    @CanIgnoreReturnValue
    Builder summons(Summons summons);

    /**
     * Sets the grid workers' shift roster and absences (switches the mechanism on).
     *
     * @param roster the roster
     * @return this
     */
    @CanIgnoreReturnValue
    Builder roster(Roster roster);

    /**
     * Sets supervision by the command centre (switches the mechanism on).
     *
     * @param supervision the supervision mechanism
     * @return this
     */
    @CanIgnoreReturnValue
    Builder supervision(SupervisionMechanism supervision);

    /**
     * Sets whether rostered grid workers hand over their case at the end of a shift.
     *
     * @param handover whether shift handover is on
     * @return this
     */
    @CanIgnoreReturnValue
    Builder handover(boolean handover);

    /**
     * Sets the designed experiment of the scenario file's {@code experiment:} section.
     *
     * @param experiment the experiment
     * @return this
     */
    @CanIgnoreReturnValue
    Builder experiment(ExperimentSpec experiment);

    /**
     * Sets the calibration of the scenario file's {@code calibration:} section.
     *
     * @param calibration the calibration
     * @return this
     */
    @CanIgnoreReturnValue
    Builder calibration(CalibrationSpec calibration);

    /**
     * Builds the scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException naming the attribute if a value is out of range
     * @throws IllegalStateException naming the attributes if required ones are unset
     */
    Scenario build();
  }
}
