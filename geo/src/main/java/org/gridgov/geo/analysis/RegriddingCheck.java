package org.gridgov.geo.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.RegionTreeDiff;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Checks a planned re-gridding (the {@link RegionTreeDiff} of a {@link
 * org.gridgov.region.RegionTreeEditor}: splits, merges, moved units, re-gridded communities)
 * <em>before</em> it is adopted: the geometry the new tree would have is put together and the
 * affected parents go through the same {@link CoverageAnalysis}; the area and the population that
 * change grid are listed.
 *
 * <p><b>The new geometry.</b> A grid is <em>reshaped</em> when its set of units changes (or it is
 * new, or it disappears). Every region that is not a reshaped grid keeps its geometry under its new
 * code (units keep their footprints wherever they move; a retired region drops out). A reshaped
 * grid of the new tree takes its geometry from {@code planned} (the boundaries the planners drew,
 * by new code); without one, from the exact union of its units' footprints when every unit has one;
 * otherwise it has none (and its area shows as a gap of its community). {@code planned} may also
 * replace the geometry of any other region of the new tree.
 *
 * <p><b>What is checked.</b> The communities (parents) of the reshaped grids against their grids,
 * and each reshaped grid against its units, with the given thresholds; children sticking out of
 * their parent are reported as findings, not refused.
 *
 * <p><b>What moves.</b> For every old grid that was reshaped and every grid of the new tree with
 * another code: the area of the old grid's geometry (its own, else the union of its units') inside
 * the new grid's, in m² of the local metric at the old grid's centre, and the population of the
 * units (and, for a grid that disappears, its own population) that went from the one to the other.
 * Population is reported only when the tree carries some; otherwise the report says area only. Pure
 * and deterministic.
 */
public final class RegriddingCheck {
  private RegriddingCheck() {}

