package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/** Scenarios that gridgov ships. */
public final class BuiltInScenarios {
  private BuiltInScenarios() {}

  /**
   * The category mix of {@link #putian()}: categories of the sample catalogue that the example
   * routing policy sends to grids (about 80% of cases), street offices (18%) and communities (2%),
   * with handling times at one holder (travel excluded) and the probability that a grid, community
   * or street office solves the case itself. Illustrative values, not measurements.
   */
  static final ImmutableList<CategoryMix> PUTIAN_CATEGORIES =
      ImmutableList.of(
          // Grid level (01, 02, 05, 06, 0402, 0404): quick street-level problems a grid worker
          // fixes on the spot.
          new CategoryMix("0102", 14, Distribution.lognormal(60, 40), 0.95), // exposed rubbish
          new CategoryMix("0104", 7, Distribution.lognormal(50, 30), 0.95), // dirty road
          new CategoryMix(
              "0101", 3, Distribution.lognormal(180, 120), 0.5), // unauthorised structure
          new CategoryMix(
              "0201", 7, Distribution.lognormal(40, 25), 0.97), // illegal small advertisement
          new CategoryMix("0502", 7, Distribution.lognormal(60, 40), 0.9), // trading on the road
          new CategoryMix(
              "0504", 9, Distribution.lognormal(45, 30), 0.8), // illegally parked motor vehicle
          new CategoryMix(
              "0505", 6, Distribution.lognormal(40, 25), 0.95), // illegally parked bicycle
          new CategoryMix("0601", 10, Distribution.lognormal(150, 100), 0.9), // neighbour dispute
          new CategoryMix("0602", 7, Distribution.lognormal(120, 80), 0.85), // safety hazard
          new CategoryMix("0603", 7, Distribution.lognormal(90, 60), 0.9), // noise nuisance
          new CategoryMix("0402", 2, Distribution.lognormal(240, 150), 0.3), // burst water pipe
          new CategoryMix("0404", 1, Distribution.lognormal(120, 90), 0.6), // flooded road
          // Street level (03, 0401, 0403, 51-54).
          new CategoryMix(
              "0301", 4, Distribution.lognormal(120, 90), 0.8), // construction disturbing residents
          new CategoryMix(
              "0302", 2, Distribution.lognormal(120, 90), 0.8), // dust from a construction site
          new CategoryMix("5101", 3, Distribution.lognormal(90, 60), 0.7), // manhole cover
          new CategoryMix("5102", 4, Distribution.lognormal(60, 40), 0.8), // street lamp
          new CategoryMix("5302", 3, Distribution.lognormal(45, 30), 0.9), // litter bin
          new CategoryMix("5401", 2, Distribution.lognormal(90, 60), 0.8), // street tree
          // Community level (55).
          new CategoryMix("5502", 2, Distribution.lognormal(180, 120), 0.6)); // vacant building

  /**
   * Returns the {@code putian} scenario: Putian's real districts and streets, generated
   * communities, 10,440 grids and 136,063 units, about 3.21 million residents, one case per
   * resident per year, the example routing policy, the default SLA policy and the China calendar.
   *
   * <p>Staffing: 1 grid worker per grid, 2 handlers per community, 12 per street, 8 per district, 8
   * for the city and 60 per department; travel 10 minutes plus 30 minutes per km of grid side.
   * Periods: warm-up 2 days, horizon 7 days (one week, about 60,000 cases), drain up to 7 days (the
   * run ends as soon as every case of the horizon is closed): short enough for the 4 ×
   * 5-replication sweep to take minutes, long enough for 95% half-widths of a fraction of a
   * percentage point on the rates (see docs/BENCHMARKS.md).
   *
   * @return the scenario
   */
  public static Scenario putian() {
    return Scenario.builder()
        .name("putian")
        .city(new CitySpec.Putian(1))
        .warmUp(Duration.ofDays(2))
        .horizon(Duration.ofDays(7))
        .drain(Duration.ofDays(7))
        .casesPerResidentPerYear(1.0)
        .addAllCategories(PUTIAN_CATEGORIES)
        .staffing(
            new Staffing(1, 2, 12, 8, 8, 60, com.google.common.collect.ImmutableSortedMap.of()))
        .travel(new Travel(10, 30))
        .build();
  }

  /** The routing policy of {@link #mmc}: every new case to its grid office. */
  static final String MMC_POLICY =
      """
      category,region,priority,point,holder,action
      *,*,*,NEW_CASE,*,assign office@GRID
      """;

