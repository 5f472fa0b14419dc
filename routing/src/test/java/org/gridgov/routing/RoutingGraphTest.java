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