  /**
   * Checks a re-gridding.
   *
   * @param before the geometry of the diff's old tree ({@code diff.before()})
   * @param diff the planned edits, applied to a new tree but not yet adopted
   * @param planned drawn geometry by code of the new tree (usually the reshaped grids); may be
   *     empty
   * @param options the coverage thresholds
   * @return the report
   * @throws IllegalArgumentException if the geometry belongs to another tree than the diff's old
   *     tree
   * @throws org.gridgov.geo.RegionGeometryException if a planned geometry is unusable (unknown
   *     code, invalid polygon), naming it
   */
  public static RegriddingReport check(
      RegionGeometry before,
      RegionTreeDiff diff,
      Map<Long, ? extends Geometry> planned,
      CoverageAnalysis.Options options) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(options, "options");
    if (before.tree() != diff.before()) {
      throw new IllegalArgumentException(
          "the geometry belongs to a tree of edition "
              + before.tree().edition()
              + ", not to the diff's old tree (edition "
              + diff.before().edition()
              + ")");
    }
    return new Run(before, diff, planned, options).report();
  }

  /** One check. */
  private static final class Run {
    private final RegionGeometry before;
    private final RegionTreeDiff diff;
    private final Map<Long, ? extends Geometry> planned;
    private final CoverageAnalysis.Options options;
    private final RegionTree oldTree;
    private final RegionTree newTree;

    /** Old unit codes by the new grid that holds them. */
    private final Map<Long, Set<Long>> oldUnitsByNewGrid = new HashMap<>();

    private final Set<Long> reshapedNew = new TreeSet<>();
    private final Set<Long> reshapedOld = new TreeSet<>();

    Run(
        RegionGeometry before,
        RegionTreeDiff diff,
        Map<Long, ? extends Geometry> planned,
        CoverageAnalysis.Options options) {
      this.before = before;
      this.diff = diff;
      this.planned = planned;
      this.options = options;
      this.oldTree = diff.before();
      this.newTree = diff.after();
    }

    RegriddingReport report() {
      findReshaped();
      List<Long> withoutGeometry = new ArrayList<>();
      RegionGeometry after = afterGeometry(withoutGeometry);
      Set<Long> parents = new HashSet<>(reshapedNew);
      for (long h : reshapedNew) {
        newTree.region(newTree.indexOf(h)).parent().ifPresent(p -> parents.add(p.code()));
      }
      CoverageReport coverage =
          CoverageAnalysis.run(after, r -> parents.contains(r.code()), options);
      return new RegriddingReport(
          newTree.edition(),
          ImmutableList.copyOf(reshapedOld),
          ImmutableList.copyOf(reshapedNew),
          ImmutableList.copyOf(withoutGeometry),
          coverage,
          transfers(after),
          populationKnown(),
          after);
    }

    private void findReshaped() {
      for (Region u : oldTree.regionsAt(RegionLevel.UNIT)) {
        Optional<Region> now = diff.newRegion(u.code());
        if (now.isPresent()) {
          long grid = now.get().parent().orElseThrow().code();
          oldUnitsByNewGrid.computeIfAbsent(grid, g -> new HashSet<>()).add(u.code());
        }
      }
      for (Region h : newTree.regionsAt(RegionLevel.GRID)) {
        Set<Long> was = oldUnitsByNewGrid.getOrDefault(h.code(), Set.of());
        int old = oldTree.indexOf(h.code());
        boolean same =
            old >= 0
                && oldTree.region(old).level() == RegionLevel.GRID
                && diff.newCode(h.code()).equals(OptionalLong.of(h.code()))
                && was.equals(unitCodes(oldTree.region(old)));
        if (!same) {
          reshapedNew.add(h.code());
        }
      }
      for (Region g : oldTree.regionsAt(RegionLevel.GRID)) {
        OptionalLong now = diff.newCode(g.code());
        if (now.isEmpty() || now.getAsLong() != g.code() || reshapedNew.contains(g.code())) {
          reshapedOld.add(g.code());
        }
      }
    }

    private static Set<Long> unitCodes(Region grid) {
      Set<Long> s = new HashSet<>();
      for (Region u : grid.children()) {
        s.add(u.code());
      }
      return s;
    }

    private RegionGeometry afterGeometry(List<Long> withoutGeometry) {
      Map<Long, Geometry> byCode = new LinkedHashMap<>();
      for (Region r : before.regions()) {
        if (r.level() == RegionLevel.GRID && reshapedOld.contains(r.code())) {
          continue;
        }
        OptionalLong now = diff.newCode(r.code());
        if (now.isPresent()) {
          byCode.put(now.getAsLong(), before.geometry(r.code()).orElseThrow());
        }
      }
      for (long h : reshapedNew) {
        Geometry drawn = planned.get(h);
        Geometry g =
            drawn != null ? drawn : unionOfUnits(newTree.region(newTree.indexOf(h)), byCode);
        if (g == null) {
          withoutGeometry.add(h);
        } else {
          byCode.put(h, g);
        }
      }
      byCode.putAll(planned);
      return RegionGeometry.of(
          newTree, byCode, before.options().withParentToleranceMetres(Double.POSITIVE_INFINITY));
    }

    private static @Nullable Geometry unionOfUnits(Region grid, Map<Long, Geometry> byCode) {
      List<Geometry> parts = new ArrayList<>();
      for (Region u : grid.children()) {
        Geometry g = byCode.get(u.code());
        if (g == null) {
          return null;
        }
        parts.add(g);
      }
      return parts.isEmpty() ? null : UnaryUnionOp.union(parts);
    }

    private @Nullable Geometry oldShape(Region grid) {
      Optional<Geometry> own = before.geometry(grid.code());
      if (own.isPresent()) {
        return own.get();
      }
      Map<Long, Geometry> units = new HashMap<>();
      for (Region u : grid.children()) {
        before.geometry(u.code()).ifPresent(g -> units.put(u.code(), g));
      }
      return unionOfUnits(grid, units);
    }

    private ImmutableList<RegriddingReport.Transfer> transfers(RegionGeometry after) {
      Map<List<Long>, long[]> people = new TreeMap<>(RegriddingCheck::comparePairs);
      Map<List<Long>, double[]> area = new TreeMap<>(RegriddingCheck::comparePairs);
      for (long g : reshapedOld) {
        Region grid = oldTree.region(oldTree.indexOf(g));
        for (Region u : grid.children()) {
          diff.newRegion(u.code())
              .map(n -> n.parent().orElseThrow().code())
              .filter(h -> h != g)
              .ifPresent(
                  h ->
                      people.computeIfAbsent(List.of(g, h), k -> new long[1])[0] += u.population());
        }
        OptionalLong successor = diff.newCode(g);
        if (successor.isPresent() && successor.getAsLong() != g) {
          people.computeIfAbsent(List.of(g, successor.getAsLong()), k -> new long[1])[0] +=
              grid.population();
        }
        movedArea(grid, after, area);
      }
      Set<List<Long>> pairs = new TreeSet<>(RegriddingCheck::comparePairs);
      pairs.addAll(people.keySet());
      pairs.addAll(area.keySet());
      ImmutableList.Builder<RegriddingReport.Transfer> out = ImmutableList.builder();
      for (List<Long> p : pairs) {
        long n = people.getOrDefault(p, new long[1])[0];
        double m2 = area.getOrDefault(p, new double[1])[0];
        out.add(new RegriddingReport.Transfer(p.get(0), p.get(1), m2, n));
      }
      return out.build();
    }

    private void movedArea(Region grid, RegionGeometry after, Map<List<Long>, double[]> area) {
      Geometry old = oldShape(grid);
      if (old == null) {
        return;
      }
      double lat = old.getEnvelopeInternal().centre().y;
      double noise =
          options.noiseSquareMetres()
              / (LocalMetric.METRES_PER_DEGREE * LocalMetric.metresPerDegreeLon(lat));
      for (long h : reshapedNew) {
        if (h == grid.code()) {
          continue;
        }
        Optional<Geometry> now = after.geometry(h);
        if (now.isEmpty()
            || !now.get().getEnvelopeInternal().intersects(old.getEnvelopeInternal())) {
          continue;
        }
        Geometry shared = OverlayNGRobust.overlay(old, now.get(), OverlayNG.INTERSECTION);
        if (shared.getArea() > noise) {
          area.put(
              List.of(grid.code(), h), new double[] {LocalMetric.areaSquareMetres(shared, lat)});
        }
      }
    }

    private boolean populationKnown() {
      long total = 0;
      for (Region d : oldTree.regionsAt(RegionLevel.DISTRICT)) {
        total += d.subtreePopulation();
      }
      return total > 0;
    }
  }

  private static int comparePairs(List<Long> a, List<Long> b) {
    int c = Long.compare(a.get(0), b.get(0));
    return c != 0 ? c : Long.compare(a.get(1), b.get(1));
  }
}
