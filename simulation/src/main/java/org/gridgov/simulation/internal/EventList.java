package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * The simulation kernel's future event list: a binary min-heap over primitive arrays, ordered by (time, insertion
 * sequence), so that events at the same instant come out in the order they were scheduled. An event is two
 * {@code int}s (a kind and an argument) at a {@code long} time, stored with its sequence number in one interleaved
 * {@code long} array; nothing is allocated per event.
 *
 * <p>After {@link #poll()}, {@link #time()}, {@link #kind()} and {@link #argument()} describe the event just
 * removed. Not thread-safe.
 */
public final class EventList {
  /** Three longs per entry, interleaved for locality: time, insertion sequence, kind (high 32 bits) | argument. */
  private long[] heap;
  private int size;
  private long nextSeq;
  private long time;
  private long payload;

  /**
   * Creates an empty list.
   *
   * @param initialCapacity the initial capacity, {@code >= 1}; it grows as needed
   */
  public EventList(int initialCapacity) {
    checkArgument(initialCapacity >= 1, "initial capacity must be >= 1 but was %s", initialCapacity);
    heap = new long[3 * initialCapacity];
  }

  /**
   * Schedules an event.
   *
   * @param at its time
   * @param eventKind what it is (the caller's code)
   * @param argument its argument (e.g. a case or server index)
   */
  public void schedule(long at, int eventKind, int argument) {
    long[] h = heap;
    if (3 * size == h.length) {
      h = Arrays.copyOf(h, 2 * h.length);
      heap = h;
    }
    long seq = nextSeq++;
    long pay = ((long) eventKind << 32) | (argument & 0xFFFF_FFFFL);
    int i = size++;
    while (i > 0) { // sift up
      int parent = (i - 1) >>> 1;
      int pb = 3 * parent;
      long pt = h[pb];
      if (pt < at || (pt == at && h[pb + 1] < seq)) {
        break;
      }
      int ib = 3 * i;
      h[ib] = pt;
      h[ib + 1] = h[pb + 1];
      h[ib + 2] = h[pb + 2];
      i = parent;
    }
    int ib = 3 * i;
    h[ib] = at;
    h[ib + 1] = seq;
    h[ib + 2] = pay;
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
    return heap[0];
  }

  /**
   * Removes the next event; read it with {@link #time()}, {@link #kind()} and {@link #argument()}.
   *
   * @throws IllegalStateException if the list is empty
   */
  public void poll() {
    checkState(size > 0, "no pending event");
    long[] h = heap;
    time = h[0];
    payload = h[2];
    int n = --size;
    if (n == 0) {
      return;
    }
    int lb = 3 * n;
    long lt = h[lb];
    long ls = h[lb + 1];
    long lp = h[lb + 2];
    int i = 0;
    int half = n >>> 1;
    while (i < half) { // sift down
      int c = 2 * i + 1;
      int cb = 3 * c;
      if (c + 1 < n) {
        int rb = cb + 3;
        if (h[rb] < h[cb] || (h[rb] == h[cb] && h[rb + 1] < h[cb + 1])) {
          c++;
          cb = rb;
        }
      }
      long ct = h[cb];
      if (lt < ct || (lt == ct && ls < h[cb + 1])) {
        break;
      }
      int ib = 3 * i;
      h[ib] = ct;
      h[ib + 1] = h[cb + 1];
      h[ib + 2] = h[cb + 2];
      i = c;
    }
    int ib = 3 * i;
    h[ib] = lt;
    h[ib + 1] = ls;
    h[ib + 2] = lp;
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
