package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link EscalateOneLevelRule}: its construction refuses what cannot work, and a repeat report
 * escalates from exactly the N-th report on.
 */
class EscalateOneLevelRuleTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final Region grid = RoutingFixtures.tree().regionsAt(RegionLevel.GRID).get(0);
  private final CaseFacts facts =
      RoutingFixtures.facts("C-E", "0101", Priority.NORMAL, grid.code());
  private final String holder = graph.officeIdAt(grid.index());

  private Optional<RoutingDecision> repeat(EscalateOneLevelRule rule, int reportCount) {
    return rule.tryDecide(
        RoutingRequest.of(
            facts,
            DecisionPoint.REPEAT_REPORT,
            RoutingFixtures.AT,
            holder,
            List.of(holder),
            List.of(),
            reportCount));
  }

  @Test
  void aRepeatReportEscalatesFromTheThresholdOn() {
    EscalateOneLevelRule rule =
        new EscalateOneLevelRule(graph, EnumSet.of(DecisionPoint.REPEAT_REPORT), 3);
    String up = graph.escalationTarget(holder).orElseThrow();
    assertThat(repeat(rule, 2)).isEmpty();
    for (int n : new int[] {3, 4}) {
      RoutingDecision d = repeat(rule, n).orElseThrow();
      assertThat(((RoutingDecision.Escalate) d).to()).as("report %d", n).isEqualTo(up);
    }
    assertThat(rule.whyNot(RoutingRequest.newCase(facts, RoutingFixtures.AT)))
        .contains("REPEAT_REPORT")
        .contains("from the 3rd)");
  }

  @Test
  void aThresholdBelowTwoOrANewCasePointIsRefused() {
    Set<DecisionPoint> breach = EnumSet.of(DecisionPoint.BREACH);
    assertThatThrownBy(() -> new EscalateOneLevelRule(graph, breach, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeatThreshold must be >= 2 but was 1");
    assertThat(
            new EscalateOneLevelRule(graph, breach, 2)
                .whyNot(RoutingRequest.newCase(facts, RoutingFixtures.AT)))
        .contains("from the 2nd)");
    assertThatThrownBy(() -> new EscalateOneLevelRule(graph, EnumSet.of(DecisionPoint.NEW_CASE), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a new case has no holder");
  }
}
