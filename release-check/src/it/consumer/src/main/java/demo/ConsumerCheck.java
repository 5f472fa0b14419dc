package demo;

import com.google.common.primitives.ImmutableLongArray;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
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
import org.gridgov.simulation.BuiltInCities;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;

/** A new user's first program, built only from the README's dependency lines. */
public final class ConsumerCheck {
  private ConsumerCheck() {}

  public static void main(String[] args) {
    // gridgov-core: five working days from the Friday before the National Day holiday (Sunday
    // 09-28 is worked, 10-01 to 10-08 are off).
    BusinessCalendar calendar = ChinaCalendar.calendar();
    Instant friday = OffsetDateTime.parse("2025-09-26T09:00+08:00").toInstant();
    Instant due = calendar.plusWorkingDays(friday, 5, WorkingDayRule.SAME_CLOCK_TIME);
    check(
        due.equals(OffsetDateTime.parse("2025-10-10T09:00+08:00").toInstant()),
        "5 working days from 2025-09-26 09:00 end at " + due);

    // gridgov-store-jdbc with H2 and HikariCP: a case reported, the process "restarts", the case is still there.
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, 350302001001001L, 350302001001L, "第一网格")
            .build();
    // A consumer's own routing policy (the shipped example is not API): the grid's office takes new
    // cases, breaches and returns escalate.
    RoutingGraph graph = RoutingGraph.builder(tree).build();
    var policy =
        PolicyTable.parse(
                new StringReader(
                    """
                    category,region,priority,point,holder,action
                    *,*,*,NEW_CASE,none,assign office@GRID
                    *,*,*,BREACH,*,escalate
                    *,*,*,RETURN,*,escalate
                    """),
                "consumer-policy.csv")
            .compile(graph);
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(List.of(WarningLevel.breach("red")))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
            .build();
    CaseId id = CaseId.of("2025-0303-0001");
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.COMMITTED)
            .source(CaseSource.GRID_PATROL)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .build();
    Principal worker = Principal.inRegion("gw-1", Role.GRID_WORKER, 350302001001001L);
    Instant at = OffsetDateTime.parse("2025-03-03T09:00+08:00").toInstant();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:consumer;DB_CLOSE_DELAY=-1");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      CaseEngine.Builder engine =
          CaseEngine.builder()
              .regionTree(tree)
              .routingGraph(graph)
              .routingPolicy(policy)
              .slaPolicy(sla)
              .calendar(calendar);
      try (EventStore store = EventStore.open(pool)) {
        var events =
            DurableCaseEngine.open(store, engine)
                .execute(Command.of("cmd-1", worker, id, at, new Command.Report(facts)));
        check(events.size() == 1, events.size() + " events for one report");
      }
      try (EventStore store = EventStore.open(pool)) {
        CaseStatus status = DurableCaseEngine.open(store, engine).state(id).orElseThrow().status();
        check(status == CaseStatus.REPORTED, "restored case is " + status);
      }
    }

    // gridgov-simulation, with the national division codes it ships: Putian's five districts.
    RegionTree putian = BuiltInCities.putianDivisions();
    int districts = putian.regionsAt(RegionLevel.DISTRICT).size();
    check(districts == 5, districts + " districts in Putian");
    System.out.println("gridgov consumer check passed");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("consumer check failed: " + what);
    }
  }
}
