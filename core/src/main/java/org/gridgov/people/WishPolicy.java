package org.gridgov.people;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules of a {@link WishBoard}: who may claim (holders of these staff roles over the wish's
 * community), how many claimants one wish may need at most (many to one), how many open claims one
 * person may hold at once (one to many), and the limit from posting to fulfilment.
 *
 * @param claimantRoles the role codes whose holders may claim, not empty
 * @param maxSize the largest size a wish may have, {@code >= 1}
 * @param maxOpenClaimsPerPerson how many unfulfilled wishes one person may hold claims on, {@code
 *     >= 1}
 * @param fulfilLimit the natural time from posting to the fulfilment deadline, positive
 */
public record WishPolicy(
    ImmutableSet<String> claimantRoles,
    int maxSize,
    int maxOpenClaimsPerPerson,
    Duration fulfilLimit) {

  /**
   * Validates.
   *
   * @param claimantRoles the claimantRoles component
   * @param maxSize the maxSize component
   * @param maxOpenClaimsPerPerson the maxOpenClaimsPerPerson component
   * @param fulfilLimit the fulfilLimit component
   */
  public WishPolicy {
    claimantRoles = ImmutableSet.copyOf(claimantRoles);
    Preconditions.checkArgument(!claimantRoles.isEmpty(), "a wish policy needs claimant roles");
    Preconditions.checkArgument(maxSize >= 1, "maxSize must be >= 1, not %s", maxSize);
    Preconditions.checkArgument(
        maxOpenClaimsPerPerson >= 1,
        "maxOpenClaimsPerPerson must be >= 1, not %s",
        maxOpenClaimsPerPerson);
    Objects.requireNonNull(fulfilLimit, "fulfilLimit");
    Preconditions.checkArgument(
        !fulfilLimit.isNegative() && !fulfilLimit.isZero(),
        "fulfilLimit must be positive, not %s",
        fulfilLimit);
  }

  /**
   * The standard rules: party contacts (党员中心户) and volunteers (志愿者) claim; a wish needs at most 10
   * claimants; a person holds at most 5 open claims; 30 days to fulfil.
   *
   * @return the policy
   */
  public static WishPolicy standard() {
    return new WishPolicy(
        ImmutableSet.of("party_contact", "volunteer"), 10, 5, Duration.ofDays(30));
  }
}
