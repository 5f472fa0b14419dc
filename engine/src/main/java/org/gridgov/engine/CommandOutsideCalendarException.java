package org.gridgov.engine;

import java.util.Locale;
import org.gridgov.sla.OutsideCalendarException;

/**
 * A command refused because a deadline or warning it would set lies outside the coverage of the
 * calendar edition in force (the cause says which day and which coverage). Nothing changed; adopt a
 * newer edition ({@link CaseEngine#adoptCalendar}) or widen the coverage.
 */
public final class CommandOutsideCalendarException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The rule every such refusal names. */
  static final String RULE = "every deadline and warning must lie within the calendar's coverage";

  CommandOutsideCalendarException(Command c, OutsideCalendarException cause) {
    super(
        String.format(
            Locale.ROOT,
            "%s may not %s case %s (command %s): %s; %s",
            c.actor(),
            c.action().name(),
            c.caseId(),
            c.commandId(),
            RULE,
            cause.getMessage()),
        c.actor(),
        c.caseId(),
        RULE,
        cause);
  }
}
