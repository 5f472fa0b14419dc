package org.gridgov.benchmarks.sla;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The previous implementation of gridgov's {@code org.gridgov.sla.DeadlineQueue} (an indexed 4-ary
 * heap plus a key table, as of commit 070dcd3), kept verbatim apart from its name so that the
 * benchmark can compare the current queue with it in the same run. Same contract as {@code
 * DeadlineQueue}; not for use outside the benchmarks.
 */
public final class HeapDeadlineQueue {

  /** Receives a due entry. */
  @FunctionalInterface
  public interface DueConsumer {
    /**
     * Called once for each due entry, after it has been removed from the queue.
     *
     * @param key the entry's key
     * @param deadlineMillis its deadline in epoch milliseconds
     */
    void onDue(long key, long deadlineMillis);
  }

  /** The largest number of pending entries. */
  public static final int MAX_CAPACITY = 1 << 28;

  private static final int DEFAULT_CAPACITY = 16;
  private static final int MIN_SLOTS = 16;
  private static final long FIB = 0x9E3779B97F4A7C15L;

  // heap, in heap order: order[2i] = deadline, order[2i + 1] = scheduling number; slotOf[i] = table
  // slot
  private long[] order;
  private int[] slotOf;
  private int size;

  // table of (key, heap index + 1) pairs; heap index + 1 == 0 marks an empty slot
  private long[] table;
  private int mask; // slots - 1
  private int groupShift; // 64 - log2(slots / 8)

  private long nextSeq;
  private long now = Long.MIN_VALUE;
  private boolean polled;

  /** Creates an empty queue. */
  public HeapDeadlineQueue() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates an empty queue with room for {@code initialCapacity} entries before it grows.
   *
   * @param initialCapacity the initial capacity, {@code 1..MAX_CAPACITY}
   * @throws IllegalArgumentException if out of range, naming the value
   */
  public HeapDeadlineQueue(int initialCapacity) {
    checkArgument(
        initialCapacity >= 1 && initialCapacity <= MAX_CAPACITY,
        "initialCapacity must be in 1..%s but was %s",
        MAX_CAPACITY,
        initialCapacity);
    order = new long[2 * initialCapacity];
    slotOf = new int[initialCapacity];
    newTable(Math.max(MIN_SLOTS, Integer.highestOneBit(initialCapacity * 2 - 1) * 2));
  }

  // ------------------------------------------------------------------ queries

  /**
   * Returns the number of pending entries.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns whether nothing is pending.
   *
   * @return {@code true} if empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns whether a key is pending.
   *
   * @param key the key
   * @return {@code true} if pending
   */
  public boolean contains(long key) {
    return find(key) >= 0;
  }

  /**
   * Returns the pending deadline of a key.
   *
   * @param key the key
   * @return its deadline in epoch milliseconds, or empty if not pending
   */
  public OptionalLong deadlineOf(long key) {
    int p = find(key);
    return p < 0 ? OptionalLong.empty() : OptionalLong.of(order[2 * index(p)]);
  }

  /**
   * Returns the earliest pending deadline.
   *
   * @return the earliest deadline in epoch milliseconds, or empty if nothing is pending
   */
  public OptionalLong nextDeadline() {
    return size == 0 ? OptionalLong.empty() : OptionalLong.of(order[0]);
  }

  /**
   * Returns the {@code now} of the latest {@link #pollDue} call.
   *
   * @return the queue's time in epoch milliseconds, or empty before the first poll
   */
  public OptionalLong time() {
    return polled ? OptionalLong.of(now) : OptionalLong.empty();
  }

  // ------------------------------------------------------------------ updates

  /**
   * Schedules a key.
   *
   * @param key the key, not pending
   * @param deadlineMillis the deadline in epoch milliseconds
   * @throws IllegalStateException if the key is already pending (use {@link #reschedule}), naming
   *     it
   * @throws IllegalStateException if {@link #MAX_CAPACITY} entries are pending
   */
  public void schedule(long key, long deadlineMillis) {
    int p = slotFor(key);
    if (table[2 * p + 1] != 0) {
      throw alreadyScheduled(key, order[2 * index(p)]);
    }
    if (size == slotOf.length || (size + 1) * 4L > table.length) {
      grow();
      p = slotFor(key);
    }
    table[2 * p] = key;
    siftUp(size++, deadlineMillis, nextSeq++, p);
  }

