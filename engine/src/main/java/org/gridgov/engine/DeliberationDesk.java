package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.people.BodyKind;
import org.gridgov.people.DeliberationBody;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.sla.BusinessCalendar;

/**
 * Deliberation and mediation beside a {@link CaseEngine} (大事大议、小事小议、急事快议; 调解): refers a case the
 * handler holds to the body its size calls for (or to a named body, such as a mediation committee),
 * records the body's sittings with their attendance and quorum, and its decision.
 *
 * <p>Clock rule: a referral suspends the case in the engine ({@link Command.Suspend}, reason {@code
 * 议事/调解 ...}), so every clock of the case pauses by the engine's suspension rule (never
 * double-counted) while the matter waits for the body; the referral's own deadline is the body's
 * next sitting by its {@link org.gridgov.people.Cadence} on the calendar (a quick decision: hours
 * from the referral; a mediation: its days), not office hours. A decision that ends the referral
 * resumes the case ({@link Command.Resume}); a decision on a later day than the awaited sitting is
 * marked late. A deferral keeps the case suspended and waits for the next sitting. A failed
 * mediation (调解不成) resumes the case and escalates it by the routing policy ({@link
 * Command.Escalate}, the onward route), as a second engine command whose id is the decision's id
 * with {@code /onward}; if the routing refuses it, the decision stands and the case is back with
 * its handler.
 *
 * <p>Rights: a decision (a deferral too) is recorded by a member of the body at that instant (a
 * person holding one of its member roles over its seat); the engine's {@link AuthorizationPolicy}
 * authorises the suspension, the resumption and an onward escalation.
 *
 * <p>Refusals ({@link DeliberationRefusedException}) change nothing and call no engine: a case not
 * being handled, a second open referral, an unknown body, an attendee who is not a member at the
 * sitting (person id, body, region), a decision with no quorate sitting since the referral or the
 * last deferral (attendance, members, quorum), an outcome outside the body's kind. The desk writes
 * its own append-only log of {@link DeliberationEvent}s; {@link #restore} rebuilds it through the
 * same checks. Calls come in time order; pure: no clock.
 */
public final class DeliberationDesk {
  private final DeliberationPolicy policy;
  private final StaffRegistry registry;
  private final BusinessCalendar calendar;
  private final Map<CaseId, Referral> referrals = new LinkedHashMap<>();
  private final Map<CaseId, Long> regions = new LinkedHashMap<>();
  private final List<DeliberationEvent> log = new ArrayList<>();

  /**
   * What a desk call did: the engine's events (empty for a sitting or a deferral) and the desk's.
   *
   * @param caseEvents the events the engine committed
   * @param event the desk's event
   */
  public record Result(ImmutableList<CaseEvent> caseEvents, DeliberationEvent event) {
    /**
     * Validates.
     *
     * @param caseEvents the caseEvents component
     * @param event the event component
     */
    public Result {
      caseEvents = ImmutableList.copyOf(caseEvents);
      Objects.requireNonNull(event, "event");
    }
  }

