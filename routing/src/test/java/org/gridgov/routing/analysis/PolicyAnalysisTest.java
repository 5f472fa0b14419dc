package org.gridgov.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * Policies seeded with known gaps, overlaps, cycles, dead ends and ping-pong: each is found and
 * located.
 */
class PolicyAnalysisTest {
  private static final String HEADER = "category,region,priority,point,holder,action\n";
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final RegionTree tree = graph.tree();

  /**
   * A sound base: every case is assigned, escalates to the city, and rework/manual stay put. Lines
   * 2-6.
   */
  private static final String SOUND =
      """
      *,*,*,NEW_CASE,none,assign office
      *,*,*,BREACH|RETURN,CITY,assign holder
      *,*,*,BREACH|RETURN,*,escalate
      *,*,*,CHECK_FAILED|MANUAL,*,assign holder
      *,*,*,REPEAT_REPORT,*,assign holder
      """;

  private TablePolicy policy(String rows) {
    return PolicyTable.parse(new StringReader(HEADER + rows), "seeded.csv").compile(graph);
  }

  @Test
  void soundPolicyHasNoGapOverlapCycleDeadEndOrPingPong() {
    PolicyReport r = PolicyAnalysis.analyse(policy(SOUND), List.of("0101", "0601"));
    assertThat(r.findings())
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.UNREACHABLE));
    assertThat(r.regionClasses()).isLessThan(tree.size()).isGreaterThanOrEqualTo(5);
    assertThat(r.longestChain()).last().isEqualTo(Handler.CITY_OFFICE_ID);
  }

  @Test
  void gapIsFoundForTheUncoveredCategoryOnly() {
    String rows =
        """
        01,*,*,NEW_CASE,none,assign office@GRID
        *,*,*,BREACH|RETURN,CITY,assign holder
        *,*,*,BREACH|RETURN,*,escalate
        *,*,*,CHECK_FAILED|MANUAL,*,assign holder
        """;
    PolicyReport r = PolicyAnalysis.analyse(policy(rows), List.of("0101", "0601"));
    List<Finding> gaps = r.findings(Finding.Kind.GAP);
    assertThat(gaps).isNotEmpty();
    assertThat(gaps)
        .allSatisfy(
            f -> {
              assertThat(f.category()).isEqualTo("0601");
              assertThat(f.point()).contains(DecisionPoint.NEW_CASE);
              assertThat(f.line()).isZero();
              assertThat(tree.find(f.regionCode())).isPresent();
            });
    // every priority and every class of regions is reported
    assertThat(gaps.stream().map(Finding::priority).distinct()).hasSize(Priority.values().length);
    assertThat(gaps.stream().mapToInt(Finding::regionsInClass).sum()).isEqualTo(tree.size() * 3);
  }

  @Test
  void overlapIsLocatedAtTheLaterRowAndOnlyWhereBothRowsMatch() {
    long district = RoutingFixtures.code(RegionLevel.DISTRICT, 1);
    String rows =
        "0601,*,*,NEW_CASE,none,assign office@GRID\n"
            + "06,"
            + district
            + ",*,NEW_CASE,none,assign office@STREET\n"
            + SOUND;
    PolicyReport r = PolicyAnalysis.analyse(policy(rows), List.of("0601", "0101"));
    List<Finding> overlaps = r.findings(Finding.Kind.OVERLAP);
    assertThat(overlaps).isNotEmpty();
    assertThat(overlaps)
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.category()).isEqualTo("0601");
              assertThat(tree.get(district).contains(tree.get(f.regionCode()))).isTrue();
              assertThat(f.detail()).contains("line 2");
            });
    assertThat(overlaps.stream().map(Finding::priority).distinct())
        .hasSize(Priority.values().length);
  }

  @Test
  void escalationCycleIsFoundAtTheRowThatClosesIt() {
    String rows =
        "*,*,*,NEW_CASE,none,assign office@GRID\n"
            + "*,*,*,BREACH,GRID,escalate office@COMMUNITY\n"
            + "*,*,*,BREACH,COMMUNITY,escalate office@GRID\n"
            + SOUND;
    PolicyReport r = PolicyAnalysis.analyse(policy(rows), List.of("0101"));
    List<Finding> cycles = r.findings(Finding.Kind.ESCALATION_CYCLE);
    assertThat(cycles).isNotEmpty();
    Finding f = cycles.get(0);
    assertThat(f.line()).isEqualTo(4);
    assertThat(f.category()).isEqualTo("0101");
    assertThat(f.handlers()).hasSize(3);
    assertThat(f.handlers().get(0)).isEqualTo(f.handlers().get(2));
    assertThat(graph.get(f.handlers().get(1)).level())
        .isEqualTo(org.gridgov.routing.HandlerLevel.COMMUNITY);
  }

  @Test
  void deadEndIsFoundWhereBreachesStopBelowTheTop() {
    String rows =
        "*,*,*,NEW_CASE,none,assign office@GRID\n"
            + "*,*,*,BREACH,GRID,escalate\n"
            + "*,*,*,BREACH,COMMUNITY,assign holder\n"
            + SOUND;
    PolicyReport r = PolicyAnalysis.analyse(policy(rows), List.of("0101"));
    List<Finding> dead = r.findings(Finding.Kind.DEAD_END);
    assertThat(dead)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(4);
              assertThat(graph.get(f.handlers().get(f.handlers().size() - 1)).level())
                  .isEqualTo(org.gridgov.routing.HandlerLevel.COMMUNITY);
            });
  }

  @Test
  void pingPongBetweenGridAndWaterBureauIsFoundWithBothLines() {
    String rows =
        "*,*,*,RETURN,GRID,assign dept:water\n"
            + "*,*,*,RETURN,dept:water,assign office@GRID\n"
            + SOUND;
    PolicyReport r = PolicyAnalysis.analyse(policy(rows), List.of("0402"));
    List<Finding> pp = r.findings(Finding.Kind.PING_PONG);
    assertThat(pp).isNotEmpty();
    Finding f = pp.get(0);
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.category()).isEqualTo("0402");
    assertThat(f.handlers().get(1)).isEqualTo("dept:water");
    assertThat(f.handlers().get(0)).isEqualTo(f.handlers().get(2)).startsWith("office:");
    assertThat(f.detail()).contains("line 2").contains("line 3");
  }

  @Test
  void departmentNoRowReachesIsUnreachable() {
    PolicyReport r = PolicyAnalysis.analyse(policy(SOUND), List.of("0101"));
    assertThat(r.findings(Finding.Kind.UNREACHABLE))
        .extracting(f -> f.handlers().isEmpty() ? "" : f.handlers().get(0))
        .contains("dept:landscaping", "dept:water")
        .doesNotContain(Handler.CITY_OFFICE_ID);
  }

  @Test
  void worstCaseSumsRegisterDispatchAndOneHandlingLimitPerHandlerOfTheLongestChain() {
    SlaPolicy sla =
        SlaPolicy.builder()
            .transferRule(TransferRule.RESTART)
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.REGISTER, SlaLimit.natural(java.time.Duration.ofMinutes(30))))
            .rule(SlaPolicy.Rule.of(SlaStage.DISPATCH, SlaLimit.workingHours(2)))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.HANDLE, SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME)))
            .build();
    PolicyReport r = PolicyAnalysis.analyse(policy(SOUND), List.of("0101"), sla);
    // grid (or unit's grid) → community → street → district → city: the longest chain starts at a
    // grid office
    assertThat(r.longestChain()).hasSize(5);
    WorstCaseTime w = r.worstCase().orElseThrow();
    assertThat(w.natural()).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(w.workingTime()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(w.workingDays()).isEqualTo(3 * r.longestChain().size());
  }

  @Test
  void worstCaseFollowsTheTransferRuleAsTheEngineMovesTheLeadClock() {
    SlaPolicy.Builder b =
        SlaPolicy.builder()
            .rule(SlaPolicy.Rule.of(SlaStage.REGISTER, SlaLimit.workingHours(1)))
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(4)));
    // FROM_CREATION: the escalated clock counts from registration and is breached on arrival, so
    // only the first handler's budget is used on the way to the top
    PolicyReport fromCreation =
        PolicyAnalysis.analyse(
            policy(SOUND), List.of("0101"), b.transferRule(TransferRule.FROM_CREATION).build());
    assertThat(fromCreation.longestChain()).hasSize(5);
    assertThat(fromCreation.worstCase().orElseThrow().workingTime())
        .isEqualTo(java.time.Duration.ofHours(5));
    // KEEP: the second handler inherits a breached clock that never breaches again; no time to the
    // top exists
    assertThat(
            PolicyAnalysis.analyse(
                    policy(SOUND), List.of("0101"), b.transferRule(TransferRule.KEEP).build())
                .worstCase())
        .isEmpty();
    assertThat(PolicyAnalysis.handlingBudgets(TransferRule.KEEP, 2)).isEqualTo(1);
    assertThat(PolicyAnalysis.handlingBudgets(TransferRule.KEEP, 3)).isEqualTo(-1);
    assertThat(PolicyAnalysis.handlingBudgets(TransferRule.RESTART, 5)).isEqualTo(5);
  }

  @Test
  void shippedExamplePolicyHasNoGapOverlapCycleOrDeadEnd() {
    TablePolicy example = ExamplePolicy.policy(graph);
    PolicyReport r = PolicyAnalysis.analyse(example, RoutingFixtures.CATEGORIES);
    assertThat(r.findings()).filteredOn(f -> f.kind() != Finding.Kind.UNREACHABLE).isEmpty();
    assertThat(r.requestsEvaluated()).isPositive();
  }

  @Test
  void reportAndExportsAreDeterministic() {
    String rows =
        "*,*,*,RETURN,GRID,assign dept:water\n*,*,*,RETURN,dept:water,assign office@GRID\n" + SOUND;
    PolicyReport a = PolicyAnalysis.analyse(policy(rows), List.of("0402", "0101"));
    PolicyReport b = PolicyAnalysis.analyse(policy(rows), List.of("0402", "0101"));
    assertThat(a).isEqualTo(b);
    assertThat(GraphExport.toDot(graph, a)).isEqualTo(GraphExport.toDot(graph, b));
    assertThat(GraphExport.toMermaid(graph, a)).isEqualTo(GraphExport.toMermaid(graph, b));
  }
}
