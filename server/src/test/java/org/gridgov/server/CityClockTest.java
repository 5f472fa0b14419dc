package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CityClockTest {
  private static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

  @Test
  void aScaledClockRunsFasterAndGivesWholeMilliseconds() throws Exception {
    CityClock c = CityClock.scaled(START, 3_600);
    Thread.sleep(50);
    Instant now = c.now();
    // 50 ms of wall time at 3,600x is at least 3 minutes of city time
    assertThat(Duration.between(START, now)).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
    for (int i = 0; i < 100; i++) {
      Instant t = c.now();
      assertThat(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).isEqualTo(t);
    }
    assertThatThrownBy(() -> c.set(START.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aManualClockMovesOnlyForward() {
    CityClock c = CityClock.manual(START);
    assertThat(c.now()).isEqualTo(START);
    c.set(START.plusSeconds(60));
    assertThat(c.now()).isEqualTo(START.plusSeconds(60));
    assertThatThrownBy(() -> c.set(START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("back");
    assertThatThrownBy(() -> CityClock.scaled(START, 0)).hasMessageContaining("speed 0");
  }
}
