package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.junit.jupiter.api.Test;

/** Scorecards on hand-written logs: weights, ranking with ties, and what moves the 返工率. */
class ScorecardsTest {
  private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");
  private static final Actor SYSTEM = Actor.of("sys", Role.DISPATCHER);
  private static final ScorecardWeights EQUAL =
      ScorecardWeights.parse(
          "accept-within PT1H\nweight on-time-closing 0.5\nweight rework 0.5\n", "w");

  /** Builds one case's log event by event, an hour apart. */
  private static final class Log {
    final CaseId id;
    final List<CaseEvent> events = new ArrayList<>();
    Instant t;

    Log(String id, Instant start) {
      this.id = CaseId.of(id);
      this.t = start;
    }

    @com.google.errorprone.annotations.CanIgnoreReturnValue
    Log then(EventPayload p) {
      events.add(CaseEvent.of(id, events.size() + 1, t, SYSTEM, p));
      t = t.plus(Duration.ofHours(1));
      return this;
    }

    /** Reported … Closed by {@code lead}, due at {@code due}. */
    static Log closed(String id, String lead, Instant due) {
      return new Log(id, T0)
          .then(new EventPayload.Reported())
          .then(new EventPayload.Verified())
          .then(new EventPayload.Registered(due))
          .then(new EventPayload.Dispatched(lead, HandlerRole.LEAD))
          .then(new EventPayload.Accepted(lead))
          .then(new EventPayload.Resolved("done"))
          .then(new EventPayload.CheckPassed())
          .then(new EventPayload.Closed());
    }
  }

  private static final Instant FROM = T0;
  private static final Instant TO = T0.plus(Duration.ofDays(30));
  private static final Instant LATE = T0.plus(Duration.ofHours(3)); // before the closing
  private static final Instant LATER = T0.plus(Duration.ofDays(10));

  @Test
  void aNotSatisfiedVisitsReopening_movesTheReworkRateOfTheLastLead() {
    Log a = Log.closed("A", "h1", LATER);
    ScorecardTable before = Scorecards.compute(a.events, FROM, TO, EQUAL);
    assertThat(before.row("h1").orElseThrow().card().rework()).isEqualTo(new Rate(0, 1));

    a.then(new EventPayload.Visited(true, Optional.of(Satisfaction.DISSATISFIED)))
        .then(new EventPayload.Reopened("回访不满意", LATER));
    Scorecard after = Scorecards.compute(a.events, FROM, TO, EQUAL).row("h1").orElseThrow().card();
    assertThat(after.rework()).isEqualTo(new Rate(1, 2));
    assertThat(after.satisfaction()).isEqualTo(new Rate(0, 1));
  }

  @Test
  void equalComposites_shareARank_andNameEachOther() {
    List<CaseEvent> log = new ArrayList<>();
    log.addAll(Log.closed("A", "h1", LATER).events); // on time, no rework: 100
    log.addAll(Log.closed("B", "h2", LATER).events); // the same: 100
    log.addAll(Log.closed("C", "h3", LATE).events); // late: closing 0, rework 1 -> 50
    ScorecardTable t = Scorecards.compute(log, FROM, TO, EQUAL);

    assertThat(t.rows()).extracting(r -> r.card().handlerId()).containsExactly("h1", "h2", "h3");
    assertThat(t.rows())
        .extracting(ScorecardTable.Row::rank)
        .containsExactly(Optional.of(1), Optional.of(1), Optional.of(3));
    assertThat(t.row("h1").orElseThrow().tiedWith()).containsExactly("h2");
    assertThat(t.row("h3").orElseThrow().tiedWith()).isEmpty();
    assertThat(t.row("h3").orElseThrow().card().composite().getAsDouble()).isEqualTo(50.0);
    assertThat(t.toCsv().lines().toList().get(1))
        .startsWith("1,h1,1,1/1,1/1,1/1,0/1,0,0,0/0,100.0000,h2");
  }

