package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A pure, deterministic timer queue for millions of pending deadlines. No clock, no threads, no allocation per
 * operation (arrays grow by doubling).
 *
 * <h2>How it works</h2>
 *
 * Three primitive-array structures:
 *
 * <ul>
 *   <li>a <em>wheel</em> of 256 unsorted buckets, each covering an equal slice of time (2<sup>s</sup> ms, initially
 *       1.024 s); together they cover a window that starts at or before the earliest bucketed deadline. Scheduling a
 *       deadline inside the window appends it to its bucket, cancelling it swap-removes it: both O(1), whatever the
 *       number pending;
 *   <li>an exact indexed 4-ary min-heap ordered by (deadline, scheduling number) for entries outside the window and
 *       for the buckets that time has reached: when the earliest bucket could hold the next entry to deliver, the
 *       whole bucket moves into the heap, so order is exact at delivery;
 *   <li>an open-addressing table from key to where its entry is (heap index, or bucket and slot), hashing keys in
 *       groups of 8 neighbours: keys that differ only in their lowest 3 bits share one strongly mixed home group of
 *       8 slots (two cache lines), so sequential keys such as case ids touch the same memory while unrelated keys
 *       spread like a random hash.
 * </ul>
 *
 * If many deadlines fall outside the window, the queue re-chooses the bucket width from the spread of the pending
 * deadlines (so that about 7/8 of them fit in half the window) and redistributes everything: O(n), at most once per
 * n/4 schedules, so O(1) amortised. The geometry only affects speed, never the order of delivery.
 *
 * <h2>Keys or handles</h2>
 *
 * A queue made with a constructor is <em>keyed</em>: keys are the caller's {@code long}s (e.g. a case id, or case id
 * and clock number packed), found through the table above. The queue never invents or recycles ids, so a stale key
 * can never cancel somebody else's timer: after a key fires or is cancelled it is simply absent until the caller
 * schedules it again. At most one entry per key is pending.
 *
 * <p>A queue made with {@link #issuingHandles()} instead <em>issues</em> its keys: {@link #add} returns a new handle
 * for each entry, and {@link #cancel}, {@link #reschedule}, {@link #contains}, {@link #deadlineOf} and the
 * consumer of {@link #pollDue} take and give that handle as the key. A handle is a slot number in its low 32 bits
 * and a generation in its high bits; a slot is reused after its entry fires or is cancelled, but with the next
 * generation, so a stale handle is simply not pending (it would take 2<sup>31</sup> reuses of one slot to meet the
 * same handle again). No hashing is needed: use this mode when you keep the handle anyway (as with a timer wheel's
 * timer ids), the keyed mode when your own ids should be the keys.
 *
 * <h2>Order and time</h2>
 *
 * Deadlines are epoch milliseconds. {@link #pollDue} delivers every entry with {@code deadline <= now} in order of
 * deadline, then of scheduling (each {@link #schedule} and {@link #reschedule} takes the next number of a counter),
 * so simultaneous deadlines have exactly one order. The {@code now} passed to {@link #pollDue} must never decrease;
 * a smaller value is rejected with an {@link IllegalArgumentException} that names both times. Scheduling a deadline
 * that is already due is allowed: the entry fires on the next poll.
 *
 * <h2>A consumer that throws</h2>
 *
 * Each due entry is removed from the queue <em>before</em> it is handed to the consumer, and the queue's time has
 * already moved to {@code now}. If the consumer throws, that entry counts as delivered (it is gone, exactly once),
 * every later due entry is still pending in its order, and the exception propagates; polling again with the same
 * {@code now} delivers the rest. The consumer may schedule, reschedule and cancel on this queue while being called;
 * an entry it schedules that is already due is delivered in the same poll.
 *
 * <p>Not thread-safe: the embedder owns threads.
 */
public final class DeadlineQueue {

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

  private static final int WHEEL_BITS = 8;
  private static final int INITIAL_SHIFT = 10;
  private static final int MIN_SHIFT = 1;
  private static final int MIN_REBUILD = 1024;
  private static final int MIN_HEAP = 16;
  /** A bucket whose array grew beyond this many entries gets a fresh small array when it is emptied. */
  private static final int KEEP_BUCKET = 1024;
  /** Shared by all empty buckets that have no array of their own; never written (its count stays 0). */
  private static final long[] NO_ENTRIES = {0};
  private static final long GENERATION = 1L << 32;

  // heap, in heap order: order[2i] = deadline, order[2i + 1] = scheduling number; slotOf[i] = table slot
  private long[] order;
  private int[] slotOf;
  private int heapSize;

  // wheel: bucket b holds deadlines with (deadline >> shift) & wheelMask == b, all within the window
  // [windowStart, windowStart + buckets.length) of bucket numbers (deadline >> shift).
  // buckets[b][0] = count; entry j at 1 + 3j: deadline, scheduling number, table slot
  private final long[][] buckets;
  private final long[] nonEmpty; // one bit per bucket
  private final int wheelMask;
  private final int wheelBits;
  private final int minRebuild;
  private int shift;
  private long windowStart; // a bucket number; every wheel entry's bucket number is >= it and < it + buckets.length
  private int wheelCount;
  private int outside; // schedules that landed in the heap because outside the window, since the last rebuild

  // table of (key, location) pairs; location 0 marks an empty slot, > 0 is heap index + 1,
  // < 0 is ~(bucket << 32 | entry index in bucket). Keyed: an open-addressing hash table. Issuing handles: slot s
  // holds the handle it has (or will issue next: generation << 32 | s); free slots are stacked in freeSlots, and
  // slots at or above fresh were never used.
  private final boolean issuesHandles;
  private int[] freeSlots;
  private int freeCount;
  private int fresh;
  private long[] table;
  private int mask; // slots - 1
  private int groupShift; // 64 - log2(slots / 8)
  private int growAt; // slots / 2: the load factor stays at most 1/2
  private int size;

  private long nextSeq;
  private long now = Long.MIN_VALUE;
  private boolean polled;

  /** Creates an empty queue. */
  public DeadlineQueue() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates an empty queue with room in its key table for {@code initialCapacity} entries before it grows.
   *
   * @param initialCapacity the initial capacity, {@code 1..MAX_CAPACITY}
   * @throws IllegalArgumentException if out of range, naming the value
   */
  public DeadlineQueue(int initialCapacity) {
    this(initialCapacity, WHEEL_BITS, INITIAL_SHIFT, MIN_REBUILD);
  }

  /**
   * Creates an empty queue that issues its own handles ({@link #add}) instead of taking the caller's keys.
   *
   * @return a new queue that issues handles
   */
  public static DeadlineQueue issuingHandles() {
    return issuingHandles(DEFAULT_CAPACITY);
  }

  /**
   * Creates an empty queue that issues its own handles, with room for {@code initialCapacity} entries before it
   * grows.
   *
   * @param initialCapacity the initial capacity, {@code 1..MAX_CAPACITY}
   * @return a new queue that issues handles
   * @throws IllegalArgumentException if out of range, naming the value
   */
  public static DeadlineQueue issuingHandles(int initialCapacity) {
    return new DeadlineQueue(true, initialCapacity, WHEEL_BITS, INITIAL_SHIFT, MIN_REBUILD);
  }

  /** For tests: a wheel of {@code 2^wheelBits} buckets of initially {@code 2^initialShift} ms. */
  DeadlineQueue(int initialCapacity, int wheelBits, int initialShift, int minRebuild) {
    this(false, initialCapacity, wheelBits, initialShift, minRebuild);
  }

  /** For tests: as above, keyed or issuing handles. */
  DeadlineQueue(boolean issuesHandles, int initialCapacity, int wheelBits, int initialShift, int minRebuild) {
    checkArgument(
        initialCapacity >= 1 && initialCapacity <= MAX_CAPACITY,
        "initialCapacity must be in 1..%s but was %s",
        MAX_CAPACITY,
        initialCapacity);
    checkArgument(wheelBits >= 6 && wheelBits <= 20, "wheelBits must be in 6..20 but was %s", wheelBits);
    checkArgument(
        initialShift >= MIN_SHIFT && initialShift <= 62, "initialShift must be in 1..62 but was %s", initialShift);
    checkArgument(minRebuild >= 1, "minRebuild must be positive but was %s", minRebuild);
    int heapCap = Math.min(initialCapacity, MIN_HEAP);
    order = new long[2 * heapCap];
    slotOf = new int[heapCap];
    this.wheelBits = wheelBits;
    this.minRebuild = minRebuild;
    buckets = new long[1 << wheelBits][];
    Arrays.fill(buckets, NO_ENTRIES);
    nonEmpty = new long[(1 << wheelBits) >>> 6];
    wheelMask = (1 << wheelBits) - 1;
    shift = initialShift;
    this.issuesHandles = issuesHandles;
    if (issuesHandles) {
      freeSlots = new int[initialCapacity];
      table = new long[2 * initialCapacity];
    } else {
      freeSlots = new int[0];
      int slots = Math.max(MIN_SLOTS, Integer.highestOneBit(initialCapacity * 2 - 1) * 2);
      table = new long[2 * slots];
      geometry(slots);
    }
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
    return p < 0 ? OptionalLong.empty() : OptionalLong.of(deadlineAt(table[2 * p + 1]));
  }

  /**
   * Returns the earliest pending deadline.
   *
   * @return the earliest deadline in epoch milliseconds, or empty if nothing is pending
   */
  public OptionalLong nextDeadline() {
    if (size == 0) {
      return OptionalLong.empty();
    }
    if (wheelCount > 0) {
      long b = firstBucket();
      if (heapSize == 0 || (order[0] >> shift) >= b) {
        flush(b); // now the heap's top is the earliest entry (invisible to the caller)
      }
    }
    return OptionalLong.of(order[0]);
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
   * @throws IllegalStateException if the key is already pending (use {@link #reschedule}), naming it
   * @throws IllegalStateException if {@link #MAX_CAPACITY} entries are pending
   */
  public void schedule(long key, long deadlineMillis) {
    if (issuesHandles) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "this queue issues its own handles: add(%d) returns one; schedule(key %d, ...) is for keyed queues",
              deadlineMillis,
              key));
    }
    int p = slotFor(key);
    long loc = table[2 * p + 1];
    if (loc != 0) {
      throw alreadyScheduled(key, deadlineAt(loc));
    }
    if (size >= growAt) {
      growTable(); // throws when MAX_CAPACITY entries are pending
      p = slotFor(key);
    }
    table[2 * p] = key;
    size++;
    insert(p, deadlineMillis, nextSeq++, true);
  }

  /**
   * Schedules a key for an instant, rounded up to the next whole millisecond so that it never fires early.
   *
   * @param key the key, not pending
   * @param deadline the deadline
   * @throws IllegalStateException if the key is already pending
   */
  public void schedule(long key, Instant deadline) {
    schedule(key, ceilMillis(deadline));
  }

  /**
   * Adds an entry to a queue made by {@link #issuingHandles()} and returns its new handle, which {@link #cancel},
   * {@link #reschedule}, {@link #contains} and {@link #deadlineOf} take and {@link #pollDue} delivers as the key.
   *
   * @param deadlineMillis the deadline in epoch milliseconds
   * @return the entry's handle, never pending before this call
   * @throws IllegalStateException if this queue is keyed (use {@link #schedule(long, long)}), or if
   *     {@link #MAX_CAPACITY} entries are pending
   */
  public long add(long deadlineMillis) {
    if (!issuesHandles) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "this queue is keyed: schedule(key, %d) with your own key; add(deadline) is for a queue made by"
                  + " DeadlineQueue.issuingHandles()",
              deadlineMillis));
    }
    int p;
    if (freeCount > 0) {
      p = freeSlots[--freeCount];
    } else {
      if (fresh == freeSlots.length) {
        growSlab();
      }
      p = fresh++;
      table[2 * p] = GENERATION | p;
    }
    size++;
    insert(p, deadlineMillis, nextSeq++, true);
    return table[2 * p];
  }

  /**
   * Adds an entry for an instant, rounded up to the next whole millisecond, to a queue that issues handles.
   *
   * @param deadline the deadline
   * @return the entry's handle
   * @throws IllegalStateException if this queue is keyed
   */
  public long add(Instant deadline) {
    return add(ceilMillis(deadline));
  }

  /**
   * Moves a pending key to a new deadline; it takes a new scheduling number, so among equal deadlines it now comes
   * after entries scheduled before this call.
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
    detach(table[2 * p + 1]);
    insert(p, deadlineMillis, nextSeq++, true);
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
    detach(table[2 * p + 1]);
    release(p);
    size--;
    return true;
  }

  /**
   * Delivers and removes every entry with {@code deadline <= nowMillis}, in order of deadline, then scheduling
   * order. See the class comment for what happens when the consumer throws.
   *
   * @param nowMillis the current time in epoch milliseconds, never less than in the previous call
   * @param consumer receives each due entry
   * @return the number of entries delivered
   * @throws IllegalArgumentException if {@code nowMillis} is before the previous poll's time
   */
  public int pollDue(long nowMillis, DueConsumer consumer) {
    Objects.requireNonNull(consumer, "consumer");
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
    while (true) {
      if (wheelCount > 0) {
        long b = firstBucket();
        if (heapSize == 0 || (order[0] >> shift) >= b) {
          // the earliest entry may be in bucket b
          if (b > (nowMillis >> shift)) {
            break; // bucket b and the heap's top are both after nowMillis
          }
          flush(b);
          continue;
        }
      }
      if (heapSize == 0 || order[0] > nowMillis) {
        break;
      }
      int slot = slotOf[0];
      long key = table[2 * slot];
      long deadline = order[0];
      heapRemove(0);
      release(slot);
      size--;
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
            Locale.ROOT, "key %d is already scheduled for %d; use reschedule to move it", key, deadline));
  }

  private static IllegalStateException notScheduled(long key) {
    return new IllegalStateException(
        String.format(Locale.ROOT, "key %d is not scheduled (it fired, was cancelled or never scheduled)", key));
  }

  // ------------------------------------------------------------------ placement

  private long deadlineAt(long loc) {
    if (loc > 0) {
      return order[2 * (int) (loc - 1)];
    }
    long w = ~loc;
    return buckets[(int) (w >>> 32)][1 + 3 * (int) w];
  }

  /** Removes the entry at {@code loc} from the heap or its bucket; its table slot stays. */
  private void detach(long loc) {
    if (loc > 0) {
      heapRemove((int) (loc - 1));
    } else {
      wheelRemove(loc);
    }
  }

  /** Puts an entry whose key is in table slot {@code slot} into the wheel if its deadline is in the window. */
  private void insert(int slot, long deadline, long seq, boolean count) {
    long bn = deadline >> shift;
    long[][] bs = buckets;
    int bmask = bs.length - 1;
    if (((bn - windowStart) & ~bmask) != 0) { // outside the window (a stale window is fine when empty)
      if (wheelCount == 0 || (bn < windowStart && lastBucket() - bn < bs.length)) {
        windowStart = bn; // the window can move back if nothing in the wheel is that far ahead
      } else {
        heapInsertOutside(slot, deadline, seq, count);
        return;
      }
    }
    int b = (int) bn & bmask;
    long[] data = bs[b];
    int n = (int) data[0];
    int at = 1 + 3 * n;
    if (at + 3 > data.length) {
      data = Arrays.copyOf(data, 1 + 3 * Math.max(4, 2 * n));
      bs[b] = data;
    }
    data[at] = deadline;
    data[at + 1] = seq;
    data[at + 2] = slot;
    data[0] = n + 1L;
    if (n == 0) {
      nonEmpty[b >>> 6] |= 1L << b;
    }
    table[2 * slot + 1] = ~(((long) b << 32) | n);
    wheelCount++;
  }

  private void heapInsertOutside(int slot, long deadline, long seq, boolean count) {
    heapInsert(slot, deadline, seq);
    if (count && ++outside > Math.max(minRebuild, size >>> 2)) {
      rebuild();
    }
  }

  private void wheelRemove(long loc) {
    long w = ~loc;
    int b = (int) (w >>> 32);
    int j = (int) w;
    long[] data = buckets[b];
    int last = (int) data[0] - 1;
    data[0] = last;
    if (j != last) {
      int from = 1 + 3 * last;
      int to = 1 + 3 * j;
      data[to] = data[from];
      data[to + 1] = data[from + 1];
      int movedSlot = (int) data[from + 2];
      data[to + 2] = movedSlot;
      table[2 * movedSlot + 1] = loc;
    }
    if (last == 0) {
      nonEmpty[b >>> 6] &= ~(1L << b);
    }
    wheelCount--;
  }

  /** The bucket number of the latest non-empty bucket; the wheel must not be empty. */
  private long lastBucket() {
    int end = (int) (windowStart - 1) & wheelMask; // the window's last bucket
    int w = end >>> 6;
    long bits = nonEmpty[w] & (-1L >>> (63 - (end & 63))); // bits at or below end
    int words = nonEmpty.length;
    while (bits == 0) {
      w = w == 0 ? words - 1 : w - 1;
      bits = nonEmpty[w];
    }
    int b = (w << 6) | (63 - Long.numberOfLeadingZeros(bits));
    return windowStart + ((b - end - 1) & wheelMask);
  }

  /** The bucket number of the earliest non-empty bucket; the wheel must not be empty. */
  private long firstBucket() {
    int start = (int) windowStart & wheelMask;
    int w = start >>> 6;
    long bits = nonEmpty[w] & (-1L << start);
    int words = nonEmpty.length;
    while (bits == 0) {
      w = w + 1 == words ? 0 : w + 1;
      bits = nonEmpty[w];
    }
    int b = (w << 6) | Long.numberOfTrailingZeros(bits);
    return windowStart + ((b - start) & wheelMask);
  }

  /** Moves every entry of bucket number {@code bn} (the earliest non-empty one) into the heap. */
  private void flush(long bn) {
    int b = (int) bn & wheelMask;
    long[] data = buckets[b];
    int n = (int) data[0];
    for (int j = 0; j < n; j++) {
      int at = 1 + 3 * j;
      heapInsert((int) data[at + 2], data[at], data[at + 1]);
    }
    data[0] = 0;
    if (data.length > 1 + 3 * KEEP_BUCKET) {
      buckets[b] = NO_ENTRIES;
    }
    nonEmpty[b >>> 6] &= ~(1L << b);
    wheelCount -= n;
    windowStart = bn + 1;
  }

  /**
   * Re-chooses the bucket width so that about 7/8 of the pending deadlines fit in the window from the earliest one,
   * and redistributes every entry.
   */
  private void rebuild() {
    outside = 0;
    int n = size;
    long[] all = new long[3 * n];
    int k = 0;
    for (int i = 0; i < heapSize; i++) {
      all[k++] = order[2 * i];
      all[k++] = order[2 * i + 1];
      all[k++] = slotOf[i];
    }
    for (int b = 0; b < buckets.length; b++) {
      long[] data = buckets[b];
      int m = 3 * (int) data[0];
      System.arraycopy(data, 1, all, k, m);
      k += m;
      if (m > 0) {
        data[0] = 0;
        if (data.length > 1 + 3 * KEEP_BUCKET) {
          buckets[b] = NO_ENTRIES;
        }
      }
    }
    Arrays.fill(nonEmpty, 0);
    heapSize = 0;
    wheelCount = 0;
    int minAt = 0;
    for (int i = 1; i < n; i++) {
      if (all[3 * i] < all[3 * minAt]) {
        minAt = i;
      }
    }
    long min = all[3 * minAt];
    int[] byLength = new int[65];
    for (int i = 0; i < n; i++) {
      byLength[64 - Long.numberOfLeadingZeros(all[3 * i] - min)]++; // unsigned distance
    }
    int covered = 0;
    int length = 0;
    while (length < 64 && (covered += byLength[length]) < n - n / 8) {
      length++;
    }
    // distances < 2^length span at most 2^(wheelBits - 1) + 1 buckets of 2^shift
    shift = Math.max(MIN_SHIFT, length - (wheelBits - 1));
    windowStart = min >> shift;
    insert((int) all[3 * minAt + 2], min, all[3 * minAt + 1], false); // first, so the window starts with it
    for (int i = 0; i < n; i++) {
      if (i != minAt) {
        insert((int) all[3 * i + 2], all[3 * i], all[3 * i + 1], false);
      }
    }
  }

  // ------------------------------------------------------------------ heap

  private void place(int i, long deadline, long seq, int slot) {
    order[2 * i] = deadline;
    order[2 * i + 1] = seq;
    slotOf[i] = slot;
    table[2 * slot + 1] = i + 1L;
  }

  private void heapInsert(int slot, long deadline, long seq) {
    if (heapSize == slotOf.length) {
      int cap = (int) Math.min((long) MAX_CAPACITY, 2L * slotOf.length);
      order = Arrays.copyOf(order, 2 * cap);
      slotOf = Arrays.copyOf(slotOf, cap);
    }
    siftUp(heapSize++, deadline, seq, slot);
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
    int n = heapSize;
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

  /** Removes heap entry {@code i}; its table slot is left as it is. */
  private void heapRemove(int i) {
    int last = --heapSize;
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
    geometry(slots);
  }

  private void geometry(int slots) {
    mask = slots - 1;
    growAt = slots >>> 1;
    groupShift = 64 - (Integer.numberOfTrailingZeros(slots) - 3);
  }

  /** The home slot: a Fibonacci-hashed group of 8 slots chosen by {@code key >>> 3}, then {@code key & 7}. */
  private int home(long key) {
    int group = (int) (((key >>> 3) * FIB) >>> groupShift);
    return (group << 3) | (int) (key & 7);
  }

  /** Table slot holding the key, or -1. */
  private int find(long key) {
    long[] t = table;
    if (issuesHandles) {
      int p = (int) key;
      return p >= 0 && p < fresh && t[2 * p + 1] != 0 && t[2 * p] == key ? p : -1;
    }
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

  /** Points the heap or bucket entry at {@code loc} back to table slot {@code slot}. */
  private void relink(long loc, int slot) {
    if (loc > 0) {
      slotOf[(int) (loc - 1)] = slot;
    } else {
      long w = ~loc;
      buckets[(int) (w >>> 32)][3 + 3 * (int) w] = slot;
    }
  }

  /** Empties the slot of an entry that has left the heap and the wheel. */
  private void release(int p) {
    if (issuesHandles) {
      freeSlot(table, p, table[2 * p]);
    } else {
      tableDelete(p);
    }
  }

  /** Frees slot {@code p}, whose handle was {@code handle}, giving it the next generation. */
  private void freeSlot(long[] t, int p, long handle) {
    long next = handle + GENERATION; // generations run 1..2^31-1, then start again at 1
    t[2 * p] = next < 0 ? GENERATION | p : next;
    t[2 * p + 1] = 0;
    freeSlots[freeCount++] = p;
  }

  /** Doubles the slots of a queue that issues handles; slot numbers, and so handles, stay. */
  private void growSlab() {
    if (fresh >= MAX_CAPACITY) {
      throw new IllegalStateException(
          String.format(Locale.ROOT, "the deadline queue is full: %d entries pending (MAX_CAPACITY)", size));
    }
    int cap = (int) Math.min((long) MAX_CAPACITY, 2L * freeSlots.length);
    freeSlots = Arrays.copyOf(freeSlots, cap);
    table = Arrays.copyOf(table, 2 * cap);
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
        relink(v, i);
        i = j;
      }
    }
    t[2 * i + 1] = 0; // the key of an empty slot is never read
  }

  private void growTable() {
    if (size >= MAX_CAPACITY) { // the table has room for MAX_CAPACITY entries (2^29 slots, load <= 1/2)
      throw new IllegalStateException(
          String.format(Locale.ROOT, "the deadline queue is full: %d entries pending (MAX_CAPACITY)", size));
    }
    long[] old = table;
    newTable(table.length); // twice the slots: table.length is 2 * slots
    for (int s = 0; s < old.length; s += 2) {
      long v = old[s + 1];
      if (v != 0) {
        long key = old[s];
        int p = home(key);
        while (table[2 * p + 1] != 0) {
          p = (p + 1) & mask;
        }
        table[2 * p] = key;
        table[2 * p + 1] = v;
        relink(v, p);
      }
    }
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the sub-millisecond part is exactly what we test
  private static long ceilMillis(Instant t) {
    long ms = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "DeadlineQueue[%s, size=%d, next=%s, time=%s]",
        issuesHandles ? "issuing handles" : "keyed",
        size,
        nextDeadline(),
        time());
  }
}
