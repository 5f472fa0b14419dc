package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock of a case: the case's own, or a handler's (lead or assisting department). An
 * immutable value driven by instants the caller passes in; every transition returns a new clock.
 *
 * <h2>Axis and budget</h2>
 *
 * A clock measures elapsed time on its <em>axis</em>: real time for a {@link SlaLimit.Unit#NATURAL}
 * limit, the calendar's working time otherwise. Its <em>budget</em> is the limit on that axis: the
 * duration, or for a working-days limit the working time from the start to the calendar's {@link
 * BusinessCalendar#plus deadline} of the limit (computed once from the start, again on {@link
 * #withCalendar}). When that deadline is the start of a working window after a gap (5 working days
 * from Monday 09:00 is the next Monday 09:00), the budget is used up at the end of the window
 * before it (Friday 17:30); the clock then counts the budget as reached, and itself as breached, at
 * the first working instant after that (Monday 09:00), so an unpaused clock is due exactly at
 * {@link BusinessCalendar#plus}.
 *
 * <h2>Running and paused</h2>
 *
 * The clock keeps its history as running spans {@code [start or resume, pause or stop)}. Elapsed
 * time is the sum of the axis time inside the spans, so paused time never counts, whatever the
 * interleaving with weekends and holidays (a suspension from Friday to Tuesday removes exactly
 * Monday's working time, once). A pause moves the deadline: {@link #deadline()} is the instant at
 * which elapsed time reaches the budget if the clock keeps running.
 *
 * <h2>Warnings</h2>
 *
 * Each {@link WarningLevel} fires at most once per clock. {@link #advance} fires every unfired
 * level whose threshold the clock has reached by {@code now}, in threshold order (ties in
 * declaration order), each with the instant it was reached, so a time jump past several levels
 * fires them all in order. Because the reach instants are derived from the history, a pause or a
 * new calendar edition re-plans pending levels automatically: {@link #nextWarningAt()} always tells
 * the instant to schedule in a {@link DeadlineQueue}.
 *
 * <h2>Time</h2>
 *
 * Instants passed to {@link #pause}, {@link #resume}, {@link #stop}, {@link #advance} and {@link
 * #transfer} must not be before the latest one this clock has seen; an earlier one is rejected with
 * an {@link IllegalArgumentException}. A wrong call order (pausing a paused clock) is an {@link
 * IllegalStateException}.
 */
public final class SlaClock {

  /** The state of a clock. */
  public enum State {
    /** Counting. */
    RUNNING,
    /** Suspended (挂起/缓办): not counting until resumed. */
    PAUSED,
    /** Finished: never counts again. */
    STOPPED
  }

  /**
   * A warning level reached.
   *
   * @param clock the clock's name
   * @param level the level
   * @param reachedAt the instant the clock reached the level (may be before the {@code now} it was
   *     found at)
   */
  public record Warning(String clock, WarningLevel level, Instant reachedAt) {}

  /**
   * The result of {@link #advance}.
   *
   * @param clock the clock after firing
   * @param fired the levels fired, in order
   */
  public record Advance(SlaClock clock, ImmutableList<Warning> fired) {}

  private final String name;
  private final SlaLimit limit;
  private final ImmutableList<WarningLevel> levels;
  private final BusinessCalendar calendar;
  private final Instant startedAt;
  private final ClockHistory boundaries; // start, pause, resume, pause, ...; odd size = running
  private final State state;
  private final long budgetNanos;
  // A working-days deadline that lies at the start of a working window after a gap (09:00 Monday, 5
  // working days
  // later): the budget is used up at the end of the last window before it (17:30 Friday), but the
  // rule names the
  // later instant. The budget is then reached, and the clock breached, at the first working instant
  // after it.
  private final boolean budgetAtLaterEdge;
  // For a working-days limit with a positive budget: plusWorkingTime(startedAt, budget), which the
  // constructor needs
  // for budgetAtLaterEdge and which is also where a clock running since startedAt reaches its
  // budget; else null.
  private final @Nullable Instant budgetEnd;
  private final long firedMask;
  private final Instant seen;
  private final int[] order; // level indices in threshold order; shared between clocks of one plan
  private final long[]
      thresholds; // per level index; shared between clocks of one plan, never written after

  // Lazily computed nextWarningAt(): null = not computed yet, NO_WARNING = none (an instant, not an
  // Optional, which would cost an object per clock an engine holds). The clock is immutable, so a
  // race only computes the same value twice, and Instant is safe to publish racily (final fields).
  private @Nullable Instant nextWarning;

  // nextWarning's value when no level is pending: a private instance, compared by identity
  static final Instant NO_WARNING = Instant.ofEpochSecond(0, 1);

  private SlaClock(
      String name,
      SlaLimit limit,
      ImmutableList<WarningLevel> levels,
      BusinessCalendar calendar,
      Instant startedAt,
      List<Instant> boundaries,
      State state,
      long firedMask,
      Instant seen) {
    this.name = name;
    this.limit = limit;
    this.levels = levels;
    this.calendar = calendar;
    this.startedAt = startedAt;
    this.boundaries = ClockHistory.of(boundaries, axisOf(limit, calendar));
    this.state = state;
    this.firedMask = firedMask;
    this.seen = seen;
    if (limit.unit() == SlaLimit.Unit.WORKING_DAYS) {
      Instant due = calendar.plus(startedAt, limit);
      this.budgetNanos = calendar.workingNanosBetween(startedAt, due);
      this.budgetEnd =
          budgetNanos > 0
              ? calendar.plusWorkingTime(startedAt, Duration.ofNanos(budgetNanos))
              : null;
      this.budgetAtLaterEdge = budgetEnd != null && budgetEnd.isBefore(due);
    } else {
      this.budgetNanos = limit.duration().toNanos();
      this.budgetAtLaterEdge = false;
      this.budgetEnd = null;
    }
    Thresholds t = Thresholds.of(levels, budgetNanos);
    this.thresholds = t.thresholds;
    this.order = t.order;
  }

  /**
   * The thresholds of a list of levels for a budget and the level indices in threshold order: a
   * pure function of the two, memoised, because every clock a policy starts has one of a few level
   * lists and budgets (the decimal arithmetic of fraction levels and two arrays per clock were a
   * measurable part of starting a clock).
   */
  private static final class Thresholds {
    private static final int MEMO = 1 << 10; // direct-mapped; a miss only recomputes
    // Shared by all threads: a slot holds an immutable value (final fields), so a racy read sees
    // either null, an
    // older entry or a newer one, each correct for its own key.
    private static final @Nullable Thresholds[] MEMO_SLOTS = new Thresholds[MEMO];

    final ImmutableList<WarningLevel> levels;
    final long budgetNanos;
    final long[] thresholds; // per level index; never written after construction
    final int[] order;

    private Thresholds(ImmutableList<WarningLevel> levels, long budgetNanos) {
      this.levels = levels;
      this.budgetNanos = budgetNanos;
      int n = levels.size();
      long[] th = new long[n];
      for (int i = 0; i < n; i++) {
        th[i] = levels.get(i).thresholdNanos(budgetNanos);
      }
      // level indices by threshold, ties by index: a stable insertion sort (a clock has a handful
      // of levels)
      int[] ord = new int[n];
      for (int i = 0; i < n; i++) {
        int j = i;
        while (j > 0 && th[ord[j - 1]] > th[i]) {
          ord[j] = ord[j - 1];
          j--;
        }
        ord[j] = i;
      }
      this.thresholds = th;
      this.order = ord;
    }

    /**
     * The entry for the same list instance and budget, from the memo if there, otherwise computed.
     */
    @SuppressWarnings(
        "ReferenceEquality") // the memo is keyed by the list instance; an equal copy only misses
    static Thresholds of(ImmutableList<WarningLevel> levels, long budgetNanos) {
      long h =
          (System.identityHashCode(levels) * 0x9E3779B97F4A7C15L)
              ^ (budgetNanos * 0xC2B2AE3D27D4EB4FL);
      int slot = (int) (h >>> 54); // the top 10 bits
      Thresholds t = MEMO_SLOTS[slot];
      if (t != null && t.levels == levels && t.budgetNanos == budgetNanos) {
        return t;
      }
      t = new Thresholds(levels, budgetNanos);
      MEMO_SLOTS[slot] = t;
      return t;
    }
  }

  /**
   * A clock with the same plan (name, limit, levels, calendar, start) as {@code plan} and another
   * history, state, fired levels or time seen: the budget and thresholds depend only on the plan,
   * so they are shared, not recomputed (recomputing a working-days budget asks the calendar twice).
   */
  private SlaClock(
      SlaClock plan, ClockHistory boundaries, State state, long firedMask, Instant seen) {
    this.name = plan.name;
    this.limit = plan.limit;
    this.levels = plan.levels;
    this.calendar = plan.calendar;
    this.startedAt = plan.startedAt;
    this.boundaries = boundaries;
    this.state = state;
    this.firedMask = firedMask;
    this.seen = seen;
    this.budgetNanos = plan.budgetNanos;
    this.budgetAtLaterEdge = plan.budgetAtLaterEdge;
    this.budgetEnd = plan.budgetEnd;
    this.thresholds = plan.thresholds;
    this.order = plan.order;
  }

  /**
   * Starts a clock.
   *
   * @param name the clock's name, e.g. {@code case} or {@code lead:city-management}
   * @param limit its limit
   * @param levels its warning levels (at most 64), in declaration order
   * @param calendar the calendar edition it counts on
   * @param at the start instant (within the calendar's coverage for working limits)
   * @return a running clock
   * @throws IllegalArgumentException for a blank name or more than 64 levels
   * @throws OutsideCalendarException if a working limit starts outside the calendar's coverage, or
   *     a working-days deadline lies beyond it
   */
  public static SlaClock start(
      String name,
      SlaLimit limit,
      List<WarningLevel> levels,
      BusinessCalendar calendar,
      Instant at) {
    checkArgument(!name.isBlank(), "a clock needs a name");
    checkArgument(
        levels.size() <= 64, "clock %s: at most 64 warning levels but got %s", name, levels.size());
    if (limit.countsWorkingTime()) {
      calendar.requireCovered(at, "start of clock ", name);
    }
    return new SlaClock(
        name,
        limit,
        ImmutableList.copyOf(levels),
        calendar,
        at,
        ImmutableList.of(at),
        State.RUNNING,
        0,
        at);
  }

  /**
   * A clock rebuilt from its parts ({@link SlaClockForm#toClock}): the plan's budget and thresholds
   * are recomputed from the limit, levels, calendar and start, as {@link #withCalendar} does. The
   * caller has checked the parts.
   */
  static SlaClock restored(
      String name,
      SlaLimit limit,
      ImmutableList<WarningLevel> levels,
      BusinessCalendar calendar,
      Instant startedAt,
      ImmutableList<Instant> history,
      State state,
      long firedMask,
      Instant seen) {
    return new SlaClock(name, limit, levels, calendar, startedAt, history, state, firedMask, seen);
  }

  /** The fired levels as a bit mask by level index (for {@link SlaClockForm}). */
  long firedMask() {
    return firedMask;
  }

  /** The latest instant this clock has seen (for {@link SlaClockForm}). */
  Instant seen() {
    return seen;
  }

  // ------------------------------------------------------------------ accessors

  /**
   * Returns the clock's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the limit.
   *
   * @return the limit
   */
  public SlaLimit limit() {
    return limit;
  }

  /**
   * Returns the warning levels in declaration order.
   *
   * @return the levels
   */
  public ImmutableList<WarningLevel> levels() {
    return levels;
  }

  /**
   * Returns the calendar edition the clock counts on.
   *
   * @return the calendar
   */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * Returns the instant the clock's history starts (the start, or the case's creation after a
   * {@link TransferRule#FROM_CREATION} transfer).
   *
   * @return the start
   */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * Returns the state.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * Returns the budget on the clock's axis.
   *
   * @return the budget
   */
  public Duration budget() {
    return Duration.ofNanos(budgetNanos);
  }

  /**
   * Returns the running spans as boundaries: start, pause, resume, pause, ... (an odd count while
   * running).
   *
   * @return the boundaries in order
   */
  public ImmutableList<Instant> history() {
    return boundaries.toList();
  }

  /**
   * Returns whether a level (by its index in {@link #levels()}) has fired.
   *
   * @param levelIndex the index
   * @return {@code true} if fired
   */
  public boolean hasFired(int levelIndex) {
    checkArgument(
        levelIndex >= 0 && levelIndex < levels.size(), "no level %s in %s", levelIndex, levels);
    return (firedMask & (1L << levelIndex)) != 0;
  }

  // ------------------------------------------------------------------ transitions

  /**
   * Pauses a running clock (suspension).
   *
   * @param at the instant
   * @return the paused clock
   * @throws IllegalStateException if not running
   */
  public SlaClock pause(Instant at) {
    requireState(State.RUNNING, "pause");
    checkTime(at, "pause");
    return with(append(at), State.PAUSED, firedMask, at);
  }

  /**
   * Resumes a paused clock.
   *
   * @param at the instant
   * @return the running clock
   * @throws IllegalStateException if not paused
   */
  public SlaClock resume(Instant at) {
    requireState(State.PAUSED, "resume");
    checkTime(at, "resume");
    return with(append(at), State.RUNNING, firedMask, at);
  }

  /**
   * Stops the clock for good (the stage is done). A paused clock stops without counting more.
   *
   * @param at the instant
   * @return the stopped clock
   * @throws IllegalStateException if already stopped
   */
  public SlaClock stop(Instant at) {
    if (state == State.STOPPED) {
      throw new IllegalStateException(
          "clock " + name + " is already STOPPED; cannot stop it again");
    }
    checkTime(at, "stop");
    return with(state == State.RUNNING ? append(at) : boundaries, State.STOPPED, firedMask, at);
  }

  /**
   * Re-plans the clock on another calendar edition: the same history, the budget of a working-days
   * limit recomputed from the start, fired levels stay fired; pending levels and the deadline
   * follow the new edition.
   *
   * @param edition the new calendar
   * @return the re-planned clock
   */
  public SlaClock withCalendar(BusinessCalendar edition) {
    return new SlaClock(
        name, limit, levels, edition, startedAt, boundaries.toList(), state, firedMask, seen);
  }

  /**
   * Re-plans the clock with another limit (an approved extension, 延期): the same history and
   * calendar, the budget computed from the start with the new limit, fired levels stay fired;
   * pending levels and the deadline follow the new budget.
   *
   * @param newLimit the new limit
   * @return the re-planned clock
   */
  public SlaClock withLimit(SlaLimit newLimit) {
    Objects.requireNonNull(newLimit, "newLimit");
    return new SlaClock(
        name, newLimit, levels, calendar, startedAt, boundaries.toList(), state, firedMask, seen);
  }

  /**
   * Applies a transfer or return rule (see {@link TransferRule}).
   *
   * @param rule the rule
   * @param at the instant of the transfer
   * @param caseClock the case's own clock, used by {@link TransferRule#FROM_CREATION}
   * @return the clock after the transfer
   * @throws IllegalStateException if this clock is stopped, or the case clock is stopped for
   *     FROM_CREATION
   */
  public SlaClock transfer(TransferRule rule, Instant at, SlaClock caseClock) {
    if (state == State.STOPPED) {
      throw new IllegalStateException(
          "clock " + name + " is STOPPED; a transfer cannot apply to it");
    }
    checkTime(at, "transfer");
    return switch (rule) {
      case KEEP -> with(boundaries, state, firedMask, at);
      case RESTART -> start(name, limit, levels, calendar, at);
      case FROM_CREATION -> {
        if (caseClock.state == State.STOPPED) {
          throw new IllegalStateException(
              "case clock "
                  + caseClock.name
                  + " is STOPPED; cannot count "
                  + name
                  + " from creation");
        }
        ImmutableList.Builder<Instant> b = ImmutableList.builder();
        for (Instant i : caseClock.boundaries.toList()) {
          checkArgument(
              !i.isAfter(at),
              "case clock %s has history after the transfer at %s",
              caseClock.name,
              at);
          b.add(i);
        }
        yield new SlaClock(
            name, limit, levels, calendar, caseClock.startedAt, b.build(), caseClock.state, 0, at);
      }
    };
  }

  /**
   * Fires every unfired level reached by {@code now}, in order (see the class comment).
   *
   * @param now the current instant (within the calendar's coverage for a clock on working time)
   * @return the clock with those levels marked fired, and the warnings
   * @throws OutsideCalendarException if the clock counts working time and {@code now} is outside
   *     the calendar's coverage: which levels were reached by then cannot be known, so none is
   *     reported as not reached
   */
  @SuppressWarnings("ReferenceEquality") // NO_WARNING is a sentinel instance
  public Advance advance(Instant now) {
    checkTime(now, "advance");
    if (limit.countsWorkingTime() && state == State.RUNNING) {
      calendar.requireCovered(now, "advance of clock ", name);
    }
    long mask = firedMask;
    // most advances fire nothing and some one level: no builder until a second level fires
    @Nullable Warning first = null;
    ImmutableList.@Nullable Builder<Warning> more = null;
    // The first unfired level's instant is nextWarningAt(), often known already; the first level
    // left unfired is
    // the advanced clock's nextWarningAt() (same history and thresholds), so it is handed on rather
    // than recomputed.
    @Nullable Instant known = nextWarning; // null: not known; NO_WARNING: none
    @Nullable Instant next = NO_WARNING; // null: not known
    for (int i : order) {
      if ((mask & (1L << i)) != 0) {
        continue;
      }
      @Nullable Instant reached;
      if (known != null) {
        reached = known;
        known = null;
      } else {
        try {
          reached = reachingOrNone(thresholds[i]);
        } catch (OutsideCalendarException e) {
          next = null; // not known: nextWarningAt() of the advanced clock computes (and throws) as
          // before
          break; // the level lies beyond the calendar's coverage, so certainly after now (which is
          // covered)
        }
      }
      if (reached == NO_WARNING || reached.isAfter(now)) {
        next = reached;
        break;
      }
      mask |= 1L << i;
      Warning w = new Warning(name, levels.get(i), reached);
      if (first == null) {
        first = w;
      } else {
        if (more == null) {
          more = ImmutableList.<Warning>builder().add(first);
        }
        more.add(w);
      }
    }
    SlaClock advanced = with(boundaries, state, mask, now);
    advanced.nextWarning = next; // set before the clock is published
    ImmutableList<Warning> fired =
        more != null ? more.build() : first != null ? ImmutableList.of(first) : ImmutableList.of();
    return new Advance(advanced, fired);
  }

  // ------------------------------------------------------------------ queries

  /**
   * Returns the elapsed time on the clock's axis up to {@code now} (paused time excluded).
   *
   * @param now an instant not before the clock's history
   * @return the elapsed time
   */
  public Duration elapsed(Instant now) {
    return Duration.ofNanos(elapsedNanos(now));
  }

  /**
   * Returns the budget left at {@code now}; negative when overdue.
   *
   * @param now an instant
   * @return budget minus elapsed
   */
  public Duration remaining(Instant now) {
    return Duration.ofNanos(budgetNanos - elapsedNanos(now));
  }

  /**
   * Returns the deadline: the instant elapsed time reaches the budget, if it is determined (already
   * reached, or the clock is running). A paused or stopped clock that has not reached its budget
   * has no deadline.
   *
   * @return the deadline, or empty
   */
  public Optional<Instant> deadline() {
    return reaching(budgetNanos);
  }

  /**
   * Returns the deadline with its provenance: {@link #deadline()}, whether a {@linkplain
   * DayProvenance#PROVISIONAL provisional} calendar day lay between the clock's start and the
   * deadline, and the calendar edition. A clock on natural time is provisional only if both
   * instants are covered and a provisional day lies between them.
   *
   * @return the deadline and its provenance, or empty as for {@link #deadline()}
   */
  public Optional<Deadline> due() {
    Optional<Instant> d = deadline();
    if (d.isEmpty()) {
      return Optional.empty();
    }
    Instant at = d.get();
    boolean provisional =
        (limit.countsWorkingTime() || (calendar.covers(startedAt) && calendar.covers(at)))
            && calendar.isProvisionalBetween(startedAt, at);
    return Optional.of(new Deadline(at, provisional, calendar.edition()));
  }

  /**
   * Returns whether the budget was used up by {@code now}.
   *
   * @param now an instant
   * @return {@code true} if elapsed {@code >=} budget
   */
  public boolean isBreached(Instant now) {
    long elapsed = elapsedNanos(now);
    if (elapsed != budgetNanos || !budgetAtLaterEdge) {
      return elapsed >= budgetNanos;
    }
    Optional<Instant> due = reaching(budgetNanos);
    return due.isPresent() && !due.get().isAfter(now);
  }

  /**
   * Returns the instant the next unfired level will be (or was) reached, if determined: the time to
   * schedule in a {@link DeadlineQueue} after every transition.
   *
   * @return the next warning instant, or empty if none is pending or the clock is not running
   */
  @SuppressWarnings("ReferenceEquality") // NO_WARNING is a sentinel instance
  public Optional<Instant> nextWarningAt() {
    Instant next = nextWarningOrNone();
    return next == NO_WARNING ? Optional.empty() : Optional.of(next);
  }

  /**
   * {@link #nextWarningAt()} without an {@link Optional}: the instant, or {@link #NO_WARNING} if
   * none is pending (compare by identity). For {@link CaseClocks}, which asks after every event.
   */
  @SuppressWarnings("ReferenceEquality") // NO_WARNING is a sentinel instance
  Instant nextWarningOrNone() {
    Instant cached = nextWarning;
    if (cached == null) {
      cached = NO_WARNING;
      for (int i : order) {
        if ((firedMask & (1L << i)) == 0) {
          cached = reachingOrNone(thresholds[i]);
          break;
        }
      }
      nextWarning = cached; // a race only computes the same immutable value twice
    }
    return cached;
  }

  // ------------------------------------------------------------------ internals

  private long axisBetween(Instant a, Instant b) {
    if (limit.countsWorkingTime()) {
      return calendar.workingNanosBetween(a, b);
    }
    return Duration.between(a, b).toNanos();
  }

  private Instant axisPlus(Instant a, long nanos) {
    return limit.countsWorkingTime()
        ? calendar.plusWorkingTime(a, Duration.ofNanos(nanos))
        : a.plusNanos(nanos);
  }

  private long elapsedNanos(Instant now) {
    int n = boundaries.size();
    Instant last = boundaries.last();
    long closed = boundaries.closedNanos();
    if (closed != ClockHistory.UNKNOWN && !now.isBefore(last)) {
      // the present: every closed span, and the running one up to now
      return closed + (n % 2 == 1 ? axisBetween(last, now) : 0);
    }
    long acc = 0; // the past, or a span outside the calendar: walk the spans up to now
    for (int i = 0; i < n; i += 2) {
      Instant from = boundaries.get(i);
      Instant to = i + 1 < n ? boundaries.get(i + 1) : now;
      if (to.isAfter(now)) {
        to = now;
      }
      if (to.isAfter(from)) {
        acc += axisBetween(from, to);
      }
    }
    return acc;
  }

  @SuppressWarnings("ReferenceEquality") // NO_WARNING is a sentinel instance
  private Optional<Instant> reaching(long threshold) {
    Instant at = reachingOrNone(threshold);
    return at == NO_WARNING ? Optional.empty() : Optional.of(at);
  }

  /**
   * The instant elapsed time reaches {@code threshold}, or {@link #NO_WARNING} if it is not
   * determined (compare by identity): {@link #reaching} without an object for the answer.
   */
  private Instant reachingOrNone(long threshold) {
    if (threshold <= 0) {
      return boundaries.get(0);
    }
    boolean later = budgetAtLaterEdge && threshold == budgetNanos;
    // The closed spans' running sums tell where the walk starts: at the open span if they do not
    // reach the threshold, else at the first closed span that does.
    int n = boundaries.size();
    long closed = boundaries.closedNanos();
    int i;
    if (closed == ClockHistory.UNKNOWN) {
      i = 0; // a span outside the calendar: walk them all
    } else if (closed < threshold) {
      i = n - n % 2; // the running span's start, or past the end if none runs
    } else {
      i = boundaries.firstClosedSpanReaching(threshold);
    }
    long acc = i < n ? boundaries.closedAt(i) : 0;
    for (; i < boundaries.size(); i += 2) {
      Instant from = boundaries.get(i);
      if (i + 1 < boundaries.size()) {
        Instant to = boundaries.get(i + 1);
        long e = axisBetween(from, to);
        if (acc + e > threshold || (acc + e == threshold && !later)) {
          Instant reached = axisPlus(from, threshold - acc);
          // On the later edge the budget's end is the end of a window; the span runs on past it, so
          // the first
          // working instant after it lies inside the span, and that is where the deadline is.
          return later && acc + e > threshold ? calendar.nextWorkingTime(reached) : reached;
        }
        if (acc + e == threshold) {
          // Reached exactly by the end of this span; on the later edge it counts from the first
          // working instant
          // after it that lies inside a running span.
          Instant edge = calendar.nextWorkingTime(axisPlus(from, threshold - acc));
          if (edge.isBefore(to)) {
            return edge;
          }
          return laterEdgeAfter(i + 2);
        }
        acc += e;
      } else {
        Instant end = budgetEnd;
        Instant reached =
            end != null && i == 0 && threshold == budgetNanos && from.equals(startedAt)
                ? end // the same plusWorkingTime(startedAt, budget) the constructor computed
                : axisPlus(from, threshold - acc);
        return later ? calendar.nextWorkingTime(reached) : reached;
      }
    }
    return NO_WARNING;
  }

  /**
   * The first working instant inside the running spans from boundary {@code i} on, or {@link
   * #NO_WARNING} if none.
   */
  private Instant laterEdgeAfter(int i) {
    for (; i < boundaries.size(); i += 2) {
      Instant edge = calendar.nextWorkingTime(boundaries.get(i));
      if (i + 1 >= boundaries.size() || edge.isBefore(boundaries.get(i + 1))) {
        return edge;
      }
    }
    return NO_WARNING;
  }

  private ClockHistory append(Instant at) {
    return boundaries.append(at, axisOf(limit, calendar));
  }

  /** The axis of a clock with this limit on this calendar: working or natural nanoseconds. */
  private static ClockHistory.Axis axisOf(SlaLimit limit, BusinessCalendar calendar) {
    return limit.countsWorkingTime()
        ? calendar::workingNanosBetween
        : (a, b) -> Duration.between(a, b).toNanos();
  }

  private SlaClock with(ClockHistory b, State s, long mask, Instant at) {
    return new SlaClock(this, b, s, mask, at);
  }

  private void requireState(State expected, String op) {
    if (state != expected) {
      throw new IllegalStateException(
          String.format(Locale.ROOT, "clock %s is %s; %s needs it %s", name, state, op, expected));
    }
  }

  private void checkTime(Instant at, String op) {
    if (at.isBefore(seen)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "time went backwards: %s(%s) on clock %s, which has already seen %s",
              op,
              at,
              name,
              seen));
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SlaClock c
        && name.equals(c.name)
        && limit.equals(c.limit)
        && levels.equals(c.levels)
        && calendar.equals(c.calendar)
        && startedAt.equals(c.startedAt)
        && boundaries.sameBoundaries(c.boundaries)
        && state == c.state
        && firedMask == c.firedMask
        && seen.equals(c.seen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name, limit, levels, startedAt, boundaries.toList(), state, firedMask, seen);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SlaClock[%s, %s, %s, since %s, calendar %s]",
        name,
        limit,
        state,
        startedAt,
        calendar.edition());
  }
}
