package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseScript;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

/**
 * Worked examples: nine cases in March 2024, with every indicator computed by hand in the comments.
 */
class CaseIndicatorsTest {
  /** March 2024, day d, hour h (UTC); day 32 is 1 April. */
  private static Instant d(int day, int hour) {
    return Instant.parse("2024-03-01T00:00:00Z")
        .plus(Duration.ofDays(day - 1L))
        .plus(Duration.ofHours(hour));
  }

  private static final Instant FROM = d(1, 0);
  private static final Instant TO = d(32, 0); // 2024-04-01T00:00Z

  private static IndicatorQuery.Builder march() {
    return IndicatorQuery.builder().fromInclusive(FROM).toExclusive(TO);
  }

  /** The nine cases; all in region 1 except C (region 2). */
  static List<CaseFile> nineCases() {
    // A: clean loop. Closed d3 02:00, due d5. Report→close 26 h. Accepted 1 h after dispatch.
    CaseFile a =
        CaseScript.of("A", d(2, 0), 1)
            .reported()
            .verified()
            .registered(d(5, 0))
            .hours(1)
            .dispatched("H1")
            .hours(1)
            .accepted("H1")
            .at(d(3, 0))
            .resolved()
            .hours(1)
            .checkPassed()
            .hours(1)
            .closed()
            .at(d(4, 0))
            .evaluated(Satisfaction.SATISFIED, true)
            .file();
    // B: returned by H1, re-dispatched to H2 (accepted 27 h after the first dispatch), late
    // resolution, one
    // rework, closed d14 02:00 after its due d12. Report→close 98 h.
    CaseFile b =
        CaseScript.of("B", d(10, 0), 1)
            .reported()
            .verified()
            .registered(d(12, 0))
            .hours(1)
            .dispatched("H1")
            .hours(2)
            .returned("H1")
            .hours(1)
            .dispatched("H2")
            .at(d(11, 4))
            .accepted("H2")
            .at(d(13, 0))
            .resolved()
            .hours(1)
            .checkFailed()
            .at(d(14, 0))
            .resolved()
            .hours(1)
            .checkPassed()
            .hours(1)
            .closed()
            .at(d(15, 0))
            .evaluated(Satisfaction.BASICALLY_SATISFIED, false)
            .file();
    // C (region 2): suspended, resumed with due d27, extended to d35 = 4 April: due next period,
    // still open.
    CaseFile c =
        CaseScript.of("C", d(20, 0), 2)
            .reported()
            .verified()
            .registered(d(25, 0))
            .hours(1)
            .dispatched("H3")
            .hours(1)
            .accepted("H3")
            .at(d(21, 0))
            .suspended()
            .at(d(23, 0))
            .resumed(d(27, 0))
            .at(d(26, 0))
            .extended(d(35, 0))
            .file();
    // D: reported 20 Feb, due exactly at FROM (counts as due in March), closed exactly at the due
    // (on time).
    // Report→close 20 Feb → 1 Mar = 10 days = 240 h.
    CaseFile d =
        CaseScript.of("D", Instant.parse("2024-02-20T00:00:00Z"), 1)
            .reported()
            .verified()
            .registered(d(1, 0))
            .hours(1)
            .dispatched("H2")
            .hours(1)
            .accepted("H2")
            .at(Instant.parse("2024-02-28T00:00:00Z"))
            .resolved()
            .hours(1)
            .checkPassed()
            .at(d(1, 0))
            .closed()
            .file();
    // E: due exactly at TO (due in April, not March); dispatched to H1, never accepted.
    CaseFile e =
        CaseScript.of("E", d(28, 0), 1)
            .reported()
            .verified()
            .registered(TO)
            .hours(1)
            .dispatched("H1")
            .file();
    // F: closed d16 02:00 (26 h), evaluated and reopened only after the period: ignored.
    CaseFile f =
        CaseScript.of("F", d(15, 0), 1)
            .reported()
            .verified()
            .registered(d(20, 0))
            .hours(1)
            .dispatched("H2")
            .hours(1)
            .accepted("H2")
            .at(d(16, 0))
            .resolved()
            .hours(1)
            .checkPassed()
            .hours(1)
            .closed()
            .at(d(32, 10))
            .evaluated(Satisfaction.DISSATISFIED, false)
            .at(d(33, 0))
            .reopened(d(40, 0))
            .file();
    // G: a duplicate, merged into A.
    CaseFile g =
        CaseScript.of("G", d(5, 0), 1)
            .reported()
            .hours(1)
            .add(new EventPayload.Merged(CaseId.of("A")))
            .file();
    // H: due d8, whole-case clock breached, still being handled at the period end; D1 summoned.
    CaseFile h =
        CaseScript.of("H", d(6, 0), 1)
            .reported()
            .verified()
            .registered(d(8, 0))
            .hours(1)
            .dispatched("H1")
            .hours(1)
            .accepted("H1")
            .hours(1)
            .add(new EventPayload.Summoned(ImmutableList.of("D1"), Duration.ofMinutes(30)))
            .at(d(8, 0))
            .add(new EventPayload.SlaBreached(CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE))
            .file();
    // I: closed d4, reopened d6 with due d12, dispatched to H2 again, closed d7 02:00. Report→last
    // close 98 h.
    CaseFile i =
        CaseScript.of("I", d(3, 0), 1)
            .reported()
            .verified()
            .registered(d(9, 0))
            .hours(1)
            .dispatched("H2")
            .hours(1)
            .accepted("H2")
            .at(d(4, 0))
            .resolved()
            .hours(1)
            .checkPassed()
            .hours(1)
            .closed()
            .at(d(6, 0))
            .reopened(d(12, 0))
            .hours(1)
            .dispatched("H2")
            .hours(1)
            .accepted("H2")
            .at(d(7, 0))
            .resolved()
            .hours(1)
            .checkPassed()
            .hours(1)
            .closed()
            .file();
    return List.of(a, b, c, d, e, f, g, h, i);
  }

