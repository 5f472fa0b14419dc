package org.gridgov.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.gridgov.routing.example.ExamplePolicy;

/** Shared test data: a small synthetic city, the example graph, seeded requests. */
public final class RoutingFixtures {
  /** The instant every test request is made at. */
  public static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");

  /**
   * Categories the random requests use (some owned by departments, some not, one unknown to every
   * table).
   */
  public static final ImmutableList<String> CATEGORIES =
      ImmutableList.of(
          "0101", "0102", "0301", "0401", "0402", "0403", "0504", "0601", "5101", "5503", "9901");

  private static final RegionTree TREE = buildTree();
  private static final ImmutableList<Priority> PRIORITIES = ImmutableList.copyOf(Priority.values());
  private static final ImmutableList<DecisionPoint> POINTS =
      ImmutableList.copyOf(DecisionPoint.values());

  private RoutingFixtures() {}

  private static RegionTree buildTree() {
    RegionTree base =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1))
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.STREET, 350302002L, 350302L, "龙桥街道")
            .addDistrict(350322, "仙游县")
            .add(RegionLevel.STREET, 350322101L, 350322L, "度尾镇")
            .build();
    return SyntheticCityGenerator.generate(
        base,
        new SyntheticCityGenerator.Targets(8, 24, 120, 100, 2.8),
        7L,
        LocalDate.of(2024, 1, 1));
  }

  /**
   * Returns the small city: 2 districts, 3 streets, 8 communities, 24 grids, 120 units.
   *
   * @return the tree
   */
  public static RegionTree tree() {
    return TREE;
  }

  /**
   * Returns the first region of a level.
   *
   * @param level the level
   * @param n which one (0-based, code order)
   * @return its code
   */
  public static long code(RegionLevel level, int n) {
    return TREE.regionsAt(level).get(n).code();
  }

  /**
   * Returns the example graph plus property management (owning water leaks, 0402) for the first
   * community.
   *
   * @return the graph
   */
  public static RoutingGraph exampleGraph() {
    RoutingGraph.Builder b = ExamplePolicy.declare(RoutingGraph.builder(TREE), TREE);
    b.add(
        Handler.outsideParty(
            "property-mgmt", "物业服务中心", List.of(code(RegionLevel.COMMUNITY, 0)), List.of("0402")));
    return b.build();
  }

  /**
   * Returns case facts.
   *
   * @param id the case id
   * @param category the category code
   * @param priority the priority
   * @param locations the location codes
   * @return the facts
   */
  public static CaseFacts facts(String id, String category, Priority priority, long... locations) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(category)
        .priority(priority)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.copyOf(locations))
        .source(CaseSource.APP)
        .build();
  }

  /**
   * Returns seeded random requests over the graph: every decision point, priorities, categories,
   * locations at every level (sometimes two, sometimes in two districts), holders among every
   * handler.
   *
   * @param graph the graph
   * @param seed the seed
   * @param n how many
   * @return the requests
   */
  public static List<RoutingRequest> randomRequests(RoutingGraph graph, long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<RoutingRequest> out = new ArrayList<>(n);
    RegionTree t = graph.tree();
    for (int i = 0; i < n; i++) {
      long[] locs =
          rnd.nextInt(5) == 0
              ? new long[] {
                t.region(rnd.nextInt(t.size())).code(), t.region(rnd.nextInt(t.size())).code()
              }
              : new long[] {t.region(rnd.nextInt(t.size())).code()};
      CaseFacts f =
          facts(
              "R-" + seed + "-" + i,
              CATEGORIES.get(rnd.nextInt(CATEGORIES.size())),
              PRIORITIES.get(rnd.nextInt(PRIORITIES.size())),
              locs);
      DecisionPoint p = POINTS.get(rnd.nextInt(POINTS.size()));
      if (p == DecisionPoint.NEW_CASE) {
        out.add(RoutingRequest.newCase(f, AT));
      } else {
        String holder = graph.handlers().get(rnd.nextInt(graph.size())).id();
        List<String> returned = rnd.nextBoolean() ? List.of(holder) : List.of();
        out.add(RoutingRequest.of(f, p, AT, holder, List.of(holder), returned, 1 + rnd.nextInt(4)));
      }
    }
    return out;
  }
}
