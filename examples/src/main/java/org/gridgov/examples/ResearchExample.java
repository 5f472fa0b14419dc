package org.gridgov.examples;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;

/**
 * A researcher's granularity experiment through the simulation API: how big should a grid be? Runs
 * the built-in {@code putian} scenario (3.2 million residents, one case per resident per year, the
 * real case engine) at 150, 300, 500 and 800 households per grid with 5 replications each, and
 * prints the estimates with their 95% confidence intervals.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am package -DskipTests} then {@code java -cp
 * "examples/target/classes:$(cat cp.txt)" org.gridgov.examples.ResearchExample} — or call {@link
 * #run} from your own code with your own scenario.
 */
public final class ResearchExample {
  /** The experiment seed: the same seed prints the same table. */
  static final long SEED = 2_024L;

  /** The metrics in the table. */
  static final ImmutableList<Metric> COLUMNS =
      ImmutableList.of(
          Metric.ON_TIME_CLOSING_RATE,
          Metric.MEAN_HOURS_TO_CLOSE,
          Metric.ESCALATION_RATE,
          Metric.WORKER_UTILISATION,
          Metric.MEAN_WAIT_MINUTES);

  private ResearchExample() {}

  /**
   * Runs the experiment on the built-in Putian scenario and prints the table.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    run(
        BuiltInScenarios.putian(),
        List.of("150", "300", "500", "800"),
        5,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        out);
  }

  /**
   * Sweeps the households per grid of a scenario and prints a table of estimates.
   *
   * @param scenario a scenario over a generated city ({@code city: putian})
   * @param householdsPerGrid the values to compare
   * @param replications replications per value
   * @param parallelism runs at once (the table does not depend on it)
   * @param out where to print
   * @return the result, for further analysis
   */
  @CanIgnoreReturnValue
  static SweepResult run(
      Scenario scenario,
      List<String> householdsPerGrid,
      int replications,
      int parallelism,
      PrintStream out) {
    Sweep sweep =
        new Sweep(
            scenario,
            SweepParameter.HOUSEHOLDS_PER_GRID,
            ImmutableList.copyOf(householdsPerGrid),
            replications,
            SEED,
            parallelism);
    SweepResult result = Experiments.run(sweep, Progress.NONE);
    out.printf(
        Locale.ROOT,
        "%s: %d replications per value, seed %d; mean ± 95%% half-width%n",
        scenario.name(),
        replications,
        SEED);
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-20s", "households/grid"));
    for (Metric m : COLUMNS) {
      header.append(String.format(Locale.ROOT, " %22s", m.id()));
    }
    out.println(header);
    for (SweepPoint p : result.points()) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "%-20s", p.parameterValue()));
      for (Metric m : COLUMNS) {
        Estimate e = p.estimates().get(m);
        row.append(
            e == null
                ? String.format(Locale.ROOT, " %22s", "n/a")
                : String.format(Locale.ROOT, " %12.3f ± %7.3f", e.mean(), e.halfWidth()));
      }
      out.println(row);
    }
    return result;
  }
}
