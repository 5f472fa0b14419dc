package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;

/** The handler id convention and validation. */
class HandlerTest {
  @Test
  void idsFollowTheConvention() {
    assertThat(Handler.officeId(350302001L)).isEqualTo("office:350302001");
    assertThat(
            Handler.department(
                    "urban-management",
                    "城管",
                    HandlerLevel.DISTRICT,
                    List.of(350302L),
                    List.of("01"),
                    List.of())
                .id())
        .isEqualTo("dept:urban-management");
    assertThat(Handler.outsideParty("water-co", "水司", List.of(350302L), List.of("0402")).id())
        .isEqualTo("party:water-co");
    assertThat(Handler.cityOffice("市中心").id()).isEqualTo(Handler.CITY_OFFICE_ID);
  }

  @Test
  void officeKnowsItsRegionAndUnitsHaveNone() {
    var grid = RoutingFixtures.tree().regionsAt(RegionLevel.GRID).get(0);
    Handler h = Handler.office(grid);
    assertThat(h.officeRegion()).hasValue(grid.code());
    assertThat(h.level()).isEqualTo(HandlerLevel.GRID);
    assertThat(Handler.cityOffice("c").officeRegion()).isEmpty();
    var unit = RoutingFixtures.tree().regionsAt(RegionLevel.UNIT).get(0);
    assertThatThrownBy(() -> Handler.office(unit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unit");
  }

  @Test
  void rejectsBadSlugsPrefixesAndEmptyJurisdictions() {
    assertThatThrownBy(
            () ->
                Handler.department(
                    "Urban Mgmt", "x", HandlerLevel.DISTRICT, List.of(1L), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dept:Urban Mgmt");
    assertThatThrownBy(
            () ->
                Handler.department(
                    "u", "x", HandlerLevel.DISTRICT, List.of(1L), List.of("0a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0a");
    assertThatThrownBy(
            () ->
                Handler.department(
                    "u", "x", HandlerLevel.DISTRICT, List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jurisdiction");
  }

  @Test
  void ownsAndAssistsByPrefix() {
    Handler h =
        Handler.department(
            "u", "x", HandlerLevel.DISTRICT, List.of(1L), List.of("01", "0504"), List.of("03"));
    assertThat(h.owns("0102")).isTrue();
    assertThat(h.owns("0501")).isFalse();
    assertThat(h.assistsWith("0301")).isTrue();
  }
}
