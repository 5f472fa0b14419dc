package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;
import org.junit.jupiter.api.Test;

/**
 * {@link FirstMatchPolicy} when nothing matches or nothing is given, and {@link
 * LowestCapableLevelRule}'s longest-prefix choice of level.
 */
class FirstMatchAndCapabilityTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final Region grid = graph.tree().regionsAt(RegionLevel.GRID).get(0);

  private static final RoutingRule SILENT = SilentRule.INSTANCE;

  private RoutingRequest newCase(String category) {
    return RoutingRequest.newCase(
        RoutingFixtures.facts("C-M", category, Priority.NORMAL, grid.code()), RoutingFixtures.AT);
  }

  @Test
  void whenNoRuleDecidesTheCaseIsRejectedWithEveryRulesReason() {
    FirstMatchPolicy p = FirstMatchPolicy.of(List.of(SILENT, SILENT));

    RoutingDecision d = p.decide(newCase("0101"));

    assertThat(d).isInstanceOf(RoutingDecision.Reject.class);
    assertThat(((RoutingDecision.Reject) d).reason()).isEqualTo("no rule places case C-M");
    assertThat(d.explanation().decidedBy()).isEqualTo("(none)");
    assertThat(d.explanation().notes())
        .containsExactly("silent: never decides", "silent: never decides");
    assertThat(p.toString()).isEqualTo("FirstMatchPolicy" + List.of(SILENT, SILENT));
  }

  @Test
  void aPolicyNeedsAtLeastOneRule() {
    assertThatThrownBy(() -> FirstMatchPolicy.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one rule");
  }

  @Test
  void theLastRuleIsAskedAfterTheWinnerToo() {
    LowestCapableLevelRule street =
        new LowestCapableLevelRule(graph, Map.of("", HandlerLevel.STREET));
    FirstMatchPolicy p = FirstMatchPolicy.of(List.of(street, SILENT));

    RoutingDecision d = p.decide(newCase("0101"));

    assertThat(d.explanation().notes()).last().isEqualTo("silent: never decides");
  }

  @Test
  void theLongestMatchingPrefixChoosesTheLevelWhateverTheOrder() {
    Map<String, HandlerLevel> longFirst =
        ImmutableMap.of(
            "0101", HandlerLevel.DISTRICT, "01", HandlerLevel.STREET, "", HandlerLevel.GRID);
    Map<String, HandlerLevel> shortFirst =
        ImmutableMap.of(
            "", HandlerLevel.GRID, "01", HandlerLevel.STREET, "0101", HandlerLevel.DISTRICT);
    for (Map<String, HandlerLevel> m : List.of(longFirst, shortFirst)) {
      LowestCapableLevelRule r = new LowestCapableLevelRule(graph, m);
      assertThat(r.levelFor("0101")).contains(HandlerLevel.DISTRICT);
      assertThat(r.levelFor("0102")).contains(HandlerLevel.STREET);
      assertThat(r.levelFor("06")).contains(HandlerLevel.GRID);
    }
    LowestCapableLevelRule only01 =
        new LowestCapableLevelRule(graph, Map.of("01", HandlerLevel.STREET));
    assertThat(only01.levelFor("06")).isEmpty();
    assertThat(only01.tryDecide(newCase("0601"))).isEmpty();
    assertThat(only01.whyNot(newCase("0601")))
        .isEqualTo(
            "applies to new cases of a category in its capability table, located in one district");
  }
}
