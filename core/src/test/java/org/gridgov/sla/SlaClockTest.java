package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected instants are worked out by hand on China office hours (09:00-12:00, 13:30-17:30). */
class SlaClockTest {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final BusinessCalendar CN = ChinaCalendar.calendar();
  private static final List<WarningLevel> TRAFFIC_LIGHT =
      List.of(
          WarningLevel.atFraction("yellow", 0.5),
          WarningLevel.breach("red"),
          WarningLevel.before("soon", Duration.ofHours(1)));

  private static Instant at(String ldt) {
    return LocalDateTime.parse(ldt).atZone(SH).toInstant();
  }

  private static SlaClock fourHours(String start) {
    return SlaClock.start("case", SlaLimit.workingHours(4), TRAFFIC_LIGHT, CN, at(start));
  }

  @Test
  void deadlineAndElapsedInWorkingTime() {
    // Mon 2025-03-03 09:00 + 4 h: 09-12 (3 h), 13:30 + 1 h = 14:30.
    SlaClock c = fourHours("2025-03-03T09:00");
    assertThat(c.deadline()).contains(at("2025-03-03T14:30"));
    assertThat(c.elapsed(at("2025-03-03T13:00")))
        .isEqualTo(Duration.ofHours(3)); // lunch does not count
    assertThat(c.remaining(at("2025-03-03T15:30"))).isEqualTo(Duration.ofHours(-1));
    assertThat(c.isBreached(at("2025-03-03T14:30"))).isTrue();
    assertThat(c.isBreached(at("2025-03-03T14:29:59"))).isFalse();
  }

