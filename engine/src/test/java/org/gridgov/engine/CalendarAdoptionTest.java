package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Role;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WarningLevel;
import org.junit.jupiter.api.Test;

/**
 * Which clocks follow a newly adopted calendar edition: a running or paused clock whose breach has
 * not fired; a stopped clock, or one whose breach level (the deadline itself) fired, stays on its
 * edition. Warning levels before the breach, fired or not, do not hold a clock back.
 */
class CalendarAdoptionTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final Instant START = Fixture.at("2025-03-03T09:00");
  private static final ImmutableList<WarningLevel> LEVELS =
      ImmutableList.of(
          WarningLevel.atFraction("yellow", 0.8),
          WarningLevel.before("an hour before", Duration.ofHours(1)),
          WarningLevel.breach("red"),
          WarningLevel.atFraction("double", 2.0));

  /** A running clock with the given levels fired (bit i for LEVELS[i]). */
  private static SlaClock clock(long fired) {
    return new SlaClockForm(
            "lead",
            SlaLimit.natural(Duration.ofHours(10)),
            LEVELS,
            CAL.edition(),
            START,
            ImmutableList.of(START),
            SlaClock.State.RUNNING,
            fired,
            START.plus(Duration.ofHours(9)))
        .toClock(CAL);
  }

  @Test
  void aClockFollowsUnlessStoppedOrItsBreachFired() {
    assertThat(CalendarAdoption.follows(clock(0))).isTrue();
    assertThat(CalendarAdoption.follows(clock(0b0001))).as("yellow fired").isTrue();
    assertThat(CalendarAdoption.follows(clock(0b0010))).as("an hour before fired").isTrue();
    assertThat(CalendarAdoption.follows(clock(0b0011))).as("both warnings fired").isTrue();
    assertThat(CalendarAdoption.follows(clock(0b0100))).as("the breach fired").isFalse();
    assertThat(CalendarAdoption.follows(clock(0b0111))).as("all up to the breach").isFalse();
    assertThat(CalendarAdoption.follows(clock(0b1000))).as("past-deadline level only").isTrue();
    assertThat(CalendarAdoption.follows(clock(0).pause(START.plus(Duration.ofHours(9))))).isTrue();
    assertThat(CalendarAdoption.follows(clock(0).stop(START.plus(Duration.ofHours(9))))).isFalse();
  }

  @Test
  void replayingARevisionOfAClockTheCaseDoesNotRunIsRefused() {
    CaseEvent ev =
        CaseEvent.of(
            CaseId.of("C-9"),
            4,
            START,
            Actor.of("gridgov-engine", Role.DISPATCHER),
            new EventPayload.DeadlineRevised(
                "lead", START.plusSeconds(60), START.plusSeconds(120), CAL.edition(), false));

    assertThatThrownBy(
            () ->
                CalendarAdoption.replay(
                    CaseClocks.empty(), (EventPayload.DeadlineRevised) ev.payload(), ev))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case C-9 event #4 revises clock lead, which the case does not run");
  }
}
