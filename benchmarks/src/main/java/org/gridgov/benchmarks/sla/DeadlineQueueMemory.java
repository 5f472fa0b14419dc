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
 * (alone, and with the {@link Long2LongHashMap} from key to timer id that a keyed user adds), at
 * each size and deadline distribution of {@link DeadlineQueueSizesBenchmark}: each is filled with
 * exactly the deadlines that benchmark's fill uses (same seeds, same {@code uniform}, {@code
 * exponential} and {@code workday} draws, the queue told the start time as the benchmark tells it)
 * and JOL's retained size is divided by N. gridgov is measured presized (as the benchmarks
 * construct it, {@code 2 * N}) and grown from the default capacity; Agrona with 1 ms ticks and 1024
 * or 65536 ticks per wheel except where the benchmark refuses the combination ({@link
 * DeadlineQueueSizesBenchmark.AgronaBase#refusal}), its map presized as in the benchmark ({@code 4
 * * N} at load 1/2).
 *
 * <p>Usage: {@code java -Xmx6g -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.sla.DeadlineQueueMemory benchmarks/results/sla-queue-memory.json 1000
 * 10000 100000 1000000 10000000} (optionally {@code -Ddistributions=uniform,workday}; all three by
 * default).
 */
public final class DeadlineQueueMemory {
  private DeadlineQueueMemory() {}

  /** The benchmark's fill: its parameters, seeds and deadline draws. */
  private static final class Fill extends DeadlineQueueSizesBenchmark.Base {
    Fill(int pending, String distribution) {
      this.pending = pending;
      this.distribution = distribution;
      draws();
    }
  }

  /**
   * Runs the measurement.
   *
   * @param args output file, then sizes
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<String> distributions =
        List.of(System.getProperty("distributions", "uniform,exponential,workday").split(",", -1));
    List<String> lines = new ArrayList<>();
    for (String distribution : distributions) {
      for (int k = 1; k < args.length; k++) {
        int n = Integer.parseInt(args[k]);
        List<String> size = new ArrayList<>();
        size.add(
            line(
                n,
                distribution,
                "new DeadlineQueue(2 * pending)",
                gridgov(n, distribution, false, true)));
        size.add(
            line(n, distribution, "new DeadlineQueue()", gridgov(n, distribution, false, false)));
        size.add(
            line(
                n,
                distribution,
                "DeadlineQueue.issuingHandles(2 * pending)",
                gridgov(n, distribution, true, true)));
        size.add(
            line(
                n,
                distribution,
                "DeadlineQueue.issuingHandles()",
                gridgov(n, distribution, true, false)));
        for (int ticks : new int[] {1024, 65536}) {
          if (!DeadlineQueueSizesBenchmark.AgronaBase.refusal(n, ticks, distribution).isEmpty()) {
            continue;
          }
          String name = "Agrona DeadlineTimerWheel, " + ticks + " ticks";
          size.add(line(n, distribution, name, agrona(n, distribution, ticks, false)));
          size.add(
              line(
                  n,
                  distribution,
                  name + " + Long2LongHashMap",
                  agrona(n, distribution, ticks, true)));
        }
        size.forEach(out::println);
        lines.addAll(size);
      }
    }
    Files.writeString(
        Path.of(args[0]), "[\n" + String.join(",\n", lines) + "\n]\n", StandardCharsets.UTF_8);
  }

  private static String line(int n, String distribution, String construction, long bytes) {
    return String.format(
        Locale.ROOT,
        "  {\"pending\": %d, \"distribution\": \"%s\", \"construction\": \"%s\", \"jolBytes\": %d,"
            + " \"bytesPerEntry\": %.1f}",
        n,
        distribution,
        construction,
        bytes,
        (double) bytes / n);
  }

  private static long gridgov(int n, String distribution, boolean handles, boolean presized) {
    Fill f = new Fill(n, distribution);
    DeadlineQueue q =
        handles
            ? (presized ? DeadlineQueue.issuingHandles(2 * n) : DeadlineQueue.issuingHandles())
            : (presized ? new DeadlineQueue(2 * n) : new DeadlineQueue());
    var unusedPoll = q.pollDue(f.now, (key, deadline) -> {});
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      long deadline = f.fillDeadline(rnd);
      if (handles) {
        var unusedHandle = q.add(deadline);
      } else {
        q.schedule(i, deadline);
      }
    }
    return GraphLayout.parseInstance(q).totalSize();
  }

  private static long agrona(int n, String distribution, int ticks, boolean keyed) {
    Fill f = new Fill(n, distribution);
    DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, f.now, 1, ticks);
    Long2LongHashMap ids = new Long2LongHashMap(keyed ? n * 4 : 8, 0.5f, -1);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      long id = wheel.scheduleTimer(f.fillDeadline(rnd));
      if (keyed) {
        var unused = ids.put(i, id);
      }
    }
    return keyed
        ? GraphLayout.parseInstance(wheel, ids).totalSize()
        : GraphLayout.parseInstance(wheel).totalSize();
  }
}
