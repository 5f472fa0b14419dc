package org.gridgov.benchmarks.geo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.benchmarks.region.RegionInput;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.RegionLocator;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point → unit over the 136,063 synthetic Putian units ({@code SyntheticCityGenerator} below
 * Putian's real districts and streets, seed 20240101; {@code SyntheticGeometry.generate} over
 * {@code putianBounds()}, seed 20240101): gridgov's {@link RegionLocator} against the
 * straightforward JTS baseline — an {@link STRtree} of the units' envelopes holding {@link
 * PreparedGeometry} items, queried with the point's envelope, the first candidate that {@code
 * covers} the point wins (candidates visited in code order, the same rule as gridgov's). {@value
 * #OPS} seeded random points over the bounds per invocation; setup checks that both give the same
 * unit for each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeoLocateBenchmark {
  static final int OPS = 4096;
  private static final GeometryFactory FACTORY = RegionGeometry.FACTORY;

  /** Index cells per polygon of gridgov's locator (its default is 8). */
  @Param({"8"})
  public int cellsPerPolygon;

  private RegionLocator locator;
  private STRtree strtree;
  private double[] lon = new double[0];
  private double[] lat = new double[0];

  /** Creates the state; filled in by {@link #setUp()}. */
  public GeoLocateBenchmark() {
    RegionTree tiny =
        RegionTree.builder(org.gridgov.region.CodeScheme.standard(), RegionInput.EDITION).build();
    locator =
        RegionLocator.of(
            RegionGeometry.of(tiny, java.util.Map.of(), RegionGeometry.LoadOptions.defaults()));
    strtree = new STRtree();
  }

  /** One baseline item: a unit's prepared polygon and its tree index. */
  private record Item(PreparedGeometry polygon, int index, long code) {}

  /** Generates the city and its geometry, builds both indexes and draws the points. */
  @Setup(Level.Trial)
  public void setUp() {
    RegionTree tree = RegionInput.city("putian");
    RegionGeometry unitsOnly =
        unitsOnly(SyntheticGeometry.generate(tree, SyntheticGeometry.putianBounds(), 20240101L));
    locator = RegionLocator.of(unitsOnly, org.gridgov.geo.OutsidePolicy.refuse(), cellsPerPolygon);
    strtree = new STRtree();
    for (Region u : unitsOnly.regions(RegionLevel.UNIT)) {
      var g = unitsOnly.geometry(u.code()).orElseThrow();
      strtree.insert(
          g.getEnvelopeInternal(),
          new Item(PreparedGeometryFactory.prepare(g), u.index(), u.code()));
    }
    strtree.build();
    SplittableRandom random = new SplittableRandom(42);
    Envelope b = SyntheticGeometry.putianBounds();
    lon = new double[OPS];
    lat = new double[OPS];
    for (int k = 0; k < OPS; k++) {
      lon[k] = b.getMinX() + random.nextDouble() * b.getWidth();
      lat[k] = b.getMinY() + random.nextDouble() * b.getHeight();
      int expected = baseline(lon[k], lat[k]);
      int actual = locator.locateIndex(lon[k], lat[k]);
      if (expected != actual) {
        throw new IllegalStateException(
            "point "
                + k
                + " ("
                + lon[k]
                + ", "
                + lat[k]
                + "): gridgov says "
                + actual
                + ", the JTS baseline "
                + expected);
      }
    }
    System.err.printf(
        "%n[geo] %d units, %d cells per polygon; locator index %.1f MB, %.0f bytes per unit (JTS"
            + " geometries aside)%n",
        unitsOnly.size(),
        cellsPerPolygon,
        locator.indexBytes() / 1e6,
        (double) locator.indexBytes() / unitsOnly.size());
  }

  /**
   * Only the units: both sides answer the same question (the unit) and nothing falls back to a
   * grid.
   */
  private static RegionGeometry unitsOnly(RegionGeometry all) {
    java.util.Map<Long, org.locationtech.jts.geom.Geometry> units = new java.util.LinkedHashMap<>();
    for (Region u : all.regions(RegionLevel.UNIT)) {
      units.put(u.code(), all.geometry(u.code()).orElseThrow());
    }
    return RegionGeometry.of(all.tree(), units, RegionGeometry.LoadOptions.defaults());
  }

  private int baseline(double x, double y) {
    Point p = FACTORY.createPoint(new Coordinate(x, y));
    @SuppressWarnings("unchecked")
    List<Item> hits = strtree.query(p.getEnvelopeInternal());
    @Nullable Item best = null;
    for (Item it : hits) {
      if ((best == null || it.code() < best.code()) && it.polygon().covers(p)) {
        best = it;
      }
    }
    return best == null ? -1 : best.index();
  }

  /**
   * gridgov: {@link RegionLocator#locateIndex}.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void gridgovLocator(Blackhole bh) {
    for (int k = 0; k < OPS; k++) {
      bh.consume(locator.locateIndex(lon[k], lat[k]));
    }
  }

  /**
   * gridgov: {@link RegionLocator#locate}, with the validated, allocating result.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void gridgovLocate(Blackhole bh) {
    for (int k = 0; k < OPS; k++) {
      bh.consume(locator.locate(lon[k], lat[k]));
    }
  }

  /**
   * The JTS baseline: STRtree of envelopes + {@code PreparedGeometry.covers}.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void jtsStrtreePrepared(Blackhole bh) {
    for (int k = 0; k < OPS; k++) {
      bh.consume(baseline(lon[k], lat[k]));
    }
  }
}
