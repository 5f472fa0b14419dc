package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/**
 * What {@link RoutingGraph} and its builder refuse, each with a message naming the bad id or code,
 * and the answers at the edges (the first region, the city level, links into a handler).
 */
class RoutingGraphChecksTest {
  private final RegionTree tree = RoutingFixtures.tree();
  private final long district = RoutingFixtures.code(RegionLevel.DISTRICT, 1);

  private Handler dept(String slug) {
    return Handler.department(
        slug, "部门", HandlerLevel.DISTRICT, List.of(district), List.of("99"), List.of());
  }

  @Test
  void aLinkFromOrToAnUnknownHandlerIsRefusedNamingIt() {
    for (String[] ends : new String[][] {{"dept:nope", "dept:a"}, {"dept:a", "dept:nope"}}) {
      assertThatThrownBy(
              () ->
                  RoutingGraph.builder(tree)
                      .add(dept("a"))
                      .link(ends[0], ends[1], LinkType.ESCALATE)
                      .build())
          .as("%s -> %s", ends[0], ends[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown handler dept:nope");
    }
  }

  @Test
  void theBuilderRefusesOfficesTwiceAddedIdsASecondCityOfficeAndForeignJurisdictions() {
    Region grid = tree.region(tree.indexOf(RoutingFixtures.code(RegionLevel.GRID, 0)));
    assertThatThrownBy(() -> RoutingGraph.builder(tree).add(Handler.office(grid)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offices come from the tree")
        .hasMessageContaining(Handler.office(grid).id());
    assertThatThrownBy(() -> RoutingGraph.builder(tree).add(dept("a")).add(dept("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handler dept:a was already added");
    assertThatThrownBy(() -> RoutingGraph.builder(tree).cityOffice("市").cityOffice("市2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already added as 市");
    Handler abroad =
        Handler.department(
            "abroad", "外地", HandlerLevel.DISTRICT, List.of(999_999_999L), List.of(), List.of());
    assertThatThrownBy(() -> RoutingGraph.builder(tree).add(abroad).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "handler dept:abroad: jurisdiction region 999999999 is not in the tree");
  }

  @Test
  void theBuilderChainsEveryCall() {
    RoutingGraph g =
        RoutingGraph.builder(tree)
            .cityOffice("市")
            .add(dept("a"))
            .link("dept:a", Handler.CITY_OFFICE_ID, LinkType.ESCALATE)
            .build();

    assertThat(g.hasCityOffice()).isTrue();
    assertThat(g.escalationTarget("dept:a")).contains(Handler.CITY_OFFICE_ID);
    assertThat(g.sources(Handler.CITY_OFFICE_ID, LinkType.ESCALATE)).contains("dept:a");
    assertThat(g.sources("dept:a", LinkType.ESCALATE)).isEmpty();
  }

  @Test
  void unknownIdsAndRegionsAreRefusedNamingThem() {
    RoutingGraph g = RoutingGraph.builder(tree).add(dept("a")).build();

    assertThatThrownBy(() -> g.get("dept:nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no handler dept:nope in the routing graph");
    assertThatThrownBy(() -> g.targets("dept:nope", LinkType.RETURN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no handler dept:nope");
    assertThatThrownBy(() -> g.officeFor(999_999_999L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region 999999999 is not in the routing graph's tree");
    String office = g.officeFor(district).id();
    assertThatThrownBy(() -> g.inJurisdiction(office, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(office + " is not a declared department or outside party");
    assertThat(g.inJurisdiction("dept:a", tree.indexOf(district))).isTrue();
  }

  @Test
  void theFirstRegionHasItsOffice() {
    RoutingGraph g = RoutingGraph.builder(tree).build();
    Region first = tree.region(0);

    assertThat(g.officeFor(first.code()).id()).isEqualTo(Handler.office(first).id());
  }

  @Test
  void theCityLevelIsTheCityOfficeIfThereIsOne() {
    RoutingGraph with = RoutingGraph.builder(tree).cityOffice("市").build();
    RoutingGraph without = RoutingGraph.builder(tree).build();
    int grid = tree.indexOf(RoutingFixtures.code(RegionLevel.GRID, 0));

    assertThat(with.officeAt(grid, HandlerLevel.CITY)).contains(Handler.CITY_OFFICE_ID);
    assertThat(without.officeAt(grid, HandlerLevel.CITY)).isEmpty();
    assertThat(without.hasCityOffice()).isFalse();
    // a grid's own level, and a level above a district (none: a district lies above the grid level)
    assertThat(with.officeAt(grid, HandlerLevel.GRID))
        .contains(Handler.office(tree.region(grid)).id());
    assertThat(with.officeAt(tree.indexOf(district), HandlerLevel.GRID)).isEmpty();
    assertThat(with.officeAt(tree.indexOf(district), HandlerLevel.DISTRICT))
        .contains(with.officeFor(district).id());
  }

  @Test
  void toStringsCountHandlersAndLinksAndNameALinksEnds() {
    RoutingGraph g =
        RoutingGraph.builder(tree)
            .cityOffice("市")
            .add(dept("a"))
            .link("dept:a", Handler.CITY_OFFICE_ID, LinkType.ESCALATE)
            .build();

    assertThat(g.toString())
        .isEqualTo(
            "RoutingGraph[" + g.handlers().size() + " handlers, " + g.links().size() + " links]");
    assertThat(g.links().stream().filter(l -> l.from().equals("dept:a")).map(Object::toString))
        .containsExactly("dept:a -ESCALATE-> " + Handler.CITY_OFFICE_ID);
  }
}
