package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gridgov.casefile.Role;
import org.gridgov.region.RegionTree;

/**
 * The staff registry (一格多员、一员多用): every {@link Assignment} of a person to a role in a region, over
 * a {@link RegionTree} and a {@link StaffRoles} set, as an edition (valid from a date, like the
 * region tree). Immutable; an edit returns a new edition and leaves this one as it was, so that an
 * old case can still be judged by the staff of its day.
 *
 * <p>Queries are by instant: who covers a grid in a role at {@code t}, which grids a person covers,
 * what a person holds. An assignment covers every grid of its region's subtree, or the grid that
 * contains it when the region is a unit.
 */
public final class StaffRegistry {
  private final GridIndex index;
  private final StaffRoles roles;
  private final LocalDate edition;
  private final ImmutableList<Assignment> assignments;
  private final ImmutableListMultimap<Long, Assignment> byRegion;
  private final ImmutableListMultimap<PersonId, Assignment> byPerson;

  private StaffRegistry(
      GridIndex index, StaffRoles roles, LocalDate edition, ImmutableList<Assignment> all) {
    this.index = index;
    this.roles = roles;
    this.edition = edition;
    this.assignments = all;
    ImmutableListMultimap.Builder<Long, Assignment> r = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<PersonId, Assignment> p = ImmutableListMultimap.builder();
    for (Assignment a : all) {
      r.put(a.regionCode(), a);
      p.put(a.person(), a);
    }
    this.byRegion = r.build();
    this.byPerson = p.build();
  }

  /**
   * Returns a registry.
   *
   * @param tree the region tree
   * @param roles the role set
   * @param edition the edition date
   * @param assignments the assignments, in order
   * @return the registry
   * @throws IllegalArgumentException naming the assignment, if its role is not in the set or its
   *     region not in the tree
   */
  public static StaffRegistry of(
      RegionTree tree, StaffRoles roles, LocalDate edition, Collection<Assignment> assignments) {
    return of(new GridIndex(Objects.requireNonNull(tree, "tree")), roles, edition, assignments);
  }

