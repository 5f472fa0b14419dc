package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Putian-scale registry (10,440 grids, about 40,000 staff) written as CSV with planted gaps,
 * spreads, forbidden overlaps and clashes, read back, and analysed; the findings are compared with
 * the planted sets and with a brute-force oracle over the {@link Region} API.
 */
class CoverageAnalysisTest {
  private static final long SEED = 2104L;
  private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");
  private static final String FROM = "2024-01-01";
  private static final StaffPolicy POLICY =
      StaffPolicy.builder()
          .require("grid_worker")
          .require("grid_leader")
          .maxGrids("grid_worker", 3)
          .forbidPair("grid_worker", "supervisor")
          .exclusive("grid_leader")
          .build();

  private static RegionTree tree;
  private static StaffRegistry registry;
  private static final Set<Long> plantedGaps = new TreeSet<>();
  private static final Set<PersonId> plantedSpread = new TreeSet<>();
  private static final Set<PersonId> plantedOverlap = new TreeSet<>();
  private static final Set<Long> plantedClash = new TreeSet<>();

  @BeforeAll
  static void build() {
    tree = PeopleFixtures.putianTree();
    ImmutableList<Region> grids = tree.regionsAt(RegionLevel.GRID);
    assertThat(grids).hasSize(10_440);
    SplittableRandom rnd = new SplittableRandom(SEED);
    StringBuilder csv = new StringBuilder("person,role,region,valid_from,valid_until\n");
    // Gaps avoid the grids the spread and overlap plants below staff (grids 500..2999 and each
    // street's first grid), so that each plant stays what it is.
    Set<Long> firstOfStreet = new HashSet<>();
    tree.regionsAt(RegionLevel.STREET)
        .forEach(s -> firstOfStreet.add(s.descendantsAt(RegionLevel.GRID).get(0).code()));
    Set<Integer> gapIdx = new HashSet<>();
    while (gapIdx.size() < 60) {
      int g = 3000 + rnd.nextInt(grids.size() - 3000);
      if (!firstOfStreet.contains(grids.get(g).code())) {
        gapIdx.add(g);
      }
    }
    int k = 0;
    for (int g = 0; g < grids.size(); g++) {
      long code = grids.get(g).code();
      // Leaders: one per grid.
      row(csv, "l-" + g, "grid_leader", code, FROM, "");
      // Workers: grids 0-1 of each five share a worker (two grids each), the rest one each.
      String worker = g % 5 == 1 ? "w-" + (g - 1) : "w-" + g;
      if (gapIdx.contains(g)) {
        plantedGaps.add(code);
        switch (k++ % 3) {
          case 0 -> {} // never staffed
          case 1 -> row(csv, worker + "-gone", "grid_worker", code, FROM, "2025-05-01"); // left
          default -> row(csv, worker + "-late", "grid_worker", code, "2025-07-01", ""); // not yet
        }
      } else {
        row(csv, worker, "grid_worker", code, FROM, "");
      }
    }
    // Police per community, supervisors per street, volunteers at random grids and units.
    for (Region c : tree.regionsAt(RegionLevel.COMMUNITY)) {
      row(csv, "pol-" + c.code(), "police", c.code(), FROM, "");
    }
    ImmutableList<Region> streets = tree.regionsAt(RegionLevel.STREET);
    for (Region s : streets) {
      row(csv, "s-" + s.code(), "supervisor", s.code(), FROM, "");
    }
    for (int v = 0; v < 20_000; v++) {
      Region g = grids.get(rnd.nextInt(grids.size()));
      long where = v % 4 == 0 ? g.children().get(0).code() : g.code();
      row(csv, "v-" + v, "volunteer", where, FROM, "");
    }
    // Spread: 9 workers of non-gap grids take 2 or 3 more grids (4 or 5 > 3); 5 take exactly one
    // more (3, allowed).
    for (int p = 0; p < 14; p++) {
      int g = 5 * (100 + 37 * p); // a grid of a two-grid worker
      String worker = "w-" + g;
      int extra = p < 9 ? 2 + p % 2 : 1;
      for (int e = 0; e < extra; e++) {
        row(csv, worker, "grid_worker", grids.get(g + 2 + e).code(), FROM, "");
      }
      if (p < 9) {
        plantedSpread.add(PersonId.of(worker));
      }
    }
    // Overlap: 6 supervisors also work a grid of their own street; 3 a grid elsewhere (allowed).
    for (int p = 0; p < 9; p++) {
      Region s = streets.get(3 * p);
      Region own = s.descendantsAt(RegionLevel.GRID).get(0);
      Region elsewhere = streets.get(3 * p + 1).descendantsAt(RegionLevel.GRID).get(0);
      row(csv, "s-" + s.code(), "grid_worker", (p < 6 ? own : elsewhere).code(), FROM, "");
      if (p < 6) {
        plantedOverlap.add(PersonId.of("s-" + s.code()));
      }
    }
    // Clash: 5 grids get a second leader (2 of them at a unit of the grid); a 6th a leader whose
    // term ended before T (no clash).
    for (int p = 0; p < 6; p++) {
      Region g = grids.get(997 * (p + 1));
      long where = p % 2 == 0 ? g.code() : g.children().get(0).code();
      row(csv, "l2-" + p, "grid_leader", where, FROM, p == 5 ? "2025-01-01" : "");
      if (p < 5) {
        plantedClash.add(g.code());
      }
    }
    registry =
        StaffCsv.read(
            new StringReader(csv.toString()),
            "putian-staff.csv",
            tree,
            StaffRoles.standard(),
            PeopleFixtures.EDITION);
  }

