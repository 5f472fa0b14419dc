package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.DEPARTMENTS;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.GRID3;
import static org.gridgov.engine.Fixture.POLICE;
import static org.gridgov.engine.Fixture.STREET;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffPolicy;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.junit.jupiter.api.Test;

/**
 * 一格多员 in the engine: a grid with a leader, a worker and a police officer (and a community-wide
 * reserve worker); a case routed to the grid's worker; the worker moves to another grid and the
 * case is handed back by rule to the reserve; a queued case is assigned when someone joins.
 */
class StaffDeskScenarioTest {
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final PersonId LEADER = PersonId.of("p-leader");
  private static final PersonId WORKER = PersonId.of("p-worker");
  private static final PersonId POLICE_OFFICER = PersonId.of("p-police");
  private static final PersonId RESERVE = PersonId.of("p-reserve");
  private static final PersonId SUPERVISOR = PersonId.of("p-sup");
  private static final PersonId VOLUNTEER = PersonId.of("p-vol");
  private static final String OFFICE1 = CaseEngine.officeOf(GRID1);
  private static final String OFFICE3 = CaseEngine.officeOf(GRID3);

  private static StaffRegistry registry() {
    return StaffRegistry.of(
        TREE,
        StaffRoles.standard(),
        LocalDate.of(2025, 1, 1),
        List.of(
            Assignment.from(LEADER, "grid_leader", GRID1, FROM),
            Assignment.from(WORKER, "grid_worker", GRID1, FROM),
            Assignment.from(POLICE_OFFICER, "police", COMMUNITY, FROM),
            Assignment.from(RESERVE, "grid_worker", COMMUNITY, FROM),
            Assignment.from(SUPERVISOR, "supervisor", STREET, FROM),
            Assignment.from(VOLUNTEER, "volunteer", GRID1, FROM)));
  }

  /** An engine whose authorisation consults the desk, a driver, and the desk. */
  private static final class World {
    final StaffDesk desk;
    final Fixture.Driver d;

    World(PersonAssignmentRule rule) {
      desk = StaffDesk.builder(registry()).rule(rule).build();
      d =
          new Fixture.Driver(
              Fixture.config()
                  .authorizationPolicy(
                      StaffAuthorizationPolicy.of(
                          JurisdictionAuthorizationPolicy.of(TREE, DEPARTMENTS), desk))
                  .build());
    }

    List<StaffEvent> run(Principal who, String caseId, Instant t, Command.Action a) {
      List<CaseEvent> out = d.run(who, caseId, t, a);
      return desk.observe(out, d.engine);
    }
  }

  private static Principal person(PersonId p, Role role, long region) {
    return Principal.inRegion(p.value(), role, region);
  }

