package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The clocks of one case, by name, in the order they were added: typically the case's own clock,
 * then one per handler (the lead department, each assisting department). An immutable value; each
 * operation returns a new one.
 *
 * <p>Simultaneous warnings of several clocks come in one documented order: by the instant they were
 * reached, then by the order the clocks were added, then by each clock's level order.
 */
public final class CaseClocks {

  /**
   * The result of {@link #advance}.
   *
   * @param clocks the clocks after firing
   * @param fired the warnings fired, in order
   */
  public record Advance(CaseClocks clocks, ImmutableList<SlaClock.Warning> fired) {}

  /**
   * How one clock's deadline moved under a new calendar edition.
   *
   * @param clock the clock's name
   * @param before its deadline before (empty if undetermined)
   * @param after its deadline after (empty if undetermined)
   */
  public record DeadlineMove(String clock, Optional<Instant> before, Optional<Instant> after) {}

  /**
   * The result of {@link #withCalendar}.
   *
   * @param clocks the re-planned clocks
   * @param moves the clocks whose deadline changed, in clock order
   */
  public record Replan(CaseClocks clocks, ImmutableList<DeadlineMove> moves) {}

  private static final SlaClock[] NONE = new SlaClock[0];
  private static final CaseClocks EMPTY = new CaseClocks(NONE);
  // nextWarning's value when no clock has a pending level: a private instance, compared by identity
  private static final Instant NO_WARNING = SlaClock.NO_WARNING;

  // The clocks in the order they were added, names unique; never written after construction. An
  // array rather than a map: a case holds two or three clocks, and an engine holds many cases.
  private final SlaClock[] clocks;

  // Lazily computed nextWarningAt(): null = not computed yet, NO_WARNING = none. The value is
  // immutable, so a race only computes the same result twice; Instant is safe to publish racily
  // (final fields).
  private @Nullable Instant nextWarning;

  private CaseClocks(SlaClock[] clocks) {
    this.clocks = clocks;
  }

  /**
   * Returns a set of no clocks.
   *
   * @return the empty value
   */
  public static CaseClocks empty() {
    return EMPTY;
  }

  /**
   * Returns these clocks with one added, or replacing the clock of the same name in its place.
   *
   * @param clock the clock
   * @return the new value
   */
  public CaseClocks with(SlaClock clock) {
    // as a LinkedHashMap put: a replaced clock keeps its position, a new one goes last
    int i = indexOf(clock.name());
    SlaClock[] next;
    if (i >= 0) {
      next = clocks.clone();
    } else {
      next = Arrays.copyOf(clocks, clocks.length + 1);
      i = clocks.length;
    }
    next[i] = clock;
    return new CaseClocks(next);
  }

