package org.gridgov.benchmarks.simulation;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.people.ShiftPattern;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.Mechanisms;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Patrol;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Roster;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Simulator;
import org.gridgov.simulation.Staff;
import org.gridgov.simulation.Staffing;
import org.gridgov.simulation.Summons;
import org.gridgov.simulation.SupervisionMechanism;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;

/**
 * Timed runs of the {@code putian} scenario (wall-clock, not JMH: one run is the measurement):
 *
 * <ul>
 *   <li>{@code year}: one replication with a horizon of 365 days (plus the scenario's warm-up and
 *       drain);
 *   <li>{@code year-all}: the same year with every issue-22 mechanism on (patrol discovery, staff
 *       role share and absences, rework, priorities with urgent-first queues, verification
 *       failures, suspensions, extensions, visits with reopening, repeat reports, summoned
 *       departments arriving on site);
 *   <li>{@code sweep}: the README's main job, households per grid 150, 300, 500 and 800, 5
 *       replications each, parallelism 2, with the scenario's default periods; prints every
 *       estimate with its 95% half-width.
 * </ul>
 *
 * <p>The system property {@code gridgov.timings.days} shortens (or lengthens) the year's horizon,
 * 365 days by default: a profile of a month, or a look at how the time grows with the horizon.
 * {@code gridgov.timings.district-staff} and {@code gridgov.timings.city-staff} replace the
 * scenario's handlers per district office and for the city office (8 and 8 in {@code putian}),
 * whose overload makes the year slow (docs/BENCHMARKS.md, "Why the year slows down"); 80 and 160
 * keep the year stable with every mechanism on, and are what the ≤ 60 s figures are measured with
 * (docs/BENCHMARKS.md, "The year on a stable Putian").
 *
 * <p>A run named again runs again in the same JVM, which is then warm (compiled code, a sized
 * heap): {@code year-all year-all year-all} times a cold year and two warm ones, as every
 * replication after the first of a sweep or a designed experiment runs. The JSON keys the second
 * and later runs {@code yearAllMechanismsRun2}, {@code yearAllMechanismsRun3}; a repeated year must
 * count the same kernel events, engine events and cases as the first, or the harness stops.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar org.gridgov.benchmarks.simulation.SimulationTimings \
 *     sweep year benchmarks/results/simulation-timed.json
 * </pre>
 */
public final class SimulationTimings {
  private SimulationTimings() {}

  /**
   * Runs the timed runs named in the arguments and writes a JSON summary.
   *
   * @param args {@code sweep}, {@code year} and/or {@code year-all}, each as often as it should
   *     run, then the JSON output file
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("{\n");
    String file = args.length > 0 ? args[args.length - 1] : "simulation-timed.json";
    Map<String, String> firstCounts = new HashMap<>();
    Map<String, Integer> runs = new HashMap<>();
    for (int i = 0; i < args.length - 1; i++) {
      if (i > 0) {
        json.append(",\n");
      }
      int run = runs.merge(args[i], 1, Integer::sum);
      switch (args[i]) {
        case "sweep" -> sweep(out, json, keyOf("sweep", run));
        case "year", "year-all" -> {
          boolean all = args[i].equals("year-all");
          String counts = year(out, json, keyOf(all ? "yearAllMechanisms" : "year", run), all);
          String first = firstCounts.putIfAbsent(args[i], counts);
          if (first != null && !first.equals(counts)) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "run %d of %s in this JVM counted %s, the first %s: the same scenario and seed"
                        + " must give the same run",
                    run,
                    args[i],
                    counts,
                    first));
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown run " + args[i] + "; expected sweep, year or year-all");
      }
    }
    json.append("\n}\n");
    Files.writeString(Path.of(file), json.toString(), StandardCharsets.UTF_8);
    out.println("wrote " + file);
  }

  /**
   * The JSON key of a run: its name the first time in this JVM, then with the run's number ({@code
   * yearAllMechanismsRun2}: the same year again, the JVM warm).
   */
  static String keyOf(String name, int run) {
    return run == 1 ? name : name + "Run" + run;
  }