  private static void row(
      StringBuilder b, String person, String role, long region, String from, String until) {
    b.append(person)
        .append(',')
        .append(role)
        .append(',')
        .append(region)
        .append(',')
        .append(from)
        .append(',')
        .append(until)
        .append('\n');
  }

  @Test
  void registryIsPutianScale() {
    assertThat(registry.persons().size()).isGreaterThan(30_000);
    assertThat(registry.assignments().size()).isGreaterThan(40_000);
  }

  @Test
  void findsExactlyThePlantedGaps() {
    CoverageAnalysis analysis = CoverageAnalysis.of(registry, POLICY, T);
    Set<Long> found =
        analysis.findings(CoverageFinding.Kind.GAP).stream()
            .filter(f -> f.roleCode().equals("grid_worker"))
            .map(CoverageFinding::regionCode)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).isEqualTo(plantedGaps).isEqualTo(oracleGaps("grid_worker"));
    assertThat(analysis.findings(CoverageFinding.Kind.GAP))
        .filteredOn(f -> f.roleCode().equals("grid_leader"))
        .isEmpty();
  }

  @Test
  void findsExactlyThePlantedSpreads() {
    CoverageAnalysis analysis = CoverageAnalysis.of(registry, POLICY, T);
    assertThat(personsOf(analysis.findings(CoverageFinding.Kind.SPREAD)))
        .isEqualTo(plantedSpread)
        .isEqualTo(oracleSpread("grid_worker", 3));
    assertThat(analysis.findings(CoverageFinding.Kind.SPREAD))
        .allSatisfy(
            f ->
                assertThat(f.grids())
                    .isEqualTo(
                        registry
                            .gridsOf(f.persons().get(0), java.util.Optional.of("grid_worker"), T)
                            .size())
                    .isBetween(4, 5));
  }

  @Test
  void findsExactlyThePlantedOverlapsAndClashes() {
    CoverageAnalysis analysis = CoverageAnalysis.of(registry, POLICY, T);
    assertThat(personsOf(analysis.findings(CoverageFinding.Kind.OVERLAP)))
        .isEqualTo(plantedOverlap);
    assertThat(regionsOf(analysis.findings(CoverageFinding.Kind.CLASH)))
        .isEqualTo(plantedClash)
        .isEqualTo(oracleClash("grid_leader"));
  }

  @Test
  void withoutRulesThereAreNoFindings() {
    assertThat(CoverageAnalysis.of(registry, StaffPolicy.none(), T).findings()).isEmpty();
  }

  @Test
  void findingsNameIdsRolesAndRules() {
    CoverageAnalysis analysis = CoverageAnalysis.of(registry, POLICY, T);
    CoverageFinding spread = analysis.findings(CoverageFinding.Kind.SPREAD).get(0);
    assertThat(spread.detail())
        .contains(spread.persons().get(0).value(), "grid_worker", "max_grids grid_worker 3");
    CoverageFinding gap = analysis.findings(CoverageFinding.Kind.GAP).get(0);
    assertThat(gap.toString()).contains("GAP grid_worker at " + gap.regionCode());
  }

  private static Set<PersonId> personsOf(List<CoverageFinding> findings) {
    Set<PersonId> out = new TreeSet<>();
    findings.forEach(f -> out.add(f.persons().get(0)));
    return out;
  }

  private static Set<Long> regionsOf(List<CoverageFinding> findings) {
    Set<Long> out = new TreeSet<>();
    findings.forEach(f -> out.add(f.regionCode()));
    return out;
  }

  // ---- the oracle: brute force over the Region API, one grid at a time ----

  private static Map<Long, List<Assignment>> activeByRegion() {
    Map<Long, List<Assignment>> m = new HashMap<>();
    for (Assignment a : registry.assignments()) {
      if (!T.isBefore(a.validFrom()) && a.validUntil().map(T::isBefore).orElse(true)) {
        m.computeIfAbsent(a.regionCode(), x -> new ArrayList<>()).add(a);
      }
    }
    return m;
  }

  /** The persons holding a role over a grid: at the grid, an ancestor, or one of its units. */
  private static Set<PersonId> holders(Map<Long, List<Assignment>> m, Region grid, String role) {
    List<Long> codes = new ArrayList<>();
    codes.add(grid.code());
    grid.ancestors().forEach(r -> codes.add(r.code()));
    grid.children().forEach(r -> codes.add(r.code()));
    Set<PersonId> out = new TreeSet<>();
    for (long c : codes) {
      for (Assignment a : m.getOrDefault(c, List.of())) {
        if (a.roleCode().equals(role)) {
          out.add(a.person());
        }
      }
    }
    return out;
  }

  private static Set<Long> oracleGaps(String role) {
    Map<Long, List<Assignment>> m = activeByRegion();
    Set<Long> out = new TreeSet<>();
    for (Region g : tree.regionsAt(RegionLevel.GRID)) {
      if (holders(m, g, role).isEmpty()) {
        out.add(g.code());
      }
    }
    return out;
  }

  private static Set<Long> oracleClash(String role) {
    Map<Long, List<Assignment>> m = activeByRegion();
    Set<Long> out = new TreeSet<>();
    for (Region g : tree.regionsAt(RegionLevel.GRID)) {
      if (holders(m, g, role).size() > 1) {
        out.add(g.code());
      }
    }
    return out;
  }

  private static Set<PersonId> oracleSpread(String role, int max) {
    Map<Long, List<Assignment>> m = activeByRegion();
    Map<PersonId, Integer> grids = new HashMap<>();
    for (Region g : tree.regionsAt(RegionLevel.GRID)) {
      for (PersonId p : holders(m, g, role)) {
        grids.merge(p, 1, Integer::sum);
      }
    }
    return grids.entrySet().stream()
        .filter(e -> e.getValue() > max)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
