package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;

/**
 * A small district, an SLA policy, departments and a simple routing policy for the engine tests.
 */
final class Fixture {
  static final long DISTRICT = 350302L;
  static final long STREET = 350302001L;
  static final long COMMUNITY = 350302001001L;
  static final long GRID1 = 350302001001001L;
  static final long GRID2 = 350302001001002L;
  static final long COMMUNITY2 = 350302001002L;
  static final long GRID3 = 350302001002001L;
  static final long TOWNSHIP = 350302002L;
  static final long VILLAGE = 350302002001L;
  static final long VGRID = 350302002001001L;

  static final String WATER = "dept:water";
  static final String NATURAL_RESOURCES = "dept:natural-resources";
  static final String HOUSING = "dept:housing";
  static final String SURVEY = "dept:survey";
  static final String URBAN = "dept:urban-management";
  static final String POLICE = "dept:police";
  static final String MARKET = "dept:market";
  static final String COMMAND_CENTRE = "dept:command-centre";
  static final String ROADS = "dept:roads";
  static final ImmutableList<String> DEPARTMENTS =
      ImmutableList.of(
          WATER, NATURAL_RESOURCES, HOUSING, SURVEY, URBAN, POLICE, MARKET, COMMAND_CENTRE, ROADS);

  static final RegionTree TREE = tree();

  private Fixture() {}

