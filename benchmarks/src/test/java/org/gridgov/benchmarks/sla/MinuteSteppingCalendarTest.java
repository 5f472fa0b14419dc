package org.gridgov.benchmarks.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/** The baseline and gridgov must agree, or the benchmark compares different answers. */
class MinuteSteppingCalendarTest {

  @Test
  void agreesWithGridgovOnSeededRandomStartsInTheChinaCalendar() {
    long seed = 42;
    BusinessCalendar cn = ChinaCalendar.calendar();
    MinuteSteppingCalendar ref = new MinuteSteppingCalendar(cn);
    SplittableRandom rnd = new SplittableRandom(seed);
    LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int i = 0; i < 500; i++) {
      Instant s =
          base.plusMinutes(rnd.nextInt(2 * 365 * 1440))
              .atZone(ZoneId.of("Asia/Shanghai"))
              .toInstant();
      assertThat(cn.plusWorkingDays(s, 5, WorkingDayRule.SAME_CLOCK_TIME))
          .as("seed %s start %s", seed, s)
          .isEqualTo(ref.plusWorkingDays(s, 5));
      long minutes = 1L + rnd.nextInt(3000);
      assertThat(cn.plusWorkingTime(s, Duration.ofMinutes(minutes)))
          .as("seed %s start %s + %s working minutes", seed, s, minutes)
          .isEqualTo(ref.plusWorkingMinutes(s, minutes));
    }
  }
}