  /**
   * Schedules a key for an instant, rounded up to the next whole millisecond so that it never fires
   * early.
   *
   * @param key the key, not pending
   * @param deadline the deadline
   * @throws IllegalStateException if the key is already pending
   */
  public void schedule(long key, Instant deadline) {
    schedule(key, ceilMillis(deadline));
  }

  /**
   * Moves a pending key to a new deadline; it takes a new scheduling number, so among equal
   * deadlines it now comes after entries scheduled before this call.
   *
   * @param key a pending key
   * @param deadlineMillis the new deadline in epoch milliseconds
   * @throws IllegalStateException if the key is not pending, naming it
   */
  public void reschedule(long key, long deadlineMillis) {
    int p = find(key);
    if (p < 0) {
      throw notScheduled(key);
    }
    int i = index(p);
    long seq = nextSeq++;
    if (deadlineMillis < order[2 * i]) {
      siftUp(i, deadlineMillis, seq, p);
    } else {
      siftDown(i, deadlineMillis, seq, p);
    }
  }

  /**
   * Moves a pending key to a new instant (rounded up to a whole millisecond).
   *
   * @param key a pending key
   * @param deadline the new deadline
   * @throws IllegalStateException if the key is not pending
   */
  public void reschedule(long key, Instant deadline) {
    reschedule(key, ceilMillis(deadline));
  }

  /**
   * Cancels a key.
   *
   * @param key the key
   * @return {@code true} if it was pending and is now removed, {@code false} if it was not pending
   */
  public boolean cancel(long key) {
    int p = find(key);
    if (p < 0) {
      return false;
    }
    removeAt(index(p));
    return true;
  }