  private static void sweep(PrintStream out, StringBuilder json, String key) {
    Sweep sweep =
        new Sweep(
            BuiltInScenarios.putian(),
            SweepParameter.HOUSEHOLDS_PER_GRID,
            ImmutableList.of("150", "300", "500", "800"),
            5,
            1,
            2);
    long t0 = System.nanoTime();
    SweepResult r = Experiments.run(sweep, progress(out, t0));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long events = r.runs().stream().mapToLong(ReplicationResult::engineEvents).sum();
    long cases = (long) r.runs().stream().mapToDouble(x -> x.value(Metric.CASES_REPORTED)).sum();
    out.printf(
        Locale.ROOT,
        "%s: %.1f s wall, %d runs, %d engine events, %d cases in horizons%n",
        key,
        seconds,
        r.runs().size(),
        events,
        cases);
    json.append(
        String.format(
            Locale.ROOT,
            "  \"%s\": {\"seconds\": %.1f, \"runs\": %d, \"engineEvents\": %d, \"horizonCases\": %d, \"points\": [",
            key,
            seconds,
            r.runs().size(),
            events,
            cases));
    for (int p = 0; p < r.points().size(); p++) {
      SweepPoint point = r.points().get(p);
      out.printf(Locale.ROOT, "  households-per-grid=%s%n", point.parameterValue());
      json.append(p == 0 ? "\n" : ",\n")
          .append("    {\"value\": \"")
          .append(point.parameterValue())
          .append('"');
      for (Metric m : Metric.values()) {
        Estimate e = point.estimates().get(m);
        if (e == null) {
          continue;
        }
        out.printf(Locale.ROOT, "    %-22s %12.4f ± %.4f%n", m.id(), e.mean(), e.halfWidth());
        json.append(
            String.format(Locale.ROOT, ", \"%s\": [%.6f, %.6f]", m.id(), e.mean(), e.halfWidth()));
      }
      json.append('}');
    }
    json.append("\n  ]}");
  }