  @Test
  void caseGoesToTheGridsWorkerAndIsHandedBackWhenTheWorkerMoves() {
    World w = new World(new OwnWorkerAssignmentRule());
    assertThat(w.desk.registry().coverers(GRID1, "grid_leader", FROM)).containsExactly(LEADER);
    assertThat(w.desk.registry().coverers(GRID1, "police", FROM)).containsExactly(POLICE_OFFICER);
    Principal leader = person(LEADER, Role.LEADER, GRID1);
    List<StaffEvent> unused =
        w.run(
            Principal.resident("r-1"),
            "c-1",
            at("2025-03-03T09:00"),
            new Command.Report(facts("c-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    unused = w.run(leader, "c-1", at("2025-03-03T09:10"), new Command.Verify(true, ""));
    unused = w.run(leader, "c-1", at("2025-03-03T09:20"), new Command.Register());
    List<StaffEvent> dispatched =
        w.run(leader, "c-1", at("2025-03-03T09:30"), Command.Dispatch.byPolicy());
    assertThat(dispatched)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(StaffEvent.Kind.ASSIGNED);
              assertThat(e.handlerId()).isEqualTo(OFFICE1);
              assertThat(e.person()).contains(WORKER); // the grid's own, not the community reserve
              assertThat(e.rule()).isEqualTo("own-worker");
            });

    // The reserve covers the grid, but the case is the worker's: refused, naming the assignee.
    Principal reserve = person(RESERVE, Role.GRID_WORKER, COMMUNITY);
    assertThatThrownBy(
            () -> w.run(reserve, "c-1", at("2025-03-03T09:40"), new Command.Accept(OFFICE1)))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("assigned to person p-worker");
    // A volunteer holds no role acting as a grid worker.
    assertThatThrownBy(
            () ->
                w.run(
                    person(VOLUNTEER, Role.GRID_WORKER, GRID1),
                    "c-1",
                    at("2025-03-03T09:40"),
                    new Command.Accept(OFFICE1)))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("person p-vol holds no role acting as GRID_WORKER over " + GRID1)
        .hasMessageContaining("rule: a person acts in the roles held at the instant");
    // Nobody of the registry.
    assertThatThrownBy(
            () ->
                w.run(
                    Principal.inRegion("x-99", Role.GRID_WORKER, GRID1),
                    "c-1",
                    at("2025-03-03T09:40"),
                    new Command.Accept(OFFICE1)))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("not a person of the staff registry");
    // Posing as a police officer: the case is not the police's, so it reads as unknown.
    assertThatThrownBy(
            () ->
                w.run(
                    Principal.ofDepartment(WORKER.value(), POLICE),
                    "c-1",
                    at("2025-03-03T09:40"),
                    new Command.Accept(POLICE)))
        .isInstanceOf(UnknownCaseException.class);

    Principal worker = person(WORKER, Role.GRID_WORKER, GRID1);
    unused = w.run(worker, "c-1", at("2025-03-03T10:00"), new Command.Accept(OFFICE1));
    assertThat(w.desk.loads()).containsEntry(WORKER, 1);

    // The worker moves to grid 3 (调岗): the open case is handed back by the rule, to the reserve.
    Instant move = at("2025-03-04T09:00");
    List<CaseEvent> advanced = w.d.advance(move);
    assertThat(advanced).isEmpty();
    List<StaffEvent> left =
        w.desk.leaveRole(WORKER, "grid_worker", GRID1, move, LocalDate.of(2025, 3, 4));
    assertThat(left)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(StaffEvent.Kind.HANDED_BACK);
              assertThat(e.previous()).contains(WORKER);
              assertThat(e.person()).contains(RESERVE);
            });
    assertThat(
            w.desk.joinRole(
                Assignment.from(WORKER, "grid_worker", GRID3, move),
                LocalDate.of(2025, 3, 4),
                StaffPolicy.none(),
                move))
        .isEmpty();
    assertThat(w.desk.assignee(CaseId.of("c-1"))).contains(RESERVE);

