package org.gridgov.engine;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * A supervision command (督办, 催办, 督办办结) refused by the supervision rules: the case is not open, it
 * is already under supervision, it is not under supervision, or the level is not one of the {@link
 * SupervisionPolicy}'s. The rule names what was expected; nothing changed.
 */
public final class SupervisionRefusedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  SupervisionRefusedException(Command c, CaseId caseId, String rule) {
    super(
        String.format(
            Locale.ROOT,
            "%s may not %s case %s (command %s): %s",
            c.actor(),
            c.action().name(),
            caseId,
            c.commandId(),
            rule),
        c.actor(),
        caseId,
        rule);
  }
}
