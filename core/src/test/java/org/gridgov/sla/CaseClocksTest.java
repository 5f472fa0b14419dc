package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseClocksTest {

  private static final BusinessCalendar CN = ChinaCalendar.calendar();

  /** Yellow at half the limit, orange at 80 %, red at the limit: the random properties' levels. */
  private static final List<WarningLevel> TRAFFIC_LIGHT =
      List.of(
          WarningLevel.atFraction("yellow", 0.5),
          WarningLevel.atFraction("orange", 0.8),
          WarningLevel.breach("red"));

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
    // case and lead: 0.5 h + from 10:30 1.5 h -> 12:00 (simultaneous); assist: 0.5 h + 0.5 h ->
    // 11:00
    CaseClocks.Advance a = clocks.advance(at("2025-03-03T15:00"));
    assertThat(a.fired())
        .extracting(SlaClock.Warning::clock)
        .containsExactly("assist", "case", "lead");
    assertThat(a.fired())
        .extracting(SlaClock.Warning::reachedAt)
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
    BusinessCalendar edition =
        CN.toBuilder().edition("e2").holiday(LocalDate.of(2025, 3, 4)).build();
    CaseClocks.Replan r = clocks.withCalendar(edition);
    assertThat(r.moves())
        .containsExactly(
            new CaseClocks.DeadlineMove(
                "case",
                java.util.Optional.of(at("2025-03-04T09:30")),
                java.util.Optional.of(at("2025-03-05T09:30"))));
    assertThat(r.clocks().clock("lead").orElseThrow().calendar().edition()).isEqualTo("e2");
  }

  @Test
  void nextWarningAtOfNoClocksIsEmpty() {
    assertThat(CaseClocks.empty().nextWarningAt()).isEmpty();
    Instant none = at("2025-03-03T09:00");
    assertThat(CaseClocks.empty().nextWarningAtOr(none)).isSameAs(none);
    assertThat(CaseClocks.empty().nextWarningAtOr(null)).isNull();
  }

  @Test
  void nextWarningAtIsTheEarliestPendingLevelOfAnyClock() {
    Instant t0 = at("2025-03-03T09:00");
    List<WarningLevel> levels =
        List.of(WarningLevel.atFraction("yellow", 0.5), WarningLevel.breach("red"));
    CaseClocks clocks =
        CaseClocks.empty()
            .with(SlaClock.start("case", SlaLimit.workingHours(4), levels, CN, t0)) // yellow 11:00
            .with(SlaClock.start("lead", SlaLimit.workingHours(2), levels, CN, t0)); // yellow 10:00
    assertThat(clocks.nextWarningAt()).contains(at("2025-03-03T10:00"));
    CaseClocks later =
        clocks.advance(at("2025-03-03T10:30")).clocks(); // lead's yellow fired; next: case's 11:00
    assertThat(later.nextWarningAt()).contains(at("2025-03-03T11:00"));
    assertThat(later.pauseAll(at("2025-03-03T10:45")).nextWarningAt())
        .isEmpty(); // paused: none determined
  }

  /**
   * Property: the warnings an advance fires are every clock's own warnings, in clock order, then
   * stably sorted by the instant each was reached (no clock, one clock or several firing).
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void advanceFiresEachClocksWarningsInReachedOrder(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<WarningLevel> levels = TRAFFIC_LIGHT;
    Instant t = at("2025-03-03T08:00");
    CaseClocks clocks = CaseClocks.empty();
    int several = 0;
    for (int step = 0; step < 300; step++) {
      t = t.plus(Duration.ofMinutes(rnd.nextInt(1, 400)));
      if (rnd.nextInt(3) == 0) {
        clocks =
            clocks.with(
                SlaClock.start(
                    "c" + rnd.nextInt(4),
                    SlaLimit.workingHours(rnd.nextInt(1, 12)),
                    levels,
                    CN,
                    t));
        continue;
      }
      List<SlaClock.Warning> expected = new java.util.ArrayList<>();
      for (SlaClock c : clocks.clocks().values()) {
        expected.addAll(c.advance(t).fired());
      }
      expected.sort(java.util.Comparator.comparing(SlaClock.Warning::reachedAt)); // stable
      CaseClocks.Advance a = clocks.advance(t);
      assertThat(a.fired()).as("seed %s, step %s", seed, step).containsExactlyElementsOf(expected);
      if (a.fired().stream().map(SlaClock.Warning::clock).distinct().count() > 1) {
        several++;
      }
      clocks = a.clocks();
    }
    assertThat(several).as("advances where more than one clock fired").isPositive();
  }

  /**
   * Property: the memoised value equals the minimum of the clocks' own next warnings, however they
   * were made.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void nextWarningAtEqualsTheMinimumOverTheClocks(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<WarningLevel> levels = TRAFFIC_LIGHT;
    Instant t = at("2025-03-03T08:00");
    CaseClocks clocks = CaseClocks.empty();
    for (int step = 0; step < 200; step++) {
      t = t.plus(Duration.ofMinutes(rnd.nextInt(1, 600)));
      switch (rnd.nextInt(4)) {
        case 0 ->
            clocks =
                clocks.with(
                    SlaClock.start(
                        "c" + rnd.nextInt(3),
                        rnd.nextBoolean()
                            ? SlaLimit.workingHours(rnd.nextInt(1, 20))
                            : SlaLimit.workingDays(
                                rnd.nextInt(1, 6), WorkingDayRule.SAME_CLOCK_TIME),
                        levels,
                        CN,
                        t));
        case 1 -> clocks = clocks.advance(t).clocks();
        case 2 -> clocks = clocks.pauseAll(t);
        default -> clocks = clocks.resumeAll(t);
      }
      Optional<Instant> expected =
          clocks.clocks().values().stream()
              .map(SlaClock::nextWarningAt)
              .flatMap(Optional::stream)
              .min(Instant::compareTo);
      // the form without an Optional first (it fills the memo), then the Optional form twice
      Instant none = Instant.EPOCH;
      assertThat(clocks.nextWarningAtOr(none))
          .as("seed %s, step %s (without an Optional)", seed, step)
          .isEqualTo(expected.orElse(none));
      assertThat(clocks.nextWarningAt()).as("seed %s, step %s", seed, step).isEqualTo(expected);
      assertThat(clocks.nextWarningAt())
          .as("seed %s, step %s (memoised)", seed, step)
          .isEqualTo(expected);
      assertThat(clocks.nextWarningAtOr(null)).isEqualTo(expected.orElse(null));
    }
  }

  @Test
  void withoutDropsByNameKeepingTheOrderAndEqualityIgnoresOrderAsAMapDoes() {
    Instant t0 = at("2025-03-03T09:00");
    List<WarningLevel> red = List.of(WarningLevel.breach("red"));
    SlaClock a = SlaClock.start("case", SlaLimit.workingHours(2), red, CN, t0);
    SlaClock b = SlaClock.start("summon:x", SlaLimit.natural(Duration.ofHours(1)), red, CN, t0);
    SlaClock c = SlaClock.start("lead", SlaLimit.workingHours(1), red, CN, t0);
    CaseClocks abc = CaseClocks.empty().with(a).with(b).with(c);
    assertThat(abc.clocks().keySet()).containsExactly("case", "summon:x", "lead");
    assertThat(abc.size()).isEqualTo(3);
    assertThat(List.of(abc.clockAt(0), abc.clockAt(1), abc.clockAt(2))).containsExactly(a, b, c);
    assertThat(abc.without("summon:x").clocks().keySet()).containsExactly("case", "lead");
    assertThat(abc.without("nope")).isSameAs(abc);
    assertThat(abc.without("case").without("summon:x").without("lead"))
        .isSameAs(CaseClocks.empty());
    assertThat(abc.withoutAll(n -> n.startsWith("summon:")).clocks().keySet())
        .containsExactly("case", "lead");
    assertThat(abc.withoutAll(n -> false)).isSameAs(abc);
    assertThat(abc.withoutAll(n -> true)).isSameAs(CaseClocks.empty());
    // a replaced clock keeps its place
    SlaClock b2 = b.pause(t0.plusSeconds(60));
    assertThat(abc.with(b2).clocks().keySet()).containsExactly("case", "summon:x", "lead");
    assertThat(abc.with(b2).clock("summon:x")).contains(b2);
    CaseClocks cba = CaseClocks.empty().with(c).with(b).with(a);
    assertThat(cba).isEqualTo(abc).hasSameHashCodeAs(abc);
    assertThat(cba.hashCode()).isEqualTo(abc.clocks().hashCode());
    assertThat(cba).isNotEqualTo(abc.with(b2)).isNotEqualTo(abc.without("lead"));
    assertThat(abc.toString()).isEqualTo("CaseClocks" + abc.clocks().values());
  }
}
