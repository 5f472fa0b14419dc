package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import com.google.common.primitives.ImmutableLongArray;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * 建议合并: with {@code repeat ... suggest} a repeat report stays a case of its own with {@code
 * MergeSuggested}; the dispatcher accepts ({@code Merged} + {@code RepeatReported}, a closed case
 * reopens) or declines ({@code MergeDeclined}); refusals (no suggestion pending, not a dispatcher,
 * outside the jurisdiction) change nothing; restore from the log and from a snapshot keep a pending
 * suggestion.
 */
class MergeSuggestionTest {
  private static final String POLICY = "repeat window P30D within 50m suggest";
  private static final String POTHOLE = "0401";
  private static final CaseId P1 = CaseId.of("P-1");

  private static CaseEngine.Builder config() {
    return Fixture.config().supervisionPolicy(SupervisionPolicy.parse(POLICY, "test-policy"));
  }

  private static CaseFacts pothole(String id, long grid, double northMetres) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(POTHOLE)
        .priority(Priority.NORMAL)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(grid))
        .source(CaseSource.APP)
        .point(ReportedPoint.of(118.0, 24.5 + northMetres / 111_195.0))
        .build();
  }

  private static List<CaseEvent> report(Driver d, String id, Instant t, long grid, double north) {
    return d.run(
        Principal.resident("r-" + id), id, t, new Command.Report(pothole(id, grid, north)));
  }

  private static List<CaseEvent> decide(Driver d, Principal who, String id, Instant t, boolean ok) {
    return d.run(who, id, t, new Command.DecideMerge(ok));
  }

  /** P-1 reported, verified, registered and dispatched. */
  private static Driver opened(Instant t) {
    Driver d = new Driver(config().build());
    var unused = report(d, "P-1", t, GRID1, 0);
    d.run(districtDispatcher(), "P-1", t.plusSeconds(60), new Command.Verify(true, ""));
    d.run(districtDispatcher(), "P-1", t.plusSeconds(120), new Command.Register());
    d.run(districtDispatcher(), "P-1", t.plusSeconds(180), Command.Dispatch.byPolicy());
    return d;
  }

  @Test
  void aRepeatIsSuggested_theDispatcherAccepts_orDeclines() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(t);

    List<CaseEvent> suggested = report(d, "P-2", t.plusSeconds(600), GRID2, 20);
    assertThat(suggested.stream().map(CaseEvent::payload))
        .containsExactly(new EventPayload.Reported(), new EventPayload.MergeSuggested(P1));
    assertThat(d.engine.state(CaseId.of("P-2")).orElseThrow().status())
        .isEqualTo(CaseStatus.REPORTED);
    assertThat(d.engine.reportCount(P1)).isEqualTo(OptionalInt.of(1));

    List<CaseEvent> accepted = decide(d, districtDispatcher(), "P-2", t.plusSeconds(700), true);
    assertThat(accepted.get(0).payload()).isEqualTo(new EventPayload.Merged(P1));
    assertThat(accepted.get(1).caseId()).isEqualTo(P1);
    assertThat(accepted.get(1).payload())
        .isEqualTo(new EventPayload.RepeatReported(CaseId.of("P-2"), 2));
    assertThat(d.engine.reportCount(P1)).isEqualTo(OptionalInt.of(2));
    assertThat(d.engine.state(CaseId.of("P-2")).orElseThrow().status())
        .isEqualTo(CaseStatus.MERGED);

    var unused = report(d, "P-3", t.plusSeconds(800), GRID1, -30);
    List<CaseEvent> declined = decide(d, districtDispatcher(), "P-3", t.plusSeconds(900), false);
    assertThat(declined.stream().map(CaseEvent::payload))
        .containsExactly(new EventPayload.MergeDeclined(P1));
    assertThat(d.engine.state(CaseId.of("P-3")).orElseThrow().status())
        .isEqualTo(CaseStatus.REPORTED);
    assertThat(d.engine.reportCount(P1)).isEqualTo(OptionalInt.of(2));
    // decided once: nothing is pending any more
    refused(
        d, districtDispatcher(), "P-3", TransitionRefusedException.class, "no merge suggestion");

    CaseEngine restored = CaseEngine.restore(config(), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  private static void refused(
      Driver d, Principal who, String id, Class<? extends Exception> type, String message) {
    EngineSnapshot before = d.engine.snapshot();
    assertThatThrownBy(
            () ->
                d.engine.execute(
                    Command.of(
                        "refused-" + who + id,
                        who,
                        CaseId.of(id),
                        d.engine.now().orElseThrow(),
                        new Command.DecideMerge(true))))
        .isInstanceOf(type)
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining(message);
    assertThat(d.engine.snapshot()).isEqualTo(before);
  }

  @Test
  void refusals_changeNothing() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(t);
    var unused = report(d, "P-2", t.plusSeconds(600), GRID3, 20); // another community, 20 m away
    assertThat(unused.get(1).payload()).isEqualTo(new EventPayload.MergeSuggested(P1));

    refused(
        d, districtDispatcher(), "P-1", TransitionRefusedException.class, "no merge suggestion");
    refused(
        d,
        Principal.inRegion("gw-1", Role.GRID_WORKER, GRID3),
        "P-2",
        NotAuthorizedException.class,
        "decide-merge");
    refused(d, supervisor(), "P-2", NotAuthorizedException.class, "decide-merge");
    // a dispatcher of the township sees neither case
    refused(
        d,
        Principal.inRegion("d-t", Role.DISPATCHER, TOWNSHIP),
        "P-2",
        UnknownCaseException.class,
        "P-2");
    // a dispatcher of the second community sees the report but not the suggested case
    refused(
        d,
        Principal.inRegion("d-c2", Role.DISPATCHER, COMMUNITY2),
        "P-2",
        UnknownCaseException.class,
        "P-1");

    List<CaseEvent> ok = decide(d, districtDispatcher(), "P-2", t.plusSeconds(700), true);
    assertThat(ok.get(0).payload()).isEqualTo(new EventPayload.Merged(P1));
  }

  @Test
  void acceptingARepeatOfAClosedCase_reopensIt_andASnapshotKeepsAPendingSuggestion() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(t);
    String lead = d.engine.state(P1).orElseThrow().lead().orElseThrow();
    Principal disp = districtDispatcher();
    Instant u = t.plusSeconds(3600);
    d.run(disp, "P-1", u, new Command.Accept(lead));
    d.run(disp, "P-1", u.plusSeconds(60), new Command.Resolve(lead, "filled"));
    d.run(disp, "P-1", u.plusSeconds(120), new Command.Check(true, ""));
    d.run(disp, "P-1", u.plusSeconds(180), new Command.Close());

    var unused = report(d, "P-4", u.plusSeconds(7200), GRID1, 10);
    assertThat(unused.get(1).payload()).isEqualTo(new EventPayload.MergeSuggested(P1));

    // a snapshot taken with the suggestion pending, restored: the suggestion is still decidable
    CaseEngine fromSnapshot = CaseEngine.restore(config(), d.engine.snapshot(), d.facts, List.of());
    assertThat(fromSnapshot.snapshot()).isEqualTo(d.engine.snapshot());
    Driver r = new Driver(fromSnapshot);
    List<CaseEvent> accepted = decide(r, disp, "P-4", u.plusSeconds(7300), true);
    assertThat(accepted.stream().map(CaseEvent::type))
        .containsExactly(EventType.MERGED, EventType.REPEAT_REPORTED, EventType.REOPENED);
    assertThat(fromSnapshot.state(P1).orElseThrow().status()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(fromSnapshot.reportCount(P1)).isEqualTo(OptionalInt.of(2));

    // the same decision on the live engine gives the same events
    List<CaseEvent> live = decide(d, disp, "P-4", u.plusSeconds(7300), true);
    assertThat(live).isEqualTo(accepted);
  }
}