  @Test
  void eventsOutsideThePeriod_countNowhere_andTheLiveOrderDoesNotMatter() {
    List<CaseEvent> a = Log.closed("A", "h1", LATER).events;
    List<CaseEvent> b = Log.closed("B", "h1", LATE).events;
    List<CaseEvent> interleaved = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      interleaved.add(a.get(i));
      interleaved.add(b.get(i));
    }
    List<CaseEvent> grouped = new ArrayList<>(a);
    grouped.addAll(b);
    assertThat(Scorecards.compute(interleaved, FROM, TO, EQUAL))
        .isEqualTo(Scorecards.compute(grouped, FROM, TO, EQUAL));
    // a period that ends before the closings sees the dispatches but no closing
    Scorecard early =
        Scorecards.compute(grouped, FROM, T0.plus(Duration.ofHours(5)), EQUAL)
            .row("h1")
            .orElseThrow()
            .card();
    assertThat(early.received()).isEqualTo(2);
    assertThat(early.onTimeClosing()).isEqualTo(new Rate(0, 0));
    assertThat(Scorecards.compute(grouped, TO, TO.plusSeconds(1), EQUAL).rows()).isEmpty();
  }

  @Test
  void accumulatorFedCaseByCase_equalsTheTableOfTheWholeLog_andRefusesAMixedCase() {
    Log a = Log.closed("A", "h1", LATER);
    a.then(new EventPayload.Visited(true, Optional.of(Satisfaction.DISSATISFIED)))
        .then(new EventPayload.Reopened("回访不满意", LATER));
    List<CaseEvent> b = Log.closed("B", "h2", LATE).events;
    List<CaseEvent> c = Log.closed("C", "h1", LATE).events;
    List<CaseEvent> all = new ArrayList<>(a.events);
    all.addAll(b);
    all.addAll(c);
    Instant to = T0.plus(Duration.ofHours(7)); // cuts the cases before their closings: partial
    for (Instant end : List.of(TO, to)) {
      Scorecards acc = Scorecards.accumulator(FROM, end, EQUAL);
      acc.addCase(c);
      acc.addCase(a.events);
      acc.addCase(List.of());
      acc.addCase(b);
      assertThat(acc.table()).isEqualTo(Scorecards.compute(all, FROM, end, EQUAL));
    }

    Scorecards acc = Scorecards.accumulator(FROM, TO, EQUAL);
    acc.addCase(b);
    ScorecardTable before = acc.table();
    List<CaseEvent> mixed = new ArrayList<>(c.subList(0, 4));
    mixed.add(a.events.get(4));
    assertThatThrownBy(() -> acc.addCase(mixed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case C holds an event of case A (sequence 5)");
    assertThat(acc.table()).isEqualTo(before); // nothing of the refused case was added
    assertThat(before.row("h1")).isEmpty();
  }

  @Test
  void weights_badInput_isRefusedWithLineAndField() {
    assertThatThrownBy(() -> ScorecardWeights.parse("accept-within PT1H\nweight speed 1", "w.txt"))
        .hasMessageContaining("w.txt line 2 field 2 (indicator): got \"speed\"; expected one of");
    assertThatThrownBy(
            () -> ScorecardWeights.parse("accept-within PT1H\nweight rework one", "w.txt"))
        .hasMessageContaining(
            "w.txt line 2 field 3 (weight): got \"one\"; expected a number in [0, 1]");
    assertThatThrownBy(
            () ->
                ScorecardWeights.parse(
                    "accept-within PT1H\nweight rework 0.5\nweight satisfaction 0.4", "w.txt"))
        .hasMessageContaining("w.txt: the weights must sum to 1 but sum to 0.9");
    assertThatThrownBy(() -> ScorecardWeights.parse("accept-within 2h\nweight rework 1", "w.txt"))
        .hasMessageContaining("w.txt line 1 field 2 (duration): got \"2h\"");
    assertThatThrownBy(() -> ScorecardWeights.parse("weight rework 1", "w.txt"))
        .hasMessageContaining("w.txt: no accept-within line");
    assertThatThrownBy(
            () ->
                ScorecardWeights.parse(
                    "accept-within PT1H\nweight rework 0.5\nweight rework 0.5", "w.txt"))
        .hasMessageContaining(
            "line 3 field 2 (indicator): got \"rework\"; expected each indicator once");
    assertThat(ImmutableList.copyOf(ScorecardWeights.Indicator.values()))
        .extracting(ScorecardWeights.Indicator::key)
        .contains("on-time-handling", "shirking");
  }
}
