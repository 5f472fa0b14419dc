package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.metrics.HotSpots.HotSpot;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link HotSpots}' Javadoc one by one, on small hand-made logs whose counts are
 * worked out in the comments: the period {@code [from, to)} at both edges (at the bound and one
 * nanosecond past), what each event type adds, the {@code minReports} threshold at the bound and
 * one past, the order with every tie level, {@code byCategory}, the CSV form, and the refused
 * arguments. Every fixture is built per test.
 */
class HotSpotsRulesTest {
  private static final Instant FROM = Instant.parse("2025-03-03T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-03-03T10:00:00Z");
  private static final long L1 = 350302001001001L;
  private static final long L2 = 350302001001002L;
  private static final long L3 = 350302001001003L;
  private static final long L4 = 350302001001004L;
  private static final long L5 = 350302001001005L;
  private static final Actor WORKER = Actor.of("w-1", Role.GRID_WORKER);

  /** A log under construction: each case's events numbered 1, 2, 3, ... in the order added. */
  private static final class Log {
    final List<CaseEvent> events = new ArrayList<>();
    final Map<CaseId, CaseFacts> facts = new HashMap<>();
    final Map<CaseId, Long> seq = new HashMap<>();

    @CanIgnoreReturnValue
    Log reported(String id, long location, String category, Instant at) {
      CaseId c = CaseId.of(id);
      facts.put(
          c,
          CaseFacts.builder()
              .id(c)
              .categoryCode(category)
              .priority(Priority.NORMAL)
              .kind(CaseKind.IMMEDIATE)
              .locationCodes(ImmutableLongArray.of(location))
              .source(CaseSource.APP)
              .build());
      return add(id, at, new EventPayload.Reported());
    }

    @CanIgnoreReturnValue
    Log reported(String id, long location, Instant at) {
      return reported(id, location, "0101", at);
    }

    @CanIgnoreReturnValue
    Log merged(String id, Instant at) {
      return add(id, at, new EventPayload.Merged(CaseId.of("OTHER")));
    }

    @CanIgnoreReturnValue
    Log repeat(String id, Instant at) {
      return add(id, at, new EventPayload.RepeatReported(CaseId.of("R-" + id), 2));
    }

    @CanIgnoreReturnValue
    Log reopened(String id, Instant at) {
      return add(id, at, new EventPayload.Reopened("again", at.plusSeconds(86_400)));
    }

    @CanIgnoreReturnValue
    Log verified(String id, Instant at) {
      return add(id, at, new EventPayload.Verified());
    }

    @CanIgnoreReturnValue
    Log add(String id, Instant at, EventPayload p) {
      CaseId c = CaseId.of(id);
      long s = seq.merge(c, 1L, Long::sum);
      events.add(CaseEvent.of(c, s, at, WORKER, p));
      return this;
    }

    ImmutableList<HotSpot> compute(int minReports, boolean byCategory) {
      return HotSpots.compute(events, facts, FROM, TO, minReports, byCategory);
    }
  }

  private static HotSpot spot(long location, int reports, int cases, int repeats, int reopenings) {
    return new HotSpot(location, Optional.empty(), reports, cases, repeats, reopenings);
  }

  /**
   * The period's edges for every event type. At L1: reports B (at from), C (one ns before to), E
   * (merged exactly at to: not read, so it stays a case), F (merged inside W) = 4; D reported at to
   * and Z one ns before from do not count. Cases = 4 - F = 3. Repeats: B's one ns before to counts,
   * B's at to and A's one ns before from do not = 1. Reopenings: A's at from counts, A's one ns
   * before from does not = 1. L2: only a repeat in W of a case reported before W: reports 0, never
   * a hot spot. L3: a case reported before W merged inside W: no count at all (and no failure).
   */
  private static Log edges() {
    Instant beforeFrom = FROM.minusNanos(1);
    Instant beforeTo = TO.minusNanos(1);
    return new Log()
        .reported("A", L1, FROM.minusSeconds(60))
        .repeat("A", beforeFrom)
        .reopened("A", beforeFrom)
        .reopened("A", FROM)
        .reported("Z", L1, beforeFrom)
        .reported("B", L1, FROM)
        .repeat("B", beforeTo)
        .repeat("B", TO)
        .reported("C", L1, beforeTo)
        .reported("D", L1, TO)
        .reported("E", L1, FROM.plusSeconds(60))
        .verified("E", FROM.plusSeconds(120))
        .merged("E", TO)
        .reported("F", L1, FROM.plusSeconds(60))
        .merged("F", FROM.plusSeconds(3_600))
        .reported("G", L2, beforeFrom)
        .repeat("G", FROM.plusSeconds(10))
        .reported("H", L3, FROM.minusSeconds(3_600))
        .merged("H", FROM.plusSeconds(10));
  }

  @Test
  void periodEdges_countEventsFromFromInclusiveToToExclusive() {
    Log log = edges();
    assertThat(log.compute(1, false)).containsExactly(spot(L1, 4, 3, 1, 1));
  }

