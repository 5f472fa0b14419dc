package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarningLevelTest {

  @Test
  void thresholdsAreExactDecimalsOrOffsets() {
    long sevenHours = Duration.ofHours(7).toNanos();
    // 0.8 x 7 h = 5.6 h = 336 min exactly (no binary rounding error)
    assertThat(WarningLevel.atFraction("y", 0.8).thresholdNanos(sevenHours))
        .isEqualTo(Duration.ofMinutes(336).toNanos());
    // ceil(3 x 0.1) = 1 nanosecond
    assertThat(WarningLevel.atFraction("y", 0.1).thresholdNanos(3)).isEqualTo(1);
    assertThat(WarningLevel.before("soon", Duration.ofHours(2)).thresholdNanos(sevenHours))
        .isEqualTo(Duration.ofHours(5).toNanos());
    assertThat(WarningLevel.before("soon", Duration.ofHours(9)).thresholdNanos(sevenHours))
        .isZero();
    assertThat(WarningLevel.breach("red").thresholdNanos(sevenHours)).isEqualTo(sevenHours);
  }

  @Test
  void rejectsBadLevels() {
    assertThatThrownBy(() -> WarningLevel.atFraction("x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x");
    assertThatThrownBy(() -> WarningLevel.atFraction("x", 11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WarningLevel.before("x", Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WarningLevel.atFraction(" ", 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WarningLevel("x", 0.5, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsItsTextForm() {
    assertThat(WarningLevel.atFraction("yellow", 0.8)).hasToString("yellow@0.8");
    assertThat(WarningLevel.before("soon", Duration.ofHours(2))).hasToString("soon@-PT2H");
  }
}
