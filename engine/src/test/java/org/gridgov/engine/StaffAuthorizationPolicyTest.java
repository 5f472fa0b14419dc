package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.DEPARTMENTS;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.POLICE;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.VGRID;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.junit.jupiter.api.Test;

/**
 * The staff checks in front of another policy: a non-resident must be a person of the registry
 * acting in a role held over the principal's region (or, for a department's staff, over one of the
 * case's locations); a grid worker acts on a case assigned to another person only in no office's
 * name; otherwise the wrapped policy decides, its refusals passed on unchanged.
 */
class StaffAuthorizationPolicyTest {
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final PersonId WORKER = PersonId.of("p-worker");
  private static final PersonId RESERVE = PersonId.of("p-reserve");
  private static final PersonId OFFICER = PersonId.of("p-police");
  private static final PersonId LEADER = PersonId.of("p-leader");
  private static final String OFFICE1 = CaseEngine.officeOf(GRID1);
  private static final String DELEGATE_SAYS = "the wrapped policy refuses";

  /** A wrapped policy that refuses every principal and every command. */
  private static final AuthorizationPolicy REFUSING =
      new AuthorizationPolicy() {
        @Override
        public Optional<String> principalRefusal(Principal principal) {
          return Optional.of(DELEGATE_SAYS + " " + principal.id());
        }

        @Override
        public boolean sees(Principal principal, CaseFacts facts, CaseState state) {
          return true;
        }

        @Override
        public Optional<String> refusal(Command command, CaseFacts facts, CaseState state) {
          return Optional.of(DELEGATE_SAYS + " " + command.commandId());
        }
      };

  /** A desk that has assigned case c-1 (at grid 1) to the grid's worker, through an engine. */
  private static StaffDesk deskWithC1AssignedToTheWorker() {
    StaffDesk desk =
        StaffDesk.builder(
                StaffRegistry.of(
                    TREE,
                    StaffRoles.standard(),
                    LocalDate.of(2025, 1, 1),
                    List.of(
                        Assignment.from(LEADER, "grid_leader", GRID1, FROM),
                        Assignment.from(WORKER, "grid_worker", GRID1, FROM),
                        Assignment.from(RESERVE, "grid_worker", COMMUNITY, FROM),
                        Assignment.from(OFFICER, "police", COMMUNITY, FROM))))
            .rule(new OwnWorkerAssignmentRule())
            .build();
    Fixture.Driver d =
        new Fixture.Driver(
            Fixture.config()
                .authorizationPolicy(
                    StaffAuthorizationPolicy.of(
                        JurisdictionAuthorizationPolicy.of(TREE, DEPARTMENTS), desk))
                .build());
    Principal leader = Principal.inRegion(LEADER.value(), Role.LEADER, GRID1);
    Instant t = at("2025-03-03T09:00");
    var unused =
        desk.observe(
            d.run(
                Principal.resident("r"),
                "c-1",
                t,
                new Command.Report(facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1))),
            d.engine);
    unused =
        desk.observe(
            d.run(leader, "c-1", t.plusSeconds(60), new Command.Verify(true, "")), d.engine);
    unused =
        desk.observe(d.run(leader, "c-1", t.plusSeconds(120), new Command.Register()), d.engine);
    unused =
        desk.observe(
            d.run(leader, "c-1", t.plusSeconds(180), Command.Dispatch.byPolicy()), d.engine);
    assertThat(desk.assignee(CaseId.of("c-1"))).contains(WORKER);
    return desk;
  }

  private static Command cmd(String id, Principal who, Command.Action a) {
    return Command.of(id, who, CaseId.of("c-1"), at("2025-03-03T10:00"), a);
  }

  @Test
  void theWrappedPolicysRefusalsArePassedOn() {
    StaffAuthorizationPolicy p =
        StaffAuthorizationPolicy.of(REFUSING, deskWithC1AssignedToTheWorker());
    Principal worker = Principal.inRegion(WORKER.value(), Role.GRID_WORKER, GRID1);
    Principal resident = Principal.resident("r-7");
    CaseFacts f = facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1);
    CaseState s = org.gridgov.casefile.CaseLifecycle.initial(f.id());

    assertThat(p.principalRefusal(worker)).contains(DELEGATE_SAYS + " p-worker");
    assertThat(p.principalRefusal(resident)).contains(DELEGATE_SAYS + " r-7");
    assertThat(p.refusal(cmd("k-1", worker, new Command.Accept(OFFICE1)), f, s))
        .contains(DELEGATE_SAYS + " k-1");
    assertThat(p.refusal(cmd("k-2", resident, new Command.Verify(true, "")), f, s))
        .contains(DELEGATE_SAYS + " k-2");
  }

  @Test
  void aGridWorkerActingInAnOfficesNameOnAnotherPersonsCaseIsRefusedNamingTheOffice() {
    StaffDesk desk = deskWithC1AssignedToTheWorker();
    StaffAuthorizationPolicy p =
        StaffAuthorizationPolicy.of(JurisdictionAuthorizationPolicy.of(TREE, DEPARTMENTS), desk);
    StaffAuthorizationPolicy refusing = StaffAuthorizationPolicy.of(REFUSING, desk);
    Principal reserve = Principal.inRegion(RESERVE.value(), Role.GRID_WORKER, COMMUNITY);
    CaseFacts f = facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1);
    CaseState s = org.gridgov.casefile.CaseLifecycle.initial(f.id());

    for (Command.Action a :
        List.<Command.Action>of(
            new Command.Accept(OFFICE1),
            new Command.Return(OFFICE1, "not ours"),
            new Command.Resolve(OFFICE1, "done"),
            new Command.RequestExtension(OFFICE1, 3, "rain"))) {
      assertThat(p.refusal(cmd("a-1", reserve, a), f, s))
          .as("%s", a)
          .contains("the case is assigned to person p-worker at " + OFFICE1 + " (派单到人)");
    }
    // an action in no office's name is for the wrapped policy to decide
    assertThat(refusing.refusal(cmd("a-2", reserve, new Command.Verify(true, "")), f, s))
        .contains(DELEGATE_SAYS + " a-2");
    // the assignee itself passes to the wrapped policy
    Principal worker = Principal.inRegion(WORKER.value(), Role.GRID_WORKER, GRID1);
    assertThat(refusing.refusal(cmd("a-3", worker, new Command.Accept(OFFICE1)), f, s))
        .contains(DELEGATE_SAYS + " a-3");
  }

  @Test
  void aDepartmentsStaffMustHoldItsRoleOverOneOfTheCasesLocations() {
    StaffAuthorizationPolicy p =
        StaffAuthorizationPolicy.of(REFUSING, deskWithC1AssignedToTheWorker());
    Principal officer = Principal.ofDepartment(OFFICER.value(), POLICE);
    Command c = cmd("d-1", officer, new Command.Verify(true, ""));

    CaseFacts here = facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1);
    CaseFacts secondHere = facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, VGRID, GRID1);
    CaseFacts elsewhere = facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, VGRID);
    CaseState s = org.gridgov.casefile.CaseLifecycle.initial(here.id());

    assertThat(p.refusal(c, here, s)).contains(DELEGATE_SAYS + " d-1");
    assertThat(p.refusal(c, secondHere, s)).contains(DELEGATE_SAYS + " d-1");
    assertThat(p.refusal(c, elsewhere, s))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith(
                        "person p-police holds no role acting as DEPARTMENT_STAFF over the case's"
                            + " location at ")
                    .contains("rule: a person acts in the roles held at the instant"));
  }
}
