package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import org.gridgov.TextParseException;
import org.gridgov.people.ShiftPattern;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.simulation.CategoryMix;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Mechanisms;
import org.gridgov.simulation.Patrol;
import org.gridgov.simulation.Roster;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Staff;
import org.gridgov.simulation.Staffing;
import org.gridgov.simulation.Summons;
import org.gridgov.simulation.SupervisionMechanism;
import org.gridgov.simulation.Travel;
import org.gridgov.simulation.WorkSchedule;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  /** Every attribute away from its default, so that a copy that forgets one is caught. */
  static Scenario everyAttribute() {
    return Scenario.builder()
        .name("all")
        .city(new CitySpec.Putian(3))
        .householdsPerGrid(222)
        .start(LocalDateTime.of(2025, 5, 5, 6, 0))
        .warmUp(Duration.ofDays(2))
        .horizon(Duration.ofDays(9))
        .drain(Duration.ofDays(4))
        .casesPerResidentPerYear(2.5)
        .hourlyProfile(ImmutableList.copyOf(Collections.nCopies(24, 2.0)))
        .weekdayProfile(ImmutableList.of(1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 3.0))
        .offDayFactor(0.2)
        .addCategories(new CategoryMix("0101", 2, Distribution.exponential(9), 0.5))
        .staffing(new Staffing(2, 3, 4, 5, 6, 7, ImmutableSortedMap.of("dept:x", 2)))
        .workSchedule(WorkSchedule.ALWAYS)
        .travel(new Travel(1, 2))
        .checkTime(Distribution.fixed(3))
        .calendar(CalendarChoice.ALWAYS_OPEN)
        .routingPolicy("r")
        .slaPolicy("s")
        .putPolicyVariants("v", "t")
        .mechanisms(new Mechanisms(0.1).withPriorities(0.2, true))
        .patrol(Patrol.defaults())
        .staff(new Staff(0.6, 0.1))
        .summons(Summons.defaults())
        .roster(
            Roster.of(
                java.util.List.of(
                    ShiftPattern.of(
                        "day",
                        java.util.List.of(
                            new ShiftPattern.Window(
                                ShiftPattern.Days.EVERY_DAY,
                                java.time.LocalTime.of(8, 0),
                                java.time.LocalTime.of(20, 0))))),
                0.05))
        .supervision(SupervisionMechanism.defaults())
        .handover(true)
        .build();
  }

  @Test
  void overrideChangesOnlyHorizonAndWarmUp() {
    Scenario s = everyAttribute();
    assertThat(Scenarios.override(s, null, null)).isSameAs(s);
    assertThat(Scenarios.override(s, s.horizon(), s.warmUp())).isEqualTo(s);
    Scenario o = Scenarios.override(s, Duration.ofDays(30), null);
    assertThat(o.horizon()).isEqualTo(Duration.ofDays(30));
    assertThat(Scenarios.override(o, s.horizon(), null)).isEqualTo(s);
    assertThat(Scenarios.override(s, null, Duration.ZERO).warmUp()).isEqualTo(Duration.ZERO);
  }

  @Test
  void argumentIsAFileOrABuiltInName() {
    assertThat(Scenarios.load("putian")).isEqualTo(BuiltInScenarios.putian());
    assertThatThrownBy(() -> Scenarios.load("missing.yaml"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> Scenarios.load("nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nowhere' is neither");
  }

  @Test
  void badOverridesNameTheOption() {
    ScenarioOptions zero = new ScenarioOptions();
    zero.horizon = "0d";
    assertThatThrownBy(() -> Scenarios.load("putian", zero))
        .hasMessageContaining("--horizon 0d: must be > 0");
    ScenarioOptions bad = new ScenarioOptions();
    bad.warmUp = "a week";
    assertThatThrownBy(() -> Scenarios.load("putian", bad))
        .hasMessageContaining("--warm-up a week: bad duration");
  }
}
