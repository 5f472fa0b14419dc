package org.gridgov.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.DeadlineQueue;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaStage;
import org.jspecify.annotations.Nullable;

/**
 * The SLA scheduler: the {@link DeadlineQueue} of every case's next wake (keyed by the case's
 * ordinal), and the firing of due warnings and breaches, with the {@code BREACH} routing decisions
 * they trigger, when time moves.
 */
final class SlaScheduler {
  private final DeadlineQueue queue;
  private final RoutingApplier router;
  private final EventApplier applier;
  private final Actor systemActor;
  private final SupervisionCommands supervision;

  SlaScheduler(
      int capacity,
      RoutingApplier router,
      EventApplier applier,
      Actor systemActor,
      SupervisionCommands supervision) {
    this.supervision = supervision;
    this.queue = new DeadlineQueue(capacity);
    this.router = router;
    this.applier = applier;
    this.systemActor = systemActor;
  }

  /** The earliest pending wake, if it is at or before {@code ms} (epoch milliseconds). */
  OptionalLong dueBy(long ms) {
    return isDueBy(ms) ? queue.nextDeadline() : OptionalLong.empty();
  }

  /** Whether a wake is pending at or before {@code ms} (epoch milliseconds); no allocation. */
  boolean isDueBy(long ms) {
    return queue.nextDeadlineOr(Long.MAX_VALUE) <= ms;
  }

  /** The number of cases with a pending wake. */
  int size() {
    return queue.size();
  }

  /** The pending wake of a case, if any. */
  Optional<Instant> deadlineOf(long ordinal) {
    OptionalLong due = queue.deadlineOf(ordinal);
    return due.isPresent() ? Optional.of(Instant.ofEpochMilli(due.getAsLong())) : Optional.empty();
  }

  /** Drops a case's pending wake, if any. */
  void cancel(long ordinal) {
    var unused = queue.cancel(ordinal);
  }

  /** Plans a committed case's next wake from its clocks (or drops it if none is pending). */
  void replan(long ordinal, CaseRecord r) {
    Instant w = r.clocks().nextWarningAtOr(null);
    if (w == null) {
      cancel(ordinal);
      return;
    }
    // most commands leave the next wake where it was: then the entry stays (fireDue orders the
    // wakes it polls itself, so an entry's place among equal deadlines does not matter)
    var unused = queue.plan(ordinal, ceilMillis(w));
  }

  /**
   * Fires, into {@code tx}, every level due at or before {@code instant}: by the instant a level is
   * reached, ties by report order; touches every polled case so that the commit re-plans it. On
   * failure the polled wakes are put back and the exception propagates.
   */
  void fireDue(Tx tx, Instant instant) {
    long pollAt = Math.max(instant.toEpochMilli(), queue.time().orElse(Long.MIN_VALUE));
    Polled polled = new Polled();
    var unused = queue.pollDue(pollAt, polled::add);
    try {
      // a case is in the work at most once at a time, so (instant, ordinal) never ties
      WakeHeap work = new WakeHeap(polled.size());
      for (int i = 0; i < polled.size(); i++) {
        CaseRecord rec = Objects.requireNonNull(tx.get(polled.key(i)));
        tx.touch(rec.ordinal());
        addIfDue(work, rec, instant, null);
      }
      while (!work.isEmpty()) {
        Instant at = work.firstAt();
        long ordinal = work.firstOrdinal();
        work.removeFirst();
        fire(tx, Objects.requireNonNull(tx.get(ordinal)), at);
        // A clock advanced to at has nothing pending at or before it, so this terminates.
        addIfDue(work, Objects.requireNonNull(tx.get(ordinal)), instant, at);
      }
    } catch (RuntimeException e) {
      for (int i = 0; i < polled.size(); i++) {
        if (!queue.contains(polled.key(i))) {
          queue.schedule(polled.key(i), polled.deadline(i));
        }
      }
      throw e;
    }
  }

  private static void addIfDue(WakeHeap work, CaseRecord rec, Instant by, @Nullable Instant after) {
    Instant w = rec.clocks().nextWarningAtOr(null);
    if (w != null && !w.isAfter(by) && (after == null || w.isAfter(after))) {
      work.add(w, rec.ordinal());
    }
  }

  private void fire(Tx tx, CaseRecord rec, Instant at) {
    // A level can be due before the case's last event: a clock counted from creation, handed on at
    // an escalation, is overdue when it starts. The case's clocks have seen that event, so they
    // advance to it; the level fires dated at the event, as every late level is.
    Instant upTo = max(at, rec.state().lastEventAt().orElse(at));
    CaseClocks.Advance adv = rec.clocks().advance(upTo);
    CaseRecord cur = rec;
    List<String> breached = new ArrayList<>();
    for (SlaClock.Warning w : adv.fired()) {
      SlaClock clock = rec.clocks().clock(w.clock()).orElseThrow();
      int index = clock.levels().indexOf(w.level());
      SlaStage stage = ClockId.stageOf(w.clock());
      Instant when =
          max(
              max(w.reachedAt(), cur.state().lastEventAt().orElse(w.reachedAt())),
              applier.adoptedAt());
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
      cur = routeBreach(tx, cur, clockId, decisionAt);
    }
    if (!breached.isEmpty()) {
      supervision.afterFire(tx, cur, breached, decisionAt);
    }
  }

  /** The {@code BREACH} decision for a breached handler clock of a routable case with a lead. */
  private CaseRecord routeBreach(Tx tx, CaseRecord cur, String clockId, Instant decisionAt) {
    CaseState s = cur.state();
    boolean handlerClock = ClockId.isHandlerClock(clockId);
    if (!handlerClock || s.lead().isEmpty() || !CaseStore.isRoutable(s.status())) {
      return cur;
    }
    RoutingRequest req = router.request(cur, DecisionPoint.BREACH, decisionAt);
    RoutingDecision d = router.decide(cur, req);
    return router.apply(
        tx,
        cur,
        d,
        new RoutingApplier.Context(
            decisionAt, EscalationCause.BREACH, systemActor, false, systemActor.id()));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the sub-second part is exactly what is wanted
  private static long ceilMillis(Instant t) {
    long ms = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
  }

  /** The (key, deadline) pairs one poll delivered, in a growable array (no object per pair). */
  private static final class Polled {
    private long[] pairs = new long[16];
    private int size;

    void add(long key, long deadline) {
      if (2 * size == pairs.length) {
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
      }
      pairs[2 * size] = key;
      pairs[2 * size + 1] = deadline;
      size++;
    }

    int size() {
      return size;
    }

    long key(int i) {
      return pairs[2 * i];
    }

    long deadline(int i) {
      return pairs[2 * i + 1];
    }
  }
}
