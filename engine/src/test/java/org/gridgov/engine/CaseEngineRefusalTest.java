package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.WATER;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.config;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.IllegalTransitionException;
import org.gridgov.casefile.Priority;
import org.junit.jupiter.api.Test;

/**
 * Refusals are one sealed family: a command refused for the case's state or for an unknown handler
 * is a {@link CommandRefusedException} naming the actor, the case and the rule, and changes nothing
 * (no exception of another kind for these situations).
 */
class CaseEngineRefusalTest {
  private static final Instant T0 = at("2025-03-03T09:00");

  private static Command cmd(String id, Principal who, String caseId, Command.Action a) {
    return Command.of(id, who, CaseId.of(caseId), T0, a);
  }

  private static CaseEngine dispatched(String id) {
    CaseEngine e = config().build();
    for (Command c :
        List.of(
            cmd(
                "r-" + id,
                Principal.resident("res"),
                id,
                new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1))),
            cmd("v-" + id, districtDispatcher(), id, new Command.Verify(true, "")),
            cmd("g-" + id, districtDispatcher(), id, new Command.Register()),
            cmd("d-" + id, districtDispatcher(), id, Command.Dispatch.to(WATER)))) {
      var unused = e.execute(c);
    }
    return e;
  }

  /** Runs a command that must be refused; checks the family's contract and that nothing changed. */
  private static CommandRefusedException refused(CaseEngine e, Command c) {
    EngineSnapshot before = e.snapshot();
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> e.execute(c));
    assertThat(t).as("refusal of %s", c).isInstanceOf(CommandRefusedException.class);
    CommandRefusedException r = (CommandRefusedException) t;
    assertThat(r.actor()).isEqualTo(c.actor().toString());
    assertThat(r.caseId()).isEqualTo(c.caseId());
    assertThat(r.rule()).isNotBlank();
    assertThat(r.getMessage())
        .contains(c.actor().id(), "case " + c.caseId(), "command " + c.commandId(), r.rule());
    assertThat(e.snapshot()).isEqualTo(before);
    return r;
  }

  @Test
  void aLifecycleRefusalIsATransitionRefusal_withTheLifecyclesExceptionAsCause() {
    CaseEngine e = dispatched("A");
    CommandRefusedException r =
        refused(e, cmd("x", districtDispatcher(), "A", new Command.Close()));
    assertThat(r)
        .isInstanceOf(TransitionRefusedException.class)
        .hasCauseInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void engineStateRulesAreTransitionRefusals() {
    CaseEngine e = dispatched("A");
    Principal water = Principal.ofDepartment("w", WATER);
    assertThat(refused(e, cmd("x1", districtDispatcher(), "A", new Command.Resume())))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("resume needs SUSPENDED");
    String gridOffice = CaseEngine.officeOf(GRID1);
    assertThat(
            refused(
                e, cmd("x2", districtDispatcher(), "A", new Command.Resolve(gridOffice, "done"))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("only the lead resolves");
    assertThat(refused(e, cmd("x3", water, "A", new Command.Arrive(WATER))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("needs a pending summons");
    assertThat(
            refused(
                e, cmd("x4", districtDispatcher(), "A", new Command.Escalate(Optional.of(WATER)))))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("already the current lead");
  }

  @Test
  void anUnknownHandlerIsRefusedNamingIt_forDispatchAssistSummonAndEscalate() {
    CaseEngine e = dispatched("A");
    String ghost = "dept:ghost";
    List<Command.Action> actions =
        List.of(
            new Command.Assist(ghost),
            Command.Summon.of(List.of(ghost), java.time.Duration.ofMinutes(30)),
            new Command.Escalate(Optional.of(ghost)));
    int n = 0;
    for (Command.Action a : actions) {
      CommandRefusedException r = refused(e, cmd("u" + n++, districtDispatcher(), "A", a));
      assertThat(r).isInstanceOf(UnknownHandlerException.class);
      assertThat(((UnknownHandlerException) r).handlerId()).isEqualTo(ghost);
      assertThat(r.rule()).isEqualTo(UnknownHandlerException.RULE);
    }
  }

  @Test
  void refusedIdsAreNotRemembered_theCorrectedCommandMayReuseThem() {
    CaseEngine e = dispatched("A");
    var unused = refused(e, cmd("x", districtDispatcher(), "A", new Command.Assist("dept:ghost")));
    assertThat(e.execute(cmd("x", districtDispatcher(), "A", new Command.Assist(Fixture.HOUSING))))
        .hasSize(1);
    assertThatThrownBy(
            () -> e.execute(cmd("x", districtDispatcher(), "A", new Command.Assist(WATER))))
        .isInstanceOf(CommandIdReusedException.class);
  }

  /**
   * The fixture's policy sends a case returned by a second distinct returner to the command centre;
   * when the command centre itself is the returner, the decision would escalate the case from the
   * command centre to itself. That is a policy defect, refused as a routing failure naming the
   * handler, with nothing changed (it used to escape as an IllegalArgumentException from the
   * event).
   */
  @Test
  void aReturnThePolicyEscalatesBackToTheReturner_isARoutingFailure() {
    CaseEngine e = dispatched("A");
    Principal water = Principal.ofDepartment("w", WATER);
    var unused1 = e.execute(cmd("ret-1", water, "A", new Command.Return(WATER, "not ours")));
    Principal roads = Principal.ofDepartment("r", Fixture.ROADS);
    var unused2 =
        e.execute(cmd("ret-2", roads, "A", new Command.Return(Fixture.ROADS, "not ours")));
    assertThat(e.state(CaseId.of("A")).orElseThrow().lead()).contains(Fixture.COMMAND_CENTRE);

    Principal centre = Principal.ofDepartment("c", Fixture.COMMAND_CENTRE);
    EngineSnapshot before = e.snapshot();
    Throwable r =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                e.execute(
                    cmd("ret-3", centre, "A", new Command.Return(Fixture.COMMAND_CENTRE, "no"))));

    assertThat(e.snapshot()).isEqualTo(before);
    assertThat(r)
        .isInstanceOf(RoutingFailedException.class)
        .hasMessageContaining("case A")
        .hasMessageContaining(Fixture.COMMAND_CENTRE)
        .hasMessageContaining("to the handler it comes from");
  }
}
