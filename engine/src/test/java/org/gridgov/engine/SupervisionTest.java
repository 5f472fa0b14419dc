package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.metrics.Rate;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.junit.jupiter.api.Test;

/**
 * Supervision (督办): commands of a supervising body, automatic supervision, the supervision's own
 * deadline and its escalation, refusals that change nothing, satisfaction visits (回访), and the
 * restore of it all from the log.
 */
class SupervisionTest {
  static final String POLICY =
      """
      # levels in escalation order
      level 一般督办 working-days 2 same-clock-time
      level 重点督办 natural PT24H
      level 挂牌督办 natural PT12H
      auto breaches 2 一般督办
      auto returns 2 重点督办
      visit dissatisfied reopen
      """;

  private static final Principal SUPERVISOR = supervisor();
  private static final CaseId C = CaseId.of("C-1");

  private static CaseEngine.Builder config(String policy) {
    return Fixture.config().supervisionPolicy(SupervisionPolicy.parse(policy, "test-policy"));
  }

  /** Reports, verifies, registers and dispatches C-1 (category 0102) to the grid's office. */
  private static Driver opened(String policy, Instant t) {
    Driver d = new Driver(config(policy).build());
    Principal gw = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
    d.run(
        gw,
        "C-1",
        t,
        new Command.Report(facts("C-1", "0102", Priority.NORMAL, CaseSource.GRID_PATROL, GRID1)));
    d.run(gw, "C-1", t.plusSeconds(60), new Command.Verify(true, ""));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(120), new Command.Register());
    d.run(districtDispatcher(), "C-1", t.plusSeconds(180), Command.Dispatch.byPolicy());
    return d;
  }

  private static List<EventType> types(List<CaseEvent> events) {
    return events.stream().map(CaseEvent::type).toList();
  }

  @Test
  void breachedTwice_isSupervisedAutomatically_urged_resolved_andTheSupervisionClosed() {
    Instant t = at("2025-03-03T09:00"); // a Monday
    Driver d = opened(POLICY, t);

    // the lead clock (3 working days) breaches on Thursday: one breach, no supervision yet
    var first = d.advance(at("2025-03-06T10:00"));
    assertThat(types(first)).contains(EventType.SLA_BREACHED);
    assertThat(types(first)).doesNotContain(EventType.SUPERVISION_OPENED);
    assertThat(d.engine.supervision(C)).isEmpty();

    // the whole-case clock (5 working days) breaches next Monday: the second breach supervises
    var second = d.advance(at("2025-03-10T10:00"));
    assertThat(types(second)).contains(EventType.SLA_BREACHED, EventType.SUPERVISION_OPENED);
    EventPayload.SupervisionOpened opened =
        (EventPayload.SupervisionOpened)
            second.stream()
                .filter(e -> e.type() == EventType.SUPERVISION_OPENED)
                .findFirst()
                .orElseThrow()
                .payload();
    assertThat(opened.level()).isEqualTo("一般督办");
    assertThat(opened.reason()).contains("2nd SLA breach");
    Supervision s = d.engine.supervision(C).orElseThrow();
    assertThat(s.isOpen()).isTrue();
    assertThat(s.level()).isEqualTo("一般督办");

    // urged, then the lead resolves and the supervisor closes the supervision with a finding
    Instant u = at("2025-03-10T11:00");
    var urged = d.run(SUPERVISOR, "C-1", u, new Command.Urge("今日内处置完毕"));
    assertThat(urged.get(0).payload()).isEqualTo(new EventPayload.Urged("今日内处置完毕"));
    assertThat(d.engine.supervision(C).orElseThrow().urgeCount()).isEqualTo(1);
    String lead = d.engine.state(C).orElseThrow().lead().orElseThrow();
    d.run(districtDispatcher(), "C-1", u.plusSeconds(60), new Command.Accept(lead));
    d.run(districtDispatcher(), "C-1", u.plusSeconds(120), new Command.Resolve(lead, "cleared"));
    var closed =
        d.run(SUPERVISOR, "C-1", u.plusSeconds(180), new Command.CloseSupervision("按期整改完毕"));
    assertThat(closed.get(0).payload()).isEqualTo(new EventPayload.SupervisionClosed("按期整改完毕"));
    Supervision done = d.engine.supervision(C).orElseThrow();
    assertThat(done.isOpen()).isFalse();
    assertThat(done.finding()).contains("按期整改完毕");
    assertThat(d.engine.clocks(C).orElseThrow().clock("supervision")).isEmpty();

    CaseEngine restored = CaseEngine.restore(config(POLICY), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
    assertThat(restored.supervision(C)).isEqualTo(d.engine.supervision(C));
  }

  @Test
  void aSupervisedCase_restoredFromASnapshot_keepsItsBreachesAndSupervision() {
    Driver d = opened(POLICY, at("2025-03-03T09:00"));
    var unused = d.advance(at("2025-03-10T10:00")); // two breaches: supervised
    EngineSnapshot snap = d.engine.snapshot();
    assertThat(snap.cases().get(0).breachCount()).isEqualTo(2);
    assertThat(snap.cases().get(0).supervision()).isEqualTo(d.engine.supervision(C));
    assertThat(d.engine.supervision(C)).isPresent();

    CaseEngine restored = CaseEngine.restore(config(POLICY), snap, d.facts, List.of());
    assertThat(restored.snapshot()).isEqualTo(snap);
    assertThat(restored.supervision(C)).isEqualTo(d.engine.supervision(C));
    assertThat(restored.reportCount(C)).isEqualTo(d.engine.reportCount(C));
    // the supervision's deadline passing escalates it on both alike
    Instant later = d.engine.supervision(C).orElseThrow().dueAt().plusSeconds(3600);
    assertThat(restored.advanceTo(later)).isEqualTo(d.advance(later));
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  private static final String LEVELS =
      """
      level 一般督办 working-days 2 same-clock-time
      level 重点督办 natural PT24H
      level 挂牌督办 natural PT12H
      """;

  /** The SLA breaches of clocks other than the supervision's, in order. */
  private static List<CaseEvent> caseBreaches(List<CaseEvent> events) {
    return events.stream()
        .filter(
            e ->
                e.payload() instanceof EventPayload.SlaBreached b
                    && !b.clockId().equals("supervision"))
        .toList();
  }

  private static List<CaseEvent> openings(List<CaseEvent> events) {
    return events.stream().filter(e -> e.type() == EventType.SUPERVISION_OPENED).toList();
  }

  @Test
  void theNthBreachOpensTheSupervision_namingItsOrdinal() {
    String[] ordinals = {"1st", "2nd", "3rd", "4th"};
    for (int n = 1; n <= 4; n++) {
      Instant t = at("2025-03-03T09:00");
      Driver d = opened(LEVELS + "auto breaches " + n + " 一般督办\n", t);

      var unused = d.advance(t.plus(Duration.ofDays(60)));

      List<CaseEvent> breaches = caseBreaches(d.log);
      assertThat(breaches).as("threshold %s", n).hasSizeGreaterThanOrEqualTo(n);
      CaseEvent opening = openings(d.log).get(0);
      assertThat(opening.at()).as("threshold %s", n).isEqualTo(breaches.get(n - 1).at());
      assertThat(((EventPayload.SupervisionOpened) opening.payload()).reason())
          .isEqualTo("automatic supervision: " + ordinals[n - 1] + " SLA breach");
      // the breaches before the n-th opened nothing
      assertThat(d.log.indexOf(opening)).isGreaterThan(d.log.indexOf(breaches.get(n - 1)));
    }
  }

  @Test
  void aClosedAutomaticSupervisionIsNotOpenedAgainByLaterBreaches() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(LEVELS + "auto breaches 1 一般督办\n", t);
    var first = d.advance(at("2025-03-06T10:00")); // the lead clock's breach
    assertThat(caseBreaches(first)).hasSize(1);
    assertThat(openings(first)).hasSize(1);
    d.run(SUPERVISOR, "C-1", at("2025-03-06T11:00"), new Command.CloseSupervision("已整改"));

    var later = d.advance(t.plus(Duration.ofDays(60)));

    assertThat(caseBreaches(later)).isNotEmpty();
    assertThat(openings(later)).isEmpty();
  }

  @Test
  void aTopLevelSupervisionBreachingWithAnotherClock_escalatesNothing_andOpensNothing() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(LEVELS + "auto breaches 2 一般督办\n", t);
    // the lead clock (3 working days from the dispatch at 09:03) breaches on Thursday 09:03; a
    // top-level supervision of 12 h opened on Wednesday 21:03 breaches at that same instant
    Instant due = at("2025-03-06T09:03");
    d.run(
        SUPERVISOR,
        "C-1",
        due.minus(Duration.ofHours(12)),
        new Command.OpenSupervision("挂牌督办", "x"));
    assertThat(d.engine.supervision(C).orElseThrow().dueAt()).isEqualTo(due);

    var fired = d.advance(due);

    assertThat(fired)
        .filteredOn(e -> e.type() == EventType.SLA_BREACHED)
        .extracting(CaseEvent::at)
        .containsExactly(due, due);
    assertThat(types(fired)).doesNotContain(EventType.SUPERVISION_ESCALATED);
    assertThat(openings(fired)).isEmpty();
    assertThat(d.engine.supervision(C).orElseThrow().level()).isEqualTo("挂牌督办");
    CaseEngine restored =
        CaseEngine.restore(config(LEVELS + "auto breaches 2 一般督办\n"), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  @Test
  void theSupervisionDeadlinePassing_escalatesItsLevel_untilTheTop() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(POLICY, t);
    d.run(SUPERVISOR, "C-1", t.plusSeconds(600), new Command.OpenSupervision("重点督办", "媒体曝光"));
    Instant due = d.engine.supervision(C).orElseThrow().dueAt();
    assertThat(due).isEqualTo(t.plusSeconds(600).plus(java.time.Duration.ofHours(24)));

    var fired = d.advance(due);
    EventPayload.SupervisionEscalated es =
        (EventPayload.SupervisionEscalated)
            fired.stream()
                .filter(e -> e.type() == EventType.SUPERVISION_ESCALATED)
                .findFirst()
                .orElseThrow()
                .payload();
    assertThat(es)
        .isEqualTo(
            new EventPayload.SupervisionEscalated(
                "重点督办", "挂牌督办", due.plus(java.time.Duration.ofHours(12))));
    assertThat(d.engine.supervision(C).orElseThrow().level()).isEqualTo("挂牌督办");

    // at the top level the breach is recorded, and nothing escalates further
    var top = d.advance(due.plus(java.time.Duration.ofHours(12)));
    assertThat(types(top)).contains(EventType.SLA_BREACHED);
    assertThat(types(top)).doesNotContain(EventType.SUPERVISION_ESCALATED);
    assertThat(d.engine.supervision(C).orElseThrow().escalationCount()).isEqualTo(1);

    CaseEngine restored = CaseEngine.restore(config(POLICY), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  @Test
  void returnedTwice_isSupervisedAtTheReturnRulesLevel() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(POLICY, t);
    String lead = d.engine.state(C).orElseThrow().lead().orElseThrow();
    var once =
        d.run(
            districtDispatcher(), "C-1", t.plusSeconds(600), new Command.Return(lead, "not ours"));
    assertThat(types(once)).doesNotContain(EventType.SUPERVISION_OPENED);
    String next = d.engine.state(C).orElseThrow().lead().orElseThrow();
    var twice =
        d.run(
            Principal.ofDepartment("staff-1", next),
            "C-1",
            t.plusSeconds(1200),
            new Command.Return(next, "nor ours"));
    assertThat(types(twice)).contains(EventType.SUPERVISION_OPENED);
    assertThat(d.engine.supervision(C).orElseThrow().level()).isEqualTo("重点督办");
  }

  /** Asserts that a command is refused with the given type and rule text and changes nothing. */
  private static void assertRefusedUnchanged(
      Driver d, Principal who, Instant at, Command.Action a, Class<?> type, String rule) {
    EngineSnapshot before = d.engine.snapshot();
    Optional<Supervision> sup = d.engine.supervision(C);
    assertThatThrownBy(
            () -> d.engine.execute(Command.of("refused-" + rule.hashCode(), who, C, at, a)))
        .isInstanceOf(type)
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining(rule);
    assertThat(d.engine.snapshot()).isEqualTo(before);
    assertThat(d.engine.supervision(C)).isEqualTo(sup);
  }

  @Test
  void refusals_areClear_andChangeNothing() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(POLICY, t);
    Instant at = t.plusSeconds(600);

    // urging or closing a case not under supervision
    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        at,
        new Command.Urge("快"),
        SupervisionRefusedException.class,
        "not under supervision");
    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        at,
        new Command.CloseSupervision("x"),
        SupervisionRefusedException.class,
        "not under supervision");
    // a level the policy does not have
    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        at,
        new Command.OpenSupervision("特级督办", "x"),
        SupervisionRefusedException.class,
        "特级督办 is not one of the policy's levels [一般督办, 重点督办, 挂牌督办]");
    // a supervisor of another street does not see the case at all
    Principal elsewhere = Principal.inRegion("sup-2", Role.SUPERVISOR, TOWNSHIP);
    assertRefusedUnchanged(
        d,
        elsewhere,
        at,
        new Command.OpenSupervision("一般督办", "x"),
        UnknownCaseException.class,
        "C-1");
    // a dispatcher is no supervising body
    assertRefusedUnchanged(
        d,
        districtDispatcher(),
        at,
        new Command.OpenSupervision("一般督办", "x"),
        NotAuthorizedException.class,
        "may not open-supervision");

    // supervising twice
    d.run(SUPERVISOR, "C-1", at, new Command.OpenSupervision("一般督办", "群众反映强烈"));
    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        at.plusSeconds(60),
        new Command.OpenSupervision("重点督办", "x"),
        SupervisionRefusedException.class,
        "already under supervision at level 一般督办");
  }

  @Test
  void aClosedCase_cannotBeSupervised_norUrged() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(POLICY, t);
    d.run(SUPERVISOR, "C-1", t.plusSeconds(300), new Command.OpenSupervision("一般督办", "x"));
    close(d, t.plusSeconds(600));

    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        t.plusSeconds(900),
        new Command.Urge("快"),
        SupervisionRefusedException.class,
        "the case is CLOSED");
    d.run(SUPERVISOR, "C-1", t.plusSeconds(960), new Command.CloseSupervision("已结案"));
    assertRefusedUnchanged(
        d,
        SUPERVISOR,
        t.plusSeconds(1000),
        new Command.OpenSupervision("一般督办", "x"),
        SupervisionRefusedException.class,
        "the case is CLOSED; only an open case can be supervised");
  }

  private static void close(Driver d, Instant t) {
    String lead = d.engine.state(C).orElseThrow().lead().orElseThrow();
    d.run(districtDispatcher(), "C-1", t, new Command.Accept(lead));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(10), new Command.Resolve(lead, "done"));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(20), new Command.Check(true, ""));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(30), new Command.Close());
  }

  @Test
  void aNotSatisfiedVisit_reopensTheCase_whenThePolicySays() {
    Instant t = at("2025-03-03T09:00");
    Driver d = opened(POLICY, t);
    String lead = d.engine.state(C).orElseThrow().lead().orElseThrow();
    close(d, t.plusSeconds(600));

    var unreached =
        d.run(districtDispatcher(), "C-1", t.plusSeconds(700), Command.Visit.notReached());
    assertThat(types(unreached)).containsExactly(EventType.VISITED);
    var basically =
        d.run(
            districtDispatcher(),
            "C-1",
            t.plusSeconds(800),
            Command.Visit.reached(Satisfaction.BASICALLY_SATISFIED));
    assertThat(types(basically)).containsExactly(EventType.VISITED);
    var not =
        d.run(
            districtDispatcher(),
            "C-1",
            t.plusSeconds(900),
            Command.Visit.reached(Satisfaction.DISSATISFIED));
    assertThat(types(not)).containsExactly(EventType.VISITED, EventType.REOPENED);
    assertThat(d.engine.state(C).orElseThrow().status()).isEqualTo(CaseStatus.REGISTERED);

    // the lead's 返工率 moves: one passed check before; the reopening adds one rework to it
    ScorecardWeights w = ScorecardWeights.parse(ScorecardsPropertyTest.WEIGHTS, "weights");
    List<CaseEvent> beforeVisit = d.log.subList(0, d.log.size() - not.size());
    Scorecard was =
        Scorecards.compute(beforeVisit, t, t.plus(Duration.ofDays(30)), w)
            .row(lead)
            .orElseThrow()
            .card();
    Scorecard is =
        Scorecards.compute(d.log, t, t.plus(Duration.ofDays(30)), w).row(lead).orElseThrow().card();
    assertThat(was.rework()).isEqualTo(new Rate(0, 1));
    assertThat(is.rework()).isEqualTo(new Rate(1, 2));
    assertThat(was.satisfaction()).isEqualTo(new Rate(1, 1));
    assertThat(is.satisfaction()).isEqualTo(new Rate(1, 2));
    assertThat(is.composite().getAsDouble()).isLessThan(was.composite().getAsDouble());

    // with "visit dissatisfied keep" the case stays closed
    Driver k = opened("visit dissatisfied keep", t);
    closeOn(k, t.plusSeconds(600));
    var kept =
        k.run(
            districtDispatcher(),
            "C-1",
            t.plusSeconds(900),
            Command.Visit.reached(Satisfaction.DISSATISFIED));
    assertThat(types(kept)).containsExactly(EventType.VISITED);

    // a visit needs a closed case
    assertThatThrownBy(
            () ->
                d.engine.execute(
                    Command.of(
                        "v-open",
                        districtDispatcher(),
                        C,
                        t.plusSeconds(1000),
                        Command.Visit.notReached())))
        .isInstanceOf(TransitionRefusedException.class);
  }

  private static void closeOn(Driver d, Instant t) {
    close(d, t);
  }

  @Test
  void policyText_badLines_areRefusedWithLineAndField() {
    assertThatThrownBy(() -> SupervisionPolicy.parse("level 一般督办 working-days x y", "p.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p.txt line 1 field 3 (limit)");
    assertThatThrownBy(
            () -> SupervisionPolicy.parse("level A natural PT1H\nauto breaches 0 A", "p.txt"))
        .hasMessageContaining(
            "p.txt line 2 field 3 (count): got \"0\"; expected a whole number >= 1");
    assertThatThrownBy(() -> SupervisionPolicy.parse("auto breaches 2 A", "p.txt"))
        .hasMessageContaining(
            "line 1 field 4 (level): got \"A\"; expected a level defined on an earlier line");
    assertThatThrownBy(() -> SupervisionPolicy.parse("\n\nrepeat window 30 days", "p.txt"))
        .hasMessageContaining("p.txt line 3 field 3 (window): got \"30\"");
    assertThatThrownBy(() -> SupervisionPolicy.parse("supervise everything", "p.txt"))
        .hasMessageContaining("line 1 field 1 (keyword): got \"supervise\"");
    assertThatThrownBy(
            () -> SupervisionPolicy.parse("level A natural PT1H\nlevel A natural PT2H", "p.txt"))
        .hasMessageContaining("line 2 field 2 (level name)");

    SupervisionPolicy p = SupervisionPolicy.parse(POLICY, "test");
    assertThat(p.levels())
        .extracting(SupervisionPolicy.Level::name)
        .containsExactly("一般督办", "重点督办", "挂牌督办");
    assertThat(p.next("重点督办").orElseThrow().name()).isEqualTo("挂牌督办");
    assertThat(p.next("挂牌督办")).isEmpty();
    assertThat(p.onBreaches().orElseThrow().threshold()).isEqualTo(2);
    assertThat(p.reopenOnDissatisfied()).isTrue();
    assertThat(p.repeat()).isEmpty();
  }
}
