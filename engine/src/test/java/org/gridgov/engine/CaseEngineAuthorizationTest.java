package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.DISTRICT;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID3;
import static org.gridgov.engine.Fixture.HOUSING;
import static org.gridgov.engine.Fixture.STREET;
import static org.gridgov.engine.Fixture.TOWNSHIP;
import static org.gridgov.engine.Fixture.VGRID;
import static org.gridgov.engine.Fixture.WATER;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.config;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * The authorisation holes of issue 15: each test here failed on the engine before the jurisdiction
 * policy.
 */
class CaseEngineAuthorizationTest {
  private static final Instant T0 = at("2025-03-03T09:00");
  private static final Principal STREET_DISPATCHER =
      Principal.inRegion("street-disp", Role.DISPATCHER, STREET);

  /**
   * An engine with case {@code id} at {@code grid}, reported, verified and registered (not
   * dispatched).
   */
  private static CaseEngine registered(CaseEngine e, String id, long grid) {
    var unused1 =
        e.execute(
            Command.of(
                "r-" + id,
                Principal.resident("res"),
                CaseId.of(id),
                T0,
                new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, grid))));
    var unused2 =
        e.execute(
            Command.of(
                "v-" + id, districtDispatcher(), CaseId.of(id), T0, new Command.Verify(true, "")));
    var unused3 =
        e.execute(
            Command.of("g-" + id, districtDispatcher(), CaseId.of(id), T0, new Command.Register()));
    return e;
  }

  private static CaseEngine dispatchedTo(CaseEngine e, String id, long grid, String handler) {
    var unused0 = registered(e, id, grid);
    var unused =
        e.execute(
            Command.of(
                "d-" + id, districtDispatcher(), CaseId.of(id), T0, Command.Dispatch.to(handler)));
    return e;
  }

  /**
   * What the engine says to {@code who} about {@code action} on {@code caseId} (the refusal's type
   * and message).
   */
  private static String refusal(CaseEngine e, Principal who, String caseId, Command.Action action) {
    try {
      var unused = e.execute(Command.of("probe", who, CaseId.of(caseId), T0, action));
    } catch (RuntimeException x) {
      return x.getClass().getName() + ": " + x.getMessage();
    }
    throw new AssertionError(who + " was allowed to " + action.name() + " case " + caseId);
  }

  @Test
  void aDepartmentPrincipalWithAnUnknownHandlerIdIsRefusedNamingIt() {
    CaseEngine e = dispatchedTo(config().build(), "A", GRID1, WATER);
    var before = e.snapshot();
    assertThatThrownBy(
            () ->
                e.execute(
                    Command.of(
                        "x",
                        Principal.ofDepartment("g", "dept:ghost"),
                        CaseId.of("A"),
                        T0,
                        new Command.Accept("dept:ghost"))))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("dept:ghost is not a known department");
    assertThat(e.snapshot()).isEqualTo(before);
  }

  @Test
  void aDepartmentActsOnlyOnCasesDispatchedOrSummonedToIt_anotherOfficesCaseReadsAsUnknown() {
    CaseEngine withCase = dispatchedTo(config().build(), "A", GRID1, HOUSING);
    CaseEngine withoutCase = config().build();
    Principal water = Principal.ofDepartment("w", WATER);
    assertThat(refusal(withCase, water, "A", new Command.Accept(WATER)))
        .isEqualTo(refusal(withoutCase, water, "A", new Command.Accept(WATER)));
  }

  @Test
  void aRefusalOutsideTheJurisdictionReadsExactlyLikeUnknownCase() {
    CaseEngine withCase = registered(config().build(), "A", GRID1);
    CaseEngine withoutCase = config().build();
    Principal gridWorker = Principal.inRegion("gw-9", Role.GRID_WORKER, GRID3);
    for (Command.Action a :
        new Command.Action[] {
          new Command.Verify(true, ""), new Command.Register(), new Command.Close()
        }) {
      String inside = refusal(withCase, gridWorker, "A", a);
      assertThat(inside)
          .isEqualTo(refusal(withoutCase, gridWorker, "A", a))
          .doesNotContain("jurisdiction");
    }
  }

  @Test
  void aStreetDispatcherCannotDispatchItsCaseToAnotherStreetsGridOffice() {
    CaseEngine e = registered(config().build(), "A", GRID1);
    var before = e.snapshot();
    String otherStreetsGrid = CaseEngine.officeOf(VGRID);
    assertThatThrownBy(
            () ->
                e.execute(
                    Command.of(
                        "x",
                        STREET_DISPATCHER,
                        CaseId.of("A"),
                        T0,
                        Command.Dispatch.to(otherStreetsGrid))))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("street-disp")
        .hasMessageContaining("case A")
        .hasMessageContaining(otherStreetsGrid);
    assertThat(e.snapshot()).isEqualTo(before);
    // within its street, and to a department, it may
    assertThat(
            e.execute(
                Command.of(
                    "y",
                    STREET_DISPATCHER,
                    CaseId.of("A"),
                    T0,
                    Command.Dispatch.to(CaseEngine.officeOf(GRID1)))))
        .isNotEmpty();
  }

  @Test
  void aStreetDispatcherCannotMergeIntoAnotherStreetsCase_itReadsAsUnknownCase() {
    CaseEngine both = registered(registered(config().build(), "A", GRID1), "V", VGRID);
    CaseEngine onlyA = registered(config().build(), "A", GRID1);
    String refused = refusal(both, STREET_DISPATCHER, "A", new Command.Merge(CaseId.of("V")));
    assertThat(refused)
        .isEqualTo(refusal(onlyA, STREET_DISPATCHER, "A", new Command.Merge(CaseId.of("V"))));
    assertThat(both.state(CaseId.of("V")).orElseThrow().status())
        .isEqualTo(both.state(CaseId.of("A")).orElseThrow().status());
    // the district's dispatcher, whose jurisdiction holds both, may merge them
    Principal district = Principal.inRegion("d", Role.DISPATCHER, DISTRICT);
    assertThat(
            both.execute(
                Command.of("m", district, CaseId.of("A"), T0, new Command.Merge(CaseId.of("V")))))
        .isNotEmpty();
  }

  @Test
  void aReusedCommandIdWithAnotherPrincipalIsRefusedAsReused_theSameCommandReturnsItsEvents() {
    CaseEngine e = registered(config().build(), "A", GRID1);
    Command first =
        Command.of("d1", districtDispatcher(), CaseId.of("A"), T0, Command.Dispatch.to(WATER));
    var events = e.execute(first);
    assertThat(
            e.execute(
                Command.of(
                    "d1", districtDispatcher(), CaseId.of("A"), T0, Command.Dispatch.to(WATER))))
        .isEqualTo(events);
    Principal other = Principal.inRegion("other", Role.DISPATCHER, TOWNSHIP);
    assertThatThrownBy(
            () ->
                e.execute(Command.of("d1", other, CaseId.of("A"), T0, Command.Dispatch.to(WATER))))
        .isInstanceOf(CommandIdReusedException.class)
        .hasMessageContaining("d1")
        .hasMessageNotContaining("disp-1"); // the first command's principal is not disclosed
  }

  @Test
  void aReportOfAnIdTakenOutsideTheJurisdictionReadsLikeAnyUnauthorisedReport_notAlreadyExists() {
    CaseEngine e = registered(config().build(), "V", VGRID); // a township case
    EngineSnapshot before = e.snapshot();
    // the street dispatcher reports "V" inside its own street: the id is taken by a case it may
    // not see
    String taken =
        refusal(
            e,
            STREET_DISPATCHER,
            "V",
            new Command.Report(facts("V", "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    // the same principal reporting a free id outside its street
    String outside =
        refusal(
            e,
            STREET_DISPATCHER,
            "W",
            new Command.Report(facts("W", "0101", Priority.NORMAL, CaseSource.APP, VGRID)));
    assertThat(taken)
        .startsWith(NotAuthorizedException.class.getName())
        .doesNotContain("exists")
        .isEqualTo(outside.replace("case W", "case V"));
    assertThat(e.snapshot()).isEqualTo(before);
    // a principal that sees the case is still told the id is taken
    assertThat(
            refusal(
                e,
                districtDispatcher(),
                "V",
                new Command.Report(facts("V", "0101", Priority.NORMAL, CaseSource.APP, GRID1))))
        .contains("case V already exists");
  }
}