  /**
   * Returns these clocks without the named one (the same value if there is none of that name).
   *
   * @param name the clock's name
   * @return the new value
   */
  public CaseClocks without(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return this;
    }
    if (clocks.length == 1) {
      return EMPTY;
    }
    SlaClock[] next = new SlaClock[clocks.length - 1];
    System.arraycopy(clocks, 0, next, 0, i);
    System.arraycopy(clocks, i + 1, next, i, clocks.length - i - 1);
    return new CaseClocks(next);
  }

  /**
   * Returns these clocks without every clock whose name the predicate accepts, the others in their
   * order (the same value if none is accepted).
   *
   * @param drop which names to drop
   * @return the new value
   */
  public CaseClocks withoutAll(Predicate<String> drop) {
    int keep = 0;
    for (SlaClock k : clocks) {
      if (!drop.test(k.name())) {
        keep++;
      }
    }
    if (keep == clocks.length) {
      return this;
    }
    SlaClock[] next = new SlaClock[keep];
    int j = 0;
    for (SlaClock k : clocks) {
      if (!drop.test(k.name())) {
        next[j++] = k;
      }
    }
    return keep == 0 ? EMPTY : new CaseClocks(next);
  }

  /**
   * Returns the number of clocks.
   *
   * @return the count
   */
  public int size() {
    return clocks.length;
  }

  /**
   * Returns a clock by its place in the order the clocks were added (iteration without building
   * {@link #clocks()}).
   *
   * @param index the place, from 0 to {@link #size()} - 1
   * @return the clock
   * @throws IndexOutOfBoundsException if there is no clock at that place
   */
  public SlaClock clockAt(int index) {
    return clocks[index];
  }

  private int indexOf(String name) {
    for (int i = 0; i < clocks.length; i++) {
      if (clocks[i].name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the earliest {@link SlaClock#nextWarningAt()} of the clocks: when the case's next SLA
   * warning or breach is due, the instant to schedule in a {@link DeadlineQueue}. Computed once per
   * value.
   *
   * @return the instant, or empty if no clock has a pending level it will reach
   */
  public Optional<Instant> nextWarningAt() {
    return Optional.ofNullable(nextWarningAtOr(null));
  }

  /**
   * Returns {@link #nextWarningAt()} without an {@link Optional}: for a scheduler that asks after
   * every event of every case, where the wrapper would be most of what the call allocates.
   *
   * @param none what to return if no clock has a pending level it will reach
   * @return the instant, or {@code none}
   */
  @SuppressWarnings("ReferenceEquality") // NO_WARNING is a sentinel instance
  public @Nullable Instant nextWarningAtOr(@Nullable Instant none) {
    Instant cached = nextWarning;
    if (cached == null) {
      @Nullable Instant best = null;
      for (SlaClock k : clocks) {
        Instant w = k.nextWarningOrNone();
        if (w != NO_WARNING && (best == null || w.isBefore(best))) {
          best = w;
        }
      }
      cached = best == null ? NO_WARNING : best;
      nextWarning = cached; // a race only computes the same immutable value twice
    }
    return cached == NO_WARNING ? none : cached;
  }

  /**
   * Returns a clock by name.
   *
   * @param name the name
   * @return the clock, or empty
   */
  public Optional<SlaClock> clock(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(clocks[i]);
  }

  /**
   * Returns every clock in order (a new map each call).
   *
   * @return the clocks by name
   */
  public ImmutableMap<String, SlaClock> clocks() {
    ImmutableMap.Builder<String, SlaClock> b = ImmutableMap.builderWithExpectedSize(clocks.length);
    for (SlaClock k : clocks) {
      b.put(k.name(), k);
    }
    return b.buildOrThrow();
  }

  /**
   * Pauses every running clock (a case suspension); others are unchanged.
   *
   * @param at the instant
   * @return the new value
   */
  public CaseClocks pauseAll(Instant at) {
    return map(c -> c.state() == SlaClock.State.RUNNING ? c.pause(at) : c);
  }

  /**
   * Resumes every paused clock; others are unchanged.
   *
   * @param at the instant
   * @return the new value
   */
  public CaseClocks resumeAll(Instant at) {
    return map(c -> c.state() == SlaClock.State.PAUSED ? c.resume(at) : c);
  }

  /**
   * Advances every clock to {@code now} and returns all warnings fired, in the class comment's
   * order.
   *
   * @param now the instant
   * @return the clocks and warnings
   */
  public Advance advance(Instant now) {
    SlaClock[] m = new SlaClock[clocks.length];
    // most advances fire nothing: the list of one clock's warnings is used as it is, and a list
    // is merged only when a second clock fires too
    ImmutableList<SlaClock.Warning> only = ImmutableList.of();
    @Nullable List<SlaClock.Warning> all = null;
    for (int i = 0; i < clocks.length; i++) {
      SlaClock.Advance a = clocks[i].advance(now);
      m[i] = a.clock();
      ImmutableList<SlaClock.Warning> fired = a.fired();
      if (fired.isEmpty()) {
        continue;
      }
      if (all == null && only.isEmpty()) {
        only = fired;
        continue;
      }
      if (all == null) {
        all = new ArrayList<>(only);
      }
      all.addAll(fired);
    }
    if (all == null) {
      return new Advance(new CaseClocks(m), only); // one clock's levels are in order already
    }
    all.sort(
        Comparator.comparing(SlaClock.Warning::reachedAt)); // stable: clock order, then level order
    return new Advance(new CaseClocks(m), ImmutableList.copyOf(all));
  }

  /**
   * Re-plans every clock on a new calendar edition and reports the deadlines that moved.
   *
   * @param edition the new edition
   * @return the clocks and the moves
   */
  public Replan withCalendar(BusinessCalendar edition) {
    SlaClock[] m = new SlaClock[clocks.length];
    ImmutableList.Builder<DeadlineMove> moves = ImmutableList.builder();
    for (int i = 0; i < clocks.length; i++) {
      SlaClock c = clocks[i];
      SlaClock n = c.withCalendar(edition);
      m[i] = n;
      Optional<Instant> before = c.deadline();
      Optional<Instant> after = n.deadline();
      if (!before.equals(after)) {
        moves.add(new DeadlineMove(c.name(), before, after));
      }
    }
    return new Replan(new CaseClocks(m), moves.build());
  }

  private CaseClocks map(java.util.function.UnaryOperator<SlaClock> f) {
    SlaClock[] m = new SlaClock[clocks.length];
    for (int i = 0; i < clocks.length; i++) {
      m[i] = f.apply(clocks[i]);
    }
    return new CaseClocks(m);
  }

  /** Equal as maps from name to clock: the same clocks by name, in any order. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CaseClocks c) || c.clocks.length != clocks.length) {
      return false;
    }
    for (SlaClock k : clocks) {
      int i = c.indexOf(k.name());
      if (i < 0 || !c.clocks[i].equals(k)) {
        return false;
      }
    }
    return true;
  }

  /** The hash of the map from name to clock. */
  @Override
  public int hashCode() {
    int h = 0;
    for (SlaClock k : clocks) {
      h += k.name().hashCode() ^ k.hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return "CaseClocks" + Arrays.toString(clocks);
  }
}
