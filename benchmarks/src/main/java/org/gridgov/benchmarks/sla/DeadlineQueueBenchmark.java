package org.gridgov.benchmarks.sla;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;
import org.gridgov.sla.DeadlineQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deadline structures with N entries pending (deadlines uniform over the next 2N milliseconds, seed
 * 7):
 *
 * <ul>
 *   <li>{@code scheduleCancel}: schedule one entry, then cancel it (pending stays N);
 *   <li>{@code scheduleExpire}: schedule one entry, advance time by 1 ms and deliver what is due
 *       (steady state about N pending, about one expiry per operation).
 * </ul>
 *
 * Keys scheduled are sequential (like case ids from a database sequence); {@code
 * scheduleCancelGridgovRandomKeys} repeats gridgov's schedule+cancel with random 64-bit keys, which
 * its key table cannot exploit.
 *
 * <p>Two kinds of comparison, like with like: a timer wheel issues its own timer ids, so {@code
 * ...GridgovHandles} (a queue made by {@link DeadlineQueue#issuingHandles}, whose handles are
 * issued by the queue too) is compared with plain Agrona; gridgov's keyed queue finds the caller's
 * keys itself, so it is also compared with {@code ...AgronaKeyed}: Agrona's wheel plus Agrona's own
 * {@link Long2LongHashMap} from the caller's key to the timer id, which is what an Agrona user who
 * has keys must add.
 *
 * <p>Peers: gridgov {@link DeadlineQueue}; the previous, heap-only gridgov queue ({@link
 * HeapDeadlineQueue}, with sequential and random keys); {@link PriorityQueue} of entry objects
 * ordered by (deadline, sequence), with {@code remove(Object)} to cancel; Agrona {@link
 * DeadlineTimerWheel} with 1 ms ticks and {@code ticks} per wheel (1024, and 65536 so that a spoke
 * holds few timers even at 1M pending).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineQueueBenchmark {

  private static final int OFFSETS = 1 << 16;

  /** Shared parameters and seeded offsets. */
  @State(Scope.Thread)
  public abstract static class Base {
    /** Pending entries. */
    @Param({"10000", "1000000"})
    public int pending;

    long[] offsets = new long[0];
    int next;
    long[] keys = new long[0];
    int nextRandomKey;
    long now = 1_000_000L;

    void offsets() {
      SplittableRandom rnd = new SplittableRandom(7);
      offsets = new long[OFFSETS];
      for (int i = 0; i < OFFSETS; i++) {
        offsets[i] = 1 + rnd.nextLong(2L * pending);
      }
    }

    long nextDeadline() {
      return now + offsets[next++ & (OFFSETS - 1)];
    }

    /**
     * For the random-key states: draws the keys to schedule (seed 13); returns the pending keys'
     * stream (seed 11).
     */
    SplittableRandom randomKeys() {
      SplittableRandom rnd = new SplittableRandom(13);
      keys = new long[OFFSETS];
      for (int i = 0; i < OFFSETS; i++) {
        keys[i] = rnd.nextLong();
      }
      return new SplittableRandom(11);
    }

    long nextRandomKey() {
      return keys[nextRandomKey++ & (OFFSETS - 1)];
    }
  }

  /** gridgov's queue. */
  public static class Gridgov extends Base {
    DeadlineQueue queue = new DeadlineQueue();
    long nextKey;
    long expired;
    final DeadlineQueue.DueConsumer consumer = (k, d) -> expired++;

    /** Fills the queue. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue = new DeadlineQueue(pending * 2);
      for (int i = 0; i < pending; i++) {
        queue.schedule(nextKey++, nextDeadline());
      }
    }
  }

  /**
   * gridgov's queue with random 64-bit keys instead of sequential ones (no key locality to
   * exploit).
   */
  public static class GridgovRandomKeys extends Base {
    DeadlineQueue queue = new DeadlineQueue();

    /** Fills the queue with random keys (seed 11) and draws the keys to schedule (seed 13). */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue = new DeadlineQueue(pending * 2);
      SplittableRandom pendingKeys = randomKeys();
      for (int i = 0; i < pending; i++) {
        queue.schedule(pendingKeys.nextLong(), nextDeadline());
      }
    }
  }

  /** gridgov's queue issuing its own handles. */
  public static class GridgovHandles extends Base {
    DeadlineQueue queue = DeadlineQueue.issuingHandles();
    long expired;
    final DeadlineQueue.DueConsumer consumer = (k, d) -> expired++;

    /** Fills the queue. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue = DeadlineQueue.issuingHandles(pending * 2);
      for (int i = 0; i < pending; i++) {
        var unused = queue.add(nextDeadline());
      }
    }
  }

  /** The previous gridgov queue (heap only), for a before/after comparison in the same run. */
  public static class Previous extends Base {
    HeapDeadlineQueue queue = new HeapDeadlineQueue();
    long nextKey;
    long expired;
    final HeapDeadlineQueue.DueConsumer consumer = (k, d) -> expired++;

    /** Fills the queue. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue = new HeapDeadlineQueue(pending * 2);
      for (int i = 0; i < pending; i++) {
        queue.schedule(nextKey++, nextDeadline());
      }
    }
  }

  /** The previous gridgov queue with random 64-bit keys. */
  public static class PreviousRandomKeys extends Base {
    HeapDeadlineQueue queue = new HeapDeadlineQueue();

    /** Fills the queue with random keys (seed 11) and draws the keys to schedule (seed 13). */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue = new HeapDeadlineQueue(pending * 2);
      SplittableRandom pendingKeys = randomKeys();
      for (int i = 0; i < pending; i++) {
        queue.schedule(pendingKeys.nextLong(), nextDeadline());
      }
    }
  }

  /** A JDK priority queue of entry objects. */
  public static class Jdk extends Base {
    record Entry(long key, long deadline, long seq) {}

    PriorityQueue<Entry> queue =
        new PriorityQueue<>(
            Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::seq));
    long nextKey;

    /** Fills the queue. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      queue =
          new PriorityQueue<>(
              pending * 2, Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::seq));
      for (int i = 0; i < pending; i++) {
        queue.add(new Entry(nextKey, nextDeadline(), nextKey++));
      }
    }
  }

  /** Agrona's timer wheel. */
  public static class Agrona extends Base {
    /** Ticks per wheel. */
    @Param({"1024", "65536"})
    public int ticks;

    DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, 0, 1, 16);
    long expired;
    final DeadlineTimerWheel.TimerHandler handler =
        (unit, t, id) -> {
          expired++;
          return true;
        };

    /** Fills the wheel. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, now, 1, ticks);
      for (int i = 0; i < pending; i++) {
        var unused = wheel.scheduleTimer(nextDeadline());
      }
    }
  }

  /** Agrona's timer wheel with Agrona's map from the caller's (sequential) keys to timer ids. */
  public static class AgronaKeyed extends Base {
    /** Ticks per wheel. */
    @Param({"1024", "65536"})
    public int ticks;

    DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, 0, 1, 16);
    Long2LongHashMap ids = new Long2LongHashMap(-1);
    long nextKey;

    /** Fills the wheel and the map. */
    @Setup(Level.Trial)
    public void setUp() {
      offsets();
      wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, now, 1, ticks);
      ids = new Long2LongHashMap(pending * 4, 0.5f, -1);
      for (int i = 0; i < pending; i++) {
        var unused = ids.put(nextKey++, wheel.scheduleTimer(nextDeadline()));
      }
    }
  }

  /**
   * gridgov: schedule + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelGridgov(Gridgov s) {
    long key = s.nextKey++;
    s.queue.schedule(key, s.nextDeadline());
    return s.queue.cancel(key);
  }

  /**
   * gridgov issuing handles: add + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelGridgovHandles(GridgovHandles s) {
    long handle = s.queue.add(s.nextDeadline());
    return s.queue.cancel(handle);
  }

  /**
   * gridgov with random keys: schedule + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelGridgovRandomKeys(GridgovRandomKeys s) {
    long key = s.nextRandomKey();
    s.queue.schedule(key, s.nextDeadline());
    return s.queue.cancel(key);
  }

  /**
   * Previous gridgov queue: schedule + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelPrevious(Previous s) {
    long key = s.nextKey++;
    s.queue.schedule(key, s.nextDeadline());
    return s.queue.cancel(key);
  }

  /**
   * Previous gridgov queue with random keys: schedule + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelPreviousRandomKeys(PreviousRandomKeys s) {
    long key = s.nextRandomKey();
    s.queue.schedule(key, s.nextDeadline());
    return s.queue.cancel(key);
  }

  /**
   * PriorityQueue: add + remove(Object).
   *
   * @param s state
   * @return whether the remove found the entry
   */
  @Benchmark
  public boolean scheduleCancelPriorityQueue(Jdk s) {
    Jdk.Entry e = new Jdk.Entry(s.nextKey, s.nextDeadline(), s.nextKey++);
    s.queue.add(e);
    return s.queue.remove(e);
  }

  /**
   * Agrona: scheduleTimer + cancelTimer.
   *
   * @param s state
   * @return whether the cancel found the timer
   */
  @Benchmark
  public boolean scheduleCancelAgrona(Agrona s) {
    long id = s.wheel.scheduleTimer(s.nextDeadline());
    return s.wheel.cancelTimer(id);
  }

  /**
   * Agrona with a key map: scheduleTimer + put, then remove + cancelTimer.
   *
   * @param s state
   * @return whether the cancel found the timer
   */
  @Benchmark
  public boolean scheduleCancelAgronaKeyed(AgronaKeyed s) {
    long key = s.nextKey++;
    var unused = s.ids.put(key, s.wheel.scheduleTimer(s.nextDeadline()));
    return s.wheel.cancelTimer(s.ids.remove(key));
  }

  /**
   * gridgov: schedule, advance 1 ms, deliver due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpireGridgov(Gridgov s) {
    s.queue.schedule(s.nextKey++, s.nextDeadline());
    s.now++;
    return s.queue.pollDue(s.now, s.consumer);
  }

  /**
   * gridgov issuing handles: add, advance 1 ms, deliver due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpireGridgovHandles(GridgovHandles s) {
    var unused = s.queue.add(s.nextDeadline());
    s.now++;
    return s.queue.pollDue(s.now, s.consumer);
  }

  /**
   * Previous gridgov queue: schedule, advance 1 ms, deliver due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpirePrevious(Previous s) {
    s.queue.schedule(s.nextKey++, s.nextDeadline());
    s.now++;
    return s.queue.pollDue(s.now, s.consumer);
  }

  /**
   * PriorityQueue: add, advance 1 ms, poll due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpirePriorityQueue(Jdk s) {
    s.queue.add(new Jdk.Entry(s.nextKey, s.nextDeadline(), s.nextKey++));
    s.now++;
    int n = 0;
    Jdk.Entry head;
    while ((head = s.queue.peek()) != null && head.deadline() <= s.now) {
      var unused = s.queue.poll();
      n++;
    }
    return n;
  }

  /**
   * Agrona: schedule, advance 1 ms, poll the wheel.
   *
   * @param s state
   * @return timers expired
   */
  @Benchmark
  public int scheduleExpireAgrona(Agrona s) {
    var unused = s.wheel.scheduleTimer(s.nextDeadline());
    s.now++;
    return s.wheel.poll(s.now, s.handler, Integer.MAX_VALUE);
  }
}
