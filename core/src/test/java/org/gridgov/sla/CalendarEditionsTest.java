package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarEditionsTest {

  private static Instant at(String ldt) {
    return LocalDateTime.parse(ldt).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Test
  void reportsOnlyTheDeadlinesThatMoveAndNewlyComputableOnes() {
    BusinessCalendar base =
        ChinaCalendar.calendar(0); // the official years only: 2027 is not computable
    // A city declares Fri 2026-12-25 a local holiday and the 2027 New Year's Day, extending the
    // coverage.
    BusinessCalendar local =
        base.toBuilder()
            .edition("city-2027")
            .coverage(base.firstDate(), LocalDate.of(2027, 12, 31))
            .holiday(LocalDate.of(2026, 12, 25))
            .holiday(LocalDate.of(2027, 1, 1))
            .build();
    CalendarEditions editions = CalendarEditions.of(base).with(local);
    assertThat(editions.latest()).isSameAs(local);
    assertThat(editions.asOf("cn-2007-2026")).isSameAs(base);
    SlaLimit three = SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME);
    List<CalendarEditions.OpenDeadline> open =
        List.of(
            new CalendarEditions.OpenDeadline(
                1, at("2026-12-22T10:00"), three), // Tue: Wed, Thu, Fri 12-25 -> moves
            new CalendarEditions.OpenDeadline(2, at("2026-03-02T10:00"), three), // unaffected
            new CalendarEditions.OpenDeadline(3, at("2026-12-30T10:00"), three)); // needs 2027
    List<CalendarEditions.DeadlineChange> changes =
        editions.changes("cn-2007-2026", "city-2027", open);
    // #1: Wed 12-23, Thu 12-24, (Fri 12-25 off) Mon 12-28 -> 10:00 (was Fri 12-25 10:00)
    // #3: Thu 12-31, (Fri 01-01 off) Mon 01-04, Tue 01-05 -> 10:00 (not computable before)
    assertThat(changes)
        .containsExactly(
            new CalendarEditions.DeadlineChange(
                1, Optional.of(at("2026-12-25T10:00")), Optional.of(at("2026-12-28T10:00"))),
            new CalendarEditions.DeadlineChange(
                3, Optional.empty(), Optional.of(at("2027-01-05T10:00"))));
    assertThat(local.datesThatDiffer(base)).containsExactly(LocalDate.of(2026, 12, 25));
  }

  @Test
  void editionNamesAreUnique() {
    BusinessCalendar base = ChinaCalendar.calendar();
    assertThatThrownBy(() -> CalendarEditions.of(base).with(base.toBuilder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ChinaCalendar.EDITION);
    assertThatThrownBy(() -> CalendarEditions.of(base).asOf("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void adopted_editionsAreInForceFromTheirInstant_andComparisonOnlyEditionsNever() {
    BusinessCalendar first = ChinaCalendar.calendar();
    BusinessCalendar second = first.toBuilder().edition("second").build();
    BusinessCalendar third = first.toBuilder().edition("third").build();
    BusinessCalendar draft = first.toBuilder().edition("draft").build();
    Instant t2 = Instant.parse("2026-12-10T00:00:00Z");
    Instant t3 = Instant.parse("2027-01-10T00:00:00Z");
    CalendarEditions e =
        CalendarEditions.of(first).adopted(second, t2).with(draft).adopted(third, t3);
    assertThat(e.inForceAt(Instant.MIN)).isSameAs(first);
    assertThat(e.inForceAt(t2.minusMillis(1))).isSameAs(first);
    assertThat(e.inForceAt(t2)).isSameAs(second);
    assertThat(e.inForceAt(t3.minusMillis(1))).isSameAs(second);
    assertThat(e.inForceAt(t3)).isSameAs(third);
    assertThat(e.latestAdoption()).contains(t3);
    assertThat(e.entries())
        .extracting(CalendarEditions.Edition::adoptedAt)
        .containsExactly(Optional.empty(), Optional.of(t2), Optional.empty(), Optional.of(t3));
    assertThat(CalendarEditions.of(first).latestAdoption()).isEmpty();
  }

  @Test
  void adopted_mustComeAfterThePreviousAdoption_andTakeANewName() {
    BusinessCalendar first = ChinaCalendar.calendar();
    Instant t = Instant.parse("2026-12-10T00:00:00Z");
    CalendarEditions e =
        CalendarEditions.of(first).adopted(first.toBuilder().edition("b").build(), t);
    assertThatThrownBy(() -> e.adopted(first.toBuilder().edition("c").build(), t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be adopted at 2026-12-10T00:00:00Z")
        .hasMessageContaining("edition b");
    assertThatThrownBy(() -> e.adopted(first.toBuilder().edition("b").build(), t.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar edition b already exists");
  }
}
