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
    assertThatThrownBy(() -> q.schedule(1, 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 1")
        .hasMessageContaining("10");
    assertThatThrownBy(() -> q.reschedule(2, 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 2");
    var unused = q.pollDue(100, (k, d) -> {});
    assertThatThrownBy(() -> q.pollDue(99, (k, d) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99")
        .hasMessageContaining("100");
    assertThat(q.pollDue(100, (k, d) -> {})).isZero(); // the same time again is fine
    assertThatThrownBy(() -> new DeadlineQueue(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialCapacity");
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

  // ------------------------------------------------------------------ properties against a naive
  // model

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
        assertThat(q.cancel(key))
            .as("seed %s step %s cancel %s", seed, step, key)
            .isEqualTo(model.remove(key) != null);
      } else if (op < 7) {
        now += r.nextInt(60);
        long t = now;
        List<ModelEntry> due =
            model.values().stream()
                .filter(e -> e.deadline() <= t)
                .sorted(
                    Comparator.comparingLong(ModelEntry::deadline)
                        .thenComparingLong(ModelEntry::seq))
                .toList();
        List<long[]> fired = drain(q, now);
        assertThat(keys(fired))
            .as("seed %s step %s now %s", seed, step, now)
            .isEqualTo(due.stream().map(ModelEntry::key).toList());
        due.forEach(e -> model.remove(e.key()));
        everFired.addAll(keys(fired));
      } else {
        OptionalLong dl = q.deadlineOf(key);
        ModelEntry m = model.get(key);
        assertThat(dl)
            .as("seed %s step %s key %s", seed, step, key)
            .isEqualTo(m == null ? OptionalLong.empty() : OptionalLong.of(m.deadline()));
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
    // per poll the same set of keys fires, each exactly once; within equal deadlines, in scheduling
    // order
    for (int b = 0; b < batchesA.size(); b++) {
      assertThat(batchesB.get(b))
          .as("seed %s poll %s", seed, b)
          .containsExactlyInAnyOrderElementsOf(batchesA.get(b));
      List<Long> orderB = batchesB.get(b);
      for (int i = 1; i < orderB.size(); i++) {
        long k0 = orderB.get(i - 1);
        long k1 = orderB.get(i);
        assertThat(
                deadlines[(int) k0] < deadlines[(int) k1]
                    || (deadlines[(int) k0] == deadlines[(int) k1]
                        && pos(shuffled, k0) < pos(shuffled, k1)))
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
  @org.junit.jupiter.params.provider.ValueSource(
      longs = {1, -1, 7, 8, 1L << 3, 1L << 16, 1L << 20, 1L << 40, 0x9E3779B97F4A7C15L})
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
      assertThat(q.deadlineOf(i * stride))
          .as("stride %s i %s", stride, i)
          .isEqualTo(i % 2 == 0 ? OptionalLong.empty() : OptionalLong.of(i));
    }
    List<Long> fired = keys(drain(q, n));
    assertThat(fired).hasSize(n / 2);
    for (int k = 0; k < fired.size(); k++) {
      assertThat(fired.get(k)).isEqualTo((2L * k + 1) * stride);
    }
  }

  // ------------------------------------------------------------------ wheel levels, cascades and
  // the heap against a model

  /** Reference: the pending entries in a map; the next due one is found by a scan. */
  private static final class Model {
    final Map<Long, ModelEntry> pending = new HashMap<>();
    long seq;

    void put(long key, long deadline) {
      pending.put(key, new ModelEntry(key, deadline, seq++));
    }

    @org.jspecify.annotations.Nullable
    ModelEntry first() {
      ModelEntry best = null;
      for (ModelEntry e : pending.values()) {
        if (best == null
            || e.deadline() < best.deadline()
            || (e.deadline() == best.deadline() && e.seq() < best.seq())) {
          best = e;
        }
      }
      return best;
    }
  }

  private static final class ConsumerFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConsumerFailed(long key) {
      super("consumer failed on " + key);
    }
  }

  static LongStream modelSeeds() {
    return LongStream.rangeClosed(1, 60);
  }

  /**
   * Random interleavings of schedule, reschedule, cancel, queries and polls (with consumers that
   * throw, schedule, reschedule and cancel) on wheels of every geometry the queue supports (2, 4,
   * 16 and 256 buckets per level, so from 8 to 64 levels), so that every path (cascades through
   * many levels, entries before the cursor in the heap, the cursor reset on an empty queue,
   * nextDeadline cascading ahead of the latest poll, table and slab growth) is taken often;
   * deadlines mix near, far, overdue, equal and extreme values; keys are reused.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("modelSeeds")
  void deliversExactlyWhatAReferenceModelDeliversUnderRandomInterleavings(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int levelShift =
        (int) (seed % 4); // 2, 4, 16 and 256 buckets per level: every seed's level count in turn
    DeadlineQueue q = new DeadlineQueue(false, 1 + r.nextInt(64), levelShift);
    String where = String.format(java.util.Locale.ROOT, "seed %d levelShift %d", seed, levelShift);
    Model model = new Model();
    long[] now = {r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)};
    long[] scales = {4, 100, 5_000, 1_000_000, 10_000_000_000L};
    int keySpace = 20 + r.nextInt(2000);
    long stride = new long[] {1, 8, 7919, 1L << 33, 0x9E3779B97F4A7C15L}[r.nextInt(5)];
    int delivered = 0;
    for (int step = 0; step < 6_000; step++) {
      String at = where + " step " + step;
      long key = r.nextInt(keySpace) * stride;
      int op = r.nextInt(20);
      if (op < 6) {
        long d = randomDeadline(r, now[0], scales);
        if (model.pending.containsKey(key)) {
          q.reschedule(key, d);
        } else {
          q.schedule(key, d);
        }
        model.put(key, d);
      } else if (op < 8) {
        // plan: pending or not; half the time at the deadline the key already has, if any
        ModelEntry had = model.pending.get(key);
        long d =
            had != null && r.nextBoolean() ? had.deadline() : randomDeadline(r, now[0], scales);
        boolean changes = had == null || had.deadline() != d;
        assertThat(q.plan(key, d)).as(at).isEqualTo(changes);
        if (changes) {
          model.put(key, d);
        }
      } else if (op < 11) {
        assertThat(q.cancel(key)).as(at).isEqualTo(model.pending.remove(key) != null);
      } else if (op < 13) {
        now[0] += r.nextLong(scales[r.nextInt(scales.length)]);
        int throwAt = r.nextInt(4) == 0 ? r.nextInt(5) : -1;
        int[] seen = {0};
        DeadlineQueue.DueConsumer consumer =
            (k, d) -> {
              ModelEntry expected = model.first();
              if (expected == null) {
                throw new AssertionError(
                    at + ": delivered " + k + " but the model has nothing pending");
              }
              assertThat(new long[] {k, d})
                  .as(at)
                  .containsExactly(expected.key(), expected.deadline());
              assertThat(d).as(at).isLessThanOrEqualTo(now[0]);
              model.pending.remove(k);
              assertThat(q.contains(k)).as(at).isFalse();
              int act = r.nextInt(8);
              long other = r.nextInt(keySpace) * stride;
              if (act == 0) {
                long nd = now[0] - r.nextInt(3); // already due: delivered in this poll
                if (model.pending.containsKey(other)) {
                  q.reschedule(other, nd);
                } else {
                  q.schedule(other, nd);
                }
                model.put(other, nd);
              } else if (act == 1) {
                assertThat(q.cancel(other)).as(at).isEqualTo(model.pending.remove(other) != null);
              } else if (act == 2 && !model.pending.containsKey(k)) {
                long nd = randomDeadline(r, now[0], scales);
                q.schedule(k, nd); // the delivered key may be scheduled again at once
                model.put(k, nd);
              }
              if (seen[0]++ == throwAt) {
                throw new ConsumerFailed(k);
              }
            };
        try {
          delivered += q.pollDue(now[0], consumer);
        } catch (ConsumerFailed e) {
          delivered += seen[0];
          assertThat(seen[0]).as(at).isEqualTo(throwAt + 1);
        }
        if (throwAt < 0 || seen[0] <= throwAt) {
          ModelEntry first = model.first();
          assertThat(first == null || first.deadline() > now[0])
              .as(at + " nothing due left")
              .isTrue();
        }
        assertThat(q.time()).as(at).isEqualTo(OptionalLong.of(now[0]));
      } else if (op < 15) {
        ModelEntry first = model.first();
        assertThat(q.nextDeadlineOr(-7))
            .as(at + " nextDeadlineOr")
            .isEqualTo(first == null ? -7 : first.deadline());
        assertThat(q.nextDeadline())
            .as(at)
            .isEqualTo(first == null ? OptionalLong.empty() : OptionalLong.of(first.deadline()));
      } else {
        ModelEntry m = model.pending.get(key);
        assertThat(q.deadlineOf(key))
            .as(at)
            .isEqualTo(m == null ? OptionalLong.empty() : OptionalLong.of(m.deadline()));
        assertThat(q.contains(key)).as(at).isEqualTo(m != null);
      }
      assertThat(q.size()).as(at).isEqualTo(model.pending.size());
      assertThat(q.isEmpty()).as(at).isEqualTo(model.pending.isEmpty());
    }
    // drain everything: the full remaining order
    List<ModelEntry> rest =
        model.pending.values().stream()
            .sorted(
                Comparator.comparingLong(ModelEntry::deadline).thenComparingLong(ModelEntry::seq))
            .toList();
    assertThat(drain(q, Long.MAX_VALUE))
        .as(where)
        .extracting(e -> e[0])
        .containsExactlyElementsOf(rest.stream().map(ModelEntry::key).toList());
    assertThat(q.isEmpty()).as(where).isTrue();
    assertThat(delivered).as(where).isPositive();
  }

  // ------------------------------------------------------------------ a queue that issues handles

  @Test
  void issuedHandlesAreTheKeysAndAStaleHandleIsNeverPendingAgain() {
    DeadlineQueue q = DeadlineQueue.issuingHandles(2);
    long a = q.add(100);
    long b = q.add(50);
    long c = q.add(100);
    assertThat(new long[] {a, b, c}).doesNotHaveDuplicates();
    assertThat(q.deadlineOf(b)).isEqualTo(OptionalLong.of(50));
    assertThat(q.cancel(b)).isTrue();
    long d = q.add(100); // reuses b's slot with the next generation
    assertThat((int) d).isEqualTo((int) b);
    assertThat(d).isNotEqualTo(b);
    assertThat(q.contains(b)).isFalse();
    assertThat(q.cancel(b)).as("a stale handle cancels nothing").isFalse();
    assertThat(q.deadlineOf(b)).isEmpty();
    assertThat(q.contains(d)).isTrue();
    q.reschedule(a, 100); // a takes a new scheduling number: after c and d
    assertThat(keys(drain(q, 100))).containsExactly(c, d, a);
    assertThat(q.isEmpty()).isTrue();
    for (long h : new long[] {a, c, d, 0, -1, Long.MAX_VALUE, 1L << 40}) {
      assertThat(q.contains(h)).as("handle %s", h).isFalse();
      assertThat(q.cancel(h)).as("handle %s", h).isFalse();
    }
    assertThat(q.toString()).contains("issuing handles");
  }

  @Test
  void planKeepsTheSchedulingNumberOfAKeyAlreadyAtItsDeadlineAndMovesOneElsewhere() {
    DeadlineQueue q = new DeadlineQueue();
    assertThat(q.plan(1, 10)).isTrue(); // scheduled
    q.schedule(2, 10);
    assertThat(q.plan(1, 10)).isFalse(); // already there: still before 2
    assertThat(q.plan(3, 10)).isTrue();
    assertThat(q.plan(2, 5)).isTrue(); // moved earlier
    assertThat(q.plan(2, 10)).isTrue(); // moved back: a new number, after 1 and 3
    List<Long> order = new ArrayList<>();
    var unused = q.pollDue(10, (k, d) -> order.add(k));
    assertThat(order).containsExactly(1L, 3L, 2L);
  }

  @Test
  void keyedAndHandleQueuesRefuseEachOthersCalls() {
    assertThatThrownBy(() -> new DeadlineQueue().add(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("add(deadline)")
        .hasMessageContaining("keyed")
        .hasMessageContaining("5");
    DeadlineQueue handles = DeadlineQueue.issuingHandles();
    assertThatThrownBy(() -> handles.schedule(42, 7))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("issues its own handles")
        .hasMessageContaining("42");
    assertThatThrownBy(() -> handles.reschedule(3, 7))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3");
    assertThatThrownBy(() -> handles.plan(43, 8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plan(key 43")
        .hasMessageContaining("issues its own handles");
    assertThat(handles.isEmpty()).isTrue();
    assertThatThrownBy(() -> DeadlineQueue.issuingHandles(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A queue that issues handles, with tiny wheels and growth from one slot, under random adds,
   * reschedules, cancels (of pending and stale handles), queries and polls whose consumers add and
   * cancel, against the model: same deliveries in the same order, and no handle is ever issued
   * twice.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("modelSeeds")
  void issuingHandlesDeliversWhatTheModelDelivers(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int levelShift = (int) (seed % 4);
    DeadlineQueue q = new DeadlineQueue(true, 1 + r.nextInt(4), levelShift);
    String where = String.format(java.util.Locale.ROOT, "seed %d levelShift %d", seed, levelShift);
    Model model = new Model();
    List<Long> issued = new ArrayList<>();
    java.util.Set<Long> everIssued = new java.util.HashSet<>();
    long[] now = {r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)};
    long[] scales = {4, 100, 5_000, 1_000_000, 10_000_000_000L};
    java.util.function.LongUnaryOperator add =
        d -> {
          long h = q.add(d);
          assertThat(everIssued.add(h)).as("%s: handle %s issued twice", where, h).isTrue();
          issued.add(h);
          model.put(h, d);
          return h;
        };
    for (int step = 0; step < 4_000; step++) {
      String at = where + " step " + step;
      long any = issued.isEmpty() ? 12345 : issued.get(r.nextInt(issued.size()));
      int op = r.nextInt(20);
      if (op < 7) {
        var unused = add.applyAsLong(randomDeadline(r, now[0], scales));
      } else if (op < 9) {
        if (model.pending.containsKey(any)) {
          long d = randomDeadline(r, now[0], scales);
          q.reschedule(any, d);
          model.put(any, d);
        } else {
          assertThatThrownBy(() -> q.reschedule(any, 0))
              .as(at)
              .isInstanceOf(IllegalStateException.class);
        }
      } else if (op < 12) {
        assertThat(q.cancel(any)).as(at).isEqualTo(model.pending.remove(any) != null);
      } else if (op < 14) {
        now[0] += r.nextLong(scales[r.nextInt(scales.length)]);
        int delivered =
            q.pollDue(
                now[0],
                (k, d) -> {
                  ModelEntry expected = model.first();
                  if (expected == null) {
                    throw new AssertionError(
                        at + ": delivered " + k + " but the model has nothing pending");
                  }
                  assertThat(new long[] {k, d})
                      .as(at)
                      .containsExactly(expected.key(), expected.deadline());
                  model.pending.remove(k);
                  int act = r.nextInt(6);
                  if (act == 0) {
                    var unused =
                        add.applyAsLong(now[0] - r.nextInt(3)); // due: delivered in this poll
                  } else if (act == 1) {
                    long other = issued.get(r.nextInt(issued.size()));
                    assertThat(q.cancel(other))
                        .as(at)
                        .isEqualTo(model.pending.remove(other) != null);
                  }
                });
        assertThat(delivered).as(at).isNotNegative();
        ModelEntry first = model.first();
        assertThat(first == null || first.deadline() > now[0])
            .as(at + " nothing due left")
            .isTrue();
      } else if (op < 16) {
        ModelEntry first = model.first();
        assertThat(q.nextDeadlineOr(-7))
            .as(at + " nextDeadlineOr")
            .isEqualTo(first == null ? -7 : first.deadline());
        assertThat(q.nextDeadline())
            .as(at)
            .isEqualTo(first == null ? OptionalLong.empty() : OptionalLong.of(first.deadline()));
      } else {
        ModelEntry m = model.pending.get(any);
        assertThat(q.deadlineOf(any))
            .as(at)
            .isEqualTo(m == null ? OptionalLong.empty() : OptionalLong.of(m.deadline()));
        assertThat(q.contains(any)).as(at).isEqualTo(m != null);
      }
      assertThat(q.size()).as(at).isEqualTo(model.pending.size());
    }
    List<Long> rest =
        model.pending.values().stream()
            .sorted(
                Comparator.comparingLong(ModelEntry::deadline).thenComparingLong(ModelEntry::seq))
            .map(ModelEntry::key)
            .toList();
    assertThat(keys(drain(q, Long.MAX_VALUE))).as(where).containsExactlyElementsOf(rest);
    assertThat(q.isEmpty()).as(where).isTrue();
  }

  private static long randomDeadline(SplittableRandom r, long now, long[] scales) {
    int kind = r.nextInt(40);
    if (kind == 0) {
      return Long.MAX_VALUE - r.nextInt(3);
    }
    if (kind == 1) {
      return Long.MIN_VALUE + r.nextInt(3);
    }
    if (kind < 6) {
      return now - r.nextInt(1000); // overdue
    }
    if (kind < 12) {
      return now + r.nextInt(4); // many equal deadlines
    }
    return now + r.nextLong(scales[r.nextInt(scales.length)]);
  }

  @Test
  void deadlinesSpreadOverYearsStillFireInExactOrder() {
    DeadlineQueue q = new DeadlineQueue();
    SplittableRandom r = new SplittableRandom(5);
    Model model = new Model();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      // mostly minutes to days ahead, some years ahead, some within the same millisecond
      long d =
          switch (r.nextInt(4)) {
            case 0 -> 1_700_000_000_000L + r.nextLong(100_000_000_000L);
            case 1 -> 1_700_000_000_000L + r.nextLong(1_000);
            default -> 1_700_000_000_000L + r.nextLong(3_000_000_000L);
          };
      q.schedule(i, d);
      model.put(i, d);
    }
    for (int i = 0; i < n; i += 3) {
      assertThat(q.cancel(i)).isTrue();
      model.pending.remove((long) i);
    }
    List<Long> expected =
        model.pending.values().stream()
            .sorted(
                Comparator.comparingLong(ModelEntry::deadline).thenComparingLong(ModelEntry::seq))
            .map(ModelEntry::key)
            .toList();
    List<Long> fired = new ArrayList<>();
    long t = 1_700_000_000_000L;
    while (!q.isEmpty()) {
      t += 1 + r.nextLong(50_000_000L);
      fired.addAll(keys(drain(q, t)));
    }
    assertThat(fired).isEqualTo(expected);
  }

  @Test
  void nextDeadlineIsTheEarliestWhereverItIsKept() {
    DeadlineQueue q = new DeadlineQueue();
    q.schedule(1, 5_000_000); // sets the cursor
    q.schedule(2, 5_000_000 + 1_000_000_000L); // on a high level of the wheel
    q.schedule(3, 4_000_000); // before the cursor: in the heap
    assertThat(q.nextDeadline()).isEqualTo(OptionalLong.of(4_000_000));
    assertThat(q.cancel(3)).isTrue();
    assertThat(q.nextDeadline()).isEqualTo(OptionalLong.of(5_000_000));
    q.reschedule(1, 6_000_000_000L);
    assertThat(q.nextDeadline()).isEqualTo(OptionalLong.of(5_000_000 + 1_000_000_000L));
    assertThat(keys(drain(q, Long.MAX_VALUE))).containsExactly(2L, 1L);
    assertThat(q.nextDeadline()).isEmpty();
  }

  @Test
  void rejectsBadTestGeometry() {
    assertThatThrownBy(() -> new DeadlineQueue(false, 1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("levelShift")
        .hasMessageContaining("4");
    assertThatThrownBy(() -> new DeadlineQueue(false, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("levelShift");
  }
}
