package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A clock keeps its spans' running sums and shares its history with the clocks it came from (see
 * {@link ClockHistory}); its answers must be those of a plain walk over {@link SlaClock#history()}
 * (the {@link Walk} below, the algorithm the clock used before the sums) and of the same clock
 * rebuilt from its parts, also after a clock was extended from an older one whose history another
 * clock had already extended.
 */
class SlaClockHistoryTest {

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.gridgov.sla.SlaClockTest#seeds")
  void answersAsAWalkOverTheHistory_alsoForBranchesOfOneHistory(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BusinessCalendar cal = BusinessCalendarTest.randomCalendar(seed);
    Instant start = SlaClockTest.randomStart(cal, r);
    SlaLimit limit =
        switch (r.nextInt(3)) {
          case 0 -> SlaLimit.workingTime(Duration.ofMinutes(60 + r.nextInt(6000)));
          case 1 -> SlaLimit.workingDays(1 + r.nextInt(8), WorkingDayRule.SAME_CLOCK_TIME);
          default -> SlaLimit.natural(Duration.ofHours(1 + r.nextInt(200)));
        };
    List<WarningLevel> levels =
        List.of(
            WarningLevel.atFraction("a", 0.3),
            WarningLevel.breach("b"),
            WarningLevel.atFraction("c", 1.5));
    Instant end = cal.lastDate().minusDays(40).atStartOfDay(cal.zone()).toInstant();
    List<SlaClock> clocks = new ArrayList<>(); // every clock made, to branch from older ones
    SlaClock clock = SlaClock.start("c", limit, levels, cal, start);
    clocks.add(clock);
    Instant t = start;
    int branches = 0;
    int lookAheads = 0;
    for (int step = 0; step < 120 && t.isBefore(end); step++) {
      if (r.nextInt(8) == 0) { // go on from an older clock of this history: its next slot is taken
        clock = clocks.get(r.nextInt(clocks.size()));
        t = clock.seen();
        branches++;
      }
      t = t.plusSeconds(r.nextInt(30_000));
      if (t.isAfter(end)) {
        t = end;
      }
      int op = r.nextInt(3);
      if (r.nextInt(6) == 0) { // look ahead: the same transition worked out once before
        SlaClock ahead = step(clock, op, t);
        clocks.add(ahead);
        lookAheads++;
      }
      clock = step(clock, op, t);
      clocks.add(clock);
      check(clock, t, start, r, seed, step);
    }
    assertThat(branches).as("seed %s branched", seed).isPositive();
    assertThat(lookAheads).as("seed %s looked ahead", seed).isPositive();
    for (SlaClock c : clocks) { // an older clock still answers from its own history
      check(c, c.seen(), start, r, seed, -1);
    }
  }

  @Test
  void aClockPausedAndResumedTenThousandTimesAnswersAsTheWalk() {
    BusinessCalendar cal = ChinaCalendar.calendar();
    Instant start = Instant.parse("2025-03-03T01:00:00Z"); // Monday 09:00 in Shanghai
    SlaClock clock =
        SlaClock.start(
            "c", SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME), List.of(), cal, start);
    Instant t = start;
    for (int i = 0; i < 10_000; i++) {
      t = t.plusSeconds(60);
      clock = clock.pause(t);
      t = t.plusSeconds(60);
      clock = clock.resume(t);
    }
    assertThat(clock.history()).hasSize(20_001);
    assertThat(clock.elapsed(t)).isEqualTo(Duration.ofNanos(Walk.elapsed(clock, t)));
    assertThat(clock.deadline()).isEqualTo(Walk.reaching(clock, Walk.budget(clock)));
    Instant middle = start.plusSeconds(60 * 10_000 + 30);
    assertThat(clock.elapsed(middle)).isEqualTo(Duration.ofNanos(Walk.elapsed(clock, middle)));
  }

  @Test
  void aPauseBeyondTheCalendarIsTaken_andOnlyTheQueriesThatNeedItsWorkingTimeThrow() {
    BusinessCalendar cal = ChinaCalendar.calendar();
    Instant start = cal.lastDate().minusDays(10).atStartOfDay(cal.zone()).toInstant();
    SlaClock clock = SlaClock.start("c", SlaLimit.workingHours(4), List.of(), cal, start);
    Instant beyond = cal.lastDate().plusDays(5).atStartOfDay(cal.zone()).toInstant();
    SlaClock paused = clock.pause(beyond); // its span's working time cannot be known
    SlaClock resumed = paused.resume(beyond.plusSeconds(60));
    assertThat(resumed.history()).containsExactly(start, beyond, beyond.plusSeconds(60));
    assertThat(paused.state()).isEqualTo(SlaClock.State.PAUSED);
    assertThatThrownBy(() -> paused.elapsed(beyond)).isInstanceOf(OutsideCalendarException.class);
    assertThatThrownBy(resumed::deadline).isInstanceOf(OutsideCalendarException.class);
    SlaClock pausedAgain = resumed.pause(beyond.plusSeconds(120)); // still unknown after it
    assertThatThrownBy(() -> pausedAgain.elapsed(beyond.plusSeconds(180)))
        .isInstanceOf(OutsideCalendarException.class);
    Instant covered = start.plus(Duration.ofDays(1));
    assertThat(paused.elapsed(covered).toNanos()).isEqualTo(Walk.elapsed(clock, covered));
  }

  @Test
  void clocksDifferingOnlyInTheirHistoryAreNotEqual() {
    BusinessCalendar cal = ChinaCalendar.calendar();
    Instant start = Instant.parse("2025-03-03T01:00:00Z");
    SlaClock clock = SlaClock.start("c", SlaLimit.workingHours(40), List.of(), cal, start);
    Instant t = start.plusSeconds(7200);
    SlaClock paused = clock.pause(start.plusSeconds(60)).resume(start.plusSeconds(120));
    SlaClock pausedLater = clock.pause(start.plusSeconds(90)).resume(start.plusSeconds(120));
    SlaClock never = clock.advance(start.plusSeconds(120)).clock();
    assertThat(paused).isNotEqualTo(pausedLater).isNotEqualTo(never);
    assertThat(paused.advance(t).clock()).isNotEqualTo(never.advance(t).clock());
    assertThat(paused.elapsed(t)).isEqualTo(Duration.ofMinutes(119));
  }

  private static SlaClock step(SlaClock clock, int op, Instant t) {
    if (op == 0 && clock.state() == SlaClock.State.RUNNING) {
      return clock.pause(t);
    }
    if (op == 1 && clock.state() == SlaClock.State.PAUSED) {
      return clock.resume(t);
    }
    try {
      return clock.advance(t).clock();
    } catch (OutsideCalendarException e) {
      return clock; // a level beyond the random calendar's coverage
    }
  }

  private static void check(
      SlaClock clock, Instant now, Instant start, SplittableRandom r, long seed, int step) {
    String where = "seed " + seed + " step " + step + " history " + clock.history().size();
    Instant past =
        start.plusSeconds(r.nextLong(Math.max(1, now.getEpochSecond() - start.getEpochSecond())));
    SlaClock rebuilt =
        SlaClock.restored(
            clock.name(),
            clock.limit(),
            clock.levels(),
            clock.calendar(),
            clock.startedAt(),
            clock.history(),
            clock.state(),
            clock.firedMask(),
            clock.seen());
    assertThat(rebuilt).as(where).isEqualTo(clock).hasSameHashCodeAs(clock);
    for (Instant at : List.of(now, past)) {
      assertThat(clock.elapsed(at).toNanos()).as(where).isEqualTo(Walk.elapsed(clock, at));
      assertThat(clock.isBreached(at)).as(where).isEqualTo(rebuilt.isBreached(at));
    }
    try {
      assertThat(clock.deadline()).as(where).isEqualTo(Walk.reaching(clock, Walk.budget(clock)));
      assertThat(clock.nextWarningAt()).as(where).isEqualTo(rebuilt.nextWarningAt());
    } catch (OutsideCalendarException e) {
      // the instant lies beyond the random calendar's coverage
    }
  }

  /** The clock's queries as a walk over every span of its history (no running sums). */
  private static final class Walk {
    private Walk() {}

    static long budget(SlaClock c) {
      return c.budget().toNanos();
    }

    static long axis(SlaClock c, Instant a, Instant b) {
      return c.limit().countsWorkingTime()
          ? c.calendar().workingNanosBetween(a, b)
          : Duration.between(a, b).toNanos();
    }

    static Instant axisPlus(SlaClock c, Instant a, long nanos) {
      return c.limit().countsWorkingTime()
          ? c.calendar().plusWorkingTime(a, Duration.ofNanos(nanos))
          : a.plusNanos(nanos);
    }

    static long elapsed(SlaClock c, Instant now) {
      List<Instant> b = c.history();
      long acc = 0;
      for (int i = 0; i < b.size(); i += 2) {
        Instant from = b.get(i);
        Instant to = i + 1 < b.size() ? b.get(i + 1) : now;
        if (to.isAfter(now)) {
          to = now;
        }
        if (to.isAfter(from)) {
          acc += axis(c, from, to);
        }
      }
      return acc;
    }

    static boolean laterEdge(SlaClock c) {
      if (c.limit().unit() != SlaLimit.Unit.WORKING_DAYS || budget(c) <= 0) {
        return false;
      }
      Instant due = c.calendar().plus(c.startedAt(), c.limit());
      return c.calendar().plusWorkingTime(c.startedAt(), c.budget()).isBefore(due);
    }

    static Optional<Instant> reaching(SlaClock c, long threshold) {
      List<Instant> b = c.history();
      BusinessCalendar cal = c.calendar();
      if (threshold <= 0) {
        return Optional.of(b.get(0));
      }
      boolean later = laterEdge(c) && threshold == budget(c);
      long acc = 0;
      for (int i = 0; i < b.size(); i += 2) {
        Instant from = b.get(i);
        if (i + 1 >= b.size()) {
          Instant reached = axisPlus(c, from, threshold - acc);
          return Optional.of(later ? cal.nextWorkingTime(reached) : reached);
        }
        Instant to = b.get(i + 1);
        long e = axis(c, from, to);
        if (acc + e > threshold || (acc + e == threshold && !later)) {
          Instant reached = axisPlus(c, from, threshold - acc);
          return Optional.of(later && acc + e > threshold ? cal.nextWorkingTime(reached) : reached);
        }
        if (acc + e == threshold) {
          Instant edge = cal.nextWorkingTime(axisPlus(c, from, threshold - acc));
          if (edge.isBefore(to)) {
            return Optional.of(edge);
          }
          for (int j = i + 2; j < b.size(); j += 2) {
            Instant next = cal.nextWorkingTime(b.get(j));
            if (j + 1 >= b.size() || next.isBefore(b.get(j + 1))) {
              return Optional.of(next);
            }
          }
          return Optional.empty();
        }
        acc += e;
      }
      return Optional.empty();
    }
  }
}
