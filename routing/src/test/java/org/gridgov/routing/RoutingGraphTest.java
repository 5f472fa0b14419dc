package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/** Building and querying the routing graph. */
class RoutingGraphTest {
  private final RegionTree tree = RoutingFixtures.tree();
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();

  @Test
  void everyRegionButUnitsHasAnOfficeAndTheCityOfficeExists() {
    int offices = tree.size() - tree.count(RegionLevel.UNIT);
    assertThat(graph.handlers().stream().filter(h -> h.kind() == Handler.Kind.OFFICE))
        .hasSize(offices + 1);
    assertThat(graph.size()).isEqualTo(offices + 1 + graph.declaredHandlers().size());
  }

  @Test
  void everyOfficeEscalatesToItsParentsOfficeAndDistrictsToTheCity() {
    for (Region r : tree.regionsAt(RegionLevel.GRID)) {
      String expected = Handler.officeId(r.parent().orElseThrow().code());
      assertThat(graph.escalationTarget(Handler.officeId(r.code()))).contains(expected);
    }
    for (Region d : tree.regionsAt(RegionLevel.DISTRICT)) {
      assertThat(graph.escalationTarget(Handler.officeId(d.code())))
          .contains(Handler.CITY_OFFICE_ID);
    }
    assertThat(graph.escalationTarget(Handler.CITY_OFFICE_ID)).isEmpty();
  }

  @Test
  void unitIsServedByItsGridsOffice() {
    Region unit = tree.regionsAt(RegionLevel.UNIT).get(7);
    assertThat(graph.officeFor(unit.code()).id())
        .isEqualTo(Handler.officeId(unit.parent().orElseThrow().code()));
  }

  @Test
  void graphViewIsUnmodifiable() {
    assertThat(graph.asGraph().vertexSet()).hasSize(graph.size());
    assertThat(graph.asGraph().edgeSet()).hasSize(graph.links().size());
    assertThatThrownBy(() -> graph.asGraph().addVertex("dept:x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mostLocalOwnerComesFirst() {
    long community = RoutingFixtures.code(RegionLevel.COMMUNITY, 0);
    int grid = tree.indexOf(tree.get(community).descendantsAt(RegionLevel.GRID).get(0).code());
    assertThat(graph.ownersOf("0402", grid))
        .extracting(Handler::id)
        .containsExactly("party:property-mgmt", "dept:water");
    int elsewhere = tree.indexOf(RoutingFixtures.code(RegionLevel.GRID, 23));
    assertThat(graph.ownersOf("0402", elsewhere))
        .extracting(Handler::id)
        .containsExactly("dept:water");
  }

  /**
   * ownersOf (which remembers each category's owners) against its definition computed from the
   * declared handlers' public fields: every region and many category codes (owned, prefixes of
   * owned codes, longer codes, unknown), each asked twice so the second answer comes from the memo.
   */
  @Test
  void ownersAreTheDefinitionsOrderForEveryRegionAndCategoryAskedTwice() {
    List<String> codes = new java.util.ArrayList<>(List.of("", "9", "99999", "0"));
    for (Handler h : graph.declaredHandlers()) {
      for (String owned : h.owns()) {
        codes.add(owned);
        codes.add(owned + "7");
        codes.add(owned.substring(0, owned.length() - 1));
      }
    }
    int asked = 0;
    for (int round = 0; round < 2; round++) {
      for (String code : codes) {
        for (int region = 0; region < tree.size(); region++) {
          assertThat(graph.ownersOf(code, region))
              .as("category %s, region %d, round %d", code, region, round)
              .containsExactlyElementsOf(ownersByDefinition(code, region));
          asked++;
        }
      }
    }
    assertThat(asked).isGreaterThan(1_000);
    assertThat(graph.ownersOf("0402", 0)).isNotEmpty();
  }

  /** Deepest containing jurisdiction root first, then longest owned prefix, then declaration. */
  private List<Handler> ownersByDefinition(String code, int region) {
    List<Handler> out = new java.util.ArrayList<>();
    List<int[]> keys = new java.util.ArrayList<>();
    List<Handler> declared = graph.declaredHandlers();
    for (int d = 0; d < declared.size(); d++) {
      Handler h = declared.get(d);
      int prefix = -1;
      for (String owned : h.owns()) {
        if (code.startsWith(owned)) {
          prefix = Math.max(prefix, owned.length());
        }
      }
      int depth = -1;
      for (int k = 0; k < h.jurisdiction().length(); k++) {
        int root = tree.indexOf(h.jurisdiction().get(k));
        if (tree.contains(root, region)) {
          depth = Math.max(depth, tree.region(root).level().depth());
        }
      }
      if (prefix >= 0 && depth >= 0) {
        out.add(h);
        keys.add(new int[] {depth, prefix, d});
      }
    }
    List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      order.add(i);
    }
    order.sort(
        java.util.Comparator.<Integer>comparingInt(i -> -keys.get(i)[0])
            .thenComparingInt(i -> -keys.get(i)[1])
            .thenComparingInt(i -> keys.get(i)[2]));
    return order.stream().map(out::get).toList();
  }

  @Test
  void rejectsUnknownLinkEndsDuplicatesAndForeignJurisdictions() {
    assertThatThrownBy(
            () -> RoutingGraph.builder(tree).link("dept:a", "dept:b", LinkType.ASSIST).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dept:a");
    Handler d =
        Handler.department(
            "a",
            "A",
            HandlerLevel.DISTRICT,
            List.of(tree.roots().get(0).code()),
            List.of(),
            List.of());
    assertThatThrownBy(() -> RoutingGraph.builder(tree).add(d).add(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already added");
    Handler far =
        Handler.department(
            "far", "F", HandlerLevel.DISTRICT, List.of(110101L), List.of(), List.of());
    assertThatThrownBy(() -> RoutingGraph.builder(tree).add(far).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("110101");
    RoutingGraph.Builder b = RoutingGraph.builder(tree);
    var unused = b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }
}
