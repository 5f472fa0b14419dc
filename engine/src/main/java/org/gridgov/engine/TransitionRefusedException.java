package org.gridgov.engine;

import java.util.Locale;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * A command refused because the case is not in a state that allows it: the lifecycle ({@link
 * org.gridgov.casefile.CaseLifecycle}) refused an event it would make (the cause is then its {@link
 * org.gridgov.casefile.IllegalTransitionException}), or an engine rule about the case's state did
 * (e.g. resume needs a suspended case, only the lead resolves, an arrival needs a pending summons).
 * Nothing changed.
 */
public final class TransitionRefusedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  TransitionRefusedException(Command c, CaseId caseId, String rule, @Nullable Throwable cause) {
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
        rule,
        cause);
  }
}
