package org.gridgov.server;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gridgov.category.CategoryCatalog;
import org.gridgov.engine.CaseEngine;
import org.gridgov.geo.OutsidePolicy;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.RegionLocator;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.locationtech.jts.geom.Envelope;

/**
 * The city the server governs: a region tree, its geometry (for locating reports and drawing the
 * map), the category catalogue its Open311 services come from, and the engine configuration
 * (routing policy, SLA policy, calendar). {@link #demo()} is a synthetic district of Putian (城厢区)
 * with three streets, two communities each and three grids per community, on seeded synthetic
 * geometry; an embedder builds its own from real boundaries and its own catalogue.
 *
 * @param tree the region tree
 * @param geometry polygons of the tree's regions (at least the grids)
 * @param locator places points in the tree
 * @param catalog the category catalogue
 * @param wholeCaseLimit the SLA limit of the whole case (what {@code expected_datetime} promises)
 */
public record DemoCity(
    RegionTree tree,
    RegionGeometry geometry,
    RegionLocator locator,
    CategoryCatalog catalog,
    SlaLimit wholeCaseLimit) {

  /** The demo district's code (城厢区, Putian). */
  public static final long DISTRICT = 350302L;

  /** The fraction of the whole-case limit at which a case turns amber. */
  public static final double AMBER_FRACTION = 0.75;

  /**
   * Returns the demo city: 18 grids in 3 streets, a whole-case limit of 24 natural hours (amber at
   * 75 %), located within 200 m of its outline.
   *
   * @return the demo city
   */
  public static DemoCity demo() {
    RegionTree.Builder b =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(DISTRICT, "城厢区");
    String[] streets = {"霞林街道", "龙桥街道", "凤凰山街道"};
    for (int s = 1; s <= streets.length; s++) {
      long street = DISTRICT * 1000 + s;
      b.add(RegionLevel.STREET, street, DISTRICT, streets[s - 1]);
      for (int c = 1; c <= 2; c++) {
        long community = street * 1000 + c;
        b.add(
            RegionLevel.COMMUNITY,
            community,
            street,
            streets[s - 1].replace("街道", "") + "第" + c + "社区");
        for (int g = 1; g <= 3; g++) {
          b.add(
              RegionLevel.GRID,
              community * 1000 + g,
              community,
              String.format(Locale.ROOT, "%d-%d-%d网格", s, c, g));
        }
      }
    }
    RegionTree tree = b.build();
    RegionGeometry geometry =
        SyntheticGeometry.generate(tree, new Envelope(118.98, 119.04, 25.42, 25.47), 311L);
    return new DemoCity(
        tree,
        geometry,
        RegionLocator.of(geometry, OutsidePolicy.nearestWithin(200)),
        CategoryCatalog.sample(),
        SlaLimit.natural(Duration.ofHours(24)));
  }

  /**
   * Returns a fresh engine configuration for this city: the shipped example routing policy, the
   * whole-case limit with an amber warning and a red breach, the China calendar.
   *
   * @return the builder (each durable engine needs its own)
   */
  public CaseEngine.Builder engineConfig() {
    RoutingGraph graph = ExamplePolicy.graph(tree);
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(
                List.of(
                    WarningLevel.atFraction("amber", AMBER_FRACTION), WarningLevel.breach("red")))
            .rule(SlaPolicy.Rule.of(SlaStage.WHOLE_CASE, wholeCaseLimit))
            .build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(ExamplePolicy.policy(graph))
        .slaPolicy(sla)
        .calendar(ChinaCalendar.calendar());
  }
}