  static StaffRegistry of(
      GridIndex index, StaffRoles roles, LocalDate edition, Collection<Assignment> assignments) {
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(edition, "edition");
    int k = 0;
    for (Assignment a : assignments) {
      k++;
      if (roles.find(a.roleCode()).isEmpty()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "assignment %d (%s): unknown role %s; known roles are %s",
                k,
                a,
                a.roleCode(),
                roles.all().stream().map(StaffRole::code).toList()));
      }
      if (index.tree.indexOf(a.regionCode()) < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "assignment %d (%s): region %d is not in the tree (edition %s)",
                k,
                a,
                a.regionCode(),
                index.tree.edition()));
      }
    }
    return new StaffRegistry(index, roles, edition, ImmutableList.copyOf(assignments));
  }

  /**
   * Returns the region tree.
   *
   * @return the tree
   */
  public RegionTree tree() {
    return index.tree;
  }

  GridIndex gridIndex() {
    return index;
  }

  /**
   * Returns the role set.
   *
   * @return the roles
   */
  public StaffRoles roles() {
    return roles;
  }

  /**
   * Returns the edition date.
   *
   * @return the edition
   */
  public LocalDate edition() {
    return edition;
  }

  /**
   * Returns every assignment, in order.
   *
   * @return the assignments
   */
  public ImmutableList<Assignment> assignments() {
    return assignments;
  }

  /**
   * Returns every assignment of a person (past, current and future), in order.
   *
   * @param person the person
   * @return the assignments
   */
  public ImmutableList<Assignment> assignmentsOf(PersonId person) {
    return byPerson.get(person);
  }

  /**
   * Returns the persons the registry knows, sorted.
   *
   * @return the persons
   */
  public ImmutableSortedSet<PersonId> persons() {
    return ImmutableSortedSet.copyOf(byPerson.keySet());
  }

  /**
   * Returns a person's assignments active at an instant.
   *
   * @param person the person
   * @param at the instant
   * @return the active assignments, in order
   */
  public ImmutableList<Assignment> activeAssignments(PersonId person, Instant at) {
    return byPerson.get(person).stream()
        .filter(a -> a.isActiveAt(at))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the persons covering a grid (or any region: its grid range) in a role at an instant.
   *
   * @param regionCode a region of the tree, usually a grid
   * @param roleCode the role
   * @param at the instant
   * @return the persons, sorted, each once
   * @throws IllegalArgumentException if the region is not in the tree
   */
  public ImmutableSortedSet<PersonId> coverers(long regionCode, String roleCode, Instant at) {
    TreeSet<PersonId> out = new TreeSet<>();
    for (Assignment a : coveringAssignments(regionCode, at)) {
      if (a.roleCode().equals(roleCode)) {
        out.add(a.person());
      }
    }
    return ImmutableSortedSet.copyOf(out);
  }

  /**
   * Returns every assignment active at an instant whose grid range contains a region's grid range
   * start: those at the region's ancestors and itself, and those at units of the region's grid.
   *
   * @param regionCode a region of the tree
   * @param at the instant
   * @return the assignments, in tree order from the top
   * @throws IllegalArgumentException if the region is not in the tree
   */
  public ImmutableList<Assignment> coveringAssignments(long regionCode, Instant at) {
    int i = requireIndex(regionCode);
    int start = index.coverStart(i);
    List<Assignment> out = new ArrayList<>();
    List<Integer> chain = new ArrayList<>();
    for (int k = start; k >= 0; k = index.parent(k)) {
      chain.add(0, k);
    }
    for (int k : chain) {
      addActive(out, index.tree.region(k).code(), at);
    }
    for (int k = start + 1; k < index.end(start); k++) {
      addActive(out, index.tree.region(k).code(), at);
    }
    return ImmutableList.copyOf(out);
  }

  private void addActive(List<Assignment> out, long code, Instant at) {
    for (Assignment a : byRegion.get(code)) {
      if (a.isActiveAt(at)) {
        out.add(a);
      }
    }
  }

  /**
   * Returns the grids a person covers at an instant, in any role, or in one role.
   *
   * @param person the person
   * @param roleCode the role, or empty for any
   * @param at the instant
   * @return the grid codes, sorted
   */
  public ImmutableSortedSet<Long> gridsOf(PersonId person, Optional<String> roleCode, Instant at) {
    TreeSet<Long> out = new TreeSet<>();
    for (Assignment a : byPerson.get(person)) {
      if (a.isActiveAt(at) && (roleCode.isEmpty() || roleCode.get().equals(a.roleCode()))) {
        int i = index.tree.indexOf(a.regionCode());
        for (int k = index.coverStart(i); k < index.coverEnd(i); k++) {
          if (index.isGrid(k)) {
            out.add(index.tree.region(k).code());
          }
        }
      }
    }
    return ImmutableSortedSet.copyOf(out);
  }

  /**
   * Returns whether a person, at an instant, holds a role that acts as {@code caseRole} in a region
   * whose subtree contains {@code regionCode} (a worker of a grid acts in that grid; a supervisor
   * of a street in each of its grids).
   *
   * @param person the person
   * @param caseRole the case role
   * @param regionCode the region the person claims to act in
   * @param at the instant
   * @return whether such an assignment is active
   */
  public boolean holds(PersonId person, Role caseRole, long regionCode, Instant at) {
    int target = index.tree.indexOf(regionCode);
    if (target < 0) {
      return false;
    }
    for (Assignment a : byPerson.get(person)) {
      if (a.isActiveAt(at)
          && roles.get(a.roleCode()).actsAs().equals(Optional.of(caseRole))
          && index.tree.contains(index.tree.indexOf(a.regionCode()), target)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a new edition with one assignment more, refused if it breaks the policy.
   *
   * @param assignment the new assignment
   * @param newEdition the new edition's date
   * @param policy the policy it must keep (forbidden pairs, exclusive roles, grid limits)
   * @return the new edition
   * @throws StaffPolicyException naming the person, role, region and rule, if refused
   * @throws IllegalArgumentException if its role or region is unknown
   */
  public StaffRegistry withAssignment(
      Assignment assignment, LocalDate newEdition, StaffPolicy policy) {
    StaffRegistry next =
        of(
            index,
            roles,
            newEdition,
            ImmutableList.<Assignment>builder().addAll(assignments).add(assignment).build());
    Optional<String> rule = PolicyChecks.conflict(next, assignments, assignment, policy);
    if (rule.isPresent()) {
      throw new StaffPolicyException(assignment, rule.get());
    }
    return next;
  }

  /**
   * Returns a new edition where the person's active assignments in a role at a region end at an
   * instant (leaving a post; 调岗).
   *
   * @param person the person
   * @param roleCode the role
   * @param regionCode the region of the assignment
   * @param at the end instant (exclusive), at which the assignment is active
   * @param newEdition the new edition's date
   * @return the new edition
   * @throws IllegalArgumentException naming person, role and region if no such assignment is active
   *     at {@code at}
   */
  public StaffRegistry withEnded(
      PersonId person, String roleCode, long regionCode, Instant at, LocalDate newEdition) {
    List<Assignment> next = new ArrayList<>(assignments.size());
    boolean found = false;
    for (Assignment a : assignments) {
      if (a.person().equals(person)
          && a.roleCode().equals(roleCode)
          && a.regionCode() == regionCode
          && a.isActiveAt(at)
          && a.validFrom().isBefore(at)) {
        next.add(a.endedAt(at));
        found = true;
      } else {
        next.add(a);
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s holds no %s assignment in %d that started before and is active at %s",
              person,
              roleCode,
              regionCode,
              at));
    }
    return new StaffRegistry(index, roles, newEdition, ImmutableList.copyOf(next));
  }

  private int requireIndex(long regionCode) {
    int i = index.tree.indexOf(regionCode);
    if (i < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "region %d is not in the tree (edition %s)",
              regionCode,
              index.tree.edition()));
    }
    return i;
  }

  /** Renders as {@code StaffRegistry[edition 2024-01-01, 3 persons, 5 assignments]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "StaffRegistry[edition %s, %d persons, %d assignments]",
        edition,
        byPerson.keySet().size(),
        assignments.size());
  }
}
