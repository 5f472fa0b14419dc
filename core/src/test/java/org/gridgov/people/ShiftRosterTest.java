package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/** Shift patterns on the China calendar and the on-duty coverage query. */
class ShiftRosterTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final ShiftPattern DAY =
      ShiftPattern.of(
          "day",
          List.of(
              new ShiftPattern.Window(
                  ShiftPattern.Days.WORKING_DAYS, LocalTime.of(8, 30), LocalTime.of(17, 30))));
  private static final ShiftPattern NIGHT =
      ShiftPattern.of(
          "night",
          List.of(
              new ShiftPattern.Window(
                  ShiftPattern.Days.EVERY_DAY, LocalTime.of(20, 0), LocalTime.of(8, 0))));
  private static final ShiftPattern HOLIDAY_DUTY =
      ShiftPattern.of(
          "holiday_duty",
          List.of(
              new ShiftPattern.Window(
                  ShiftPattern.Days.REST_DAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))));

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  @Test
  void dayShiftFollowsTheCalendarNotTheWeekday() {
    assertThat(DAY.onDuty(at("2025-03-04T08:30"), CAL)).isTrue();
    assertThat(DAY.onDuty(at("2025-03-04T17:30"), CAL)).isFalse(); // end exclusive
    assertThat(DAY.onDuty(at("2025-03-04T08:29"), CAL)).isFalse();
    assertThat(DAY.onDuty(at("2025-05-01T10:00"), CAL)).isFalse(); // Labour Day, a Thursday
    assertThat(DAY.onDuty(at("2025-04-27T10:00"), CAL)).isTrue(); // make-up Sunday
    assertThat(HOLIDAY_DUTY.onDuty(at("2025-05-01T10:00"), CAL)).isTrue();
    assertThat(HOLIDAY_DUTY.onDuty(at("2025-04-27T10:00"), CAL)).isFalse();
  }

  @Test
  void nightShiftRunsPastMidnight() {
    assertThat(NIGHT.onDuty(at("2025-03-04T20:00"), CAL)).isTrue();
    assertThat(NIGHT.onDuty(at("2025-03-05T07:59"), CAL)).isTrue();
    assertThat(NIGHT.onDuty(at("2025-03-05T08:00"), CAL)).isFalse();
    assertThat(NIGHT.onDuty(at("2025-03-05T19:59"), CAL)).isFalse();
  }

  @Test
  void coverersOnDutyRespectShiftsAndKeepUnrosteredPersons() {
    RegionTree tree = PeopleFixtures.smallTree();
    long grid = tree.regionsAt(RegionLevel.GRID).get(0).code();
    long community = tree.get(grid).parent().orElseThrow().code();
    Instant from = at("2024-01-01T00:00");
    PersonId day = PersonId.of("p-day");
    PersonId night = PersonId.of("p-night");
    PersonId always = PersonId.of("p-unrostered");
    PersonId elsewhere = PersonId.of("p-other-role");
    StaffRegistry registry =
        StaffRegistry.of(
            tree,
            StaffRoles.standard(),
            PeopleFixtures.EDITION,
            ImmutableList.of(
                Assignment.from(day, "grid_worker", grid, from),
                Assignment.from(night, "grid_worker", community, from),
                Assignment.from(always, "grid_worker", community, from),
                Assignment.from(elsewhere, "police", grid, from)));
    ShiftRoster roster = ShiftRoster.of(CAL, ImmutableMap.of(day, DAY, night, NIGHT));
    assertThat(registry.coverers(grid, "grid_worker", at("2025-03-04T10:00")))
        .containsExactly(day, night, always);
    assertThat(roster.coverersOnDuty(registry, grid, "grid_worker", at("2025-03-04T10:00")))
        .containsExactly(day, always);
    assertThat(roster.coverersOnDuty(registry, grid, "grid_worker", at("2025-03-04T23:00")))
        .containsExactly(night, always);
    assertThat(roster.coverersOnDuty(registry, grid, "grid_worker", at("2025-05-01T10:00")))
        .containsExactly(always);
    assertThat(roster.coverersOnDuty(registry, grid, "police", at("2025-05-01T10:00")))
        .containsExactly(elsewhere);
    assertThat(roster.toString()).doesNotContain("p-day");
  }
}
