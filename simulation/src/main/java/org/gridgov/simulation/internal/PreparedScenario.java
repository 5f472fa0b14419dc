package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.simulation.CategoryMix;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Roster;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Staff;
import org.gridgov.simulation.WorkSchedule;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A scenario compiled against its city: policies parsed and compiled, the arrival rate of every
 * simulated hour, category tables and staff per station. Immutable; shared by the replications of
 * one scenario.
 */
public final class PreparedScenario {
  static final long HOUR = 3_600_000L;

  final Scenario scenario;
  final CityModel city;
  final TablePolicy routing;
  final SlaPolicy sla;
  final BusinessCalendar calendar;

  /** Whether servers work around the clock (no working-time arithmetic). */
  final boolean alwaysWorking;

  final long startMs;
  final long horizonStartMs;
  final long horizonEndMs;
  final long endMs;

  /** Arrivals per millisecond in each hour from {@link #startMs}. */
  final double[] hourlyRate;

  private final double expectedCases;

  final ImmutableList<String> categoryCodes;
  final Distribution[] handling;
  final double[] solvedByHolder;
  final double[] cumulativeShare;
  final int[] servers;

  /** Patrol discovery, or null when the mechanism is off. */
  final @Nullable PatrolModel patrol;

  /**
   * Grid workers' capacity factor ({@code Staff#capacityFactor()}); 1 when the mechanism is off.
   */
  final double gridCapacity;

  /** The grid workers' shift roster over the run, or null when the mechanism is off. */
  final @Nullable RosterModel roster;

  /**
   * Prepares a scenario over a prepared city.
   *
   * @param scenario the scenario
   * @param city its city (built from {@code scenario.city()} and its households per grid)
   * @return the prepared scenario
   * @throws IllegalArgumentException if a policy does not parse or does not fit the city
   */
  public static PreparedScenario of(Scenario scenario, CityModel city) {
    return new PreparedScenario(scenario, city);
  }

  private PreparedScenario(Scenario s, CityModel city) {
    this.scenario = s;
    this.city = city;
    this.routing = routing(s, city);
    this.sla = sla(s);
    this.calendar = Calendars.of(s.calendar());
    this.alwaysWorking =
        s.workSchedule() == WorkSchedule.ALWAYS || s.calendar() == CalendarChoice.ALWAYS_OPEN;
    ZoneId zone = calendar.zone();
    Instant start = s.start().atZone(zone).toInstant();
    this.startMs = start.toEpochMilli();
    this.horizonStartMs = startMs + s.warmUp().toMillis();
    this.horizonEndMs = horizonStartMs + s.horizon().toMillis();
    this.endMs = horizonEndMs + s.drain().toMillis();
    checkCoverage(s, calendar, startMs, endMs);
    this.hourlyRate = hourlyRates(s, city.residents, startMs, endMs, calendar);
    this.expectedCases = expectedCases(hourlyRate);
    checkExpectedCases(s, city.residents, expectedCases, startMs, endMs);
    ImmutableList<CategoryMix> cats = s.categories();
    this.categoryCodes =
        cats.stream().map(CategoryMix::categoryCode).collect(ImmutableList.toImmutableList());
    this.handling = cats.stream().map(CategoryMix::handling).toArray(Distribution[]::new);
    this.solvedByHolder = cats.stream().mapToDouble(CategoryMix::solvedByHolder).toArray();
    this.cumulativeShare = cumulativeShares(s);
    this.servers = servers(s, city);
    this.patrol =
        s.patrol()
            .map(
                pt ->
                    new PatrolModel(
                        pt, city, s.staffing().workersPerGrid(), calendar, alwaysWorking, startMs))
            .orElse(null);
    this.roster = s.roster().map(r -> roster(s, r, city)).orElse(null);
    double roleShare = roster != null ? roster.roleShare() : 1.0;
    this.gridCapacity = s.staff().map(Staff::capacityFactor).orElse(1.0) * roleShare;
  }

  /** The roster over the run: generated, or from the scenario's staff registry. */
  private RosterModel roster(Scenario s, Roster r, CityModel city) {
    if (r.staffCsv().isEmpty()) {
      return new RosterModel(r, s.staffing().workersPerGrid(), calendar, startMs, endMs);
    }
    try {
      return RosterRegistry.model(r, city, calendar, startMs, endMs);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("scenario " + s.name() + ": " + e.getMessage(), e);
    }
  }

