package org.gridgov.benchmarks.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WorkingDayRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code plus(start, 5 working days)} on the built-in China calendar: gridgov's prefix-sum calendar
 * against the minute-stepping reference, over the same 4096 seeded random start instants in two
 * years (holidays included): {@code years=OFFICIAL} draws them in 2024-2025 (published schedules),
 * {@code years=PROVISIONAL} in 2028-2029 (years the calendar predicts from the statutory rules), so
 * both kinds of year are measured in one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarPlusBenchmark {
  private static final SlaLimit FIVE_DAYS = SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME);
  private static final int MASK = 4095;

  /** Which years the start instants lie in: 2024-2025 (official) or 2028-2029 (provisional). */
  @Param({"OFFICIAL", "PROVISIONAL"})
  public String years = "OFFICIAL";

  private BusinessCalendar calendar = ChinaCalendar.calendar();
  private MinuteSteppingCalendar reference = new MinuteSteppingCalendar(calendar);
  private Instant[] starts = new Instant[0];
  private int next;

  /** Builds the calendars and the start instants (seed 42). */
  @Setup
  public void setUp() {
    calendar = ChinaCalendar.calendar();
    reference = new MinuteSteppingCalendar(calendar);
    SplittableRandom rnd = new SplittableRandom(42);
    starts = new Instant[MASK + 1];
    LocalDateTime base = LocalDateTime.of(years.equals("PROVISIONAL") ? 2028 : 2024, 1, 1, 0, 0);
    for (int i = 0; i < starts.length; i++) {
      starts[i] =
          base.plusMinutes(rnd.nextInt(2 * 365 * 1440))
              .atZone(ZoneId.of("Asia/Shanghai"))
              .toInstant();
    }
  }

  /**
   * gridgov: {@code BusinessCalendar.plus(start, 5 working days)}.
   *
   * @return the deadline
   */
  @Benchmark
  public Instant gridgovPlusFiveWorkingDays() {
    return calendar.plus(starts[next++ & MASK], FIVE_DAYS);
  }

  /**
   * Baseline: minute stepping.
   *
   * @return the deadline
   */
  @Benchmark
  public Instant minuteSteppingPlusFiveWorkingDays() {
    return reference.plusWorkingDays(starts[next++ & MASK], 5);
  }
}
