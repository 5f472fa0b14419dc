package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.DISTRICT;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.VGRID;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * The urban-rural class of a case's first location chooses its SLA rule: a village grid's case gets
 * the village's 10 working days, a main-urban grid's (or the district's own, which has no class on
 * its path) the default 5, whatever order the cases come in and whatever other locations a case
 * names. Deadlines counted by hand: registered Monday 2025-03-03 09:10, no holiday in March.
 */
class CaseEngineUrbanRuralTest {
  private static final Instant FIVE_DAYS = at("2025-03-10T09:10");
  private static final Instant TEN_DAYS = at("2025-03-17T09:10");

  @Test
  void theFirstLocationsClassChoosesTheWholeCaseLimit() {
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(List.of(WarningLevel.breach("red")))
            .transferRule(TransferRule.RESTART)
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(
                SlaPolicy.Rule.of(
                        SlaStage.WHOLE_CASE,
                        SlaLimit.workingDays(10, WorkingDayRule.SAME_CLOCK_TIME))
                    .forRegions(EnumSet.of(UrbanRuralClass.VILLAGE)))
            .build();
    Fixture.Driver d = new Fixture.Driver(Fixture.config().slaPolicy(sla).build());
    // the village first, so that a class remembered for the wrong region would show
    Map<String, long[]> cases = new LinkedHashMap<>();
    cases.put("V-1", new long[] {VGRID});
    cases.put("U-1", new long[] {GRID1});
    cases.put("V-2", new long[] {VGRID, GRID1});
    cases.put("U-2", new long[] {GRID1, VGRID});
    cases.put("D-1", new long[] {DISTRICT});
    cases.put("V-3", new long[] {VGRID});
    cases.put("U-3", new long[] {GRID2, GRID1});
    cases.forEach(
        (id, locations) ->
            d.run(
                Principal.resident("r"),
                id,
                at("2025-03-03T09:00"),
                new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, locations))));
    for (String id : cases.keySet()) {
      d.run(districtDispatcher(), id, at("2025-03-03T09:05"), new Command.Verify(true, ""));
    }
    for (String id : cases.keySet()) {
      d.run(districtDispatcher(), id, at("2025-03-03T09:10"), new Command.Register());
    }
    assertThat(due(d, "V-1")).isEqualTo(TEN_DAYS);
    assertThat(due(d, "U-1")).isEqualTo(FIVE_DAYS);
    assertThat(due(d, "V-2")).isEqualTo(TEN_DAYS);
    assertThat(due(d, "U-2")).isEqualTo(FIVE_DAYS);
    assertThat(due(d, "D-1")).isEqualTo(FIVE_DAYS);
    assertThat(due(d, "V-3")).isEqualTo(TEN_DAYS);
    assertThat(due(d, "U-3")).isEqualTo(FIVE_DAYS);
  }

  private static Instant due(Fixture.Driver d, String id) {
    return d.engine.state(CaseId.of(id)).orElseThrow().dueAt().orElseThrow();
  }
}
