package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlaClockFormTest {
  private static final List<WarningLevel> LEVELS =
      List.of(
          WarningLevel.atFraction("yellow", 0.5),
          WarningLevel.breach("red"),
          WarningLevel.before("soon", Duration.ofHours(1)));

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  /**
   * A clock taken apart and put back after every step of a random life gives an equal clock, which
   * behaves as the original: the same warnings at the same instants, the same next warning.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roundTripsAtEveryStepAndBehavesAlike(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BusinessCalendar cal = BusinessCalendarTest.randomCalendar(seed);
    Instant start = cal.firstDate().plusDays(r.nextInt(20)).atStartOfDay(cal.zone()).toInstant();
    SlaLimit limit =
        switch (r.nextInt(3)) {
          case 0 -> SlaLimit.natural(Duration.ofHours(1 + r.nextInt(100)));
          case 1 -> SlaLimit.workingTime(Duration.ofMinutes(60 + r.nextInt(3000)));
          default -> SlaLimit.workingDays(1 + r.nextInt(5), WorkingDayRule.SAME_CLOCK_TIME);
        };
    SlaClock clock = SlaClock.start("lead:roads", limit, LEVELS, cal, start);
    Instant t = start;
    Instant end = cal.lastDate().minusDays(30).atStartOfDay(cal.zone()).toInstant();
    for (int step = 0; step < 40 && t.isBefore(end); step++) {
      t = t.plusSeconds(r.nextInt(30_000));
      int op = r.nextInt(4);
      if (op == 0 && clock.state() == SlaClock.State.RUNNING) {
        clock = clock.pause(t);
      } else if (op == 1 && clock.state() == SlaClock.State.PAUSED) {
        clock = clock.resume(t);
      } else if (op == 2 && step > 30 && clock.state() != SlaClock.State.STOPPED) {
        clock = clock.stop(t);
      } else {
        clock = clock.advance(t).clock();
      }
      SlaClock back = SlaClockForm.of(clock).toClock(cal);
      assertThat(back).as("seed %s step %s", seed, step).isEqualTo(clock);
      assertThat(back.nextWarningAt()).isEqualTo(clock.nextWarningAt());
      Instant later = t.plusSeconds(r.nextInt(200_000));
      if (later.isBefore(end)) {
        assertThat(back.advance(later).fired()).isEqualTo(clock.advance(later).fired());
      }
    }
  }

  @Test
  void refusesAnotherEditionAndInconsistentParts() {
    BusinessCalendar cal = BusinessCalendarTest.randomCalendar(7);
    Instant start = cal.firstDate().atStartOfDay(cal.zone()).toInstant();
    SlaClock clock =
        SlaClock.start("case", SlaLimit.natural(Duration.ofHours(4)), LEVELS, cal, start);
    SlaClockForm form = SlaClockForm.of(clock.pause(start.plusSeconds(60)));
    BusinessCalendar other = BusinessCalendarTest.randomCalendar(8);
    if (!other.edition().equals(cal.edition())) {
      assertThatThrownBy(() -> form.toClock(other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("counts on calendar edition '" + cal.edition() + "'");
    }
    assertThatThrownBy(
            () ->
                new SlaClockForm(
                    "case",
                    form.limit(),
                    form.levels(),
                    form.calendarEdition(),
                    start,
                    form.history(),
                    SlaClock.State.RUNNING,
                    0,
                    form.seen()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clock case: 2 boundaries do not fit state RUNNING");
    assertThatThrownBy(
            () ->
                new SlaClockForm(
                    "case",
                    form.limit(),
                    form.levels(),
                    form.calendarEdition(),
                    start,
                    form.history(),
                    form.state(),
                    0b1000,
                    form.seen()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond its 3 levels");
    assertThatThrownBy(
            () ->
                new SlaClockForm(
                    "case",
                    form.limit(),
                    form.levels(),
                    form.calendarEdition(),
                    start,
                    ImmutableList.of(start.plusSeconds(5), start),
                    form.state(),
                    0,
                    form.seen()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must begin with its start");
    assertThatThrownBy(
            () ->
                new SlaClockForm(
                    "case",
                    form.limit(),
                    form.levels(),
                    form.calendarEdition(),
                    start,
                    form.history(),
                    form.state(),
                    0,
                    start))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seen")
        .hasMessageContaining("before its last boundary");
  }
}
