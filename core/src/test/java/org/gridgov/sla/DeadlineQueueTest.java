package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineQueueTest {

  private static List<long[]> drain(DeadlineQueue q, long now) {
    List<long[]> out = new ArrayList<>();
    var unused = q.pollDue(now, (k, d) -> out.add(new long[] {k, d}));
    return out;
  }

  private static List<Long> keys(List<long[]> fired) {
    return fired.stream().map(e -> e[0]).toList();
  }

  @Test
  void firesInDeadlineThenSchedulingOrderAtOrAfterDeadline() {
    DeadlineQueue q = new DeadlineQueue(2);
    q.schedule(1, 100);
    q.schedule(2, 50);
    q.schedule(3, 100);
    q.schedule(4, 50);
    q.schedule(5, 101);
    assertThat(keys(drain(q, 49))).isEmpty();
    assertThat(keys(drain(q, 50))).containsExactly(2L, 4L); // deadline == now fires
    assertThat(keys(drain(q, 100))).containsExactly(1L, 3L);
    assertThat(q.size()).isEqualTo(1);
    assertThat(q.nextDeadline()).isEqualTo(OptionalLong.of(101));
    assertThat(keys(drain(q, 1000))).containsExactly(5L);
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.time()).isEqualTo(OptionalLong.of(1000));
  }

  @Test
  void rescheduleTakesANewSchedulingNumber() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, 10);
    q.schedule(2, 10);
    q.reschedule(1, 10); // same deadline, now after 2
    q.schedule(3, 20);
    q.reschedule(3, 5); // earlier
    assertThat(q.deadlineOf(3)).isEqualTo(OptionalLong.of(5));
    assertThat(keys(drain(q, 10))).containsExactly(3L, 2L, 1L);
  }

  @Test
  void cancelAndKeyReuseCannotBeConfused() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(7, 10);
    assertThat(q.cancel(7)).isTrue();
    assertThat(q.cancel(7)).isFalse(); // a stale cancel finds nothing
    q.schedule(7, 30); // the key is the caller's; scheduling it again is a new entry
    assertThat(keys(drain(q, 10))).isEmpty();
    assertThat(drain(q, 30)).singleElement().satisfies(e -> assertThat(e).containsExactly(7L, 30L));
    assertThat(q.contains(7)).isFalse();
    assertThat(q.deadlineOf(7)).isEmpty();
  }

  @Test
  void misuseIsRejectedClearly() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, 10);
    assertThatThrownBy(() -> q.schedule(1, 20)).isInstanceOf(IllegalStateException.class).hasMessageContaining("key 1").hasMessageContaining("10");
    assertThatThrownBy(() -> q.reschedule(2, 20)).isInstanceOf(IllegalStateException.class).hasMessageContaining("key 2");
    var unused = q.pollDue(100, (k, d) -> {});
    assertThatThrownBy(() -> q.pollDue(99, (k, d) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99")
        .hasMessageContaining("100");
    assertThat(q.pollDue(100, (k, d) -> {})).isZero(); // the same time again is fine
    assertThatThrownBy(() -> new DeadlineQueue(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCapacity");
  }

  @Test
  void throwingConsumerLeavesQueueConsistent() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, 10);
    q.schedule(2, 20);
    q.schedule(3, 30);
    q.schedule(4, 99);
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                q.pollDue(
                    50,
                    (k, d) -> {
                      seen.add(k);
                      if (k == 2) {
                        throw new IllegalStateException("handler failed on " + k);
                      }
                    }))
        .hasMessage("handler failed on 2");
    // 1 and 2 were delivered (2 is gone even though its handler threw); 3 is still pending and due
    assertThat(seen).containsExactly(1L, 2L);
    assertThat(q.contains(2)).isFalse();
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.time()).isEqualTo(OptionalLong.of(50));
    assertThat(keys(drain(q, 50))).containsExactly(3L);
    assertThat(keys(drain(q, 99))).containsExactly(4L);
  }

  @Test
  void consumerMayScheduleDuringDelivery() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, 10);
    List<Long> seen = new ArrayList<>();
    var unused =
        q.pollDue(
            20,
            (k, d) -> {
              seen.add(k);
              if (k == 1) {
                q.schedule(2, 15); // already due: delivered in this poll
                q.schedule(3, 25); // not due
              }
            });
    assertThat(seen).containsExactly(1L, 2L);
    assertThat(q.deadlineOf(3)).isEqualTo(OptionalLong.of(25));
  }

  @Test
  void instantsRoundSoNothingFiresEarly() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, Instant.ofEpochMilli(1000).plusNanos(1)); // rounds up to 1001
    q.schedule(2, Instant.ofEpochMilli(1000));
    assertThat(q.deadlineOf(1)).isEqualTo(OptionalLong.of(1001));
    List<Long> seen = new ArrayList<>();
    var unused = q.pollDue(Instant.ofEpochMilli(1000).plusNanos(999_999), (k, d) -> seen.add(k));
    assertThat(seen).containsExactly(2L);
    q.reschedule(1, Instant.ofEpochMilli(5000));
    assertThat(q.deadlineOf(1)).isEqualTo(OptionalLong.of(5000));
  }

  @Test
  void extremeDeadlinesAndKeys() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(Long.MIN_VALUE, Long.MAX_VALUE);
    q.schedule(Long.MAX_VALUE, Long.MIN_VALUE);
    q.schedule(0, 0);
    assertThat(keys(drain(q, Long.MIN_VALUE))).containsExactly(Long.MAX_VALUE);
    assertThat(keys(drain(q, Long.MAX_VALUE))).containsExactly(0L, Long.MIN_VALUE);
  }

  // ------------------------------------------------------------------ properties against a naive model

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private record ModelEntry(long key, long deadline, long seq) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikeASortedListUnderRandomOperations(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DeadlineQueue q = new DeadlineQueue(1 + r.nextInt(8));
    Map<Long, ModelEntry> model = new HashMap<>();
    long seq = 0;
    long now = 0;
    int keySpace = 10 + r.nextInt(3000);
    List<Long> everFired = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      int op = r.nextInt(10);
      long key = r.nextInt(keySpace);
      if (op < 4) {
        long d = now + r.nextInt(500) - 20;
        if (model.containsKey(key)) {
          q.reschedule(key, d);
        } else {
          q.schedule(key, d);
        }
        model.put(key, new ModelEntry(key, d, seq++));
      } else if (op < 6) {
        assertThat(q.cancel(key)).as("seed %s step %s cancel %s", seed, step, key).isEqualTo(model.remove(key) != null);
      } else if (op < 7) {
        now += r.nextInt(60);
        long t = now;
        List<ModelEntry> due =
            model.values().stream()
                .filter(e -> e.deadline() <= t)
                .sorted(Comparator.comparingLong(ModelEntry::deadline).thenComparingLong(ModelEntry::seq))
                .toList();
        List<long[]> fired = drain(q, now);
        assertThat(keys(fired)).as("seed %s step %s now %s", seed, step, now).isEqualTo(due.stream().map(ModelEntry::key).toList());
        due.forEach(e -> model.remove(e.key()));
        everFired.addAll(keys(fired));
      } else {
        OptionalLong dl = q.deadlineOf(key);
        ModelEntry m = model.get(key);
        assertThat(dl).as("seed %s step %s key %s", seed, step, key).isEqualTo(m == null ? OptionalLong.empty() : OptionalLong.of(m.deadline()));
      }
      assertThat(q.size()).as("seed %s step %s", seed, step).isEqualTo(model.size());
    }
    assertThat(everFired).isNotEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameResultWhateverTheSchedulingOrderAmongEqualDeadlines(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 500;
    long[] deadlines = new long[n];
    for (int i = 0; i < n; i++) {
      deadlines[i] = r.nextInt(20); // many ties
    }
    List<List<Long>> batchesA = run(deadlines, identity(n));
    int[] shuffled = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    List<List<Long>> batchesB = run(deadlines, shuffled);
    // per poll the same set of keys fires, each exactly once; within equal deadlines, in scheduling order
    for (int b = 0; b < batchesA.size(); b++) {
      assertThat(batchesB.get(b)).as("seed %s poll %s", seed, b).containsExactlyInAnyOrderElementsOf(batchesA.get(b));
      List<Long> orderB = batchesB.get(b);
      for (int i = 1; i < orderB.size(); i++) {
        long k0 = orderB.get(i - 1);
        long k1 = orderB.get(i);
        assertThat(deadlines[(int) k0] < deadlines[(int) k1]
                || (deadlines[(int) k0] == deadlines[(int) k1] && pos(shuffled, k0) < pos(shuffled, k1)))
            .as("seed %s: %s before %s", seed, k0, k1)
            .isTrue();
      }
    }
    assertThat(batchesA.stream().mapToInt(List::size).sum()).isEqualTo(n);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int pos(int[] order, long key) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] == key) {
        return i;
      }
    }
    throw new AssertionError(key);
  }

  private static List<List<Long>> run(long[] deadlines, int[] order) {
    DeadlineQueue q = new DeadlineQueue();
    for (int k : order) {
      q.schedule(k, deadlines[k]);
    }
    List<List<Long>> batches = new ArrayList<>();
    for (long now = 0; now < 20; now += 3) {
      batches.add(keys(drain(q, now)));
    }
    batches.add(keys(drain(q, 100)));
    return batches;
  }

  @Test
  void holdsManyEntriesAndGrows() {
    DeadlineQueue q = new DeadlineQueue(1);
    SplittableRandom r = new SplittableRandom(99);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      q.schedule(i * 7919L, r.nextInt(1_000_000));
    }
    assertThat(q.size()).isEqualTo(n);
    long[] last = {Long.MIN_VALUE};
    int[] count = {0};
    var unused =
        q.pollDue(
            1_000_000,
            (k, d) -> {
              assertThat(d).isGreaterThanOrEqualTo(last[0]);
              last[0] = d;
              count[0]++;
            });
    assertThat(count[0]).isEqualTo(n);
  }

  @ParameterizedTest(name = "stride {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, -1, 7, 8, 1L << 3, 1L << 16, 1L << 20, 1L << 40, 0x9E3779B97F4A7C15L})
  void structuredKeysStayFindableThroughGrowthAndDeletion(long stride) {
    DeadlineQueue q = new DeadlineQueue(1);
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      q.schedule(i * stride, i);
    }
    for (int i = 0; i < n; i += 2) {
      assertThat(q.cancel(i * stride)).as("stride %s key %s", stride, i * stride).isTrue();
    }
    for (int i = 0; i < n; i++) {
      assertThat(q.deadlineOf(i * stride)).as("stride %s i %s", stride, i).isEqualTo(i % 2 == 0 ? OptionalLong.empty() : OptionalLong.of(i));
    }
    List<Long> fired = keys(drain(q, n));
    assertThat(fired).hasSize(n / 2);
    for (int k = 0; k < fired.size(); k++) {
      assertThat(fired.get(k)).isEqualTo((2L * k + 1) * stride);
    }
  }
}
