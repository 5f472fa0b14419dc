package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.IllegalTransitionException;
import org.gridgov.region.RegionTree;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.OutsideCalendarException;
import org.jspecify.annotations.Nullable;

/**
 * The path of one command: the time checks, the principal check, the case's visibility and the
 * {@link AuthorizationPolicy}, then the command family's handler ({@link CaseCommands}, {@link
 * RoutingCommands}, {@link SupervisionCommands}, or a report here, linked as a repeat by {@link
 * RepeatReports}), all into one {@link Tx} that is committed only when nothing failed.
 */
final class CommandDispatcher {
  private static final int ACTOR_MEMO = 1 << 8;

  private final RegionTree tree;
  private final LocationResolver locationResolver;
  private final CaseStore store;
  private final EventApplier applier;
  private final SlaScheduler scheduler;
  private final AuthorizationPolicy authorization;
  // The default policy over this engine's own tree, told each case's first location as the store
  // holds it (resolved once, at the report) instead of looking its code up on every command; null
  // for any other policy.
  private final @Nullable JurisdictionAuthorizationPolicy jurisdiction;
  private final CaseCommands caseCommands;
  private final RoutingCommands routingCommands;
  private final SupervisionCommands supervision;
  private final RepeatReports repeats;
  private final @Nullable Principal[] actorPrincipals = new Principal[ACTOR_MEMO];
  private final @Nullable Actor[] actors = new Actor[ACTOR_MEMO];

  CommandDispatcher(
      EngineConfig config,
      CaseStore store,
      EventApplier applier,
      SlaScheduler scheduler,
      AuthorizationPolicy authorization,
      ClockRules clockRules,
      RoutingApplier router,
      HandlerDirectory handlers,
      SupervisionCommands supervision,
      RepeatReports repeats) {
    this.supervision = supervision;
    this.repeats = repeats;
    this.tree = config.regionTree();
    this.locationResolver = config.locationResolver();
    this.store = store;
    this.applier = applier;
    this.scheduler = scheduler;
    this.authorization = authorization;
    this.jurisdiction =
        authorization instanceof JurisdictionAuthorizationPolicy j && j.indexes(tree) ? j : null;
    this.caseCommands = new CaseCommands(this, clockRules, new Extensions(config.slaPolicy()));
    this.routingCommands =
        new RoutingCommands(this, router, handlers, config.systemActor(), config.slaPolicy());
  }

