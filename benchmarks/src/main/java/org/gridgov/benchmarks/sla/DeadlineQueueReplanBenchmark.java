package org.gridgov.benchmarks.sla;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.sla.DeadlineQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's re-plan of a case's wake after a command, on a keyed queue with {@code pending} case
 * ordinals (keys 0..pending-1) pending: a random case's wake is asked to be at a deadline that is,
 * with probability {@code unchanged}, the one it already has (most commands do not move the next
 * warning) and otherwise a new one. {@code twoLookUps} is what {@code SlaScheduler.replan} did
 * before session 22 ({@link DeadlineQueue#deadlineOf}, then {@link DeadlineQueue#reschedule} if it
 * differs); {@code plan} is {@link DeadlineQueue#plan}, one look-up. Both leave the queue in the
 * same state (the same keys at the same deadlines; ties among equal deadlines aside).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class DeadlineQueueReplanBenchmark {
  private static final int DRAWS = 1 << 16;

  /** Cases with a pending wake. */
  @Param({"10000", "1000000"})
  public int pending;

  /** The share of re-plans that leave the wake where it is. */
  @Param({"0.75"})
  public double unchanged;

  private DeadlineQueue queue = new DeadlineQueue();
  private long[] deadline = new long[0]; // the wake each key has now
  private int[] keys = new int[0];
  private boolean[] move = new boolean[0];
  private long[] offsets = new long[0];
  private int next;

  /** Fills the queue with every key at a deadline over the next 2 × pending ms (seed 7). */
  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(7);
    queue = new DeadlineQueue(pending);
    deadline = new long[pending];
    for (int k = 0; k < pending; k++) {
      deadline[k] = 1_000_000L + 1 + rnd.nextLong(2L * pending);
      queue.schedule(k, deadline[k]);
    }
    keys = new int[DRAWS];
    move = new boolean[DRAWS];
    offsets = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      keys[i] = rnd.nextInt(pending);
      move[i] = rnd.nextDouble() >= unchanged;
      offsets[i] = 1 + rnd.nextLong(2L * pending);
    }
  }

  private long target(int i, int k) {
    return move[i] ? 1_000_000L + offsets[i] : deadline[k];
  }

  /** Before: the pending deadline, then a reschedule if it differs. */
  @Benchmark
  public boolean twoLookUps() {
    int i = next++ & (DRAWS - 1);
    int k = keys[i];
    long d = target(i, k);
    OptionalLong now = queue.deadlineOf(k);
    boolean changes = now.isEmpty() || now.getAsLong() != d;
    if (now.isEmpty()) {
      queue.schedule(k, d);
    } else if (changes) {
      queue.reschedule(k, d);
    }
    deadline[k] = d;
    return changes;
  }

  /** After: one call. */
  @Benchmark
  public boolean plan() {
    int i = next++ & (DRAWS - 1);
    int k = keys[i];
    long d = target(i, k);
    deadline[k] = d;
    return queue.plan(k, d);
  }
}
