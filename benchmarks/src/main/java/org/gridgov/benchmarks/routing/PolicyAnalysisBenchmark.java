package org.gridgov.benchmarks.routing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.analysis.PolicyAnalysis;
import org.gridgov.routing.analysis.PolicyReport;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.simulation.BuiltInCities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to analyse the realistic 50-category policy over a Putian-size tree (per equivalence class
 * of regions), and time to build the Putian-size routing graph (~12,000 handlers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@SuppressWarnings("NullAway.Init") // fields are set in @Setup
public class PolicyAnalysisBenchmark {
  private RegionTree tree;
  private TablePolicy policy;
  private List<String> categories;

  /** Builds the tree and the policy. */
  @Setup
  public void setUp() {
    tree = BuiltInCities.putian(2024L);
    RoutingGraph graph = ExamplePolicy.graph(tree);
    policy =
        PolicyTable.parse(new StringReader(RoutingWorkload.policyCsv()), "bench.csv")
            .compile(graph);
    categories = new ArrayList<>();
    for (int k = 1; k <= RoutingWorkload.CATEGORIES; k++) {
      categories.add(RoutingWorkload.category(k));
    }
  }

  /**
   * Analyses the policy: every class × 50 categories × 3 priorities × the decision points.
   *
   * @return the report
   */
  @Benchmark
  public PolicyReport analysePutianPolicy() {
    return PolicyAnalysis.analyse(policy, categories);
  }

  /**
   * Builds the Putian-size routing graph from the tree with the example departments.
   *
   * @return the graph
   */
  @Benchmark
  public RoutingGraph buildPutianGraph() {
    return ExamplePolicy.graph(tree);
  }
}
