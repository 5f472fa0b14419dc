package org.gridgov.benchmarks.region;

import java.util.concurrent.TimeUnit;
import org.gridgov.region.RegionTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building a whole tree from rows (code, parent code, level, name, population, households, area,
 * urban-rural class, grid type), gridgov's builder against the naive object tree. Rows come in
 * pre-order, as a generator or {@code RegionCsv.write} produce them; gridgov also validates every
 * row. One build per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegionTreeBuildBenchmark {
  @Param({"putian", "10m"})
  public String size = "putian";

  private RegionInput input = RegionInput.of("putian");

  /** Generates the rows. */
  @Setup(Level.Trial)
  public void setUp() {
    input = RegionInput.of(size);
  }

  /**
   * Build with gridgov.
   *
   * @return the tree
   */
  @Benchmark
  public RegionTree buildGridgov() {
    return input.buildGridgov();
  }

  /**
   * Build the naive tree.
   *
   * @return the tree
   */
  @Benchmark
  public NaiveRegionTree buildNaive() {
    return NaiveRegionTree.build(input);
  }
}
