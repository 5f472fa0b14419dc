package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
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
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.HolidayNotice;
import org.gridgov.sla.OutsideCalendarException;
import org.gridgov.sla.SlaPolicy;
import org.junit.jupiter.api.Test;

/**
 * The turn of the year: cases registered in late December 2026 get deadlines on the provisional
 * 2027 calendar; the official 2027 notice, adopted as a new edition, revises them by event; restore
 * reproduces it.
 */
class CaseEngineCalendarTest {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final long GRID = 350302001001001L;
  private static final RegionTree TREE =
      RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
          .addDistrict(350302L, "城厢区")
          .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
          .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
          .add(RegionLevel.GRID, GRID, 350302001001L, "第一网格")
          .build();
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID);
  private static final Principal CENTRE = Principal.inRegion("centre-1", Role.DISPATCHER, 350302L);

  /**
   * The 2027 notice as a test fixture (the real one is not published yet): 元旦 Fri 01-01 to Mon
   * 01-04 off (a bridge day the provisional year does not predict), Sat 01-09 worked.
   */
  static final String NOTICE_2027 =
      """
      # fixture, not the real 2027 notice
      2027-01-01 off 元旦
      2027-01-02 off 元旦
      2027-01-03 off 元旦
      2027-01-04 off 元旦
      2027-01-09 work 元旦
      """;

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  /**
   * The built-in calendar: official up to 2026, then provisional years predicted from the statutory
   * rules.
   */
  static BusinessCalendar provisional2027() {
    return ChinaCalendar.calendar();
  }

  static CaseEngine.Builder config(BusinessCalendar calendar) {
    RoutingGraph graph = RoutingGraph.builder(TREE).build();
    return CaseEngine.builder()
        .regionTree(TREE)
        .routingGraph(graph)
        .routingPolicy(
            PolicyTable.parse(
                    new StringReader(
                        """
            category,region,priority,point,holder,action
            *,*,*,NEW_CASE,none,assign office@GRID
            *,*,*,BREACH,*,escalate
            """),
                    "policy.csv")
                .compile(graph))
        .slaPolicy(
            SlaPolicy.parse(
                new StringReader(
                    """
            levels     yellow@0.8 red@1.0
            transfer   RESTART
            whole-case * * * working-days 5 same-clock-time
            """),
                "sla.txt"))
        .calendar(calendar);
  }

  static CaseFacts facts(String id) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0102")
        .priority(Priority.NORMAL)
        .kind(CaseKind.IMMEDIATE)
        .source(CaseSource.GRID_PATROL)
        .locationCodes(ImmutableLongArray.of(GRID))
        .build();
  }

  /** Reports, verifies and registers a case at an instant; returns the events. */
  static List<CaseEvent> register(CaseEngine engine, String id, Instant t) {
    List<CaseEvent> out = new ArrayList<>(engine.advanceTo(t));
    CaseId c = CaseId.of(id);
    out.addAll(engine.execute(Command.of(id + "-1", WORKER, c, t, new Command.Report(facts(id)))));
    out.addAll(engine.execute(Command.of(id + "-2", WORKER, c, t, new Command.Verify(true, ""))));
    out.addAll(engine.execute(Command.of(id + "-3", CENTRE, c, t, new Command.Register())));
    return out;
  }

  private static EventPayload.Registered registered(List<CaseEvent> events) {
    return (EventPayload.Registered) events.get(events.size() - 1).payload();
  }

  @Test
  void registeredOnChristmasEve_getsAProvisional2027Deadline_whichTheOfficialNoticeRevises() {
    CaseEngine engine = config(provisional2027()).build();
    List<CaseEvent> log = new ArrayList<>();
    // An official deadline for comparison: registered Mon 12-21 10:00 -> Mon 12-28 10:00, all
    // official days.
    log.addAll(register(engine, "B", at("2026-12-21T10:00")));
    assertThat(registered(log))
        .isEqualTo(new EventPayload.Registered(at("2026-12-28T10:00"), false));
    // Thu 2026-12-24 18:00, after hours: the count starts Fri 12-25 09:00; working days Mon 28, Tue
    // 29, Wed 30,
    // Thu 31, then Fri 2027-01-01 is off (元旦, provisional) and the weekend: the 5th is Mon 01-04,
    // 09:00.
    log.addAll(register(engine, "A", at("2026-12-24T18:00")));
    assertThat(registered(log))
        .isEqualTo(new EventPayload.Registered(at("2027-01-04T09:00"), true));
    // B's yellow (80 % of 35 working hours = 28 h) is reached Fri 12-25 10:00 and fires here.
    log.addAll(engine.advanceTo(at("2026-12-25T12:00")));
    BusinessCalendar cn2027 =
        ChinaCalendar.withNotice(
            engine.calendarEditions().latest(),
            HolidayNotice.parseDayList(2027, new StringReader(NOTICE_2027), "2027.txt"),
            "cn-2027");

    ImmutableList<CaseEvent> revised = engine.adoptCalendar(cn2027, at("2026-12-28T08:00"));

    // Mon 01-04 is now a holiday: the 5th working day is Tue 01-05, same clock time 09:00. B is
    // unaffected.
    assertThat(revised)
        .extracting(CaseEvent::payload)
        .containsExactly(
            new EventPayload.DeadlineRevised(
                CaseState.WHOLE_CASE_CLOCK,
                at("2027-01-04T09:00"),
                at("2027-01-05T09:00"),
                "cn-2027",
                false));
    assertThat(revised.get(0).caseId()).isEqualTo(CaseId.of("A"));
    assertThat(revised.get(0).at()).isEqualTo(at("2026-12-28T08:00"));
    assertThat(engine.state(CaseId.of("A")).orElseThrow().dueAt()).contains(at("2027-01-05T09:00"));
    assertThat(
            engine
                .clocks(CaseId.of("A"))
                .orElseThrow()
                .clock(CaseState.WHOLE_CASE_CLOCK)
                .orElseThrow()
                .due())
        .contains(new org.gridgov.sla.Deadline(at("2027-01-05T09:00"), false, "cn-2027"));
    log.addAll(revised);

    // New cases count on the new edition: from Thu 12-31 10:00, Jan 1-4 are off; Tue 5, Wed 6, Thu
    // 7, Fri 8 and
    // the make-up Saturday 01-09 are the five working days. The old deadline passes without a
    // breach of A.
    log.addAll(register(engine, "C", at("2026-12-31T10:00")));
    assertThat(registered(log))
        .isEqualTo(new EventPayload.Registered(at("2027-01-09T10:00"), false));
    List<CaseEvent> around = new ArrayList<>(engine.advanceTo(at("2027-01-04T23:00")));
    assertThat(around)
        .noneMatch(
            e ->
                e.caseId().equals(CaseId.of("A"))
                    && e.payload() instanceof EventPayload.SlaBreached);
    around.addAll(engine.advanceTo(at("2027-01-05T09:00")));
    assertThat(around)
        .anyMatch(
            e ->
                e.caseId().equals(CaseId.of("A"))
                    && e.payload() instanceof EventPayload.SlaBreached
                    && e.at().equals(at("2027-01-05T09:00")));
    log.addAll(around);

    CaseEngine restored =
        CaseEngine.restore(
            config(provisional2027()).calendarEditions(engine.calendarEditions()),
            Map.of(
                CaseId.of("A"), facts("A"), CaseId.of("B"), facts("B"), CaseId.of("C"), facts("C")),
            log);
    for (String id : List.of("A", "B", "C")) {
      CaseId c = CaseId.of(id);
      assertThat(restored.state(c)).as(id).isEqualTo(engine.state(c));
      assertThat(restored.clocks(c)).as(id).isEqualTo(engine.clocks(c));
      assertThat(restored.nextDeadline(c)).as(id).isEqualTo(engine.nextDeadline(c));
    }
    assertThat(restored.now()).isEqualTo(engine.now());
    assertThat(restored.snapshot()).isEqualTo(engine.snapshot());
  }

  @Test
  void restore_withoutTheAdoptedEdition_isRefusedNamingIt() {
    CaseEngine engine = config(provisional2027()).build();
    List<CaseEvent> log = new ArrayList<>(register(engine, "A", at("2026-12-24T18:00")));
    BusinessCalendar cn2027 =
        ChinaCalendar.withNotice(
            engine.calendarEditions().latest(),
            HolidayNotice.parseDayList(2027, new StringReader(NOTICE_2027), "2027.txt"),
            "cn-2027");
    log.addAll(engine.adoptCalendar(cn2027, at("2026-12-28T08:00")));
    assertThatThrownBy(
            () ->
                CaseEngine.restore(
                    config(provisional2027()), Map.of(CaseId.of("A"), facts("A")), log))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case A event #4 revises clock case")
        .hasMessageContaining("edition cn-2027")
        .hasMessageContaining("calendarEditions");
  }

  @Test
  void adoptCalendar_refusesAnInstantNotAfterTheEngineTime_orWithADeadlineDue() {
    CaseEngine engine = config(provisional2027()).build();
    assertThat(register(engine, "A", at("2026-12-21T10:00"))).hasSize(3);
    BusinessCalendar next = ChinaCalendar.calendar(11);
    assertThatThrownBy(() -> engine.adoptCalendar(next, at("2026-12-21T10:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the engine's time");
    assertThatThrownBy(() -> engine.adoptCalendar(next, at("2027-01-04T10:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call advanceTo first");
    assertThat(engine.calendarEditions().editions()).hasSize(1); // nothing half-applied
    Instant subMilli = at("2026-12-22T10:00").plusNanos(1);
    assertThatThrownBy(() -> engine.adoptCalendar(next, subMilli))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "adoptCalendar: instant "
                + subMilli
                + " has sub-millisecond digits; use whole milliseconds");
    assertThat(engine.calendarEditions().editions()).hasSize(1);
    // the engine's time is the last command's: the adoption just after it is taken
    assertThat(engine.adoptCalendar(next, at("2026-12-21T10:00").plusMillis(1))).isNotNull();
    assertThat(engine.calendarEditions().editions()).hasSize(2);
  }

  @Test
  void pastTheHorizon_registrationIsRefusedCleanly_andNothingIsHalfApplied() {
    BusinessCalendar official = ChinaCalendar.calendar(0);
    CaseEngine engine = config(official).build();
    Instant t = at("2026-12-24T18:00");
    assertThat(engine.advanceTo(t)).isEmpty();
    CaseId a = CaseId.of("A");
    assertThat(engine.execute(Command.of("1", WORKER, a, t, new Command.Report(facts("A")))))
        .hasSize(1);
    assertThat(engine.execute(Command.of("2", WORKER, a, t, new Command.Verify(true, ""))))
        .hasSize(1);
    CaseState before = engine.state(a).orElseThrow();
    assertThatThrownBy(() -> engine.execute(Command.of("3", CENTRE, a, t, new Command.Register())))
        .isInstanceOf(CommandOutsideCalendarException.class)
        .hasCauseInstanceOf(OutsideCalendarException.class)
        .satisfies(
            x -> {
              CommandRefusedException r = (CommandRefusedException) x;
              assertThat(r.caseId()).isEqualTo(a);
              assertThat(r.actor()).isEqualTo(CENTRE.toString());
              assertThat(r.rule()).isEqualTo(CommandOutsideCalendarException.RULE);
              assertThat(r.getMessage()).contains("centre-1", "case A", "command 3", r.rule());
            })
        .hasMessageContaining("2027-01-01")
        .hasMessageContaining("2007-01-01..2026-12-31");
    assertThat(engine.state(a)).contains(before);
    assertThat(engine.nextDeadline(a)).isEmpty();
  }

  @Test
  void pastTheHorizon_aClockWhoseWarningsLieBeyondIt_isRefusedBeforeAnythingIsCommitted() {
    BusinessCalendar official = ChinaCalendar.calendar(0);
    CaseEngine engine =
        config(official)
            .slaPolicy(
                SlaPolicy.parse(
                    new StringReader(
                        """
            levels     yellow@0.8 red@1.0
            handle     * * * working PT4H
            whole-case * * * natural P30D
            """),
                    "sla.txt"))
            .build();
    Instant t = at("2026-12-31T17:00");
    assertThat(register(engine, "A", t)).hasSize(3);
    CaseId a = CaseId.of("A");
    CaseState before = engine.state(a).orElseThrow();
    // The handling clock's yellow (3.2 working hours) lies in 2027, which this calendar does not
    // cover.
    assertThatThrownBy(
            () -> engine.execute(Command.of("A-4", CENTRE, a, t, Command.Dispatch.byPolicy())))
        .isInstanceOf(CommandOutsideCalendarException.class)
        .hasCauseInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2007-01-01..2026-12-31");
    assertThat(engine.state(a)).contains(before);
    assertThat(engine.clocks(a).orElseThrow().clock("lead")).isEmpty();
    // the engine still works: the whole-case clock is natural time and needs no calendar
    assertThat(engine.advanceTo(at("2027-01-30T18:00")))
        .extracting(e -> e.payload().type())
        .contains(org.gridgov.casefile.EventType.SLA_WARNING);
  }
}
