package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * The urban-rural class a case's SLA rule sees is the class of the nearest region on the path from
 * its first location to the root that has one, {@code MAIN_URBAN} when none has: observed through
 * the whole-case deadline, whose limit depends on the class (main urban 5 working days, town centre
 * 7, village 10). Deadlines counted by hand: registered Monday 2025-03-03 09:10, no holiday in
 * March 2025, so 5 working days end Monday 03-10, 7 Wednesday 03-12, 10 Monday 03-17, all 09:10.
 */
class UrbanClassesTest {
  private static final long DISTRICT = 350302L;
  private static final long STREET = 350302001L;
  private static final long VILLAGE_COMMUNITY = 350302001001L; // VILLAGE
  private static final long GRID_INHERITS_VILLAGE = 350302001001001L; // none: the parent's
  private static final long GRID_OWN_MAIN_URBAN = 350302001001002L; // MAIN_URBAN beats the parent
  private static final long PLAIN_COMMUNITY = 350302001002L; // none
  private static final long GRID_NONE_ON_PATH = 350302001002001L; // none anywhere: MAIN_URBAN
  private static final long TOWNSHIP = 350302002L; // TOWN_CENTRE
  private static final long TOWN_VILLAGE = 350302002001L; // none
  private static final long GRID_INHERITS_TOWN = 350302002001001L; // none: the grandparent's
  private static final long GRID_OWN_VILLAGE = 350302002001002L; // VILLAGE beats the grandparent

  private static final Instant FIVE_DAYS = at("2025-03-10T09:10");
  private static final Instant SEVEN_DAYS = at("2025-03-12T09:10");
  private static final Instant TEN_DAYS = at("2025-03-17T09:10");