  @Test
  void workedExample_march2024_allCases() {
    IndicatorReport r = CaseIndicators.compute(nineCases(), march().build());

    assertThat(r.cases()).isEqualTo(9);
    IndicatorCounts n = r.counts();
    assertThat(n.received()).isEqualTo(8); // A B C E F G H I (D was reported in February)
    assertThat(n.registered()).isEqualTo(7); // A B C E F H I
    assertThat(n.dispatched()).isEqualTo(7); // A B C E F H I
    assertThat(n.resolved()).isEqualTo(4); // A B F I (D resolved 28 Feb)
    assertThat(n.due())
        .isEqualTo(6); // A(d5) B(d12) D(=FROM) F(d20) H(d8) I(d12); not C(4 Apr) E(=TO) G
    assertThat(n.closed()).isEqualTo(5); // A B D F I
    assertThat(n.closedOnTime()).isEqualTo(4); // A D(exactly at due) F I; B was late
    assertThat(n.overdue()).isEqualTo(2); // B (late) H (open)
    assertThat(n.rework()).isEqualTo(1); // B
    assertThat(n.returned()).isEqualTo(1); // B
    assertThat(n.deferred()).isEqualTo(1); // C
    assertThat(n.extended()).isEqualTo(1); // C

    assertThat(r.closingRate()).isEqualTo(new Rate(5, 6)); // due and closed by TO: A B D F I
    assertThat(r.onTimeClosingRate()).isEqualTo(new Rate(4, 6));
    assertThat(r.reworkRate()).isEqualTo(new Rate(1, 4)); // checked in March: A B F I
    assertThat(r.extensionRate()).isEqualTo(new Rate(0, 6)); // C was extended but is not due
    assertThat(r.onTimeResolutionRate())
        .isEqualTo(new Rate(4, 6)); // A D F I; B resolved d14 > d12; H never
    assertThat(r.accurateDispatchRate())
        .isEqualTo(new Rate(5, 7)); // not B (returned), not I (dispatched twice)
    assertThat(r.responseRate())
        .isEqualTo(new Rate(5, 7)); // not B (27 h > 24 h), not E (never accepted)
    assertThat(r.solvedRate()).isEqualTo(new Rate(1, 2)); // A solved, B not; F evaluated in April
    assertThat(r.satisfactionRate()).isEqualTo(new Rate(2, 2)); // satisfied + basically satisfied
    // equal weights: 100 × (5/7 + 1/2 + 2/2) / 3 = 100 × 2.2142857 / 3 = 73.8095238
    assertThat(r.compositeScore().getAsDouble()).isCloseTo(73.8095238, within(1e-6));

    // closed in March: A 26 h, B 98 h, D 240 h, F 26 h, I 98 h → sorted 26 26 98 98 240
    // mean = 488 / 5 = 97.6 h = 97 h 36 min; p50 = rank ceil(2.5) = 3 → 98 h; p90 = rank ceil(4.5)
    // = 5 → 240 h
    assertThat(r.timeToClose().count()).isEqualTo(5);
    assertThat(r.timeToClose().mean()).contains(Duration.ofHours(97).plusMinutes(36));
    assertThat(r.timeToClose().p50()).contains(Duration.ofHours(98));
    assertThat(r.timeToClose().p90()).contains(Duration.ofDays(10)); // 240 h
    assertThat(r.workingTimeToClose()).isEmpty();

    // H1: lead of A B E H (4); returned B; resolved A; still leads E and H.
    // H2: lead of B, F, I twice (4); resolved B twice, F, I twice (5); holds nothing open.
    // H3: lead of C, which is suspended but open. D1: summoned to H.
    assertThat(r.handlerLoads().keySet()).containsExactly("D1", "H1", "H2", "H3");
    assertThat(r.handlerLoads().get("H1")).isEqualTo(new HandlerLoad("H1", 4, 0, 1, 1, 2));
    assertThat(r.handlerLoads().get("H2")).isEqualTo(new HandlerLoad("H2", 4, 0, 0, 5, 0));
    assertThat(r.handlerLoads().get("H3")).isEqualTo(new HandlerLoad("H3", 1, 0, 0, 0, 1));
    assertThat(r.handlerLoads().get("D1")).isEqualTo(new HandlerLoad("D1", 0, 1, 0, 0, 0));
  }

