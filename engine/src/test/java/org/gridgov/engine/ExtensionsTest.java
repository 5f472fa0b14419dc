package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * Extensions (延期) on the clocks: an extension lengthens the running or paused lead and whole-case
 * clocks by whole days (checked against clocks started afresh with the longer limit), leaves
 * stopped ones and working-hour limits alone, and the whole-case deadline it gives is read from the
 * whole-case clock, a paused one as if resumed at the approval.
 */
class ExtensionsTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final Instant START = Fixture.at("2025-03-03T09:00"); // a Monday
  private static final Instant LATER = Fixture.at("2025-03-04T15:30");
  private static final String WHOLE = CaseState.WHOLE_CASE_CLOCK;
  private static final String LEAD = CaseEngine.LEAD_CLOCK;

  private static SlaClock start(String name, SlaLimit limit) {
    return SlaClock.start(name, limit, List.of(), CAL, START);
  }

  private static CaseClocks of(SlaClock... clocks) {
    CaseClocks c = CaseClocks.empty();
    for (SlaClock k : clocks) {
      c = c.with(k);
    }
    return c;
  }

  @Test
  void anExtensionOfZeroDaysLeavesTheClocksAsTheyAre() {
    CaseClocks c = of(start(WHOLE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)));
    assertThat(Extensions.extended(c, 0)).isSameAs(c);
  }

  @Test
  void workingDayAndNaturalClocksAreLengthenedByTheDays_asIfStartedWithTheLongerLimit() {
    SlaLimit five = SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME);
    SlaLimit hours = SlaLimit.natural(Duration.ofHours(30));
    CaseClocks c = of(start(WHOLE, five), start(LEAD, hours), start("other", hours));

    CaseClocks x = Extensions.extended(c, 3);

    SlaClock whole = x.clock(WHOLE).orElseThrow();
    assertThat(whole.limit()).isEqualTo(SlaLimit.workingDays(8, WorkingDayRule.SAME_CLOCK_TIME));
    assertThat(whole.deadline())
        .isEqualTo(
            start(WHOLE, SlaLimit.workingDays(8, WorkingDayRule.SAME_CLOCK_TIME)).deadline());
    // five working days from Monday 09:00 is the next Monday; eight is the Thursday after
    assertThat(whole.deadline()).contains(Fixture.at("2025-03-13T09:00"));
    assertThat(x.clock(LEAD).orElseThrow().limit())
        .isEqualTo(SlaLimit.natural(Duration.ofHours(30 + 72)));
    assertThat(x.clock("other")).contains(c.clock("other").orElseThrow());
    assertThat(Extensions.wholeCaseDue(x, LATER)).isEqualTo(whole.deadline());
  }

  @Test
  void stoppedClocksAndWorkingHourLimitsAreNotLengthened() {
    SlaClock stopped =
        start(WHOLE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)).stop(LATER);
    SlaClock hours = start(LEAD, SlaLimit.workingHours(8));
    CaseClocks c = of(stopped, hours);

    assertThat(Extensions.extended(c, 2)).isEqualTo(c);
    assertThat(Extensions.wholeCaseDue(c, LATER)).isEmpty();
    assertThat(Extensions.clockProblem(c))
        .hasValueSatisfying(p -> assertThat(p).contains("the " + LEAD + " clock counts working"));
    assertThat(Extensions.clockProblem(of(stopped, hours.stop(LATER)))).isEmpty();
    assertThat(Extensions.clockProblem(of(start(WHOLE, SlaLimit.workingHours(4)))))
        .hasValueSatisfying(p -> assertThat(p).contains("the " + WHOLE + " clock"));
  }

  @Test
  void aPausedWholeCaseClockGivesTheDeadlineOfItsResumptionAtTheApproval() {
    SlaClock paused =
        start(WHOLE, SlaLimit.natural(Duration.ofDays(2))).pause(START.plusSeconds(3600));

    // one hour ran before the pause; 47 remain from the resumption
    assertThat(Extensions.wholeCaseDue(of(paused), LATER))
        .contains(LATER.plus(Duration.ofHours(47)));
    assertThat(
            Extensions.wholeCaseDue(of(start(LEAD, SlaLimit.natural(Duration.ofHours(4)))), LATER))
        .isEmpty();
  }
}
