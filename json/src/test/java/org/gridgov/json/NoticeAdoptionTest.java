package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.ImmutableLongArray;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
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
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaPolicy;
import org.junit.jupiter.api.Test;

/**
 * What a government system does at the turn of the year, end to end: a case registered on
 * 2026-12-24 with a 5-working-day limit gets a provisional 2027 deadline; the 2027 notice arrives
 * in the holiday-cn JSON format, is loaded as a new edition and adopted; the deadline is revised by
 * event; the log restores to the same engine.
 */
class NoticeAdoptionTest {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final long GRID = 350302001001001L;

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  private static CaseEngine.Builder config() {
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, GRID, 350302001001L, "第一网格")
            .build();
    RoutingGraph graph = RoutingGraph.builder(tree).build();
    BusinessCalendar provisional =
        ChinaCalendar.calendar(); // official to 2026, provisional from 2027
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(
            PolicyTable.parse(
                    new StringReader(
                        "category,region,priority,point,holder,action\n*,*,*,NEW_CASE,none,assign office@GRID\n"),
                    "policy.csv")
                .compile(graph))
        .slaPolicy(
            SlaPolicy.parse(
                new StringReader(
                    "levels yellow@0.8 red@1.0\nwhole-case * * * working-days 5 same-clock-time\n"),
                "sla.txt"))
        .calendar(provisional);
  }

  @Test
  void aNoticeInHolidayCnFormat_revisesTheProvisionalDeadline_andTheLogRestores() throws Exception {
    CaseEngine engine = config().build();
    CaseId id = CaseId.of("A");
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.IMMEDIATE)
            .source(CaseSource.APP)
            .locationCodes(ImmutableLongArray.of(GRID))
            .build();
    Principal worker = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID);
    Principal centre = Principal.inRegion("centre-1", Role.DISPATCHER, 350302L);
    Instant t = at("2026-12-24T18:00");
    List<CaseEvent> log = new ArrayList<>(engine.advanceTo(t));
    log.addAll(engine.execute(Command.of("1", worker, id, t, new Command.Report(facts))));
    log.addAll(engine.execute(Command.of("2", worker, id, t, new Command.Verify(true, ""))));
    log.addAll(engine.execute(Command.of("3", centre, id, t, new Command.Register())));
    assertThat(log.get(2).payload())
        .isEqualTo(new EventPayload.Registered(at("2027-01-04T09:00"), true));

    BusinessCalendar cn2027 =
        ChinaCalendar.withNotice(
            engine.calendarEditions().latest(), HolidayNoticeJsonTest.fixture(), "cn-2027");
    log.addAll(engine.adoptCalendar(cn2027, at("2026-12-28T08:00")));

    assertThat(log.get(3).payload())
        .isEqualTo(
            new EventPayload.DeadlineRevised(
                CaseState.WHOLE_CASE_CLOCK,
                at("2027-01-04T09:00"),
                at("2027-01-05T09:00"),
                "cn-2027",
                false));
    CaseEngine restored =
        CaseEngine.restore(
            config().calendarEditions(engine.calendarEditions()), Map.of(id, facts), log);
    assertThat(restored.state(id)).isEqualTo(engine.state(id));
    assertThat(restored.clocks(id)).isEqualTo(engine.clocks(id));
    assertThat(restored.nextDeadline(id)).isEqualTo(engine.nextDeadline(id));
  }
}