  @Test
  void workedExample_weightsAndWorkingTime() {
    IndicatorReport r =
        CaseIndicators.compute(
            nineCases(),
            march()
                .weights(new ThreeRateWeights(0.2, 0.4, 0.4))
                .workingTime((x, y) -> Duration.between(x, y).dividedBy(2))
                .build());
    // 100 × (0.2 × 5/7 + 0.4 × 1/2 + 0.4 × 1) / 1.0 = 100 × (0.1428571 + 0.2 + 0.4) = 74.2857143
    assertThat(r.compositeScore().getAsDouble()).isCloseTo(74.2857143, within(1e-6));
    // halves of 26 26 98 98 240: 13 13 49 49 120 → mean 244/5 = 48.8 h = 48 h 48 min, p50 49 h, p90
    // 120 h
    TimeToClose w = r.workingTimeToClose().orElseThrow();
    assertThat(w.mean()).contains(Duration.ofMinutes(48 * 60 + 48));
    assertThat(w.p50()).contains(Duration.ofHours(49));
    assertThat(w.p90()).contains(Duration.ofDays(5)); // 120 h
  }

  @Test
  void regionFilter_dropsCasesOutsideTheRegion() {
    IndicatorReport r =
        CaseIndicators.compute(nineCases(), march().regionFilter(code -> code == 1).build());
    // without C: 8 cases; C contributed received, registered, dispatched, deferred, extended,
    // accurate, responded
    assertThat(r.cases()).isEqualTo(8);
    assertThat(r.counts().received()).isEqualTo(7);
    assertThat(r.counts().registered()).isEqualTo(6);
    assertThat(r.counts().deferred()).isZero();
    assertThat(r.counts().extended()).isZero();
    assertThat(r.accurateDispatchRate()).isEqualTo(new Rate(4, 6));
    assertThat(r.responseRate()).isEqualTo(new Rate(4, 6));
    assertThat(r.counts().due()).isEqualTo(6);
    assertThat(r.handlerLoads()).doesNotContainKey("H3");
  }

  @Test
  void handlerFilter_keepsCasesTheHandlerTouched() {
    IndicatorReport r =
        CaseIndicators.compute(nineCases(), march().handlerFilter("H2"::equals).build());
    // H2 led B, D, F, I. received: B F I (D in February). due: B D F I; on time: D F I; overdue: B.
    assertThat(r.cases()).isEqualTo(4);
    assertThat(r.counts().received()).isEqualTo(3);
    assertThat(r.counts().due()).isEqualTo(4);
    assertThat(r.counts().closedOnTime()).isEqualTo(3);
    assertThat(r.counts().overdue()).isEqualTo(1);
    assertThat(r.handlerLoads().keySet()).containsExactly("H2");
  }

