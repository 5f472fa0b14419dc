package org.gridgov.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link CaseLoopBenchmark#caseLifecycle} timed by the thread's CPU time instead of wall time: on a
 * shared machine whose load exceeds its cores, wall-clock throughput mostly measures the scheduler,
 * CPU time measures the code.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.gridgov.benchmarks.engine.EngineLoopCpu
 * [commandMemory] [warmupCases] [casesPerRound] [rounds]}. Prints one line per round and the
 * median, in cases per CPU second.
 */
public final class EngineLoopCpu {
  private EngineLoopCpu() {}

  /**
   * Runs the loop.
   *
   * @param args commandMemory (65536), warmup cases (300000), cases per round (200000), rounds (5)
   */
  @SuppressWarnings("SystemOut") // a command-line measurement tool
  public static void main(String[] args) {
    int memory = args.length > 0 ? Integer.parseInt(args[0]) : 65536;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    CaseLoopBenchmark b = new CaseLoopBenchmark();
    b.openCases = 20_000;
    b.commandMemory = memory;
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += b.caseLifecycle();
    }
    double[] rates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        sink += b.caseLifecycle();
      }
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      rates[r] = perRound / (cpu / 1e9);
      System.out.printf(
          Locale.ROOT,
          "round %d: %.0f cases/CPU-s (%.0f commands/CPU-s), wall %.0f cases/s%n",
          r + 1,
          rates[r],
          rates[r] * 8,
          perRound / (wall / 1e9));
    }
    java.util.Arrays.sort(rates);
    double median = rates[rounds / 2];
    System.out.printf(
        Locale.ROOT,
        "commandMemory=%d median %.0f cases/CPU-s = %.0f commands/CPU-s (events %d)%n",
        memory,
        median,
        median * 8,
        sink);
  }
}
