package org.gridgov.examples;

import com.google.common.primitives.ImmutableLongArray;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaPolicy;

/**
 * The README's quickstart: a small region tree, a routing policy and an SLA policy from their text
 * formats, a case engine; one case reported and dispatched by the policy, then time advanced past
 * its handling deadline so the engine warns, records the breach and escalates the case.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.QuickstartExample}.
 */
public final class QuickstartExample {
  private QuickstartExample() {}

  /**
   * Runs the example, printing the case's events.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var unused = run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /**
   * Runs the example, printing to {@code out}.
   *
   * @param out where to print
   * @return every event the engine returned, in order, for tests
   */
  static List<CaseEvent> run(PrintStream out) {
    // tag::quickstart[]
    // A tiny city: district → street → community → grid (codes follow the national schemes).
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, 350302001001001L, 350302001001L, "第一网格")
            .build();
    RoutingGraph graph =
        RoutingGraph.builder(tree).build(); // an office per region, escalating to its parent's

    // Who: new cases go to the grid's office; a breached case goes one level up.
    TablePolicy routing =
        PolicyTable.parse(
                new StringReader(
                    """
        category,region,priority,point,holder,action
        *,*,*,NEW_CASE,none,assign office@GRID
        *,*,*,BREACH,*,escalate
        """),
                "policy.csv")
            .compile(graph);
    // How long: 4 working hours to handle (yellow at 80 %), 5 working days for the whole case.
    SlaPolicy sla =
        SlaPolicy.parse(
            new StringReader(
                """
        levels     yellow@0.8 red@1.0
        transfer   RESTART
        handle     * * * working PT4H
        whole-case * * * working-days 5 end-of-working-day
        """),
            "sla.txt");
    CaseEngine engine =
        CaseEngine.builder()
            .regionTree(tree)
            .routingGraph(graph)
            .routingPolicy(routing)
            .slaPolicy(sla)
            .calendar(ChinaCalendar.calendar())
            .build();

    // A grid worker reports exposed rubbish on Monday 09:00 (Beijing time); the district dispatches
    // by policy.
    Instant monday = Instant.parse("2025-03-03T01:00:00Z");
    CaseId id = CaseId.of("C-1");
    CaseFacts rubbish =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.IMMEDIATE)
            .source(CaseSource.GRID_PATROL)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .build();
    Principal worker = Principal.inRegion("gw-1", Role.GRID_WORKER, 350302001001001L);
    Principal centre = Principal.inRegion("centre-1", Role.DISPATCHER, 350302L);
    List<CaseEvent> events = new ArrayList<>();
    events.addAll(engine.execute(Command.of("1", worker, id, monday, new Command.Report(rubbish))));
    events.addAll(
        engine.execute(Command.of("2", worker, id, monday, new Command.Verify(true, ""))));
    events.addAll(engine.execute(Command.of("3", centre, id, monday, new Command.Register())));
    events.addAll(engine.execute(Command.of("4", centre, id, monday, Command.Dispatch.byPolicy())));

    // Nobody resolves it. By 18:00 the grid's 4 working hours have run out and the case has moved
    // up.
    events.addAll(engine.advanceTo(monday.plus(Duration.ofHours(9))));
    for (CaseEvent e : events) {
      out.printf(
          "%s %-14s %s%n",
          e.at().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime(), e.actor().id(), e.payload());
    }
    // end::quickstart[]
    return events;
  }
}
