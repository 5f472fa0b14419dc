package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.metrics.Rate;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.junit.jupiter.api.Test;

/**
 * Per-person scorecards (考核到人): two cases of one grid office, the first handled by the grid's
 * worker, the second handed back to the community's reserve worker when the worker leaves the role.
 * Every figure is worked out by hand below; offices are not in the table.
 */
class PersonScorecardsTest {
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final PersonId WORKER = PersonId.of("p-worker");
  private static final PersonId RESERVE = PersonId.of("p-reserve");
  private static final String OFFICE1 = CaseEngine.officeOf(GRID1);

  @Test
  void theWorkerAndTheReserve_eachGetTheirOwnHoldings() {
    StaffDesk desk =
        StaffDesk.builder(
                StaffRegistry.of(
                    TREE,
                    StaffRoles.standard(),
                    LocalDate.of(2025, 1, 1),
                    List.of(
                        Assignment.from(WORKER, "grid_worker", GRID1, FROM),
                        Assignment.from(RESERVE, "grid_worker", COMMUNITY, FROM))))
            .rule(new OwnWorkerAssignmentRule())
            .build();
    Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
    List<StaffEvent> staff = new ArrayList<>();
    Principal disp = districtDispatcher();
    List<String> ids = List.of("c-1", "c-2");
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      Instant t = at("2025-03-03T09:00").plusSeconds(60L * k);
      run(
          d,
          desk,
          staff,
          Principal.resident("r"),
          id,
          t,
          new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    }
    for (int k = 0; k < ids.size(); k++) {
      Instant t = at("2025-03-03T09:10").plusSeconds(60L * k);
      run(d, desk, staff, disp, ids.get(k), t, new Command.Verify(true, ""));
    }
    for (int k = 0; k < ids.size(); k++) {
      Instant t = at("2025-03-03T09:20").plusSeconds(60L * k);
      run(d, desk, staff, disp, ids.get(k), t, new Command.Register());
    }
    for (int k = 0; k < ids.size(); k++) {
      Instant t = at("2025-03-03T09:30").plusSeconds(60L * k);
      run(d, desk, staff, disp, ids.get(k), t, Command.Dispatch.byPolicy());
    }
    assertThat(desk.assignee(org.gridgov.casefile.CaseId.of("c-1"))).contains(WORKER);
    assertThat(desk.assignee(org.gridgov.casefile.CaseId.of("c-2"))).contains(WORKER);

    // c-1: the worker accepts at 10:00 (within 2 h), resolves, the check passes, closed
    run(d, desk, staff, disp, "c-1", "2025-03-03T10:00", new Command.Accept(OFFICE1));
    run(d, desk, staff, disp, "c-1", "2025-03-03T11:00", new Command.Resolve(OFFICE1, "done"));
    run(d, desk, staff, disp, "c-1", "2025-03-03T11:10", new Command.Check(true, ""));
    run(d, desk, staff, disp, "c-1", "2025-03-03T11:20", new Command.Close());

    // c-2: the worker leaves the role at 12:00; the desk hands it back to the reserve
    List<StaffEvent> moved =
        desk.leaveRole(
            WORKER, "grid_worker", GRID1, at("2025-03-03T12:00"), LocalDate.of(2025, 3, 3));
    assertThat(moved).singleElement().satisfies(e -> assertThat(e.person()).contains(RESERVE));
    staff.addAll(moved);
    run(d, desk, staff, disp, "c-2", "2025-03-03T13:00", new Command.Accept(OFFICE1));
    run(d, desk, staff, disp, "c-2", "2025-03-03T14:00", new Command.Resolve(OFFICE1, "done"));
    run(d, desk, staff, disp, "c-2", "2025-03-03T14:10", new Command.Check(true, ""));
    run(d, desk, staff, disp, "c-2", "2025-03-03T14:20", new Command.Close());

    ScorecardTable t =
        PersonScorecards.compute(
            d.log,
            staff,
            at("2025-03-01T00:00"),
            at("2025-04-01T00:00"),
            ScorecardWeights.parse(ScorecardsPropertyTest.WEIGHTS, "w"));

    assertThat(t.rows())
        .extracting(r -> r.card().handlerId())
        .containsExactlyInAnyOrder("person:p-worker", "person:p-reserve");
    // the worker: received c-1 and c-2; accepted c-1 in time only; resolved c-1 before any
    // breach; its check passed; closed c-1 while leading it, before the deadline
    Scorecard w = t.row("person:p-worker").orElseThrow().card();
    assertThat(w.received()).isEqualTo(2);
    assertThat(w.acceptedInTime()).isEqualTo(new Rate(1, 2));
    assertThat(w.onTimeHandling()).isEqualTo(new Rate(1, 1));
    assertThat(w.rework()).isEqualTo(new Rate(0, 1));
    assertThat(w.onTimeClosing()).isEqualTo(new Rate(1, 1));
    // the reserve: received c-2 at 12:00, accepted at 13:00 (within 2 h of its holding), resolved
    // before any breach, its check passed, closed c-2 in time
    Scorecard r = t.row("person:p-reserve").orElseThrow().card();
    assertThat(r.received()).isEqualTo(1);
    assertThat(r.acceptedInTime()).isEqualTo(new Rate(1, 1));
    assertThat(r.onTimeHandling()).isEqualTo(new Rate(1, 1));
    assertThat(r.rework()).isEqualTo(new Rate(0, 1));
    assertThat(r.onTimeClosing()).isEqualTo(new Rate(1, 1));
    // ranked among persons: the worker's late acceptance of c-2 (never) costs it
    assertThat(t.rows().get(0).card().handlerId()).isEqualTo("person:p-reserve");
    assertThat(t.rows().get(1).card().handlerId()).isEqualTo("person:p-worker");
    assertThat(t.toCsv()).doesNotContain("office:");
  }

  private static void run(
      Fixture.Driver d,
      StaffDesk desk,
      List<StaffEvent> staff,
      Principal who,
      String id,
      String local,
      Command.Action a) {
    run(d, desk, staff, who, id, at(local), a);
  }

  private static void run(
      Fixture.Driver d,
      StaffDesk desk,
      List<StaffEvent> staff,
      Principal who,
      String id,
      Instant t,
      Command.Action a) {
    staff.addAll(desk.observe(d.run(who, id, t, a), d.engine));
  }
}