  @Test
  void pauseMovesTheDeadlineAndNeverCountsPausedTime() {
    // Pause 10:00-11:00 (1 working hour): deadline 14:30 -> 15:30.
    SlaClock c = fourHours("2025-03-03T09:00").pause(at("2025-03-03T10:00"));
    assertThat(c.deadline()).isEmpty(); // paused and not yet due: undetermined
    assertThat(c.elapsed(at("2025-03-03T10:45"))).isEqualTo(Duration.ofHours(1));
    c = c.resume(at("2025-03-03T11:00"));
    assertThat(c.deadline()).contains(at("2025-03-03T15:30"));
    assertThat(c.elapsed(at("2025-03-03T15:30"))).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void suspensionOverAWeekendRemovesOnlyItsWorkingTime() {
    // Start Fri 2025-03-07 16:00 with 4 h. Paused Fri 17:00 to Tue 10:00: the paused span holds Fri
    // 17:00-17:30
    // (0.5 h) and Mon 7 h and Tue 09-10 (1 h) of working time; the weekend has none and is not
    // counted twice.
    // Running: Fri 16:00-17:00 = 1 h; from Tue 10:00 need 3 h: 10-12 (2 h), 13:30 + 1 h = 14:30.
    SlaClock c =
        SlaClock.start("case", SlaLimit.workingHours(4), List.of(), CN, at("2025-03-07T16:00"));
    c = c.pause(at("2025-03-07T17:00")).resume(at("2025-03-11T10:00"));
    assertThat(c.deadline()).contains(at("2025-03-11T14:30"));
    assertThat(c.elapsed(at("2025-03-11T10:00"))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void everyLevelFiresOnceInOrderEvenAfterATimeJump() {
    // 4 h from Mon 09:00: yellow at 2 h (11:00), soon at 3 h (12:00 = end of the morning window),
    // red at 4 h (14:30).
    SlaClock c = fourHours("2025-03-03T09:00");
    assertThat(c.nextWarningAt()).contains(at("2025-03-03T11:00"));
    SlaClock.Advance a = c.advance(at("2025-03-04T09:00"));
    assertThat(a.fired())
        .extracting(w -> w.level().name())
        .containsExactly("yellow", "soon", "red");
    assertThat(a.fired())
        .extracting(SlaClock.Warning::reachedAt)
        .containsExactly(at("2025-03-03T11:00"), at("2025-03-03T12:00"), at("2025-03-03T14:30"));
    assertThat(a.clock().advance(at("2025-03-05T09:00")).fired()).isEmpty();
    assertThat(a.clock().nextWarningAt()).isEmpty();
    assertThat(a.clock().hasFired(0)).isTrue();
  }

  @Test
  void pauseReplansPendingWarnings() {
    SlaClock c = fourHours("2025-03-03T09:00");
    SlaClock.Advance a = c.advance(at("2025-03-03T11:30")); // yellow fired at 11:00
    assertThat(a.fired()).extracting(w -> w.level().name()).containsExactly("yellow");
    SlaClock p = a.clock().pause(at("2025-03-03T11:30"));
    assertThat(p.nextWarningAt()).isEmpty();
    // resume Tue 09:00: 2.5 h elapsed; soon at 3 h -> Tue 09:30; red at 4 h -> Tue 10:30
    SlaClock r = p.resume(at("2025-03-04T09:00"));
    assertThat(r.nextWarningAt()).contains(at("2025-03-04T09:30"));
    assertThat(r.deadline()).contains(at("2025-03-04T10:30"));
    assertThat(r.advance(at("2025-03-04T12:00")).fired())
        .extracting(w -> w.level().name())
        .containsExactly("soon", "red");
  }

  @Test
  void newCalendarEditionReplansDeadlineButKeepsFiredLevels() {
    SlaClock c = fourHours("2025-03-03T16:00"); // 16:00-17:30 = 1.5 h; Tue 09:00 + 2.5 h = 11:30
    assertThat(c.deadline()).contains(at("2025-03-04T11:30"));
    SlaClock.Advance a = c.advance(at("2025-03-04T09:30")); // yellow at 2 h: Tue 09:30
    assertThat(a.fired()).extracting(w -> w.level().name()).containsExactly("yellow");
    // a local rule declares Tue 2025-03-04 a holiday (a new edition): deadline moves to Wed 11:30
    BusinessCalendar edition =
        CN.toBuilder().edition("local-2025-03").holiday(LocalDate.of(2025, 3, 4)).build();
    SlaClock re = a.clock().withCalendar(edition);
    assertThat(re.deadline()).contains(at("2025-03-05T11:30"));
    assertThat(re.hasFired(0)).isTrue();
    // yellow would now be reached Wed 09:30, but it already fired: never again
    assertThat(re.advance(at("2025-03-05T12:00")).fired())
        .extracting(w -> w.level().name())
        .containsExactly("soon", "red");
  }

  @Test
  void workingDaysLimitHasBudgetFromItsRule() {
    // 5 working days from Fri 2025-01-24 17:00 (see ChinaCalendarTest) -> 2025-02-07 17:00; budget
    // 35 working hours.
    SlaClock c =
        SlaClock.start(
            "case",
            SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME),
            List.of(),
            CN,
            at("2025-01-24T17:00"));
    assertThat(c.budget()).isEqualTo(Duration.ofHours(35));
    assertThat(c.deadline()).contains(at("2025-02-07T17:00"));
  }

  @Test
  void sameClockTimeDeadlineAtAWindowStartIsThatInstantNotTheEndOfThePreviousWindow() {
    // Mon 2025-03-03 09:00 + 5 working days, same clock time: Mon 2025-03-10 09:00 (no holiday in
    // between).
    // The 35 working hours are used up at Fri 17:30, but the rule names Monday 09:00: the breach is
    // then.
    SlaLimit fiveDays = SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME);
    SlaClock c =
        SlaClock.start(
            "case", fiveDays, List.of(WarningLevel.breach("red")), CN, at("2025-03-03T09:00"));
    assertThat(c.budget()).isEqualTo(Duration.ofHours(35));
    assertThat(c.deadline())
        .contains(at("2025-03-10T09:00"))
        .isEqualTo(java.util.Optional.of(CN.plus(at("2025-03-03T09:00"), fiveDays)));
    assertThat(c.isBreached(at("2025-03-07T17:30"))).isFalse();
    assertThat(c.isBreached(at("2025-03-09T23:59"))).isFalse();
    assertThat(c.isBreached(at("2025-03-10T09:00"))).isTrue();
    assertThat(c.advance(at("2025-03-08T12:00")).fired()).isEmpty();
    assertThat(c.advance(at("2025-03-10T09:00")).fired())
        .extracting(SlaClock.Warning::reachedAt)
        .containsExactly(at("2025-03-10T09:00"));
    // Paused at Friday 18:00 with the budget exactly used, resumed Tuesday 10:00: due at the
    // resumption.
    SlaClock paused = c.pause(at("2025-03-07T18:00")).resume(at("2025-03-11T10:00"));
    assertThat(paused.deadline()).contains(at("2025-03-11T10:00"));
    assertThat(c.pause(at("2025-03-07T18:00")).deadline()).isEmpty();
    assertThat(c.pause(at("2025-03-07T18:00")).isBreached(at("2025-03-10T12:00"))).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void unpausedWorkingDaysClockIsDueExactlyWhenTheCalendarSays(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Instant from = at("2024-01-01T00:00");
    for (int k = 0; k < 200; k++) {
      // starts on whole quarter hours, so window edges (09:00, 12:00, 13:30, 17:30) come up often
      Instant start = from.plus(Duration.ofMinutes(15L * r.nextInt(2 * 365 * 96)));
      WorkingDayRule rule =
          r.nextBoolean() ? WorkingDayRule.SAME_CLOCK_TIME : WorkingDayRule.END_OF_WORKING_DAY;
      SlaLimit limit = SlaLimit.workingDays(1 + r.nextInt(10), rule);
      Instant due = CN.plus(start, limit);
      SlaClock c = SlaClock.start("case", limit, List.of(WarningLevel.breach("red")), CN, start);
      String what = "seed " + seed + ": " + limit + " from " + start.atZone(SH);
      assertThat(c.deadline()).as(what).contains(due);
      assertThat(c.isBreached(due.minusMillis(1))).as(what).isFalse();
      assertThat(c.isBreached(due)).as(what).isTrue();
      assertThat(c.advance(due.minusMillis(1)).fired()).as(what).isEmpty();
      assertThat(c.advance(due).fired())
          .as(what)
          .extracting(SlaClock.Warning::reachedAt)
          .containsExactly(due);
    }
  }

  @Test
  void naturalLimitIgnoresTheCalendar() {
    SlaClock c =
        SlaClock.start(
            "whistle",
            SlaLimit.natural(Duration.ofMinutes(30)),
            List.of(WarningLevel.atFraction("half", 0.5)),
            CN,
            at("2025-03-08T23:50"));
    assertThat(c.deadline()).contains(at("2025-03-09T00:20"));
    assertThat(c.nextWarningAt()).contains(at("2025-03-09T00:05"));
  }

  @Test
  void transferRules() {
    SlaClock caseClock =
        fourHours("2025-03-03T09:00").pause(at("2025-03-03T10:00")).resume(at("2025-03-03T11:00"));
    SlaClock lead =
        SlaClock.start("lead", SlaLimit.workingHours(2), TRAFFIC_LIGHT, CN, at("2025-03-03T11:00"));
    Instant t = at("2025-03-03T14:00");
    // KEEP: same deadline (11:00 + 2 h = 11-12, 13:30-14:30)
    assertThat(lead.transfer(TransferRule.KEEP, t, caseClock).deadline())
        .contains(at("2025-03-03T14:30"));
    // RESTART: 2 h from 14:00 -> 16:00
    assertThat(lead.transfer(TransferRule.RESTART, t, caseClock).deadline())
        .contains(at("2025-03-03T16:00"));
    // FROM_CREATION: the case's history (09:00, paused 10-11): 2 h reached at 12:00
    SlaClock fromCreation = lead.transfer(TransferRule.FROM_CREATION, t, caseClock);
    assertThat(fromCreation.startedAt()).isEqualTo(at("2025-03-03T09:00"));
    assertThat(fromCreation.deadline()).contains(at("2025-03-03T12:00"));
    // levels already passed fire on the next advance, in order
    assertThat(fromCreation.advance(t).fired())
        .extracting(w -> w.level().name())
        .containsExactly("yellow", "soon", "red");
  }

  @Test
  void wrongOrderAndTimeGoingBackwardsAreRejected() {
    SlaClock c = fourHours("2025-03-03T09:00");
    assertThatThrownBy(() -> c.resume(at("2025-03-03T10:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RUNNING");
    SlaClock p = c.pause(at("2025-03-03T10:00"));
    assertThatThrownBy(() -> p.pause(at("2025-03-03T11:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAUSED");
    assertThatThrownBy(() -> p.resume(at("2025-03-03T09:59")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backwards");
    SlaClock s = p.stop(at("2025-03-03T12:00"));
    assertThat(s.state()).isEqualTo(SlaClock.State.STOPPED);
    assertThat(s.elapsed(at("2025-03-04T12:00"))).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> s.stop(at("2025-03-04T12:00")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.advance(at("2025-03-03T08:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ properties

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** An instant in the first 20 days of a random calendar's coverage. */
  static Instant randomStart(BusinessCalendar cal, SplittableRandom r) {
    return cal.firstDate()
        .plusDays(r.nextInt(20))
        .atStartOfDay(cal.zone())
        .toInstant()
        .plusSeconds(r.nextInt(86_400));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pausedTimeNeverCountsAndWarningsFireOnceInOrder(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BusinessCalendar cal = BusinessCalendarTest.randomCalendar(seed);
    Instant start = randomStart(cal, r);
    List<WarningLevel> levels =
        List.of(
            WarningLevel.atFraction("a", 0.3),
            WarningLevel.atFraction("b", 0.8),
            WarningLevel.breach("c"),
            WarningLevel.before("d", Duration.ofMinutes(r.nextInt(600))),
            WarningLevel.atFraction("e", 1.5));
    SlaClock clock =
        SlaClock.start(
            "c",
            SlaLimit.workingTime(Duration.ofMinutes(60 + r.nextInt(3000))),
            levels,
            cal,
            start);
    Instant t = start;
    Duration pausedWorking = Duration.ZERO;
    Instant pausedSince = null;
    List<String> fired = new ArrayList<>();
    Instant lastReached = Instant.MIN;
    Instant end = cal.lastDate().minusDays(10).atStartOfDay(cal.zone()).toInstant();
    for (int step = 0; step < 60 && t.isBefore(end); step++) {
      t = t.plusSeconds(r.nextInt(40_000));
      if (t.isAfter(end)) {
        t = end;
      }
      int op = r.nextInt(3);
      if (op == 0 && clock.state() == SlaClock.State.RUNNING) {
        clock = clock.pause(t);
        pausedSince = t;
      } else if (op == 1 && clock.state() == SlaClock.State.PAUSED) {
        clock = clock.resume(t);
        pausedWorking =
            pausedWorking.plus(
                cal.workingTimeBetween(java.util.Objects.requireNonNull(pausedSince), t));
        pausedSince = null;
      } else {
        SlaClock.Advance a = clock.advance(t);
        for (SlaClock.Warning w : a.fired()) {
          assertThat(w.reachedAt())
              .as("seed %s", seed)
              .isBeforeOrEqualTo(t)
              .isAfterOrEqualTo(lastReached);
          lastReached = w.reachedAt();
          fired.add(w.level().name());
        }
        clock = a.clock();
      }
      Duration paused =
          pausedSince == null
              ? pausedWorking
              : pausedWorking.plus(cal.workingTimeBetween(pausedSince, t));
      assertThat(clock.elapsed(t))
          .as("seed %s step %s", seed, step)
          .isEqualTo(cal.workingTimeBetween(start, t).minus(paused));
    }
    assertThat(fired).as("seed %s", seed).doesNotHaveDuplicates();
    if (clock.state() == SlaClock.State.RUNNING) {
      try {
        Instant d = clock.deadline().orElseThrow();
        assertThat(clock.elapsed(d)).as("seed %s", seed).isEqualTo(clock.budget());
      } catch (OutsideCalendarException e) {
        // deadline beyond the random calendar's coverage
      }
    }
  }

  @Test
  void accessorsReturnThePlanAndTheHistory() {
    SlaClock c = fourHours("2025-03-03T09:00").pause(at("2025-03-03T10:00"));
    assertThat(c.name()).isEqualTo("case");
    assertThat(c.limit()).isEqualTo(SlaLimit.workingHours(4));
    assertThat(c.levels()).containsExactlyElementsOf(TRAFFIC_LIGHT);
    assertThat(c.calendar()).isSameAs(CN);
    assertThat(c.startedAt()).isEqualTo(at("2025-03-03T09:00"));
    assertThat(c.state()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(c.budget()).isEqualTo(Duration.ofHours(4));
    assertThat(c.history()).containsExactly(at("2025-03-03T09:00"), at("2025-03-03T10:00"));
    assertThat(c.toString())
        .contains("case")
        .contains("working PT4H")
        .contains("PAUSED")
        .contains(at("2025-03-03T09:00").toString())
        .contains(CN.edition());
  }

  @Test
  void hasFiredTellsLevelsApartAndRejectsAnIndexOutsideTheLevels() {
    // yellow (index 0) at 2 h = 11:00, soon (index 2) 1 h before 14:30 = 13:30 (the working instant
    // after 12:00)
    SlaClock c = fourHours("2025-03-03T09:00").advance(at("2025-03-03T11:00")).clock();
    assertThat(c.hasFired(0)).isTrue();
    assertThat(c.hasFired(1)).isFalse();
    assertThat(c.hasFired(2)).isFalse();
    assertThatThrownBy(() -> c.hasFired(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
    assertThatThrownBy(() -> c.hasFired(-1)).isInstanceOf(IllegalArgumentException.class);
    SlaClock later = c.advance(at("2025-03-03T14:00")).clock();
    assertThat(later.hasFired(2)).isTrue();
    assertThat(later.hasFired(1)).isFalse();
  }

  @Test
  void equalClocksHaveTheSamePlanHistoryStateFiredLevelsAndTimeSeen() {
    SlaClock a = fourHours("2025-03-03T09:00");
    new com.google.common.testing.EqualsTester()
        .addEqualityGroup(a, fourHours("2025-03-03T09:00"))
        .addEqualityGroup(fourHours("2025-03-03T09:30"))
        .addEqualityGroup(
            SlaClock.start(
                "other", SlaLimit.workingHours(4), TRAFFIC_LIGHT, CN, at("2025-03-03T09:00")))
        .addEqualityGroup(
            SlaClock.start(
                "case", SlaLimit.workingHours(5), TRAFFIC_LIGHT, CN, at("2025-03-03T09:00")))
        .addEqualityGroup(
            SlaClock.start("case", SlaLimit.workingHours(4), List.of(), CN, at("2025-03-03T09:00")))
        .addEqualityGroup(a.withCalendar(ChinaCalendar.builder().edition("other").build()))
        .addEqualityGroup(a.pause(at("2025-03-03T10:00")))
        .addEqualityGroup(a.stop(at("2025-03-03T10:00")))
        .addEqualityGroup(a.advance(at("2025-03-03T11:00")).clock()) // yellow fired, seen 11:00
        .addEqualityGroup(a.advance(at("2025-03-03T10:00")).clock()) // nothing fired, seen 10:00
        .testEquals();
  }

  @Test
  void stopWhilePausedCountsNothingMoreAndAStoppedClockRefusesTransfers() {
    SlaClock c =
        fourHours("2025-03-03T09:00").pause(at("2025-03-03T10:00")).stop(at("2025-03-03T12:00"));
    assertThat(c.history()).containsExactly(at("2025-03-03T09:00"), at("2025-03-03T10:00"));
    assertThat(c.elapsed(at("2025-03-04T15:00"))).isEqualTo(Duration.ofHours(1));
    assertThat(c.deadline()).isEmpty();
    assertThat(c.nextWarningAt()).isEmpty();
    assertThatThrownBy(() -> c.stop(at("2025-03-03T13:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already STOPPED");
    assertThatThrownBy(() -> c.transfer(TransferRule.KEEP, at("2025-03-03T13:00"), c))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STOPPED");
    SlaClock running = fourHours("2025-03-03T09:00").stop(at("2025-03-03T10:00"));
    assertThat(running.history()).containsExactly(at("2025-03-03T09:00"), at("2025-03-03T10:00"));
  }

  @Test
  void fromCreationNeedsARunningCaseClockWithNoLaterHistory() {
    SlaClock lead =
        SlaClock.start("lead", SlaLimit.workingHours(2), TRAFFIC_LIGHT, CN, at("2025-03-03T11:00"));
    SlaClock stoppedCase = fourHours("2025-03-03T09:00").stop(at("2025-03-03T10:00"));
    assertThatThrownBy(
            () -> lead.transfer(TransferRule.FROM_CREATION, at("2025-03-03T12:00"), stoppedCase))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("case clock case is STOPPED");
    SlaClock laterCase = fourHours("2025-03-03T09:00").pause(at("2025-03-03T13:40"));
    assertThatThrownBy(
            () -> lead.transfer(TransferRule.FROM_CREATION, at("2025-03-03T13:35"), laterCase))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history after the transfer");
    // the case clock paused: the handler clock takes its history and state, and no level has fired
    // yet
    SlaClock pausedCase = fourHours("2025-03-03T09:00").pause(at("2025-03-03T09:30"));
    SlaClock t =
        lead.advance(at("2025-03-03T12:00"))
            .clock()
            .transfer(TransferRule.FROM_CREATION, at("2025-03-03T14:00"), pausedCase);
    assertThat(t.state()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(t.history()).containsExactly(at("2025-03-03T09:00"), at("2025-03-03T09:30"));
    assertThat(t.hasFired(0)).isFalse();
    // KEEP keeps the fired levels; RESTART clears them
    SlaClock fired = lead.advance(at("2025-03-03T12:00")).clock();
    assertThat(fired.hasFired(0)).isTrue();
    assertThat(fired.transfer(TransferRule.KEEP, at("2025-03-03T14:00"), pausedCase).hasFired(0))
        .isTrue();
    assertThat(fired.transfer(TransferRule.RESTART, at("2025-03-03T14:00"), pausedCase).hasFired(0))
        .isFalse();
    assertThatThrownBy(() -> fired.transfer(TransferRule.KEEP, at("2025-03-03T11:59"), pausedCase))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backwards");
  }

  @Test
  void aLevelBeforeTheWholeBudgetIsReachedAtTheStart() {
    Instant start = at("2025-03-03T09:00");
    SlaClock c =
        SlaClock.start(
            "case",
            SlaLimit.workingHours(4),
            List.of(
                WarningLevel.before("at-once", Duration.ofHours(5)),
                WarningLevel.before("exact", Duration.ofHours(4))),
            CN,
            start);
    assertThat(c.nextWarningAt()).contains(start);
    assertThat(c.advance(start).fired())
        .extracting(SlaClock.Warning::reachedAt)
        .containsExactly(start, start);
  }

  @Test
  void aLevelBeyondTheCalendarStaysPendingWhileEarlierOnesFire() {
    // 2026-12-31 is the last covered day: 2 working hours from 14:00 reach 16:00; 10x the budget
    // lies beyond it
    Instant start = at("2026-12-31T14:00");
    SlaClock c =
        SlaClock.start(
            "case",
            SlaLimit.workingHours(2),
            List.of(WarningLevel.atFraction("half", 0.5), WarningLevel.atFraction("far", 10)),
            officialOnly(),
            start);
    SlaClock.Advance a = c.advance(at("2026-12-31T15:30"));
    assertThat(a.fired()).extracting(w -> w.level().name()).containsExactly("half");
    assertThat(a.clock().hasFired(1)).isFalse();
    assertThatThrownBy(() -> a.clock().nextWarningAt())
        .isInstanceOf(OutsideCalendarException.class);
  }

  @Test
  void nextWarningAtIsEmptyWhenEveryLevelFiredOrThePausedClockHasNotReachedIt() {
    SlaClock c = fourHours("2025-03-03T09:00");
    assertThat(c.nextWarningAt()).contains(at("2025-03-03T11:00")); // yellow at half of 4 h
    assertThat(c.pause(at("2025-03-03T10:00")).nextWarningAt()).isEmpty();
    SlaClock all = c.advance(at("2025-03-03T15:00")).clock();
    assertThat(all.nextWarningAt()).isEmpty();
    assertThat(all.advance(at("2025-03-03T16:00")).fired()).isEmpty();
    // a level reached during a span that a pause closed is determined, though the clock is paused
    SlaClock pausedAfter = c.pause(at("2025-03-03T11:30"));
    assertThat(pausedAfter.nextWarningAt()).contains(at("2025-03-03T11:00"));
  }

  @Test
  void sameClockTimeBreachWhenTheBudgetIsUsedUpJustBeforeAPause() {
    // 1 working day from Mon 2025-03-03 09:00, same clock time: due Tue 09:00; the 7 h budget is
    // used at Mon 17:30.
    SlaLimit oneDay = SlaLimit.workingDays(1, WorkingDayRule.SAME_CLOCK_TIME);
    SlaClock c =
        SlaClock.start(
            "case", oneDay, List.of(WarningLevel.breach("red")), CN, at("2025-03-03T09:00"));
    assertThat(c.deadline()).contains(at("2025-03-04T09:00"));
    // paused Mon 17:45 (budget used, not yet due), resumed Mon 18:00: due at the next working
    // instant, Tue 09:00
    SlaClock resumedSameEvening = c.pause(at("2025-03-03T17:45")).resume(at("2025-03-03T18:00"));
    assertThat(resumedSameEvening.deadline()).contains(at("2025-03-04T09:00"));
    // resumed Tue 10:00: due at the resumption
    SlaClock resumedNextMorning = c.pause(at("2025-03-03T17:45")).resume(at("2025-03-04T10:00"));
    assertThat(resumedNextMorning.deadline()).contains(at("2025-03-04T10:00"));
    assertThat(resumedNextMorning.isBreached(at("2025-03-04T09:59"))).isFalse();
    assertThat(resumedNextMorning.isBreached(at("2025-03-04T10:00"))).isTrue();
    // paused, resumed and paused again before a working instant came: not due yet
    SlaClock pausedAgain = resumedSameEvening.pause(at("2025-03-03T18:30"));
    assertThat(pausedAgain.deadline()).isEmpty();
    // end of working day: the budget's end is the deadline itself (no later edge)
    SlaClock eod =
        SlaClock.start(
            "case",
            SlaLimit.workingDays(1, WorkingDayRule.END_OF_WORKING_DAY),
            List.of(),
            CN,
            at("2025-03-03T10:00"));
    assertThat(eod.deadline()).contains(at("2025-03-04T17:30"));
    assertThat(eod.isBreached(at("2025-03-04T17:29:59"))).isFalse();
    assertThat(eod.isBreached(at("2025-03-04T17:30"))).isTrue();
  }

  // ------------------------------------------------------------------ past the coverage (issue 14)

  /** The official China calendar as it was before provisional years: it ends 2026-12-31. */
  private static BusinessCalendar officialOnly() {
    return CN.toBuilder()
        .edition("cn-official")
        .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2026, 12, 31))
        .build();
  }

  /** The same, with 2027 as a provisional year whose only declared day is 2027-01-01 off (元旦). */
  private static BusinessCalendar with2027Provisional() {
    return officialOnly().toBuilder()
        .edition("cn-p2027")
        .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2027, 12, 31))
        .holiday(LocalDate.of(2027, 1, 1))
        .provisional(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))
        .build();
  }

  @Test
  void advance_pastTheCoverage_throwsInsteadOfFiringOnlyTheFirstWarning() {
    // 4 working hours from Thu 2026-12-31 15:00: 2.5 h that day; yellow (50 %) at 17:00; the rest
    // lies in 2027.
    SlaClock c =
        SlaClock.start(
            "lead",
            SlaLimit.workingHours(4),
            TRAFFIC_LIGHT,
            officialOnly(),
            at("2026-12-31T15:00"));
    assertThatThrownBy(() -> c.advance(at("2027-01-05T10:00")))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("advance of clock lead(2027-01-05T")
        .hasMessageContaining("2027-01-05")
        .hasMessageContaining("2007-01-01..2026-12-31");
    // within the coverage it still answers
    assertThat(c.advance(at("2026-12-31T17:10")).fired())
        .extracting(w -> w.level().name())
        .containsExactly("yellow");
  }

  @Test
  void advance_onAProvisionalYear_firesEveryLevelInOrder() {
    // Same clock with 2027 provisional: 1.5 h left after 12-31 17:30; Jan 1 (Fri) off, 2-3 weekend;
    // Mon 2027-01-04 09:00 + 1.5 h = 10:30 is the deadline; "soon" (1 h before) at 09:30.
    SlaClock c =
        SlaClock.start(
            "lead",
            SlaLimit.workingHours(4),
            TRAFFIC_LIGHT,
            with2027Provisional(),
            at("2026-12-31T15:00"));
    SlaClock.Advance a = c.advance(at("2027-01-05T10:00"));
    assertThat(a.fired())
        .extracting(w -> w.level().name())
        .containsExactly("yellow", "soon", "red");
    assertThat(a.fired())
        .extracting(SlaClock.Warning::reachedAt)
        .containsExactly(at("2026-12-31T17:00"), at("2027-01-04T09:30"), at("2027-01-04T10:30"));
    assertThat(a.clock().elapsed(at("2027-01-05T10:00")))
        .isEqualTo(Duration.ofMinutes(150 + 420 + 60));
    assertThat(c.due()).contains(new Deadline(at("2027-01-04T10:30"), true, "cn-p2027"));
  }

  @Test
  void start_ofAWorkingClockOutsideTheCoverage_throws_whileANaturalClockNeedsNoCalendar() {
    assertThatThrownBy(
            () ->
                SlaClock.start(
                    "lead",
                    SlaLimit.workingHours(4),
                    TRAFFIC_LIGHT,
                    officialOnly(),
                    at("2027-01-04T09:00")))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("start of clock lead");
    SlaClock natural =
        SlaClock.start(
            "summon",
            SlaLimit.natural(Duration.ofMinutes(30)),
            TRAFFIC_LIGHT,
            officialOnly(),
            at("2027-01-04T09:00"));
    assertThat(natural.deadline()).contains(at("2027-01-04T09:30"));
    assertThat(natural.due()).contains(new Deadline(at("2027-01-04T09:30"), false, "cn-official"));
  }

  @Test
  void due_ofAnOfficialDeadline_isNotProvisional() {
    SlaClock c =
        SlaClock.start(
            "lead",
            SlaLimit.workingHours(4),
            TRAFFIC_LIGHT,
            with2027Provisional(),
            at("2026-12-30T09:00"));
    assertThat(c.due()).contains(new Deadline(at("2026-12-30T14:30"), false, "cn-p2027"));
    assertThat(c.pause(at("2026-12-30T10:00")).due()).isEmpty();
  }

  @Test
  void everyQueryThatNeedsADayPastTheCoverage_throws_andTheOthersAnswer() {
    // 4 working hours from Thu 2026-12-31 17:00 on a calendar ending that day: 0.5 h are covered,
    // 3.5 h are not.
    SlaClock c =
        SlaClock.start(
            "lead",
            SlaLimit.workingHours(4),
            TRAFFIC_LIGHT,
            officialOnly(),
            at("2026-12-31T17:00"));
    Instant past = at("2027-01-04T10:00");
    List<org.junit.jupiter.api.function.Executable> needDaysPast =
        List.of(
            () -> c.elapsed(past),
            () -> c.remaining(past),
            () -> c.isBreached(past),
            c::deadline,
            c::due,
            c::nextWarningAt,
            () -> c.advance(past));
    for (org.junit.jupiter.api.function.Executable call : needDaysPast) {
      OutsideCalendarException e =
          org.junit.jupiter.api.Assertions.assertThrows(OutsideCalendarException.class, call);
      assertThat(e.lastCovered()).isEqualTo(LocalDate.of(2026, 12, 31));
    }
    // within the coverage the same clock answers exactly
    assertThat(c.elapsed(at("2026-12-31T17:20"))).isEqualTo(Duration.ofMinutes(20));
    assertThat(c.remaining(at("2026-12-31T23:00"))).isEqualTo(Duration.ofMinutes(210));
    assertThat(c.isBreached(at("2026-12-31T23:00"))).isFalse();
    assertThat(c.pause(at("2026-12-31T17:10")).elapsed(at("2026-12-31T23:00")))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void workingDaysDeadlineAtTheLaterEdge_staysThereWhenTheClockIsPausedAfterIt() {
    // 1 working day, same clock time, from Mon 2025-03-03 09:00: due Tue 03-04 09:00 (the budget, 7
    // h, is used up
    // Mon 17:30, but the rule names Tuesday 09:00). Paused Tue 09:30, after the deadline, it must
    // stay Tue 09:00.
    SlaClock c =
        SlaClock.start(
            "case",
            SlaLimit.workingDays(1, WorkingDayRule.SAME_CLOCK_TIME),
            List.of(WarningLevel.breach("red")),
            CN,
            at("2025-03-03T09:00"));
    assertThat(c.deadline()).contains(at("2025-03-04T09:00"));
    SlaClock paused = c.pause(at("2025-03-04T09:30"));
    assertThat(paused.deadline()).contains(at("2025-03-04T09:00"));
    assertThat(paused.isBreached(at("2025-03-03T18:00"))).isFalse();
    assertThat(paused.isBreached(at("2025-03-04T09:00"))).isTrue();
    assertThat(paused.advance(at("2025-03-04T09:30")).fired())
        .extracting(SlaClock.Warning::reachedAt)
        .containsExactly(at("2025-03-04T09:00"));
  }

  @Test
  void start_refusesABlankNameAndMoreThan64Levels_andTakesExactly64() {
    Instant start = at("2025-03-03T09:00");
    assertThatThrownBy(
            () -> SlaClock.start(" ", SlaLimit.workingHours(4), TRAFFIC_LIGHT, CN, start))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a clock needs a name");
    List<WarningLevel> levels = new ArrayList<>();
    for (int i = 1; i <= 64; i++) {
      levels.add(WarningLevel.atFraction("l" + i, i / 64.0));
    }
    SlaClock c = SlaClock.start("case", SlaLimit.workingHours(4), levels, CN, start);
    // 4 working hours from Mon 09:00 end at 14:30; every one of the 64 levels fires once, in order
    SlaClock.Advance a = c.advance(at("2025-03-03T14:30"));
    assertThat(a.fired()).extracting(w -> w.level().name()).hasSize(64).startsWith("l1", "l2");
    assertThat(a.fired().get(63).reachedAt()).isEqualTo(at("2025-03-03T14:30"));
    assertThat(a.clock().hasFired(63)).isTrue();
    assertThat(a.clock().advance(at("2025-03-03T15:00")).fired()).isEmpty();
    levels.add(WarningLevel.breach("one-too-many"));
    assertThatThrownBy(() -> SlaClock.start("case", SlaLimit.workingHours(4), levels, CN, start))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clock case: at most 64 warning levels but got 65");
  }

  @Test
  void pauseAndStop_refuseTimeGoingBackwards() {
    SlaClock c = fourHours("2025-03-03T09:00").advance(at("2025-03-03T10:00")).clock();
    assertThatThrownBy(() -> c.pause(at("2025-03-03T09:59")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time went backwards: pause(")
        .hasMessageContaining("on clock case");
    assertThatThrownBy(() -> c.stop(at("2025-03-03T09:59")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time went backwards: stop(");
    // at the instant last seen both are allowed
    assertThat(c.pause(at("2025-03-03T10:00")).state()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(c.stop(at("2025-03-03T10:00")).state()).isEqualTo(SlaClock.State.STOPPED);
  }

  @Test
  void aNaturalClockCountsWallTime_andIsProvisionalOnlyWithBothEndsCoveredAndProvisional() {
    SlaClock n =
        SlaClock.start(
            "summon",
            SlaLimit.natural(Duration.ofHours(2)),
            TRAFFIC_LIGHT,
            CN,
            at("2025-03-03T11:00"));
    assertThat(n.elapsed(at("2025-03-03T12:30"))).isEqualTo(Duration.ofMinutes(90)); // lunch counts
    SlaClock resumed = n.pause(at("2025-03-03T11:30")).resume(at("2025-03-03T12:00"));
    assertThat(resumed.elapsed(at("2025-03-03T12:30"))).isEqualTo(Duration.ofMinutes(60));
    assertThat(resumed.deadline()).contains(at("2025-03-03T13:30"));
    assertThat(n.due()).contains(new Deadline(at("2025-03-03T13:00"), false, CN.edition()));
    // both ends in the provisional year 2027
    SlaClock p =
        SlaClock.start(
            "summon",
            SlaLimit.natural(Duration.ofHours(2)),
            TRAFFIC_LIGHT,
            with2027Provisional(),
            at("2027-03-01T09:00"));
    assertThat(p.due()).contains(new Deadline(at("2027-03-01T11:00"), true, "cn-p2027"));
    // the deadline lies past the coverage: a natural deadline needs no calendar, so it is not
    // provisional and nothing throws
    SlaClock beyond =
        SlaClock.start(
            "summon",
            SlaLimit.natural(Duration.ofDays(10)),
            TRAFFIC_LIGHT,
            officialOnly(),
            at("2026-12-30T09:00"));
    assertThat(beyond.due()).contains(new Deadline(at("2027-01-09T09:00"), false, "cn-official"));
  }
}