  /**
   * Runs one year, prints and appends its figures; returns its counts (kernel events, engine
   * events, cases), which a repeated run must reproduce.
   */
  private static String year(PrintStream out, StringBuilder json, String key, boolean all) {
    Scenario year =
        yearScenario(
            all,
            Long.getLong("gridgov.timings.days", 365),
            Integer.getInteger("gridgov.timings.district-staff", -1),
            Integer.getInteger("gridgov.timings.city-staff", -1));
    long t0 = System.nanoTime();
    ReplicationResult r = Simulator.run(year, 1, 0, progress(out, t0));
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "%s: %.1f s wall, %d kernel events, %d engine events, %.0f cases in the horizon,"
            + " patrol discovery share %.4f, rework rate %.4f, reports per case %.4f,"
            + " urgent on time %.4f, summons on time %.4f, backlog growth %.1f cases a day%n",
        key,
        seconds,
        r.simulatedEvents(),
        r.engineEvents(),
        r.value(Metric.CASES_REPORTED),
        r.value(Metric.PATROL_DISCOVERY_SHARE),
        r.value(Metric.REWORK_RATE),
        r.value(Metric.REPORTS_PER_CASE),
        r.value(Metric.ON_TIME_CLOSING_RATE_URGENT),
        r.value(Metric.SUMMONS_ON_TIME_SHARE),
        r.value(Metric.BACKLOG_GROWTH));
    json.append(
        String.format(
            Locale.ROOT,
            "  \"%s\": {\"seconds\": %.1f, \"kernelEvents\": %d, \"engineEvents\": %d, \"horizonCases\": %.0f,"
                + " \"backlogGrowthPerDay\": %.1f}",
            key,
            seconds,
            r.simulatedEvents(),
            r.engineEvents(),
            r.value(Metric.CASES_REPORTED),
            r.value(Metric.BACKLOG_GROWTH)));
    return String.format(
        Locale.ROOT,
        "%d kernel events, %d engine events, %.0f cases",
        r.simulatedEvents(),
        r.engineEvents(),
        r.value(Metric.CASES_REPORTED));
  }

  /**
   * The timed year: {@code putian} with a horizon of {@code days}, its warm-up and drain, and every
   * mechanism on if {@code all}; a staff count below 0 keeps the scenario's (8 and 8).
   *
   * @param all whether every issue-22 mechanism is on ({@link #allMechanisms})
   * @param days the horizon in days
   * @param districtStaff handlers per district office, or -1
   * @param cityStaff handlers of the city office, or -1
   * @return the scenario
   */
  static Scenario yearScenario(boolean all, long days, int districtStaff, int cityStaff) {
    Scenario s = BuiltInScenarios.putian();
    Staffing st = s.staffing();
    Scenario.Builder year =
        Scenario.builder()
            .name("putian-year")
            .city(s.city())
            .warmUp(s.warmUp())
            .horizon(Duration.ofDays(days))
            .drain(s.drain())
            .addAllCategories(s.categories())
            .staffing(
                new Staffing(
                    st.workersPerGrid(),
                    st.communityStaff(),
                    st.streetStaff(),
                    districtStaff < 0 ? st.districtStaff() : districtStaff,
                    cityStaff < 0 ? st.cityStaff() : cityStaff,
                    st.departmentDefault(),
                    st.departments()))
            .travel(s.travel());
    if (all) {
      allMechanisms(year);
    }
    return year.build();
  }

  /**
   * Switches on every mechanism of issue 22 this build has: patrol discovery at its defaults; grid
   * workers at 60 % role share; 5 % rework; 10 % urgent cases served first; 5 % invalid reports; 2
   * % suspensions and 3 % extensions; visits with 5 % not satisfied; 10 % repeat reports; assisting
   * departments summoned on site with the default travel; grid workers on a roster of the
   * calendar's working hours with 5 % absent shift days, handing over at the end of each window;
   * supervision (督办) at the first breach with its defaults (illustrative values: these mechanisms
   * have no published defaults).
   */
  static void allMechanisms(Scenario.Builder b) {
    b.patrol(Patrol.defaults())
        .staff(new Staff(0.6, 0)) // absences: the roster's, per shift day
        .mechanisms(
            new Mechanisms(0.05)
                .withPriorities(0.1, true)
                .withInvalidShare(0.05)
                .withSuspensions(0.02, Mechanisms.DEFAULT_SUSPENSION_HOURS)
                .withExtensions(0.03, Mechanisms.DEFAULT_EXTENSION_DAYS)
                .withVisits(0.05, Mechanisms.DEFAULT_VISIT_HOURS)
                .withRepeats(0.1, Mechanisms.DEFAULT_REPEAT_HOURS))
        .summons(Summons.defaults())
        .roster(
            Roster.of(
                List.of(
                    ShiftPattern.of(
                        "day",
                        List.of(
                            new ShiftPattern.Window(
                                ShiftPattern.Days.WORKING_DAYS,
                                LocalTime.of(9, 0),
                                LocalTime.of(12, 0)),
                            new ShiftPattern.Window(
                                ShiftPattern.Days.WORKING_DAYS,
                                LocalTime.of(13, 30),
                                LocalTime.of(17, 30))))),
                0.05))
        .handover(true)
        .supervision(SupervisionMechanism.defaults());
  }

  private static Progress progress(PrintStream out, long t0) {
    long[] lastPercent = {-1};
    return (done, total) -> {
      long percent = done * 10 / Math.max(1, total);
      synchronized (lastPercent) {
        if (percent > lastPercent[0]) {
          lastPercent[0] = percent;
          out.printf(
              Locale.ROOT, "  %3d%% after %.1f s%n", percent * 10, (System.nanoTime() - t0) / 1e9);
        }
      }
    };
  }
}
