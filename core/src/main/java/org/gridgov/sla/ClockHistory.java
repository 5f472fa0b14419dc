package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.internal.SharedRun;
import org.jspecify.annotations.Nullable;

/**
 * A clock's running spans as boundaries (start, pause, resume, pause, …; an odd count while
 * running), each with the axis time of the spans closed by then, so that a clock answers for the
 * present in constant time and for the past by a binary search, however often it was paused.
 *
 * <p>The boundaries after the first are a {@link SharedRun}: successive clocks of one history share
 * one append-only array, so a pause or resume takes amortised constant time, and a case suspended
 * and resumed 50,000 times costs linear time, not quadratic. A clock never paused holds its start
 * alone, without arrays.
 */
final class ClockHistory {

  /**
   * A closed time that could not be measured: a span lies outside the calendar's coverage. It stays
   * unknown for every later boundary, and the clock then walks its spans, as it did before it kept
   * sums, so a query throws where it threw before and a pause or resume never does.
   */
  static final long UNKNOWN = Long.MIN_VALUE;

  /** The axis time between two instants of a clock (working or natural time, in nanoseconds). */
  @FunctionalInterface
  interface Axis {
    long between(Instant from, Instant to);
  }

  /**
   * A boundary after the first, with the axis time of the spans closed at or before it.
   *
   * @param at the instant
   * @param closed the closed spans' axis time
   */
  private record Boundary(Instant at, long closed) {}

  private final Instant first;
  private final @Nullable SharedRun<Boundary> rest; // null while the first boundary is alone

  private ClockHistory(Instant first, @Nullable SharedRun<Boundary> rest) {
    this.first = first;
    this.rest = rest;
  }

  /**
   * A history of the given boundaries, their closed spans measured on {@code axis}.
   *
   * @param boundaries at least one instant, in order
   */
  static ClockHistory of(List<Instant> boundaries, Axis axis) {
    Instant first = boundaries.get(0);
    if (boundaries.size() == 1) {
      return new ClockHistory(first, null); // a clock's usual history: no arrays
    }
    List<Boundary> rest = new ArrayList<>(boundaries.size() - 1);
    long closed = 0;
    for (int i = 1; i < boundaries.size(); i++) {
      if (i % 2 == 1) { // a pause or stop closes the span from the boundary before it
        closed = plusSpan(closed, axis, boundaries.get(i - 1), boundaries.get(i));
      }
      rest.add(new Boundary(boundaries.get(i), closed));
    }
    return new ClockHistory(first, SharedRun.of(rest));
  }

  /**
   * This history and one more boundary: a pause or stop (closing the running span, measured on
   * {@code axis}) or a resume.
   */
  ClockHistory append(Instant boundary, Axis axis) {
    int n = size();
    long closed = n % 2 == 1 ? plusSpan(closedNanos(), axis, last(), boundary) : closedNanos();
    Boundary b = new Boundary(boundary, closed);
    SharedRun<Boundary> r = rest;
    return new ClockHistory(first, r == null ? SharedRun.of(List.of(b)) : r.plus(b));
  }

  /** {@code closed} and the span {@code [from, to)}, or {@link #UNKNOWN} if either is unknown. */
  private static long plusSpan(long closed, Axis axis, Instant from, Instant to) {
    if (closed == UNKNOWN) {
      return UNKNOWN;
    }
    try {
      return closed + axis.between(from, to);
    } catch (OutsideCalendarException e) {
      return UNKNOWN;
    }
  }

  /** The number of boundaries. */
  int size() {
    SharedRun<Boundary> r = rest;
    return r == null ? 1 : 1 + r.size();
  }

  /** Boundary {@code i} (below {@link #size()}). */
  Instant get(int i) {
    SharedRun<Boundary> r = rest;
    return i == 0 || r == null ? first : r.get(i - 1).at();
  }

  /** The last boundary. */
  Instant last() {
    return get(size() - 1);
  }

  /** The axis time of the spans closed at or before boundary {@code i}, or {@link #UNKNOWN}. */
  long closedAt(int i) {
    SharedRun<Boundary> r = rest;
    return i == 0 || r == null ? 0 : r.get(i - 1).closed();
  }

  /** The axis time of every closed span, or {@link #UNKNOWN}. */
  long closedNanos() {
    return closedAt(size() - 1);
  }

  /**
   * The index of the first span start whose span, closed, brings the closed time to at least {@code
   * threshold}; the caller has checked that {@link #closedNanos()} is known and reaches it.
   */
  int firstClosedSpanReaching(long threshold) {
    int lo = 0; // span index: boundaries 2k (start) and 2k + 1 (end)
    int hi = size() / 2 - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (closedAt(2 * mid + 1) >= threshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return 2 * lo;
  }

  /** The boundaries as a list (built on each call: only persistence and equality ask). */
  ImmutableList<Instant> toList() {
    int n = size();
    ImmutableList.Builder<Instant> b = ImmutableList.builderWithExpectedSize(n);
    for (int i = 0; i < n; i++) {
      b.add(get(i));
    }
    return b.build();
  }

  /** Whether both hold the same boundaries. */
  boolean sameBoundaries(ClockHistory o) {
    int n = size();
    if (o.size() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!get(i).equals(o.get(i))) {
        return false;
      }
    }
    return true;
  }
}
