package org.gridgov.benchmarks.engine;

import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;

/**
 * A district of 10 streets × 10 communities × 10 grids, a realistic simple policy (a new case goes
 * to its grid's office; a breach or a manual escalation goes one office up; a return to the
 * community office), 5-working-day whole-case and 3-working-day handling limits with a yellow
 * warning at 80 %, and helpers that open cases.
 */
final class EngineSetup {
  static final long DISTRICT = 350302L;
  static final Instant START = Instant.parse("2025-03-03T01:00:00Z"); // Mon 09:00 in Shanghai
  static final Principal DISPATCHER = Principal.inRegion("disp", Role.DISPATCHER, DISTRICT);
  static final Principal LEADER = Principal.inRegion("lead", Role.LEADER, DISTRICT);
  static final Principal RESIDENT = Principal.resident("res");

  final RegionTree tree;
  final long[] grids;

  /**
   * Each region's office id by tree index, named once: a production policy ({@code TablePolicy},
   * {@code RoutingGraph.officeIdAt}) looks ids up, it does not build them per decision.
   */
  private final String[] offices;

  EngineSetup() {
    CodeScheme s = CodeScheme.standard();
    RegionTree.Builder b = RegionTree.builder(s, LocalDate.of(2025, 1, 1));
    b.addDistrict(DISTRICT, "区");
    List<Long> g = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      long st = s.childCode(DISTRICT, i);
      b.add(RegionLevel.STREET, st, DISTRICT, "街道" + i);
      for (int j = 1; j <= 10; j++) {
        long co = s.childCode(st, j);
        b.add(RegionLevel.COMMUNITY, co, st, "社区" + j);
        for (int k = 1; k <= 10; k++) {
          long gr = s.childCode(co, k);
          b.add(RegionLevel.GRID, gr, co, "网格" + k);
          g.add(gr);
        }
      }
    }
    tree = b.build();
    grids = g.stream().mapToLong(Long::longValue).toArray();
    offices = new String[tree.size()];
    for (int i = 0; i < offices.length; i++) {
      offices[i] = CaseEngine.officeOf(tree.region(i).code());
    }
  }

  /** The id of the office of the region with {@code code}. */
  String office(long code) {
    return offices[tree.indexOf(code)];
  }

  CaseEngine.Builder config() {
    return CaseEngine.builder()
        .regionTree(tree)
        .routingPolicy(policy())
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .departments(List.of("dept:water", "dept:roads"))
        .commandMemory(1 << 16);
  }

  /** The same configuration for the frozen legacy engine (the old-vs-new baseline). */
  org.gridgov.benchmarks.engine.legacy.CaseEngine.Builder legacyConfig() {
    return org.gridgov.benchmarks.engine.legacy.CaseEngine.builder()
        .regionTree(tree)
        .routingPolicy(policy())
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .departments(List.of("dept:water", "dept:roads"))
        .commandMemory(1 << 16);
  }

  private RoutingPolicy policy() {
    return req -> {
      RoutingDecision.Explanation why = RoutingDecision.Explanation.of("bench", List.of());
      long grid = req.facts().locationCodes().get(0);
      if (req.point() == DecisionPoint.NEW_CASE) {
        return RoutingDecision.Assign.of(office(grid), List.of(), why);
      }
      String holder = req.currentHolder().orElse(office(grid));
      long code = Long.parseLong(holder.substring("office:".length()));
      Region r = tree.get(code);
      if (req.point() == DecisionPoint.RETURN) {
        return new RoutingDecision.Escalate(
            CaseEngine.officeOf(tree.get(grid).parent().orElseThrow().code()), why);
      }
      return r.parent().isPresent()
          ? new RoutingDecision.Escalate(CaseEngine.officeOf(r.parent().get().code()), why)
          : new RoutingDecision.Reject("top", why);
    };
  }

  private static SlaPolicy sla() {
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
            SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4)))
                .forPriority(Priority.URGENT))
        .build();
  }

  CaseFacts facts(String id, int n) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(n % 7 == 0 ? "0301" : "0101")
        .priority(n % 13 == 0 ? Priority.URGENT : Priority.NORMAL)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(grids[n % grids.length]))
        .source(CaseSource.APP)
        .build();
  }

  /**
   * Opens a case: report, verify, register, dispatch by the policy (4 commands, 4 events into
   * {@code sink}).
   */
  static void open(CaseEngine e, CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink) {
    CaseId id = f.id();
    sink.addAll(e.execute(Command.of(cmdPrefix + "r", RESIDENT, id, t, new Command.Report(f))));
    sink.addAll(
        e.execute(Command.of(cmdPrefix + "v", DISPATCHER, id, t, new Command.Verify(true, ""))));
    sink.addAll(e.execute(Command.of(cmdPrefix + "g", DISPATCHER, id, t, new Command.Register())));
    sink.addAll(
        e.execute(Command.of(cmdPrefix + "d", DISPATCHER, id, t, Command.Dispatch.byPolicy())));
  }

  /**
   * Then: accept, resolve, check, close by the grid office (4 commands, 4 events into {@code
   * sink}).
   */
  static void finish(CaseEngine e, CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink) {
    CaseId id = f.id();
    String office = CaseEngine.officeOf(f.locationCodes().get(0));
    sink.addAll(e.execute(Command.of(cmdPrefix + "a", LEADER, id, t, new Command.Accept(office))));
    sink.addAll(
        e.execute(Command.of(cmdPrefix + "s", LEADER, id, t, new Command.Resolve(office, "done"))));
    sink.addAll(
        e.execute(Command.of(cmdPrefix + "c", DISPATCHER, id, t, new Command.Check(true, ""))));
    sink.addAll(e.execute(Command.of(cmdPrefix + "x", DISPATCHER, id, t, new Command.Close())));
  }
}