  /**
   * Runs a command at the engine's time {@code now} and commits its events. A lifecycle or calendar
   * refusal becomes the matching {@link CommandRefusedException}.
   *
   * @throws IllegalArgumentException if time would go backwards or the instant is not whole
   *     milliseconds
   * @throws IllegalStateException if a deadline is due at or before the command
   */
  ImmutableList<CaseEvent> execute(Command command, @Nullable Instant now) {
    Instant at = command.at();
    if (Instants.subMillisNanos(at) != 0) {
      Instants.requireWholeMillis(at, "command " + command.commandId());
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
    if (scheduler.isDueBy(at.toEpochMilli())) {
      OptionalLong due = scheduler.dueBy(at.toEpochMilli());
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "command %s at %s: an SLA deadline is due at %s, not after it; call advanceTo(%s) first",
              command.commandId(),
              at,
              Instant.ofEpochMilli(due.getAsLong()),
              at));
    }
    Optional<String> principalRefusal = authorization.principalRefusal(command.actor());
    if (principalRefusal.isPresent()) {
      throw new NotAuthorizedException(
          command.actor(), command.caseId(), command.action().name(), principalRefusal.get());
    }
    Tx tx = store.begin();
    try {
      run(tx, command);
    } catch (IllegalTransitionException e) {
      throw new TransitionRefusedException(
          command, command.caseId(), String.valueOf(e.getMessage()), e);
    } catch (OutsideCalendarException e) {
      throw new CommandOutsideCalendarException(command, e);
    } catch (RoutingFailedException e) {
      throw new RoutingFailedException(command.actor(), e);
    }
    store.commit(tx);
    return tx.events();
  }

  /** Routes a command to its family's handler, after the visibility and authorisation checks. */
  private void run(Tx tx, Command c) {
    Command.Action a = c.action();
    if (a instanceof Command.Report r) {
      report(tx, c, r.facts());
      return;
    }
    if (a instanceof Command.ReportAt r) {
      report(tx, c, r.facts(c.caseId(), regionOf(c, r)));
      return;
    }
    CaseRecord rec = visible(tx, c, c.caseId());
    authorize(c, rec);
    Actor actor = actorOf(c.actor());
    if (a instanceof Command.DecideMerge dm) {
      CaseRecord target = visible(tx, c, repeats.pendingSuggestion(c, rec));
      repeats.decide(tx, c, rec, target, actor, dm.accept());
    } else if (SupervisionCommands.handles(a)) {
      supervision.handle(tx, c, rec, actor);
    } else if (RoutingCommands.handles(a)) {
      routingCommands.handle(tx, c, rec, actor);
      supervision.afterCommand(tx, c, Objects.requireNonNull(tx.get(c.caseId())));
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
    CaseRecord rec = store.newRecord(facts, locationIndex(c, facts), tx);
    authorize(c, rec);
    CaseRecord existing = tx.get(id);
    if (existing != null) {
      refuseTaken(c, existing);
    }
    Actor actor = actorOf(c.actor());
    repeats.link(tx, tx.emit(rec, c.at(), actor, new EventPayload.Reported()), c.at(), actor);
  }

  /**
   * Refuses a report of an id the engine holds. Only an actor that may see the case is told that it
   * exists; to any other the report reads as an unauthorised report of that case (the policy's own
   * refusal for it), so a report cannot probe for cases outside the actor's jurisdiction.
   */
  private void refuseTaken(Command c, CaseRecord existing) {
    CaseId id = existing.facts().id();
    if (sees(c.actor(), existing)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "case %s already exists (command %s)", id, c.commandId()));
    }
    String rule =
        authorization
            .refusal(c, existing.facts(), existing.state())
            .orElse("the case lies outside what it may see");
    throw new NotAuthorizedException(c.actor(), id, c.action().name(), rule);
  }

  /** The region a report's point lies in, by the configured resolver; refused when none. */
  private long regionOf(Command c, Command.ReportAt r) {
    OptionalLong code = locationResolver.regionAt(r.point());
    if (code.isEmpty()) {
      throw new LocationUnresolvedException(c, "the point lies in no region");
    }
    if (tree.indexOf(code.getAsLong()) < 0) {
      throw new LocationUnresolvedException(
          c,
          String.format(
              Locale.ROOT,
              "the point resolved to %s, which is not a region of the tree (edition %s)",
              code.getAsLong(),
              tree.edition()));
    }
    return code.getAsLong();
  }

  /** The tree index of the first location code; every code must be a region of the tree. */
  private int locationIndex(Command c, CaseFacts facts) {
    int first = -1;
    for (int i = 0; i < facts.locationCodes().length(); i++) {
      long code = facts.locationCodes().get(i);
      int index = tree.indexOf(code);
      if (index < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "case %s: location code %s is not a region of the tree (edition %s) (command %s)",
                facts.id(),
                code,
                tree.edition(),
                c.commandId()));
      }
      if (i == 0) {
        first = index;
      }
    }
    return first;
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

  /**
   * The case a command names, if the engine knows it and the actor may see it; else refused as
   * unknown.
   */
  CaseRecord visible(Tx tx, Command c, CaseId caseId) {
    CaseRecord rec = tx.get(caseId);
    if (rec == null || !sees(c.actor(), rec)) {
      throw new UnknownCaseException(c.actor(), caseId, c.commandId(), c.action().name());
    }
    return rec;
  }

  /** Whether the policy lets the principal see the case. */
  private boolean sees(Principal p, CaseRecord rec) {
    return jurisdiction != null
        ? jurisdiction.sees(p, rec.facts(), rec.state(), rec.location())
        : authorization.sees(p, rec.facts(), rec.state());
  }

  /** Refuses the command if the authorisation policy does. */
  private void authorize(Command c, CaseRecord rec) {
    Optional<String> rule =
        jurisdiction != null
            ? jurisdiction.refusal(c, rec.facts(), rec.state(), rec.location())
            : authorization.refusal(c, rec.facts(), rec.state());
    if (rule.isPresent()) {
      throw new NotAuthorizedException(c.actor(), rec.facts().id(), c.action().name(), rule.get());
    }
  }

  /** Refuses the command unless the case is in {@code status}. */
  void requireStatus(CaseRecord rec, Command c, CaseStatus status) {
    if (rec.state().status() != status) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "the case is %s; %s needs %s",
              rec.state().status(),
              c.action().name(),
              status),
          null);
    }
  }

  /** The edition new clocks count on now. */
  BusinessCalendar calendar() {
    return applier.calendar();
  }
}
