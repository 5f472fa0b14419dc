package org.gridgov.engine;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.people.MatterSize;

/**
 * A case's referral to a deliberation or mediation body, as the {@link DeliberationDesk} folds it
 * from its log.
 *
 * @param bodyId the body
 * @param size the matter's size
 * @param referredAt when referred
 * @param sittingBy the sitting the referral waits for (after a deferral, the next one)
 * @param sittings how many sittings were held on it
 * @param deferrals how many times it was deferred
 * @param quorateSince the latest sitting since the referral or the last deferral, if it met its
 *     quorum: a decision needs one
 * @param decidedAt when it was decided (not deferred), if it was
 * @param outcome the final outcome, if decided
 */
public record Referral(
    String bodyId,
    MatterSize size,
    Instant referredAt,
    Instant sittingBy,
    int sittings,
    int deferrals,
    Optional<Instant> quorateSince,
    Optional<Instant> decidedAt,
    Optional<org.gridgov.people.BodyKind.Outcome> outcome) {

  /**
   * Returns whether the referral is still open.
   *
   * @return whether undecided
   */
  public boolean isOpen() {
    return decidedAt.isEmpty();
  }
}
