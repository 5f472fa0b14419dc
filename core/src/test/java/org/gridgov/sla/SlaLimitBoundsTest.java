package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The documented ranges of each factory, at the bound and one step past it: a limit is at most
 * {@link SlaLimit#MAX_DURATION} (3,660 days) or {@value SlaLimit#MAX_WORKING_DAYS} working days,
 * and positive.
 */
class SlaLimitBoundsTest {

  private static final Duration MAX = Duration.ofDays(3660);
  private static final long MAX_HOURS = 3660L * 24; // 87,840

  @Test
  void natural_upToTheLongestDuration() {
    assertThat(SlaLimit.natural(MAX).duration()).isEqualTo(MAX);
    assertThat(SlaLimit.natural(Duration.ofNanos(1)).duration()).isEqualTo(Duration.ofNanos(1));
    assertThatThrownBy(() -> SlaLimit.natural(MAX.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void workingTime_upToTheLongestDuration() {
    assertThat(SlaLimit.workingTime(MAX).duration()).isEqualTo(MAX);
    assertThat(SlaLimit.workingTime(Duration.ofNanos(1)).duration()).isEqualTo(Duration.ofNanos(1));
    assertThatThrownBy(() -> SlaLimit.workingTime(MAX.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> SlaLimit.workingTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void workingHours_fromOneToTheLongestDurationInHours() {
    assertThat(SlaLimit.workingHours(1).duration()).isEqualTo(Duration.ofHours(1));
    assertThat(SlaLimit.workingHours(MAX_HOURS).duration()).isEqualTo(MAX);
    assertThatThrownBy(() -> SlaLimit.workingHours(MAX_HOURS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("working-hours")
        .hasMessageContaining("was " + (MAX_HOURS + 1));
  }

  @Test
  void workingHoursZeroOrNegative_refusedNamingTheHoursGiven() {
    assertThatThrownBy(() -> SlaLimit.workingHours(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("working-hours")
        .hasMessageEndingWith("was 0");
    assertThatThrownBy(() -> SlaLimit.workingHours(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was -5");
  }

  @Test
  void workingHoursFarOutOfRange_refusedAsAnArgumentNotAnOverflow() {
    // Duration.ofHours(Long.MAX_VALUE) itself would overflow; the range check comes first
    assertThatThrownBy(() -> SlaLimit.workingHours(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaLimit.workingHours(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingDays_fromOneTo2500() {
    assertThat(SlaLimit.workingDays(1, WorkingDayRule.SAME_CLOCK_TIME).days()).isEqualTo(1);
    assertThat(SlaLimit.workingDays(2500, WorkingDayRule.END_OF_WORKING_DAY).days())
        .isEqualTo(SlaLimit.MAX_WORKING_DAYS);
    assertThatThrownBy(() -> SlaLimit.workingDays(2501, WorkingDayRule.SAME_CLOCK_TIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2501");
  }

  @Test
  void parseAtTheBounds() {
    assertThat(SlaLimit.parse("natural P3660D")).isEqualTo(SlaLimit.natural(MAX));
    assertThat(SlaLimit.parse("working-days 2500 same-clock-time").days()).isEqualTo(2500);
    assertThatThrownBy(() -> SlaLimit.parse("working P3660DT0.000000001S"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaLimit.parse("working-days 2501 end-of-working-day"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A hash code is free to collide, but a limit is a map key (rules, clocks by limit) and distinct
   * limits should mostly hash apart: 300 distinct limits give far more than a handful of values.
   */
  @Test
  void distinctLimitsMostlyHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (int i = 1; i <= 100; i++) {
      hashes.add(SlaLimit.natural(Duration.ofMinutes(i)).hashCode());
      hashes.add(SlaLimit.workingTime(Duration.ofMinutes(i)).hashCode());
      hashes.add(SlaLimit.workingDays(i, WorkingDayRule.SAME_CLOCK_TIME).hashCode());
    }
    assertThat(hashes).hasSizeGreaterThan(250);
  }
}
