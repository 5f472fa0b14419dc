package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.IllegalTransitionException;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.junit.jupiter.api.Test;

class CaseEngineTest {
  private static final Instant T0 = at("2025-03-03T09:00");

  private static Command report(String cmd, String id, Instant t) {
    return Command.of(
        cmd,
        Principal.resident("res"),
        CaseId.of(id),
        t,
        new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
  }

  private static Command cmd(String cmd, Principal who, String id, Instant t, Command.Action a) {
    return Command.of(cmd, who, CaseId.of(id), t, a);
  }

  /** Reports, verifies, registers and dispatches case {@code id} to the given handler at T0. */
  private static CaseEngine dispatched(CaseEngine e, String id, String handler) {
    var unused1 = e.execute(report("r-" + id, id, T0));
    var unused2 =
        e.execute(cmd("v-" + id, districtDispatcher(), id, T0, new Command.Verify(true, "")));
    var unused3 = e.execute(cmd("g-" + id, districtDispatcher(), id, T0, new Command.Register()));
    var unused4 =
        e.execute(cmd("d-" + id, districtDispatcher(), id, T0, Command.Dispatch.to(handler)));
    return e;
  }

  @Test
  void retryWithTheSameCommandIdReturnsTheOriginalEventsAndChangesNothing() {
    CaseEngine e = config().build();
    List<CaseEvent> first = e.execute(report("c1", "A", T0));
    var snapshot = e.snapshot();
    assertThat(e.execute(report("c1", "A", T0))).isSameAs(first);
    assertThat(e.snapshot()).isEqualTo(snapshot);
    // a different command under a used id is refused
    assertThatThrownBy(() -> e.execute(report("c1", "B", T0)))
        .isInstanceOf(CommandIdReusedException.class)
        .hasMessageContaining("c1")
        .hasMessageContaining("different command")
        // nothing of the first command (its case A, principal, instant) is disclosed
        .hasMessageNotContaining("case A")
        .hasMessageNotContaining("res")
        .hasMessageNotContaining(T0.toString());
  }

  @Test
  void commandMemoryIsBoundedToTheMostRecentIds() {
    CaseEngine e = config().commandMemory(1).build();
    var unused = e.execute(report("c1", "A", T0));
    var unused2 = e.execute(report("c2", "B", T0));
    // c1 is forgotten: executing it again is a new report of an existing case
    assertThatThrownBy(() -> e.execute(report("c1", "A", T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case A already exists");
  }

  @Test
  void timeGoingBackwardsIsRefusedNamingBothInstants() {
    CaseEngine e = config().build();
    var unused = e.advanceTo(T0.plusSeconds(60));
    assertThatThrownBy(() -> e.advanceTo(T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(T0.toString())
        .hasMessageContaining(T0.plusSeconds(60).toString());
    assertThatThrownBy(() -> e.execute(report("c1", "A", T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c1")
        .hasMessageContaining(T0.toString())
        .hasMessageContaining(T0.plusSeconds(60).toString());
    assertThat(e.caseCount()).isZero();
  }

  @Test
  void subMillisecondInstantsAreRefused() {
    CaseEngine e = config().build();
    assertThatThrownBy(() -> e.advanceTo(T0.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sub-millisecond");
  }

  @Test
  void aCommandAfterAnUnfiredDeadlineMustWaitForAdvanceTo() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    Instant late = at("2025-03-10T09:00"); // the 3-working-day lead clock is overdue by then
    Command accept =
        cmd("acc", Principal.ofDepartment("w", WATER), "A", late, new Command.Accept(WATER));
    assertThatThrownBy(() -> e.execute(accept))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call advanceTo(" + late + ") first");
    List<CaseEvent> fired = e.advanceTo(late);
    assertThat(fired).extracting(CaseEvent::type).isNotEmpty();
    // after the breach the policy escalated from water to the district office, so water may no
    // longer accept
    assertThat(e.state(CaseId.of("A")).orElseThrow().lead())
        .contains(CaseEngine.officeOf(DISTRICT));
    assertThatThrownBy(() -> e.execute(accept)).isInstanceOf(UnknownCaseException.class);
  }

  @Test
  void unknownCaseUnknownHandlerAndIllegalTransitionAreRefusedWithoutChange() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var before = e.snapshot();
    assertThatThrownBy(
            () -> e.execute(cmd("x1", districtDispatcher(), "NOPE", T0, new Command.Close())))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessageContaining("unknown case NOPE");
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd("x2", districtDispatcher(), "A", T0, new Command.Assist("dept:ghost"))))
        .isInstanceOf(UnknownHandlerException.class)
        .hasMessageContaining("unknown handler dept:ghost");
    assertThatThrownBy(
            () -> e.execute(cmd("x3", districtDispatcher(), "A", T0, new Command.Close())))
        .isInstanceOf(TransitionRefusedException.class)
        .hasCauseInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "x4",
                        districtDispatcher(),
                        "A",
                        T0,
                        new Command.Report(
                            facts("A", "01", Priority.NORMAL, CaseSource.APP, 350302999999999L)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                e.execute(
                    Command.of(
                        "x5",
                        Principal.resident("r"),
                        CaseId.of("Z"),
                        T0,
                        new Command.Report(
                            facts("Z", "01", Priority.NORMAL, CaseSource.APP, 350302999999999L)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("350302999999999");
    assertThat(e.snapshot()).isEqualTo(before);
    // a refused id is not remembered: the corrected command may reuse it
    assertThat(e.execute(cmd("x2", districtDispatcher(), "A", T0, new Command.Assist(HOUSING))))
        .extracting(CaseEvent::payload)
        .containsExactly(new EventPayload.AssistAdded(HOUSING));
  }

  @Test
  void authorisationRulesNameActorCaseAndRule() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var before = e.snapshot();
    assertThatThrownBy(
            () -> e.execute(cmd("a1", Principal.resident("res-7"), "A", T0, new Command.Close())))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("res-7")
        .hasMessageContaining("case A")
        .hasMessageContaining("only report and evaluate");
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "a2",
                        Principal.inRegion("gw-9", Role.GRID_WORKER, GRID3),
                        "A",
                        T0,
                        new Command.Verify(true, ""))))
        .isInstanceOf(UnknownCaseException.class) // outside its jurisdiction: reads as unknown
        .hasMessageContaining("gw-9")
        .hasMessageContaining("unknown case A");
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "a3",
                        Principal.ofDepartment("h", HOUSING),
                        "A",
                        T0,
                        new Command.Accept(HOUSING))))
        .isInstanceOf(
            UnknownCaseException.class) // a case not dispatched or summoned to it reads as unknown
        .satisfies(x -> assertThat(((UnknownCaseException) x).caseId()).isEqualTo(CaseId.of("A")));
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "a4",
                        Principal.ofDepartment("w", WATER),
                        "A",
                        T0,
                        new Command.Accept(HOUSING))))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("acts for dept:water, not for dept:housing");
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "a5",
                        Principal.inRegion("town", Role.DISPATCHER, TOWNSHIP),
                        "A",
                        T0,
                        new Command.Close())))
        .isInstanceOf(UnknownCaseException.class);
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "a6",
                        Principal.inRegion("gw", Role.GRID_WORKER, GRID1),
                        "A",
                        T0,
                        new Command.Register())))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("GRID_WORKER may not register");
    assertThat(e.snapshot()).isEqualTo(before);
    // the department the case is dispatched to may accept
    assertThat(
            e.execute(
                cmd("a7", Principal.ofDepartment("w", WATER), "A", T0, new Command.Accept(WATER))))
        .extracting(CaseEvent::payload)
        .containsExactly(new EventPayload.Accepted(WATER));
  }

  @Test
  void aPolicyThatThrowsLeavesTheEngineUnchanged() {
    CaseEngine e =
        dispatched(
            config(
                    req -> {
                      if (req.point() == DecisionPoint.NEW_CASE) {
                        return RoutingDecision.Assign.of(
                            WATER, List.of(), RoutingDecision.Explanation.of("t", List.of()));
                      }
                      throw new IllegalStateException("policy bug");
                    })
                .build(),
            "A",
            WATER);
    var before = e.snapshot();
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "ret",
                        Principal.ofDepartment("w", WATER),
                        "A",
                        T0,
                        new Command.Return(WATER, "no"))))
        .isInstanceOf(RoutingFailedException.class)
        .hasMessageContaining("policy bug")
        .hasMessageContaining("RETURN");
    assertThat(e.snapshot()).isEqualTo(before);
    // time passing that triggers a BREACH decision also rolls back entirely, and can be retried
    Instant late = at("2025-03-12T09:00");
    assertThatThrownBy(() -> e.advanceTo(late))
        .isInstanceOf(RoutingFailedException.class)
        .isInstanceOf(CommandRefusedException.class)
        .satisfies(
            x -> {
              RoutingFailedException r = (RoutingFailedException) x;
              assertThat(r.actor()).isEqualTo(RoutingFailedException.SYSTEM_ACTOR);
              assertThat(r.caseId()).isEqualTo(CaseId.of("A"));
              assertThat(r.rule()).contains("routing policy");
            });
    assertThat(e.snapshot()).isEqualTo(before);
    assertThat(e.now()).contains(T0);
    assertThatThrownBy(() -> e.advanceTo(late.minusSeconds(3600)))
        .isInstanceOf(RoutingFailedException.class);
    assertThat(e.snapshot()).isEqualTo(before);
  }

  @Test
  void aPolicyNamingAnUnknownHandlerIsRefused() {
    CaseEngine e =
        config(
                req ->
                    RoutingDecision.Assign.of(
                        "dept:ghost",
                        List.of(),
                        RoutingDecision.Explanation.of("bad-policy", List.of())))
            .build();
    var unused1 = e.execute(report("r", "A", T0));
    var unused2 = e.execute(cmd("v", districtDispatcher(), "A", T0, new Command.Verify(true, "")));
    var unused3 = e.execute(cmd("g", districtDispatcher(), "A", T0, new Command.Register()));
    var before = e.snapshot();
    assertThatThrownBy(
            () -> e.execute(cmd("d", districtDispatcher(), "A", T0, Command.Dispatch.byPolicy())))
        .isInstanceOf(RoutingFailedException.class)
        .hasMessageContaining("unknown handler dept:ghost")
        .hasMessageContaining("bad-policy")
        .satisfies(
            x -> {
              // one of the refusal family, naming the command's principal, the case and the rule
              CommandRefusedException r = (CommandRefusedException) x;
              assertThat(r.actor()).isEqualTo(districtDispatcher().toString());
              assertThat(r.caseId()).isEqualTo(CaseId.of("A"));
              assertThat(r.rule()).isEqualTo(RoutingFailedException.RULE);
            });
    assertThat(e.snapshot()).isEqualTo(before);
    assertThat(e.state(CaseId.of("A")).orElseThrow().status()).isEqualTo(CaseStatus.REGISTERED);
  }

  @Test
  void sameInputsGiveEqualEventsInTwoEngines() {
    List<String> a = scriptedRun();
    List<String> b = scriptedRun();
    assertThat(a).isNotEmpty().isEqualTo(b);
  }

  private static List<String> scriptedRun() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var unused = dispatched(e, "B", CaseEngine.officeOf(GRID1));
    return e.advanceTo(at("2025-03-20T09:00")).stream().map(Object::toString).toList();
  }

  @Test
  void simultaneousDeadlinesFireInReportOrder() {
    CaseEngine e = config().build();
    var unused = dispatched(e, "B", WATER);
    var unused2 = dispatched(e, "A", WATER);
    List<CaseEvent> fired = e.advanceTo(at("2025-03-20T09:00"));
    // both cases reach every level at the same instants; B was reported first
    CaseEvent firstOfB =
        fired.stream().filter(x -> x.caseId().equals(CaseId.of("B"))).findFirst().orElseThrow();
    CaseEvent firstOfA =
        fired.stream().filter(x -> x.caseId().equals(CaseId.of("A"))).findFirst().orElseThrow();
    assertThat(firstOfB.at()).isEqualTo(firstOfA.at());
    assertThat(fired.indexOf(firstOfB)).isLessThan(fired.indexOf(firstOfA));
    for (int i = 1; i < fired.size(); i++) {
      assertThat(fired.get(i).at()).isAfterOrEqualTo(fired.get(i - 1).at());
    }
  }

  @Test
  void restoreNeedsTheFactsOfEveryCase() {
    CaseEngine e = config().build();
    List<CaseEvent> log = e.execute(report("c", "A", T0));
    assertThatThrownBy(() -> CaseEngine.restore(config(), Map.of(), log))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no facts for case A");
  }

  @Test
  void manualEscalationToTheCurrentLeadIsRefused() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "m",
                        districtDispatcher(),
                        "A",
                        T0,
                        new Command.Escalate(Optional.of(WATER)))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("current lead");
  }

  @Test
  void principalValidatesItsJurisdiction() {
    assertThatThrownBy(() -> new Principal("x", Role.RESIDENT, java.util.OptionalLong.of(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Principal.inRegion("x", Role.DEPARTMENT_STAFF, DISTRICT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Principal.ofDepartment("w", WATER).actor().role()).isEqualTo(Role.DEPARTMENT_STAFF);
  }

  @Test
  void restoreRebuildsClocksAndPendingDeadlinesAndTakesTheLastEventsTime() {
    Map<CaseId, org.gridgov.casefile.CaseFacts> facts = new java.util.LinkedHashMap<>();
    List<CaseEvent> log = new java.util.ArrayList<>();
    CaseEngine e = config().build();
    for (String id : List.of("A", "B")) {
      Command r = report("r-" + id, id, T0);
      facts.put(CaseId.of(id), ((Command.Report) r.action()).facts());
      log.addAll(e.execute(r));
      log.addAll(
          e.execute(cmd("v-" + id, districtDispatcher(), id, T0, new Command.Verify(true, ""))));
      log.addAll(e.execute(cmd("g-" + id, districtDispatcher(), id, T0, new Command.Register())));
      log.addAll(
          e.execute(cmd("d-" + id, districtDispatcher(), id, T0, Command.Dispatch.to(WATER))));
    }
    log.addAll(e.advanceTo(at("2025-03-06T12:00"))); // past the yellow level of both lead clocks
    CaseEngine r = CaseEngine.restore(config(), facts, log);
    assertThat(r.snapshot()).isEqualTo(e.snapshot());
    assertThat(r.pendingDeadlineCount()).isEqualTo(2);
    assertThat(r.nextDeadline(CaseId.of("A"))).isEqualTo(e.nextDeadline(CaseId.of("A")));
    assertThat(r.now()).contains(log.get(log.size() - 1).at());
    assertThat(r.advanceTo(at("2025-03-20T09:00"))).isEqualTo(e.advanceTo(at("2025-03-20T09:00")));
  }

  @Test
  void arriveEmitsArrivedAndStopsTheArrivalClock_aSecondArrivalIsRefused() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var unused =
        e.execute(
            cmd(
                "s",
                districtDispatcher(),
                "A",
                T0,
                Command.Summon.of(List.of(URBAN), java.time.Duration.ofMinutes(30))));
    List<CaseEvent> arrived =
        e.execute(
            cmd(
                "arr",
                Principal.ofDepartment("u", URBAN),
                "A",
                T0.plusSeconds(60),
                new Command.Arrive(URBAN)));
    assertThat(arrived)
        .extracting(CaseEvent::payload)
        .containsExactly(new EventPayload.Arrived(URBAN));
    assertThat(arrived.get(0).at()).isEqualTo(T0.plusSeconds(60));
    assertThat(e.clocks(CaseId.of("A")).orElseThrow().clock(CaseEngine.SUMMON_CLOCK_PREFIX + URBAN))
        .isEmpty();
    assertThat(e.state(CaseId.of("A")).orElseThrow().awaitingArrival()).isEmpty();
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "arr2",
                        Principal.ofDepartment("u", URBAN),
                        "A",
                        T0.plusSeconds(60),
                        new Command.Arrive(URBAN))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("no pending summons");
  }

  // ------------------------------------------------------------------ release

  /** Takes a dispatched case to CLOSED: accept, resolve, check, close. */
  private static void close(CaseEngine e, String id, String handler) {
    Principal staff = Principal.ofDepartment("staff", handler);
    var unused1 = e.execute(cmd("a-" + id, staff, id, T0, new Command.Accept(handler)));
    var unused2 = e.execute(cmd("s-" + id, staff, id, T0, new Command.Resolve(handler, "done")));
    var unused3 = e.execute(cmd("k-" + id, supervisor(), id, T0, new Command.Check(true, "")));
    var unused4 = e.execute(cmd("x-" + id, districtDispatcher(), id, T0, new Command.Close()));
  }

  @Test
  void releaseDropsAClosedCase_afterwardsTheEngineDoesNotKnowIt() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var unused = dispatched(e, "B", WATER);
    close(e, "A", WATER);
    assertThat(e.caseCount()).isEqualTo(2);

    assertThat(e.release(CaseId.of("A"))).isTrue();

    assertThat(e.state(CaseId.of("A"))).isEmpty();
    assertThat(e.clocks(CaseId.of("A"))).isEmpty();
    assertThat(e.nextDeadline(CaseId.of("A"))).isEmpty();
    assertThat(e.caseCount()).isEqualTo(1);
    assertThat(e.openCaseCount()).isEqualTo(1);
    assertThat(e.snapshot().cases()).hasSize(1);
    assertThat(e.release(CaseId.of("A"))).as("a second release").isFalse();
    // commands on it are refused as for an unknown case
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd(
                        "ev",
                        Principal.resident("res"),
                        "A",
                        T0,
                        new Command.Evaluate(org.gridgov.casefile.Satisfaction.SATISFIED, true))))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessageContaining("unknown case A");
    assertThatThrownBy(
            () -> e.execute(cmd("ro", districtDispatcher(), "A", T0, new Command.Reopen("again"))))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessageContaining("unknown case A");
    // the other case is untouched and keeps its deadline
    assertThat(e.state(CaseId.of("B")).orElseThrow().status()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(e.pendingDeadlineCount()).isEqualTo(1);
  }

  @Test
  void releaseOfAnUnknownCaseReturnsFalse() {
    CaseEngine e = config().build();
    assertThat(e.release(CaseId.of("NOPE"))).isFalse();
  }

  @Test
  void releaseRefusesAnOpenCaseNamingItAndItsStatus_andChangesNothing() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    var snapshot = e.snapshot();
    assertThatThrownBy(() -> e.release(CaseId.of("A")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("case A")
        .hasMessageContaining("DISPATCHED");
    assertThat(e.snapshot()).isEqualTo(snapshot);
    assertThat(e.pendingDeadlineCount()).isEqualTo(1);
  }

  @Test
  void invalidMergedAndEvaluatedCasesCanBeReleased_reportedOneCannot() {
    CaseEngine e = config().build();
    var unused = e.execute(report("r-I", "I", T0));
    var unused2 =
        e.execute(
            cmd("v-I", districtDispatcher(), "I", T0, new Command.Verify(false, "not there")));
    var unused3 = e.execute(report("r-M", "M", T0));
    var unused4 = e.execute(report("r-K", "K", T0));
    var unused5 =
        e.execute(cmd("m-M", districtDispatcher(), "M", T0, new Command.Merge(CaseId.of("K"))));
    var unused6 = dispatched(e, "E", WATER);
    close(e, "E", WATER);
    var unused7 =
        e.execute(
            cmd(
                "ev-E",
                Principal.resident("res"),
                "E",
                T0,
                new Command.Evaluate(org.gridgov.casefile.Satisfaction.SATISFIED, true)));

    assertThat(e.release(CaseId.of("I"))).isTrue();
    assertThat(e.release(CaseId.of("M"))).isTrue();
    assertThat(e.release(CaseId.of("E"))).isTrue();
    assertThatThrownBy(() -> e.release(CaseId.of("K")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("case K")
        .hasMessageContaining("REPORTED");
    assertThat(e.caseCount()).isEqualTo(1);
    // a merge into a released case is refused as into an unknown one
    var unused8 = e.execute(report("r-N", "N", T0));
    assertThatThrownBy(
            () ->
                e.execute(
                    cmd("m-N", districtDispatcher(), "N", T0, new Command.Merge(CaseId.of("M")))))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessageContaining("unknown case");
  }

  @Test
  void afterAReleaseSimultaneousDeadlinesStillFireInReportOrder() {
    CaseEngine e = config().build();
    var unused = dispatched(e, "C", WATER);
    close(e, "C", WATER);
    var unused2 = dispatched(e, "B", WATER);
    var unused3 = dispatched(e, "A", WATER);
    assertThat(e.release(CaseId.of("C"))).isTrue();
    List<CaseEvent> fired = e.advanceTo(at("2025-03-20T09:00"));
    assertThat(fired).isNotEmpty().noneMatch(x -> x.caseId().equals(CaseId.of("C")));
    assertThat(fired.get(0).caseId()).isEqualTo(CaseId.of("B"));
  }

  @Test
  void restoreOfALogWithReleasedCasesHasThemAgain_releasingThemAgainGivesTheSameEngine() {
    Map<CaseId, org.gridgov.casefile.CaseFacts> facts = new java.util.LinkedHashMap<>();
    List<CaseEvent> log = new java.util.ArrayList<>();
    CaseEngine e = config().build();
    for (String id : List.of("A", "B", "C")) {
      Command r = report("r-" + id, id, T0);
      facts.put(CaseId.of(id), ((Command.Report) r.action()).facts());
      log.addAll(e.execute(r));
      log.addAll(
          e.execute(cmd("v-" + id, districtDispatcher(), id, T0, new Command.Verify(true, ""))));
      log.addAll(e.execute(cmd("g-" + id, districtDispatcher(), id, T0, new Command.Register())));
      log.addAll(
          e.execute(cmd("d-" + id, districtDispatcher(), id, T0, Command.Dispatch.to(WATER))));
    }
    Principal staff = Principal.ofDepartment("staff", WATER);
    log.addAll(e.execute(cmd("a-B", staff, "B", T0, new Command.Accept(WATER))));
    log.addAll(e.execute(cmd("s-B", staff, "B", T0, new Command.Resolve(WATER, "done"))));
    log.addAll(e.execute(cmd("k-B", supervisor(), "B", T0, new Command.Check(true, ""))));
    log.addAll(e.execute(cmd("x-B", districtDispatcher(), "B", T0, new Command.Close())));
    assertThat(e.release(CaseId.of("B"))).isTrue();

    CaseEngine r = CaseEngine.restore(config(), facts, log);
    assertThat(r.state(CaseId.of("B")).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(r.caseCount()).isEqualTo(3);
    assertThat(r.release(CaseId.of("B"))).isTrue();
    assertThat(r.snapshot()).isEqualTo(e.snapshot());
    assertThat(r.advanceTo(at("2025-03-20T09:00"))).isEqualTo(e.advanceTo(at("2025-03-20T09:00")));
  }

  @Test
  void aRetryOfARememberedCommandOfAReleasedCaseReturnsItsEvents() {
    CaseEngine e = dispatched(config().build(), "A", WATER);
    close(e, "A", WATER);
    Command closeCmd = cmd("x-A", districtDispatcher(), "A", T0, new Command.Close());
    List<CaseEvent> first = e.execute(closeCmd);
    assertThat(e.release(CaseId.of("A"))).isTrue();
    assertThat(e.execute(closeCmd)).isEqualTo(first);
    assertThat(e.caseCount()).isZero();
  }
}
