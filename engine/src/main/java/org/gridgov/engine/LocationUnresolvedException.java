package org.gridgov.engine;

import java.util.Locale;

/**
 * A {@link Command.ReportAt} refused because its point lies in no region the configured {@link
 * LocationResolver} knows, or resolves to a code that is not a region of the engine's tree. The
 * message shows the point masked (about 1 km). Nothing changed.
 */
public final class LocationUnresolvedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The rule every such refusal names. */
  static final String RULE =
      "a report at a point needs a point inside a region of the tree, resolved by the engine's"
          + " LocationResolver";

  LocationUnresolvedException(Command c, String what) {
    super(
        String.format(
            Locale.ROOT,
            "%s may not report case %s at %s (command %s): %s; %s",
            c.actor(),
            c.caseId(),
            ((Command.ReportAt) c.action()).point(),
            c.commandId(),
            what,
            RULE),
        c.actor(),
        c.caseId(),
        RULE);
  }
}
