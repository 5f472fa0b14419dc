package org.gridgov.engine;

import java.util.Locale;

/**
 * A command refused because it names a handler the engine does not know (neither a configured
 * department nor {@code office:<code>} of a region of the tree). Nothing changed.
 */
public final class UnknownHandlerException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The rule every unknown-handler refusal names. */
  static final String RULE =
      "a command must name a configured department or office:<region code> of the tree";

  private final String handlerId;

  UnknownHandlerException(Command c, String handlerId) {
    super(
        String.format(
            Locale.ROOT,
            "%s may not %s case %s to unknown handler %s (command %s): %s",
            c.actor(),
            c.action().name(),
            c.caseId(),
            handlerId,
            c.commandId(),
            RULE),
        c.actor(),
        c.caseId(),
        RULE);
    this.handlerId = handlerId;
  }

  /**
   * Returns the unknown handler id the command named.
   *
   * @return the id
   */
  public String handlerId() {
    return handlerId;
  }
}
