package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Role;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.gridgov.people.PersonId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link PersonScorecards} on hand-written case and desk logs, against the same case log relabelled
 * by hand by the class's stated rules: the relabelled logs must be equal event for event, and the
 * persons' table the one {@link Scorecards} gives for the hand's log. Each test names the rule its
 * hand relabelling follows.
 */
class PersonScorecardsRelabelTest {
  private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");
  private static final Actor ACTOR = Actor.of("d-1", Role.DISPATCHER);
  private static final String O1 = "office:g1";
  private static final String O2 = "office:s1";
  private static final String P1 = "person:p-1";
  private static final String P2 = "person:p-2";
  private static final ScorecardWeights WEIGHTS =
      ScorecardWeights.parse(ScorecardsPropertyTest.WEIGHTS, "w");

  @Test
  void anAssignmentAtTheDispatchIsThePersonsHoldingAndTheOfficesAcceptAndReturnInItAreTheirs() {
    Log log = new Log();
    Log hand = new Log();
    opened(log, hand, "c-1");
    log.add("c-1", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    log.staff("c-1", 10, StaffEvent.Kind.ASSIGNED, O1, "p-1");
    log.add("c-1", 20, new EventPayload.Accepted(O1));
    log.add("c-1", 30, new EventPayload.Returned(O1, "not ours"));
    // the case has left O1: the desk's release of it changes nothing
    log.staff("c-1", 31, StaffEvent.Kind.RELEASED, O1, null);
    hand.add("c-1", 10, new EventPayload.Dispatched(P1, HandlerRole.LEAD));
    hand.add("c-1", 20, new EventPayload.Accepted(P1));
    hand.add("c-1", 30, new EventPayload.Returned(P1, "not ours"));

    assertSameTable(log, hand);
    assertThat(table(log).row(P1)).isPresent();
    assertThat(table(log).rows()).hasSize(1);
  }

  @Test
  void anEscalationAssignedAtItsInstantIsThePersonsAndAQueuedCaseGoesBackToTheOffice() {
    Log log = new Log();
    Log hand = new Log();
    opened(log, hand, "c-2");
    log.add("c-2", 10, new EventPayload.Escalated(EscalationCause.MANUAL, O1, O2));
    log.staff("c-2", 10, StaffEvent.Kind.ASSIGNED, O2, "p-2");
    log.staff("c-2", 15, StaffEvent.Kind.QUEUED, O2, null);
    log.add("c-2", 20, new EventPayload.Accepted(O2));
    log.staff("c-2", 25, StaffEvent.Kind.ASSIGNED, O2, "p-2");
    // the same person again: no new holding
    log.staff("c-2", 26, StaffEvent.Kind.ASSIGNED, O2, "p-2");
    log.add("c-2", 40, new EventPayload.Resolved("done"));
    log.add("c-2", 50, new EventPayload.CheckPassed());
    log.add("c-2", 60, new EventPayload.Closed());
    log.staff("c-2", 61, StaffEvent.Kind.ASSIGNED, O2, "p-1");
    hand.add("c-2", 10, new EventPayload.Escalated(EscalationCause.MANUAL, O1, P2));
    hand.add("c-2", 15, new EventPayload.Dispatched(O2, HandlerRole.LEAD));
    hand.add("c-2", 20, new EventPayload.Accepted(O2));
    hand.add("c-2", 25, new EventPayload.Dispatched(P2, HandlerRole.LEAD));
    hand.add("c-2", 40, new EventPayload.Resolved("done"));
    hand.add("c-2", 50, new EventPayload.CheckPassed());
    hand.add("c-2", 60, new EventPayload.Closed());

    assertSameTable(log, hand);
    // the office accepted while nobody held the case: it is in the case table, not the persons'
    assertThat(Scorecards.compute(hand.events, T, T.plusSeconds(86_400), WEIGHTS).row(O2))
        .isPresent();
    assertThat(table(log).row(O2)).isEmpty();
    assertThat(table(log).row(P1)).isEmpty();
    assertThat(table(log).row(P2).orElseThrow().card().received()).isEqualTo(2);
  }

  @Test
  void anAssignmentLaterThanTheDispatchIsANewHoldingAndTheDeskComesAfterTheCaseAtOneInstant() {
    Log log = new Log();
    Log hand = new Log();
    opened(log, hand, "c-3");
    log.add("c-3", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    // a case event at 20 and the desk's assignment at 20: the case event comes first
    log.add("c-3", 20, new EventPayload.Accepted(O1));
    log.staff("c-3", 20, StaffEvent.Kind.ASSIGNED, O1, "p-1");
    // a suspension leaves the office holding the case
    log.add("c-3", 25, new EventPayload.Suspended("waiting for parts"));
    // after the case's last event, the desk still hands it on
    log.staff("c-3", 30, StaffEvent.Kind.HANDED_BACK, O1, "p-2");
    hand.add("c-3", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    hand.add("c-3", 20, new EventPayload.Accepted(O1));
    hand.add("c-3", 20, new EventPayload.Dispatched(P1, HandlerRole.LEAD));
    hand.add("c-3", 25, new EventPayload.Suspended("waiting for parts"));
    hand.add("c-3", 30, new EventPayload.Dispatched(P2, HandlerRole.LEAD));

    assertSameTable(log, hand);
    assertThat(table(log).row(P2).orElseThrow().card().received()).isEqualTo(1);
  }

  @Test
  void aMergedCaseEndsTheHoldingAndCasesAreRelabelledEachOnItsOwn() {
    Log log = new Log();
    Log hand = new Log();
    opened(log, hand, "c-4");
    opened(log, hand, "c-5");
    opened(log, hand, "c-6");
    log.add("c-4", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    log.add("c-5", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    log.staff("c-4", 10, StaffEvent.Kind.ASSIGNED, O1, "p-1");
    log.add("c-4", 20, new EventPayload.Merged(CaseId.of("c-5")));
    // the desk's view after the merge: the case has left the office
    log.staff("c-4", 21, StaffEvent.Kind.ASSIGNED, O1, "p-2");
    // an assignment after the dispatch, before the next case event: the office's holding, then
    // the person's
    log.staff("c-5", 15, StaffEvent.Kind.ASSIGNED, O1, "p-1");
    log.add("c-5", 30, new EventPayload.Accepted(O1));
    // a case whose last event is a dispatch nobody was assigned to
    log.add("c-6", 40, new EventPayload.Dispatched(O2, HandlerRole.LEAD));
    hand.add("c-4", 10, new EventPayload.Dispatched(P1, HandlerRole.LEAD));
    hand.add("c-5", 10, new EventPayload.Dispatched(O1, HandlerRole.LEAD));
    hand.add("c-4", 20, new EventPayload.Merged(CaseId.of("c-5")));
    hand.add("c-5", 15, new EventPayload.Dispatched(P1, HandlerRole.LEAD));
    hand.add("c-5", 30, new EventPayload.Accepted(P1));
    hand.add("c-6", 40, new EventPayload.Dispatched(O2, HandlerRole.LEAD));

    assertSameTable(log, hand);
    assertThat(table(log).row(P2)).isEmpty();
  }

  private static void opened(Log log, Log hand, String id) {
    for (Log l : List.of(log, hand)) {
      l.add(id, 0, new EventPayload.Reported());
      l.add(id, 1, new EventPayload.Verified());
      l.add(id, 2, new EventPayload.Registered(T.plusSeconds(3 * 86_400L), false));
    }
  }

  private static ScorecardTable table(Log log) {
    return PersonScorecards.compute(log.events, log.staff, T, T.plusSeconds(86_400), WEIGHTS);
  }

  private static void assertSameTable(Log log, Log hand) {
    Map<CaseId, List<CaseEvent>> byCase = new LinkedHashMap<>();
    for (CaseEvent e : hand.events) {
      byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
    }
    assertThat(PersonScorecards.relabel(log.events, log.staff))
        .as("the relabelled log, case by case")
        .containsExactlyElementsOf(byCase.values().stream().flatMap(List::stream).toList());
    ScorecardTable expected =
        Scorecards.compute(hand.events, T, T.plusSeconds(86_400), WEIGHTS)
            .restrictedTo(h -> h.startsWith("person:"));
    assertThat(table(log).toCsv()).isEqualTo(expected.toCsv());
    assertThat(expected.rows()).isNotEmpty();
  }

  /** A case log (sequence numbers per case) and a desk log, instants in minutes after T. */
  private static final class Log {
    final List<CaseEvent> events = new ArrayList<>();
    final List<StaffEvent> staff = new ArrayList<>();
    private final Map<String, Long> seq = new HashMap<>();

    void add(String id, int minute, EventPayload p) {
      long n = seq.merge(id, 1L, Long::sum);
      events.add(CaseEvent.of(CaseId.of(id), n, T.plusSeconds(60L * minute), ACTOR, p));
    }

    void staff(
        String id, int minute, StaffEvent.Kind kind, String office, @Nullable String person) {
      staff.add(
          new StaffEvent(
              T.plusSeconds(60L * minute),
              CaseId.of(id),
              kind,
              office,
              "grid_worker",
              Optional.ofNullable(person).map(PersonId::of),
              Optional.empty(),
              "rule"));
    }
  }
}
