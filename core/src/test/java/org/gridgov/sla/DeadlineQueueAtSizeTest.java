package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

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
 */
class DeadlineQueueAtSizeTest {

  private record Entry(long key, long deadline, long seq) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::seq);

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (int n : new int[] {1_000, 10_000, 100_000}) {
      for (int shift = 0; shift <= 3; shift++) {
        b.add(Arguments.of(n, shift, false)).add(Arguments.of(n, shift, true));
      }
    }
    for (int shift : new int[] {1, 3}) {
      b.add(Arguments.of(1_000_000, shift, false)).add(Arguments.of(1_000_000, shift, true));
    }
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

  @ParameterizedTest(name = "{0} pending, levelShift {1}, handles {2}")
  @MethodSource("cases")
  void deliversWhatTheReferenceDeliversAtSize(int n, int levelShift, boolean handles) {
    long seed = n * 31L + levelShift * 2L + (handles ? 1 : 0);
    String where =
        String.format(
            Locale.ROOT, "n %d levelShift %d handles %s seed %d", n, levelShift, handles, seed);
    SplittableRandom r = new SplittableRandom(seed);
    DeadlineQueue q = new DeadlineQueue(handles, 16, levelShift);
    Reference ref = new Reference();
    long[] issued = new long[4 * n + 16];
    int issuedCount = 0;
    long now = 1_767_571_200_000L;
    for (int i = 0; i < n; i++) {
      long d = deadline(r, now, n);
      long key = handles ? q.add(d) : i;
      if (!handles) {
        q.schedule(key, d);
      }
      issued[issuedCount++] = key;
      ref.put(key, d);
    }
    long[] clock = {now};
    for (int step = 0; step < n; step++) {
      String at = where + " step " + step;
      int op = r.nextInt(20);
      long key = issued[r.nextInt(issuedCount)]; // pending or not
      if (op < 6) {
        long d = deadline(r, clock[0], n);
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