  /** The tree above; {@code withOwnVillageGrid} false leaves out {@link #GRID_OWN_VILLAGE}. */
  private static RegionTree tree(boolean withOwnVillageGrid) {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1));
    b.addDistrict(DISTRICT, "城厢区");
    b.add(RegionLevel.STREET, STREET, DISTRICT, "霞林街道");
    b.add(RegionLevel.COMMUNITY, VILLAGE_COMMUNITY, STREET, "第1社区")
        .urbanRural(UrbanRuralClass.VILLAGE);
    b.add(RegionLevel.GRID, GRID_INHERITS_VILLAGE, VILLAGE_COMMUNITY, "第1网格");
    b.add(RegionLevel.GRID, GRID_OWN_MAIN_URBAN, VILLAGE_COMMUNITY, "第2网格")
        .urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.COMMUNITY, PLAIN_COMMUNITY, STREET, "第2社区");
    b.add(RegionLevel.GRID, GRID_NONE_ON_PATH, PLAIN_COMMUNITY, "第1网格");
    b.add(RegionLevel.STREET, TOWNSHIP, DISTRICT, "华亭镇").urbanRural(UrbanRuralClass.TOWN_CENTRE);
    b.add(RegionLevel.COMMUNITY, TOWN_VILLAGE, TOWNSHIP, "园头村");
    b.add(RegionLevel.GRID, GRID_INHERITS_TOWN, TOWN_VILLAGE, "第1网格");
    if (withOwnVillageGrid) {
      b.add(RegionLevel.GRID, GRID_OWN_VILLAGE, TOWN_VILLAGE, "第2网格")
          .urbanRural(UrbanRuralClass.VILLAGE);
    }
    return b.build();
  }

  private static CaseEngine.Builder config(RegionTree tree) {
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
                        SlaLimit.workingDays(7, WorkingDayRule.SAME_CLOCK_TIME))
                    .forRegions(EnumSet.of(UrbanRuralClass.TOWN_CENTRE)))
            .rule(
                SlaPolicy.Rule.of(
                        SlaStage.WHOLE_CASE,
                        SlaLimit.workingDays(10, WorkingDayRule.SAME_CLOCK_TIME))
                    .forRegions(EnumSet.of(UrbanRuralClass.VILLAGE)))
            .build();
    return Fixture.config(new Fixture.SimplePolicy(tree)).regionTree(tree).slaPolicy(sla);
  }

  /** Reports, verifies and registers one case a location (in map order, one step at a time). */
  private static Fixture.Driver registered(CaseEngine engine, Map<String, Long> cases) {
    Fixture.Driver d = new Fixture.Driver(engine);
    cases.forEach(
        (id, grid) ->
            d.run(
                Principal.resident("r"),
                id,
                at("2025-03-03T09:00"),
                new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, grid))));
    for (String id : cases.keySet()) {
      d.run(districtDispatcher(), id, at("2025-03-03T09:05"), new Command.Verify(true, ""));
    }
    for (String id : cases.keySet()) {
      d.run(districtDispatcher(), id, at("2025-03-03T09:10"), new Command.Register());
    }
    return d;
  }

  private static Instant due(CaseEngine e, String id) {
    return e.state(CaseId.of(id)).orElseThrow().dueAt().orElseThrow();
  }

  @Test
  void theNearestClassOnThePathToTheRootWins_noneGivesMainUrban() {
    // each location twice, apart, and classes alternating, so that a class remembered for the wrong
    // location, or not found for a repeated one, would show
    Map<String, Long> cases = new java.util.LinkedHashMap<>();
    cases.put("TI-1", GRID_INHERITS_TOWN);
    cases.put("VI-1", GRID_INHERITS_VILLAGE);
    cases.put("MO-1", GRID_OWN_MAIN_URBAN);
    cases.put("VO-1", GRID_OWN_VILLAGE);
    cases.put("NO-1", GRID_NONE_ON_PATH);
    cases.put("VC-1", VILLAGE_COMMUNITY);
    cases.put("TS-1", TOWNSHIP);
    cases.put("DI-1", DISTRICT);
    cases.put("VI-2", GRID_INHERITS_VILLAGE);
    cases.put("TI-2", GRID_INHERITS_TOWN);
    cases.put("NO-2", GRID_NONE_ON_PATH);
    cases.put("MO-2", GRID_OWN_MAIN_URBAN);
    cases.put("VO-2", GRID_OWN_VILLAGE);
    CaseEngine e = registered(config(tree(true)).build(), cases).engine;

    for (String n : List.of("1", "2")) {
      assertThat(due(e, "TI-" + n)).as("grandparent's TOWN_CENTRE").isEqualTo(SEVEN_DAYS);
      assertThat(due(e, "VI-" + n)).as("parent's VILLAGE").isEqualTo(TEN_DAYS);
      assertThat(due(e, "MO-" + n)).as("own MAIN_URBAN over parent's").isEqualTo(FIVE_DAYS);
      assertThat(due(e, "VO-" + n)).as("own VILLAGE over grandparent's").isEqualTo(TEN_DAYS);
      assertThat(due(e, "NO-" + n)).as("none on the path").isEqualTo(FIVE_DAYS);
    }
    assertThat(due(e, "VC-1")).as("a community's own class").isEqualTo(TEN_DAYS);
    assertThat(due(e, "TS-1")).as("a township's own class").isEqualTo(SEVEN_DAYS);
    assertThat(due(e, "DI-1")).as("the root without a class").isEqualTo(FIVE_DAYS);
  }

  @Test
  void restoredUnderATreeWithoutTheCasesRegion_isRefused() {
    Map<String, Long> cases = new java.util.LinkedHashMap<>();
    cases.put("VO-1", GRID_OWN_VILLAGE);
    cases.put("TI-1", GRID_INHERITS_TOWN);
    Fixture.Driver d = registered(config(tree(true)).build(), cases);
    assertThat(due(d.engine, "VO-1")).isEqualTo(TEN_DAYS);
    assertThat(d.engine.nextDeadline(CaseId.of("VO-1"))).hasValue(TEN_DAYS);

    // the grid was abolished in the tree the log would be restored under: an engine there would
    // count the case's new clocks as MAIN_URBAN (five days) beside its registered ten, so none is
    // made
    assertThatThrownBy(() -> CaseEngine.restore(config(tree(false)), d.facts, d.log))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case VO-1 (event #1): location code " + GRID_OWN_VILLAGE);
    assertThatThrownBy(
            () -> CaseEngine.restore(config(tree(false)), d.engine.snapshot(), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case VO-1 (snapshot): location code " + GRID_OWN_VILLAGE);
    // under the tree it was reported in, the same log restores with the deadlines it had
    CaseEngine r = CaseEngine.restore(config(tree(true)), d.facts, d.log);
    assertThat(r.nextDeadline(CaseId.of("VO-1"))).hasValue(TEN_DAYS);
    assertThat(r.nextDeadline(CaseId.of("TI-1"))).hasValue(SEVEN_DAYS);
  }
}
