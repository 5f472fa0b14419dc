package org.gridgov.engine;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * An extension request (申请延期) refused by the SLA policy's {@code extensions} limit: the policy
 * allows none, the case has had as many as it allows, or the request asks for more days than one
 * extension may have. The rule names the limit and the values; nothing changed.
 */
public final class ExtensionLimitException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  ExtensionLimitException(Command c, CaseId caseId, String rule) {
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
