package org.gridgov.benchmarks.engine.legacy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.gridgov.benchmarks.engine.legacy.internal.OrdinalTable;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Role;
import org.gridgov.region.Region;
import org.gridgov.region.RegionTree;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.DeadlineQueue;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.jspecify.annotations.Nullable;

/**
 * The case engine: {@link Command}s and the passing of time ({@link #advanceTo(Instant)}) go in,
 * {@link CaseEvent}s come out, by a {@link RoutingPolicy} and an {@link SlaPolicy} over a {@link
 * RegionTree} and a {@link BusinessCalendar}.
 *
 * <p><b>Determinism.</b> Nothing reads a clock; the same commands and advances at the same instants
 * give equal events. Instants must be whole milliseconds and never go backwards.
 *
 * <p><b>Atomicity.</b> Every call computes all its events and new states first and commits them
 * only when nothing failed: an exception (a refusal, an illegal transition, a policy that throws)
 * leaves the engine as it was.
 *
 * <p><b>Clocks.</b> Per open case: {@code case} (stage {@code WHOLE_CASE}, from registration to
 * closing), {@code lead} (stage {@code HANDLE}, the current lead handler's, from dispatch or
 * escalation to resolution) and {@code summon:<department>} (the arrival limit of a summons,
 * natural time, the SLA policy's default levels; stopped by {@code Arrived}). Each clock state
 * follows from the events alone, which is what makes {@link #restore} exact.
 *
 * <p><b>Memory.</b> Closed and ended cases stay until {@link #release} drops them.
 *
 * <p>Not thread-safe: the embedder serialises calls.
 */
public final class CaseEngine {

  /** The clock id of the lead handler's clock. */
  public static final String LEAD_CLOCK = "lead";

  /**
   * The prefix of a summoned department's arrival clock id; the department's handler id follows.
   */
  public static final String SUMMON_CLOCK_PREFIX = "summon:";

  /** The stage name written into warnings of summons clocks. */
  public static final String SUMMON_STAGE = "SUMMON";

  /** The default number of command ids remembered for idempotent retries. */
  public static final int DEFAULT_COMMAND_MEMORY = 1 << 16;

  private static final Comparator<Wake> WAKE_ORDER =
      Comparator.comparing(Wake::at).thenComparingLong(Wake::ordinal);

  private final RegionTree tree;
  private final RoutingPolicy routing;
  private final SlaPolicy sla;
  // The edition new clocks count on: the one in force at the engine's time (at an event's instant
  // during restore).
  private BusinessCalendar calendar;
  private CalendarEditions editions;
  private final HandlerDirectory handlers;
  private final ClockRules clockRules;
  private final RoutingApplier router;
  private final CaseCommands caseCommands;
  private final RoutingCommands routingCommands;
  private final AuthorizationPolicy authorization;
  private final IdempotentCommands idempotency;
  private final Actor systemActor;

  // Case id -> ordinal; the current record lives in byOrdinal, so a command that changes a known
  // case updates one
  // array slot instead of re-hashing its id (the map changes only when a case is reported or
  // released).
  private final HashMap<CaseId, Long> ordinals = new HashMap<>();
  // The last id looked up (by identity) and its ordinal: consecutive calls usually name the same
  // case with the same
  // id instance, which then needs no hashing. Cleared by release.
  private @Nullable CaseId lastId;
  private long lastOrdinal;
  private final OrdinalTable<CaseRecord> byOrdinal = new OrdinalTable<>();
  private final DeadlineQueue queue;
  private final @Nullable UrbanRuralClass[] urbanByIndex; // per region index, filled on first use
  private final Tx tx = new Tx();
  private @Nullable Instant now;
  private static final int ACTOR_MEMO = 1 << 8;
  private final @Nullable Principal[] actorPrincipals = new Principal[ACTOR_MEMO];
  private final @Nullable Actor[] actors = new Actor[ACTOR_MEMO];
  private int openCount;

