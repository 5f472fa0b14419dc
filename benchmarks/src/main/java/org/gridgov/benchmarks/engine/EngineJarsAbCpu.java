package org.gridgov.benchmarks.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of the engine in one JVM: {@link CaseEngineBenchmark#engineCommands} ({@code engine =
 * new}) from two benchmark jars (say, the branch point's and a change's), each loaded by its own
 * class loader, timed by the thread's CPU time with their rounds interleaved (A, B, A, B, …). A
 * before/after comparison of a change to the engine's internals then comes from one run on one
 * machine state, as {@link EngineCommandsCpu} compares the legacy engine with the current one.
 *
 * <p>Usage: {@code java -Xmx3g -cp benchmarks.jar org.gridgov.benchmarks.engine.EngineJarsAbCpu
 * before.jar after.jar [openCases] [warmupLives] [livesPerRound] [rounds]}; a life is 8 commands.
 * Prints one line per round and jar, each jar's median in commands per CPU second, and the ratio B
 * / A.
 */
public final class EngineJarsAbCpu {
  private static final String BENCH = "org.gridgov.benchmarks.engine.CaseEngineBenchmark";

  private EngineJarsAbCpu() {}

  /**
   * Runs the measurement.
   *
   * @param args jar A, jar B, open cases (100000), warm-up lives (50000), lives per round (50000),
   *     rounds (5)
   * @throws Exception if a jar cannot be read or its benchmark class is missing
   */
  @SuppressWarnings("SystemOut") // a command-line measurement tool
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "expected: jarA jarB [openCases] [warmupLives] [livesPerRound] [rounds], got "
              + args.length
              + " arguments");
    }
    int open = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
    int perRound = args.length > 4 ? Integer.parseInt(args[4]) : 50_000;
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 5;
    String[] names = {"A " + args[0], "B " + args[1]};
    Object[] benches = new Object[2];
    Method[] commands = new Method[2];
    long sink = 0;
    for (int j = 0; j < 2; j++) {
      Path jar = Path.of(args[j]);
      if (!Files.isRegularFile(jar)) {
        throw new IOException("jar " + (j == 0 ? "A" : "B") + " not found: " + jar);
      }
      @SuppressWarnings("resource") // lives as long as the measurement
      URLClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = Class.forName(BENCH, true, loader);
      Object b = c.getConstructor().newInstance();
      c.getField("openCases").setInt(b, open);
      c.getField("engine").set(b, EngineUnderTest.NEW);
      c.getMethod("setUp").invoke(b);
      commands[j] = c.getMethod("engineCommands");
      benches[j] = b;
      for (int i = 0; i < warmup; i++) {
        sink += (Integer) commands[j].invoke(b);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] rates = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < 2; j++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink += (Integer) commands[j].invoke(benches[j]);
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        rates[j][r] = 8.0 * perRound / (cpu / 1e9);
        System.out.printf(
            Locale.ROOT, "round %d %s: %.0f commands/CPU-s%n", r + 1, names[j], rates[j][r]);
      }
    }
    double[] median = new double[2];
    for (int j = 0; j < 2; j++) {
      double[] sorted = rates[j].clone();
      Arrays.sort(sorted);
      median[j] = sorted[rounds / 2];
      System.out.printf(Locale.ROOT, "%s median %.0f commands/CPU-s%n", names[j], median[j]);
    }
    System.out.printf(
        Locale.ROOT, "openCases=%d B/A %.2f (events %d)%n", open, median[1] / median[0], sink);
  }
}
