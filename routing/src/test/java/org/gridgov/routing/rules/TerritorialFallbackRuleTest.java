package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link TerritorialFallbackRule}: the territorial office takes the case, and passes it up only
 * when it is stuck there (a breach or a return while that office holds it).
 */
class TerritorialFallbackRuleTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final TerritorialFallbackRule rule = new TerritorialFallbackRule(graph);
  private final CaseFacts facts =
      RoutingFixtures.facts(
          "C-T", "5503", Priority.NORMAL, RoutingFixtures.code(RegionLevel.GRID, 20));

  private String territorialOffice() {
    RoutingDecision first = rule.decide(RoutingRequest.newCase(facts, RoutingFixtures.AT));
    return ((RoutingDecision.Assign) first).lead();
  }

  private RoutingDecision decide(DecisionPoint p, String holder) {
    return rule.decide(
        RoutingRequest.of(facts, p, RoutingFixtures.AT, holder, List.of(holder), List.of(), 1));
  }

  @Test
  void aBreachOrReturnAtTheTerritorialOfficeGoesUpOneStep() {
    String office = territorialOffice();
    String up = graph.escalationTarget(office).orElseThrow();
    assertThat(up).isNotEqualTo(office);
    for (DecisionPoint p : List.of(DecisionPoint.BREACH, DecisionPoint.RETURN)) {
      RoutingDecision d = decide(p, office);
      assertThat(d).as("%s", p).isInstanceOf(RoutingDecision.Escalate.class);
      assertThat(((RoutingDecision.Escalate) d).to()).as("%s", p).isEqualTo(up);
    }
  }

  @Test
  void aBreachHeldElsewhereOrAManualDecisionStaysWithTheTerritorialOffice() {
    String office = territorialOffice();
    String up = graph.escalationTarget(office).orElseThrow();
    RoutingDecision elsewhere = decide(DecisionPoint.BREACH, up);
    assertThat(((RoutingDecision.Assign) elsewhere).lead()).isEqualTo(office);
    RoutingDecision manual = decide(DecisionPoint.MANUAL, office);
    assertThat(((RoutingDecision.Assign) manual).lead()).isEqualTo(office);
  }
}
