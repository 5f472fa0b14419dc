package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Staff coverage at one instant, in the style of the routing policy analysis: grids with nobody in
 * a required role (留白), persons covering more grids in a role than allowed, one person holding a
 * forbidden pair over a common grid (交叉), and several persons in an exclusive role over one grid.
 *
 * <p>Cost: one pass over the tree per required or exclusive role (coverage counted by a difference
 * array over pre-order ranges) plus the active assignments; a Putian-scale registry (10,440 grids,
 * tens of thousands of staff) takes milliseconds. Findings come in a fixed order: gaps and clashes
 * by tree order, spreads and overlaps by person id, then assignment order.
 */
public final class CoverageAnalysis {
  private final Instant at;
  private final ImmutableList<CoverageFinding> findings;

  private CoverageAnalysis(Instant at, ImmutableList<CoverageFinding> findings) {
    this.at = at;
    this.findings = findings;
  }

  /**
   * Analyses a registry against a policy at an instant.
   *
   * @param registry the registry
   * @param policy the policy
   * @param at the instant
   * @return the analysis
   */
  public static CoverageAnalysis of(StaffRegistry registry, StaffPolicy policy, Instant at) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(at, "at");
    GridIndex index = registry.gridIndex();
    List<Assignment> active = new ArrayList<>();
    for (Assignment a : registry.assignments()) {
      if (a.isActiveAt(at)) {
        active.add(a);
      }
    }
    ImmutableList.Builder<CoverageFinding> out = ImmutableList.builder();
    for (String role : policy.requiredRoles()) {
      gaps(index, active, role, out);
    }
    for (String role : policy.exclusiveRoles()) {
      clashes(registry, index, active, role, at, out);
    }
    Map<PersonId, List<Assignment>> byPerson = new TreeMap<>();
    for (Assignment a : active) {
      byPerson.computeIfAbsent(a.person(), k -> new ArrayList<>()).add(a);
    }
    byPerson.forEach((p, own) -> spreads(index, policy, p, own, out));
    byPerson.forEach((p, own) -> overlaps(index, policy, p, own, out));
    return new CoverageAnalysis(at, out.build());
  }

  /** Per index, how many active assignments of the role cover it (as a grid). */
  private static int[] coverage(GridIndex index, List<Assignment> active, String role) {
    int[] diff = new int[index.size() + 1];
    for (Assignment a : active) {
      if (a.roleCode().equals(role)) {
        int i = index.tree.indexOf(a.regionCode());
        diff[index.coverStart(i)]++;
        diff[index.coverEnd(i)]--;
      }
    }
    int run = 0;
    for (int i = 0; i < diff.length; i++) {
      run += diff[i];
      diff[i] = run;
    }
    return diff;
  }

  private static void gaps(
      GridIndex index,
      List<Assignment> active,
      String role,
      ImmutableList.Builder<CoverageFinding> out) {
    int[] count = coverage(index, active, role);
    for (int i = 0; i < index.size(); i++) {
      if (index.isGrid(i) && count[i] == 0) {
        long code = index.tree.region(i).code();
        out.add(
            new CoverageFinding(
                CoverageFinding.Kind.GAP,
                role,
                "",
                code,
                ImmutableList.of(),
                1,
                String.format(
                    Locale.ROOT, "grid %d has nobody as %s (require %s)", code, role, role)));
      }
    }
  }

  private static void clashes(
      StaffRegistry registry,
      GridIndex index,
      List<Assignment> active,
      String role,
      Instant at,
      ImmutableList.Builder<CoverageFinding> out) {
    int[] count = coverage(index, active, role);
    for (int i = 0; i < index.size(); i++) {
      if (index.isGrid(i) && count[i] > 1) {
        long code = index.tree.region(i).code();
        ImmutableSortedSet<PersonId> persons = registry.coverers(code, role, at);
        if (persons.size() > 1) {
          out.add(
              new CoverageFinding(
                  CoverageFinding.Kind.CLASH,
                  role,
                  "",
                  code,
                  persons.asList(),
                  1,
                  String.format(
                      Locale.ROOT,
                      "grid %d has %d persons as %s %s (exclusive %s)",
                      code,
                      persons.size(),
                      role,
                      persons,
                      role)));
        }
      }
    }
  }

  private static void spreads(
      GridIndex index,
      StaffPolicy policy,
      PersonId person,
      List<Assignment> own,
      ImmutableList.Builder<CoverageFinding> out) {
    Map<String, List<int[]>> ranges = new TreeMap<>();
    for (Assignment a : own) {
      if (policy.maxGrids(a.roleCode()).isPresent()) {
        int i = index.tree.indexOf(a.regionCode());
        ranges
            .computeIfAbsent(a.roleCode(), k -> new ArrayList<>())
            .add(new int[] {index.coverStart(i), index.coverEnd(i)});
      }
    }
    ranges.forEach(
        (role, rs) -> {
          int grids = unionGrids(index, rs);
          OptionalInt max = policy.maxGrids(role);
          if (grids > max.orElseThrow()) {
            out.add(
                new CoverageFinding(
                    CoverageFinding.Kind.SPREAD,
                    role,
                    "",
                    0,
                    ImmutableList.of(person),
                    grids,
                    String.format(
                        Locale.ROOT,
                        "%s covers %d grids as %s; at most %d allowed (max_grids %s %d)",
                        person,
                        grids,
                        role,
                        max.getAsInt(),
                        role,
                        max.getAsInt())));
          }
        });
  }

  /** The number of grids in the union of pre-order ranges (ranges nest or are disjoint). */
  private static int unionGrids(GridIndex index, List<int[]> ranges) {
    int[][] rs = ranges.toArray(new int[0][]);
    Arrays.sort(
        rs, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
    int total = 0;
    int reach = -1;
    for (int[] r : rs) {
      if (r[1] <= reach) {
        continue;
      }
      int from = Math.max(r[0], reach);
      total += index.gridsIn(from, r[1]);
      reach = r[1];
    }
    return total;
  }

  private static void overlaps(
      GridIndex index,
      StaffPolicy policy,
      PersonId person,
      List<Assignment> own,
      ImmutableList.Builder<CoverageFinding> out) {
    if (own.size() < 2 || policy.forbiddenPairs().isEmpty()) {
      return;
    }
    Map<Assignment, int[]> range = new HashMap<>();
    for (Assignment a : own) {
      int i = index.tree.indexOf(a.regionCode());
      range.put(a, new int[] {index.coverStart(i), index.coverEnd(i)});
    }
    for (int x = 0; x < own.size(); x++) {
      for (int y = x + 1; y < own.size(); y++) {
        Assignment a = own.get(x);
        Assignment b = own.get(y);
        if (!policy.forbids(a.roleCode(), b.roleCode())) {
          continue;
        }
        int[] ra = Objects.requireNonNull(range.get(a));
        int[] rb = Objects.requireNonNull(range.get(b));
        int lo = Math.max(ra[0], rb[0]);
        int hi = Math.min(ra[1], rb[1]);
        int shared = lo < hi ? index.gridsIn(lo, hi) : 0;
        if (shared > 0) {
          long region = (ra[1] - ra[0]) <= (rb[1] - rb[0]) ? a.regionCode() : b.regionCode();
          out.add(
              new CoverageFinding(
                  CoverageFinding.Kind.OVERLAP,
                  a.roleCode(),
                  b.roleCode(),
                  region,
                  ImmutableList.of(person),
                  shared,
                  String.format(
                      Locale.ROOT,
                      "%s holds %s in %d and %s in %d over %d common grids (forbid_pair %s %s)",
                      person,
                      a.roleCode(),
                      a.regionCode(),
                      b.roleCode(),
                      b.regionCode(),
                      shared,
                      a.roleCode(),
                      b.roleCode())));
        }
      }
    }
  }

  /**
   * Returns the instant analysed.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * Returns every finding, in the documented order.
   *
   * @return the findings
   */
  public ImmutableList<CoverageFinding> findings() {
    return findings;
  }

  /**
   * Returns the findings of one kind.
   *
   * @param kind the kind
   * @return the findings
   */
  public ImmutableList<CoverageFinding> findings(CoverageFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /** Renders the count per kind. */
  @Override
  public String toString() {
    Map<CoverageFinding.Kind, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
    return "CoverageAnalysis[at " + at + ", " + counts + "]";
  }
}
