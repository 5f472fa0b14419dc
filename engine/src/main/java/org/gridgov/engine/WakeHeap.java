package org.gridgov.engine;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The wakes one {@link SlaScheduler#fireDue} works through: a binary min-heap of (instant, case
 * ordinal), ordered by instant, then ordinal. The instants' seconds and nanoseconds sit in
 * primitive arrays beside the ordinals, so ordering a wake reads no object: at a working-day edge
 * thousands of cases fall due at once, and a heap of records would dereference a cold {@link
 * Instant} at every comparison. One heap serves one call; not thread-safe.
 */
final class WakeHeap {
  private long[] seconds;
  private int[] nanos;
  private long[] ordinals;
  private @Nullable Instant[] instants; // null past size, so that the heap holds no stale wake
  private int size;

  /** A heap with room for {@code capacity} wakes before it grows. */
  WakeHeap(int capacity) {
    int c = Math.max(1, capacity);
    seconds = new long[c];
    nanos = new int[c];
    ordinals = new long[c];
    instants = new Instant[c];
  }

  /** Whether no wake is left. */
  boolean isEmpty() {
    return size == 0;
  }

  /** Adds a wake. */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the instant is ordered by both parts
  void add(Instant at, long ordinal) {
    if (size == ordinals.length) {
      grow();
    }
    long s = at.getEpochSecond();
    int n = at.getNano();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(s, n, ordinal, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    put(i, s, n, ordinal, at);
  }

  /** The first wake's instant; the heap must not be empty. */
  Instant firstAt() {
    return Objects.requireNonNull(instants[0]);
  }

  /** The first wake's case ordinal; the heap must not be empty. */
  long firstOrdinal() {
    return ordinals[0];
  }

  /** Removes the first wake; the heap must not be empty. */
  void removeFirst() {
    int last = --size;
    long s = seconds[last];
    int n = nanos[last];
    long o = ordinals[last];
    Instant at = Objects.requireNonNull(instants[last]);
    instants[last] = null;
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last && less(right, child)) {
        child = right;
      }
      if (!before(seconds[child], nanos[child], ordinals[child], s, n, o)) {
        break;
      }
      move(child, i);
      i = child;
    }
    if (last > 0) {
      put(i, s, n, o, at);
    }
  }

  private boolean less(int a, int b) {
    return before(seconds[a], nanos[a], ordinals[a], seconds[b], nanos[b], ordinals[b]);
  }

  private boolean before(long s, int n, long o, int at) {
    return before(s, n, o, seconds[at], nanos[at], ordinals[at]);
  }

  private static boolean before(long s, int n, long o, long s2, int n2, long o2) {
    if (s != s2) {
      return s < s2;
    }
    if (n != n2) {
      return n < n2;
    }
    return o < o2;
  }

  private void move(int from, int to) {
    seconds[to] = seconds[from];
    nanos[to] = nanos[from];
    ordinals[to] = ordinals[from];
    instants[to] = instants[from];
  }

  private void put(int i, long s, int n, long o, @Nullable Instant at) {
    seconds[i] = s;
    nanos[i] = n;
    ordinals[i] = o;
    instants[i] = at;
  }

  private void grow() {
    int c = ordinals.length * 2;
    seconds = Arrays.copyOf(seconds, c);
    nanos = Arrays.copyOf(nanos, c);
    ordinals = Arrays.copyOf(ordinals, c);
    instants = Arrays.copyOf(instants, c);
  }
}