  /**
   * Delivers and removes every entry with {@code deadline <= nowMillis}, in order of deadline, then
   * scheduling order. See the class comment for what happens when the consumer throws.
   *
   * @param nowMillis the current time in epoch milliseconds, never less than in the previous call
   * @param consumer receives each due entry
   * @return the number of entries delivered
   * @throws IllegalArgumentException if {@code nowMillis} is before the previous poll's time
   */
  public int pollDue(long nowMillis, DueConsumer consumer) {
    java.util.Objects.requireNonNull(consumer, "consumer");
    if (polled && nowMillis < now) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "time went backwards: pollDue(%d) after pollDue(%d); the deadline queue's time never decreases",
              nowMillis,
              now));
    }
    polled = true;
    now = nowMillis;
    int delivered = 0;
    while (size > 0 && order[0] <= nowMillis) {
      long key = table[2 * slotOf[0]];
      long deadline = order[0];
      removeAt(0);
      delivered++;
      consumer.onDue(key, deadline);
    }
    return delivered;
  }

  /**
   * As {@link #pollDue(long, DueConsumer)} with an instant, truncated to its millisecond.
   *
   * @param now the current time, never before the previous poll's time
   * @param consumer receives each due entry
   * @return the number delivered
   */
  public int pollDue(Instant now, DueConsumer consumer) {
    return pollDue(now.toEpochMilli(), consumer);
  }

  private static IllegalStateException alreadyScheduled(long key, long deadline) {
    return new IllegalStateException(
        String.format(
            Locale.ROOT,
            "key %d is already scheduled for %d; use reschedule to move it",
            key,
            deadline));
  }

  private static IllegalStateException notScheduled(long key) {
    return new IllegalStateException(
        String.format(
            Locale.ROOT,
            "key %d is not scheduled (it fired, was cancelled or never scheduled)",
            key));
  }

  // ------------------------------------------------------------------ heap

  private void place(int i, long deadline, long seq, int slot) {
    order[2 * i] = deadline;
    order[2 * i + 1] = seq;
    slotOf[i] = slot;
    table[2 * slot + 1] = i + 1L;
  }

  private void siftUp(int i, long deadline, long seq, int slot) {
    long[] o = order;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pd = o[2 * parent];
      if (pd < deadline || (pd == deadline && o[2 * parent + 1] < seq)) {
        break;
      }
      place(i, pd, o[2 * parent + 1], slotOf[parent]);
      i = parent;
    }
    place(i, deadline, seq, slot);
  }

  private void siftDown(int i, long deadline, long seq, int slot) {
    long[] o = order;
    int n = size;
    while (true) {
      int c = (i << 2) + 1;
      if (c >= n) {
        break;
      }
      int best = c;
      long bd = o[2 * c];
      long bs = o[2 * c + 1];
      int end = Math.min(c + 4, n);
      for (int j = c + 1; j < end; j++) {
        long dj = o[2 * j];
        if (dj < bd || (dj == bd && o[2 * j + 1] < bs)) {
          best = j;
          bd = dj;
          bs = o[2 * j + 1];
        }
      }
      if (bd > deadline || (bd == deadline && bs > seq)) {
        break;
      }
      place(i, bd, bs, slotOf[best]);
      i = best;
    }
    place(i, deadline, seq, slot);
  }

  private void removeAt(int i) {
    tableDelete(slotOf[i]);
    int last = --size;
    if (i == last) {
      return;
    }
    long d = order[2 * last];
    long s = order[2 * last + 1];
    int slot = slotOf[last];
    int parent = (i - 1) >>> 2;
    if (i > 0 && (d < order[2 * parent] || (d == order[2 * parent] && s < order[2 * parent + 1]))) {
      siftUp(i, d, s, slot);
    } else {
      siftDown(i, d, s, slot);
    }
  }

  // ------------------------------------------------------------------ key table (linear probing)

  private void newTable(int slots) {
    table = new long[2 * slots];
    mask = slots - 1;
    groupShift = 64 - (Integer.numberOfTrailingZeros(slots) - 3);
  }

  /**
   * The home slot: a Fibonacci-hashed group of 8 slots chosen by {@code key >>> 3}, then {@code key
   * & 7}.
   */
  private int home(long key) {
    int group = (int) (((key >>> 3) * FIB) >>> groupShift);
    return (group << 3) | (int) (key & 7);
  }

  private int index(int slot) {
    return (int) table[2 * slot + 1] - 1;
  }

  /** Table slot holding the key, or -1. */
  private int find(long key) {
    long[] t = table;
    int p = home(key);
    while (true) {
      if (t[2 * p + 1] == 0) {
        return -1;
      }
      if (t[2 * p] == key) {
        return p;
      }
      p = (p + 1) & mask;
    }
  }

  /** Table slot holding the key, or the empty slot where it would go. */
  private int slotFor(long key) {
    long[] t = table;
    int p = home(key);
    while (t[2 * p + 1] != 0 && t[2 * p] != key) {
      p = (p + 1) & mask;
    }
    return p;
  }

  /** Empties a slot, shifting later entries of its probe run back (no tombstones). */
  private void tableDelete(int hole) {
    long[] t = table;
    int i = hole;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      long v = t[2 * j + 1];
      if (v == 0) {
        break;
      }
      int h = home(t[2 * j]);
      boolean stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!stays) {
        t[2 * i] = t[2 * j];
        t[2 * i + 1] = v;
        slotOf[(int) v - 1] = i;
        i = j;
      }
    }
    t[2 * i] = 0;
    t[2 * i + 1] = 0;
  }

  private void grow() {
    if (size >= MAX_CAPACITY) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT, "the deadline queue is full: %d entries pending (MAX_CAPACITY)", size));
    }
    if (size == slotOf.length) {
      int cap = (int) Math.min((long) MAX_CAPACITY, Math.max(16L, slotOf.length * 2L));
      order = java.util.Arrays.copyOf(order, 2 * cap);
      slotOf = java.util.Arrays.copyOf(slotOf, cap);
    }
    if ((size + 1) * 4L > table.length) {
      long[] old = table;
      newTable(table.length); // twice the slots: table.length is 2 * slots
      for (int i = 0; i < size; i++) {
        long key = old[2 * slotOf[i]];
        int p = home(key);
        while (table[2 * p + 1] != 0) {
          p = (p + 1) & mask;
        }
        table[2 * p] = key;
        table[2 * p + 1] = i + 1L;
        slotOf[i] = p;
      }
    }
  }

  @SuppressWarnings(
      "JavaInstantGetSecondsGetNano") // the sub-millisecond part is exactly what we test
  private static long ceilMillis(Instant t) {
    long ms = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "HeapDeadlineQueue[size=%d, next=%s, time=%s]", size, nextDeadline(), time());
  }
}
