package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * The simulation kernel's future event list: a binary min-heap over primitive arrays, ordered by (time, insertion
 * sequence), so that events at the same instant come out in the order they were scheduled. An event is two
 * {@code int}s (a kind and an argument) at a {@code long} time; nothing is allocated per event.
 *
 * <p>After {@link #poll()}, {@link #time()}, {@link #kind()} and {@link #argument()} describe the event just
 * removed. Not thread-safe.
 */
public final class EventList {
  private long[] times;
  private long[] seqs;
  private int[] kinds;
  private int[] args;
  private int size;
  private long nextSeq;
  private long time;
  private int kind;
  private int arg;

  /**
   * Creates an empty list.
   *
   * @param initialCapacity the initial capacity, {@code >= 1}; it grows as needed
   */
  public EventList(int initialCapacity) {
    checkArgument(initialCapacity >= 1, "initial capacity must be >= 1 but was %s", initialCapacity);
    times = new long[initialCapacity];
    seqs = new long[initialCapacity];
    kinds = new int[initialCapacity];
    args = new int[initialCapacity];
  }

  /**
   * Schedules an event.
   *
   * @param at its time
   * @param eventKind what it is (the caller's code)
   * @param argument its argument (e.g. a case or server index)
   */
  public void schedule(long at, int eventKind, int argument) {
    if (size == times.length) {
      int cap = size * 2;
      times = Arrays.copyOf(times, cap);
      seqs = Arrays.copyOf(seqs, cap);
      kinds = Arrays.copyOf(kinds, cap);
      args = Arrays.copyOf(args, cap);
    }
    long seq = nextSeq++;
    int i = size++;
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = times[parent];
      if (pt < at || (pt == at && seqs[parent] < seq)) {
        break;
      }
      times[i] = pt;
      seqs[i] = seqs[parent];
      kinds[i] = kinds[parent];
      args[i] = args[parent];
      i = parent;
    }
    times[i] = at;
    seqs[i] = seq;
    kinds[i] = eventKind;
    args[i] = argument;
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
    return times[0];
  }

  /**
   * Removes the next event; read it with {@link #time()}, {@link #kind()} and {@link #argument()}.
   *
   * @throws IllegalStateException if the list is empty
   */
  public void poll() {
    checkState(size > 0, "no pending event");
    time = times[0];
    kind = kinds[0];
    arg = args[0];
    int n = --size;
    if (n == 0) {
      return;
    }
    long lt = times[n];
    long ls = seqs[n];
    int lk = kinds[n];
    int la = args[n];
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < n && (times[r] < times[c] || (times[r] == times[c] && seqs[r] < seqs[c]))) {
        c = r;
      }
      long ct = times[c];
      if (lt < ct || (lt == ct && ls < seqs[c])) {
        break;
      }
      times[i] = ct;
      seqs[i] = seqs[c];
      kinds[i] = kinds[c];
      args[i] = args[c];
      i = c;
    }
    times[i] = lt;
    seqs[i] = ls;
    kinds[i] = lk;
    args[i] = la;
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
    return kind;
  }

  /**
   * Returns the argument of the event last polled.
   *
   * @return its argument
   */
  public int argument() {
    return arg;
  }
}
