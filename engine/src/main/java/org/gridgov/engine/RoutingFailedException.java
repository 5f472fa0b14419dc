package org.gridgov.engine;

import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * The routing policy threw, rejected a case that had to be routed, or named an unknown handler; the
 * engine is unchanged. One of the {@link CommandRefusedException} family: its {@link #actor()} is
 * the principal of the refused command, or {@value #SYSTEM_ACTOR} when the engine itself routed (a
 * breach during {@link CaseEngine#advanceTo}).
 */
public final class RoutingFailedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The actor text of a routing the engine started itself (a breach while time moved). */
  public static final String SYSTEM_ACTOR = "system";

  /** The rule every routing failure names. */
  static final String RULE =
      "the routing policy must decide without throwing, route a case that needs a route, and name"
          + " only known handlers";

  /**
   * Creates one.
   *
   * @param caseId the case being routed
   * @param message what went wrong
   * @param cause the policy's exception, if any
   */
  public RoutingFailedException(CaseId caseId, String message, @Nullable Throwable cause) {
    super(message, SYSTEM_ACTOR, caseId, RULE, cause);
  }

  /**
   * Creates one without a cause.
   *
   * @param caseId the case being routed
   * @param message what went wrong
   */
  public RoutingFailedException(CaseId caseId, String message) {
    this(caseId, message, null);
  }

  /** The same failure, naming the principal whose command needed the route. */
  RoutingFailedException(Principal actor, RoutingFailedException failure) {
    super(
        String.valueOf(failure.getMessage()),
        actor.toString(),
        failure.caseId(),
        RULE,
        failure.getCause());
  }
}
