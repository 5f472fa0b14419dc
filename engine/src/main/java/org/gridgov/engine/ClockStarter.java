package org.gridgov.engine;

import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;

/**
 * Starts a case's SLA clocks by the SLA policy's rule for its category, priority and region class;
 * the one place the clock rules ask the policy for a limit. Also the small clock-set helpers the
 * parts of {@link ClockRules} share.
 */
final class ClockStarter {
  private final SlaPolicy sla;

  ClockStarter(SlaPolicy sla) {
    this.sla = sla;
  }

  /** The SLA policy. */
  SlaPolicy policy() {
    return sla;
  }

  /** Starts a clock of the case by the SLA policy's rule, if it has one. */
  Optional<SlaClock> start(
      CaseRecord rec, String name, SlaStage stage, java.time.Instant at, BusinessCalendar cal) {
    CaseFacts f = rec.facts();
    return sla.startClock(name, stage, f.categoryCode(), f.priority(), rec.urban(), cal, at);
  }

  /** The clocks with {@code clock} added, if present. */
  static CaseClocks withOptional(CaseClocks c, Optional<SlaClock> clock) {
    return clock.isPresent() ? c.with(clock.get()) : c;
  }

  /** The clocks without any summons clock. */
  static CaseClocks withoutSummons(CaseClocks c) {
    return c.withoutAll(ClockId::isSummons);
  }
}