  @Test
  void minReports_isReachedAtTheBoundNotOnePast() {
    Log log = edges();
    assertThat(log.compute(4, false)).containsExactly(spot(L1, 4, 3, 1, 1));
    assertThat(log.compute(5, false)).isEmpty();
  }

  @Test
  void eventsAtOrAfterTo_areNotRead_soTheirCasesNeedNoFacts() {
    Log log = new Log().reported("A", L1, FROM);
    // an event at `to` of a case without facts: not read, no failure
    log.events.add(CaseEvent.of(CaseId.of("NOFACTS"), 1, TO, WORKER, new EventPayload.Reported()));
    assertThat(log.compute(1, false)).containsExactly(spot(L1, 1, 1, 0, 0));
  }

  @Test
  void eventOrderAcrossCases_doesNotMatter() {
    Log log = edges();
    List<CaseEvent> reversedCases = new ArrayList<>();
    // each case's events stay in sequence order; the cases come in reverse order of first event
    List<CaseId> order = new ArrayList<>();
    for (CaseEvent e : log.events) {
      if (!order.contains(e.caseId())) {
        order.add(0, e.caseId());
      }
    }
    for (CaseId c : order) {
      for (CaseEvent e : log.events) {
        if (e.caseId().equals(c)) {
          reversedCases.add(e);
        }
      }
    }
    assertThat(HotSpots.compute(reversedCases, log.facts, FROM, TO, 1, false))
        .containsExactly(spot(L1, 4, 3, 1, 1));
  }

  /**
   * Ordering, every tie level. Counts (reports, cases): L4 (5, 5); L2 (3, 3); L5 (3, 1); L1 (2, 2);
   * L3 (2, 2). Expected order: L4 by reports; L2 before L5 (equal reports, more cases); L1 before
   * L3 (equal reports and cases, lower code). Added in an order that is none of these.
   */
  @Test
  void order_isReportsThenCasesMostFirst_thenLocationCode() {
    Instant t = FROM.plusSeconds(60);
    Log log = new Log();
    for (int k = 0; k < 2; k++) {
      log.reported("L3-" + k, L3, t);
    }
    for (int k = 0; k < 3; k++) {
      log.reported("L5-" + k, L5, t);
      if (k > 0) {
        log.merged("L5-" + k, t.plusSeconds(1));
      }
    }
    for (int k = 0; k < 2; k++) {
      log.reported("L1-" + k, L1, t);
    }
    for (int k = 0; k < 3; k++) {
      log.reported("L2-" + k, L2, t);
    }
    for (int k = 0; k < 5; k++) {
      log.reported("L4-" + k, L4, t);
    }
    assertThat(log.compute(1, false))
        .containsExactly(
            spot(L4, 5, 5, 0, 0),
            spot(L2, 3, 3, 0, 0),
            spot(L5, 3, 1, 0, 0),
            spot(L1, 2, 2, 0, 0),
            spot(L3, 2, 2, 0, 0));
    // the threshold cuts below the units with 3 reports
    assertThat(log.compute(3, false))
        .containsExactly(spot(L4, 5, 5, 0, 0), spot(L2, 3, 3, 0, 0), spot(L5, 3, 1, 0, 0));
  }

  /**
   * By category. L1 holds 0202 twice and 0101 twice (all cases), L2 holds 0101 three times with one
   * merged. By category: (L2, 0101) 3/2 first; then L1's two with equal counts, 0101 before 0202.
   * Over all categories: L1 4/4, L2 3/2.
   */
  @Test
  void byCategory_countsEachCategoryApart_andOrdersTiesByCategory() {
    Instant t = FROM.plusSeconds(60);
    Log log =
        new Log()
            .reported("a1", L1, "0202", t)
            .reported("a2", L1, "0202", t)
            .reported("b1", L1, "0101", t)
            .reported("b2", L1, "0101", t)
            .reported("c1", L2, "0101", t)
            .reported("c2", L2, "0101", t)
            .reported("c3", L2, "0101", t)
            .merged("c3", t.plusSeconds(5))
            .repeat("a1", t.plusSeconds(5))
            .reopened("b2", t.plusSeconds(5));
    assertThat(log.compute(2, true))
        .containsExactly(
            new HotSpot(L2, Optional.of("0101"), 3, 2, 0, 0),
            new HotSpot(L1, Optional.of("0101"), 2, 2, 0, 1),
            new HotSpot(L1, Optional.of("0202"), 2, 2, 1, 0));
    assertThat(log.compute(2, false)).containsExactly(spot(L1, 4, 4, 1, 1), spot(L2, 3, 2, 0, 0));
    assertThat(log.compute(3, true))
        .containsExactly(new HotSpot(L2, Optional.of("0101"), 3, 2, 0, 0));
  }

