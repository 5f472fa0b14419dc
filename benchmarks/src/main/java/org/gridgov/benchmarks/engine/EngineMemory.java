package org.gridgov.benchmarks.engine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.casefile.CaseEvent;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per open case, the frozen legacy engine and the current one in the same run: opens N cases
 * (reported, verified, registered, dispatched: a whole-case and a lead clock running, one pending
 * deadline each) in one engine with no command-id memory, and reports the heap growth per case
 * (used heap after full GCs, before and after) and, for sizes up to 200,000, JOL's retained size of
 * the engine per case. With {@code -Dgridgov.footprint=true} it also prints JOL's footprint table
 * (instances and bytes per class) of each engine to standard error.
 *
 * <p>Usage: {@code java -Xmx6g -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true -cp
 * benchmarks/target/benchmarks.jar org.gridgov.benchmarks.engine.EngineMemory
 * benchmarks/results/engine-memory.json 100000 1000000}.
 */
public final class EngineMemory {
  private EngineMemory() {}

  /**
   * Runs the measurement.
   *
   * @param args output file, then sizes
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("[\n");
    EngineSetup setup = new EngineSetup();
    for (int k = 1; k < args.length; k++) {
      int n = Integer.parseInt(args[k]);
      for (String which : List.of(EngineUnderTest.LEGACY, EngineUnderTest.NEW)) {
        String line = measure(setup, which, n);
        out.println(line);
        json.append(line)
            .append(k + 1 < args.length || which.equals(EngineUnderTest.LEGACY) ? ",\n" : "\n");
      }
    }
    json.append("]\n");
    Files.writeString(Path.of(args[0]), json.toString(), StandardCharsets.UTF_8);
  }

  private static String measure(EngineSetup setup, String which, int n)
      throws InterruptedException {
    EngineUnderTest engine = EngineUnderTest.create(which, setup, n, 0);
    long before = usedAfterGc();
    List<CaseEvent> sink = new ArrayList<>();
    long events = 0;
    for (int i = 0; i < n; i++) {
      engine.open(setup.facts("O-" + i, i), "o" + i, EngineSetup.START, sink);
      events += sink.size();
      sink.clear();
    }
    long after = usedAfterGc();
    GraphLayout layout = n <= 200_000 ? GraphLayout.parseInstance(engine) : null;
    long jol = layout == null ? -1 : layout.totalSize();
    if (layout != null && Boolean.getBoolean("gridgov.footprint")) {
      System.err.println(which + ":\n" + layout.toFootprint());
    }
    String line =
        String.format(
            Locale.ROOT,
            "  {\"engine\": \"%s\", \"openCases\": %d, \"events\": %d, \"heapDeltaBytes\": %d,"
                + " \"heapBytesPerOpenCase\": %.1f, \"jolEngineBytes\": %d, \"jolBytesPerOpenCase\": %.1f}",
            which,
            engine.openCaseCount(),
            events,
            after - before,
            (double) (after - before) / n,
            jol,
            jol < 0 ? -1.0 : (double) jol / n);
    return line;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
