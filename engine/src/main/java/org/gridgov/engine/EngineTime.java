package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.region.RegionTree;
import org.gridgov.sla.BusinessCalendar;
import org.jspecify.annotations.Nullable;

/**
 * The engine's time and the calls that move it: a command (through the command-id memory and the
 * dispatcher), an advance (firing due deadlines through the scheduler into one transaction), a
 * calendar adoption, and a restore (the time a replayed log ends at). Time never goes backwards.
 */
final class EngineTime {
  private final EngineParts parts;
  private final Function<Command, ImmutableList<CaseEvent>> once = this::executeOnce;
  private @Nullable Instant now;

  EngineTime(EngineParts parts) {
    this.parts = parts;
  }

  /** The engine's time, or null before the first call. */
  @Nullable Instant now() {
    return now;
  }

  /** Executes a command; see {@link CaseEngine#execute}. */
  ImmutableList<CaseEvent> execute(Command command) {
    return parts.idempotency().execute(command, once);
  }

  private ImmutableList<CaseEvent> executeOnce(Command command) {
    parts.annex().discard();
    ImmutableList<CaseEvent> events = parts.dispatcher().execute(command, now);
    parts.annex().commit();
    now = command.at();
    return events;
  }

  /** Moves time and fires what is due; see {@link CaseEngine#advanceTo}. */
  ImmutableList<CaseEvent> advanceTo(Instant instant) {
    Instants.requireWholeMillis(instant, "advanceTo");
    checkArgument(
        now == null || !instant.isBefore(now),
        "time goes backwards: advanceTo(%s) is before the engine's time %s",
        instant,
        now);
    if (!parts.scheduler().isDueBy(instant.toEpochMilli())) {
      now = instant; // nothing is due: only time moves (the common case); no allocation
      return ImmutableList.of();
    }
    Tx tx = parts.store().begin();
    parts.annex().discard();
    parts.scheduler().fireDue(tx, instant);
    parts.store().commit(tx);
    parts.annex().commit();
    now = instant;
    return tx.events();
  }

  /** Adopts a calendar edition; see {@link CaseEngine#adoptCalendar}. */
  ImmutableList<CaseEvent> adopt(BusinessCalendar edition, Instant at) {
    parts.annex().discard();
    ImmutableList<CaseEvent> events;
    try {
      events = parts.adopter().adopt(edition, at, now);
    } catch (RuntimeException e) {
      parts.annex().discard();
      throw e;
    }
    parts.annex().commit(); // a revised supervision deadline (DeadlineRevised of its clock)
    now = at;
    return events;
  }

  /** Replays a snapshot and a tail into the empty engine; see {@link CaseEngine#restore}. */
  void restore(
      RegionTree tree,
      EngineSnapshot snapshot,
      Map<CaseId, CaseFacts> facts,
      List<CaseEvent> tail) {
    for (EngineSnapshot.CaseSnapshot c : snapshot.cases()) {
      parts.annex().loaded(c);
    }
    now = EngineRestorer.replay(tree, parts.store(), parts.applier(), snapshot, facts, tail);
    parts.annex().commit();
  }
}
