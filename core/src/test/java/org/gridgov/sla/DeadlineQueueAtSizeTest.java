package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test at the sizes the benchmarks use: a queue filled with N entries (deadlines uniform
 * over 2N ms, exponential, and clustered on a few working-day boundaries, at real epoch times) then
 * driven by N random schedules, adds, cancels, reschedules, polls and {@code nextDeadline} calls,
 * checked after every step against a reference ordered set of (deadline, scheduling number). Every
 * wheel geometry (2 to 256 buckets per level) and both modes (keyed, issuing handles) at 1k, 10k
 * and 100k; the production geometry and the deepest one at 1M. 10M is left to the benchmarks (the
 * reference alone would need gigabytes).
 *
 * <p>The queue keeps entries in one of two structures: the wheel (deadlines at or after its cursor)
 * and an exact heap (deadlines before it). Each {@link Regime} forces a different mix, so both
 * structures and the moves between them are checked at every size: the fill before any poll (the
 * cursor is the first deadline, earlier ones go to the heap), after the start time is given
 * (everything in the wheel), in descending order before any poll (everything but the first in the
 * heap), and with overdue schedules mixed into the random steps (heap entries created all along).
 */
class DeadlineQueueAtSizeTest {

  private record Entry(long key, long deadline, long seq) {}

