package org.gridgov.benchmarks.sla;

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
 * The deadline queue against Agrona's {@link DeadlineTimerWheel} at 1k…10M pending, on three paths
 * and three deadline distributions (issue #18). Time is epoch milliseconds from Monday 2026-01-05
 * 00:00 UTC.
 *
 * <p>Paths:
 *
 * <ul>
 *   <li>{@code scheduleCancel}: schedule one entry, then cancel it (pending stays N, time stands
 *       still);
 *   <li>{@code scheduleExpire}: schedule one entry, advance time by 1 ms and deliver what is due
 *       (about N pending in the steady state: one arrival per millisecond, mean delay about N ms);
 *   <li>{@code reschedule}: move the next pending entry (in a fixed round-robin over the N filled)
 *       to a new deadline (time stands still). Agrona has no reschedule: cancel, then schedule
 *       again (a new timer id).
 * </ul>
 *
 * <p>Distributions of the delay from now (65,536 seeded draws, seed 7, cycled):
 *
 * <ul>
 *   <li>{@code uniform}: 1 + uniform over [0, 2N) ms;
 *   <li>{@code exponential}: 1 + exponential with mean N ms (a long tail up to about 11N);
 *   <li>{@code workday}: SLA deadlines on a scaled calendar (a day is N/4 ms, Monday to Friday
 *       working, 09:00–17:30 at the same fractions of the day), 1 to 5 working days ahead: 40 % at
 *       17:30 of that day (end of the working day), 20 % at 09:00 of it, 40 % at the same clock
 *       time (so 60 % of all deadlines fall on a few exact instants). The pending entries of the
 *       fill were created over the previous two days.
 * </ul>
 *
 * <p>Like with like: a queue made by {@link DeadlineQueue#issuingHandles} against plain Agrona
 * (both issue ids); gridgov's keyed queue (sequential {@code long} keys, like case ids) against
 * Agrona plus Agrona's {@link Long2LongHashMap} from key to timer id, and on the expire path also
 * from timer id back to key (the handler gets only the id). Agrona runs with 1 ms ticks and 1024 or
 * 65536 ticks per wheel; combinations that Agrona cannot hold or fill in reasonable time are
 * refused in its setup (see {@link AgronaBase#refusal}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineQueueSizesBenchmark {

  private static final int DRAWS = 1 << 16;

  /** Monday 2026-01-05 00:00 UTC in epoch milliseconds. */
  static final long START = 1_767_571_200_000L;

  /** For each weekday (0 = Monday) and k = 1..5: calendar days to the k-th working day after it. */
  private static final int[][] DAYS_AHEAD = daysAhead();

  private static int[][] daysAhead() {
    int[][] t = new int[7][6];
    for (int wd = 0; wd < 7; wd++) {
      int found = 0;
      for (int d = 1; found < 5; d++) {
        if ((wd + d) % 7 < 5) {
          t[wd][++found] = d;
        }
      }
    }
    return t;
  }

  /** Parameters, seeded deadline draws and the benchmark's time. */
  @State(Scope.Thread)
  public abstract static class Base {
    /** Pending entries. */
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int pending;

    /** Deadline distribution: uniform, exponential or workday. */
    @Param({"uniform", "exponential", "workday"})
    public String distribution = "uniform";

    boolean workday;
    long[] offsets =
        new long[0]; // delays (uniform, exponential); for workday: kind * 8 + working days ahead
    int next;
    long now = START;
    long day;
    long dayStart = START;
    int weekday;
    int round; // the next pending entry to reschedule

    void draws() {
      SplittableRandom rnd = new SplittableRandom(7);
      workday = distribution.equals("workday");
      day = Math.max(16, pending / 4);
      offsets = new long[DRAWS];
      for (int i = 0; i < DRAWS; i++) {
        offsets[i] =
            switch (distribution) {
              case "uniform" -> 1 + rnd.nextLong(2L * pending);
              case "exponential" -> 1 + (long) (-pending * Math.log(1 - rnd.nextDouble()));
              case "workday" -> {
                int kind = rnd.nextInt(10); // 0-3 end of day, 4-5 start of day, 6-9 same clock time
                yield (kind < 4 ? 0 : kind < 6 ? 1 : 2) * 8L + 1 + rnd.nextInt(5);
              }
              default -> throw new IllegalArgumentException("distribution: " + distribution);
            };
      }
    }

    /** The next deadline for an entry created now. */
    long nextDeadline() {
      long o = offsets[next++ & (DRAWS - 1)];
      return workday ? workdayDeadline(o, now, dayStart, weekday) : now + o;
    }

    long workdayDeadline(long draw, long created, long createdDayStart, int createdWeekday) {
      long target = createdDayStart + DAYS_AHEAD[createdWeekday][(int) (draw & 7)] * day;
      int kind = (int) (draw >>> 3);
      return kind == 0
          ? target + day * 35 / 48
          : kind == 1 ? target + day * 9 / 24 : target + (created - createdDayStart);
    }

    /**
     * A deadline for a pending entry of the fill: for workday, created at a random time in the
     * previous two days.
     */
    long fillDeadline(SplittableRandom rnd) {
      if (!workday) {
        return nextDeadline();
      }
      while (true) {
        long created = now - rnd.nextLong(2 * day);
        long dayIndex = Math.floorDiv(created - START, day);
        long d =
            workdayDeadline(
                offsets[next++ & (DRAWS - 1)],
                created,
                START + dayIndex * day,
                Math.floorMod(dayIndex, 7));
        if (d > now) {
          return d;
        }
      }
    }

    /** Advances time by 1 ms. */
    void tick() {
      now++;
      if (now - dayStart >= day) {
        dayStart += day;
        weekday = weekday == 6 ? 0 : weekday + 1;
      }
    }

    int nextRound() {
      int r = round;
      round = r + 1 == pending ? 0 : r + 1;
      return r;
    }
  }

  /** gridgov's queue issuing handles. */
  public static class GridgovHandles extends Base {
    DeadlineQueue queue = DeadlineQueue.issuingHandles();
    long[] handles = new long[0];
    long expired;
    final DeadlineQueue.DueConsumer consumer = (k, d) -> expired++;

    /** Fills the queue. */
    @Setup(Level.Trial)
    public void setUp() {
      draws();
      queue = DeadlineQueue.issuingHandles(pending * 2);
      var unused = queue.pollDue(now, consumer); // the start time, as Agrona's constructor takes it
      handles = new long[pending];
      SplittableRandom rnd = new SplittableRandom(11);
      for (int i = 0; i < pending; i++) {
        handles[i] = queue.add(fillDeadline(rnd));
      }
    }
  }

  /** gridgov's keyed queue with sequential keys. */
  public static class Gridgov extends Base {
    DeadlineQueue queue = new DeadlineQueue();
    long nextKey;
    long expired;
    final DeadlineQueue.DueConsumer consumer = (k, d) -> expired++;

    /** Fills the queue with keys 0..N-1. */
    @Setup(Level.Trial)
    public void setUp() {
      draws();
      queue = new DeadlineQueue(pending * 2);
      var unused = queue.pollDue(now, consumer); // the start time, as Agrona's constructor takes it
      SplittableRandom rnd = new SplittableRandom(11);
      for (int i = 0; i < pending; i++) {
        queue.schedule(nextKey++, fillDeadline(rnd));
      }
    }
  }

  /**
   * No queue at all: the benchmark's own work per operation (the deadline draw, the tick, the
   * returned value), so that what a queue adds can be read off as its score's distance from this
   * floor.
   */
  public static class Floor extends Base {
    /** Draws the deadlines. */
    @Setup(Level.Trial)
    public void setUp() {
      draws();
    }
  }

  /**
   * Not a queue: the least that any queue issuing handles which a stale handle cannot misuse must
   * do per entry — take a free slot, store the deadline, give the handle (slot and generation), and
   * on cancel check the generation, advance it and free the slot. It keeps no order at all, so it
   * cannot deliver anything; it bounds from below what an ordered queue with safe handles can cost
   * on the schedule+cancel path (Agrona's reused ids skip the generation).
   */
  public static class SlotsOnly extends Base {
    long[] deadlines = new long[0];
    int[] generations = new int[0];
    int[] free = new int[0];
    int freeCount;

    /** Takes N slots of 2N, as the fills of the queues leave them. */
    @Setup(Level.Trial)
    public void setUp() {
      draws();
      deadlines = new long[2 * pending];
      generations = new int[2 * pending];
      free = new int[2 * pending];
      for (int i = 2 * pending - 1; i >= pending; i--) {
        free[freeCount++] = i;
      }
      SplittableRandom rnd = new SplittableRandom(11);
      for (int i = 0; i < pending; i++) {
        deadlines[i] = fillDeadline(rnd);
      }
    }

    long add(long deadline) {
      int i = free[--freeCount];
      deadlines[i] = deadline;
      return ((long) generations[i] << 32) | i;
    }

    boolean cancel(long handle) {
      int i = (int) handle;
      if (generations[i] != (int) (handle >>> 32)) {
        return false;
      }
      generations[i]++;
      free[freeCount++] = i;
      return true;
    }
  }

  /** Agrona's timer wheel with 1 ms ticks: the tick parameter and the combinations left out. */
  public abstract static class AgronaBase extends Base {
    /** Ticks per wheel. */
    @Param({"1024", "65536"})
    public int ticks;

    DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, 0, 1, 16);
    long expired;

    /**
     * Why Agrona is not measured for a combination, or the empty string. Agrona keeps one array of
     * ticks × the largest spoke, at most 2^30 slots, and finds a free slot by scanning its spoke
     * from the start: the workday distribution puts N/20 or more timers on one tick, so 65536 ticks
     * exceed 2^30 slots (or several GB) from 100k pending, and the fill becomes quadratic (10M:
     * ~10^12 slot reads). 1024 ticks at 1M and 10M pending with uniform or exponential deadlines is
     * left out to save time: it put about 1000 timers on a spoke and measured 2–4.5× slower than
     * 65536 ticks at 1M in the earlier runs (docs/BENCHMARKS.md), and its 10M fill is quadratic
     * too.
     */
    static String refusal(int pending, int ticks, String distribution) {
      boolean workday = distribution.equals("workday");
      if (workday && (pending >= 10_000_000 || (ticks == 65536 && pending >= 100_000))) {
        return "Agrona cannot hold this: too many timers on one tick";
      }
      if (!workday && ticks == 1024 && pending >= 1_000_000) {
        return "Agrona 1024 ticks left out at this size (dominated by 65536 ticks)";
      }
      return "";
    }

    void refuse() {
      String why = refusal(pending, ticks, distribution);
      if (!why.isEmpty()) {
        throw new IllegalStateException(why);
      }
      draws();
      wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, now, 1, ticks);
    }
  }

  /** Agrona's timer wheel. */
  public static class Agrona extends AgronaBase {
    long[] ids = new long[0];
    final DeadlineTimerWheel.TimerHandler handler =
        (unit, t, id) -> {
          expired++;
          return true;
        };

    /** Fills the wheel. */
    @Setup(Level.Trial)
    public void setUp() {
      refuse();
      ids = new long[pending];
      SplittableRandom rnd = new SplittableRandom(11);
      for (int i = 0; i < pending; i++) {
        ids[i] = wheel.scheduleTimer(fillDeadline(rnd));
      }
    }
  }

  /** Agrona's timer wheel with Agrona's maps from the caller's keys to timer ids and back. */
  public static class AgronaKeyed extends AgronaBase {
    Long2LongHashMap idOf = new Long2LongHashMap(-1);
    Long2LongHashMap keyOf = new Long2LongHashMap(-1);
    long nextKey;
    final DeadlineTimerWheel.TimerHandler keyedHandler =
        (unit, t, id) -> {
          var unused = idOf.remove(keyOf.remove(id));
          expired++;
          return true;
        };

    /** Fills the wheel and both maps with keys 0..N-1. */
    @Setup(Level.Trial)
    public void setUp() {
      refuse();
      idOf = new Long2LongHashMap(pending * 4, 0.5f, -1);
      keyOf = new Long2LongHashMap(pending * 4, 0.5f, -1);
      SplittableRandom rnd = new SplittableRandom(11);
      for (int i = 0; i < pending; i++) {
        long key = nextKey++;
        long id = wheel.scheduleTimer(fillDeadline(rnd));
        var unused = idOf.put(key, id);
        unused = keyOf.put(id, key);
      }
    }
  }

  // ------------------------------------------------------------------ schedule + cancel

  /**
   * gridgov issuing handles: add + cancel.
   *
   * @param s state
   * @return whether the cancel found the entry
   */
  @Benchmark
  public boolean scheduleCancelGridgovHandles(GridgovHandles s) {
    return s.queue.cancel(s.queue.add(s.nextDeadline()));
  }

  /**
   * gridgov keyed: schedule + cancel.
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
   * Agrona: scheduleTimer + cancelTimer.
   *
   * @param s state
   * @return whether the cancel found the timer
   */
  @Benchmark
  public boolean scheduleCancelAgrona(Agrona s) {
    return s.wheel.cancelTimer(s.wheel.scheduleTimer(s.nextDeadline()));
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
    var unused = s.idOf.put(key, s.wheel.scheduleTimer(s.nextDeadline()));
    return s.wheel.cancelTimer(s.idOf.remove(key));
  }

  /**
   * The floor of the schedule+cancel path: the deadline draw alone.
   *
   * @param s state
   * @return the deadline drawn
   */
  @Benchmark
  public long scheduleCancelFloor(Floor s) {
    return s.nextDeadline();
  }

  /**
   * The slots alone (no order): add + cancel, the lower bound for a queue issuing safe handles.
   *
   * @param s state
   * @return whether the cancel found the slot
   */
  @Benchmark
  public boolean scheduleCancelSlotsOnly(SlotsOnly s) {
    return s.cancel(s.add(s.nextDeadline()));
  }

  // ------------------------------------------------------------------ schedule + expire

  /**
   * gridgov issuing handles: add, advance 1 ms, deliver due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpireGridgovHandles(GridgovHandles s) {
    var unused = s.queue.add(s.nextDeadline());
    s.tick();
    return s.queue.pollDue(s.now, s.consumer);
  }

  /**
   * gridgov keyed: schedule, advance 1 ms, deliver due entries.
   *
   * @param s state
   * @return entries delivered
   */
  @Benchmark
  public int scheduleExpireGridgov(Gridgov s) {
    s.queue.schedule(s.nextKey++, s.nextDeadline());
    s.tick();
    return s.queue.pollDue(s.now, s.consumer);
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
    s.tick();
    return s.wheel.poll(s.now, s.handler, Integer.MAX_VALUE);
  }

  /**
   * Agrona with maps: schedule and put both ways, advance 1 ms, poll; the handler removes the
   * expired key.
   *
   * @param s state
   * @return timers expired
   */
  @Benchmark
  public int scheduleExpireAgronaKeyed(AgronaKeyed s) {
    long key = s.nextKey++;
    long id = s.wheel.scheduleTimer(s.nextDeadline());
    var unused = s.idOf.put(key, id);
    unused = s.keyOf.put(id, key);
    s.tick();
    return s.wheel.poll(s.now, s.keyedHandler, Integer.MAX_VALUE);
  }

  /**
   * The floor of the schedule+expire path: the deadline draw and the 1 ms tick.
   *
   * @param s state
   * @return the deadline drawn plus the new time
   */
  @Benchmark
  public long scheduleExpireFloor(Floor s) {
    long d = s.nextDeadline();
    s.tick();
    return d + s.now;
  }

  // ------------------------------------------------------------------ reschedule

  /**
   * gridgov issuing handles: reschedule a pending handle (it keeps its handle).
   *
   * @param s state
   * @return the handle moved
   */
  @Benchmark
  public long rescheduleGridgovHandles(GridgovHandles s) {
    long h = s.handles[s.nextRound()];
    s.queue.reschedule(h, s.nextDeadline());
    return h;
  }

  /**
   * gridgov keyed: reschedule a pending key.
   *
   * @param s state
   * @return the key moved
   */
  @Benchmark
  public long rescheduleGridgov(Gridgov s) {
    long key = s.nextRound();
    s.queue.reschedule(key, s.nextDeadline());
    return key;
  }

  /**
   * Agrona: cancel a pending timer and schedule it again (a new id).
   *
   * @param s state
   * @return the new id
   */
  @Benchmark
  public long rescheduleAgrona(Agrona s) {
    int r = s.nextRound();
    var unused = s.wheel.cancelTimer(s.ids[r]);
    long id = s.wheel.scheduleTimer(s.nextDeadline());
    s.ids[r] = id;
    return id;
  }

  /**
   * Agrona with a key map: look the key's timer up, cancel it, schedule again, store the new id.
   *
   * @param s state
   * @return the new id
   */
  @Benchmark
  public long rescheduleAgronaKeyed(AgronaKeyed s) {
    long key = s.nextRound();
    var unused = s.wheel.cancelTimer(s.idOf.get(key));
    long id = s.wheel.scheduleTimer(s.nextDeadline());
    var previous = s.idOf.put(key, id);
    return id + previous;
  }

  /**
   * The floor of the reschedule path: the round-robin step and the deadline draw.
   *
   * @param s state
   * @return the round plus the deadline drawn
   */
  @Benchmark
  public long rescheduleFloor(Floor s) {
    return s.nextRound() + s.nextDeadline();
  }
}
