package org.gridgov.benchmarks.simulation;

import java.util.concurrent.TimeUnit;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One simulated Putian year as JMH measures it: each invocation is a whole replication (city built,
 * warm-up, 365 days, drain) of {@link SimulationTimings#yearScenario} at 80 handlers per district
 * office and 160 for the city office, with every issue-22 mechanism on ({@code all}) or none
 * ({@code off}). One warm-up year per fork, then the measured years: what every replication after
 * the first of a sweep or a designed experiment costs. The first, cold year of a fresh JVM (which a
 * single {@code gridgov-sim run} pays) is {@code SimulationTimings year-all}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SimulationYearBenchmark -rf json -rff year.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx5g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
public class SimulationYearBenchmark {
  /** Every issue-22 mechanism on ({@code all}) or none ({@code off}). */
  @Param({"off", "all"})
  public String mechanisms = "all";

  private Scenario scenario = SimulationTimings.yearScenario(true, 365, 80, 160);

  /** Builds the year's scenario for this {@code mechanisms}. */
  @Setup
  public void setUp() {
    scenario = SimulationTimings.yearScenario(mechanisms.equals("all"), 365, 80, 160);
  }

  /**
   * Simulates the year.
   *
   * @return its engine events (consumed by JMH)
   */
  @Benchmark
  public long year() {
    ReplicationResult r = Simulator.run(scenario, 1, 0, Progress.NONE);
    return r.engineEvents();
  }
}
