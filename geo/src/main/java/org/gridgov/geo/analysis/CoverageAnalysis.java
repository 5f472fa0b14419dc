package org.gridgov.geo.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.geo.LonLat;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Spatial coverage analysis (★ the spatial twin of the routing policy analysis): for every region
 * with geometry whose children have geometry, do the children tile it? Reports, as {@link
 * CoverageFinding}s:
 *
 * <ul>
 *   <li>{@code GAP} (留白 in space): each connected part of the parent that no child covers, with its
 *       area and a point inside it;
 *   <li>{@code OVERLAP} (职责交叉 in space): each pair of children that share area, with that area and
 *       a point in it;
 *   <li>{@code SLIVER}: a gap or an overlap smaller than {@link Options#sliverSquareMetres()} — a
 *       digitising slip rather than a real hole, a warning;
 *   <li>{@code OUTSIDE_PARENT}: each child with area outside its parent (an error from the sliver
 *       threshold up, a warning below).
 * </ul>
 *
 * Anything below {@link Options#noiseSquareMetres()} is floating-point noise and not reported.
 * Areas are in square metres of the local metric at the parent's centre (docs/geo.md). Only direct
 * children are compared with their parent; a child without geometry leaves its area as a gap
 * (counted in {@link CoverageReport#childrenWithoutGeometry}).
 *
 * <p>Cost: one exact union of the children per parent ({@link CoverageUnion} when the children meet
 * edge to edge, else a general overlay union), one difference for the gaps, one for the parts
 * outside, and pairwise intersections only where the union shows that children overlap. Pure and
 * deterministic.
 */
public final class CoverageAnalysis {

  private CoverageAnalysis() {}

  /**
   * Thresholds.
   *
   * @param noiseSquareMetres areas below this are ignored as numerical noise, &gt;= 0
   * @param sliverSquareMetres gaps and overlaps below this are slivers (warnings), &gt;= noise
   */
  public record Options(double noiseSquareMetres, double sliverSquareMetres) {

    /**
     * Validates the thresholds.
     *
     * @param noiseSquareMetres the noise floor in m²
     * @param sliverSquareMetres the sliver threshold in m²
     * @throws IllegalArgumentException naming the bad threshold
     */
    public Options {
      if (!(noiseSquareMetres >= 0 && noiseSquareMetres < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "noiseSquareMetres must be finite and >= 0 but was " + noiseSquareMetres);
      }
      if (!(sliverSquareMetres >= noiseSquareMetres
          && sliverSquareMetres < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "sliverSquareMetres must be finite and >= noiseSquareMetres ("
                + noiseSquareMetres
                + ") but was "
                + sliverSquareMetres);
      }
    }

    /**
     * The defaults: noise below 0.01 m², slivers below 1 m².
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(0.01, 1.0);
    }
  }

  /**
   * Checks every parent with the default thresholds.
   *
   * @param geometry the region geometry
   * @return the report
   */
  public static CoverageReport analyse(RegionGeometry geometry) {
    return analyse(geometry, Options.defaults());
  }

  /**
   * Checks every parent.
   *
   * @param geometry the region geometry
   * @param options the thresholds
   * @return the report
   */
  public static CoverageReport analyse(RegionGeometry geometry, Options options) {
    return run(geometry, parent -> true, options);
  }

  /**
   * Checks the parents at one level only (e.g. {@code COMMUNITY}: do the grids tile their
   * communities?).
   *
   * @param geometry the region geometry
   * @param parentLevel the level of the parents to check
   * @param options the thresholds
   * @return the report
   */
  public static CoverageReport analyse(
      RegionGeometry geometry, RegionLevel parentLevel, Options options) {
    Objects.requireNonNull(parentLevel, "parentLevel");
    return run(geometry, parent -> parent.level() == parentLevel, options);
  }

  /**
   * Checks the parents a predicate selects.
   *
   * @param geometry the region geometry
   * @param which selects the parents to check
   * @param options the thresholds
   * @return the report
   */
  static CoverageReport run(
      RegionGeometry geometry, java.util.function.Predicate<Region> which, Options options) {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(options, "options");
    List<CoverageFinding> findings = new ArrayList<>();
    int parents = 0;
    int children = 0;
    int missing = 0;
    for (Region parent : geometry.regions()) {
      if (!which.test(parent)) {
        continue;
      }
      List<Region> kids = new ArrayList<>();
      for (Region c : parent.children()) {
        if (geometry.geometry(c.code()).isPresent()) {
          kids.add(c);
        } else {
          missing++;
        }
      }
      if (kids.isEmpty()) {
        continue;
      }
      parents++;
      children += kids.size();
      new ParentCheck(geometry, parent, kids, options, findings).run();
    }
    findings.sort(
        Comparator.comparingLong(CoverageFinding::parentCode)
            .thenComparing(CoverageFinding::kind)
            .thenComparing(f -> f.childCodes().toString())
            .thenComparingDouble(CoverageFinding::areaSquareMetres));
    return new CoverageReport(ImmutableList.copyOf(findings), parents, children, missing);
  }

  /** The checks of one parent against its children. */
  private static final class ParentCheck {
    private final Region parent;
    private final List<Region> kids;
    private final Geometry parentGeometry;
    private final Geometry[] kidGeometries;
    private final Options options;
    private final List<CoverageFinding> out;
    private final double squareMetresPerSquareDegree;

    ParentCheck(
        RegionGeometry g,
        Region parent,
        List<Region> kids,
        Options options,
        List<CoverageFinding> out) {
      this.parent = parent;
      this.kids = kids;
      this.parentGeometry = g.geometry(parent.code()).orElseThrow();
      this.kidGeometries =
          kids.stream().map(k -> g.geometry(k.code()).orElseThrow()).toArray(Geometry[]::new);
      this.options = options;
      this.out = out;
      double lat = parentGeometry.getEnvelopeInternal().centre().y;
      this.squareMetresPerSquareDegree =
          LocalMetric.METRES_PER_DEGREE * LocalMetric.metresPerDegreeLon(lat);
    }

    void run() {
      double sum = 0;
      for (Geometry k : kidGeometries) {
        sum += k.getArea();
      }
      Geometry union = fastUnion(sum);
      boolean overlapping = union == null;
      if (union == null) {
        union = UnaryUnionOp.union(List.of(kidGeometries));
        // The children's areas beyond their union: the overlaps, each at most this much.
        overlapping = !isNoise((sum - union.getArea()) * squareMetresPerSquareDegree);
      }
      if (!overlapping && sameShape(union, parentGeometry)) {
        return; // the children's union is the parent, vertex for vertex: no gap, nothing outside
      }
      gaps(OverlayNGRobust.overlay(parentGeometry, union, OverlayNG.DIFFERENCE));
      // The union's part outside: each child's part outside is at most this much.
      if (!isNoise(
          squareMetres(OverlayNGRobust.overlay(union, parentGeometry, OverlayNG.DIFFERENCE)))) {
        outside();
      }
      if (overlapping) {
        overlaps();
      }
    }

    private static boolean sameShape(Geometry a, Geometry b) {
      return a.getNumPoints() == b.getNumPoints() && a.norm().equalsExact(b.norm());
    }

    /**
     * The exact union when the children meet edge to edge and do not overlap; null when that cannot
     * be shown.
     */
    private @Nullable Geometry fastUnion(double sum) {
      try {
        Geometry u = CoverageUnion.union(kidGeometries);
        return u != null
                && u.isValid()
                && isNoise(Math.abs(u.getArea() - sum) * squareMetresPerSquareDegree)
            ? u
            : null;
      } catch (RuntimeException e) { // not a clean coverage: JTS's TopologyException and kin
        return null;
      }
    }

    private void gaps(Geometry gaps) {
      for (int i = 0; i < gaps.getNumGeometries(); i++) {
        Geometry part = gaps.getGeometryN(i);
        double m2 = squareMetres(part);
        if (!(part instanceof Polygonal) || isNoise(m2)) {
          continue;
        }
        boolean sliver = m2 < options.sliverSquareMetres();
        LonLat p = point(part);
        add(
            sliver ? CoverageFinding.Kind.SLIVER : CoverageFinding.Kind.GAP,
            ImmutableList.of(),
            m2,
            p,
            String.format(
                Locale.ROOT,
                "%s of %s m² that no %s covers, around %s",
                sliver ? "a sliver gap" : "a gap",
                area(m2),
                childLevel(),
                p));
      }
    }

    /**
     * Whether an area is no finding: below the noise floor, or none at all (the empty difference of
     * children that tile their parent, or of a child inside it, is no finding even with a floor of
     * 0, and has no point to name).
     */
    private boolean isNoise(double m2) {
      return !(m2 > 0) || m2 < options.noiseSquareMetres();
    }

    private void outside() {
      for (int k = 0; k < kids.size(); k++) {
        Geometry part =
            OverlayNGRobust.overlay(kidGeometries[k], parentGeometry, OverlayNG.DIFFERENCE);
        double m2 = squareMetres(part);
        if (isNoise(m2)) {
          continue;
        }
        LonLat p = point(part);
        out.add(
            new CoverageFinding(
                CoverageFinding.Kind.OUTSIDE_PARENT,
                m2 < options.sliverSquareMetres()
                    ? CoverageFinding.Severity.WARNING
                    : CoverageFinding.Severity.ERROR,
                parent.code(),
                ImmutableList.of(kids.get(k).code()),
                m2,
                p,
                String.format(
                    Locale.ROOT,
                    "%s %d has %s m² outside its %s, around %s",
                    kids.get(k).level(),
                    kids.get(k).code(),
                    area(m2),
                    parent.level(),
                    p)));
      }
    }

    private void overlaps() {
      for (int a = 0; a < kids.size(); a++) {
        for (int b = a + 1; b < kids.size(); b++) {
          if (!kidGeometries[a]
              .getEnvelopeInternal()
              .intersects(kidGeometries[b].getEnvelopeInternal())) {
            continue;
          }
          Geometry both =
              OverlayNGRobust.overlay(kidGeometries[a], kidGeometries[b], OverlayNG.INTERSECTION);
          double m2 = squareMetres(both);
          if (isNoise(m2)) {
            continue;
          }
          boolean sliver = m2 < options.sliverSquareMetres();
          long ca = kids.get(a).code();
          long cb = kids.get(b).code();
          LonLat p = point(both);
          add(
              sliver ? CoverageFinding.Kind.SLIVER : CoverageFinding.Kind.OVERLAP,
              ImmutableList.of(Math.min(ca, cb), Math.max(ca, cb)),
              m2,
              p,
              String.format(
                  Locale.ROOT,
                  "%s %d and %d both cover %s m%s around %s",
                  childLevel(),
                  Math.min(ca, cb),
                  Math.max(ca, cb),
                  area(m2),
                  sliver ? "² (a sliver overlap)," : "²,",
                  p));
        }
      }
    }

    private void add(
        CoverageFinding.Kind kind, ImmutableList<Long> codes, double m2, LonLat p, String message) {
      CoverageFinding.Severity s =
          kind == CoverageFinding.Kind.SLIVER
              ? CoverageFinding.Severity.WARNING
              : CoverageFinding.Severity.ERROR;
      out.add(new CoverageFinding(kind, s, parent.code(), codes, m2, p, message));
    }

    private String childLevel() {
      return kids.get(0).level().name().toLowerCase(Locale.ROOT);
    }

    private double squareMetres(Geometry g) {
      return g.getArea() * squareMetresPerSquareDegree;
    }

    private static LonLat point(Geometry g) {
      Point p = g.getInteriorPoint();
      return new LonLat(p.getX(), p.getY());
    }

    private static String area(double m2) {
      return m2 >= 100
          ? String.format(Locale.ROOT, "%,.0f", m2)
          : String.format(Locale.ROOT, "%.2f", m2);
    }
  }
}
