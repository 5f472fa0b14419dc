package org.gridgov.benchmarks.sla;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;
import org.gridgov.sla.DeadlineQueue;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per pending entry of {@link DeadlineQueue} and of Agrona's {@link DeadlineTimerWheel}
 * (alone, and with the {@link Long2LongHashMap} from key to timer id that a keyed user adds): fills
 * each with N entries whose deadlines are uniform over the next 2N ms (seed 7, as the {@code
 * uniform} distribution of {@link DeadlineQueueSizesBenchmark}) and reports JOL's retained size per
 * entry. gridgov is measured presized (as the benchmarks construct it, {@code 2 * N}) and grown
 * from the default capacity; Agrona with 1 ms ticks and 1024 (up to 100k) or 65536 ticks per wheel,
 * its map presized as in the benchmark ({@code 4 * N} at load 1/2).
 *
 * <p>Usage: {@code java -Xmx6g -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.sla.DeadlineQueueMemory benchmarks/results/sla-queue-memory.json 1000
 * 10000 100000 1000000 10000000}.
 */
public final class DeadlineQueueMemory {
  private DeadlineQueueMemory() {}

  private static final long START = DeadlineQueueSizesBenchmark.START;

  /**
   * Runs the measurement.
   *
   * @param args output file, then sizes
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (int k = 1; k < args.length; k++) {
      int n = Integer.parseInt(args[k]);
      lines.add(line(n, "new DeadlineQueue(2 * pending)", gridgov(n, false, true)));
      lines.add(line(n, "new DeadlineQueue()", gridgov(n, false, false)));
      lines.add(line(n, "DeadlineQueue.issuingHandles(2 * pending)", gridgov(n, true, true)));
      lines.add(line(n, "DeadlineQueue.issuingHandles()", gridgov(n, true, false)));
      for (int ticks : n <= 100_000 ? new int[] {1024, 65536} : new int[] {65536}) {
        lines.add(
            line(n, "Agrona DeadlineTimerWheel, " + ticks + " ticks", agrona(n, ticks, false)));
        lines.add(
            line(
                n,
                "Agrona DeadlineTimerWheel, " + ticks + " ticks + Long2LongHashMap",
                agrona(n, ticks, true)));
      }
      for (int i = lines.size() - (n <= 100_000 ? 8 : 6); i < lines.size(); i++) {
        out.println(lines.get(i));
      }
    }
    Files.writeString(
        Path.of(args[0]), "[\n" + String.join(",\n", lines) + "\n]\n", StandardCharsets.UTF_8);
  }

  private static String line(int n, String construction, long bytes) {
    return String.format(
        Locale.ROOT,
        "  {\"pending\": %d, \"construction\": \"%s\", \"jolBytes\": %d, \"bytesPerEntry\": %.1f}",
        n,
        construction,
        bytes,
        (double) bytes / n);
  }

  private static long gridgov(int n, boolean handles, boolean presized) {
    DeadlineQueue q =
        handles
            ? (presized ? DeadlineQueue.issuingHandles(2 * n) : DeadlineQueue.issuingHandles())
            : (presized ? new DeadlineQueue(2 * n) : new DeadlineQueue());
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      long deadline = START + 1 + rnd.nextLong(2L * n);
      if (handles) {
        var unused = q.add(deadline);
      } else {
        q.schedule(i, deadline);
      }
    }
    return GraphLayout.parseInstance(q).totalSize();
  }

  private static long agrona(int n, int ticks, boolean keyed) {
    DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, START, 1, ticks);
    Long2LongHashMap ids = new Long2LongHashMap(keyed ? n * 4 : 8, 0.5f, -1);
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      long id = wheel.scheduleTimer(START + 1 + rnd.nextLong(2L * n));
      if (keyed) {
        var unused = ids.put(i, id);
      }
    }
    return keyed
        ? GraphLayout.parseInstance(wheel, ids).totalSize()
        : GraphLayout.parseInstance(wheel).totalSize();
  }
}
