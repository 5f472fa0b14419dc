package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RoutingPolicy} passes: deterministic, total, explained, and clear about
 * requests it was not built for. Every built-in policy and rule has a subclass.
 */
public abstract class RoutingPolicyContractTest {
  private static final long SEED = 20240301L;

  /** For subclasses. */
  protected RoutingPolicyContractTest() {}

  /**
   * Returns the policy under test.
   *
   * @param graph the example graph over the fixture tree
   * @return the policy
   */
  protected abstract RoutingPolicy policy(RoutingGraph graph);

  private final RoutingGraph graph = RoutingFixtures.exampleGraph();

  @Test
  void sameRequestGivesEqualDecision() {
    RoutingPolicy policy = policy(graph);
    List<RoutingRequest> requests = RoutingFixtures.randomRequests(graph, SEED, 400);
    for (int i = 0; i < requests.size(); i++) {
      RoutingRequest r = requests.get(i);
      assertThat(policy.decide(r))
          .as("seed %d request %d: %s", SEED, i, r)
          .isEqualTo(policy.decide(r));
    }
  }

  @Test
  void decidesEveryValidRequestWithAnExplanationAndKnownHandlers() {
    RoutingPolicy policy = policy(graph);
    List<RoutingRequest> requests = RoutingFixtures.randomRequests(graph, SEED + 1, 600);
    for (int i = 0; i < requests.size(); i++) {
      RoutingRequest r = requests.get(i);
      RoutingDecision d = policy.decide(r);
      String where = "seed " + (SEED + 1) + " request " + i + ": " + r + " -> " + d;
      assertThat(d.explanation().decidedBy()).as(where).isNotBlank();
      switch (d.kind()) {
        case ASSIGN -> {
          RoutingDecision.Assign a = (RoutingDecision.Assign) d;
          assertThat(graph.handler(a.lead())).as(where).isPresent();
          assertThat(a.assists())
              .as(where)
              .allSatisfy(h -> assertThat(graph.handler(h)).isPresent());
        }
        case ESCALATE ->
            assertThat(graph.handler(((RoutingDecision.Escalate) d).to())).as(where).isPresent();
        case SUMMON ->
            assertThat(((RoutingDecision.Summon) d).departments())
                .as(where)
                .allSatisfy(h -> assertThat(graph.handler(h)).isPresent());
        case REJECT -> assertThat(d.explanation().notes()).as(where).isNotEmpty();
      }
    }
  }

  @Test
  void unknownLocationIsRejectedNamingTheCaseAndTheCode() {
    RoutingPolicy policy = policy(graph);
    RoutingRequest r =
        RoutingRequest.newCase(
            RoutingFixtures.facts("C-UNKNOWN-1", "0102", Priority.NORMAL, 999999001001001L),
            RoutingFixtures.AT);
    assertThatThrownBy(() -> policy.decide(r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-UNKNOWN-1")
        .hasMessageContaining("999999001001001");
  }

  @Test
  void unknownSecondLocationIsRejectedToo() {
    RoutingPolicy policy = policy(graph);
    long grid = RoutingFixtures.code(RegionLevel.GRID, 0);
    RoutingRequest r =
        RoutingRequest.of(
            RoutingFixtures.facts("C-UNKNOWN-2", "0102", Priority.NORMAL, grid, 350399999L),
            DecisionPoint.BREACH,
            RoutingFixtures.AT,
            Handler.officeId(grid),
            List.of(Handler.officeId(grid)),
            List.of(),
            1);
    assertThatThrownBy(() -> policy.decide(r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-UNKNOWN-2")
        .hasMessageContaining("350399999");
  }
}