  /**
   * Nine categories of one unit, one report each, logged from the last code to the first: all tie
   * on reports, cases and location, so the category code alone orders them, ascending.
   */
  @Test
  void equalCountsAtOneUnit_areOrderedByCategoryCode() {
    Log log = new Log();
    List<HotSpot> expected = new ArrayList<>();
    for (int c = 9; c >= 1; c--) {
      log.reported("K" + c, L1, "0" + c, FROM.plusSeconds(c));
    }
    for (int c = 1; c <= 9; c++) {
      expected.add(new HotSpot(L1, Optional.of("0" + c), 1, 1, 0, 0));
    }
    assertThat(log.compute(1, true)).containsExactlyElementsOf(expected);
  }

  @Test
  void emptyLog_hasNoHotSpots() {
    assertThat(HotSpots.compute(List.of(), Map.of(), FROM, TO, 1, true)).isEmpty();
    assertThat(HotSpots.toCsv(List.of()))
        .isEqualTo("location,category,reports,cases,repeats,reopenings\n");
  }

  @Test
  void csv_hasTheHeaderThenOneLinePerSpot_withStarForAllCategories() {
    List<HotSpot> spots =
        List.of(new HotSpot(L1, Optional.of("0101"), 7, 5, 3, 2), spot(L2, 4, 0, 0, 1));
    assertThat(spots.get(1).toCsvLine()).isEqualTo(L2 + ",*,4,0,0,1");
    assertThat(HotSpots.toCsv(spots))
        .isEqualTo(HotSpots.CSV_HEADER + "\n" + L1 + ",0101,7,5,3,2\n" + L2 + ",*,4,0,0,1\n");
    assertThat(HotSpots.CSV_HEADER).isEqualTo("location,category,reports,cases,repeats,reopenings");
  }

  @Test
  @SuppressWarnings("NullAway") // nulls on purpose
  void badArguments_areRefused() {
    Log log = new Log().reported("A", L1, FROM);
    assertThatThrownBy(() -> HotSpots.compute(null, log.facts, FROM, TO, 1, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events");
    // with no events nothing else would read the facts
    assertThatThrownBy(() -> HotSpots.compute(List.of(), null, FROM, TO, 1, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("facts");
    assertThatThrownBy(() -> HotSpots.compute(log.events, log.facts, FROM, FROM, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the period [" + FROM + ", " + FROM + ") is empty");
    assertThatThrownBy(() -> HotSpots.compute(log.events, log.facts, TO, FROM, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
    // the shortest period holds exactly the event at `from`
    assertThat(HotSpots.compute(log.events, log.facts, FROM, FROM.plusNanos(1), 1, false))
        .containsExactly(spot(L1, 1, 1, 0, 0));
    assertThatThrownBy(() -> HotSpots.compute(log.events, log.facts, FROM, TO, 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minReports must be >= 1: 0");
    assertThatThrownBy(() -> HotSpots.compute(log.events, log.facts, FROM, TO, -1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventInThePeriodWithoutFacts_isRefusedNamingCaseSequenceAndType() {
    Log log = new Log().reported("A", L1, FROM).repeat("A", FROM.plusSeconds(1));
    Map<CaseId, CaseFacts> none = Map.of();
    assertThatThrownBy(() -> HotSpots.compute(log.events, none, FROM, TO, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "event #1 of case A (REPORTED): the case has no facts; expected the facts of every case"
                + " the log names");
    List<CaseEvent> onlyRepeat = log.events.subList(1, 2);
    assertThatThrownBy(() -> HotSpots.compute(onlyRepeat, none, FROM, TO, 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("event #2 of case A (REPEAT_REPORTED): the case has no facts");
    List<CaseEvent> reopen =
        List.of(
            CaseEvent.of(
                CaseId.of("Q"), 9, FROM, WORKER, new EventPayload.Reopened("x", TO, false)));
    assertThatThrownBy(() -> HotSpots.compute(reopen, none, FROM, TO, 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("event #9 of case Q (REOPENED): the case has no facts");
  }

  @Test
  @SuppressWarnings("NullAway") // a null on purpose
  void hotSpotCounts_areCheckedAtTheirEdges() {
    // the edges that are allowed: all zero, cases equal to reports
    assertThat(new HotSpot(L1, Optional.empty(), 0, 0, 0, 0).reports()).isZero();
    assertThat(new HotSpot(L1, Optional.empty(), 3, 3, 0, 0).cases()).isEqualTo(3);
    // one past each edge
    assertThatThrownBy(() -> new HotSpot(L1, Optional.empty(), -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad hot-spot counts: reports -1, cases 0, repeats 0, reopenings 0");
    assertThatThrownBy(() -> new HotSpot(L1, Optional.empty(), 3, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HotSpot(L1, Optional.empty(), 3, 4, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HotSpot(L1, Optional.empty(), 3, 3, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HotSpot(L1, Optional.empty(), 3, 3, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HotSpot(L1, null, 3, 3, 0, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("categoryCode");
  }
}
