package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Role;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.HolidayNotice;
import org.gridgov.sla.SlaClock;
import org.junit.jupiter.api.Test;

/**
 * The supervision clock counts on the calendar edition in force: a supervision opened on Christmas
 * Eve 2026 with five working days is due on the provisional 2027 calendar; the official notice,
 * adopted as a new edition, moves its deadline by a {@code DeadlineRevised} event like every other
 * clock, the supervision shows the new deadline, the breach (and the level's escalation) comes at
 * the new deadline, and restore reproduces it.
 */
class SupervisionCalendarTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final Principal SUPERVISOR = Principal.inRegion("sup-1", Role.SUPERVISOR, 350302L);
  private static final CaseId A = CaseId.of("A");
  private static final String POLICY =
      """
      level 一般督办 working-days 5 same-clock-time
      level 重点督办 natural PT24H
      """;

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  private static CaseEngine.Builder config(String policy) {
    return CaseEngineCalendarTest.config(CaseEngineCalendarTest.provisional2027())
        .supervisionPolicy(SupervisionPolicy.parse(policy, "test-policy"));
  }

  private static List<CaseEvent> open(CaseEngine engine) {
    List<CaseEvent> log =
        new ArrayList<>(CaseEngineCalendarTest.register(engine, "A", at("2026-12-21T10:00")));
    Instant t = at("2026-12-24T18:00");
    log.addAll(engine.advanceTo(t));
    log.addAll(
        engine.execute(
            Command.of("sup", SUPERVISOR, A, t, new Command.OpenSupervision("一般督办", "test"))));
    return log;
  }

  @Test
  void aNewEdition_movesTheSupervisionDeadline_andTheBreachComesAtTheNewOne() {
    CaseEngine engine = config(POLICY).build();
    List<CaseEvent> log = open(engine);
    // after hours on Thu 12-24: Mon 28 .. Thu 31, then the provisional 元旦 Fri 01-01: Mon 01-04
    assertThat(engine.supervision(A).orElseThrow().dueAt()).isEqualTo(at("2027-01-04T09:00"));

    BusinessCalendar cn2027 =
        ChinaCalendar.withNotice(
            engine.calendarEditions().latest(),
            HolidayNotice.parseDayList(
                2027, new StringReader(CaseEngineCalendarTest.NOTICE_2027), "2027.txt"),
            "cn-2027");
    log.addAll(engine.advanceTo(at("2026-12-28T07:59")));
    ImmutableList<CaseEvent> revised = engine.adoptCalendar(cn2027, at("2026-12-28T08:00"));
    log.addAll(revised);

    assertThat(revised)
        .extracting(CaseEvent::payload)
        .contains(
            new EventPayload.DeadlineRevised(
                ClockId.SUPERVISION.name(),
                at("2027-01-04T09:00"),
                at("2027-01-05T09:00"),
                "cn-2027",
                false));
    assertThat(engine.supervision(A).orElseThrow().dueAt()).isEqualTo(at("2027-01-05T09:00"));

    List<CaseEvent> around = new ArrayList<>(engine.advanceTo(at("2027-01-04T23:00")));
    assertThat(around).noneMatch(e -> e.payload() instanceof EventPayload.SupervisionEscalated);
    around.addAll(engine.advanceTo(at("2027-01-05T09:00")));
    assertThat(around)
        .filteredOn(e -> e.payload() instanceof EventPayload.SupervisionEscalated)
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(at("2027-01-05T09:00")));
    log.addAll(around);
    assertThat(engine.supervision(A).orElseThrow().level()).isEqualTo("重点督办");
    assertThat(engine.supervision(A).orElseThrow().dueAt()).isEqualTo(at("2027-01-06T09:00"));

    CaseEngine restored =
        CaseEngine.restore(
            config(POLICY).calendarEditions(engine.calendarEditions()),
            Map.of(A, CaseEngineCalendarTest.facts("A")),
            log);
    assertThat(restored.snapshot()).isEqualTo(engine.snapshot());
    assertThat(restored.supervision(A)).isEqualTo(engine.supervision(A));
  }

  @Test
  void withoutANewEdition_theDeadlineStands() {
    CaseEngine engine = config(POLICY).build();
    var log = open(engine);
    log.addAll(engine.advanceTo(at("2027-01-04T09:00")));
    assertThat(log)
        .filteredOn(e -> e.payload() instanceof EventPayload.SupervisionEscalated)
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(at("2027-01-04T09:00")));
  }

  @Test
  void restoreUnderAnotherLevelLimit_stillReachesTheRecordedDeadline() {
    CaseEngine engine = config(POLICY).build();
    List<CaseEvent> log = open(engine);
    CaseEngine restored =
        CaseEngine.restore(
            config("level 一般督办 natural PT1H\nlevel 重点督办 natural PT24H"),
            Map.of(A, CaseEngineCalendarTest.facts("A")),
            log);
    Optional<SlaClock> clock = restored.clocks(A).orElseThrow().clock(ClockId.SUPERVISION.name());
    assertThat(clock.orElseThrow().deadline()).contains(at("2027-01-04T09:00"));
    assertThat(restored.supervision(A)).isEqualTo(engine.supervision(A));
  }
}
