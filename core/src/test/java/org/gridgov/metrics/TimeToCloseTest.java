package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeToCloseTest {
  private static final long HOUR = Duration.ofHours(1).toNanos();

  @Test
  void nearestRankPercentiles() {
    TimeToClose t = TimeToClose.ofNanos(new long[] {4 * HOUR, 1 * HOUR, 3 * HOUR, 2 * HOUR}, 4);
    // sorted 1 2 3 4: p50 rank ceil(2) = 2 → 2 h; p90 rank ceil(3.6) = 4 → 4 h; mean 10/4 = 2.5 h
    assertThat(t.p50()).contains(Duration.ofHours(2));
    assertThat(t.p90()).contains(Duration.ofHours(4));
    assertThat(t.mean()).contains(Duration.ofMinutes(150));
  }

  @Test
  void singleValue_isEveryStatistic() {
    TimeToClose t = TimeToClose.ofNanos(new long[] {7, 99}, 1);
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.mean()).contains(Duration.ofNanos(7));
    assertThat(t.p50()).contains(Duration.ofNanos(7));
    assertThat(t.p90()).contains(Duration.ofNanos(7));
  }

  @Test
  void mean_doesNotOverflowForLongDurations() {
    long big = Long.MAX_VALUE - 1; // about 292 years
    TimeToClose t = TimeToClose.ofNanos(new long[] {big, big, big}, 3);
    assertThat(t.mean()).contains(Duration.ofNanos(big));
  }

  @Test
  void presenceMustMatchTheCount() {
    assertThatThrownBy(
            () -> new TimeToClose(1, Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThreeRateWeights(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThreeRateWeights(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response");
  }
}
