package org.gridgov.simulation.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioRegions;
import org.gridgov.simulation.Sweep;
import org.locationtech.jts.geom.Envelope;

/**
 * The map of a sweep's report. Scenarios carry no geometry, so the map is drawn on seeded synthetic
 * geometry ({@link SyntheticGeometry}) for the city of the sweep's first value: the street with the
 * most grids (ties: lowest code), its communities outlined, its grids coloured by the load the
 * simulation draws on them — cases per resident per year × the grid's population — and the coverage
 * analysis's findings marked. The simulation measures its indicators city-wide, not per grid, so
 * the on-time rate cannot be mapped yet.
 *
 * @param svg the SVG document
 * @param caption what the map shows
 */
record ScenarioMap(String svg, String caption) {
  /** Where the synthetic street is put: a 0.06° square near Putian (about 6 × 6.7 km). */
  static final Envelope BOUNDS = new Envelope(119.00, 119.06, 25.40, 25.46);

  /** The map's width in pixels. */
  static final double WIDTH = 640;

  /**
   * Draws the map of a sweep, if its city has grids.
   *
   * @param sweep the sweep
   * @return the map, or empty if no street has a grid
   */
  static Optional<ScenarioMap> of(Sweep sweep) {
    Scenario s = sweep.parameter().apply(sweep.scenario(), sweep.values().get(0));
    RegionTree tree = ScenarioRegions.tree(s);
    Optional<Region> street =
        tree.regionsAt(RegionLevel.STREET).stream()
            .filter(r -> !r.descendantsAt(RegionLevel.GRID).isEmpty())
            .max(
                Comparator.<Region>comparingInt(r -> r.descendantsAt(RegionLevel.GRID).size())
                    .thenComparing(Region::code, Comparator.reverseOrder()));
    if (street.isEmpty()) {
      return Optional.empty();
    }
    RegionTree sub = gridsOf(tree, street.get());
    RegionGeometry geometry = SyntheticGeometry.generate(sub, BOUNDS, sweep.seed());
    CoverageReport coverage = CoverageAnalysis.analyse(geometry);
    Map<Long, Double> load = new LinkedHashMap<>();
    for (Region g : sub.regionsAt(RegionLevel.GRID)) {
      load.put(g.code(), s.casesPerResidentPerYear() * g.population());
    }
    String svg =
        GridMap.svg(geometry, RegionLevel.GRID, load, "cases per year", coverage.findings(), WIDTH);
    String caption =
        String.format(
            Locale.ROOT,
            "Grids of street %d (%d grids, %s = %s) coloured by the load the simulation draws on"
                + " them (cases per resident per year × residents); %d coverage finding(s)."
                + " Synthetic geometry (seed %d), not real boundaries.",
            street.get().code(),
            sub.count(RegionLevel.GRID),
            sweep.parameter().id(),
            sweep.values().get(0),
            coverage.findings().size(),
            sweep.seed());
    return Optional.of(new ScenarioMap(svg, caption));
  }

  /** The street's branch down to its grids, each grid with its whole population. */
  static RegionTree gridsOf(RegionTree tree, Region street) {
    Region district = street.parent().orElseThrow();
    RegionTree.Builder b =
        RegionTree.builder(tree.codeScheme(), tree.edition())
            .addDistrict(district.code(), district.name())
            .add(RegionLevel.STREET, street.code(), district.code(), street.name());
    for (Region c : street.children()) {
      b.add(RegionLevel.COMMUNITY, c.code(), street.code(), c.name());
      for (Region g : c.children()) {
        b.add(RegionLevel.GRID, g.code(), c.code(), g.name())
            .population((int) Math.min(Integer.MAX_VALUE, g.subtreePopulation()));
      }
    }
    return b.build();
  }
}
