package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

/**
 * The attribution rules of {@link Scorecards}' Javadoc on two hand-written cases whose every count
 * is worked out below from the rules, not read from the code: an escalation after a breach, a
 * return that comes back to the returner (推诿), a supervision, a failed check, deadlines moved by an
 * extension, a resumption and a revision of the whole-case clock (and one of another clock, which
 * does not count), and the answers of a visit and an evaluation.
 */
class ScorecardsAttributionTest {
  private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");
  private static final Actor SYSTEM = Actor.of("sys", Role.DISPATCHER);
  private static final ScorecardWeights QUARTERS =
      ScorecardWeights.parse(
          """
          accept-within PT1H
          weight accepted-in-time 0.25
          weight on-time-handling 0.25
          weight shirking 0.25
          weight satisfaction 0.25
          """,
          "w");

  private static Instant hour(int h) {
    return T0.plus(Duration.ofHours(h));
  }

  /** One case's events, the i-th at hour i. */
  private static List<CaseEvent> caseLog(String id, EventPayload... payloads) {
    List<CaseEvent> out = new ArrayList<>();
    for (int i = 0; i < payloads.length; i++) {
      out.add(CaseEvent.of(CaseId.of(id), i + 1, hour(i), SYSTEM, payloads[i]));
    }
    return out;
  }

  /**
   * Hour 3 g1 leads (received 1); 4 its lead clock breaches (its handling due, late); 5 escalated
   * to c1 (received 1); 6 c1 accepts within the hour; 7 c1 returns it; 8 it is dispatched to c1
   * again (a shirk, received 2, never accepted); 9 resolved (c1's handling due, on time: the new
   * holding has no breach); 10 check passed; 11 closed before the deadline of hour 30; 12 evaluated
   * dissatisfied.
   */
  private static final List<CaseEvent> ESCALATED_AND_RETURNED =
      caseLog(
          "A",
          new EventPayload.Reported(),
          new EventPayload.Verified(),
          new EventPayload.Registered(hour(30)),
          new EventPayload.Dispatched("g1", HandlerRole.LEAD),
          new EventPayload.SlaBreached("lead", SlaStage.HANDLE),
          new EventPayload.Escalated(EscalationCause.BREACH, "g1", "c1"),
          new EventPayload.Accepted("c1"),
          new EventPayload.Returned("c1", "not ours"),
          new EventPayload.Dispatched("c1", HandlerRole.LEAD),
          new EventPayload.Resolved("done"),
          new EventPayload.CheckPassed(),
          new EventPayload.Closed(),
          new EventPayload.Evaluated(Satisfaction.DISSATISFIED, false));

  /**
   * g2 leads from hour 2; supervised at 3; the deadline moves to hour 100 (extension), then hour 5
   * (resumption), then hour 50 (a revision of the case clock) — a revision of the lead clock to
   * hour 1 does not move it; resolved at 9 (due, on time), the check fails at 10 (rework, a new
   * holding), resolved again at 11 (due again, on time), check passed at 12, closed at 13 before
   * hour 50, visited and basically satisfied at 14.
   */
  private static final List<CaseEvent> SUPERVISED_AND_REWORKED =
      caseLog(
          "B",
          new EventPayload.Reported(),
          new EventPayload.Registered(hour(4)),
          new EventPayload.Dispatched("g2", HandlerRole.LEAD),
          new EventPayload.SupervisionOpened("district", hour(40), "slow"),
          new EventPayload.Extended(hour(100), "parts", false),
          new EventPayload.Suspended("parts"),
          new EventPayload.Resumed(hour(5), false),
          new EventPayload.DeadlineRevised("case", hour(5), hour(50), "cn-test", false),
          new EventPayload.DeadlineRevised("lead", hour(50), hour(1), "cn-test", false),
          new EventPayload.Resolved("done"),
          new EventPayload.CheckFailed("not done"),
          new EventPayload.Resolved("done again"),
          new EventPayload.CheckPassed(),
          new EventPayload.Closed(),
          new EventPayload.Visited(true, Optional.of(Satisfaction.BASICALLY_SATISFIED)));

  private static Scorecard card(List<CaseEvent> log, String handler) {
    return Scorecards.compute(log, T0, hour(1000), QUARTERS).row(handler).orElseThrow().card();
  }

  @Test
  void theLeadWhoseClockBreached_hasItsHandlingDueAndLate() {
    Scorecard g1 = card(ESCALATED_AND_RETURNED, "g1");

    assertThat(g1.received()).isEqualTo(1);
    assertThat(g1.acceptedInTime()).isEqualTo(new Rate(0, 1));
    assertThat(g1.onTimeHandling()).isEqualTo(new Rate(0, 1));
    assertThat(g1.onTimeClosing()).isEqualTo(new Rate(0, 0));
    assertThat(g1.shirks()).isZero();
    // accepted 0, handling 0, shirking 1 - 0/1 = 1, satisfaction undefined: 100 * 0.25 / 0.75
    assertThat(g1.composite().orElseThrow()).isCloseTo(100.0 / 3, within(1e-9));
  }

