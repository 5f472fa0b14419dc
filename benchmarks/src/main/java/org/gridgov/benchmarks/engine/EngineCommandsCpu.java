package org.gridgov.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link CaseEngineBenchmark#engineCommands}, the frozen legacy engine and the current one, timed
 * by the thread's CPU time instead of wall time, with their rounds interleaved (legacy, new,
 * legacy, …) so that both see the same machine. On a shared machine whose load exceeds its cores,
 * JMH's wall-clock throughput mostly measures the scheduler; CPU time measures the code (the
 * collector's own threads are not counted, so allocation costs less here than in a wall-clock run).
 *
 * <p>Usage: {@code java -Xmx3g -cp benchmarks.jar org.gridgov.benchmarks.engine.EngineCommandsCpu
 * [openCases] [warmupLives] [livesPerRound] [rounds]}; a life is 8 commands. Prints one line per
 * round and engine, then each engine's median in commands per CPU second and the ratio new /
 * legacy.
 */
public final class EngineCommandsCpu {
  private EngineCommandsCpu() {}

  /**
   * Runs the measurement.
   *
   * @param args open cases (100000), warm-up lives (50000), lives per round (50000), rounds (5)
   */
  @SuppressWarnings("SystemOut") // a command-line measurement tool
  public static void main(String[] args) {
    int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    String[] engines = {EngineUnderTest.LEGACY, EngineUnderTest.NEW};
    CaseEngineBenchmark[] benches = new CaseEngineBenchmark[engines.length];
    long sink = 0;
    for (int e = 0; e < engines.length; e++) {
      benches[e] = new CaseEngineBenchmark();
      benches[e].openCases = open;
      benches[e].engine = engines[e];
      benches[e].setUp();
      for (int i = 0; i < warmup; i++) {
        sink += benches[e].engineCommands();
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] rates = new double[engines.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int e = 0; e < engines.length; e++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink += benches[e].engineCommands();
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        rates[e][r] = 8.0 * perRound / (cpu / 1e9);
        System.out.printf(
            Locale.ROOT, "round %d %s: %.0f commands/CPU-s%n", r + 1, engines[e], rates[e][r]);
      }
    }
    double[] median = new double[engines.length];
    for (int e = 0; e < engines.length; e++) {
      double[] sorted = rates[e].clone();
      Arrays.sort(sorted);
      median[e] = sorted[rounds / 2];
      System.out.printf(Locale.ROOT, "%s median %.0f commands/CPU-s%n", engines[e], median[e]);
    }
    System.out.printf(
        Locale.ROOT,
        "openCases=%d new/legacy %.2f (events %d)%n",
        open,
        median[1] / median[0],
        sink);
  }
}
