package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseClocksTest {

  private static final BusinessCalendar CN = ChinaCalendar.calendar();

  private static Instant at(String ldt) {
    return LocalDateTime.parse(ldt).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Test
  void severalClocksPauseTogetherAndFireInOneDocumentedOrder() {
    Instant t0 = at("2025-03-03T09:00");
    List<WarningLevel> red = List.of(WarningLevel.breach("red"));
    CaseClocks clocks =
        CaseClocks.empty()
            .with(SlaClock.start("case", SlaLimit.workingHours(2), red, CN, t0))
            .with(SlaClock.start("lead", SlaLimit.workingHours(2), red, CN, t0))
            .with(SlaClock.start("assist", SlaLimit.workingHours(1), red, CN, t0));
    clocks = clocks.pauseAll(at("2025-03-03T09:30")).resumeAll(at("2025-03-03T10:30"));
    // case and lead: 0.5 h + from 10:30 1.5 h -> 12:00 (simultaneous); assist: 0.5 h + 0.5 h -> 11:00
    CaseClocks.Advance a = clocks.advance(at("2025-03-03T15:00"));
    assertThat(a.fired()).extracting(SlaClock.Warning::clock).containsExactly("assist", "case", "lead");
    assertThat(a.fired()).extracting(SlaClock.Warning::reachedAt)
        .containsExactly(at("2025-03-03T11:00"), at("2025-03-03T12:00"), at("2025-03-03T12:00"));
    assertThat(a.clocks().advance(at("2025-03-03T16:00")).fired()).isEmpty();
  }

  @Test
  void newEditionReportsMovedDeadlines() {
    Instant t0 = at("2025-03-03T16:00");
    CaseClocks clocks =
        CaseClocks.empty()
            .with(SlaClock.start("case", SlaLimit.workingHours(2), List.of(), CN, t0)) // Tue 09:30
            .with(SlaClock.start("lead", SlaLimit.workingHours(1), List.of(), CN, t0)); // Mon 17:00
    BusinessCalendar edition = CN.toBuilder().edition("e2").holiday(LocalDate.of(2025, 3, 4)).build();
    CaseClocks.Replan r = clocks.withCalendar(edition);
    assertThat(r.moves()).containsExactly(new CaseClocks.DeadlineMove("case", java.util.Optional.of(at("2025-03-04T09:30")),
        java.util.Optional.of(at("2025-03-05T09:30"))));
    assertThat(r.clocks().clock("lead").orElseThrow().calendar().edition()).isEqualTo("e2");
  }
}