    // The worker no longer acts in grid 1; the reserve does.
    assertThatThrownBy(
            () ->
                w.run(
                    worker, "c-1", at("2025-03-04T10:00"), new Command.Resolve(OFFICE1, "cleaned")))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("p-worker holds no role acting as GRID_WORKER over " + GRID1);
    unused = w.run(reserve, "c-1", at("2025-03-04T10:00"), new Command.Resolve(OFFICE1, "cleaned"));
    Principal sup = person(SUPERVISOR, Role.SUPERVISOR, STREET);
    unused = w.run(sup, "c-1", at("2025-03-04T11:00"), new Command.Check(true, ""));
    List<StaffEvent> closed = w.run(sup, "c-1", at("2025-03-04T11:10"), new Command.Close());
    assertThat(closed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(StaffEvent.Kind.RELEASED);
              assertThat(e.previous()).contains(RESERVE);
            });
    assertThat(w.desk.loads()).isEmpty();
    assertRestoresAlike(w.desk);
  }

  @Test
  void aCaseNobodyCoversIsQueuedUntilSomeoneJoins() {
    World w = new World(new LeastLoadedAssignmentRule());
    Principal dispatcher = Principal.inRegion("p-disp", Role.DISPATCHER, STREET);
    StaffRegistry withDispatcher =
        w.desk.registry(); // dispatchers are staff too: add one through the desk
    assertThat(withDispatcher.assignmentsOf(PersonId.of("p-disp"))).isEmpty();
    List<StaffEvent> unused =
        w.desk.joinRole(
            Assignment.from(PersonId.of("p-disp"), "supervisor", STREET, FROM),
            LocalDate.of(2025, 1, 2),
            StaffPolicy.none(),
            FROM);
    // A supervisor role acts as SUPERVISOR, not DISPATCHER: refused by the registry.
    assertThatThrownBy(
            () ->
                w.run(
                    dispatcher,
                    "c-3",
                    at("2025-03-03T09:00"),
                    new Command.Report(
                        facts("c-3", "0101", Priority.NORMAL, CaseSource.APP, GRID3))))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("holds no role acting as DISPATCHER");
    Principal sup = person(SUPERVISOR, Role.SUPERVISOR, STREET);
    unused =
        w.run(
            sup,
            "c-3",
            at("2025-03-03T09:00"),
            new Command.Report(
                facts("c-3", "0101", Priority.NORMAL, CaseSource.GRID_PATROL, GRID3)));
    unused = w.run(sup, "c-3", at("2025-03-03T09:05"), new Command.Verify(true, ""));
    unused = w.run(sup, "c-3", at("2025-03-03T09:06"), new Command.Register());
    List<StaffEvent> queued =
        w.run(sup, "c-3", at("2025-03-03T09:07"), Command.Dispatch.to(OFFICE3));
    assertThat(queued)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(StaffEvent.Kind.QUEUED));
    assertThat(w.desk.queued()).containsExactly(CaseId.of("c-3"));
    Instant join = at("2025-03-03T14:00");
    List<StaffEvent> joined =
        w.desk.joinRole(
            Assignment.from(PersonId.of("p-new"), "grid_worker", GRID3, join),
            LocalDate.of(2025, 3, 3),
            StaffPolicy.none(),
            join);
    assertThat(joined)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(StaffEvent.Kind.ASSIGNED);
              assertThat(e.person()).contains(PersonId.of("p-new"));
              assertThat(e.rule()).isEqualTo("least-loaded");
            });
    assertThat(w.desk.queued()).isEmpty();
    assertRestoresAlike(w.desk);
  }

  @Test
  void joiningIsRefusedByThePolicy() {
    StaffDesk desk = StaffDesk.builder(registry()).build();
    StaffPolicy policy = StaffPolicy.builder().exclusive("grid_leader").build();
    assertThatThrownBy(
            () ->
                desk.joinRole(
                    Assignment.from(PersonId.of("p-2nd"), "grid_leader", GRID1, FROM),
                    LocalDate.of(2025, 1, 2),
                    policy,
                    FROM))
        .isInstanceOf(org.gridgov.people.StaffPolicyException.class)
        .hasMessageContaining("p-2nd as grid_leader in " + GRID1)
        .hasMessageContaining("exclusive");
    assertThat(desk.registry().coverers(GRID1, "grid_leader", FROM)).containsExactly(LEADER);
    assertThat(desk.registry().coverers(GRID2, "grid_worker", FROM)).containsExactly(RESERVE);
  }

  private static void assertRestoresAlike(StaffDesk live) {
    StaffDesk restored =
        StaffDesk.restore(
            StaffDesk.builder(live.registry()).rule(new OwnWorkerAssignmentRule()), live.log());
    assertThat(restored.stateImage()).isEqualTo(live.stateImage()).isNotEmpty();
    assertThat(restored.loads()).isEqualTo(live.loads());
    assertThat(live.log().toString()).doesNotContain("r-1");
  }

  @Test
  void rulesChooseByTheirOwnCriteria() {
    PersonAssignmentRule.Request r =
        new PersonAssignmentRule.Request(
            CaseId.of("c-9"),
            OFFICE1,
            GRID1,
            "grid_worker",
            com.google.common.collect.ImmutableList.of(
                new PersonAssignmentRule.Candidate(PersonId.of("a"), COMMUNITY, 0),
                new PersonAssignmentRule.Candidate(PersonId.of("b"), GRID1, 5),
                new PersonAssignmentRule.Candidate(PersonId.of("c"), GRID1, 2)),
            7);
    assertThat(new OwnWorkerAssignmentRule().choose(r)).contains(PersonId.of("c"));
    assertThat(new LeastLoadedAssignmentRule().choose(r)).contains(PersonId.of("a"));
    assertThat(new RoundRobinAssignmentRule().choose(r)).contains(PersonId.of("b")); // 7 mod 3
    PersonAssignmentRule.Request none =
        new PersonAssignmentRule.Request(
            CaseId.of("c-9"),
            OFFICE1,
            GRID1,
            "grid_worker",
            com.google.common.collect.ImmutableList.of(),
            0);
    assertThat(new OwnWorkerAssignmentRule().choose(none)).isEqualTo(Optional.empty());
    assertThat(new LeastLoadedAssignmentRule().choose(none)).isEmpty();
    assertThat(new RoundRobinAssignmentRule().choose(none)).isEmpty();
  }
}
