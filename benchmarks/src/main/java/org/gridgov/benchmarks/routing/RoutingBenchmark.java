package org.gridgov.benchmarks.routing;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
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
 * Decisions per second of gridgov's {@link TablePolicy} against the same table as a DMN decision
 * table (FIRST hit policy) evaluated by Camunda's standalone DMN engine, over a Putian-size tree
 * (10,440 grids). Both sides turn the matched row into a handler id the same way (an ancestor
 * lookup in a precomputed array on the Camunda side), and the Camunda side gets its input variables
 * prepared in setup, so it is measured at its most favourable. Setup checks that all three give the
 * same handler on the first 200 requests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@SuppressWarnings("NullAway.Init") // fields are set in @Setup
public class RoutingBenchmark {
  private static final int REQUESTS = 1 << 12;

  /** How many requests setup checks for agreement (Camunda's default FEEL engine is slow). */
  private static final int CHECKED = 200;

  private TablePolicy policy;
  private ImmutableList<RoutingRequest> requests;
  private DmnEngine dmn;
  private DmnDecision decision;
  private DmnEngine legacyDmn;
  private DmnDecision legacyDecision;
  private VariableMap[] variables;
  private int[] locationIndex;
  private int[][] ancestor;
  private RoutingGraph graph;
  private RegionTree tree;
  private int cursor;

  /** Builds the tree, graph, both policies and the requests, and checks that both engines agree. */
  @Setup
  public void setUp() {
    tree = BuiltInCities.putian(2024L);
    graph = ExamplePolicy.graph(tree);
    policy =
        PolicyTable.parse(new StringReader(RoutingWorkload.policyCsv()), "bench.csv")
            .compile(graph);
    requests = RoutingWorkload.requests(tree, 42L, REQUESTS);
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decision =
        dmn.parseDecision(
            "routing",
            new ByteArrayInputStream(RoutingWorkload.dmnXml().getBytes(StandardCharsets.UTF_8)));
    DefaultDmnEngineConfiguration legacy =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    legacyDmn = legacy.enableFeelLegacyBehavior(true).buildEngine();
    legacyDecision =
        legacyDmn.parseDecision(
            "routing",
            new ByteArrayInputStream(RoutingWorkload.dmnXml().getBytes(StandardCharsets.UTF_8)));
    ancestor = new int[4][tree.size()];
    for (int i = 0; i < tree.size(); i++) {
      Region r = tree.region(i);
      int parent = r.parent().map(Region::index).orElse(-1);
      for (int d = 0; d < 4; d++) {
        ancestor[d][i] =
            d == r.level().depth()
                ? i
                : d > r.level().depth() || parent < 0 ? -1 : ancestor[d][parent];
      }
    }
    variables = new VariableMap[REQUESTS];
    locationIndex = new int[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      RoutingRequest r = requests.get(i);
      int loc = tree.indexOf(r.facts().locationCodes().get(0));
      locationIndex[i] = loc;
      variables[i] =
          Variables.createVariables()
              .putValue("category", r.facts().categoryCode())
              .putValue("district", Long.toString(tree.region(ancestor[0][loc]).code()))
              .putValue("priority", r.facts().priority().name())
              .putValue("point", r.point().name())
              .putValue(
                  "holder",
                  r.currentHolder()
                      .map(h -> RoutingWorkload.levelOf(h, tree).name())
                      .orElse("none"));
    }
    for (int i = 0; i < CHECKED; i++) {
      String ours = target(policy.decide(requests.get(i)));
      String theirs = camundaTarget(dmn, decision, i);
      String legacyTheirs = camundaTarget(legacyDmn, legacyDecision, i);
      if (!ours.equals(theirs) || !ours.equals(legacyTheirs)) {
        throw new IllegalStateException(
            "engines disagree on request " + i + ": " + ours + " vs " + theirs);
      }
    }
  }

  private static String target(RoutingDecision d) {
    return switch (d.kind()) {
      case ASSIGN -> ((RoutingDecision.Assign) d).lead();
      case ESCALATE -> ((RoutingDecision.Escalate) d).to();
      default -> d.kind().name();
    };
  }

  private String camundaTarget(DmnEngine engine, DmnDecision table, int i) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(table, variables[i]);
    Map<String, Object> row = result.getFirstResult();
    String target = (String) Objects.requireNonNull(row.get("target"), "target");
    int loc = locationIndex[i];
    RoutingRequest r = requests.get(i);
    return switch (target) {
      case "holder" -> r.currentHolder().orElseThrow();
      case "up" -> graph.escalationTarget(r.currentHolder().orElseThrow()).orElseThrow();
      case "office" -> graph.officeIdAt(loc);
      default -> graph.officeIdAt(ancestor[RegionLevel.valueOf(target.substring(7)).depth()][loc]);
    };
  }

  /**
   * One decision by gridgov's compiled table.
   *
   * @return the decision
   */
  @Benchmark
  public RoutingDecision tablePolicy() {
    return policy.decide(requests.get(cursor++ & (REQUESTS - 1)));
  }

  /**
   * One decision by Camunda's DMN engine over the same table, plus the same target resolution.
   *
   * @return the handler id
   */
  @Benchmark
  public String camundaDmn() {
    return camundaTarget(dmn, decision, cursor++ & (REQUESTS - 1));
  }

  /**
   * The same with Camunda's legacy FEEL engine (enableFeelLegacyBehavior), its fastest
   * configuration for simple unary tests.
   *
   * @return the handler id
   */
  @Benchmark
  public String camundaDmnLegacyFeel() {
    return camundaTarget(legacyDmn, legacyDecision, cursor++ & (REQUESTS - 1));
  }
}
