package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each way to make a limit accepts both ends of its documented range ({@code (0, MAX_DURATION]} or
 * {@code [1, MAX_WORKING_DAYS]}) and refuses the values just outside, naming them.
 */
class SlaLimitBoundsTest {
  private static final Duration MAX = SlaLimit.MAX_DURATION;

  private static void durationBounds(Function<Duration, SlaLimit> make) {
    assertThat(make.apply(Duration.ofNanos(1)).duration()).isEqualTo(Duration.ofNanos(1));
    assertThat(make.apply(MAX).duration()).isEqualTo(MAX);
    assertThatThrownBy(() -> make.apply(Duration.ZERO)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> make.apply(Duration.ofNanos(-1)))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> make.apply(MAX.plusNanos(1)))
        .hasMessageContaining("at most " + MAX)
        .hasMessageContaining(MAX.plusNanos(1).toString());
  }

  @Test
  void naturalAndWorkingTime_fromOneNanosecondToTheMaximum() {
    durationBounds(SlaLimit::natural);
    durationBounds(SlaLimit::workingTime);
  }

  @Test
  void workingHours_fromOneToTheMaximumInHours() {
    long maxHours = MAX.toHours();
    assertThat(SlaLimit.workingHours(1).duration()).isEqualTo(Duration.ofHours(1));
    assertThat(SlaLimit.workingHours(maxHours).duration()).isEqualTo(Duration.ofHours(maxHours));
    assertThatThrownBy(() -> SlaLimit.workingHours(0)).hasMessageContaining("but was 0");
    assertThatThrownBy(() -> SlaLimit.workingHours(maxHours + 1))
        .hasMessageContaining("but was " + (maxHours + 1));
  }

  @Test
  void workingDays_fromOneToTheMaximum() {
    int max = SlaLimit.MAX_WORKING_DAYS;
    assertThat(SlaLimit.workingDays(1, WorkingDayRule.SAME_CLOCK_TIME).days()).isEqualTo(1);
    assertThat(SlaLimit.workingDays(max, WorkingDayRule.END_OF_WORKING_DAY).days()).isEqualTo(max);
    assertThatThrownBy(() -> SlaLimit.workingDays(0, WorkingDayRule.SAME_CLOCK_TIME))
        .hasMessageContaining("at least 1 day but was 0");
    assertThatThrownBy(() -> SlaLimit.workingDays(max + 1, WorkingDayRule.SAME_CLOCK_TIME))
        .hasMessageContaining("at most " + max + " days but was " + (max + 1));
  }

  @Test
  void equalLimitsHashAlike_differentOnesApart() {
    assertThat(SlaLimit.workingHours(4).hashCode())
        .isEqualTo(SlaLimit.workingTime(Duration.ofHours(4)).hashCode());
    assertThat(SlaLimit.workingHours(4).hashCode())
        .isNotEqualTo(SlaLimit.natural(Duration.ofHours(4)).hashCode());
    assertThat(SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME).hashCode())
        .isNotEqualTo(SlaLimit.workingDays(3, WorkingDayRule.END_OF_WORKING_DAY).hashCode());
  }
}
