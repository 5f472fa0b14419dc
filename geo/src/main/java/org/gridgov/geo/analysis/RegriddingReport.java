package org.gridgov.geo.analysis;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.geo.RegionGeometry;

/**
 * The result of a {@link RegriddingCheck}: which grids a planned re-gridding reshapes, the coverage
 * findings of the geometry the new tree would have, and what area and population change grid.
 *
 * @param newEdition the edition of the planned tree
 * @param reshapedOldGrids grids of the old tree whose units change (or that disappear), ascending
 * @param reshapedNewGrids grids of the new tree whose units changed (or that are new), ascending
 * @param gridsWithoutGeometry reshaped new grids with neither planned geometry nor units that all
 *     have geometry; their area shows as a gap
 * @param coverage the coverage findings of the affected communities and reshaped grids
 * @param transfers area and population moving from an old grid to a new grid with another code,
 *     sorted by old then new code
 * @param populationKnown whether the tree carries population at all; if not, the transfers'
 *     population is 0 and only their area means anything
 * @param after the geometry the new tree would have (children outside their parents allowed)
 */
public record RegriddingReport(
    LocalDate newEdition,
    ImmutableList<Long> reshapedOldGrids,
    ImmutableList<Long> reshapedNewGrids,
    ImmutableList<Long> gridsWithoutGeometry,
    CoverageReport coverage,
    ImmutableList<Transfer> transfers,
    boolean populationKnown,
    RegionGeometry after) {

  /**
   * Area and population moving from one grid to another.
   *
   * @param fromGrid the grid's code in the old tree
   * @param toGrid the grid's code in the new tree
   * @param areaSquareMetres the area of the old grid inside the new one, m² (0 if either has no
   *     geometry)
   * @param population the population of the units (and, for a grid that disappears, its own) that
   *     move
   */
  public record Transfer(long fromGrid, long toGrid, double areaSquareMetres, long population) {}

  /**
   * Validates the components.
   *
   * @param newEdition the planned edition
   * @param reshapedOldGrids reshaped old grids
   * @param reshapedNewGrids reshaped new grids
   * @param gridsWithoutGeometry reshaped grids without geometry
   * @param coverage the findings
   * @param transfers the transfers
   * @param populationKnown whether the tree has population
   * @param after the new geometry
   */
  public RegriddingReport {
    Objects.requireNonNull(newEdition, "newEdition");
    Objects.requireNonNull(reshapedOldGrids, "reshapedOldGrids");
    Objects.requireNonNull(reshapedNewGrids, "reshapedNewGrids");
    Objects.requireNonNull(gridsWithoutGeometry, "gridsWithoutGeometry");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(transfers, "transfers");
    Objects.requireNonNull(after, "after");
  }

  /**
   * Tells whether the planned geometry has no coverage finding.
   *
   * @return whether the coverage is clean
   */
  public boolean isClean() {
    return coverage.isClean();
  }

  /**
   * Returns a plain-text report: a summary line, the findings, then one line per transfer.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Re-gridding to edition %s: %d grid(s) reshaped into %d; %s%n",
            newEdition,
            reshapedOldGrids.size(),
            reshapedNewGrids.size(),
            isClean() ? "coverage clean" : coverage.findings().size() + " coverage finding(s)"));
    for (CoverageFinding f : coverage.findings()) {
      b.append(f).append('\n');
    }
    for (Transfer t : transfers) {
      b.append(
          String.format(
              Locale.ROOT,
              "MOVE %d -> %d: %,.0f m²%s%n",
              t.fromGrid(),
              t.toGrid(),
              t.areaSquareMetres(),
              populationKnown ? String.format(Locale.ROOT, ", %,d people", t.population()) : ""));
    }
    if (!populationKnown) {
      b.append("(the region tree carries no population: area only)\n");
    }
    return b.toString();
  }
}
