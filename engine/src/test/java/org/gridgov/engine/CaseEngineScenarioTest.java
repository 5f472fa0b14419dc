package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

/** End-to-end timelines from the practice; every expected event is written out by hand. */
class CaseEngineScenarioTest {
  private static final DateTimeFormatter F =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.of("Asia/Shanghai"));

  private static String line(CaseEvent e) {
    return F.format(e.at()) + " " + e.payload();
  }

  private static List<String> lines(List<CaseEvent> events) {
    return events.stream().map(CaseEngineScenarioTest::line).toList();
  }

  private static String l(String mmddhhmm, EventPayload p) {
    return mmddhhmm + " " + p;
  }

  @Test
  void waterLeakReportedByAppAt0910IsFixedWithinTwoHours() {
    Driver d = new Driver(config().build());
    Principal resident = Principal.resident("resident-42");
    Principal gridWorker = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
    Principal water = Principal.ofDepartment("water-7", WATER);
    String id = "W-1";
    d.run(
        resident,
        id,
        at("2025-03-03T09:10"),
        new Command.Report(facts(id, "0301", Priority.URGENT, CaseSource.APP, GRID1)));
    d.run(gridWorker, id, at("2025-03-03T09:20"), new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, at("2025-03-03T09:25"), new Command.Register());
    d.run(districtDispatcher(), id, at("2025-03-03T09:25"), Command.Dispatch.byPolicy());
    d.run(water, id, at("2025-03-03T09:40"), new Command.Accept(WATER));
    d.run(water, id, at("2025-03-03T11:05"), new Command.Resolve(WATER, "valve replaced"));
    d.run(gridWorker, id, at("2025-03-03T11:10"), new Command.Check(true, ""));
    d.run(districtDispatcher(), id, at("2025-03-03T11:12"), new Command.Close());
    var after = d.advance(at("2025-03-03T18:00"));

    assertThat(lines(d.log))
        .containsExactly(
            l("03-03 09:10", new EventPayload.Reported()),
            l("03-03 09:20", new EventPayload.Verified()),
            // whole case: 5 working days, same clock time
            l("03-03 09:25", new EventPayload.Registered(at("2025-03-10T09:25"))),
            l("03-03 09:25", new EventPayload.Dispatched(WATER, HandlerRole.LEAD)),
            l("03-03 09:40", new EventPayload.Accepted(WATER)),
            l("03-03 11:05", new EventPayload.Resolved("valve replaced")),
            l("03-03 11:10", new EventPayload.CheckPassed()),
            l("03-03 11:12", new EventPayload.Closed()));
    assertThat(after).isEmpty();
    CaseState s = d.engine.state(CaseId.of(id)).orElseThrow();
    assertThat(Duration.between(s.reportedAt().orElseThrow(), s.lastResolvedAt().orElseThrow()))
        .isLessThanOrEqualTo(Duration.ofHours(2));
    assertThat(d.engine.openCaseCount()).isZero();
    assertThat(d.engine.pendingDeadlineCount()).isZero();
    assertThat(d.log.get(0).actor().id()).isEqualTo("resident-42");
  }

  @Test
  void streetWhistle_arrivedDepartmentsAreQuiet_theAbsentOneBreachesAndTheCaseIsEscalated() {
    Driver d = new Driver(config().build());
    Principal gridWorker = Principal.inRegion("gw-3", Role.GRID_WORKER, GRID3);
    Principal streetLeader = Principal.inRegion("street-leader", Role.LEADER, STREET);
    String id = "S-1";
    d.run(
        gridWorker,
        id,
        at("2025-03-04T13:50"),
        new Command.Report(facts(id, "0401", Priority.NORMAL, CaseSource.GRID_PATROL, GRID3)));
    d.run(gridWorker, id, at("2025-03-04T13:52"), new Command.Verify(true, ""));
    d.run(streetLeader, id, at("2025-03-04T13:55"), new Command.Register());
    d.run(
        streetLeader, id, at("2025-03-04T13:56"), Command.Dispatch.to(CaseEngine.officeOf(STREET)));
    var summoned =
        d.run(
            streetLeader,
            id,
            at("2025-03-04T14:00"),
            Command.Summon.of(List.of(URBAN, POLICE, MARKET), Duration.ofMinutes(30)));
    var urban =
        d.run(
            Principal.ofDepartment("u-1", URBAN),
            id,
            at("2025-03-04T14:10"),
            new Command.Arrive(URBAN));
    var police =
        d.run(
            Principal.ofDepartment("p-1", POLICE),
            id,
            at("2025-03-04T14:20"),
            new Command.Arrive(POLICE));
    // killed after the arrivals and restored from the log: the arrivals are in it, so no false
    // breach later
    CaseEngine restored = CaseEngine.restore(config(), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
    assertThat(restored.clocks(CaseId.of(id)).orElseThrow().clocks().keySet())
        .containsExactlyInAnyOrder(
            CaseState.WHOLE_CASE_CLOCK, CaseEngine.LEAD_CLOCK, "summon:" + MARKET);
    assertThat(restored.state(CaseId.of(id)).orElseThrow().awaitingArrival())
        .containsExactly(MARKET);
    var firedAfterRestore = restored.advanceTo(at("2025-03-04T14:45"));
    var fired = d.advance(at("2025-03-04T14:45"));

    assertThat(lines(summoned))
        .containsExactly(
            l(
                "03-04 14:00",
                new EventPayload.Summoned(
                    com.google.common.collect.ImmutableList.of(URBAN, POLICE, MARKET),
                    Duration.ofMinutes(30))));
    assertThat(lines(urban)).containsExactly(l("03-04 14:10", new EventPayload.Arrived(URBAN)));
    assertThat(lines(police)).containsExactly(l("03-04 14:20", new EventPayload.Arrived(POLICE)));
    assertThat(urban.get(0).actor().id()).isEqualTo("u-1");
    assertThat(lines(d.log))
        .contains(
            l("03-04 14:10", new EventPayload.Arrived(URBAN)),
            l("03-04 14:20", new EventPayload.Arrived(POLICE)));
    assertThat(firedAfterRestore).isEqualTo(fired);
    assertThat(firedAfterRestore)
        .noneMatch(
            e ->
                e.payload() instanceof EventPayload.SlaWarning w
                    && !w.clockId().equals("summon:" + MARKET))
        .noneMatch(
            e ->
                e.payload() instanceof EventPayload.SlaBreached b
                    && !b.clockId().equals("summon:" + MARKET));
    // yellow at 80 % of 30 minutes, red at 30 minutes, then the BREACH decision: up from the street
    // office
    assertThat(lines(fired))
        .containsExactly(
            l("03-04 14:24", new EventPayload.SlaWarning("summon:" + MARKET, SlaStage.SUMMON, 1)),
            l("03-04 14:30", new EventPayload.SlaBreached("summon:" + MARKET, SlaStage.SUMMON)),
            l(
                "03-04 14:30",
                new EventPayload.Escalated(
                    EscalationCause.BREACH,
                    CaseEngine.officeOf(STREET),
                    CaseEngine.officeOf(DISTRICT))));
    CaseState s = d.engine.state(CaseId.of(id)).orElseThrow();
    assertThat(s.lead()).contains(CaseEngine.officeOf(DISTRICT));
    assertThat(d.engine.clocks(CaseId.of(id)).orElseThrow().clocks().keySet())
        .containsExactly(CaseState.WHOLE_CASE_CLOCK, CaseEngine.LEAD_CLOCK);
    assertThat(
            d.engine
                .clocks(CaseId.of(id))
                .orElseThrow()
                .clock(CaseEngine.LEAD_CLOCK)
                .orElseThrow()
                .startedAt())
        .isEqualTo(at("2025-03-04T14:30"));
    // the late department no longer holds the case
    assertThatThrownBy(
            () ->
                d.run(
                    Principal.ofDepartment("m-1", MARKET),
                    id,
                    at("2025-03-04T14:50"),
                    new Command.Arrive(MARKET)))
        .isInstanceOf(UnknownCaseException.class) // a case it does not hold reads as unknown to it
        .hasMessageContaining("m-1")
        .hasMessageContaining("S-1");
  }

  @Test
  void pingPongBetweenTwoDepartmentsIsEscalatedToTheCommandCentre() {
    Driver d = new Driver(config().build());
    String id = "P-1";
    Principal urban = Principal.ofDepartment("u-1", URBAN);
    Principal roads = Principal.ofDepartment("r-1", ROADS);
    d.run(
        Principal.resident("r"),
        id,
        at("2025-03-05T10:00"),
        new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.HOTLINE_12345, GRID2)));
    d.run(
        Principal.inRegion("gw", Role.GRID_WORKER, GRID2),
        id,
        at("2025-03-05T10:05"),
        new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, at("2025-03-05T10:08"), new Command.Register());
    d.run(districtDispatcher(), id, at("2025-03-05T10:10"), Command.Dispatch.to(URBAN));
    var first =
        d.run(urban, id, at("2025-03-05T10:30"), new Command.Return(URBAN, "a road matter"));
    var second =
        d.run(
            roads,
            id,
            at("2025-03-05T11:00"),
            new Command.Return(ROADS, "a city-appearance matter"));

    assertThat(lines(first))
        .containsExactly(
            l("03-05 10:30", new EventPayload.Returned(URBAN, "a road matter")),
            l("03-05 10:30", new EventPayload.Dispatched(ROADS, HandlerRole.LEAD)));
    assertThat(lines(second))
        .containsExactly(
            l("03-05 11:00", new EventPayload.Returned(ROADS, "a city-appearance matter")),
            l(
                "03-05 11:00",
                new EventPayload.Escalated(EscalationCause.RETURN, ROADS, COMMAND_CENTRE)));
    CaseState s = d.engine.state(CaseId.of(id)).orElseThrow();
    assertThat(s.lead()).contains(COMMAND_CENTRE);
    assertThat(s.returnedBy()).containsExactly(ROADS, URBAN);
    assertThat(s.status()).isEqualTo(CaseStatus.DISPATCHED);
    // engine-made events carry the engine's actor
    assertThat(second.get(1).actor().id()).isEqualTo("gridgov-engine");
  }

  @Test
  void
      putianBalconyDispute_villageToDistrict_naturalResourcesLeadsWithHousingAndSurvey_closedWithinAWeek() {
    Driver d = new Driver(config().build());
    String id = "B-1";
    Principal resident = Principal.resident("resident-lin");
    Principal villageLeader = Principal.inRegion("village-head", Role.LEADER, VILLAGE);
    Principal townDispatcher = Principal.inRegion("town-disp", Role.DISPATCHER, TOWNSHIP);
    Principal districtLeader = Principal.inRegion("district-leader", Role.LEADER, DISTRICT);
    Principal nr = Principal.ofDepartment("nr-1", NATURAL_RESOURCES);
    d.run(
        resident,
        id,
        at("2025-03-10T09:00"),
        new Command.Report(facts(id, "0501", Priority.NORMAL, CaseSource.HOTLINE_12345, VGRID)));
    d.run(
        Principal.inRegion("gw-v", Role.GRID_WORKER, VGRID),
        id,
        at("2025-03-10T09:30"),
        new Command.Verify(true, ""));
    d.run(townDispatcher, id, at("2025-03-10T10:00"), new Command.Register());
    d.run(townDispatcher, id, at("2025-03-10T10:00"), Command.Dispatch.byPolicy());
    d.run(
        villageLeader,
        id,
        at("2025-03-10T10:30"),
        new Command.Accept(CaseEngine.officeOf(VILLAGE)));
    d.run(
        villageLeader,
        id,
        at("2025-03-11T15:00"),
        new Command.Escalate(java.util.Optional.empty()));
    d.run(
        districtLeader,
        id,
        at("2025-03-11T16:00"),
        new Command.Escalate(java.util.Optional.empty()));
    d.run(nr, id, at("2025-03-12T09:00"), new Command.Accept(NATURAL_RESOURCES));
    d.run(
        nr,
        id,
        at("2025-03-13T16:00"),
        new Command.Resolve(NATURAL_RESOURCES, "surveyed; balcony cut back"));
    d.run(supervisor(), id, at("2025-03-13T17:00"), new Command.Check(true, ""));
    d.run(districtDispatcher(), id, at("2025-03-13T17:10"), new Command.Close());
    d.run(resident, id, at("2025-03-14T10:00"), new Command.Evaluate(Satisfaction.SATISFIED, true));

    String village = CaseEngine.officeOf(VILLAGE);
    String district = CaseEngine.officeOf(DISTRICT);
    assertThat(lines(d.log))
        .containsExactly(
            l("03-10 09:00", new EventPayload.Reported()),
            l("03-10 09:30", new EventPayload.Verified()),
            l("03-10 10:00", new EventPayload.Registered(at("2025-03-17T10:00"))),
            l("03-10 10:00", new EventPayload.Dispatched(village, HandlerRole.LEAD)),
            l("03-10 10:30", new EventPayload.Accepted(village)),
            l("03-11 15:00", new EventPayload.Escalated(EscalationCause.MANUAL, village, district)),
            l(
                "03-11 16:00",
                new EventPayload.Escalated(EscalationCause.MANUAL, district, NATURAL_RESOURCES)),
            l("03-11 16:00", new EventPayload.Dispatched(HOUSING, HandlerRole.ASSIST)),
            l("03-11 16:00", new EventPayload.Dispatched(SURVEY, HandlerRole.ASSIST)),
            l("03-12 09:00", new EventPayload.Accepted(NATURAL_RESOURCES)),
            l("03-13 16:00", new EventPayload.Resolved("surveyed; balcony cut back")),
            l("03-13 17:00", new EventPayload.CheckPassed()),
            l("03-13 17:10", new EventPayload.Closed()),
            l("03-14 10:00", new EventPayload.Evaluated(Satisfaction.SATISFIED, true)));
    CaseState s = d.engine.state(CaseId.of(id)).orElseThrow();
    assertThat(Duration.between(s.reportedAt().orElseThrow(), s.closedAt().orElseThrow()))
        .isLessThan(Duration.ofDays(7));
    assertThat(s.status()).isEqualTo(CaseStatus.EVALUATED);
    assertThat(CaseLifecycle.replay(CaseId.of(id), d.log)).isEqualTo(s);
  }

  @Test
  void springFestivalSuspension_clocksDoNotRun_deadlinesMoveByTheLostWorkingTime() {
    BusinessCalendar cal = ChinaCalendar.calendar();
    Driver d = new Driver(config().build());
    String id = "F-1";
    Principal gw = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
    CaseId cid = CaseId.of(id);
    d.run(
        gw,
        id,
        at("2025-01-20T10:00"),
        new Command.Report(facts(id, "0601", Priority.NORMAL, CaseSource.GRID_PATROL, GRID1)));
    d.run(gw, id, at("2025-01-20T10:00"), new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, at("2025-01-20T10:00"), new Command.Register());
    d.run(
        districtDispatcher(),
        id,
        at("2025-01-20T10:00"),
        Command.Dispatch.to(CaseEngine.officeOf(GRID1)));
    d.run(gw, id, at("2025-01-20T10:30"), new Command.Accept(CaseEngine.officeOf(GRID1)));
    Instant suspendAt = at("2025-01-22T10:00");
    Instant resumeAt = at("2025-02-05T09:00");
    d.run(
        districtDispatcher(),
        id,
        suspendAt,
        new Command.Suspend("owner away for the Spring Festival"));
    SlaClock leadAtSuspension =
        d.engine.clocks(cid).orElseThrow().clock(CaseEngine.LEAD_CLOCK).orElseThrow();
    // Unsuspended, the 4-working-day lead clock would have breached on Fri 2025-01-24 10:00.
    var whileSuspended = d.advance(resumeAt);
    var resumed = d.run(districtDispatcher(), id, resumeAt, new Command.Resume());
    var later = d.advance(at("2025-02-06T18:00"));

    assertThat(whileSuspended).isEmpty();
    assertThat(leadAtSuspension.elapsed(resumeAt)).isEqualTo(leadAtSuspension.elapsed(suspendAt));
    // lost working time: Wed 10:00-12:00 and 13:30-17:30 (6 h), Thu and Fri (7 h each),
    // make-up Sunday 01-26 and Monday 01-27 (7 h each); 01-28..02-04 are holidays
    Duration lost = cal.workingTimeBetween(suspendAt, resumeAt);
    assertThat(lost).isEqualTo(Duration.ofHours(6 + 4 * 7));
    Instant registeredDue = ((EventPayload.Registered) d.log.get(2).payload()).dueAt();
    assertThat(lines(resumed))
        .containsExactly(
            l("02-05 09:00", new EventPayload.Resumed(cal.plusWorkingTime(registeredDue, lost))));
    // budget Mon 10:00 -> Fri 10:00 = 6 + 7 + 7 + 7 + 1 = 28 h; elapsed before the pause 6 + 7 + 1
    // = 14 h;
    // yellow at 22.4 h: Wed 02-05 (7 h) + 1 h 24 min = Thu 02-06 10:24; red at 28 h: Thu 17:30
    assertThat(lines(later))
        .containsExactly(
            l(
                "02-06 10:24",
                new EventPayload.SlaWarning(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE, 1)),
            l("02-06 17:30", new EventPayload.SlaBreached(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE)),
            l(
                "02-06 17:30",
                new EventPayload.Escalated(
                    EscalationCause.BREACH,
                    CaseEngine.officeOf(GRID1),
                    CaseEngine.officeOf(COMMUNITY))));
  }
}