  /** How the queue is filled and driven: which structure holds the entries. */
  enum Regime {
    /** Filled before any poll: deadlines before the first one scheduled go to the heap. */
    FILL_BEFORE_FIRST_POLL,
    /** A poll at the start time first, as the benchmarks do: the fill goes to the wheel. */
    START_TIME_GIVEN,
    /** Filled in descending order before any poll: all but the first entry in the heap. */
    DESCENDING_FILL,
    /** The start time given, and a quarter of the schedules in the steps already overdue. */
    OVERDUE_SCHEDULES
  }

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::seq);

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    Regime first = Regime.FILL_BEFORE_FIRST_POLL;
    for (int n : new int[] {1_000, 10_000, 100_000}) {
      for (int shift = 0; shift <= 3; shift++) {
        b.add(Arguments.of(n, shift, false, first)).add(Arguments.of(n, shift, true, first));
      }
      for (Regime regime : Regime.values()) {
        if (regime != first) {
          for (int shift : new int[] {0, 3}) {
            b.add(Arguments.of(n, shift, false, regime)).add(Arguments.of(n, shift, true, regime));
          }
        }
      }
    }
    for (int shift : new int[] {1, 3}) {
      b.add(Arguments.of(1_000_000, shift, false, first))
          .add(Arguments.of(1_000_000, shift, true, first));
    }
    b.add(Arguments.of(1_000_000, 3, true, Regime.OVERDUE_SCHEDULES));
    return b.build();
  }

  /** The reference: pending entries by key and in delivery order. */
  private static final class Reference {
    final Map<Long, Entry> byKey = new HashMap<>();
    final TreeSet<Entry> ordered = new TreeSet<>(ORDER);
    long seq;

    void put(long key, long deadline) {
      Entry old = byKey.remove(key);
      if (old != null) {
        ordered.remove(old);
      }
      Entry e = new Entry(key, deadline, seq++);
      byKey.put(key, e);
      ordered.add(e);
    }

    boolean remove(long key) {
      Entry e = byKey.remove(key);
      return e != null && ordered.remove(e);
    }
  }

  private static long deadline(SplittableRandom r, long now, int n) {
    long day = Math.max(16, n / 4);
    return switch (r.nextInt(3)) {
      case 0 -> now + 1 + r.nextLong(2L * n);
      case 1 -> now + 1 + (long) (-n * Math.log(1 - r.nextDouble()));
      default ->
          (now / day + 1 + r.nextInt(5)) * day + (r.nextBoolean() ? day * 35 / 48 : day * 9 / 24);
    };
  }

  @ParameterizedTest(name = "{0} pending, levelShift {1}, handles {2}, {3}")
  @MethodSource("cases")
  void deliversWhatTheReferenceDeliversAtSize(
      int n, int levelShift, boolean handles, Regime regime) {
    long seed = n * 31L + levelShift * 2L + (handles ? 1 : 0) + 1000L * regime.name().hashCode();
    String where =
        String.format(
            Locale.ROOT,
            "n %d levelShift %d handles %s %s seed %d",
            n,
            levelShift,
            handles,
            regime,
            seed);
    SplittableRandom r = new SplittableRandom(seed);
    DeadlineQueue q = new DeadlineQueue(handles, 16, levelShift);
    Reference ref = new Reference();
    long[] issued = new long[4 * n + 16];
    int issuedCount = 0;
    long now = 1_767_571_200_000L;
    if (regime == Regime.START_TIME_GIVEN || regime == Regime.OVERDUE_SCHEDULES) {
      assertThat(q.pollDue(now, (k, d) -> fail(where + ": nothing is due at the start"))).isZero();
    }
    long[] fill = new long[n];
    for (int i = 0; i < n; i++) {
      fill[i] = deadline(r, now, n);
    }
    if (regime == Regime.DESCENDING_FILL) {
      Arrays.sort(fill);
      for (int i = 0; i < n / 2; i++) {
        long t = fill[i];
        fill[i] = fill[n - 1 - i];
        fill[n - 1 - i] = t;
      }
    }
    for (int i = 0; i < n; i++) {
      long d = fill[i];
      long key = handles ? q.add(d) : i;
      if (!handles) {
        q.schedule(key, d);
      }
      issued[issuedCount++] = key;
      ref.put(key, d);
    }
    switch (regime) {
      case START_TIME_GIVEN, OVERDUE_SCHEDULES -> assertThat(q.heapCount()).as(where).isZero();
      case DESCENDING_FILL -> assertThat(q.heapCount()).as(where).isEqualTo(n - 1);
      case FILL_BEFORE_FIRST_POLL -> assertThat(q.heapCount()).as(where).isPositive();
    }
    int mostInHeap = 0;
    long[] clock = {now};
    for (int step = 0; step < n; step++) {
      String at = where + " step " + step;
      int op = r.nextInt(20);
      long key = issued[r.nextInt(issuedCount)]; // pending or not
      if (op < 6) {
        long d =
            regime == Regime.OVERDUE_SCHEDULES && r.nextInt(4) == 0
                ? clock[0] - r.nextLong(n) // already due: it goes to the heap
                : deadline(r, clock[0], n);
        if (ref.byKey.containsKey(key)) {
          q.reschedule(key, d);
        } else if (handles) {
          key = q.add(d);
          issued[issuedCount++] = key;
        } else {
          q.schedule(key, d);
        }
        ref.put(key, d);
      } else if (op < 9) {
        assertThat(q.cancel(key)).as(at).isEqualTo(ref.remove(key));
      } else if (op < 17) {
        clock[0] += r.nextInt(16) == 0 ? r.nextLong(n) : r.nextInt(4);
        var unused =
            q.pollDue(
                clock[0],
                (k, d) -> {
                  Entry e = ref.ordered.pollFirst();
                  assertThat(e).as(at).isNotNull();
                  assertThat(new long[] {k, d}).as(at).containsExactly(e.key(), e.deadline());
                  ref.byKey.remove(k);
                });
        assertThat(ref.ordered.isEmpty() || ref.ordered.first().deadline() > clock[0])
            .as(at)
            .isTrue();
      } else if (op < 18) {
        assertThat(q.nextDeadline().orElse(Long.MIN_VALUE))
            .as(at)
            .isEqualTo(ref.ordered.isEmpty() ? Long.MIN_VALUE : ref.ordered.first().deadline());
      } else {
        Entry e = ref.byKey.get(key);
        assertThat(q.deadlineOf(key).orElse(Long.MIN_VALUE))
            .as(at)
            .isEqualTo(e == null ? Long.MIN_VALUE : e.deadline());
      }
      assertThat(q.size()).as(at).isEqualTo(ref.byKey.size());
      mostInHeap = Math.max(mostInHeap, q.heapCount());
    }
    if (regime == Regime.OVERDUE_SCHEDULES) {
      assertThat(mostInHeap).as(where + ": overdue schedules reach the heap").isPositive();
    }
    var unused =
        q.pollDue(
            Long.MAX_VALUE,
            (k, d) -> {
              Entry e = ref.ordered.pollFirst();
              assertThat(e).as(where).isNotNull();
              assertThat(new long[] {k, d}).as(where).containsExactly(e.key(), e.deadline());
            });
    assertThat(ref.ordered).as(where).isEmpty();
    assertThat(q.isEmpty()).as(where).isTrue();
  }
}
