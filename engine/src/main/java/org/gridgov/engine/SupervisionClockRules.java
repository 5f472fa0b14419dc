package org.gridgov.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;

/**
 * The supervision (督办) clock: started at {@code SupervisionOpened} and restarted at {@code
 * SupervisionEscalated} with the level's limit on the calendar edition in force, so a new edition
 * moves its deadline like every other clock ({@code DeadlineRevised}); ended at {@code
 * SupervisionClosed}. When the level's limit does not give the deadline the event recorded (a log
 * written under another supervision policy), the clock runs in natural time to the recorded
 * deadline instead, so a restore always reaches the recorded deadline.
 */
final class SupervisionClockRules {
  private final SlaPolicy sla;
  private final SupervisionPolicy policy;

  SupervisionClockRules(SlaPolicy sla, SupervisionPolicy policy) {
    this.sla = sla;
    this.policy = policy;
  }

  /** The clocks after {@code ev}, one of the supervision's events; else unchanged. */
  CaseClocks next(CaseClocks c, CaseEvent ev, BusinessCalendar calendar) {
    EventPayload p = ev.payload();
    if (p instanceof EventPayload.SupervisionOpened o) {
      return started(c, ev.at(), o.level(), o.dueAt(), calendar);
    }
    if (p instanceof EventPayload.SupervisionEscalated e) {
      return started(c, ev.at(), e.toLevel(), e.dueAt(), calendar);
    }
    if (p instanceof EventPayload.SupervisionClosed) {
      return c.without(ClockId.SUPERVISION.name());
    }
    return c;
  }

  private CaseClocks started(
      CaseClocks c, Instant at, String level, Instant dueAt, BusinessCalendar calendar) {
    Optional<SlaClock> byLevel =
        policy
            .level(level)
            .map(l -> clock(l.limit(), at, calendar))
            .filter(k -> k.deadline().equals(Optional.of(dueAt)));
    SlaClock clock =
        byLevel.orElseGet(() -> clock(SlaLimit.natural(Duration.between(at, dueAt)), at, calendar));
    return c.without(ClockId.SUPERVISION.name()).with(clock);
  }

  private SlaClock clock(SlaLimit limit, Instant at, BusinessCalendar calendar) {
    return SlaClock.start(ClockId.SUPERVISION.name(), limit, sla.defaultLevels(), calendar, at);
  }
}
