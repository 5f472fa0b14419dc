package org.gridgov.benchmarks.region;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
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
 * Queries of the gridgov {@link RegionTree} against the {@link NaiveRegionTree} baseline on the
 * same synthetic city, at Putian size and at 10 million regions. Each invocation runs {@value #OPS}
 * queries over prepared random inputs (codes for lookups; handles, i.e. indexes or {@code Node}s,
 * for the ancestor test and the LCA).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegionTreeBenchmark {
  static final int OPS = 4096;

  @Param({"putian", "10m"})
  public String size = "putian";

  private RegionTree tree;
  private NaiveRegionTree naive;
  private long[] lookupCodes;
  private int[] ancestorA;
  private int[] ancestorB;
  private NaiveRegionTree.Node[] naiveAncestorA;
  private NaiveRegionTree.Node[] naiveAncestorB;
  private int[] lcaA;
  private int[] lcaB;
  private NaiveRegionTree.Node[] naiveLcaA;
  private NaiveRegionTree.Node[] naiveLcaB;

  /** Creates the state; filled in by {@link #setUp()}. */
  public RegionTreeBenchmark() {
    tree =
        RegionTree.builder(org.gridgov.region.CodeScheme.standard(), RegionInput.EDITION).build();
    naive = NaiveRegionTree.build(RegionInput.of("putian"));
    lookupCodes = new long[0];
    ancestorA = ancestorB = lcaA = lcaB = new int[0];
    naiveAncestorA = naiveAncestorB = naiveLcaA = naiveLcaB = new NaiveRegionTree.Node[0];
  }

  /** Generates the city, builds both trees and draws the random queries. */
  @Setup(Level.Trial)
  public void setUp() {
    RegionInput in = RegionInput.of(size);
    tree = in.buildGridgov();
    naive = NaiveRegionTree.build(in);
    in = null;
    SplittableRandom r = new SplittableRandom(42);
    int n = tree.size();
    lookupCodes = new long[OPS];
    ancestorA = new int[OPS];
    ancestorB = new int[OPS];
    lcaA = new int[OPS];
    lcaB = new int[OPS];
    for (int k = 0; k < OPS; k++) {
      lookupCodes[k] = tree.region(r.nextInt(n)).code();
      int b = randomUnit(r);
      ancestorB[k] = b;
      // Half the time a true ancestor (at a random level), else a random region.
      if (r.nextBoolean()) {
        int up = 1 + r.nextInt(4);
        int a = b;
        for (int u = 0; u < up; u++) {
          a = tree.region(a).parent().orElseThrow().index();
        }
        ancestorA[k] = a;
      } else {
        ancestorA[k] = r.nextInt(n);
      }
      lcaA[k] = b;
      int near = Math.min(n - 1, Math.max(0, b + r.nextInt(-3000, 3000)));
      while (tree.region(near).level() != RegionLevel.UNIT) {
        near = near + 1 < n ? near + 1 : 0;
      }
      lcaB[k] = near;
    }
    naiveAncestorA = nodes(ancestorA);
    naiveAncestorB = nodes(ancestorB);
    naiveLcaA = nodes(lcaA);
    naiveLcaB = nodes(lcaB);
  }

  private int randomUnit(SplittableRandom r) {
    while (true) {
      int i = r.nextInt(tree.size());
      if (tree.region(i).level() == RegionLevel.UNIT) {
        return i;
      }
    }
  }

  private NaiveRegionTree.Node[] nodes(int[] indexes) {
    NaiveRegionTree.Node[] out = new NaiveRegionTree.Node[indexes.length];
    for (int k = 0; k < indexes.length; k++) {
      NaiveRegionTree.Node node = naive.find(tree.region(indexes[k]).code());
      if (node == null) {
        throw new IllegalStateException("naive tree lacks " + tree.region(indexes[k]));
      }
      out[k] = node;
    }
    return out;
  }

  /**
   * Code lookup, gridgov.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void lookupGridgov(Blackhole bh) {
    RegionTree t = tree;
    long[] codes = lookupCodes;
    for (long c : codes) {
      bh.consume(t.indexOf(c));
    }
  }

  /**
   * Code lookup, naive.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void lookupNaive(Blackhole bh) {
    NaiveRegionTree t = naive;
    long[] codes = lookupCodes;
    for (long c : codes) {
      bh.consume(t.find(c));
    }
  }

  /**
   * Ancestor test, gridgov.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void isAncestorOfGridgov(Blackhole bh) {
    RegionTree t = tree;
    for (int k = 0; k < OPS; k++) {
      bh.consume(t.isAncestorOf(ancestorA[k], ancestorB[k]));
    }
  }

  /**
   * Ancestor test, naive.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void isAncestorOfNaive(Blackhole bh) {
    for (int k = 0; k < OPS; k++) {
      bh.consume(NaiveRegionTree.isAncestorOf(naiveAncestorA[k], naiveAncestorB[k]));
    }
  }

  /**
   * Lowest common ancestor, gridgov.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void lcaGridgov(Blackhole bh) {
    RegionTree t = tree;
    for (int k = 0; k < OPS; k++) {
      bh.consume(t.lowestCommonAncestorIndex(lcaA[k], lcaB[k]));
    }
  }

  /**
   * Lowest common ancestor, naive.
   *
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public void lcaNaive(Blackhole bh) {
    for (int k = 0; k < OPS; k++) {
      bh.consume(NaiveRegionTree.lowestCommonAncestor(naiveLcaA[k], naiveLcaB[k]));
    }
  }
}
