package org.gridgov.people;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of one small wish (微心愿), the fold of its {@link WishEvent}s.
 *
 * @param id the wish
 * @param poster the resident who posted it (pseudonymous)
 * @param communityCode its community
 * @param size how many claimants it needs
 * @param postedAt when posted
 * @param dueAt the fulfilment deadline
 * @param claimants the current claimants
 * @param firstClaimAt the first claim, if any
 * @param fullyClaimedAt the first instant it had {@code size} claimants, if ever
 * @param fulfilledAt when confirmed fulfilled, if it was
 */
public record Wish(
    WishId id,
    PersonId poster,
    long communityCode,
    int size,
    Instant postedAt,
    Instant dueAt,
    ImmutableSortedSet<PersonId> claimants,
    Optional<Instant> firstClaimAt,
    Optional<Instant> fullyClaimedAt,
    Optional<Instant> fulfilledAt) {

  /**
   * Returns whether the wish is fulfilled.
   *
   * @return whether fulfilled
   */
  public boolean fulfilled() {
    return fulfilledAt.isPresent();
  }

  /**
   * Returns whether the wish has all the claimants it needs.
   *
   * @return whether fully claimed
   */
  public boolean fullyClaimed() {
    return claimants.size() == size;
  }

  /**
   * Returns this wish with other claimants and claim instants, the rest unchanged.
   *
   * @param claimants the claimants now
   * @param firstClaimAt when it was first claimed
   * @param fullyClaimedAt when it got all its claimants
   * @return the wish
   */
  Wish withClaims(
      ImmutableSortedSet<PersonId> claimants,
      Optional<Instant> firstClaimAt,
      Optional<Instant> fullyClaimedAt) {
    return with(claimants, firstClaimAt, fullyClaimedAt, fulfilledAt);
  }

  /**
   * Returns this wish fulfilled at an instant, the rest unchanged.
   *
   * @param at when its poster confirmed it
   * @return the wish
   */
  Wish fulfilledAt(Instant at) {
    return with(claimants, firstClaimAt, fullyClaimedAt, Optional.of(at));
  }

  /** This wish with the claim and fulfilment state given, its posting unchanged. */
  private Wish with(
      ImmutableSortedSet<PersonId> claimants,
      Optional<Instant> firstClaimAt,
      Optional<Instant> fullyClaimedAt,
      Optional<Instant> fulfilledAt) {
    return new Wish(
        id,
        poster,
        communityCode,
        size,
        postedAt,
        dueAt,
        claimants,
        firstClaimAt,
        fullyClaimedAt,
        fulfilledAt);
  }

  @Override
  public String toString() {
    return "Wish "
        + id
        + " in "
        + communityCode
        + ": "
        + claimants.size()
        + "/"
        + size
        + " claimants"
        + (fulfilled() ? ", fulfilled" : "");
  }
}