  @Test
  void excludeDeferred_removesSuspendedCasesFromTheDueCases() {
    CaseFile deferred =
        CaseScript.of("J", d(2, 0), 1)
            .handledBy("H1", d(10, 0))
            .at(d(3, 0))
            .suspended()
            .at(d(4, 0))
            .resumed(d(11, 0))
            .file();
    CaseFile plain =
        CaseScript.of("K", d(2, 0), 1)
            .handledBy("H1", d(10, 0))
            .at(d(3, 0))
            .resolved()
            .checkPassed()
            .closed()
            .file();
    List<CaseFile> files = List.of(deferred, plain);
    // J is due d11 and open (overdue); K is due d10 and closed on time.
    IndicatorReport with = CaseIndicators.compute(files, march().build());
    assertThat(with.onTimeClosingRate()).isEqualTo(new Rate(1, 2));
    IndicatorReport without =
        CaseIndicators.compute(files, march().excludeDeferredFromDue(true).build());
    assertThat(without.onTimeClosingRate()).isEqualTo(new Rate(1, 1));
    assertThat(without.counts().deferred()).isEqualTo(1);
  }

  @Test
  void deadlineEdges_fromIsInAndToIsOut() {
    CaseFile atFrom = CaseScript.of("X", d(0, 0), 1).handledBy("H", FROM).file();
    CaseFile justBeforeTo = CaseScript.of("Y", d(2, 0), 1).handledBy("H", TO.minusNanos(1)).file();
    CaseFile atTo = CaseScript.of("Z", d(2, 0), 1).handledBy("H", TO).file();
    CaseFile beforeFrom = CaseScript.of("W", d(-5, 0), 1).handledBy("H", FROM.minusNanos(1)).file();
    IndicatorReport r =
        CaseIndicators.compute(List.of(atFrom, justBeforeTo, atTo, beforeFrom), march().build());
    assertThat(r.counts().due()).isEqualTo(2); // X and Y
  }

  @Test
  void closingOneNanosecondLate_isNotOnTime() {
    CaseFile late =
        CaseScript.of("L", d(2, 0), 1)
            .handledBy("H", d(3, 0))
            .resolved()
            .checkPassed()
            .at(d(3, 0).plusNanos(1))
            .closed()
            .file();
    IndicatorReport r = CaseIndicators.compute(List.of(late), march().build());
    assertThat(r.onTimeClosingRate()).isEqualTo(new Rate(0, 1));
    assertThat(r.closingRate()).isEqualTo(new Rate(1, 1));
    assertThat(r.counts().overdue()).isEqualTo(1);
  }

  @Test
  void reopenedWithinThePeriod_isNotClosedAndTakesTheNewDeadline() {
    CaseFile reopened =
        CaseScript.of("R", d(2, 0), 1)
            .handledBy("H", d(3, 0))
            .resolved()
            .checkPassed()
            .hours(1)
            .closed()
            .at(d(5, 0))
            .reopened(d(9, 0))
            .file();
    IndicatorReport r = CaseIndicators.compute(List.of(reopened), march().build());
    assertThat(r.counts().closed()).isEqualTo(1); // it was closed in March ...
    assertThat(r.counts().due()).isEqualTo(1); // ... due again on d9 ...
    assertThat(r.closingRate()).isEqualTo(new Rate(0, 1)); // ... and open at the period end
    // reopened cases wait for a dispatcher: H holds nothing at the end
    assertThat(r.handlerLoads()).containsEntry("H", new HandlerLoad("H", 1, 0, 0, 1, 0));
  }

  @Test
  void eventsAfterThePeriod_areIgnored() {
    List<CaseFile> all = nineCases();
    IndicatorQuery firstHalf =
        IndicatorQuery.builder().fromInclusive(FROM).toExclusive(d(9, 0)).build();
    // Cut every log at d9 by hand and compare: the report must be the same.
    List<CaseFile> cut =
        all.stream()
            .map(
                f ->
                    CaseFile.of(
                        f.facts(),
                        f.events().stream().filter(e -> e.at().isBefore(d(9, 0))).toList()))
            .toList();
    assertThat(CaseIndicators.compute(all, firstHalf).toString())
        .isEqualTo(CaseIndicators.compute(cut, firstHalf).toString());
    // d1..d9: due A(d5) D(FROM) H(d8); I's due was d9 until the reopening on d6 moved it to d12.
    assertThat(CaseIndicators.compute(all, firstHalf).counts().due()).isEqualTo(3);
  }