  static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1));
    b.addDistrict(DISTRICT, "城厢区");
    b.add(RegionLevel.STREET, STREET, DISTRICT, "霞林街道");
    b.add(RegionLevel.COMMUNITY, COMMUNITY, STREET, "第1社区");
    b.add(RegionLevel.GRID, GRID1, COMMUNITY, "第1网格").urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.GRID, GRID2, COMMUNITY, "第2网格").urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.COMMUNITY, COMMUNITY2, STREET, "第2社区");
    b.add(RegionLevel.GRID, GRID3, COMMUNITY2, "第1网格");
    b.add(RegionLevel.STREET, TOWNSHIP, DISTRICT, "华亭镇");
    b.add(RegionLevel.COMMUNITY, VILLAGE, TOWNSHIP, "园头村");
    b.add(RegionLevel.GRID, VGRID, VILLAGE, "第1网格").urbanRural(UrbanRuralClass.VILLAGE);
    return b.build();
  }

  /**
   * Yellow at 80 %, red at the deadline; whole case 5 working days; handling 3 working days, urgent
   * 4 h.
   */
  static SlaPolicy sla() {
    return SlaPolicy.builder()
        .defaultLevels(List.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red")))
        .transferRule(TransferRule.RESTART)
        .rule(
            SlaPolicy.Rule.of(
                SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
        .rule(
            SlaPolicy.Rule.of(
                SlaStage.HANDLE, SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME)))
        .rule(
            SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(java.time.Duration.ofHours(4)))
                .forPriority(Priority.URGENT))
        .rule(
            SlaPolicy.Rule.of(
                    SlaStage.HANDLE, SlaLimit.workingDays(4, WorkingDayRule.SAME_CLOCK_TIME))
                .forCategory("06"))
        .rule(
            SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(15, WorkingDayRule.SAME_CLOCK_TIME))
                .forCategory("06"))
        .build();
  }

  static CaseEngine.Builder config() {
    return config(new SimplePolicy(TREE));
  }

  static CaseEngine.Builder config(RoutingPolicy policy) {
    return CaseEngine.builder()
        .regionTree(TREE)
        .routingPolicy(policy)
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .departments(DEPARTMENTS);
  }

  /**
   * NEW_CASE: category 03.. (water) to the water department, 05.. (land) to the office of the
   * case's community, others to the grid's office. RETURN: the second distinct returner sends it to
   * the command centre, the first to the roads department. BREACH: up one level of offices; MANUAL:
   * an office below the district goes to the district office (a department to the district office
   * either way); the district office's MANUAL assigns natural resources with housing and survey;
   * BREACH at the top is rejected).
   */
  static final class SimplePolicy implements RoutingPolicy {
    private final RegionTree tree;

    SimplePolicy(RegionTree tree) {
      this.tree = tree;
    }

    @Override
    public RoutingDecision decide(RoutingRequest r) {
      RoutingDecision.Explanation why =
          RoutingDecision.Explanation.of("simple", List.of(r.point().name()));
      String cat = r.facts().categoryCode();
      long grid = r.facts().locationCodes().get(0);
      if (r.point() == DecisionPoint.NEW_CASE) {
        if (cat.startsWith("03")) {
          return RoutingDecision.Assign.of(WATER, List.of(), why);
        }
        if (cat.startsWith("05")) {
          Region community = tree.get(grid).ancestorAt(RegionLevel.COMMUNITY).orElseThrow();
          return RoutingDecision.Assign.of(CaseEngine.officeOf(community.code()), List.of(), why);
        }
        return RoutingDecision.Assign.of(CaseEngine.officeOf(grid), List.of(), why);
      }
      if (r.point() == DecisionPoint.RETURN) {
        if (r.returnedBy().size() >= 2) {
          return new RoutingDecision.Escalate(COMMAND_CENTRE, why);
        }
        return RoutingDecision.Assign.of(ROADS, List.of(), why);
      }
      String holder = r.currentHolder().orElse(CaseEngine.officeOf(grid));
      if (r.point() == DecisionPoint.MANUAL
          && holder.startsWith("office:")
          && !holder.equals(CaseEngine.officeOf(DISTRICT))) {
        return new RoutingDecision.Escalate(CaseEngine.officeOf(DISTRICT), why);
      }
      if (holder.equals(CaseEngine.officeOf(DISTRICT))) {
        if (r.point() == DecisionPoint.MANUAL) {
          return RoutingDecision.Assign.of(NATURAL_RESOURCES, List.of(HOUSING, SURVEY), why);
        }
        return new RoutingDecision.Reject("nobody above the district", why);
      }
      if (!holder.startsWith("office:")) {
        return new RoutingDecision.Escalate(CaseEngine.officeOf(DISTRICT), why);
      }
      long code = Long.parseLong(holder.substring("office:".length()));
      long parent = tree.get(code).parent().orElseThrow().code();
      return new RoutingDecision.Escalate(CaseEngine.officeOf(parent), why);
    }
  }

  static Instant at(String localShanghai) {
    return OffsetDateTime.parse(localShanghai + "+08:00").toInstant();
  }

  static CaseFacts facts(
      String id, String category, Priority priority, CaseSource source, long... grids) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(category)
        .priority(priority)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.copyOf(grids))
        .source(source)
        .build();
  }

  static Principal districtDispatcher() {
    return Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  }

  static Principal supervisor() {
    return Principal.inRegion("sup-1", Role.SUPERVISOR, DISTRICT);
  }

  /** Feeds commands to an engine, numbering command ids, and records the log and the facts. */
  static final class Driver {
    final CaseEngine engine;
    final List<CaseEvent> log = new ArrayList<>();
    final Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    private int next;

    Driver(CaseEngine engine) {
      this.engine = engine;
    }

    @CanIgnoreReturnValue
    List<CaseEvent> advance(Instant t) {
      List<CaseEvent> out = engine.advanceTo(t);
      log.addAll(out);
      return out;
    }

    /** Advances to {@code t}, then runs the command; returns only the command's events. */
    @CanIgnoreReturnValue
    List<CaseEvent> run(Principal who, String caseId, Instant t, Command.Action action) {
      var unused = advance(t);
      next++;
      Command c = Command.of("cmd-" + next, who, CaseId.of(caseId), t, action);
      List<CaseEvent> out = engine.execute(c);
      if (action instanceof Command.Report r) {
        facts.put(r.facts().id(), r.facts());
      }
      log.addAll(out);
      return out;
    }
  }
}
