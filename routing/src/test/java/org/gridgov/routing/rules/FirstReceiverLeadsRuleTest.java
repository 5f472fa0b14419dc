package org.gridgov.routing.rules;

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
import org.junit.jupiter.api.Test;

/**
 * {@link FirstReceiverLeadsRule} (首接负责): where several handlers own a category, the one that held
 * the case first leads it and the other owners assist, at a return, a manual decision or a failed
 * check only. In the fixture graph burst pipes (0402) are the water bureau's and, in the first
 * community, also its property management's.
 */
class FirstReceiverLeadsRuleTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final RegionTree tree = graph.tree();
  private final Region community = tree.get(RoutingFixtures.code(RegionLevel.COMMUNITY, 0));
  private final Region gridOfTwoOwners =
      tree.regionsAt(RegionLevel.GRID).stream()
          .filter(community::contains)
          .findFirst()
          .orElseThrow();
  private final Region gridOfOneOwner =
      tree.regionsAt(RegionLevel.GRID).stream()
          .filter(g -> !community.contains(g))
          .findFirst()
          .orElseThrow();
  private final FirstReceiverLeadsRule rule = new FirstReceiverLeadsRule(graph);

  private static RoutingRequest at(
      Region where, DecisionPoint point, String holder, List<String> holders) {
    CaseFacts f = RoutingFixtures.facts("C-F", "0402", Priority.NORMAL, where.code());
    return RoutingRequest.of(f, point, RoutingFixtures.AT, holder, holders, List.of(), 1);
  }

  @Test
  void theOwnerThatHeldTheCaseFirstLeadsAndTheOtherOwnersAssist() {
    List<String> owners =
        graph.ownersOf("0402", gridOfTwoOwners.index()).stream().map(Handler::id).toList();
    assertThat(owners).hasSize(2);
    String office = graph.officeIdAt(gridOfTwoOwners.index());
    for (String first : owners) {
      String other = owners.get(owners.indexOf(first) == 0 ? 1 : 0);
      for (DecisionPoint p :
          List.of(DecisionPoint.RETURN, DecisionPoint.MANUAL, DecisionPoint.CHECK_FAILED)) {
        RoutingDecision.Assign a =
            (RoutingDecision.Assign)
                rule.tryDecide(at(gridOfTwoOwners, p, other, List.of(office, first, other)))
                    .orElseThrow();
        assertThat(a.lead()).as("%s first, at %s", first, p).isEqualTo(first);
        assertThat(a.assists()).containsExactly(other);
        assertThat(a.explanation().notes())
            .anyMatch(n -> n.contains(first + " received the multi-department case first"));
      }
    }
  }

  @Test
  void theCurrentHolderCountsAsHavingHeldTheCase() {
    String water = "dept:water";
    String office = graph.officeIdAt(gridOfTwoOwners.index());

    RoutingDecision.Assign a =
        (RoutingDecision.Assign)
            rule.tryDecide(at(gridOfTwoOwners, DecisionPoint.RETURN, water, List.of(office)))
                .orElseThrow();

    assertThat(a.lead()).isEqualTo(water);
  }

  @Test
  void otherDecisionPointsOneOwnerOrNoOwnerHeldLeaveItToOtherRules() {
    String office = graph.officeIdAt(gridOfTwoOwners.index());
    for (DecisionPoint p :
        List.of(DecisionPoint.BREACH, DecisionPoint.REPEAT_REPORT, DecisionPoint.NEW_CASE)) {
      assertThat(rule.tryDecide(at(gridOfTwoOwners, p, "dept:water", List.of("dept:water"))))
          .as(p.toString())
          .isEmpty();
    }
    assertThat(
            rule.tryDecide(
                at(gridOfOneOwner, DecisionPoint.RETURN, "dept:water", List.of("dept:water"))))
        .isEmpty();
    assertThat(rule.tryDecide(at(gridOfTwoOwners, DecisionPoint.RETURN, office, List.of(office))))
        .isEmpty();
    assertThat(rule.whyNot(at(gridOfOneOwner, DecisionPoint.BREACH, office, List.of(office))))
        .isEqualTo(
            "applies when several departments own the category and one of them already held the"
                + " case");
  }
}
