package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A pure, deterministic timer queue for millions of pending deadlines. No clock, no threads, no
 * allocation per operation (arrays grow by doubling and never shrink).
 *
 * <h2>How it works</h2>
 *
 * A hierarchical timing wheel with exact, millisecond buckets at the bottom, in primitive arrays:
 *
 * <ul>
 *   <li>Every entry is one slot of a slab (deadline; the handle's generation or the key-table slot
 *       with the bucket the entry waits in; its previous entry), on one doubly linked list per
 *       bucket whose first and last entries the bucket records: an append touches only the old last
 *       entry, and a cancel reads its bucket from the entry. The next links live in an {@code int}
 *       array of their own: a cascade walks a coarse bucket's list through that compact array while
 *       the reads of the entries' deadlines overlap, instead of one dependent cache miss per entry
 *       through the slab.
 *   <li>The wheel has 8 levels of 256 buckets. The queue keeps a cursor time {@code cur}; an entry
 *       with deadline {@code d >= cur} lives on level {@code L} = the highest byte in which {@code
 *       d} and {@code cur} differ, in the bucket given by that byte of {@code d}. So a level-0
 *       bucket holds exactly one deadline, a level-1 bucket 256 consecutive milliseconds, a level-2
 *       bucket 65.5 s, level 3 4.7 h, level 4 49.7 days, and so on up to the whole range of {@code
 *       long}. A bit set per level finds the next non-empty bucket in a few word operations.
 *   <li>When the cursor reaches a non-empty bucket of level {@code L > 0} (the earliest one, since
 *       a lower level always holds earlier deadlines), the bucket is <em>cascaded</em>: each of its
 *       entries moves to a lower level relative to the new cursor. An entry moves at most once per
 *       level below its first one: at most 2 times for a deadline 1 min ahead, 3 times for hours, 4
 *       for weeks.
 *   <li>Each list is kept in scheduling order (schedules append; cascades take a list in order into
 *       buckets that are empty at that moment; a reschedule moves the entry to the end of a list),
 *       so a level-0 bucket delivers equal deadlines in scheduling order without comparing
 *       anything.
 *   <li>Entries scheduled before the cursor go to an exact indexed 4-ary min-heap ordered by
 *       (deadline, scheduling number); all of them are earlier than anything in the wheel, so they
 *       are delivered first. The cursor is the latest delivered deadline (at most the latest poll's
 *       time); when nothing is pending it moves to the latest poll's time, or before any poll to
 *       the first deadline scheduled. So the heap holds deadlines already due when scheduled, and
 *       before the first poll those earlier than the first one scheduled (a restore that schedules
 *       in descending order pays O(log n) each until the first poll).
 * </ul>
 *
 * Costs: {@code schedule}, {@code add}, {@code cancel} and {@code reschedule} are O(1) for
 * deadlines at or after the cursor (a few array writes), O(log h) for the h overdue entries in the
 * heap; each entry pays at most 7 cascades (each O(1)) over its life; {@link #pollDue} costs O(1)
 * per entry delivered plus O(levels) per non-empty bucket it passes. {@link #nextDeadline()} may
 * cascade (that is why it is not free, and it may move the cursor ahead of the latest poll so that
 * later schedules before it take the heap). A new queue is best told its time by a {@link #pollDue}
 * on the empty queue before a bulk schedule (a restore), so that the cursor starts there and no
 * future deadline takes the heap. Memory: 28 bytes per slot (24 in the slab, 4 for the next link;
 * slots grow by doubling and are reused), plus for keyed queues 16 bytes per key-table slot at a
 * load of at most 1/2, plus 16 KB of bucket ends; nothing per bucket per millisecond, so sparse
 * deadlines years apart cost nothing extra.
 *
 * <p>Peers: the buckets per byte and the bit set per level come from the Linux kernel's timer wheel
 * (2016 redesign: 64 buckets per level and a bitmap of pending buckets), cascading by level from
 * Kafka's hierarchical {@code TimingWheel} (whose overflow wheels re-insert a bucket's timers when
 * time reaches it) and the original Varghese–Lauck scheme; the kernel's redesign drops cascading by
 * letting timers fire late, which we cannot (deadlines are exact). The flat primitive arrays follow
 * Agrona's {@code DeadlineTimerWheel}.
 *
 * <h2>Keys or handles</h2>
 *
 * A queue made with a constructor is <em>keyed</em>: keys are the caller's {@code long}s (e.g. a
 * case id, or case id and clock number packed), found through an open-addressing table that hashes
 * keys in groups of 8 neighbours (keys that differ only in their lowest 3 bits share one strongly
 * mixed home group of 8 slots, so sequential keys such as case ids touch the same memory while
 * unrelated keys spread like a random hash). The queue never invents or recycles ids, so a stale
 * key can never cancel somebody else's timer: after a key fires or is cancelled it is simply absent
 * until the caller schedules it again. At most one entry per key is pending.
 *
 * <p>A queue made with {@link #issuingHandles()} instead <em>issues</em> its keys: {@link #add}
 * returns a new handle for each entry, and {@link #cancel}, {@link #reschedule}, {@link #contains},
 * {@link #deadlineOf} and the consumer of {@link #pollDue} take and give that handle as the key. A
 * handle is a slot number in its low 32 bits and a generation in its high bits; a slot is reused
 * after its entry fires or is cancelled, but with the next generation, so a stale handle is simply
 * not pending (it would take 2<sup>31</sup> reuses of one slot to meet the same handle again). No
 * hashing is needed: use this mode when you keep the handle anyway (as with a timer wheel's timer
 * ids), the keyed mode when your own ids should be the keys.
 *
 * <h2>Order and time</h2>
 *
 * Deadlines are epoch milliseconds, kept exactly (the wheel's coarser levels only decide where an
 * entry waits, never when it fires). {@link #pollDue} delivers every entry with {@code deadline <=
 * now} in order of deadline, then of scheduling (each {@link #schedule} and {@link #reschedule}
 * takes the next number of a counter), so simultaneous deadlines have exactly one order. The {@code
 * now} passed to {@link #pollDue} must never decrease; a smaller value is rejected with an {@link
 * IllegalArgumentException} that names both times. Scheduling a deadline that is already due is
 * allowed: the entry fires on the next poll.
 *
 * <h2>A consumer that throws</h2>
 *
 * Each due entry is removed from the queue <em>before</em> it is handed to the consumer, and the
 * queue's time has already moved to {@code now}. If the consumer throws, that entry counts as
 * delivered (it is gone, exactly once), every later due entry is still pending in its order, and
 * the exception propagates; polling again with the same {@code now} delivers the rest. The consumer
 * may schedule, reschedule and cancel on this queue while being called; an entry it schedules that
 * is already due is delivered in the same poll.
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

  /** log2 of the bits per wheel level: 8 bits, 256 buckets per level. */
  private static final int LEVEL_SHIFT = 3;

  private static final int MIN_HEAP = 16;
  private static final long GENERATION = 1L << 32;

  /** The link of a free slab slot. */
  private static final long FREE = Long.MIN_VALUE;

  private static final long LOW = 0xFFFF_FFFFL;

  // slab: entry i is slab[3i] = deadline; slab[3i + 1] = ident << 32 | bucket, where ident is the
  // handle's generation (issuing; the handle is generation << 32 | i) or the key-table slot
  // (keyed), and bucket is the wheel bucket the entry waits in (stale in the heap);
  // slab[3i + 2] = link: >= 0 in the wheel (prev + 1, 0 for none: a linear list whose next links
  // are in nexts, apart, so that a cascade walks a compact array), -1 - heap index in the heap,
  // FREE
  private long[] slab;
  private int[] freeSlots;
  private int[] nexts; // wheel entries: next entry + 1 in the bucket's list, 0 for none
  private int freeCount;
  private int fresh; // slab slots at or above fresh were never used

  // wheel: bucket (level << bits | index); ends[2b] = first entry, ends[2b + 1] = last entry, or
  // -1 for both when empty; one bit per non-empty bucket
  private final int levelShift;
  private final int bits;
  private final int bucketMask;
  private final int wordsPerLevel;
  private final int[] ends;
  private final long[] occupied;
  private long levels; // bit L set when level L has a non-empty bucket
  private long cur =
      Long.MIN_VALUE; // every wheel entry's deadline is >= cur; every heap entry's is < cur
  private long wheelNext =
      Long.MIN_VALUE; // every wheel entry's deadline is >= wheelNext (a cheap lower bound)
  private int wheelCount;

  // heap of entries before cur, in heap order: order[2i] = deadline, order[2i + 1] = scheduling
  // number
  private long[] order;
  private int[] heapEntry;
  private int heapSize;

  // keyed: open-addressing table of (key, entry + 1); 0 marks an empty slot
  private final boolean issuesHandles;
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
   * Creates an empty queue with room for {@code initialCapacity} entries before it grows.
   *
   * @param initialCapacity the initial capacity, {@code 1..MAX_CAPACITY}
   * @throws IllegalArgumentException if out of range, naming the value
   */
  public DeadlineQueue(int initialCapacity) {
    this(false, initialCapacity, LEVEL_SHIFT);
  }

  /**
   * Creates an empty queue that issues its own handles ({@link #add}) instead of taking the
   * caller's keys.
   *
   * @return a new queue that issues handles
   */
  public static DeadlineQueue issuingHandles() {
    return issuingHandles(DEFAULT_CAPACITY);
  }

  /**
   * Creates an empty queue that issues its own handles, with room for {@code initialCapacity}
   * entries before it grows.
   *
   * @param initialCapacity the initial capacity, {@code 1..MAX_CAPACITY}
   * @return a new queue that issues handles
   * @throws IllegalArgumentException if out of range, naming the value
   */
  public static DeadlineQueue issuingHandles(int initialCapacity) {
    return new DeadlineQueue(true, initialCapacity, LEVEL_SHIFT);
  }

  /**
   * For tests: a wheel of {@code 2^levelShift} bits per level (1, 2, 4 or 8 bits: 2 to 256
   * buckets), so that small wheels cascade through many levels.
   */
  DeadlineQueue(boolean issuesHandles, int initialCapacity, int levelShift) {
    checkArgument(
        initialCapacity >= 1 && initialCapacity <= MAX_CAPACITY,
        "initialCapacity must be in 1..%s but was %s",
        MAX_CAPACITY,
        initialCapacity);
    checkArgument(
        levelShift >= 0 && levelShift <= 3, "levelShift must be in 0..3 but was %s", levelShift);
    this.issuesHandles = issuesHandles;
    this.levelShift = levelShift;
    bits = 1 << levelShift;
    bucketMask = (1 << bits) - 1;
    wordsPerLevel = Math.max(1, (1 << bits) >>> 6);
    int levelCount = 64 >>> levelShift;
    ends = new int[2 * (levelCount << bits)];
    Arrays.fill(ends, -1);
    occupied = new long[levelCount * wordsPerLevel];
    slab = new long[3 * initialCapacity];
    freeSlots = new int[initialCapacity];
    nexts = new int[initialCapacity];
    int heapCap = Math.min(initialCapacity, MIN_HEAP);
    order = new long[2 * heapCap];
    heapEntry = new int[heapCap];
    if (issuesHandles) {
      table = new long[0];
    } else {
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
    int i = find(key);
    return i < 0 ? OptionalLong.empty() : OptionalLong.of(slab[3 * i]);
  }

  /**
   * Returns the earliest pending deadline. This may cascade wheel buckets (see the class comment).
   *
   * @return the earliest deadline in epoch milliseconds, or empty if nothing is pending
   */
  public OptionalLong nextDeadline() {
    return isEmpty() ? OptionalLong.empty() : OptionalLong.of(nextDeadlineOr(Long.MAX_VALUE));
  }

  /**
   * Returns the earliest pending deadline, as {@link #nextDeadline()} without an object: for a
   * caller that asks before every command whether anything is due.
   *
   * @param none what to return if nothing is pending
   * @return the earliest deadline in epoch milliseconds, or {@code none} if nothing is pending
   */
  public long nextDeadlineOr(long none) {
    if (heapSize > 0) {
      return order[0];
    }
    if (wheelCount == 0) {
      return none;
    }
    while (true) {
      int j = firstFrom(0, (int) cur & bucketMask);
      if (j >= 0) {
        return (cur & ~(long) bucketMask) | j;
      }
      int level = Long.numberOfTrailingZeros(levels);
      int b = firstFrom(level, 0);
      cur = blockStart(level, b);
      cascade(level, b);
    }
  }

  /** For tests: how many pending entries the heap holds (deadlines before the wheel's cursor). */
  int heapCount() {
    return heapSize;
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
    requireKeyed("schedule", key, deadlineMillis);
    int p = slotFor(key);
    long v = table[2 * p + 1];
    if (v != 0) {
      throw alreadyScheduled(key, slab[3 * (int) (v - 1)]);
    }
    insert(p, key, deadlineMillis);
  }

  /**
   * Makes a key pending at a deadline, whether or not it is pending now: schedules it if it is not,
   * moves it (with a new scheduling number, as {@link #reschedule}) if it is pending at another
   * deadline, and leaves it as it is, scheduling number included, if it is pending at exactly this
   * deadline. One look-up of the key, where {@link #deadlineOf} followed by {@link #schedule} or
   * {@link #reschedule} takes two.
   *
   * @param key the key, pending or not
   * @param deadlineMillis the deadline in epoch milliseconds
   * @return {@code true} if the queue changed, {@code false} if the key was already pending at this
   *     deadline
   * @throws IllegalStateException if this queue issues handles, or if {@link #MAX_CAPACITY} entries
   *     are pending
   */
  public boolean plan(long key, long deadlineMillis) {
    requireKeyed("plan", key, deadlineMillis);
    int p = slotFor(key);
    long v = table[2 * p + 1];
    if (v == 0) {
      insert(p, key, deadlineMillis);
      return true;
    }
    int i = (int) (v - 1);
    if (slab[3 * i] == deadlineMillis) {
      return false;
    }
    detach(i);
    place(i, deadlineMillis);
    return true;
  }

  private void requireKeyed(String method, long key, long deadlineMillis) {
    if (issuesHandles) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "this queue issues its own handles: add(%d) returns one; %s(key %d, ...) is for keyed queues",
              deadlineMillis,
              method,
              key));
    }
  }

  /** Adds a key that is not pending at its empty table slot {@code p}. */
  private void insert(int p, long key, long deadlineMillis) {
    int slot = p;
    if (size >= growAt) {
      growTable(); // throws when MAX_CAPACITY entries are pending
      slot = slotFor(key);
    }
    int i = newEntry();
    table[2 * slot] = key;
    table[2 * slot + 1] = i + 1L;
    slab[3 * i + 1] = (long) slot << 32;
    size++;
    place(i, deadlineMillis);
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
   * Adds an entry to a queue made by {@link #issuingHandles()} and returns its new handle, which
   * {@link #cancel}, {@link #reschedule}, {@link #contains} and {@link #deadlineOf} take and {@link
   * #pollDue} delivers as the key.
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
    int i = newEntry();
    size++;
    place(i, deadlineMillis);
    return handleOf(i);
  }

  /**
   * Adds an entry for an instant, rounded up to the next whole millisecond, to a queue that issues
   * handles.
   *
   * @param deadline the deadline
   * @return the entry's handle
   * @throws IllegalStateException if this queue is keyed
   */
  public long add(Instant deadline) {
    return add(ceilMillis(deadline));
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
    int i = find(key);
    if (i < 0) {
      throw notScheduled(key);
    }
    detach(i);
    place(i, deadlineMillis);
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
    int i = find(key);
    if (i < 0) {
      return false;
    }
    detach(i);
    release(i);
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
      int i;
      if (heapSize > 0) { // every heap entry is before every wheel entry
        if (order[0] > nowMillis) {
          break;
        }
        i = heapEntry[0];
        heapRemove(0);
      } else {
        i = dueInWheel(nowMillis);
        if (i < 0) {
          break;
        }
      }
      long key = issuesHandles ? handleOf(i) : table[2 * (int) (slab[3 * i + 1] >>> 32)];
      long deadline = slab[3 * i];
      release(i);
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

  // ------------------------------------------------------------------ placement

  /**
   * Gives entry {@code i} its deadline and scheduling number and puts it in the wheel or the heap.
   */
  private void place(int i, long deadline) {
    long seq = nextSeq++;
    slab[3 * i] = deadline;
    if (wheelCount == 0 && heapSize == 0) {
      cur =
          polled && now < deadline
              ? now
              : deadline; // nothing else is placed: the cursor may move anywhere
    }
    if (deadline >= cur) {
      append(bucketOf(deadline), i);
      wheelCount++;
      if (deadline < wheelNext) {
        wheelNext = deadline;
      }
    } else {
      heapInsert(i, deadline, seq);
    }
  }

  /** Removes pending entry {@code i} from the wheel or the heap; it stays allocated. */
  private void detach(int i) {
    long link = slab[3 * i + 2];
    if (link >= 0) {
      unlink(i, link);
      wheelCount--;
    } else {
      heapRemove((int) (-1 - link));
    }
  }

  /**
   * The bucket of a deadline at or after the cursor: the highest group of bits in which it differs.
   */
  private int bucketOf(long deadline) {
    int level = (63 - Long.numberOfLeadingZeros((deadline ^ cur) | 1)) >>> levelShift;
    int index = (int) ((deadline ^ Long.MIN_VALUE) >>> (level << levelShift)) & bucketMask;
    return (level << bits) | index;
  }

  /** Appends entry {@code i} at the end of bucket {@code b}'s list and records the bucket in it. */
  private void append(int b, int i) {
    long[] s = slab;
    int[] e = ends;
    s[3 * i + 1] = (s[3 * i + 1] & ~LOW) | b;
    int t = e[2 * b + 1];
    e[2 * b + 1] = i;
    if (t < 0) {
      e[2 * b] = i;
      s[3 * i + 2] = 0; // no prev
      nexts[i] = 0; // no next
      occupied[(b >>> bits) * wordsPerLevel + ((b & bucketMask) >>> 6)] |= 1L << (b & bucketMask);
      levels |= 1L << (b >>> bits);
      return;
    }
    s[3 * i + 2] = t + 1L; // prev t
    nexts[i] = 0; // no next
    nexts[t] = i + 1;
  }

  /** Unlinks wheel entry {@code i}, whose link is {@code link}, from its bucket's list. */
  private void unlink(int i, long link) {
    long[] s = slab;
    int[] e = ends;
    int b = (int) s[3 * i + 1];
    int next = nexts[i] - 1;
    int prev = (int) link - 1;
    if (prev < 0) {
      e[2 * b] = next;
    } else {
      nexts[prev] = next + 1;
    }
    if (next < 0) {
      e[2 * b + 1] = prev;
      if (prev < 0) {
        clearBit(b);
      }
    } else {
      s[3 * next + 2] = prev + 1L;
    }
  }

  private void clearBit(int b) {
    int level = b >>> bits;
    int w = level * wordsPerLevel + ((b & bucketMask) >>> 6);
    long word = occupied[w] & ~(1L << (b & bucketMask));
    occupied[w] = word;
    if (word == 0) {
      int from = level * wordsPerLevel;
      for (int k = from; k < from + wordsPerLevel; k++) {
        if (occupied[k] != 0) {
          return;
        }
      }
      levels &= ~(1L << level);
    }
  }

  /** The first non-empty bucket index at or after {@code from} on {@code level}, or -1. */
  private int firstFrom(int level, int from) {
    int base = level * wordsPerLevel;
    int w = from >>> 6;
    long word = occupied[base + w] & (-1L << from);
    while (word == 0) {
      if (++w == wordsPerLevel) {
        return -1;
      }
      word = occupied[base + w];
    }
    return ((w << 6) | Long.numberOfTrailingZeros(word)) & bucketMask;
  }

  /**
   * The first time of bucket {@code index} on {@code level}, whose block shares the cursor's higher
   * bits.
   */
  private long blockStart(int level, int index) {
    int low = level << levelShift; // bits below this level
    int high = low + bits;
    long u = cur ^ Long.MIN_VALUE;
    long kept = high >= 64 ? 0 : u & (-1L << high);
    return (kept | ((long) index << low)) ^ Long.MIN_VALUE;
  }

  /**
   * Takes the next due wheel entry (its bucket's head) out of the wheel, moving the cursor and
   * cascading as needed.
   *
   * @return the entry, or -1 if nothing in the wheel is due at {@code nowMillis}
   */
  private int dueInWheel(long nowMillis) {
    if (nowMillis < wheelNext) {
      return -1;
    }
    while (wheelCount > 0) {
      int j = firstFrom(0, (int) cur & bucketMask);
      if (j >= 0) {
        long t = (cur & ~(long) bucketMask) | j;
        if (t > nowMillis) {
          wheelNext = t;
          return -1;
        }
        cur = t;
        wheelCount--;
        return takeHead(j);
      }
      int level =
          Long.numberOfTrailingZeros(levels); // level 0 is empty from the cursor on, so >= 1
      int b = firstFrom(level, 0);
      long t = blockStart(level, b);
      if (t > nowMillis) {
        wheelNext = t;
        return -1;
      }
      cur = t;
      cascade(level, b);
    }
    return -1;
  }

  /** Unlinks and returns the first entry of level-0 bucket {@code b}, which is not empty. */
  private int takeHead(int b) {
    long[] s = slab;
    int[] e = ends;
    int i = e[2 * b];
    int next = nexts[i] - 1;
    e[2 * b] = next;
    if (next < 0) {
      e[2 * b + 1] = -1;
      clearBit(b);
    } else {
      s[3 * next + 2] = 0; // the new first has no prev
    }
    return i;
  }

  /**
   * Moves every entry of bucket {@code index} on {@code level} (whose block the cursor has reached)
   * lower, in list order.
   */
  private void cascade(int level, int index) {
    int b = (level << bits) | index;
    int[] e = ends;
    int i = e[2 * b];
    e[2 * b] = -1;
    e[2 * b + 1] = -1;
    clearBit(b);
    long[] s = slab;
    while (i >= 0) {
      int next = nexts[i] - 1;
      append(bucketOf(s[3 * i]), i);
      i = next;
    }
  }

  // ------------------------------------------------------------------ heap (entries before the
  // cursor)

  private void heapSet(int k, long deadline, long seq, int i) {
    order[2 * k] = deadline;
    order[2 * k + 1] = seq;
    heapEntry[k] = i;
    slab[3 * i + 2] = -1L - k;
  }

  private void heapInsert(int i, long deadline, long seq) {
    if (heapSize == heapEntry.length) {
      int cap = (int) Math.min((long) MAX_CAPACITY, 2L * heapEntry.length);
      order = Arrays.copyOf(order, 2 * cap);
      heapEntry = Arrays.copyOf(heapEntry, cap);
    }
    siftUp(heapSize++, deadline, seq, i);
  }

  private void siftUp(int k, long deadline, long seq, int i) {
    long[] o = order;
    while (k > 0) {
      int parent = (k - 1) >>> 2;
      long pd = o[2 * parent];
      if (pd < deadline || (pd == deadline && o[2 * parent + 1] < seq)) {
        break;
      }
      heapSet(k, pd, o[2 * parent + 1], heapEntry[parent]);
      k = parent;
    }
    heapSet(k, deadline, seq, i);
  }

  private void siftDown(int k, long deadline, long seq, int i) {
    long[] o = order;
    int n = heapSize;
    while (true) {
      int c = (k << 2) + 1;
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
      heapSet(k, bd, bs, heapEntry[best]);
      k = best;
    }
    heapSet(k, deadline, seq, i);
  }

  /** Removes heap position {@code k}; the entry stays allocated. */
  private void heapRemove(int k) {
    int last = --heapSize;
    if (k == last) {
      return;
    }
    long d = order[2 * last];
    long s = order[2 * last + 1];
    int i = heapEntry[last];
    int parent = (k - 1) >>> 2;
    if (k > 0 && (d < order[2 * parent] || (d == order[2 * parent] && s < order[2 * parent + 1]))) {
      siftUp(k, d, s, i);
    } else {
      siftDown(k, d, s, i);
    }
  }

  // ------------------------------------------------------------------ slab

  /** A free slab slot (its handle, if issuing, is the next one it gives out). */
  private int newEntry() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (fresh == freeSlots.length) {
      growSlab();
    }
    int i = fresh++;
    slab[3 * i + 1] = GENERATION;
    return i;
  }

  /**
   * Frees entry {@code i}, which has left the wheel and the heap, and its key (or gives its handle
   * a new generation).
   */
  private void release(int i) {
    long[] s = slab;
    if (issuesHandles) {
      long next = (s[3 * i + 1] & ~LOW) + GENERATION; // generations 1..2^31-1, then 1 again
      s[3 * i + 1] = next < 0 ? GENERATION : next;
    } else {
      tableDelete((int) (s[3 * i + 1] >>> 32));
    }
    s[3 * i + 2] = FREE;
    freeSlots[freeCount++] = i;
    size--;
  }

  /** The handle of entry {@code i} of a queue that issues handles: its generation and slot. */
  private long handleOf(int i) {
    return (slab[3 * i + 1] & ~LOW) | i;
  }

  private void growSlab() {
    if (fresh >= MAX_CAPACITY) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT, "the deadline queue is full: %d entries pending (MAX_CAPACITY)", size));
    }
    int cap = (int) Math.min((long) MAX_CAPACITY, 2L * freeSlots.length);
    freeSlots = Arrays.copyOf(freeSlots, cap);
    nexts = Arrays.copyOf(nexts, cap);
    slab = Arrays.copyOf(slab, 3 * cap);
  }

  // ------------------------------------------------------------------ key table (linear probing)

  private void geometry(int slots) {
    mask = slots - 1;
    growAt = slots >>> 1;
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

  /** The pending entry of a key (or handle), or -1. */
  private int find(long key) {
    if (issuesHandles) {
      int i = (int) key;
      return i >= 0
              && i < fresh
              && slab[3 * i + 2] != FREE
              && (slab[3 * i + 1] & ~LOW) == (key & ~LOW)
          ? i
          : -1;
    }
    long[] t = table;
    int p = home(key);
    while (true) {
      long v = t[2 * p + 1];
      if (v == 0) {
        return -1;
      }
      if (t[2 * p] == key) {
        return (int) (v - 1);
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
        int moved = 3 * (int) (v - 1) + 1;
        slab[moved] = ((long) i << 32) | (slab[moved] & LOW);
        i = j;
      }
    }
    t[2 * i + 1] = 0; // the key of an empty slot is never read
  }

  private void growTable() {
    if (size
        >= MAX_CAPACITY) { // the table has room for MAX_CAPACITY entries (2^29 slots, load <= 1/2)
      throw new IllegalStateException(
          String.format(
              Locale.ROOT, "the deadline queue is full: %d entries pending (MAX_CAPACITY)", size));
    }
    long[] old = table;
    table = new long[2 * old.length]; // twice the slots: old.length is 2 * slots
    geometry(old.length);
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
        int moved = 3 * (int) (v - 1) + 1;
        slab[moved] = ((long) p << 32) | (slab[moved] & LOW);
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
        Locale.ROOT,
        "DeadlineQueue[%s, size=%d, next=%s, time=%s]",
        issuesHandles ? "issuing handles" : "keyed",
        size,
        nextDeadline(),
        time());
  }
}
