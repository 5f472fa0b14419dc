package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.gridgov.engine.Fixture.COMMUNITY2;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.config;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * A report at a point ({@link Command.ReportAt}): the engine resolves the point through the
 * configured {@link LocationResolver}, records the resolved region and the point in the case's
 * facts, and refuses a point in no region (or in a region the tree does not have) with nothing
 * changed. Replay never calls the resolver.
 */
class CaseEngineReportAtTest {
  private static final Instant T0 = at("2025-03-03T09:00");

  /** Two strips of longitude for two grids; a third strip resolves to a code not in the tree. */
  private static final LocationResolver STRIPS =
      p -> {
        double lon = p.revealLongitude();
        if (p.revealLatitude() < 25 || p.revealLatitude() >= 26) {
          return OptionalLong.empty();
        }
        if (lon >= 119.0 && lon < 119.1) {
          return OptionalLong.of(GRID1);
        }
        if (lon >= 119.1 && lon < 119.2) {
          return OptionalLong.of(GRID2);
        }
        return lon >= 119.2 && lon < 119.3 ? OptionalLong.of(999_999L) : OptionalLong.empty();
      };

  private static CaseEngine engine() {
    return config().locationResolver(STRIPS).build();
  }

  private static Command reportAt(String caseId, Principal who, double lon, double lat) {
    return Command.of(
        "r-" + caseId,
        who,
        CaseId.of(caseId),
        T0,
        new Command.ReportAt(
            ReportedPoint.of(lon, lat),
            "0101",
            Priority.NORMAL,
            CaseKind.COMMITTED,
            CaseSource.APP,
            Optional.of(PersonalData.of("张三丰", "13812345678"))));
  }

  @Test
  void aPointIsResolvedToItsGrid_andTheFactsKeepBothTheGridAndThePoint() {
    CaseEngine e = engine();
    var events = e.execute(reportAt("A", Principal.resident("res"), 119.15, 25.5));

    CaseFacts facts = e.facts(CaseId.of("A")).orElseThrow();
    assertThat(facts.locationCodes().asList()).containsExactly(GRID2);
    assertThat(facts.point()).contains(ReportedPoint.of(119.15, 25.5));
    assertThat(facts.categoryCode()).isEqualTo("0101");
    assertThat(facts.reporter().orElseThrow().revealName()).isEqualTo("张三丰");
    assertThat(events).hasSize(1);
    assertThat(e.state(CaseId.of("A"))).isPresent();
  }

  @Test
  void theFactsAreTheSameAsAReportNamingTheResolvedGrid() {
    CaseEngine byPoint = engine();
    var unused = byPoint.execute(reportAt("A", Principal.resident("res"), 119.05, 25.5));
    CaseFacts facts = byPoint.facts(CaseId.of("A")).orElseThrow();

    CaseEngine byCode = engine();
    var byCodeEvents =
        byCode.execute(
            Command.of(
                "r-A", Principal.resident("res"), CaseId.of("A"), T0, new Command.Report(facts)));

    assertThat(byCode.state(CaseId.of("A"))).isEqualTo(byPoint.state(CaseId.of("A")));
    assertThat(byCode.clocks(CaseId.of("A"))).isEqualTo(byPoint.clocks(CaseId.of("A")));
    assertThat(byCodeEvents).hasSize(1);
  }

  @Test
  void aPointInNoRegionIsRefused_namingTheMaskedPointAndNothingChanges() {
    CaseEngine e = engine();
    EngineSnapshot before = e.snapshot();
    Command c = reportAt("B", Principal.resident("res"), 118.123456, 25.654321);

    Throwable t = catchThrowable(() -> e.execute(c));

    assertThat(t).isInstanceOf(LocationUnresolvedException.class);
    LocationUnresolvedException r = (LocationUnresolvedException) t;
    assertThat(r.getMessage())
        .contains("case B", "command r-B", "lies in no region", "~118.12", "~25.65")
        .doesNotContain("118.123", "25.654", "张", "13812345678");
    assertThat(r.rule()).isEqualTo(LocationUnresolvedException.RULE);
    assertThat(e.snapshot()).isEqualTo(before);
    assertThat(e.caseCount()).isZero();
  }

  @Test
  void aResolverAnsweringACodeOutsideTheTreeIsRefused() {
    CaseEngine e = engine();
    Throwable t =
        catchThrowable(() -> e.execute(reportAt("C", Principal.resident("r"), 119.25, 25.5)));
    assertThat(t)
        .isInstanceOf(LocationUnresolvedException.class)
        .hasMessageContaining("999999")
        .hasMessageContaining("not a region of the tree");
    assertThat(e.caseCount()).isZero();
  }

  @Test
  void withoutAResolverEveryReportAtIsRefused() {
    CaseEngine e = config().build();
    assertThat(
            catchThrowable(() -> e.execute(reportAt("D", Principal.resident("r"), 119.05, 25.5))))
        .isInstanceOf(LocationUnresolvedException.class);
    assertThat(e.caseCount()).isZero();
  }

  @Test
  void aGridWorkerMayReportAtAPointOnlyInsideTheirJurisdiction() {
    CaseEngine e = engine();
    Principal worker = Principal.inRegion("gw-9", Role.GRID_WORKER, COMMUNITY2);

    assertThat(catchThrowable(() -> e.execute(reportAt("E", worker, 119.05, 25.5))))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessageContaining("outside its jurisdiction");
    assertThat(e.caseCount()).isZero();
  }

  @Test
  void aRetryWithTheSameIdIsAnsweredWithTheOriginalEvents() {
    CaseEngine e = engine();
    Command c = reportAt("F", Principal.resident("res"), 119.05, 25.5);
    var first = e.execute(c);
    var retry = e.execute(c);
    assertThat(retry).isEqualTo(first);
    assertThat(e.caseCount()).isEqualTo(1);
  }

  @Test
  void replayRestoresTheResolvedCaseWithoutCallingTheResolver() {
    CaseEngine live = engine();
    List<CaseEvent> log = new ArrayList<>();
    log.addAll(live.execute(reportAt("G", Principal.resident("res"), 119.05, 25.5)));
    log.addAll(
        live.execute(
            Command.of(
                "v-G",
                Fixture.districtDispatcher(),
                CaseId.of("G"),
                T0.plusSeconds(60),
                new Command.Verify(true, ""))));
    CaseFacts facts = live.facts(CaseId.of("G")).orElseThrow();

    EngineConfig noResolver =
        config()
            .locationResolver(
                p -> {
                  throw new AssertionError("replay must not resolve points");
                })
            .build()
            .config();
    CaseEngine restored =
        CaseEngine.restore(noResolver, Map.of(CaseId.of("G"), facts), ImmutableList.copyOf(log));

    assertThat(restored.state(CaseId.of("G"))).isEqualTo(live.state(CaseId.of("G")));
    assertThat(restored.facts(CaseId.of("G"))).contains(facts);
    assertThat(restored.snapshot()).isEqualTo(live.snapshot());
  }

  @Test
  void theCommandsTextShowsThePointAndReporterMasked() {
    Command c = reportAt("H", Principal.resident("res"), 119.056789, 25.512345);
    assertThat(c.toString())
        .contains("~119.06", "~25.51")
        .doesNotContain("119.0567", "25.5123", "三丰", "12345678");
  }
}