  @Test
  void theEscalatedToLead_acceptsOnce_shirksOnce_andAnswersForTheClosedCase() {
    Scorecard c1 = card(ESCALATED_AND_RETURNED, "c1");

    assertThat(c1.received()).isEqualTo(2);
    assertThat(c1.acceptedInTime()).isEqualTo(new Rate(1, 2));
    assertThat(c1.onTimeHandling()).isEqualTo(new Rate(1, 1));
    assertThat(c1.onTimeClosing()).isEqualTo(new Rate(1, 1));
    assertThat(c1.rework()).isEqualTo(new Rate(0, 1));
    assertThat(c1.shirks()).isEqualTo(1);
    assertThat(c1.satisfaction()).isEqualTo(new Rate(0, 1));
    // 0.25 * (1/2 + 1 + (1 - 1/2) + 0) / 1
    assertThat(c1.composite().orElseThrow()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void supervision_rework_movedDeadlines_andAVisitCountForTheLead() {
    Scorecard g2 = card(SUPERVISED_AND_REWORKED, "g2");

    assertThat(g2.received()).isEqualTo(1);
    assertThat(g2.supervised()).isEqualTo(1);
    assertThat(g2.onTimeHandling()).isEqualTo(new Rate(2, 2));
    assertThat(g2.rework()).isEqualTo(new Rate(1, 2));
    assertThat(g2.onTimeClosing()).isEqualTo(new Rate(1, 1)); // due at hour 50, closed at 13
    assertThat(g2.satisfaction()).isEqualTo(new Rate(1, 1));
  }

  @Test
  void aPeriodEndingBeforeTheClose_countsOnlyWhatCameBefore() {
    Scorecard c1 =
        Scorecards.compute(ESCALATED_AND_RETURNED, T0, hour(9), QUARTERS)
            .row("c1")
            .orElseThrow()
            .card();

    assertThat(c1.received()).isEqualTo(2);
    assertThat(c1.onTimeHandling()).isEqualTo(new Rate(0, 0)); // resolved at hour 9: outside
    assertThat(c1.onTimeClosing()).isEqualTo(new Rate(0, 0));
  }

  @Test
  void weights_eachBetweenZeroAndOne_summingToOne_eachIndicatorOnce() {
    assertThat(
            ScorecardWeights.parse("accept-within PT1H\nweight rework 1\n", "w")
                .weight(ScorecardWeights.Indicator.REWORK))
        .isEqualTo(1.0);
    assertThat(
            ScorecardWeights.parse("accept-within PT1H\nweight rework 1\nweight shirking 0\n", "w")
                .weight(ScorecardWeights.Indicator.SHIRKING))
        .isZero();
    assertThatThrownBy(
            () -> ScorecardWeights.parse("accept-within PT1H\nweight rework 1.01\n", "w"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("1.01");
    assertThatThrownBy(() -> ScorecardWeights.parse("accept-within PT1H\nweight rework -0\n", "w"))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(
            () ->
                ScorecardWeights.parse(
                    "accept-within PT1H\nweight rework 0.5\nweight rework 0.5\n", "w"))
        .hasMessageContaining("each indicator once");
    assertThatThrownBy(
            () ->
                ScorecardWeights.parse(
                    "accept-within PT1H\naccept-within PT2H\nweight rework 1\n", "w"))
        .hasMessageContaining("one accept-within line");
    assertThatThrownBy(() -> ScorecardWeights.parse("accept-within PT0S\nweight rework 1\n", "w"))
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> ScorecardWeights.parse("weight rework 1 extra\n", "w"))
        .hasMessageContaining("4 fields; expected 3");
    assertThatThrownBy(
            () ->
                ScorecardWeights.of(Map.of(ScorecardWeights.Indicator.REWORK, 1.0), Duration.ZERO))
        .hasMessageContaining("accept-within must be positive");
  }

  @Test
  void closingExactlyAtTheDeadline_isOnTime_andNoDefinedWeightedIndicatorGivesNoComposite() {
    List<CaseEvent> log =
        caseLog(
            "C",
            new EventPayload.Reported(),
            new EventPayload.Registered(hour(4)),
            new EventPayload.Dispatched("g3", HandlerRole.LEAD),
            new EventPayload.Resolved("done"),
            new EventPayload.Closed()); // at hour 4, the deadline itself
    ScorecardWeights satisfactionOnly =
        ScorecardWeights.parse("accept-within PT1H\nweight satisfaction 1\n", "w");

    Scorecard g3 =
        Scorecards.compute(log, T0, hour(1000), satisfactionOnly).row("g3").orElseThrow().card();

    assertThat(g3.onTimeClosing()).isEqualTo(new Rate(1, 1));
    assertThat(g3.composite()).isEmpty(); // nobody answered: the only weighted rate is undefined
  }

  @Test
  void rates_renderAsTheirJavadocSays() {
    assertThat(new Rate(12, 15)).hasToString("12/15 (80.00%)");
    assertThat(new Rate(1, 3)).hasToString("1/3 (33.33%)");
    assertThat(new Rate(0, 0)).hasToString("0/0 (n/a)");
  }

  @Test
  void theTable_ranksByComposite_highestFirst_andReRanksWhenRestricted() {
    List<CaseEvent> both = new ArrayList<>(ESCALATED_AND_RETURNED);
    both.addAll(SUPERVISED_AND_REWORKED);
    // g2: 0.25 * (0/1 accepted + 2/2 on time + (1 - 0/1) shirking + 1/1 satisfied) = 75;
    // c1 50; g1 33.3 (above)
    ScorecardTable t = Scorecards.compute(both, T0, hour(1000), QUARTERS);

    assertThat(t.rows())
        .extracting(r -> r.card().handlerId() + "#" + r.rank().orElseThrow())
        .containsExactly("g2#1", "c1#2", "g1#3");
    assertThat(t.restrictedTo(h -> !h.equals("g2")).rows())
        .extracting(r -> r.card().handlerId() + "#" + r.rank().orElseThrow())
        .containsExactly("c1#1", "g1#2");
  }
}
