package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private static final CaseClocks EMPTY = new CaseClocks(ImmutableMap.of());

  private final ImmutableMap<String, SlaClock> clocks;

  // Lazily computed nextWarningAt(); null = not computed yet. The value is immutable, so a race
  // only computes the
  // same result twice, and Optional and Instant are safe to publish racily (final fields).
  @SuppressWarnings("NullableOptional")
  private @Nullable Optional<Instant> nextWarning;

  private CaseClocks(ImmutableMap<String, SlaClock> clocks) {
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
    String name = clock.name();
    if (clocks.isEmpty()) {
      return new CaseClocks(ImmutableMap.of(name, clock));
    }
    // as a LinkedHashMap put: a replaced clock keeps its position, a new one goes last
    ImmutableMap.Builder<String, SlaClock> b =
        ImmutableMap.builderWithExpectedSize(clocks.size() + 1);
    boolean replaced = false;
    for (Map.Entry<String, SlaClock> e : clocks.entrySet()) {
      if (e.getKey().equals(name)) {
        b.put(name, clock);
        replaced = true;
      } else {
        b.put(e);
      }
    }
    if (!replaced) {
      b.put(name, clock);
    }
    return new CaseClocks(b.buildOrThrow());
  }

  /**
   * Returns the earliest {@link SlaClock#nextWarningAt()} of the clocks: when the case's next SLA
   * warning or breach is due, the instant to schedule in a {@link DeadlineQueue}. Computed once per
   * value.
   *
   * @return the instant, or empty if no clock has a pending level it will reach
   */
  public Optional<Instant> nextWarningAt() {
    Optional<Instant> cached = nextWarning;
    if (cached == null) {
      @Nullable Instant best = null;
      for (SlaClock k : clocks.values()) {
        Optional<Instant> w = k.nextWarningAt();
        if (w.isPresent() && (best == null || w.get().isBefore(best))) {
          best = w.get();
        }
      }
      cached = Optional.ofNullable(best);
      nextWarning = cached; // a race only computes the same immutable value twice
    }
    return cached;
  }

  /**
   * Returns a clock by name.
   *
   * @param name the name
   * @return the clock, or empty
   */
  public Optional<SlaClock> clock(String name) {
    return Optional.ofNullable(clocks.get(name));
  }

  /**
   * Returns every clock in order.
   *
   * @return the clocks by name
   */
  public ImmutableMap<String, SlaClock> clocks() {
    return clocks;
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
    ImmutableMap.Builder<String, SlaClock> m = ImmutableMap.builderWithExpectedSize(clocks.size());
    List<SlaClock.Warning> all = new ArrayList<>();
    for (SlaClock c : clocks.values()) {
      SlaClock.Advance a = c.advance(now);
      m.put(c.name(), a.clock());
      all.addAll(a.fired());
    }
    if (all.size() > 1) {
      all.sort(
          Comparator.comparing(
              SlaClock.Warning::reachedAt)); // stable: clock order, then level order
    }
    return new Advance(new CaseClocks(m.buildOrThrow()), ImmutableList.copyOf(all));
  }

  /**
   * Re-plans every clock on a new calendar edition and reports the deadlines that moved.
   *
   * @param edition the new edition
   * @return the clocks and the moves
   */
  public Replan withCalendar(BusinessCalendar edition) {
    Map<String, SlaClock> m = new LinkedHashMap<>();
    ImmutableList.Builder<DeadlineMove> moves = ImmutableList.builder();
    for (SlaClock c : clocks.values()) {
      SlaClock n = c.withCalendar(edition);
      m.put(c.name(), n);
      Optional<Instant> before = c.deadline();
      Optional<Instant> after = n.deadline();
      if (!before.equals(after)) {
        moves.add(new DeadlineMove(c.name(), before, after));
      }
    }
    return new Replan(new CaseClocks(ImmutableMap.copyOf(m)), moves.build());
  }

  private CaseClocks map(java.util.function.UnaryOperator<SlaClock> f) {
    ImmutableMap.Builder<String, SlaClock> m = ImmutableMap.builderWithExpectedSize(clocks.size());
    for (SlaClock c : clocks.values()) {
      m.put(c.name(), f.apply(c));
    }
    return new CaseClocks(m.buildOrThrow());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CaseClocks c && clocks.equals(c.clocks);
  }

  @Override
  public int hashCode() {
    return clocks.hashCode();
  }

  @Override
  public String toString() {
    return "CaseClocks" + clocks.values();
  }
}
