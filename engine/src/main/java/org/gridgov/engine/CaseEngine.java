package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaPolicy;

/**
 * The case engine: {@link Command}s and the passing of time ({@link #advanceTo(Instant)}) go in,
 * {@link CaseEvent}s come out, by a {@link RoutingPolicy} and an {@link SlaPolicy} over a {@link
 * RegionTree} and a {@link BusinessCalendar}, as an {@link EngineConfig} sets them.
 *
 * <p>Deterministic (nothing reads a clock; instants are whole milliseconds and never go backwards)
 * and atomic (a call that throws leaves the engine as it was). Each case's clocks ({@link ClockId})
 * follow from its events alone, which makes {@link #restore} exact. Ended cases stay until {@link
 * #release}. A facade over package-private parts with one job each (docs/engine.md); not
 * thread-safe: the embedder serialises calls.
 */
public final class CaseEngine {

  /** The clock id of the lead handler's clock; {@link ClockId#LEAD}'s name. */
  public static final String LEAD_CLOCK = ClockId.LEAD.name();

  /** The clock id of the register stage (立案); {@link ClockId#REGISTER}'s name. */
  public static final String REGISTER_CLOCK = ClockId.REGISTER.name();

  /** The clock id of the dispatch stage (派遣); {@link ClockId#DISPATCH}'s name. */
  public static final String DISPATCH_CLOCK = ClockId.DISPATCH.name();

  /** The clock id of the check stage (核查); {@link ClockId#CHECK}'s name. */
  public static final String CHECK_CLOCK = ClockId.CHECK.name();

  /** The prefix of a summoned department's arrival clock id; {@link ClockId#SUMMON_PREFIX}. */
  public static final String SUMMON_CLOCK_PREFIX = ClockId.SUMMON_PREFIX;

  /** The stage name written into warnings of summons clocks; {@link ClockId#SUMMON_STAGE}. */
  public static final String SUMMON_STAGE = ClockId.SUMMON_STAGE;

  /** The default number of command ids remembered for idempotent retries. */
  public static final int DEFAULT_COMMAND_MEMORY = EngineConfig.DEFAULT_COMMAND_MEMORY;

  private final EngineConfig config;
  private final EngineParts parts;
  private final EngineTime time;
  private final CaseQueries queries;

  private CaseEngine(EngineConfig config, int hotCases) {
    this.config = config;
    this.parts = EngineParts.wire(config, hotCases);
    this.time = new EngineTime(parts);
    this.queries = new CaseQueries(parts.store(), parts.annex());
  }

  /**
   * Creates an empty engine.
   *
   * @param config the configuration
   * @return the engine
   */
  public static CaseEngine create(EngineConfig config) {
    return new CaseEngine(Objects.requireNonNull(config, "config"), config.hotCases());
  }

  /** An empty engine holding only {@code hotCases} recently touched cases as records (tests). */
  static CaseEngine create(EngineConfig config, int hotCases) {
    return new CaseEngine(config, hotCases);
  }

  /** The number of cases held in columns (tests, measurement). */
  int compactCaseCount() {
    return parts.store().compactCount();
  }

  /**
   * Returns a builder of an engine (the setters of {@link EngineConfig.Builder}, then {@link
   * Builder#build}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Rebuilds an engine from its event log (every event the engine returned, in order) and the facts
   * of every reported case: states, clocks and pending deadlines come out as the live engine had
   * them. The command-id memory is not part of the log and starts empty.
   *
   * @param config the same configuration as the engine that wrote the log
   * @param facts the facts of every case in the log
   * @param events the log
   * @return the restored engine
   * @throws IllegalArgumentException if a case's facts are missing or the log is not one the engine
   *     could write
   */
  public static CaseEngine restore(
      EngineConfig config, Map<CaseId, CaseFacts> facts, List<CaseEvent> events) {
    return restore(config, new EngineSnapshot(ImmutableList.of()), facts, events);
  }

  /**
   * Rebuilds an engine from a {@link #snapshot()} and the events it returned after that snapshot
   * (the tail), with the facts of every case reported in the tail: the snapshot's cases come back
   * with their states, clocks and pending deadlines, in report order, and the tail is replayed onto
   * them as {@link #restore(EngineConfig, Map, List)} replays a whole log. The result equals the
   * replay of the whole log: its time is the latest event instant (or a later adoption), and the
   * command-id memory starts empty. The configuration must hold every calendar edition adopted up
   * to the tail's end.
   *
   * @param config the same configuration as the engine that wrote the snapshot and the tail
   * @param snapshot the snapshot
   * @param facts the facts of every case reported in the tail (others are ignored)
   * @param tail the events after the snapshot, in order
   * @return the restored engine
   * @throws IllegalArgumentException if a case's facts are missing, a case appears twice in the
   *     snapshot, a snapshot case's pending deadline disagrees with its clocks, or the tail is not
   *     one the engine could write after the snapshot
   */
  public static CaseEngine restore(
      EngineConfig config,
      EngineSnapshot snapshot,
      Map<CaseId, CaseFacts> facts,
      List<CaseEvent> tail) {
    return restore(config, snapshot, facts, tail, config.hotCases());
  }