  /**
   * M: returned by H1, escalated to U from the dispatcher, extended, one failed check only, still
   * open.
   */
  private static CaseFile escalatedCase() {
    return CaseScript.of("M", d(2, 0), 1)
        .reported()
        .verified()
        .registered(d(10, 0))
        .hours(1)
        .dispatched("H1")
        .assist("A1")
        .add(new EventPayload.AssistAdded("A2"))
        .hours(1)
        .returned("H1")
        .hours(1)
        .add(new EventPayload.Escalated(org.gridgov.casefile.EscalationCause.RETURN, "office", "U"))
        .hours(1)
        .accepted("U")
        .hours(1)
        .extended(d(12, 0))
        .hours(1)
        .resolved()
        .hours(1)
        .checkFailed()
        .file();
  }

  @Test
  void escalationsReturnsAndAssists_inRatesAndLoads() {
    IndicatorReport r = CaseIndicators.compute(List.of(escalatedCase()), march().build());
    assertThat(r.accurateDispatchRate())
        .isEqualTo(new Rate(0, 1)); // one lead dispatch, but returned
    assertThat(r.responseRate())
        .isEqualTo(new Rate(1, 1)); // U accepted 3 h after the first dispatch
    assertThat(r.reworkRate()).isEqualTo(new Rate(1, 1)); // checked only by a failed check
    assertThat(r.extensionRate()).isEqualTo(new Rate(1, 1)); // due d12, extended
    assertThat(r.counts().overdue()).isEqualTo(1);
    assertThat(r.handlerLoads())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "A1", new HandlerLoad("A1", 0, 1, 0, 0, 0),
                "A2", new HandlerLoad("A2", 0, 1, 0, 0, 0),
                "H1", new HandlerLoad("H1", 1, 0, 1, 0, 0),
                "U", new HandlerLoad("U", 1, 0, 0, 1, 1)));
  }

  @Test
  void handlerFilter_matchesEscalationTargetsAndEveryKindOfAssist() {
    for (String h : new String[] {"U", "A1", "A2", "H1"}) {
      IndicatorReport r =
          CaseIndicators.compute(
              List.of(escalatedCase()), march().handlerFilter(h::equals).build());
      assertThat(r.cases()).as(h).isEqualTo(1);
      assertThat(r.handlerLoads().keySet()).as(h).containsExactly(h);
    }
    assertThat(
            CaseIndicators.compute(
                    List.of(escalatedCase()), march().handlerFilter("Z"::equals).build())
                .cases())
        .isZero();
  }

  @Test
  void acceptingExactlyAtTheResponseLimit_isAResponse() {
    CaseFile onTime =
        CaseScript.of("P", d(2, 0), 1)
            .reported()
            .verified()
            .registered(d(9, 0))
            .dispatched("H")
            .hours(24)
            .accepted("H")
            .file();
    CaseFile late =
        CaseScript.of("Q", d(2, 0), 1)
            .reported()
            .verified()
            .registered(d(9, 0))
            .dispatched("H")
            .hours(24)
            .at(d(3, 0).plusNanos(1))
            .accepted("H")
            .file();
    assertThat(CaseIndicators.compute(List.of(onTime, late), march().build()).responseRate())
        .isEqualTo(new Rate(1, 2));
  }

  @Test
  void solvedAndSatisfied_countSeparately() {
    List<CaseFile> files =
        List.of(
            CaseScript.of("S1", d(2, 0), 1)
                .handledBy("H", d(9, 0))
                .resolved()
                .checkPassed()
                .closed()
                .evaluated(Satisfaction.DISSATISFIED, true)
                .file(),
            CaseScript.of("S2", d(2, 0), 1)
                .handledBy("H", d(9, 0))
                .resolved()
                .checkPassed()
                .closed()
                .evaluated(Satisfaction.SATISFIED, true)
                .file(),
            CaseScript.of("S3", d(2, 0), 1)
                .handledBy("H", d(9, 0))
                .resolved()
                .checkPassed()
                .closed()
                .evaluated(Satisfaction.BASICALLY_SATISFIED, false)
                .file());
    IndicatorReport r = CaseIndicators.compute(files, march().build());
    assertThat(r.solvedRate()).isEqualTo(new Rate(2, 3)); // S1 S2
    assertThat(r.satisfactionRate()).isEqualTo(new Rate(2, 3)); // S2 S3
  }

  @Test
  void manyClosingsAndManyHandlersPerCase_growTheBuffers() {
    List<CaseFile> files = new java.util.ArrayList<>();
    for (int i = 1; i <= 1100; i++) { // case i closes i minutes after its report
      files.add(
          CaseScript.of("N" + i, d(2, 0), 1)
              .handledBy("H", d(20, 0))
              .resolved()
              .checkPassed()
              .at(d(2, 0).plus(Duration.ofMinutes(i)))
              .closed()
              .file());
    }
    ImmutableList.Builder<String> many = ImmutableList.builder();
    for (int i = 0; i < 40; i++) {
      many.add("D" + i);
    }
    files.add(
        CaseScript.of("BIG", d(2, 0), 1)
            .handledBy("H", d(20, 0))
            .add(new EventPayload.Summoned(many.build(), Duration.ofMinutes(30)))
            .file());
    IndicatorReport r = CaseIndicators.compute(files, march().build());
    // 1..1100 minutes: p50 = rank 550 → 550 min; p90 = rank 990 → 990 min; mean = 1101/2 = 550.5
    // min
    assertThat(r.timeToClose().count()).isEqualTo(1100);
    assertThat(r.timeToClose().p50()).contains(Duration.ofMinutes(550));
    assertThat(r.timeToClose().p90()).contains(Duration.ofMinutes(990));
    assertThat(r.timeToClose().mean()).contains(Duration.ofSeconds(550 * 60 + 30));
    assertThat(r.handlerLoads()).hasSize(41);
    assertThat(r.handlerLoads().get("H")).isEqualTo(new HandlerLoad("H", 1101, 0, 0, 1100, 1));
  }

  @Test
  void noCases_giveEmptyRatesAndNoScore() {
    IndicatorReport r = CaseIndicators.compute(List.of(), march().build());
    assertThat(r.closingRate().value()).isEmpty();
    assertThat(r.compositeScore()).isEmpty();
    assertThat(r.timeToClose().count()).isZero();
    assertThat(r.timeToClose().mean()).isEmpty();
    assertThat(r.handlerLoads()).isEmpty();
  }

  @Test
  void streamAndAccumulator_giveTheSameReportAsIterable() {
    IndicatorReport it = CaseIndicators.compute(nineCases(), march().build());
    IndicatorReport st = CaseIndicators.compute(nineCases().stream(), march().build());
    CaseIndicators.Accumulator acc = CaseIndicators.accumulator(march().build());
    nineCases().forEach(acc::add);
    assertThat(st.toString()).isEqualTo(it.toString());
    assertThat(acc.report().toString()).isEqualTo(it.toString());
    assertThat(acc.report().handlerLoads()).isEqualTo(it.handlerLoads());
  }

  @Test
  void query_rejectsAnEmptyPeriodAndMissingBounds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> IndicatorQuery.builder().fromInclusive(FROM).toExclusive(FROM).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> IndicatorQuery.builder().fromInclusive(FROM).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("toExclusive");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> march().responseLimit(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("responseLimit");
  }

  /**
   * Supervision, repeat-report and visit events change no indicator: a case with all of them counts
   * as the same case without them (they used to fail with "not a closing event").
   */
  @Test
  void supervisionRepeatAndVisitEventsLeaveTheIndicatorsAsTheyWere() {
    CaseScript plain =
        CaseScript.of("S", d(2, 0), 1)
            .reported()
            .verified()
            .registered(d(5, 0))
            .hours(1)
            .dispatched("H1")
            .hours(1)
            .accepted("H1");
    CaseScript busy =
        CaseScript.of("S", d(2, 0), 1)
            .reported()
            .verified()
            .registered(d(5, 0))
            .hours(1)
            .dispatched("H1")
            .hours(1)
            .accepted("H1")
            .add(new EventPayload.RepeatReported(CaseId.of("R"), 2))
            .add(new EventPayload.SupervisionOpened("一般督办", d(6, 0), "2nd breach"))
            .add(new EventPayload.Urged("faster"))
            .add(new EventPayload.SupervisionEscalated("一般督办", "重点督办", d(7, 0)))
            .add(new EventPayload.SupervisionClosed("done"));
    for (CaseScript s : List.of(plain, busy)) {
      s.hours(1).resolved().hours(1).checkPassed().closed();
    }
    busy.add(new EventPayload.Visited(true, java.util.Optional.of(Satisfaction.SATISFIED)));

    IndicatorReport a = CaseIndicators.compute(List.of(plain.file()), march().build());
    IndicatorReport b = CaseIndicators.compute(List.of(busy.file()), march().build());

    assertThat(b.counts()).isEqualTo(a.counts());
    assertThat(b.onTimeClosingRate()).isEqualTo(a.onTimeClosingRate());
    assertThat(b.timeToClose()).isEqualTo(a.timeToClose());
    assertThat(a.counts().closedOnTime()).isEqualTo(1);
  }
}
