package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * The simulation kernel's future event list: a binary min-heap over one primitive array, ordered by
 * (time, insertion sequence), so that events at the same instant come out in the order they were
 * scheduled. An event is a kind ({@code 0..15}) and an {@code int} argument at a {@code long} time;
 * nothing is allocated per event.
 *
 * <p>Each entry is two {@code long}s: the time, and an <em>order word</em> that packs the insertion
 * sequence (high bits), the kind and the argument, so that comparing order words compares sequence
 * numbers. When the sequence numbers run out (after {@value #SEQUENCE_LIMIT} schedules), the
 * pending entries are renumbered in the order they were scheduled, which changes no comparison
 * between them; so the list never runs out.
 *
 * <p>Polling leaves the root's place empty, and the next event scheduled takes it and sifts down: a
 * simulation's event usually schedules one more, so this saves the usual last-entry shuffle (a heap
 * "replace"). A poll or peek that finds the place empty fills it with the last entry first.
 *
 * <p>After {@link #poll()}, {@link #time()}, {@link #kind()} and {@link #argument()} describe the
 * event just removed. Not thread-safe.
 */
public final class EventList {
  /** The largest event kind plus one. */
  public static final int KINDS = 16;

  /** Sequence numbers are below this; then pending entries are renumbered. */
  static final long SEQUENCE_LIMIT = 1L << 27;

  private static final int SEQ_SHIFT = 36;
  private static final long PAYLOAD = (1L << SEQ_SHIFT) - 1;

  /** Two longs per entry: time, order word (sequence << 36 | kind << 32 | argument). */
  private long[] heap;

  private int size;

  /**
   * Whether the root's place is empty: the event there was polled and nothing has taken its place
   * yet.
   */
  private boolean hole;

  private long nextSeq;
  private final long sequenceLimit;
  private long time;
  private long payload;

  /**
   * Creates an empty list.
   *
   * @param initialCapacity the initial capacity, {@code >= 1}; it grows as needed
   */
  public EventList(int initialCapacity) {
    this(initialCapacity, SEQUENCE_LIMIT);
  }

  /** For tests: renumbers after {@code sequenceLimit} schedules. */
  EventList(int initialCapacity, long sequenceLimit) {
    checkArgument(
        initialCapacity >= 1, "initial capacity must be >= 1 but was %s", initialCapacity);
    checkArgument(
        sequenceLimit >= 2 && sequenceLimit <= SEQUENCE_LIMIT,
        "sequence limit must be in 2..%s but was %s",
        SEQUENCE_LIMIT,
        sequenceLimit);
    heap = new long[2 * initialCapacity];
    this.sequenceLimit = sequenceLimit;
  }

  /**
   * Schedules an event.
   *
   * @param at its time
   * @param eventKind what it is (the caller's code), {@code 0..15}
   * @param argument its argument (e.g. a case or server index)
   * @throws IllegalArgumentException if the kind is out of range
   */
  public void schedule(long at, int eventKind, int argument) {
    checkArgument(
        eventKind >= 0 && eventKind < KINDS, "event kind must be in 0..15 but was %s", eventKind);
    if (nextSeq >= sequenceLimit) {
      renumber();
    }
    long word = (nextSeq++ << SEQ_SHIFT) | ((long) eventKind << 32) | (argument & 0xFFFF_FFFFL);
    long[] h = heap;
    if (hole) { // the root was polled: the new event takes its place
      hole = false;
      siftDown(h, ++size, at, word);
      return;
    }
    if (2 * size == h.length) {
      h = Arrays.copyOf(h, 2 * h.length);
      heap = h;
    }
    int i = size++;
    while (i > 0) { // sift up
      int parent = (i - 1) >>> 1;
      int pb = 2 * parent;
      long pt = h[pb];
      if (pt < at || (pt == at && h[pb + 1] < word)) {
        break;
      }
      int ib = 2 * i;
      h[ib] = pt;
      h[ib + 1] = h[pb + 1];
      i = parent;
    }
    int ib = 2 * i;
    h[ib] = at;
    h[ib + 1] = word;
  }

  /**
   * Returns whether no event is pending.
   *
   * @return whether the list is empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns the number of pending events.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the time of the next event.
   *
   * @return its time
   * @throws IllegalStateException if the list is empty
   */
  public long peekTime() {
    checkState(size > 0, "no pending event");
    if (hole) {
      fillHole();
    }
    return heap[0];
  }

  /**
   * Removes the next event; read it with {@link #time()}, {@link #kind()} and {@link #argument()}.
   *
   * @throws IllegalStateException if the list is empty
   */
  public void poll() {
    checkState(size > 0, "no pending event");
    if (hole) {
      fillHole();
    }
    long[] h = heap;
    time = h[0];
    payload = h[1] & PAYLOAD;
    size--;
    hole =
        true; // filled by the next schedule (most events schedule one) or, failing that, the next
    // poll
  }

  /** Moves the last entry into the hole at the root. */
  private void fillHole() {
    hole = false;
    if (size > 0) {
      long[] h = heap;
      siftDown(h, size, h[2 * size], h[2 * size + 1]);
    }
  }

  /**
   * Puts the entry (t, w) into the hole at the root of a heap of {@code n} entries, the root
   * included.
   */
  private static void siftDown(long[] h, int n, long t, long w) {
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int cb = 2 * c;
      if (c + 1 < n) {
        int rb = cb + 2;
        if (h[rb] < h[cb] || (h[rb] == h[cb] && h[rb + 1] < h[cb + 1])) {
          cb = rb;
          c++;
        }
      }
      long ct = h[cb];
      if (t < ct || (t == ct && w < h[cb + 1])) {
        break;
      }
      int ib = 2 * i;
      h[ib] = ct;
      h[ib + 1] = h[cb + 1];
      i = c;
    }
    int ib = 2 * i;
    h[ib] = t;
    h[ib + 1] = w;
  }

  /**
   * Gives the pending entries the sequence numbers {@code 0..size-1} in the order they were
   * scheduled; every comparison between them stays as it was, so the heap needs no repair.
   */
  private void renumber() {
    if (hole) {
      fillHole();
    }
    long[] h = heap;
    long[] seqs = new long[size];
    for (int i = 0; i < size; i++) {
      seqs[i] = h[2 * i + 1] >>> SEQ_SHIFT;
    }
    Arrays.sort(seqs);
    for (int i = 0; i < size; i++) {
      long w = h[2 * i + 1];
      long rank = Arrays.binarySearch(seqs, w >>> SEQ_SHIFT);
      h[2 * i + 1] = (rank << SEQ_SHIFT) | (w & PAYLOAD);
    }
    nextSeq = size;
    checkState(size < SEQUENCE_LIMIT, "more than %s events pending at once", SEQUENCE_LIMIT);
  }

  /**
   * Returns the time of the event last polled.
   *
   * @return its time
   */
  public long time() {
    return time;
  }

  /**
   * Returns the kind of the event last polled.
   *
   * @return its kind
   */
  public int kind() {
    return (int) (payload >>> 32);
  }

  /**
   * Returns the argument of the event last polled.
   *
   * @return its argument
   */
  public int argument() {
    return (int) payload;
  }
}
