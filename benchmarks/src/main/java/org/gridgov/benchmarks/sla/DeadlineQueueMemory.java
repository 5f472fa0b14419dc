package org.gridgov.benchmarks.sla;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gridgov.sla.DeadlineQueue;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per pending entry of {@link DeadlineQueue}: fills a queue with N sequential keys whose deadlines are uniform
 * over the next 2N ms (seed 7, as in {@link DeadlineQueueBenchmark}), once presized with {@code new
 * DeadlineQueue(2 * N)} (as the benchmark does) and once grown from the default capacity, then the same with a queue
 * made by {@link DeadlineQueue#issuingHandles()}, and reports JOL's retained size of the queue per entry.
 *
 * <p>Usage: {@code java -Xmx6g -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.sla.DeadlineQueueMemory benchmarks/results/sla-queue-memory.json 10000 1000000}.
 */
public final class DeadlineQueueMemory {
  private DeadlineQueueMemory() {}

  /**
   * Runs the measurement.
   *
   * @param args output file, then sizes
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("[\n");
    String sep = "";
    for (int k = 1; k < args.length; k++) {
      int n = Integer.parseInt(args[k]);
      for (int kind = 0; kind < 4; kind++) {
        boolean presized = kind % 2 == 0;
        boolean handles = kind >= 2;
        DeadlineQueue q =
            handles
                ? (presized ? DeadlineQueue.issuingHandles(2 * n) : DeadlineQueue.issuingHandles())
                : (presized ? new DeadlineQueue(2 * n) : new DeadlineQueue());
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
          long deadline = 1_000_000L + 1 + rnd.nextLong(2L * n);
          if (handles) {
            var unused = q.add(deadline);
          } else {
            q.schedule(i, deadline);
          }
        }
        long bytes = GraphLayout.parseInstance(q).totalSize();
        String line =
            String.format(
                Locale.ROOT,
                "  {\"pending\": %d, \"construction\": \"%s\", \"jolBytes\": %d, \"bytesPerEntry\": %.1f}",
                n,
                handles
                    ? (presized ? "DeadlineQueue.issuingHandles(2 * pending)" : "DeadlineQueue.issuingHandles()")
                    : (presized ? "new DeadlineQueue(2 * pending)" : "new DeadlineQueue()"),
                bytes,
                (double) bytes / n);
        out.println(line);
        json.append(sep).append(line);
        sep = ",\n";
      }
    }
    json.append("\n]\n");
    Files.writeString(Path.of(args[0]), json.toString(), StandardCharsets.UTF_8);
  }
}
