package org.gridgov.benchmarks.engine.legacy;

import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;

/**
 * Decides who may issue which command on which case. The engine asks, in this order, before it
 * computes any event:
 *
 * <ol>
 *   <li>{@link #principalRefusal}: is the principal one this engine knows at all (whatever the
 *       case)?
 *   <li>{@link #sees}: may the principal know that an existing case exists? A case it may not see
 *       is refused exactly as an unknown case ({@link UnknownCaseException}), so that a refusal
 *       discloses nothing. The target of a {@code Merge} must be visible too.
 *   <li>{@link #refusal}: may the principal issue this command on this (visible or newly reported)
 *       case?
 * </ol>
 *
 * <p>Implementations are pure functions of their arguments and their own immutable configuration:
 * no clock, no I/O. A refusal's rule text names roles, region codes and handler ids, never personal
 * data. The default is {@link JurisdictionAuthorizationPolicy}.
 */
public interface AuthorizationPolicy {

  /**
   * Returns why the principal is refused whatever the command and case (e.g. a department staff
   * member of a department the engine does not know), or empty.
   *
   * @param principal the principal
   * @return the rule that refuses it, or empty
   */
  Optional<String> principalRefusal(Principal principal);

  /**
   * Returns whether the principal may know that an existing case exists.
   *
   * @param principal the principal (one {@link #principalRefusal} accepted)
   * @param facts the case's facts
   * @param state the case's current state
   * @return whether the case is visible to it
   */
  boolean sees(Principal principal, CaseFacts facts, CaseState state);

  /**
   * Returns why the command is refused on the case, or empty if it is allowed.
   *
   * @param command the command (its principal accepted by {@link #principalRefusal})
   * @param facts the case's facts (of the case being reported, for a {@code Report})
   * @param state the case's current state (the initial state, for a {@code Report})
   * @return the rule that refuses it, or empty
   */
  Optional<String> refusal(Command command, CaseFacts facts, CaseState state);
}
