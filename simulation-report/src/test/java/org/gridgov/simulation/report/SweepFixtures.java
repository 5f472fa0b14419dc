package org.gridgov.simulation.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.simulation.CategoryMix;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;

/** Hand-built sweep results: every number is known, no simulator needed. */
final class SweepFixtures {
  private SweepFixtures() {}

  static Scenario scenario() {
    return Scenario.builder()
        .name("fixture")
        .city(new CitySpec.Putian(1))
        .householdsPerGrid(300)
        .addCategories(new CategoryMix("0101", 1, Distribution.exponential(30), 1))
        .putPolicyVariants("a,b", "category,region,priority,point,holder,action\n")
        .build();
  }

  /**
   * The value of metric {@code m} in replication {@code r} at value index {@code v}: distinct and
   * known.
   */
  @SuppressWarnings("EnumOrdinal") // a known, distinct number per metric for the test
  static double value(Metric m, int v, int r) {
    return 0.5 + 0.1 * m.ordinal() + 0.01 * v + 0.001 * r;
  }

  static ReplicationResult run(String value, int v, int r) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      values.put(m, value(m, v, r));
    }
    return ReplicationResult.of(value, r, values, 1000L + r, 2000L + r);
  }

  /** Two values × two replications of households-per-grid, summarised with {@link Estimate#of}. */
  static SweepResult numeric() {
    ImmutableList<String> values = ImmutableList.of("150", "800");
    Sweep sweep = new Sweep(scenario(), SweepParameter.HOUSEHOLDS_PER_GRID, values, 2, 42, 1);
    return result(sweep, values);
  }

  /** Policy variants, one of them with a comma in its name. */
  static SweepResult policies() {
    ImmutableList<String> values = ImmutableList.of("default", "a,b");
    Sweep sweep = new Sweep(scenario(), SweepParameter.POLICY, values, 2, 7, 1);
    return result(sweep, values);
  }

  private static SweepResult result(Sweep sweep, ImmutableList<String> values) {
    ImmutableList.Builder<ReplicationResult> runs = ImmutableList.builder();
    ImmutableList.Builder<SweepPoint> points = ImmutableList.builder();
    for (int v = 0; v < values.size(); v++) {
      ImmutableMap.Builder<Metric, Estimate> estimates = ImmutableMap.builder();
      for (Metric m : Metric.values()) {
        estimates.put(m, Estimate.of(value(m, v, 0), value(m, v, 1)));
      }
      runs.add(run(values.get(v), v, 0), run(values.get(v), v, 1));
      points.add(new SweepPoint(values.get(v), estimates.buildOrThrow()));
    }
    return new SweepResult(sweep, runs.build(), points.build());
  }
}