  /** As the public restore, holding only {@code hotCases} recently touched cases as records. */
  static CaseEngine restore(
      EngineConfig config,
      EngineSnapshot snapshot,
      Map<CaseId, CaseFacts> facts,
      List<CaseEvent> tail,
      int hotCases) {
    CaseEngine e = create(config, hotCases);
    e.time.restore(config.regionTree(), Objects.requireNonNull(snapshot, "snapshot"), facts, tail);
    return e;
  }

  /**
   * As {@link #restore(EngineConfig, EngineSnapshot, Map, List)} with the configuration of a
   * builder.
   *
   * @param config the same configuration as the engine that wrote the snapshot and the tail
   * @param snapshot the snapshot
   * @param facts the facts of every case reported in the tail
   * @param tail the events after the snapshot, in order
   * @return the restored engine
   */
  public static CaseEngine restore(
      Builder config, EngineSnapshot snapshot, Map<CaseId, CaseFacts> facts, List<CaseEvent> tail) {
    return restore(config.config(), snapshot, facts, tail);
  }

  /**
   * As {@link #restore(EngineConfig, Map, List)} with the configuration of a builder.
   *
   * @param config the same configuration as the engine that wrote the log
   * @param facts the facts of every case in the log
   * @param events the log
   * @return the restored engine
   */
  public static CaseEngine restore(
      Builder config, Map<CaseId, CaseFacts> facts, List<CaseEvent> events) {
    return restore(config.config(), facts, events);
  }

  /**
   * Returns the configuration.
   *
   * @return the configuration
   */
  public EngineConfig config() {
    return config;
  }

  /**
   * Executes a command and returns the events it produced.
   *
   * <p>A retry of a remembered command returns the first execution's events. Otherwise the command
   * must not be earlier than the engine's time, with no SLA deadline pending at or before it (call
   * {@link #advanceTo(Instant)} first); the actor's authorisation is checked, the events are
   * computed, validated by {@link CaseLifecycle} and committed at once.
   *
   * @param command the command
   * @return the events, in order
   * @throws CommandRefusedException if the command is refused: {@link UnknownCaseException} if the
   *     engine does not know the case or the actor may not see it (both read alike), {@link
   *     NotAuthorizedException}, {@link CommandIdReusedException}, {@link RoutingFailedException}
   * @throws IllegalArgumentException for bad facts or time going backwards
   * @throws IllegalStateException if a deadline is due first
   * @throws org.gridgov.casefile.IllegalTransitionException if the lifecycle refuses an event
   */
  public ImmutableList<CaseEvent> execute(Command command) {
    return time.execute(command);
  }

  /**
   * Moves time to {@code instant} and fires every SLA warning and breach due at or before it, with
   * the routing decisions breaches trigger.
   *
   * <p>Order: by the instant a level is reached, ties by report order; per case and instant every
   * level reached (by instant, clock, level) as {@code SlaWarning} or {@code SlaBreached}, then for
   * each breach of the {@code lead} or a {@code summon:} clock of a case with a lead one {@code
   * BREACH} routing decision and its events. New clocks may fire in the same call if due.
   *
   * @param instant the new time, a whole number of milliseconds, not before the engine's time
   * @return the events, in the order described
   * @throws IllegalArgumentException if time would go backwards or the instant has sub-millisecond
   *     digits
   * @throws RoutingFailedException if the policy threw or named an unknown handler (the engine is
   *     unchanged)
   */
  public ImmutableList<CaseEvent> advanceTo(Instant instant) {
    return time.advanceTo(instant);
  }

  /**
   * Adopts a new calendar edition, typically the official holiday schedule that replaces a
   * provisional year ({@link org.gridgov.sla.ChinaCalendar#withNotice}). From {@code at} on, new
   * clocks count on it, and so does every clock of an open case that is running or paused and has
   * not breached, keeping its worked time; each clock whose deadline moved gets one {@code
   * DeadlineRevised} event at {@code at}. History is never rewritten. Keep the editions ({@link
   * #calendarEditions()}): {@link #restore} needs them.
   *
   * @param edition the new edition, with a name the engine has not seen
   * @param at the adoption instant: after every event and command so far, whole milliseconds
   * @return the {@code DeadlineRevised} events, by case report order, then clock
   * @throws IllegalArgumentException if {@code at} is not after the engine's time, or the edition
   *     name is taken
   * @throws IllegalStateException if a deadline is due at or before {@code at} (call {@link
   *     #advanceTo} first)
   */
  public ImmutableList<CaseEvent> adoptCalendar(BusinessCalendar edition, Instant at) {
    return time.adopt(edition, at);
  }