  /** The SLA policy of {@link #mmc}: limits of ten years, so no SLA level ever fires. */
  static final String MMC_SLA =
      """
      levels     red@1.0
      whole-case *  *  *  natural P3650D
      handle     *  *  *  natural P3650D
      """;

  /** Expected arrivals in an M/M/c scenario's warm-up and horizon. */
  static final int MMC_WARM_UP_ARRIVALS = 1_000;

  static final int MMC_HORIZON_ARRIVALS = 10_000;

  /**
   * Returns an M/M/c scenario: one grid with {@code c} workers working around the clock, Poisson
   * arrivals, exponential handling, no travel, nothing returned or escalated.
   *
   * <p>1,000 residents whose case rate gives λ per hour, flat profiles, the {@link
   * CalendarChoice#ALWAYS_OPEN} calendar and {@link WorkSchedule#ALWAYS}; one category with
   * handling {@code exponential(60/μ)} minutes, solved by the holder; check time 0. Warm-up: the
   * time of 1,000 expected arrivals; horizon: 10,000 expected arrivals.
   *
   * @param model the queue
   * @return the scenario
   */
  public static Scenario mmc(MmcModel model) {
    int residents = 1_000;
    double lambda = model.arrivalsPerHour();
    return Scenario.builder()
        .name(
            String.format(
                Locale.ROOT,
                "mmc-%s-%s-%d",
                number(lambda),
                number(model.servicesPerHour()),
                model.servers()))
        .city(new CitySpec.SingleGrid(residents))
        .warmUp(hours(MMC_WARM_UP_ARRIVALS / lambda))
        .horizon(hours(MMC_HORIZON_ARRIVALS / lambda))
        .drain(hours(MMC_HORIZON_ARRIVALS / lambda))
        .casesPerResidentPerYear(lambda * 24 * 365 / residents)
        .hourlyProfile(ImmutableList.copyOf(Collections.nCopies(24, 1.0)))
        .weekdayProfile(ImmutableList.copyOf(Collections.nCopies(7, 1.0)))
        .offDayFactor(1.0)
        .addCategories(
            new CategoryMix(
                "0102", 1, Distribution.exponential(60.0 / model.servicesPerHour()), 1.0))
        .staffing(Staffing.defaults().withWorkersPerGrid(model.servers()))
        .workSchedule(WorkSchedule.ALWAYS)
        .travel(Travel.NONE)
        .checkTime(Distribution.fixed(0))
        .calendar(CalendarChoice.ALWAYS_OPEN)
        .routingPolicy(MMC_POLICY)
        .slaPolicy(MMC_SLA)
        .build();
  }

  private static Duration hours(double h) {
    return Duration.ofMillis(Math.round(h * 3_600_000.0));
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
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
   * Returns the default SLA policy text used when a scenario names none: limits in working time on
   * the scenario's calendar, warnings at 50% and 80% of each limit, handler clocks restarted on a
   * transfer or a return.
   *
   * <ul>
   *   <li>whole case: 5 working days (emergencies {@code 04}: 1; construction {@code 03} and
   *       buildings and land {@code 55}: 10);
   *   <li>handling by the lead: 2 working days (emergencies: 4 working hours; {@code 03} and {@code
   *       55}: 5 working days);
   *   <li>urgent cases: 4 working hours to handle, 1 working day in all.
   * </ul>
   *
   * @return the text, in {@code org.gridgov.sla.SlaPolicy}'s format
   */
  public static String defaultSlaPolicy() {
    return """
        # gridgov's default SLA policy for simulations: working time on the scenario's calendar.
        levels     yellow@0.5 orange@0.8 red@1.0
        transfer   RESTART
        return     RESTART
        whole-case *    *       *  working-days 5 same-clock-time
        handle     *    *       *  working-days 2 same-clock-time
        whole-case 04   *       *  working-days 1 same-clock-time
        handle     04   *       *  working PT4H
        whole-case 03   *       *  working-days 10 same-clock-time
        handle     03   *       *  working-days 5 same-clock-time
        whole-case 55   *       *  working-days 10 same-clock-time
        handle     55   *       *  working-days 5 same-clock-time
        whole-case *    URGENT  *  working-days 1 same-clock-time
        handle     *    URGENT  *  working PT4H
        """;
  }
}
