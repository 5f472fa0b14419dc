package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's events, derived from its two policies: the routing table (new case → {@code
 * office@GRID}; breach → {@code escalate}, i.e. the parent region's office) and the SLA text
 * (handle in 4 working hours with yellow at 80 %, whole case in 5 working days), on the China
 * calendar (09:00–12:00, 13:30–17:30 on workdays).
 */
class QuickstartExampleTest {
  private static final String GRID_OFFICE = "office:350302001001001";
  private static final String COMMUNITY_OFFICE = "office:350302001001";
  private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T01:00:00Z");
  private static final BusinessCalendar CALENDAR = ChinaCalendar.calendar();

  private static List<CaseEvent> run(StringBuilder printed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<CaseEvent> events =
        QuickstartExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    printed.append(bytes.toString(StandardCharsets.UTF_8));
    return events;
  }

  @Test
  void caseGoesToTheGridThenIsWarnedBreachedAndEscalatedToTheCommunity() {
    List<CaseEvent> events = run(new StringBuilder());

    Instant due =
        CALENDAR.plus(MONDAY_0900, SlaLimit.workingDays(5, WorkingDayRule.END_OF_WORKING_DAY));
    assertThat(events.stream().map(CaseEvent::payload))
        .containsExactly(
            new EventPayload.Reported(),
            new EventPayload.Verified(),
            new EventPayload.Registered(due),
            new EventPayload.Dispatched(GRID_OFFICE, HandlerRole.LEAD),
            new EventPayload.SlaWarning("lead", SlaStage.HANDLE, 1),
            new EventPayload.SlaBreached("lead", SlaStage.HANDLE),
            new EventPayload.Escalated(EscalationCause.BREACH, GRID_OFFICE, COMMUNITY_OFFICE));
  }

  @Test
  void warningAndBreachFallOnTheBusinessCalendarNotOnTheWallClock() {
    List<CaseEvent> events = run(new StringBuilder());

    // 80 % of 4 working hours = 3 h 12 min of working time: 09:00-12:00, then 12 minutes after the
    // lunch break.
    Instant yellow = CALENDAR.plus(MONDAY_0900, SlaLimit.workingTime(Duration.ofMinutes(192)));
    Instant breach = CALENDAR.plus(MONDAY_0900, SlaLimit.workingHours(4));
    assertThat(yellow).isEqualTo(Instant.parse("2025-03-03T05:42:00Z")); // 13:42 in Shanghai
    assertThat(breach).isEqualTo(Instant.parse("2025-03-03T06:30:00Z")); // 14:30 in Shanghai
    assertThat(events.get(4).at()).isEqualTo(yellow);
    assertThat(events.get(5).at()).isEqualTo(breach);
    assertThat(events.get(6).at()).isEqualTo(breach);
    assertThat(events.subList(0, 4)).allSatisfy(e -> assertThat(e.at()).isEqualTo(MONDAY_0900));
  }

  @Test
  void escalationRestartsTheHandlingClockSoTheCommunityIsNotWarnedTheSameDay() {
    List<CaseEvent> events = run(new StringBuilder());

    // transfer RESTART: the community's 4 working hours start at 14:30; its yellow is 3 h 12 min
    // later in working
    // time, i.e. after 17:30 on Monday, later than the 18:00 the example advances to.
    Instant communityYellow =
        CALENDAR.plus(
            Instant.parse("2025-03-03T06:30:00Z"), SlaLimit.workingTime(Duration.ofMinutes(192)));
    assertThat(communityYellow).isAfter(MONDAY_0900.plus(Duration.ofHours(9)));
    assertThat(events).hasSize(7);
  }

  @Test
  void printsOneLinePerEventInBeijingTimeWithItsActor() {
    StringBuilder printed = new StringBuilder();
    List<CaseEvent> events = run(printed);

    List<String> lines = printed.toString().lines().toList();
    assertThat(lines).hasSameSizeAs(events);
    assertThat(lines.get(0)).startsWith("09:00 gw-1").contains("Reported");
    assertThat(lines.get(3)).startsWith("09:00 centre-1").contains(GRID_OFFICE);
    assertThat(lines.get(4)).startsWith("13:42 gridgov-engine").contains("SlaWarning");
    assertThat(lines.get(6)).startsWith("14:30 gridgov-engine").contains(COMMUNITY_OFFICE);
  }
}