  /**
   * Returns the calendar editions: the first, and every edition adopted since with its adoption
   * instant. Pass them to {@link EngineConfig.Setters#calendarEditions} to {@link #restore} the
   * engine.
   *
   * @return the editions
   */
  public CalendarEditions calendarEditions() {
    return parts.applier().editions();
  }

  /**
   * Drops a {@code CLOSED}, {@code EVALUATED}, {@code INVALID} or {@code MERGED} case, freeing its
   * memory; afterwards the engine does not know it (a command on it is refused as for an unknown
   * case). A release makes no event and is not part of the log. Case ids must not be reused.
   *
   * @param caseId the case
   * @return true if the case was released; false if the engine does not know it
   * @throws IllegalStateException if the case is still open (naming the case and its status)
   */
  @CanIgnoreReturnValue
  public boolean release(CaseId caseId) {
    return queries.release(caseId);
  }

  /**
   * Returns how many reports a case stands for: 1, plus one per repeat report linked to it ({@code
   * RepeatReported}, by the {@link SupervisionPolicy}'s repeat rule).
   *
   * @param caseId the case
   * @return the count, or empty if the engine does not know the case
   */
  public OptionalInt reportCount(CaseId caseId) {
    return queries.reportCount(caseId);
  }

  /**
   * Returns the latest supervision (督办) of a case, open or closed.
   *
   * @param caseId the case
   * @return the supervision, or empty if the engine does not know the case or it was never
   *     supervised
   */
  public Optional<Supervision> supervision(CaseId caseId) {
    return queries.supervision(caseId);
  }

  /**
   * Returns the engine's time: the latest instant of a command or advance, or empty before the
   * first.
   *
   * @return the time
   */
  public Optional<Instant> now() {
    return Optional.ofNullable(time.now());
  }

  /**
   * Returns the state of a case.
   *
   * @param caseId the case
   * @return its state, or empty if the engine does not know it
   */
  public Optional<CaseState> state(CaseId caseId) {
    return queries.state(caseId);
  }

  /**
   * Returns the facts of a case: what its report said, with the region a report at a point was
   * resolved to ({@link Command.ReportAt}).
   *
   * @param caseId the case
   * @return its facts, or empty if the engine does not know it
   */
  public Optional<CaseFacts> facts(CaseId caseId) {
    return queries.facts(caseId);
  }

  /**
   * Returns the SLA clocks of a case (running and paused ones; stopped clocks are dropped).
   *
   * @param caseId the case
   * @return its clocks, or empty if the engine does not know it
   */
  public Optional<CaseClocks> clocks(CaseId caseId) {
    return queries.clocks(caseId);
  }

  /**
   * Returns the instant of the earliest pending SLA warning or breach of a case.
   *
   * @param caseId the case
   * @return the instant, or empty if none is pending
   */
  public Optional<Instant> nextDeadline(CaseId caseId) {
    return queries.nextDeadline(caseId);
  }

  /**
   * Returns the number of cases the engine knows (open, closed and ended; not released ones).
   *
   * @return the count
   */
  public int caseCount() {
    return parts.store().size();
  }

  /**
   * Returns the number of open cases (not closed, evaluated, invalid or merged).
   *
   * @return the count
   */
  public int openCaseCount() {
    return parts.store().openCount();
  }

  /**
   * Returns the number of cases with a pending SLA deadline.
   *
   * @return the count
   */
  public int pendingDeadlineCount() {
    return parts.scheduler().size();
  }

  /**
   * Returns a comparable snapshot of everything that determines future output: per case (in report
   * order) the facts, state and clocks, and the pending deadlines. Two engines with equal snapshots
   * produce equal events for equal future calls (apart from retries of remembered command ids).
   *
   * @return the snapshot
   */
  public EngineSnapshot snapshot() {
    return queries.snapshot();
  }

  /**
   * Returns whether a handler id is known: a configured department, or {@code office:<code>} of a
   * region of the tree.
   *
   * @param handlerId the id
   * @return whether it is known
   */
  public boolean isKnownHandler(String handlerId) {
    return parts.handlers().isKnown(handlerId);
  }

  /**
   * Returns the handler id of a region's office: {@code office:<code>}.
   *
   * @param regionCode the region code
   * @return the handler id
   */
  public static String officeOf(long regionCode) {
    return Handler.officeId(regionCode);
  }

  /** Configures a {@link CaseEngine}; also the configuration handed to {@link #restore}. */
  public static final class Builder extends EngineConfig.Setters<Builder> {
    private Builder() {}

    /**
     * Returns the configuration set so far.
     *
     * @return the configuration
     * @throws NullPointerException naming a required part that was not set
     */
    public EngineConfig config() {
      return toConfig();
    }

    /**
     * Builds an empty engine.
     *
     * @return the engine
     * @throws NullPointerException naming a required part that was not set
     */
    public CaseEngine build() {
      return create(toConfig());
    }
  }
}
