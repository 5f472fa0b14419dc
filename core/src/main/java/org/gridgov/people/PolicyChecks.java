package org.gridgov.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks assignments one by one against a {@link StaffPolicy} and the assignments accepted before
 * them, over whole validity periods (not one instant): forbidden pairs in one person, exclusive
 * roles over a grid, and grid limits (counting every overlapping assignment of the role, an upper
 * bound of what the person covers at any one instant).
 */
final class PolicyChecks {
  private final GridIndex index;
  private final StaffPolicy policy;
  private final Map<Long, List<Assignment>> byRegion = new HashMap<>();
  private final Map<PersonId, List<Assignment>> byPerson = new HashMap<>();

  PolicyChecks(GridIndex index, StaffPolicy policy) {
    this.index = index;
    this.policy = policy;
  }

  /** The rule the first registry's assignments plus {@code added} breaks, or empty. */
  static Optional<String> conflict(
      StaffRegistry next, List<Assignment> earlier, Assignment added, StaffPolicy policy) {
    PolicyChecks checks = new PolicyChecks(next.gridIndex(), policy);
    earlier.forEach(checks::add);
    return checks.conflict(added);
  }

  void add(Assignment a) {
    byRegion.computeIfAbsent(a.regionCode(), k -> new ArrayList<>()).add(a);
    byPerson.computeIfAbsent(a.person(), k -> new ArrayList<>()).add(a);
  }

  /** The rule {@code a} breaks against the assignments added so far, or empty. */
  Optional<String> conflict(Assignment a) {
    int i = index.tree.indexOf(a.regionCode());
    int from = index.coverStart(i);
    int to = index.coverEnd(i);
    List<Assignment> own = byPerson.getOrDefault(a.person(), List.of());
    for (Assignment b : own) {
      if (a.overlapsInTime(b)
          && sharesGrid(from, to, b)
          && policy.forbids(a.roleCode(), b.roleCode())) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "one person may not hold %s and %s over a common grid at once (forbid_pair); %s"
                    + " already holds %s",
                a.roleCode(),
                b.roleCode(),
                a.person(),
                b));
      }
    }
    if (policy.exclusiveRoles().contains(a.roleCode())) {
      Optional<Assignment> other = otherHolder(a, from, to);
      if (other.isPresent()) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "at most one person holds %s over a grid at a time (exclusive); %s already does",
                a.roleCode(),
                other.get()));
      }
    }
    OptionalInt max = policy.maxGrids(a.roleCode());
    if (max.isPresent()) {
      int grids = index.gridsIn(from, to);
      for (Assignment b : own) {
        if (b.roleCode().equals(a.roleCode()) && a.overlapsInTime(b)) {
          int j = index.tree.indexOf(b.regionCode());
          grids += index.gridsIn(index.coverStart(j), index.coverEnd(j));
        }
      }
      if (grids > max.getAsInt()) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "a person covers at most %d grids as %s (max_grids); with this assignment %s would"
                    + " cover %d",
                max.getAsInt(),
                a.roleCode(),
                a.person(),
                grids));
      }
    }
    return Optional.empty();
  }

  private boolean sharesGrid(int from, int to, Assignment b) {
    int j = index.tree.indexOf(b.regionCode());
    int bFrom = index.coverStart(j);
    int bTo = index.coverEnd(j);
    int lo = Math.max(from, bFrom);
    int hi = Math.min(to, bTo);
    return lo < hi && index.gridsIn(lo, hi) > 0;
  }

  /** Another person holding a's role over a grid of [from, to) in an overlapping period. */
  private Optional<Assignment> otherHolder(Assignment a, int from, int to) {
    for (int k = index.parent(from); k >= 0; k = index.parent(k)) {
      Optional<Assignment> b = clash(a, index.tree.region(k).code());
      if (b.isPresent()) {
        return b;
      }
    }
    for (int k = from; k < to; k++) {
      Optional<Assignment> b = clash(a, index.tree.region(k).code());
      if (b.isPresent()) {
        return b;
      }
    }
    return Optional.empty();
  }

  private Optional<Assignment> clash(Assignment a, long code) {
    for (Assignment b : byRegion.getOrDefault(code, List.of())) {
      if (!b.person().equals(a.person())
          && b.roleCode().equals(a.roleCode())
          && a.overlapsInTime(b)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
