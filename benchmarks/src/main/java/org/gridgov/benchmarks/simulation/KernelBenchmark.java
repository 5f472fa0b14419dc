package org.gridgov.benchmarks.simulation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Discrete-event kernel throughput on an M/M/c queue (μ = 1 per hour, λ = 0.9·c: ρ = 0.9), kernel
 * only (arrivals, service starts and ends; no case engine): gridgov's {@code EventList} against
 * SSJ's {@code Sim} and {@code Event} on the same model. One operation is one event; an invocation
 * simulates 50,000 customers, i.e. 100,000 events. The {@code Predrawn} pair reads the same
 * pre-drawn exponential variates (the kernel alone); the other pair draws them inline from {@code
 * SplittableRandom} (a logarithm per event, the same cost in both). {@code servers} = 10 keeps
 * about 10 events pending; 1,000 about 1,000, closer to a city (Putian has thousands of services,
 * checks and wake-ups pending at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBenchmark {
  private static final int CUSTOMERS = 50_000;
  private static final int EVENTS = 2 * CUSTOMERS;

  /** c. */
  @Param({"10", "1000"})
  public int servers;

  private long seed;
  private MmcKernels.Variates variates = MmcKernels.Variates.draw(9, 1, CUSTOMERS, 0);

  /** Draws the pre-drawn variates for this {@code servers}. */
  @Setup
  public void setUp() {
    variates = MmcKernels.Variates.draw(0.9 * servers, 1, CUSTOMERS, 42);
  }

  /**
   * gridgov's kernel over pre-drawn variates: the kernel alone.
   *
   * @return the mean wait (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double gridgovEventListPredrawn() {
    return MmcKernels.gridgov(variates, servers);
  }

  /**
   * SSJ's kernel over the same pre-drawn variates (baseline).
   *
   * @return the mean wait (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double ssjSimPredrawn() {
    return MmcKernels.ssj(variates, servers);
  }

  /**
   * gridgov's kernel.
   *
   * @return the mean wait (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double gridgovEventList() {
    return MmcKernels.gridgov(0.9 * servers, 1, servers, CUSTOMERS, seed++);
  }

  /**
   * SSJ's kernel (baseline).
   *
   * @return the mean wait (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double ssjSim() {
    return MmcKernels.ssj(0.9 * servers, 1, servers, CUSTOMERS, seed++);
  }
}
