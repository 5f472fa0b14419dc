package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.DISTRICT;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.BodyKind.Outcome;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * 大事大议、小事小议、急事快议 and 调解 beside the engine: a big matter waits for the monthly meeting with its
 * clocks paused, a sitting without quorum decides nothing, an urgent matter is decided within
 * hours, a failed mediation goes on by its onward route; the desk restores from its log and the
 * engine's log replays to its state.
 */
class DeliberationDeskTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final PersonId LEADER = PersonId.of("p-leader");
  private static final PersonId LEADER2 = PersonId.of("p-leader2");
  private static final PersonId WORKER = PersonId.of("p-worker");
  private static final PersonId PARTY1 = PersonId.of("p-party1");
  private static final PersonId PARTY2 = PersonId.of("p-party2");
  private static final PersonId VOL1 = PersonId.of("p-vol1");
  private static final PersonId VOL2 = PersonId.of("p-vol2");
  private static final PersonId OFFICER = PersonId.of("p-police");
  private static final Principal GW = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);

  /** The grid's leader, a member of every standard body for GRID1, records the decisions. */
  private static final Principal CHAIR = Principal.inRegion("p-leader", Role.LEADER, GRID1);

  private static StaffRegistry registry() {
    return StaffRegistry.of(
        TREE,
        StaffRoles.standard(),
        LocalDate.of(2025, 1, 1),
        List.of(
            Assignment.from(LEADER, "grid_leader", GRID1, FROM),
            Assignment.from(LEADER2, "grid_leader", GRID2, FROM),
            Assignment.from(WORKER, "grid_worker", GRID1, FROM),
            Assignment.from(PARTY1, "party_contact", COMMUNITY, FROM),
            Assignment.from(PARTY2, "party_contact", COMMUNITY, FROM),
            Assignment.from(VOL1, "volunteer", GRID1, FROM),
            Assignment.from(VOL2, "volunteer", GRID2, FROM),
            Assignment.from(OFFICER, "police", COMMUNITY, FROM)));
  }

  private final Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
  private final DeliberationDesk desk =
      DeliberationDesk.of(DeliberationPolicy.standard(), registry(), CAL);
  private int next;

  /** A case of the grid's office, accepted: HANDLING. */
  private void handling(String id, Priority p, String acceptedAt) {
    Instant t = at(acceptedAt);
    d.run(GW, id, t, new Command.Report(facts(id, "0101", p, CaseSource.GRID_PATROL, GRID1)));
    d.run(GW, id, t, new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, t, new Command.Register());
    d.run(districtDispatcher(), id, t, Command.Dispatch.to(CaseEngine.officeOf(GRID1)));
    d.run(GW, id, t, new Command.Accept(CaseEngine.officeOf(GRID1)));
  }

  private DeliberationDesk.Result refer(String id, Instant t, Optional<String> body) {
    d.advance(t);
    DeliberationDesk.Result r =
        desk.refer(d.engine, cmd(), districtDispatcher(), CaseId.of(id), t, body);
    d.log.addAll(r.caseEvents());
    return r;
  }

  private DeliberationDesk.Result decide(String id, Instant t, Outcome o) {
    d.advance(t);
    DeliberationDesk.Result r = desk.decide(d.engine, cmd(), CHAIR, CaseId.of(id), t, o);
    d.log.addAll(r.caseEvents());
    return r;
  }

  private CommandId cmd() {
    return CommandId.of("desk-" + ++next);
  }

  private CaseStatus status(String id) {
    return d.engine.state(CaseId.of(id)).orElseThrow().status();
  }

  @Test
  void aBigMatterWaitsForTheMonthlyMeetingWithItsClocksPaused() {
    handling("B-1", Priority.MAJOR, "2025-03-03T10:00");
    DeliberationDesk.Result referred = refer("B-1", at("2025-03-04T10:00"), Optional.empty());
    assertThat(referred.event().bodyId()).isEqualTo("representatives_meeting");
    assertThat(referred.event().size()).contains(MatterSize.BIG);
    // Monthly on the 10th at 14:30: Monday 2025-03-10.
    assertThat(referred.event().sittingBy()).contains(at("2025-03-10T14:30"));
    assertThat(referred.caseEvents())
        .extracting(CaseEvent::type)
        .containsExactly(EventType.SUSPENDED);
    assertThat(status("B-1")).isEqualTo(CaseStatus.SUSPENDED);
    // Unpaused, the 3-working-day handling clock would have breached on 03-06; nothing fires.
    assertThat(d.advance(at("2025-03-10T14:30"))).isEmpty();

    CaseId cid = CaseId.of("B-1");
    assertThat(desk.members(cid, at("2025-03-10T14:30")))
        .containsExactly(LEADER, LEADER2, PARTY1, PARTY2, VOL1, VOL2);
    assertThatThrownBy(() -> desk.sit(cid, at("2025-03-10T14:30"), List.of(LEADER, WORKER)))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining(
            "person p-worker is not a member of representatives_meeting for region " + COMMUNITY);
    DeliberationEvent thin = desk.sit(cid, at("2025-03-10T14:30"), List.of(LEADER, PARTY1, VOL1));
    assertThat(thin.quorumMet()).isFalse();
    assertThat(thin.quorum()).isEqualTo(4);
    int logBefore = desk.log().size();
    int engineBefore = d.log.size();
    assertThatThrownBy(() -> decide("B-1", at("2025-03-10T15:00"), Outcome.ADOPTED))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining("quorum not met: 3 of 6 members of representatives_meeting")
        .hasMessageContaining("the quorum is 4 (2/3 of the members)")
        // Person id, member roles, region and rule, as every refusal of the desk names them.
        .hasMessageContaining(
            "person p-leader records a decision of representatives_meeting for region "
                + COMMUNITY
                + " (members hold [grid_leader, party_contact, volunteer])")
        .hasMessageContaining("(rule: quorum)");
    assertThat(desk.log()).hasSize(logBefore);
    assertThat(d.log).hasSize(engineBefore);
    assertThat(status("B-1")).isEqualTo(CaseStatus.SUSPENDED);

    DeliberationEvent full =
        desk.sit(cid, at("2025-03-10T15:10"), List.of(LEADER, LEADER2, PARTY1, PARTY2));
    assertThat(full.quorumMet()).isTrue();
    DeliberationDesk.Result deferred = decide("B-1", at("2025-03-10T15:30"), Outcome.DEFERRED);
    assertThat(deferred.caseEvents()).isEmpty();
    assertThat(deferred.event().sittingBy()).contains(at("2025-04-10T14:30"));
    assertThat(status("B-1")).isEqualTo(CaseStatus.SUSPENDED);
    // A deferral needs a new quorate sitting.
    assertThatThrownBy(() -> decide("B-1", at("2025-03-11T09:00"), Outcome.ADOPTED))
        .hasMessageContaining("no sitting of representatives_meeting");

    assertThat(d.advance(at("2025-04-10T14:30"))).isEmpty();
    var unused = desk.sit(cid, at("2025-04-10T14:30"), List.of(LEADER, LEADER2, PARTY1, VOL2));
    Instant dueBefore = d.engine.state(cid).orElseThrow().dueAt().orElseThrow();
    DeliberationDesk.Result adopted = decide("B-1", at("2025-04-10T16:00"), Outcome.ADOPTED);
    assertThat(adopted.event().late()).isFalse();
    assertThat(adopted.caseEvents()).extracting(CaseEvent::type).containsExactly(EventType.RESUMED);
    Instant dueAfter = ((EventPayload.Resumed) adopted.caseEvents().get(0).payload()).dueAt();
    // The whole-case deadline moves by exactly the working time the referral took.
    assertThat(dueAfter)
        .isEqualTo(
            CAL.plusWorkingTime(
                dueBefore, CAL.workingTimeBetween(at("2025-03-04T10:00"), at("2025-04-10T16:00"))));
    assertThat(status("B-1")).isEqualTo(CaseStatus.HANDLING);
    Referral r = desk.referral(cid).orElseThrow();
    assertThat(r.outcome()).contains(Outcome.ADOPTED);
    assertThat(r.sittings()).isEqualTo(3);
    assertThat(r.deferrals()).isEqualTo(1);

    assertThat(
            DeliberationDesk.restore(DeliberationPolicy.standard(), registry(), CAL, desk.log())
                .referrals())
        .isEqualTo(desk.referrals());
    assertThat(CaseLifecycle.replay(cid, d.log)).isEqualTo(d.engine.state(cid).orElseThrow());
  }

  @Test
  void anUrgentMatterIsDecidedWithinHoursAndASmallOneByTheGridsWeeklyDiscussion() {
    handling("U-1", Priority.URGENT, "2025-03-08T21:00"); // a Saturday night
    DeliberationDesk.Result referred = refer("U-1", at("2025-03-08T21:30"), Optional.empty());
    assertThat(referred.event().bodyId()).isEqualTo("quick_decision");
    assertThat(referred.event().sittingBy()).contains(at("2025-03-09T01:30"));
    CaseId cid = CaseId.of("U-1");
    var unused = desk.sit(cid, at("2025-03-08T23:00"), List.of(LEADER, OFFICER));
    DeliberationDesk.Result adopted = decide("U-1", at("2025-03-08T23:10"), Outcome.ADOPTED);
    assertThat(adopted.event().late()).isFalse();
    assertThat(
            Duration.between(
                desk.referral(cid).orElseThrow().referredAt(),
                desk.referral(cid).orElseThrow().decidedAt().orElseThrow()))
        .isLessThanOrEqualTo(Duration.ofHours(4));
    assertThat(status("U-1")).isEqualTo(CaseStatus.HANDLING);

    handling("S-1", Priority.NORMAL, "2025-03-13T09:00"); // Thursday
    DeliberationDesk.Result small = refer("S-1", at("2025-03-13T10:00"), Optional.empty());
    assertThat(small.event().bodyId()).isEqualTo("grid_discussion");
    assertThat(small.event().sittingBy()).contains(at("2025-03-19T15:00")); // next Wednesday
    assertThat(desk.members(CaseId.of("S-1"), at("2025-03-19T15:00")))
        .containsExactly(LEADER, PARTY1, PARTY2, WORKER);
    unused = desk.sit(CaseId.of("S-1"), at("2025-03-20T15:00"), List.of(LEADER, WORKER));
    assertThat(decide("S-1", at("2025-03-20T15:30"), Outcome.REJECTED).event().late()).isTrue();
  }

  @Test
  void aFailedMediationResumesTheCaseAndEscalatesItByTheOnwardRoute() {
    handling("M-1", Priority.NORMAL, "2025-03-03T10:00");
    DeliberationDesk.Result referred =
        refer("M-1", at("2025-03-03T11:00"), Optional.of("mediation_committee"));
    assertThat(referred.event().sittingBy())
        .contains(at("2025-03-03T11:00").plus(Duration.ofDays(30)));
    CaseId cid = CaseId.of("M-1");
    var unused = desk.sit(cid, at("2025-03-05T10:00"), List.of(OFFICER));
    assertThatThrownBy(() -> decide("M-1", at("2025-03-05T11:00"), Outcome.ADOPTED))
        .hasMessageContaining("ADOPTED is not an outcome of mediation_committee");
    assertThatThrownBy(() -> decide("M-1", at("2025-03-05T11:00"), Outcome.SETTLED))
        .hasMessageContaining("quorum not met: 1 of 3 members");
    unused = desk.sit(cid, at("2025-03-12T10:00"), List.of(OFFICER, LEADER));
    DeliberationDesk.Result failed = decide("M-1", at("2025-03-12T11:00"), Outcome.FAILED);
    assertThat(failed.caseEvents())
        .extracting(CaseEvent::type)
        .containsExactly(EventType.RESUMED, EventType.ESCALATED);
    EventPayload.Escalated esc = (EventPayload.Escalated) failed.caseEvents().get(1).payload();
    assertThat(esc.toHandlerId()).isEqualTo(CaseEngine.officeOf(DISTRICT));
    assertThat(status("M-1")).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(CaseLifecycle.replay(cid, d.log)).isEqualTo(d.engine.state(cid).orElseThrow());
  }

  @Test
  void anEntryBeforeTheDesksLastEntryIsRefusedAsTimeGoingBackwards() {
    handling("T-1", Priority.NORMAL, "2025-03-03T10:20");
    handling("T-2", Priority.NORMAL, "2025-03-03T10:20");
    var unused = refer("T-1", at("2025-03-03T10:30"), Optional.empty());
    Instant earlier = at("2025-03-03T10:25");
    String rule = "time goes backwards: " + earlier + " is before the desk's last entry at ";

    assertThatThrownBy(
            () ->
                desk.refer(
                    d.engine,
                    cmd(),
                    districtDispatcher(),
                    CaseId.of("T-2"),
                    earlier,
                    Optional.empty()))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining(rule);
    assertThatThrownBy(() -> desk.sit(CaseId.of("T-1"), earlier, List.of(LEADER, WORKER)))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining(rule);
    assertThatThrownBy(
            () -> desk.decide(d.engine, cmd(), CHAIR, CaseId.of("T-1"), earlier, Outcome.ADOPTED))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining(rule);
    assertThat(desk.log()).hasSize(1);
    assertThat(desk.toString()).isEqualTo("DeliberationDesk(1 referrals, 1 log entries)");
  }

  @Test
  void aCaseLogWithoutTheReferralsSuspensionsDisagreesWithTheDeskLogOnEveryRule() {
    handling("T-1", Priority.NORMAL, "2025-03-03T10:20");
    handling("T-2", Priority.NORMAL, "2025-03-03T10:20");
    var unused = refer("T-1", at("2025-03-03T10:30"), Optional.empty());
    unused = refer("T-2", at("2025-03-03T10:40"), Optional.empty());
    assertThat(DeliberationLogs.disagreements(desk.log(), d.log)).isEmpty();
    List<CaseEvent> noSuspensions =
        d.log.stream().filter(e -> e.type() != EventType.SUSPENDED).toList();

    var wrong = DeliberationLogs.disagreements(desk.log(), noSuspensions);

    String noEvent = " has no Suspended event of its case at that instant naming the body";
    String notSuspended = ": its referral is open but the case log does not replay it as suspended";
    assertThat(wrong)
        .containsExactly(
            "case T-1: deliberation entry #1 (REFERRED)" + noEvent,
            "case T-2: deliberation entry #2 (REFERRED)" + noEvent,
            "case T-1" + notSuspended,
            "case T-2" + notSuspended);
    assertThatThrownBy(
            () ->
                DeliberationLogs.restore(
                    DeliberationPolicy.standard(), registry(), CAL, desk.log(), noSuspensions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the deliberation log and the case log disagree: case T-1: deliberation entry #1"
                + " (REFERRED)"
                + noEvent
                + " (and 3 more)");

    // a case log with a gap does not replay, so it does not show the open referral's case suspended
    CaseEvent verified =
        d.log.stream()
            .filter(e -> e.caseId().equals(CaseId.of("T-1")) && e.type() == EventType.VERIFIED)
            .findFirst()
            .orElseThrow();
    List<CaseEvent> gap = d.log.stream().filter(e -> e != verified).toList();
    assertThat(DeliberationLogs.disagreements(desk.log(), gap))
        .containsExactly("case T-1" + notSuspended);
    // one disagreement alone: no count of others
    assertThatThrownBy(
            () ->
                DeliberationLogs.restore(
                    DeliberationPolicy.standard(), registry(), CAL, desk.log(), gap))
        .hasMessage("the deliberation log and the case log disagree: case T-1" + notSuspended);
  }

  @Test
  void refusalsChangeNothing() {
    String id = "R-1";
    Instant t = at("2025-03-03T10:00");
    d.run(GW, id, t, new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    int engineBefore = d.log.size();
    assertThatThrownBy(() -> refer(id, at("2025-03-03T10:10"), Optional.empty()))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining("case R-1: deliberation refused: the case is REPORTED");
    assertThatThrownBy(() -> refer("nope", at("2025-03-03T10:10"), Optional.empty()))
        .hasMessageContaining("the engine has no such case");
    assertThat(d.log).hasSize(engineBefore);
    assertThat(desk.log()).isEmpty();
    handling("R-2", Priority.NORMAL, "2025-03-03T10:20");
    assertThatThrownBy(() -> refer("R-2", at("2025-03-03T10:30"), Optional.of("elders")))
        .hasMessageContaining("body elders is not one of the policy's");
    var unused = refer("R-2", at("2025-03-03T10:30"), Optional.empty());
    assertThatThrownBy(() -> refer("R-2", at("2025-03-03T10:40"), Optional.empty()))
        .hasMessageContaining("it is already referred to grid_discussion");
    assertThatThrownBy(() -> desk.sit(CaseId.of("R-1"), at("2025-03-03T10:40"), List.of(LEADER)))
        .hasMessageContaining("the case was never referred");
    assertThat(desk.log()).hasSize(1);
    assertThat(desk.toString()).doesNotContain("p-");
  }

  @Test
  void aDecisionIsRecordedByAMemberOfTheBodyAtThatInstant() {
    handling("A-1", Priority.NORMAL, "2025-03-03T10:00");
    var unused = refer("A-1", at("2025-03-03T10:30"), Optional.empty());
    CaseId cid = CaseId.of("A-1");
    DeliberationEvent sat = desk.sit(cid, at("2025-03-05T15:00"), List.of(LEADER, WORKER));
    assertThat(sat.quorumMet()).isTrue();
    int deskBefore = desk.log().size();
    Instant t = at("2025-03-05T16:00");
    d.advance(t);
    int engineBefore = d.log.size();
    assertThatThrownBy(
            () -> desk.decide(d.engine, cmd(), districtDispatcher(), cid, t, Outcome.ADOPTED))
        .isInstanceOf(DeliberationRefusedException.class)
        .hasMessageContaining(
            "person disp-1 holds none of the roles [grid_leader, grid_worker, party_contact] over"
                + " region "
                + GRID1)
        .hasMessageContaining("rule: decisions by members");
    // A volunteer of the grid is not a member of the grid discussion; a deferral is checked too.
    assertThatThrownBy(
            () ->
                desk.decide(
                    d.engine,
                    cmd(),
                    Principal.inRegion("p-vol1", Role.LEADER, GRID1),
                    cid,
                    t,
                    Outcome.DEFERRED))
        .hasMessageContaining("person p-vol1 holds none of the roles");
    assertThatThrownBy(
            () ->
                desk.decide(
                    d.engine,
                    cmd(),
                    Principal.inRegion("张三", Role.LEADER, GRID1),
                    cid,
                    t,
                    Outcome.ADOPTED))
        .hasMessageContaining("not a pseudonymous person id")
        .hasMessageNotContaining("张三");
    assertThat(d.log).hasSize(engineBefore);
    assertThat(desk.log()).hasSize(deskBefore);
    assertThat(status("A-1")).isEqualTo(CaseStatus.SUSPENDED);
    DeliberationDesk.Result adopted = decide("A-1", t, Outcome.ADOPTED);
    assertThat(adopted.event().outcome()).contains(Outcome.ADOPTED);
    assertThat(status("A-1")).isEqualTo(CaseStatus.HANDLING);
  }
}
