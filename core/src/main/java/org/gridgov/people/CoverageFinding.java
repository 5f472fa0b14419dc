package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import java.util.Objects;

/**
 * One finding of a {@link CoverageAnalysis}.
 *
 * @param kind what was found
 * @param roleCode the role concerned
 * @param otherRoleCode the second role of a forbidden pair, or {@code ""}
 * @param regionCode the grid (a gap or clash) or the assignment's region (an overlap: the smaller
 *     of the two), or 0 for a spread
 * @param persons the persons involved, sorted (none for a gap)
 * @param grids the number of grids concerned (a spread: how many the person covers)
 * @param detail a sentence for people, naming ids, roles, regions and the rule
 */
public record CoverageFinding(
    Kind kind,
    String roleCode,
    String otherRoleCode,
    long regionCode,
    ImmutableList<PersonId> persons,
    int grids,
    String detail) {

  /** Kinds of finding. */
  public enum Kind {
    /** 留白: a grid with nobody in a required role. */
    GAP,
    /** A person covers more grids in a role than the policy allows. */
    SPREAD,
    /** 交叉: one person holds a forbidden pair of roles over a common grid. */
    OVERLAP,
    /** Two or more persons hold an exclusive role over one grid. */
    CLASH
  }

  /**
   * Validates.
   *
   * @param kind the kind
   * @param roleCode the role
   * @param otherRoleCode the other role, or ""
   * @param regionCode the region, or 0
   * @param persons the persons
   * @param grids the grid count
   * @param detail the sentence
   */
  public CoverageFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(roleCode, "roleCode");
    Objects.requireNonNull(otherRoleCode, "otherRoleCode");
    Objects.requireNonNull(persons, "persons");
    Objects.requireNonNull(detail, "detail");
  }

  /** Renders as {@code GAP grid_worker at 350302001001001: …}. */
  @Override
  public String toString() {
    return kind + " " + roleCode + (regionCode != 0 ? " at " + regionCode : "") + ": " + detail;
  }
}
