package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.junit.jupiter.api.Test;

/** The built-in rules composed first-match, on scenarios from practice. */
class FirstMatchPolicyTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final RegionTree tree = graph.tree();
  private final FirstMatchPolicy policy = BuiltInPolicies.practice(graph);

  private String office(long code, RegionLevel level) {
    return Handler.officeId(tree.get(code).ancestorAt(level).orElseThrow().code());
  }

  private RoutingDecision decide(
      CaseFacts f, DecisionPoint p, String holder, List<String> holders, List<String> ret) {
    return policy.decide(RoutingRequest.of(f, p, RoutingFixtures.AT, holder, holders, ret, 1));
  }

  @Test
  void balconyDisputeClimbsToTheDistrictAndGoesToNaturalResources() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 20);
    CaseFacts f = RoutingFixtures.facts("C-B", "5503", Priority.NORMAL, grid);
    String village = office(grid, RegionLevel.COMMUNITY);
    String street = office(grid, RegionLevel.STREET);
    String district = office(grid, RegionLevel.DISTRICT);
    RoutingDecision first = policy.decide(RoutingRequest.newCase(f, RoutingFixtures.AT));
    assertThat(((RoutingDecision.Assign) first).lead()).isEqualTo(village);
    assertThat(first.explanation().decidedBy()).isEqualTo("LowestCapableLevelRule");
    RoutingDecision up =
        decide(f, DecisionPoint.RETURN, village, List.of(village), List.of(village));
    assertThat(((RoutingDecision.Escalate) up).to()).isEqualTo(street);
    assertThat(up.explanation().notes())
        .anySatisfy(
            n -> assertThat(n).startsWith("DepartmentOwnershipRule: no department at or below"));
    RoutingDecision up2 =
        decide(f, DecisionPoint.BREACH, street, List.of(village, street), List.of());
    assertThat(((RoutingDecision.Escalate) up2).to()).isEqualTo(district);
    RoutingDecision.Assign a =
        (RoutingDecision.Assign)
            decide(
                f, DecisionPoint.MANUAL, district, List.of(village, street, district), List.of());
    assertThat(a.lead()).isEqualTo("dept:natural-resources");
    assertThat(a.assists()).containsExactly("dept:housing", "dept:survey");
    assertThat(a.explanation().decidedBy()).isEqualTo("DepartmentOwnershipRule");
  }

  @Test
  void waterLeakGoesFromTheGridToPropertyManagement() {
    long grid =
        tree.get(RoutingFixtures.code(RegionLevel.COMMUNITY, 0))
            .descendantsAt(RegionLevel.GRID)
            .get(0)
            .code();
    CaseFacts f = RoutingFixtures.facts("C-L", "0402", Priority.NORMAL, grid);
    String g = Handler.officeId(grid);
    assertThat(
            ((RoutingDecision.Assign) policy.decide(RoutingRequest.newCase(f, RoutingFixtures.AT)))
                .lead())
        .isEqualTo(g);
    RoutingDecision.Assign next =
        (RoutingDecision.Assign) decide(f, DecisionPoint.RETURN, g, List.of(g), List.of(g));
    assertThat(next.lead()).isEqualTo("party:property-mgmt");
  }

  @Test
  void streetSummonsEveryLinkedDepartmentConcernedWithAnIllegalStructure() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 3);
    String street = office(grid, RegionLevel.STREET);
    CaseFacts f = RoutingFixtures.facts("C-S", "0101", Priority.NORMAL, grid);
    RoutingDecision.Summon s =
        (RoutingDecision.Summon)
            decide(f, DecisionPoint.MANUAL, street, List.of(street), List.of());
    // urban management owns 01; police and housing assist with 0101 in the example declarations
    assertThat(s.departments())
        .containsExactly("dept:urban-management", "dept:police", "dept:housing");
    assertThat(s.within()).isEqualTo(SummonRule.BEIJING_LIMIT);
  }

  @Test
  void firstReceiverKeepsTheLeadOfAMultiDepartmentCaseItReturns() {
    long grid =
        tree.get(RoutingFixtures.code(RegionLevel.COMMUNITY, 0))
            .descendantsAt(RegionLevel.GRID)
            .get(0)
            .code();
    CaseFacts f = RoutingFixtures.facts("C-F", "0402", Priority.NORMAL, grid);
    RoutingDecision.Assign a =
        (RoutingDecision.Assign)
            decide(
                f,
                DecisionPoint.RETURN,
                "dept:water",
                List.of("dept:water"),
                List.of("dept:water"));
    assertThat(a.lead()).isEqualTo("dept:water");
    assertThat(a.assists()).containsExactly("party:property-mgmt");
    assertThat(a.explanation().decidedBy()).isEqualTo("FirstReceiverLeadsRule");
  }

  @Test
  void collectingAssistsAddsTheLeadsOfLaterMatchingRules() {
    long grid = RoutingFixtures.code(RegionLevel.GRID, 5);
    FirstMatchPolicy p =
        FirstMatchPolicy.collectingAssists(
            List.of(
                new CrossBoundaryRule(graph),
                new DepartmentOwnershipRule(graph, true),
                new LowestCapableLevelRule(
                    graph, java.util.Map.of("05", org.gridgov.routing.HandlerLevel.GRID)),
                new TerritorialFallbackRule(graph)));
    RoutingDecision.Assign a =
        (RoutingDecision.Assign)
            p.decide(
                RoutingRequest.newCase(
                    RoutingFixtures.facts("C-C", "0504", Priority.NORMAL, grid),
                    RoutingFixtures.AT));
    assertThat(a.lead()).isEqualTo("dept:police");
    assertThat(a.assists()).containsExactly("dept:urban-management", Handler.officeId(grid));
    FirstMatchPolicy plain = FirstMatchPolicy.of(p.rules());
    RoutingDecision.Assign b =
        (RoutingDecision.Assign)
            plain.decide(
                RoutingRequest.newCase(
                    RoutingFixtures.facts("C-C", "0504", Priority.NORMAL, grid),
                    RoutingFixtures.AT));
    assertThat(b.assists()).containsExactly("dept:urban-management");
    assertThat(b.explanation().notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "LowestCapableLevelRule: also matched but DepartmentOwnershipRule comes first"));
  }

  @Test
  void scopedRuleOverridesOnlyInsideItsRegion() {
    long district = RoutingFixtures.code(RegionLevel.DISTRICT, 0);
    long inside = tree.get(district).descendantsAt(RegionLevel.GRID).get(0).code();
    long outside = RoutingFixtures.code(RegionLevel.GRID, 23);
    FirstMatchPolicy p =
        FirstMatchPolicy.of(
            List.of(
                ScopedRule.forRegion(
                    district,
                    tree,
                    new UrgentSkipLevelsRule(
                        graph,
                        java.util.Map.of(
                            Priority.NORMAL, org.gridgov.routing.HandlerLevel.DISTRICT))),
                new TerritorialFallbackRule(graph)));
    RoutingDecision.Assign in =
        (RoutingDecision.Assign)
            p.decide(
                RoutingRequest.newCase(
                    RoutingFixtures.facts("C-1", "0102", Priority.NORMAL, inside),
                    RoutingFixtures.AT));
    RoutingDecision.Assign out =
        (RoutingDecision.Assign)
            p.decide(
                RoutingRequest.newCase(
                    RoutingFixtures.facts("C-2", "0102", Priority.NORMAL, outside),
                    RoutingFixtures.AT));
    assertThat(in.lead()).isEqualTo(Handler.officeId(district));
    assertThat(in.explanation().decidedBy()).contains("UrgentSkipLevelsRule");
    assertThat(out.explanation().decidedBy()).isEqualTo("TerritorialFallbackRule");
    assertThat(out.lead()).isEqualTo(Handler.officeId(outside));
  }
}