  private CaseEngine(Builder b) {
    this.tree = Objects.requireNonNull(b.tree, "regionTree was not set");
    this.routing = Objects.requireNonNull(b.routing, "routingPolicy was not set");
    this.sla = Objects.requireNonNull(b.sla, "slaPolicy was not set");
    this.editions = Objects.requireNonNull(b.editions, "calendar was not set");
    this.calendar = editions.latest();
    this.handlers = new HandlerDirectory(tree, ImmutableSet.copyOf(b.departments));
    this.clockRules = new ClockRules(sla);
    this.router = new RoutingApplier(routing, handlers);
    this.caseCommands = new CaseCommands(this, clockRules);
    this.routingCommands = new RoutingCommands(this, router, handlers, b.systemActor);
    this.authorization =
        b.authorization != null ? b.authorization : new JurisdictionAuthorizationPolicy(handlers);
    this.idempotency = new IdempotentCommands(b.commandMemory);
    this.systemActor = b.systemActor;
    this.queue = new DeadlineQueue(b.initialCapacity);
    this.urbanByIndex = new UrbanRuralClass[tree.size()];
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Rebuilds an engine from its event log alone: every event the engine returned, in the order it
   * returned them, and the facts of every reported case. Statuses, holders, SLA clocks (with the
   * levels already fired) and pending deadlines come out as the live engine had them; the engine's
   * time is the last event's instant. The command-id memory is not part of the log and starts
   * empty.
   *
   * @param config the same configuration as the engine that wrote the log
   * @param facts the facts of every case in the log
   * @param events the log
   * @return the restored engine
   * @throws IllegalArgumentException if a case's facts are missing or the log is not one the engine
   *     could write
   */
  public static CaseEngine restore(
      Builder config, Map<CaseId, CaseFacts> facts, List<CaseEvent> events) {
    CaseEngine e = config.build();
    Tx tx = e.new Tx();
    @Nullable Instant last = null;
    for (CaseEvent ev : events) {
      e.calendar =
          e.editions.inForceAt(ev.at()); // the edition a clock started by this event counts on
      CaseRecord rec = tx.get(ev.caseId());
      if (rec == null) {
        CaseFacts f = facts.get(ev.caseId());
        checkArgument(
            f != null, "restore: no facts for case %s (event #%s)", ev.caseId(), ev.sequence());
        rec = e.newRecord(f, e.tree.indexOf(f.locationCodes().get(0)), tx);
      } else {
        rec = e.withClocks(rec, CalendarAdoption.switchAll(rec.clocks(), e.calendar));
      }
      tx.put(e.applyEvent(rec, ev));
      if (last == null || ev.at().isAfter(last)) {
        last = ev.at();
      }
    }
    Optional<Instant> adopted = e.editions.latestAdoption();
    if (adopted.isPresent() && (last == null || adopted.get().isAfter(last))) {
      last =
          adopted
              .get(); // an adoption that revised no deadline left no event, but the engine's time
      // is past it
    }
    e.calendar = last == null ? e.editions.latest() : e.editions.inForceAt(last);
    for (int i = 0; i < tx.count; i++) {
      CaseRecord rec = tx.rec(i);
      tx.put(e.withClocks(rec, CalendarAdoption.switchAll(rec.clocks(), e.calendar)));
    }
    e.commit(tx, null);
    e.now = last;
    return e;
  }

  // ------------------------------------------------------------------ calendar editions

  /**
   * Adopts a new calendar edition, typically the official holiday schedule that replaces a
   * provisional year ({@link org.gridgov.sla.ChinaCalendar#withNotice}). From {@code at} on, new
   * clocks count on it, and so does every clock of an open case that is running or paused and has
   * not breached: its own worked time is kept, its deadline and pending warnings are re-derived
   * under the new edition. Each clock whose deadline moved gets one {@code DeadlineRevised} event
   * at {@code at}; the deadline queue moves with it. History is never rewritten: a clock that
   * breached before {@code at} stays breached, on its old edition, and warnings already recorded
   * stay. A revised deadline that now lies before {@code at} is due at once: the next {@link
   * #advanceTo} fires it.
   *
   * <p>Keep the editions ({@link #calendarEditions()}, i.e. the notices you loaded and when):
   * {@link #restore} needs them to rebuild the same clocks from the log.
   *
   * @param edition the new edition, with a name the engine has not seen
   * @param at the adoption instant: after every event and command so far (so that no event at that
   *     instant was computed on the old edition), a whole number of milliseconds
   * @return the {@code DeadlineRevised} events, by case report order, then clock
   * @throws IllegalArgumentException if {@code at} is not after the engine's time, or the edition
   *     name is taken
   * @throws IllegalStateException if a deadline is due at or before {@code at} (call {@link
   *     #advanceTo} first)
   */
  public ImmutableList<CaseEvent> adoptCalendar(BusinessCalendar edition, Instant at) {
    checkInstant(at, "adoptCalendar");
    if (now != null && !at.isAfter(now)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "adoptCalendar(%s, %s): the adoption must come after the engine's time %s",
              edition.edition(),
              at,
              now));
    }
    if (!queue.isEmpty() && queue.nextDeadline().getAsLong() <= at.toEpochMilli()) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "adoptCalendar(%s, %s): a deadline is due at %s; call advanceTo first",
              edition.edition(),
              at,
              Instant.ofEpochMilli(queue.nextDeadline().getAsLong())));
    }
    CalendarEditions next = editions.adopted(edition, at);
    CalendarEditions previous = editions;
    BusinessCalendar previousCalendar = calendar;
    editions = next;
    calendar = edition;
    Tx tx = this.tx.begin();
    try {
      for (long ordinal = 0; ordinal < byOrdinal.nextOrdinal(); ordinal++) {
        CaseRecord rec = byOrdinal.get(ordinal);
        if (rec != null && isOpen(rec.state().status()) && !rec.clocks().clocks().isEmpty()) {
          revise(tx, rec, edition, at);
        }
      }
    } catch (RuntimeException ex) {
      editions = previous;
      calendar = previousCalendar;
      throw ex;
    }
    commit(tx, at);
    return tx.events();
  }

  private void revise(Tx tx, CaseRecord rec, BusinessCalendar edition, Instant at) {
    CaseClocks switched = rec.clocks();
    ImmutableList.Builder<EventPayload> events = ImmutableList.builder();
    for (SlaClock c : rec.clocks().clocks().values()) {
      if (CalendarAdoption.follows(c)) {
        CalendarAdoption.Revision r = CalendarAdoption.revise(c, edition);
        switched = switched.with(r.clock());
        r.event().ifPresent(events::add);
      }
    }
    CaseRecord cur = withClocks(rec, switched);
    tx.put(cur);
    for (EventPayload p : events.build()) {
      cur = tx.emit(cur, at, systemActor, p);
    }
  }

  /**
   * Returns the calendar editions: the first, and every edition adopted since with its adoption
   * instant. Pass them to {@link Builder#calendarEditions} to {@link #restore} the engine.
   *
   * @return the editions
   */
  public CalendarEditions calendarEditions() {
    return editions;
  }

  /** The edition new clocks count on now. */
  BusinessCalendar calendar() {
    return calendar;
  }

  /** The latest adoption instant: events fired after an adoption are never dated before it. */
  private Instant adoptedAt() {
    return editions.latestAdoption().orElse(Instant.MIN);
  }

  @SuppressWarnings(
      "ReferenceEquality") // the same instance means nothing moved (commit re-plans on a new
  // instance)
  private CaseRecord withClocks(CaseRecord r, CaseClocks clocks) {
    return clocks == r.clocks()
        ? r
        : new CaseRecord(r.facts(), r.ordinal(), r.state(), clocks, r.urban(), r.location());
  }

  // ------------------------------------------------------------------ queries

  /**
   * Returns the engine's time: the latest instant of a command or advance, or empty before the
   * first.
   *
   * @return the time
   */
  public Optional<Instant> now() {
    return Optional.ofNullable(now);
  }

  /**
   * Returns the state of a case.
   *
   * @param caseId the case
   * @return its state, or empty if the engine does not know it
   */
  public Optional<CaseState> state(CaseId caseId) {
    CaseRecord r = record(caseId);
    return r == null ? Optional.empty() : Optional.of(r.state());
  }

  /**
   * Returns the SLA clocks of a case (running and paused ones; stopped clocks are dropped).
   *
   * @param caseId the case
   * @return its clocks, or empty if the engine does not know it
   */
  public Optional<CaseClocks> clocks(CaseId caseId) {
    CaseRecord r = record(caseId);
    return r == null ? Optional.empty() : Optional.of(r.clocks());
  }

  /**
   * Returns the instant of the earliest pending SLA warning or breach of a case.
   *
   * @param caseId the case
   * @return the instant, or empty if none is pending
   */
  public Optional<Instant> nextDeadline(CaseId caseId) {
    CaseRecord r = record(caseId);
    return r == null ? Optional.empty() : r.clocks().nextWarningAt();
  }

  /**
   * Returns the number of cases the engine knows (open, closed and ended; not released ones).
   *
   * @return the count
   */
  public int caseCount() {
    return ordinals.size();
  }

  /** The committed record of a case, or null if the engine does not know it. */
  @SuppressWarnings(
      "ReferenceEquality") // an identity memo: an equal id of another instance is looked up
  private @Nullable CaseRecord record(CaseId caseId) {
    if (caseId == lastId) {
      return byOrdinal.get(lastOrdinal);
    }
    Long ordinal = ordinals.get(caseId);
    if (ordinal == null) {
      return null;
    }
    lastId = caseId;
    lastOrdinal = ordinal;
    return byOrdinal.get(ordinal);
  }

  /**
   * Returns the number of open cases (not closed, evaluated, invalid or merged).
   *
   * @return the count
   */
  public int openCaseCount() {
    return openCount;
  }

  /**
   * Returns the number of cases with a pending SLA deadline.
   *
   * @return the count
   */
  public int pendingDeadlineCount() {
    return queue.size();
  }

  /**
   * Returns a comparable snapshot of everything that determines future output: per case (in report
   * order) the facts, state and clocks, and the pending deadlines. Two engines with equal snapshots
   * produce equal events for equal future calls (apart from retries of remembered command ids).
   *
   * @return the snapshot
   */
  public EngineSnapshot snapshot() {
    ImmutableList.Builder<EngineSnapshot.CaseSnapshot> b = ImmutableList.builder();
    byOrdinal.forEach(
        r -> {
          OptionalLong due = queue.deadlineOf(r.ordinal());
          b.add(
              new EngineSnapshot.CaseSnapshot(
                  r.facts(),
                  r.state(),
                  r.clocks(),
                  due.isPresent()
                      ? Optional.of(Instant.ofEpochMilli(due.getAsLong()))
                      : Optional.empty()));
        });
    return new EngineSnapshot(b.build());
  }

  // ------------------------------------------------------------------ eviction

  /**
   * Drops a case that the engine has finished with, freeing its memory: a {@code CLOSED}, {@code
   * EVALUATED}, {@code INVALID} or {@code MERGED} case (none of which has a running SLA clock or a
   * pending deadline).
   *
   * <p>Afterwards the engine does not know the case: {@link #state}, {@link #clocks} and {@link
   * #nextDeadline} are empty, {@link #caseCount()} no longer counts it, {@link #snapshot()} leaves
   * it out, and a command on it ({@code Evaluate}, {@code Reopen}, a {@code Merge} into it, …) is
   * refused as for an unknown case. To evaluate or reopen a released case, {@link #restore} an
   * engine from a log that contains it. What stays after a release: the remembered command ids of
   * its commands (a retry of one returns the same events until the id ages out of the {@code
   * commandMemory}; set it to 0 to keep none) and one directory slot per 4,096 reported cases. A
   * release makes no event and is not part of the log: a {@link #restore} of a log that contains
   * released cases simply has them again (release them again after the restore if wanted). Case ids
   * must not be reused: the engine cannot tell that a released id was used before, and a second
   * {@code Report} of it would make a log that {@link #restore} refuses.
   *
   * @param caseId the case
   * @return true if the case was released; false if the engine does not know it (never reported, or
   *     released)
   * @throws IllegalStateException if the case is still open (naming the case and its status)
   */
  @CanIgnoreReturnValue
  public boolean release(CaseId caseId) {
    Objects.requireNonNull(caseId, "caseId");
    CaseRecord r = record(caseId);
    if (r == null) {
      return false;
    }
    CaseStatus status = r.state().status();
    if (!isReleasable(status)) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "case %s is %s (%s) and still open; only a CLOSED, EVALUATED, INVALID or MERGED case can be released",
              caseId,
              status,
              status.chineseName()));
    }
    ordinals.remove(caseId);
    lastId = null;
    byOrdinal.remove(r.ordinal());
    var unused =
        queue.cancel(r.ordinal()); // an ended case has no clocks; this only guards the invariant
    return true;
  }

  // ------------------------------------------------------------------ time

  /**
   * Moves time to {@code instant} and fires every SLA warning and breach due at or before it, with
   * the routing decisions breaches trigger.
   *
   * <p>Order: due work is processed by the instant a level is reached, ties by the order the cases
   * were reported. For one case at one instant: every level reached on any of its clocks (ordered
   * by instant, then clock, then level), each as {@code SlaWarning} or {@code SlaBreached} (a level
   * at exactly the deadline); then, for each breach of the {@code lead} clock or a {@code summon:}
   * clock of a case that has a lead, one {@code BREACH} decision of the routing policy and its
   * events at the same instant. New clocks (an escalation restarts the lead clock) may fire in the
   * same call if due.
   *
   * @param instant the new time, a whole number of milliseconds, not before the engine's time
   * @return the events, in the order described
   * @throws IllegalArgumentException if time would go backwards or the instant has sub-millisecond
   *     digits
   * @throws RoutingFailedException if the policy threw or named an unknown handler (the engine is
   *     unchanged)
   */
  public ImmutableList<CaseEvent> advanceTo(Instant instant) {
    checkInstant(instant, "advanceTo");
    if (now != null && instant.isBefore(now)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "time goes backwards: advanceTo(%s) is before the engine's time %s",
              instant,
              now));
    }
    long ms = instant.toEpochMilli();
    if (queue.isEmpty() || queue.nextDeadline().getAsLong() > ms) {
      // nothing is due: only time moves (the common case between commands); no allocation
      now = instant;
      return ImmutableList.of();
    }
    long pollAt = Math.max(ms, queue.time().orElse(Long.MIN_VALUE));
    List<long[]> polled = new ArrayList<>();
    var unused = queue.pollDue(pollAt, (key, deadline) -> polled.add(new long[] {key, deadline}));
    Tx tx = this.tx.begin();
    try {
      TreeSet<Wake> work = new TreeSet<>(WAKE_ORDER);
      for (long[] p : polled) {
        CaseRecord rec = Objects.requireNonNull(tx.get(p[0]));
        tx.touch(rec.ordinal());
        Optional<Instant> w = rec.clocks().nextWarningAt();
        if (w.isPresent() && !w.get().isAfter(instant)) {
          work.add(new Wake(w.get(), rec.ordinal()));
        }
      }
      while (!work.isEmpty()) {
        Wake wake = work.pollFirst();
        CaseRecord rec = Objects.requireNonNull(tx.get(wake.ordinal()));
        fire(tx, rec, wake.at());
        CaseRecord after = Objects.requireNonNull(tx.get(rec.ordinal()));
        Optional<Instant> w = after.clocks().nextWarningAt();
        // A clock advanced to wake.at() has nothing pending at or before it, so this terminates.
        if (w.isPresent() && !w.get().isAfter(instant) && w.get().isAfter(wake.at())) {
          work.add(new Wake(w.get(), wake.ordinal()));
        }
      }
    } catch (RuntimeException e) {
      for (long[] p : polled) {
        if (!queue.contains(p[0])) {
          queue.schedule(p[0], p[1]);
        }
      }
      throw e;
    }
    commit(tx, instant);
    return tx.events();
  }

  private void fire(Tx tx, CaseRecord rec, Instant at) {
    CaseClocks.Advance adv = rec.clocks().advance(at);
    CaseRecord cur = rec;
    List<String> breached = new ArrayList<>();
    for (SlaClock.Warning w : adv.fired()) {
      SlaClock clock = rec.clocks().clock(w.clock()).orElseThrow();
      int index = clock.levels().indexOf(w.level());
      SlaStage stage = SlaStage.valueOf(ClockRules.stageOf(w.clock()));
      Instant when =
          max(max(w.reachedAt(), cur.state().lastEventAt().orElse(w.reachedAt())), adoptedAt());
      EventPayload p;
      if (ClockRules.isBreach(w.level())) {
        p = new EventPayload.SlaBreached(w.clock(), stage);
        breached.add(w.clock());
      } else {
        p = new EventPayload.SlaWarning(w.clock(), stage, index + 1);
      }
      cur = tx.emit(cur, when, systemActor, p);
    }
    Instant decisionAt = cur.state().lastEventAt().orElse(at);
    for (String clockId : breached) {
      CaseState s = cur.state();
      boolean handlerClock = clockId.equals(LEAD_CLOCK) || clockId.startsWith(SUMMON_CLOCK_PREFIX);
      if (!handlerClock || s.lead().isEmpty() || !isRoutable(s.status())) {
        continue;
      }
      RoutingRequest req = router.request(cur, DecisionPoint.BREACH, decisionAt);
      RoutingDecision d = router.decide(cur, req);
      cur =
          router.apply(
              tx,
              cur,
              d,
              new RoutingApplier.Context(
                  decisionAt, EscalationCause.BREACH, systemActor, false, systemActor.id()));
    }
  }

  // ------------------------------------------------------------------ commands

  /**
   * Executes a command and returns the events it produced.
   *
   * <p>A command whose id was seen before returns the events of the first execution and changes
   * nothing (the same id with a different command is refused as {@link CommandIdReusedException}).
   * Otherwise the command must not be earlier than the engine's time, and no SLA deadline may be
   * pending at or before its instant (call {@link #advanceTo(Instant)} first: the passing of time
   * is not part of a command). Then the actor's authorisation is checked, the events are computed
   * and validated by {@link CaseLifecycle}, and everything is committed at once.
   *
   * @param command the command
   * @return the events, in order
   * @throws UnknownCaseException if the engine does not know the case, or the actor may not see it
   *     (both read alike)
   * @throws NotAuthorizedException if the actor may not issue it on that case
   * @throws CommandIdReusedException if the command id was used for a different command
   * @throws IllegalArgumentException for an unknown case or handler, bad facts, time going
   *     backwards
   * @throws IllegalStateException if a deadline is due first
   * @throws org.gridgov.casefile.IllegalTransitionException if the lifecycle refuses an event
   * @throws RoutingFailedException if the routing policy threw, rejected or named an unknown
   *     handler
   */
  public ImmutableList<CaseEvent> execute(Command command) {
    return idempotency.execute(command, this::executeOnce);
  }

  private ImmutableList<CaseEvent> executeOnce(Command command) {
    Instant at = command.at();
    if (subMillisNanos(at) != 0) {
      checkInstant(at, "command " + command.commandId());
    }
    if (now != null && at.isBefore(now)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "time goes backwards: command %s (%s case %s) at %s is before the engine's time %s",
              command.commandId(),
              command.action().name(),
              command.caseId(),
              at,
              now));
    }
    if (!queue.isEmpty() && queue.nextDeadline().getAsLong() <= at.toEpochMilli()) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "command %s at %s: an SLA deadline is due at %s, not after it; call advanceTo(%s) first",
              command.commandId(),
              at,
              Instant.ofEpochMilli(queue.nextDeadline().getAsLong()),
              at));
    }
    Optional<String> principalRefusal = authorization.principalRefusal(command.actor());
    if (principalRefusal.isPresent()) {
      throw new NotAuthorizedException(
          command.actor(), command.caseId(), command.action().name(), principalRefusal.get());
    }
    Tx tx = this.tx.begin();
    run(tx, command);
    commit(tx, at);
    return tx.events();
  }

  /**
   * The principal's actor (an equal value each time), from a small direct-mapped memo: commands
   * come from a few recurring principals.
   */
  private Actor actorOf(Principal p) {
    int slot = p.id().hashCode() & (ACTOR_MEMO - 1);
    Principal known = actorPrincipals[slot];
    Actor a = actors[slot];
    if (a != null && p.equals(known)) {
      return a;
    }
    a = p.actor();
    actorPrincipals[slot] = p;
    actors[slot] = a;
    return a;
  }

  /** Routes a command to its family's handler, after the visibility and authorisation checks. */
  private void run(Tx tx, Command c) {
    Command.Action a = c.action();
    if (a instanceof Command.Report r) {
      report(tx, c, r.facts());
      return;
    }
    CaseRecord rec = visible(tx, c, c.caseId());
    authorize(c, rec);
    Actor actor = actorOf(c.actor());
    if (RoutingCommands.handles(a)) {
      routingCommands.handle(tx, c, rec, actor);
    } else {
      caseCommands.handle(tx, c, rec, actor);
    }
  }

  private void report(Tx tx, Command c, CaseFacts facts) {
    CaseId id = c.caseId();
    if (!facts.id().equals(id)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "command %s reports case %s with the facts of %s",
              c.commandId(),
              id,
              facts.id()));
    }
    if (tx.get(id) != null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "case %s already exists (command %s)", id, c.commandId()));
    }
    int first = -1;
    for (int i = 0; i < facts.locationCodes().length(); i++) {
      long code = facts.locationCodes().get(i);
      int index = tree.indexOf(code);
      if (i == 0) {
        first = index;
      }
      if (index < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "case %s: location code %s is not a region of the tree (edition %s) (command %s)",
                id,
                code,
                tree.edition(),
                c.commandId()));
      }
    }
    CaseRecord rec = newRecord(facts, first, tx);
    authorize(c, rec);
    tx.emit(rec, c.at(), actorOf(c.actor()), new EventPayload.Reported());
  }

  // ------------------------------------------------------------------ routing

  /**
   * Returns whether a handler id is known: a configured department, or {@code office:<code>} of a
   * region of the tree.
   *
   * @param handlerId the id
   * @return whether it is known
   */
  public boolean isKnownHandler(String handlerId) {
    return handlers.isKnown(handlerId);
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

  // ------------------------------------------------------------------ authorisation

  /**
   * The case a command names, if the engine knows it and the actor may see it; else refused as
   * unknown.
   */
  CaseRecord visible(Tx tx, Command c, CaseId caseId) {
    CaseRecord rec = tx.get(caseId);
    if (rec == null || !authorization.sees(c.actor(), rec.facts(), rec.state())) {
      throw new UnknownCaseException(c.actor(), caseId, c.commandId(), c.action().name());
    }
    return rec;
  }

  /** Refuses the command if the authorisation policy does. */
  private void authorize(Command c, CaseRecord rec) {
    Optional<String> rule = authorization.refusal(c, rec.facts(), rec.state());
    if (rule.isPresent()) {
      throw new NotAuthorizedException(c.actor(), rec.facts().id(), c.action().name(), rule.get());
    }
  }

  // ------------------------------------------------------------------ event application (live and
  // restore)

  /** Applies one event: the lifecycle validates it, and the clocks follow from it alone. */
  CaseRecord applyEvent(CaseRecord rec, CaseEvent ev) {
    return applyEvent(rec, ev, null);
  }

  /**
   * As {@link #applyEvent(CaseRecord, CaseEvent)}; {@code started} is the whole-case clock the
   * caller already started for a {@code Registered} or {@code Reopened} event at the event's
   * instant (the same clock the event alone gives, passed in so that it is not computed twice).
   */
  CaseRecord applyEvent(CaseRecord rec, CaseEvent ev, @Nullable SlaClock started) {
    CaseState s = CaseLifecycle.apply(rec.state(), ev);
    CaseClocks c = clockRules.next(rec, ev, started, calendar);
    return new CaseRecord(rec.facts(), rec.ordinal(), s, c, rec.urban(), rec.location());
  }

  static boolean isRoutable(CaseStatus s) {
    return s == CaseStatus.REGISTERED || s == CaseStatus.DISPATCHED || s == CaseStatus.HANDLING;
  }

  private static boolean isReleasable(CaseStatus s) {
    return s == CaseStatus.CLOSED || s == CaseStatus.EVALUATED || s.isTerminal();
  }

  static boolean isOpen(CaseStatus s) {
    return switch (s) {
      case CLOSED, EVALUATED, INVALID, MERGED, NEW -> false;
      default -> true;
    };
  }

  void requireStatus(CaseRecord rec, Command c, CaseStatus status) {
    if (rec.state().status() != status) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "case %s is %s; %s needs %s (command %s)",
              rec.facts().id(),
              rec.state().status(),
              c.action().name(),
              status,
              c.commandId()));
    }
  }

  private static void checkInstant(Instant t, String what) {
    Objects.requireNonNull(t, what);
    checkArgument(
        subMillisNanos(t) == 0,
        "%s: instant %s has sub-millisecond digits; use whole milliseconds",
        what,
        t);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * A new case's record; {@code location} is the tree index of its first location code (-1 if
   * none).
   */
  private CaseRecord newRecord(CaseFacts facts, int location, Tx tx) {
    return new CaseRecord(
        facts,
        byOrdinal.nextOrdinal() + tx.added,
        CaseLifecycle.initial(facts.id()),
        CaseClocks.empty(),
        urbanOf(facts, location),
        location);
  }

  private UrbanRuralClass urbanOf(CaseFacts facts, int loc) {
    if (loc >= 0) {
      UrbanRuralClass cached = urbanByIndex[loc];
      if (cached != null) {
        return cached;
      }
      UrbanRuralClass u = urbanOfRegion(facts);
      urbanByIndex[loc] = u;
      return u;
    }
    return urbanOfRegion(facts);
  }

  private UrbanRuralClass urbanOfRegion(CaseFacts facts) {
    Optional<Region> r = tree.find(facts.locationCodes().get(0));
    while (r.isPresent()) {
      if (r.get().urbanRural().isPresent()) {
        return r.get().urbanRural().get();
      }
      r = r.get().parent();
    }
    return UrbanRuralClass.MAIN_URBAN;
  }

  // ------------------------------------------------------------------ transaction

  @SuppressWarnings(
      "ReferenceEquality") // unchanged clocks are the same instance; a copy is merely re-planned
  private void commit(Tx tx, @Nullable Instant instant) {
    for (int i = 0; i < tx.count; i++) {
      CaseRecord r = tx.rec(i);
      if (tx.isNew[i]) {
        long ordinal = byOrdinal.add(r);
        if (ordinal != r.ordinal()) {
          throw new AssertionError(
              "case "
                  + r.facts().id()
                  + " has ordinal "
                  + r.ordinal()
                  + " but was added as "
                  + ordinal);
        }
      }
    }
    for (int i = 0; i < tx.count; i++) {
      CaseRecord r = tx.rec(i);
      CaseRecord before;
      if (tx.isNew[i]) {
        before = null;
        ordinals.put(r.facts().id(), r.ordinal());
      } else {
        before = byOrdinal.get(r.ordinal());
        byOrdinal.set(r.ordinal(), r);
      }
      boolean wasOpen = before != null && isOpen(before.state().status());
      boolean isOpen = isOpen(r.state().status());
      openCount += (isOpen ? 1 : 0) - (wasOpen ? 1 : 0);
      // The queue holds the next wake of every committed record's clocks; the same clocks (Verify,
      // Accept,
      // Check) need no new entry. Keys polled by advanceTo were touched there and are re-planned
      // below.
      if (before == null || before.clocks() != r.clocks()) {
        tx.touch(r.ordinal());
      }
    }
    long[] touched = tx.touched;
    int n = tx.touchedCount;
    if (n > 1) {
      Arrays.sort(touched, 0, n);
    }
    for (int i = 0; i < n; i++) {
      long ordinal = touched[i];
      if (i > 0 && touched[i - 1] == ordinal) {
        continue;
      }
      CaseRecord r = Objects.requireNonNull(byOrdinal.get(ordinal));
      Instant w = r.clocks().nextWarningAt().orElse(null);
      if (w != null) {
        long ms = ceilMillis(w);
        if (queue.contains(ordinal)) {
          queue.reschedule(ordinal, ms);
        } else {
          queue.schedule(ordinal, ms);
        }
      } else {
        var unused = queue.cancel(ordinal);
      }
    }
    if (instant != null) {
      now = instant;
    }
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the sub-second part is exactly what is wanted
  private static int subMillisNanos(Instant t) {
    return t.getNano() % 1_000_000;
  }

  private static long ceilMillis(Instant t) {
    long ms = t.toEpochMilli();
    return subMillisNanos(t) == 0 ? ms : ms + 1;
  }

  /**
   * The pending changes of one call: nothing reaches the engine until {@link #commit}. Most calls
   * touch one case, so the changed records sit in a small array searched linearly; an index map is
   * made only past {@value #TX_LINEAR} cases (restore, large advances).
   */
  final class Tx implements RoutingApplier.Emitter {
    private static final int TX_LINEAR = 8;

    @Nullable CaseRecord[] recs = new CaseRecord[4];
    boolean[] isNew = new boolean[4];
    int count;
    int added;
    @Nullable HashMap<CaseId, Integer> index;
    final ArrayList<CaseEvent> out = new ArrayList<>(8);
    long[] touched = new long[4];
    int touchedCount;

    CaseRecord rec(int i) {
      return Objects.requireNonNull(recs[i]);
    }

    /** Forgets the previous call's changes; returns this. */
    Tx begin() {
      Arrays.fill(recs, 0, count, null);
      count = 0;
      added = 0;
      index = null;
      out.clear();
      touchedCount = 0;
      return this;
    }

    @Nullable CaseRecord get(CaseId id) {
      int i = find(id);
      return i >= 0 ? rec(i) : record(id);
    }

    /** As {@link #get(CaseId)} for a known case by its ordinal, without hashing its id. */
    @Nullable CaseRecord get(long ordinal) {
      if (index == null) {
        for (int i = 0; i < count; i++) {
          if (rec(i).ordinal() == ordinal) {
            return rec(i);
          }
        }
        return byOrdinal.get(ordinal);
      }
      CaseRecord committed = byOrdinal.get(ordinal);
      return committed == null ? null : get(committed.facts().id());
    }

    private int find(CaseId id) {
      HashMap<CaseId, Integer> idx = index;
      if (idx != null) {
        Integer i = idx.get(id);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < count; i++) {
        CaseId other = rec(i).facts().id();
        if (other == id || other.equals(id)) {
          return i;
        }
      }
      return -1;
    }

    void put(CaseRecord r) {
      CaseId id = r.facts().id();
      int i = find(id);
      if (i >= 0) {
        recs[i] = r;
        return;
      }
      if (count == recs.length) {
        recs = Arrays.copyOf(recs, count * 2);
        isNew = Arrays.copyOf(isNew, count * 2);
      }
      boolean fresh =
          r.ordinal() >= byOrdinal.nextOrdinal(); // newRecord numbers new cases from nextOrdinal
      recs[count] = r;
      isNew[count] = fresh;
      if (fresh) {
        added++;
      }
      HashMap<CaseId, Integer> idx = index;
      if (idx != null) {
        idx.put(id, count);
      } else if (count + 1 > TX_LINEAR) {
        idx = new HashMap<>();
        for (int k = 0; k <= count; k++) {
          idx.put(rec(k).facts().id(), k);
        }
        index = idx;
      }
      count++;
    }

    void touch(long ordinal) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = ordinal;
    }

    @CanIgnoreReturnValue
    @Override
    public CaseRecord emit(CaseRecord rec, Instant at, Actor actor, EventPayload payload) {
      return emit(rec, at, actor, payload, null);
    }

    @CanIgnoreReturnValue
    CaseRecord emit(
        CaseRecord rec, Instant at, Actor actor, EventPayload payload, @Nullable SlaClock started) {
      CaseEvent ev =
          CaseEvent.of(rec.facts().id(), rec.state().lastSequence() + 1, at, actor, payload);
      CaseRecord next = applyEvent(rec, ev, started);
      // The commit schedules each case's next warning; find it now (clocks memoise it), so that a
      // warning past the
      // calendar's coverage refuses the call here, before anything is committed, instead of
      // half-way through.
      var unused = next.clocks().nextWarningAt();
      put(next);
      out.add(ev);
      return next;
    }

    ImmutableList<CaseEvent> events() {
      return out.size() == 1 ? ImmutableList.of(out.get(0)) : ImmutableList.copyOf(out);
    }
  }

  private record Wake(Instant at, long ordinal) {}

  /**
   * One case: facts, report order, lifecycle state, running clocks and the region class its SLA
   * rules use.
   */
  record CaseRecord(
      CaseFacts facts,
      long ordinal,
      CaseState state,
      CaseClocks clocks,
      UrbanRuralClass urban,
      int location) {}

  // ------------------------------------------------------------------ builder

  /** Configures a {@link CaseEngine}; also the configuration handed to {@link #restore}. */
  public static final class Builder {
    private @Nullable RegionTree tree;
    private @Nullable RoutingPolicy routing;
    private @Nullable SlaPolicy sla;
    private @Nullable CalendarEditions editions;
    private ImmutableSet<String> departments = ImmutableSet.of();
    private @Nullable AuthorizationPolicy authorization;
    private Actor systemActor = Actor.of("gridgov-engine", Role.DISPATCHER);
    private int commandMemory = DEFAULT_COMMAND_MEMORY;
    private int initialCapacity = 1024;

    private Builder() {}

    /**
     * Sets the region tree (required): locations, jurisdictions and {@code office:<code>} handlers.
     *
     * @param tree the tree
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder regionTree(RegionTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
      return this;
    }

    /**
     * Sets the routing policy (required).
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder routingPolicy(RoutingPolicy policy) {
      this.routing = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the SLA policy (required). Its rules select the limits: {@code WHOLE_CASE} for the case
     * clock (a matching rule is required to register), {@code HANDLE} for the lead clock; its
     * default levels apply to summons clocks.
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder slaPolicy(SlaPolicy policy) {
      this.sla = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the business calendar (required).
     *
     * @param calendar the calendar
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder calendar(BusinessCalendar calendar) {
      this.editions = CalendarEditions.of(Objects.requireNonNull(calendar, "calendar"));
      return this;
    }

    /**
     * Sets the calendar editions instead of {@link #calendar}: the first edition and every edition
     * the engine adopted since ({@link CaseEngine#adoptCalendar}), with their adoption instants —
     * what {@link #restore} needs to rebuild clocks that counted on different editions. The latest
     * edition is in force.
     *
     * @param editions the editions, as {@link CaseEngine#calendarEditions()} returned them
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder calendarEditions(CalendarEditions editions) {
      this.editions = Objects.requireNonNull(editions, "editions");
      return this;
    }

    /**
     * Takes the handlers of a routing graph: every handler of the graph that is not a region's
     * office (departments, outside parties, the city office) becomes a known handler, as with
     * {@link #departments}. The graph must be built over the same region tree as the engine's.
     *
     * @param graph the routing graph the policy routes over
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder routingGraph(RoutingGraph graph) {
      return departments(
          graph.handlers().stream()
              .map(Handler::id)
              .filter(id -> !id.startsWith("office:") || id.equals(Handler.CITY_OFFICE_ID))
              .collect(ImmutableList.toImmutableList()));
    }

    /**
     * Sets the department handler ids (e.g. {@code dept:water}) besides the regions' offices.
     *
     * @param ids the ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder departments(Collection<String> ids) {
      for (String id : ids) {
        checkArgument(!id.isBlank(), "a department id must not be blank");
      }
      this.departments = ImmutableSet.copyOf(ids);
      return this;
    }

    /**
     * Sets the authorisation policy; default {@link JurisdictionAuthorizationPolicy} over the
     * engine's tree and departments.
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder authorizationPolicy(AuthorizationPolicy policy) {
      this.authorization = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the actor written into events the engine makes by itself (SLA events, routing after a
     * breach or return); default {@code gridgov-engine (DISPATCHER)}.
     *
     * @param actor the actor
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder systemActor(Actor actor) {
      this.systemActor = Objects.requireNonNull(actor, "actor");
      return this;
    }

    /**
     * Sets how many command ids are remembered for retries (the most recent ones; default {@value
     * #DEFAULT_COMMAND_MEMORY}; 0 disables idempotency).
     *
     * @param count the count
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder commandMemory(int count) {
      checkArgument(count >= 0, "commandMemory must be >= 0 but was %s", count);
      this.commandMemory = count;
      return this;
    }

    /**
     * Sets the initial capacity of the deadline queue (it grows by doubling).
     *
     * @param capacity the capacity
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder initialCapacity(int capacity) {
      checkArgument(capacity >= 1, "initialCapacity must be >= 1 but was %s", capacity);
      this.initialCapacity = capacity;
      return this;
    }

    /**
     * Builds an empty engine.
     *
     * @return the engine
     * @throws NullPointerException naming a required part that was not set
     */
    public CaseEngine build() {
      return new CaseEngine(this);
    }
  }
}