  /** The scenario's routing policy compiled on the city's graph, or the example policy. */
  private static TablePolicy routing(Scenario s, CityModel city) {
    try {
      return s.routingPolicy().isPresent()
          ? PolicyTable.parse(new StringReader(s.routingPolicy().get()), "routing-policy")
              .compile(city.graph)
          : ExamplePolicy.policy(city.graph);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "scenario " + s.name() + ": routing policy: " + e.getMessage(), e);
    }
  }

  /** The scenario's SLA policy, or the built-in default. */
  private static SlaPolicy sla(Scenario s) {
    try {
      return SlaPolicy.parse(
          new StringReader(s.slaPolicy().orElseGet(BuiltInScenarios::defaultSlaPolicy)),
          "sla-policy");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "scenario " + s.name() + ": SLA policy: " + e.getMessage(), e);
    }
  }

  /** Refuses a run (plus 60 days for deadlines) outside the calendar's coverage. */
  private static void checkCoverage(
      Scenario s, BusinessCalendar calendar, long startMs, long endMs) {
    ZoneId zone = calendar.zone();
    checkArgument(
        !s.start().toLocalDate().isBefore(calendar.firstDate())
            && !Instant.ofEpochMilli(endMs)
                .atZone(zone)
                .toLocalDate()
                .plusDays(60)
                .isAfter(calendar.lastDate()),
        "scenario %s: the run from %s for %s (plus 60 days for deadlines) leaves the calendar's coverage %s..%s",
        s.name(),
        s.start(),
        Duration.ofMillis(endMs - startMs),
        calendar.firstDate(),
        calendar.lastDate());
  }

  /** Refuses a run expected to report more than {@link Scenario#MAX_EXPECTED_CASES}. */
  private static void checkExpectedCases(
      Scenario s, long residents, double expectedCases, long startMs, long endMs) {
    if (expectedCases > Scenario.MAX_EXPECTED_CASES) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "scenario %s: about %,.0f cases expected (%,d residents at %s cases per resident per"
                  + " year over %s of warm-up, horizon and drain); a run may expect at most %,d"
                  + " (Scenario.MAX_EXPECTED_CASES): lower cases-per-resident-per-year or shorten"
                  + " the periods",
              s.name(),
              expectedCases,
              residents,
              s.casesPerResidentPerYear(),
              Duration.ofMillis(endMs - startMs),
              Scenario.MAX_EXPECTED_CASES));
    }
  }

  /** The categories' cumulative shares (the last exactly 1); refuses a code that is not digits. */
  private static double[] cumulativeShares(Scenario s) {
    ImmutableList<CategoryMix> cats = s.categories();
    double[] cumulativeShare = new double[cats.size()];
    double total = 0;
    for (CategoryMix c : cats) {
      total += c.share();
    }
    double acc = 0;
    for (int i = 0; i < cats.size(); i++) {
      acc += cats.get(i).share() / total;
      cumulativeShare[i] = acc;
      checkArgument(
          cats.get(i).categoryCode().chars().allMatch(ch -> ch >= '0' && ch <= '9'),
          "scenario %s: category code '%s' must be digits",
          s.name(),
          cats.get(i).categoryCode());
    }
    cumulativeShare[cats.size() - 1] = 1.0;
    return cumulativeShare;
  }

  /** Handlers per station: grid workers, office staff by level, department capacity. */
  private static int[] servers(Scenario s, CityModel city) {
    int[] servers = new int[city.stationLevel.length];
    for (int st = 0; st < servers.length; st++) {
      servers[st] =
          switch (city.stationLevel[st]) {
            case CityModel.GRID -> s.staffing().workersPerGrid();
            case CityModel.COMMUNITY -> s.staffing().communityStaff();
            case CityModel.STREET -> s.staffing().streetStaff();
            case CityModel.DISTRICT -> s.staffing().districtStaff();
            case CityModel.CITY -> s.staffing().cityStaff();
            default -> s.staffing().department(city.stationHandler.get(st));
          };
    }
    return servers;
  }

  /** The arrival rate per millisecond in each hour of the run, from its start. */
  private static double[] hourlyRates(
      Scenario s, long residents, long startMs, long endMs, BusinessCalendar calendar) {
    int hours = (int) ((endMs - startMs + HOUR - 1) / HOUR);
    double[] hourlyRate = new double[hours];
    double hourSum = 0;
    for (double w : s.hourlyProfile()) {
      hourSum += w;
    }
    double weekSum = 0;
    for (double w : s.weekdayProfile()) {
      weekSum += w;
    }
    double perDay = residents * s.casesPerResidentPerYear() / 365.0;
    for (int h = 0; h < hours; h++) {
      ZonedDateTime local = Instant.ofEpochMilli(startMs + h * HOUR).atZone(calendar.zone());
      double rate =
          perDay
              * s.hourlyProfile().get(local.getHour())
              / hourSum
              * s.weekdayProfile().get(local.getDayOfWeek().getValue() - 1)
              / (weekSum / 7.0);
      if (s.calendar() == CalendarChoice.CHINA && !calendar.isWorkingDay(local.toLocalDate())) {
        rate *= s.offDayFactor();
      }
      hourlyRate[h] = rate / HOUR;
    }
    return hourlyRate;
  }

  private static double expectedCases(double[] hourlyRate) {
    double sum = 0;
    for (double r : hourlyRate) {
      sum += r * HOUR;
    }
    return sum;
  }

  /**
   * Returns the number of cases a run is expected to report: the arrival rate summed over the run's
   * hours (warm-up, horizon and drain), at most {@link Scenario#MAX_EXPECTED_CASES}.
   *
   * @return the expected number of reported cases
   */
  public double expectedCases() {
    return expectedCases;
  }

  /**
   * Returns the total simulated hours of a run (warm-up, horizon and drain), the unit of progress.
   *
   * @return hours
   */
  public long totalHours() {
    return hourlyRate.length;
  }

  /**
   * Returns the scenario.
   *
   * @return the scenario
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * Returns the city.
   *
   * @return the city
   */
  public CityModel city() {
    return city;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PreparedScenario[%s, %d grids, %d residents]",
        scenario.name(),
        city.grids,
        city.residents);
  }
}
