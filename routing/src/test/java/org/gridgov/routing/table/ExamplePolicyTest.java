package org.gridgov.routing.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.example.ExamplePolicy;
import org.junit.jupiter.api.Test;

/** Scenarios from practice, routed by the shipped example table. */
class ExamplePolicyTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final RegionTree tree = graph.tree();
  private final TablePolicy policy = ExamplePolicy.policy(graph);

  private String office(long code, RegionLevel level) {
    Region r = tree.get(code);
    return Handler.officeId(r.level() == level ? code : r.ancestorAt(level).orElseThrow().code());
  }

  private String lineOf(String categoryField, String pointField) {
    for (PolicyTable.Row row : policy.table().rows()) {
      if (row.text().startsWith(categoryField + ",")
          && row.text().contains("," + pointField + ",")) {
        return ExamplePolicy.RESOURCE + ":" + row.line();
      }
    }
    throw new AssertionError("no row " + categoryField + " " + pointField);
  }

  private RoutingRequest at(
      CaseFacts f, DecisionPoint p, String holder, List<String> holders, List<String> ret) {
    return RoutingRequest.of(f, p, RoutingFixtures.AT, holder, holders, ret, 1);
  }

  @Test
  void balconyDisputeTheVillageCannotSettleEndsWithNaturalResourcesAssistedByHousingAndSurvey() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 20);
    CaseFacts f = RoutingFixtures.facts("C-BALCONY", "5503", Priority.NORMAL, grid);
    String village = office(grid, RegionLevel.COMMUNITY);
    String street = office(grid, RegionLevel.STREET);
    String district = office(grid, RegionLevel.DISTRICT);

    RoutingDecision first = policy.decide(RoutingRequest.newCase(f, RoutingFixtures.AT));
    assertThat(first).isInstanceOf(RoutingDecision.Assign.class);
    assertThat(((RoutingDecision.Assign) first).lead()).isEqualTo(village);
    assertThat(first.explanation().decidedBy()).isEqualTo(lineOf("55", "NEW_CASE"));

    RoutingDecision up1 =
        policy.decide(at(f, DecisionPoint.RETURN, village, List.of(village), List.of(village)));
    assertThat(up1).isEqualTo(new RoutingDecision.Escalate(street, up1.explanation()));

    RoutingDecision up2 =
        policy.decide(
            at(f, DecisionPoint.BREACH, street, List.of(village, street), List.of(village)));
    assertThat(up2).isEqualTo(new RoutingDecision.Escalate(district, up2.explanation()));

    RoutingDecision handled =
        policy.decide(
            at(
                f,
                DecisionPoint.MANUAL,
                district,
                List.of(village, street, district),
                List.of(village)));
    assertThat(handled).isInstanceOf(RoutingDecision.Assign.class);
    RoutingDecision.Assign a = (RoutingDecision.Assign) handled;
    assertThat(a.lead()).isEqualTo("dept:natural-resources");
    assertThat(a.assists()).containsExactly("dept:housing", "dept:survey");
    assertThat(a.explanation().decidedBy()).isEqualTo(lineOf("*", "MANUAL|RETURN"));
  }

  @Test
  void waterLeakReportedByAppGoesToTheGridWorkerThenToPropertyManagement() {
    long estateGrid =
        tree.get(RoutingFixtures.code(RegionLevel.COMMUNITY, 0))
            .descendantsAt(RegionLevel.GRID)
            .get(0)
            .code();
    CaseFacts f = RoutingFixtures.facts("C-LEAK", "0402", Priority.NORMAL, estateGrid);
    String gridOffice = Handler.officeId(estateGrid);

    RoutingDecision first = policy.decide(RoutingRequest.newCase(f, RoutingFixtures.AT));
    assertThat(((RoutingDecision.Assign) first).lead()).isEqualTo(gridOffice);

    RoutingDecision next =
        policy.decide(
            at(f, DecisionPoint.RETURN, gridOffice, List.of(gridOffice), List.of(gridOffice)));
    assertThat(((RoutingDecision.Assign) next).lead()).isEqualTo("party:property-mgmt");
  }

  @Test
  void waterLeakOutsideTheEstateGoesToTheWaterBureauInstead() {
    long otherGrid = RoutingFixtures.code(RegionLevel.GRID, 23);
    assertThat(graph.inJurisdiction("party:property-mgmt", tree.indexOf(otherGrid))).isFalse();
    CaseFacts f = RoutingFixtures.facts("C-LEAK-2", "0402", Priority.NORMAL, otherGrid);
    String gridOffice = Handler.officeId(otherGrid);
    RoutingDecision next =
        policy.decide(
            at(f, DecisionPoint.RETURN, gridOffice, List.of(gridOffice), List.of(gridOffice)));
    assertThat(((RoutingDecision.Assign) next).lead()).isEqualTo("dept:water");
  }

  @Test
  void streetSummonsUrbanManagementAndPoliceForAnIllegalStructureWithinThirtyMinutes() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 3);
    String street = office(grid, RegionLevel.STREET);
    CaseFacts f = RoutingFixtures.facts("C-STRUCTURE", "0101", Priority.NORMAL, grid);
    RoutingDecision d =
        policy.decide(at(f, DecisionPoint.MANUAL, street, List.of(street), List.of()));
    assertThat(d).isInstanceOf(RoutingDecision.Summon.class);
    RoutingDecision.Summon s = (RoutingDecision.Summon) d;
    assertThat(s.summoner()).isEqualTo(street);
    assertThat(s.departments()).containsExactly("dept:urban-management", "dept:police");
    assertThat(s.within()).hasMinutes(30);
    assertThat(s.explanation().decidedBy()).isEqualTo(lineOf("0101", "MANUAL"));
  }

  @Test
  void urgentCaseSkipsToTheStreetAndMajorCaseToTheDistrict() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 1);
    RoutingDecision urgent =
        policy.decide(
            RoutingRequest.newCase(
                RoutingFixtures.facts("C-U", "0601", Priority.URGENT, grid), RoutingFixtures.AT));
    RoutingDecision major =
        policy.decide(
            RoutingRequest.newCase(
                RoutingFixtures.facts("C-M", "0601", Priority.MAJOR, grid), RoutingFixtures.AT));
    assertThat(((RoutingDecision.Assign) urgent).lead())
        .isEqualTo(office(grid, RegionLevel.STREET));
    assertThat(((RoutingDecision.Assign) major).lead())
        .isEqualTo(office(grid, RegionLevel.DISTRICT));
  }

  @Test
  void thirdRepeatReportEscalatesButTheSecondStaysWithTheHolder() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 2);
    String g = Handler.officeId(grid);
    CaseFacts f = RoutingFixtures.facts("C-R", "0102", Priority.NORMAL, grid);
    RoutingDecision second =
        policy.decide(
            RoutingRequest.of(
                f, DecisionPoint.REPEAT_REPORT, RoutingFixtures.AT, g, List.of(g), List.of(), 2));
    RoutingDecision third =
        policy.decide(
            RoutingRequest.of(
                f, DecisionPoint.REPEAT_REPORT, RoutingFixtures.AT, g, List.of(g), List.of(), 3));
    assertThat(((RoutingDecision.Assign) second).lead()).isEqualTo(g);
    assertThat(((RoutingDecision.Escalate) third).to())
        .isEqualTo(office(grid, RegionLevel.COMMUNITY));
  }

  @Test
  void crossDistrictCaseFallsBackToTheCityOffice() {
    long a = RoutingFixtures.code(RegionLevel.GRID, 0);
    long b = RoutingFixtures.code(RegionLevel.GRID, 23);
    assertThat(tree.lowestCommonAncestor(a, b)).isEmpty();
    RoutingDecision d =
        policy.decide(
            RoutingRequest.newCase(
                RoutingFixtures.facts("C-X", "9901", Priority.NORMAL, a, b), RoutingFixtures.AT));
    assertThat(((RoutingDecision.Assign) d).lead()).isEqualTo(Handler.CITY_OFFICE_ID);
  }

  @Test
  void explanationListsTheEarlierRowsOfTheCategoryThatDidNotDecide() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 2);
    RoutingDecision d =
        policy.decide(
            RoutingRequest.newCase(
                RoutingFixtures.facts("C-E", "0601", Priority.NORMAL, grid), RoutingFixtures.AT));
    assertThat(d.explanation().notes())
        .anySatisfy(n -> assertThat(n).startsWith(lineOf("*", "NEW_CASE") + ":"))
        .last()
        .asString()
        .contains("rows of other categories were not considered");
  }
}