  private DeliberationDesk(
      DeliberationPolicy policy, StaffRegistry registry, BusinessCalendar calendar) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    policy.requireRolesIn(registry.roles());
  }

  /**
   * Creates an empty desk.
   *
   * @param policy the bodies and the size rule
   * @param registry the staff registry members are drawn from
   * @param calendar the calendar sittings fall on
   * @return the desk
   * @throws IllegalArgumentException if a body's member role is not a role of the registry
   */
  public static DeliberationDesk of(
      DeliberationPolicy policy, StaffRegistry registry, BusinessCalendar calendar) {
    return new DeliberationDesk(policy, registry, calendar);
  }

  /**
   * Rebuilds a desk from its log through the same checks (the engine restores its own log).
   *
   * @param policy the policy
   * @param registry the registry
   * @param calendar the calendar
   * @param log the desk's log, in order
   * @return the desk
   * @throws IllegalArgumentException if an entry does not follow from the ones before it
   */
  public static DeliberationDesk restore(
      DeliberationPolicy policy,
      StaffRegistry registry,
      BusinessCalendar calendar,
      List<DeliberationEvent> log) {
    DeliberationDesk d = new DeliberationDesk(policy, registry, calendar);
    for (DeliberationEvent e : log) {
      DeliberationEvent again =
          switch (e.kind()) {
            case REFERRED ->
                d.referral(
                    e.caseId(),
                    e.at(),
                    d.body(e.caseId(), e.bodyId()),
                    e.size().orElseThrow(),
                    e.regionCode());
            case SAT -> d.sitting(e.caseId(), e.at(), e.attendees());
            case DECIDED ->
                d.decision(e.caseId(), e.at(), e.outcome().orElseThrow(), Optional.empty());
          };
      if (!again.equals(e)) {
        throw new IllegalArgumentException(
            "deliberation log entry #" + e.sequence() + " does not follow from those before it");
      }
      d.apply(again);
    }
    return d;
  }

  /**
   * Refers a case its handler holds ({@link CaseStatus#HANDLING}) to a body and suspends it in the
   * engine.
   *
   * @param engine the engine
   * @param commandId the id of the engine's {@link Command.Suspend}
   * @param actor who refers (the engine authorises the suspension)
   * @param caseId the case
   * @param at when
   * @param bodyId the body, or empty for the body the matter's size calls for
   * @return the engine's events and the referral
   * @throws DeliberationRefusedException if the desk refuses it (nothing changed)
   * @throws CommandRefusedException if the engine refuses the suspension (nothing changed)
   */
  public Result refer(
      CaseEngine engine,
      CommandId commandId,
      Principal actor,
      CaseId caseId,
      Instant at,
      Optional<String> bodyId) {
    CaseFacts facts =
        engine.facts(caseId).orElseThrow(() -> refused(caseId, "the engine has no such case"));
    requireNotReferred(caseId);
    CaseState state = engine.state(caseId).orElseThrow();
    if (state.status() != CaseStatus.HANDLING) {
      throw refused(
          caseId, "the case is " + state.status() + "; only a case being handled is referred");
    }
    MatterSize size = policy.sizeOf(facts);
    DeliberationBody body = bodyId.isPresent() ? body(caseId, bodyId.get()) : policy.bodyFor(size);
    DeliberationEvent e = referral(caseId, at, body, size, facts.locationCodes().get(0));
    String reason =
        String.format(
            Locale.ROOT,
            "%s: referred to %s (%s), sitting by %s",
            body.kind() == BodyKind.MEDIATION ? "调解" : "议事",
            body.id(),
            size.chineseName(),
            e.sittingBy().orElseThrow());
    ImmutableList<CaseEvent> out =
        engine.execute(Command.of(commandId, actor, caseId, at, new Command.Suspend(reason)));
    apply(e);
    return new Result(out, e);
  }

  /**
   * Records a sitting of the body a case is referred to: who attended, and whether the quorum was
   * met. A sitting without quorum is recorded too; it lets no decision through.
   *
   * @param caseId the case
   * @param at when
   * @param attendees the members who attended
   * @return the event
   * @throws DeliberationRefusedException if the case has no open referral or an attendee is not a
   *     member at {@code at}
   */
  public DeliberationEvent sit(CaseId caseId, Instant at, Collection<PersonId> attendees) {
    DeliberationEvent e = sitting(caseId, at, attendees);
    apply(e);
    return e;
  }

  /**
   * Records the body's decision on a case. Unless deferred, the case resumes in the engine (and a
   * failed mediation escalates by its onward route).
   *
   * @param engine the engine
   * @param commandId the id of the engine's {@link Command.Resume}
   * @param actor who records it: a member of the body at {@code at} (the engine authorises the
   *     resumption)
   * @param caseId the case
   * @param at when
   * @param outcome the decision
   * @return the engine's events and the decision
   * @throws DeliberationRefusedException if no sitting since the referral or the last deferral met
   *     its quorum, the outcome is not one of the body's, or the actor is not a member of the body
   *     at {@code at} (nothing changed)
   * @throws CommandRefusedException if the engine refuses the resumption (nothing changed)
   */
  public Result decide(
      CaseEngine engine,
      CommandId commandId,
      Principal actor,
      CaseId caseId,
      Instant at,
      BodyKind.Outcome outcome) {
    PersonId recorder = requireMember(caseId, actor, at);
    DeliberationEvent e = decision(caseId, at, outcome, Optional.of(recorder));
    if (!outcome.endsReferral()) {
      apply(e);
      return new Result(ImmutableList.of(), e);
    }
    ImmutableList.Builder<CaseEvent> out = ImmutableList.builder();
    out.addAll(engine.execute(Command.of(commandId, actor, caseId, at, new Command.Resume())));
    apply(e);
    if (outcome == BodyKind.Outcome.FAILED) {
      out.addAll(
          engine.execute(
              Command.of(
                  CommandId.of(commandId.value() + "/onward"),
                  actor,
                  caseId,
                  at,
                  new Command.Escalate(Optional.empty()))));
    }
    return new Result(out.build(), e);
  }

  /**
   * Returns a case's latest referral.
   *
   * @param caseId the case
   * @return the referral, if the case was ever referred
   */
  public Optional<Referral> referral(CaseId caseId) {
    return Optional.ofNullable(referrals.get(caseId));
  }

  /**
   * Returns every case's latest referral, in the order first referred.
   *
   * @return the referrals
   */
  public ImmutableMap<CaseId, Referral> referrals() {
    return ImmutableMap.copyOf(referrals);
  }

  /**
   * Returns the members of the body a case is referred to, at an instant.
   *
   * @param caseId the case
   * @param at the instant
   * @return the members
   * @throws DeliberationRefusedException if the case was never referred
   */
  public ImmutableSortedSet<PersonId> members(CaseId caseId, Instant at) {
    Referral r = requireReferral(caseId);
    return body(caseId, r.bodyId()).members(registry, regionOf(caseId), at);
  }

  /**
   * Returns the log.
   *
   * @return the events, in order
   */
  public ImmutableList<DeliberationEvent> log() {
    return ImmutableList.copyOf(log);
  }

  private DeliberationEvent referral(
      CaseId caseId, Instant at, DeliberationBody body, MatterSize size, long regionCode) {
    requireTime(caseId, at);
    requireNotReferred(caseId);
    var unused = body.seat(registry.tree(), regionCode);
    return DeliberationEvent.referred(
        log.size() + 1L,
        caseId,
        at,
        body.id(),
        regionCode,
        size,
        body.cadence().nextSitting(at, calendar));
  }

  private DeliberationEvent sitting(CaseId caseId, Instant at, Collection<PersonId> attendees) {
    requireTime(caseId, at);
    Referral r = requireOpen(caseId);
    DeliberationBody body = body(caseId, r.bodyId());
    ImmutableSortedSet<PersonId> members = body.members(registry, regionOf(caseId), at);
    for (PersonId p : attendees) {
      if (!members.contains(p)) {
        throw refused(
            caseId,
            String.format(
                Locale.ROOT,
                "person %s is not a member of %s for region %d at %s (members hold %s)",
                p,
                body.id(),
                body.seat(registry.tree(), regionOf(caseId)).code(),
                at,
                body.memberRoles()));
      }
    }
    return DeliberationEvent.sat(
        log.size() + 1L,
        caseId,
        at,
        body.id(),
        regionOf(caseId),
        attendees,
        members.size(),
        body.quorum(members.size()));
  }

  private DeliberationEvent decision(
      CaseId caseId, Instant at, BodyKind.Outcome outcome, Optional<PersonId> recorder) {
    requireTime(caseId, at);
    Referral r = requireOpen(caseId);
    DeliberationBody body = body(caseId, r.bodyId());
    if (!body.kind().outcomes().contains(outcome)) {
      throw refused(
          caseId,
          String.format(
              Locale.ROOT,
              "%s is not an outcome of %s (a %s body decides %s)",
              outcome,
              body.id(),
              body.kind(),
              body.kind().outcomes()));
    }
    if (r.quorateSince().isEmpty()) {
      throw refused(caseId, quorumRule(caseId, body, r, recorder));
    }
    return DeliberationEvent.decided(
        log.size() + 1L,
        caseId,
        at,
        body.id(),
        regionOf(caseId),
        outcome,
        outcome.endsReferral()
            ? Optional.empty()
            : Optional.of(body.cadence().nextSitting(at, calendar)),
        late(at, r.sittingBy()));
  }

  /**
   * Rights: a decision (a deferral too) is recorded by a person who is a member of the body at that
   * instant, i.e. holds one of its member roles over a region overlapping its seat. The engine's
   * {@link AuthorizationPolicy} then authorises the resumption (and an onward escalation).
   */
  private PersonId requireMember(CaseId caseId, Principal actor, Instant at) {
    DeliberationBody body = body(caseId, requireOpen(caseId).bodyId());
    long seat = body.seat(registry.tree(), regionOf(caseId)).code();
    if (!PersonId.isValid(actor.id())) {
      // Not echoed: an id that is not a pseudonym may be personal data.
      throw refused(
          caseId,
          "the actor's id is not a pseudonymous person id; a decision of "
              + body.id()
              + " is recorded by one of its members (rule: decisions by members)");
    }
    PersonId person = PersonId.of(actor.id());
    if (!body.members(registry, regionOf(caseId), at).contains(person)) {
      throw refused(
          caseId,
          String.format(
              Locale.ROOT,
              "person %s holds none of the roles %s over region %d at %s; a decision of %s is"
                  + " recorded by one of its members (rule: decisions by members)",
              person,
              body.memberRoles(),
              seat,
              at,
              body.id()));
    }
    return person;
  }

  /** Late: decided on a later local date than the sitting the referral waited for. */
  private boolean late(Instant at, Instant sittingBy) {
    return at.atZone(calendar.zone())
        .toLocalDate()
        .isAfter(sittingBy.atZone(calendar.zone()).toLocalDate());
  }

  /**
   * The refusal of a decision without a quorate sitting: who records it, for which body, member
   * roles and seat, and the last sitting's numbers.
   */
  private String quorumRule(
      CaseId caseId, DeliberationBody body, Referral r, Optional<PersonId> recorder) {
    String who =
        String.format(
            Locale.ROOT,
            "; %sa decision of %s for region %d (members hold %s), which needs a quorate sitting"
                + " (rule: quorum)",
            recorder.map(p -> "person " + p + " records ").orElse(""),
            body.id(),
            body.seat(registry.tree(), regionOf(caseId)).code(),
            body.memberRoles());
    return quorumFigures(caseId, body, r) + who;
  }

  private String quorumFigures(CaseId caseId, DeliberationBody body, Referral r) {
    for (int i = log.size() - 1; i >= 0; i--) {
      DeliberationEvent e = log.get(i);
      if (!e.caseId().equals(caseId)) {
        continue;
      }
      if (e.kind() != DeliberationEvent.Kind.SAT) {
        break;
      }
      return String.format(
          Locale.ROOT,
          "quorum not met: %d of %d members of %s attended the sitting at %s; the quorum is %d"
              + " (%d/%d of the members)",
          e.attendees().size(),
          e.members(),
          body.id(),
          e.at(),
          e.quorum(),
          body.quorumNumerator(),
          body.quorumDenominator());
    }
    return "no sitting of " + body.id() + " since " + r.referredAt() + "; a decision needs one";
  }

  private void apply(DeliberationEvent e) {
    Referral r = referrals.get(e.caseId());
    switch (e.kind()) {
      case REFERRED -> {
        regions.put(e.caseId(), e.regionCode());
        referrals.put(
            e.caseId(),
            new Referral(
                e.bodyId(),
                e.size().orElseThrow(),
                e.at(),
                e.sittingBy().orElseThrow(),
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      }
      case SAT -> {
        Referral x = Objects.requireNonNull(r);
        referrals.put(
            e.caseId(),
            new Referral(
                x.bodyId(),
                x.size(),
                x.referredAt(),
                x.sittingBy(),
                x.sittings() + 1,
                x.deferrals(),
                e.quorumMet() ? Optional.of(e.at()) : Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      }
      case DECIDED -> {
        Referral x = Objects.requireNonNull(r);
        boolean ends = e.outcome().orElseThrow().endsReferral();
        referrals.put(
            e.caseId(),
            new Referral(
                x.bodyId(),
                x.size(),
                x.referredAt(),
                e.sittingBy().orElse(x.sittingBy()),
                x.sittings(),
                x.deferrals() + (ends ? 0 : 1),
                ends ? x.quorateSince() : Optional.empty(),
                ends ? Optional.of(e.at()) : Optional.empty(),
                ends ? e.outcome() : Optional.empty()));
      }
    }
    log.add(e);
  }

  private DeliberationBody body(CaseId caseId, String bodyId) {
    return policy
        .body(bodyId)
        .orElseThrow(
            () ->
                refused(
                    caseId,
                    "body " + bodyId + " is not one of the policy's " + policy.bodies().keySet()));
  }

  private void requireNotReferred(CaseId caseId) {
    Referral r = referrals.get(caseId);
    if (r != null && r.isOpen()) {
      throw refused(caseId, "it is already referred to " + r.bodyId() + " since " + r.referredAt());
    }
  }

  private Referral requireReferral(CaseId caseId) {
    Referral r = referrals.get(caseId);
    if (r == null) {
      throw refused(caseId, "the case was never referred");
    }
    return r;
  }

  private Referral requireOpen(CaseId caseId) {
    Referral r = requireReferral(caseId);
    if (!r.isOpen()) {
      throw refused(
          caseId,
          "its referral to " + r.bodyId() + " was decided at " + r.decidedAt().orElseThrow());
    }
    return r;
  }

  private long regionOf(CaseId caseId) {
    return Objects.requireNonNull(regions.get(caseId), "region of a referred case");
  }

  private void requireTime(CaseId caseId, Instant at) {
    if (!log.isEmpty() && at.isBefore(log.get(log.size() - 1).at())) {
      throw refused(
          caseId,
          "time goes backwards: "
              + at
              + " is before the desk's last entry at "
              + log.get(log.size() - 1).at());
    }
  }

  private static DeliberationRefusedException refused(CaseId caseId, String rule) {
    return new DeliberationRefusedException(caseId, rule);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "DeliberationDesk(%d referrals, %d log entries)",
        referrals.size(),
        log.size());
  }
}
