package org.gridgov.people;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person holding a staff role in a region for a period {@code [validFrom, validUntil)}: a grid
 * worker of one grid, a police officer of a community (covering its grids), a supervisor of a
 * street. A person may hold many (一员多用).
 *
 * @param person the person
 * @param roleCode the code of a role of the registry's {@link StaffRoles}
 * @param regionCode the region; the assignment covers every grid of its subtree (or the grid
 *     containing it, for a unit)
 * @param validFrom the first instant it holds
 * @param validUntil the first instant it no longer holds, or empty while open-ended
 */
public record Assignment(
    PersonId person,
    String roleCode,
    long regionCode,
    Instant validFrom,
    Optional<Instant> validUntil) {

  /**
   * Validates.
   *
   * @param person the person
   * @param roleCode the role code
   * @param regionCode the region code
   * @param validFrom the start, inclusive
   * @param validUntil the end, exclusive, or empty
   * @throws IllegalArgumentException if the period is empty or the role code malformed
   */
  public Assignment {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(roleCode, "roleCode");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    String p = StaffRole.codeProblem(roleCode);
    checkArgument(p == null, "%s", p);
    checkArgument(
        validUntil.isEmpty() || validUntil.get().isAfter(validFrom),
        "assignment of %s as %s in %s: valid_until %s must be after valid_from %s",
        person,
        roleCode,
        regionCode,
        validUntil.orElse(validFrom),
        validFrom);
  }

  /**
   * Returns an open-ended assignment.
   *
   * @param person the person
   * @param roleCode the role code
   * @param regionCode the region code
   * @param validFrom the start
   * @return the assignment
   */
  public static Assignment from(
      PersonId person, String roleCode, long regionCode, Instant validFrom) {
    return new Assignment(person, roleCode, regionCode, validFrom, Optional.empty());
  }

  /**
   * Returns an assignment for {@code [validFrom, validUntil)}.
   *
   * @param person the person
   * @param roleCode the role code
   * @param regionCode the region code
   * @param validFrom the start
   * @param validUntil the end, after the start
   * @return the assignment
   */
  public static Assignment between(
      PersonId person, String roleCode, long regionCode, Instant validFrom, Instant validUntil) {
    return new Assignment(person, roleCode, regionCode, validFrom, Optional.of(validUntil));
  }

  /**
   * Returns whether the assignment holds at an instant.
   *
   * @param at the instant
   * @return {@code validFrom <= at < validUntil}
   */
  public boolean isActiveAt(Instant at) {
    return !at.isBefore(validFrom) && (validUntil.isEmpty() || at.isBefore(validUntil.get()));
  }

  /**
   * Returns whether the two periods share an instant.
   *
   * @param other another assignment
   * @return whether the periods overlap
   */
  public boolean overlapsInTime(Assignment other) {
    boolean thisStartsBeforeOtherEnds =
        other.validUntil.isEmpty() || validFrom.isBefore(other.validUntil.get());
    boolean otherStartsBeforeThisEnds =
        validUntil.isEmpty() || other.validFrom.isBefore(validUntil.get());
    return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  /**
   * Returns this assignment ended at an instant.
   *
   * @param until the end, exclusive, after {@link #validFrom}
   * @return the ended assignment
   */
  public Assignment endedAt(Instant until) {
    return new Assignment(person, roleCode, regionCode, validFrom, Optional.of(until));
  }

  /** Renders as {@code p-17 grid_worker@350302001001001 [2024-01-01T00:00:00Z, …)}. */
  @Override
  public String toString() {
    return person
        + " "
        + roleCode
        + "@"
        + regionCode
        + " ["
        + validFrom
        + ", "
        + validUntil.map(Instant::toString).orElse("…")
        + ")";
  }
}
