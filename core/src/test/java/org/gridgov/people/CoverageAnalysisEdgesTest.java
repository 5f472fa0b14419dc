package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/**
 * {@link CoverageAnalysis} at the edges of each rule, on a tree small enough to count by hand: one
 * street, community C1 with grids G11–G14, community C2 with grids G21–G22. At most 3 grids as a
 * grid worker; grid worker and supervisor a forbidden pair; the grid leader exclusive.
 */
class CoverageAnalysisEdgesTest {
  private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");
  private static final CodeScheme S = CodeScheme.standard();
  private static final long D = 350302L;
  private static final long ST = S.childCode(D, 1);
  private static final long C1 = S.childCode(ST, 1);
  private static final long C2 = S.childCode(ST, 2);
  private static final long G11 = S.childCode(C1, 1);
  private static final long G12 = S.childCode(C1, 2);
  private static final long G13 = S.childCode(C1, 3);
  private static final long G14 = S.childCode(C1, 4);
  private static final long G21 = S.childCode(C2, 1);
  private static final long G22 = S.childCode(C2, 2);
  private static final StaffPolicy POLICY =
      StaffPolicy.builder()
          .maxGrids("grid_worker", 3)
          .forbidPair("grid_worker", "supervisor")
          .exclusive("grid_leader")
          .build();

  private static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(S, PeopleFixtures.EDITION);
    b.addDistrict(D, "城厢区");
    b.add(RegionLevel.STREET, ST, D, "霞林街道");
    b.add(RegionLevel.COMMUNITY, C1, ST, "一社区");
    b.add(RegionLevel.COMMUNITY, C2, ST, "二社区");
    for (long g : new long[] {G11, G12, G13, G14}) {
      b.add(RegionLevel.GRID, g, C1, "网格" + g % 100);
    }
    for (long g : new long[] {G21, G22}) {
      b.add(RegionLevel.GRID, g, C2, "网格" + g % 100);
    }
    return b.build();
  }

  /** Rows "person role region", valid from 2024 with no end. */
  private static CoverageAnalysis analyse(String... rows) {
    StringBuilder csv = new StringBuilder("person,role,region,valid_from,valid_until\n");
    for (String r : rows) {
      csv.append(r.replace(' ', ',')).append(",2024-01-01,\n");
    }
    StaffRegistry registry =
        StaffCsv.read(
            new StringReader(csv.toString()),
            "staff.csv",
            tree(),
            StaffRoles.standard(),
            PeopleFixtures.EDITION);
    return CoverageAnalysis.of(registry, POLICY, T);
  }

  private static List<String> spreads(CoverageAnalysis a) {
    return a.findings(CoverageFinding.Kind.SPREAD).stream()
        .map(f -> f.persons().get(0).value() + ":" + f.grids())
        .collect(Collectors.toList());
  }

  @Test
  void spread_exactlyTheMaximumIsAllowed_oneMoreIsNot() {
    assertThat(
            spreads(
                analyse("p3 grid_worker " + G11, "p3 grid_worker " + G12, "p3 grid_worker " + G13)))
        .isEmpty();
    assertThat(spreads(analyse("p4 grid_worker " + C1))).containsExactly("p4:4");
    // 2 + 1 + 1 grids in two communities
    assertThat(
            spreads(
                analyse(
                    "pa grid_worker " + G11,
                    "pa grid_worker " + G12,
                    "pa grid_worker " + G21,
                    "pa grid_worker " + G22)))
        .containsExactly("pa:4");
  }

  @Test
  void spread_nestedAssignmentsCountTheirGridsOnce() {
    // a community and one of its grids: 4 grids, not 5; and 2, not 3 (the grid given first)
    assertThat(spreads(analyse("pn grid_worker " + C1, "pn grid_worker " + G11)))
        .containsExactly("pn:4");
    assertThat(spreads(analyse("pd grid_worker " + G21, "pd grid_worker " + C2))).isEmpty();
    // a street (6 grids) over a community inside it
    assertThat(spreads(analyse("ps grid_worker " + C2, "ps grid_worker " + ST)))
        .containsExactly("ps:6");
  }

  @Test
  void overlap_needsACommonGrid_andNamesTheSmallerRegion() {
    CoverageAnalysis a =
        analyse(
            "q grid_worker " + C1,
            "q supervisor " + G12,
            "r grid_worker " + G11,
            "r supervisor " + G12,
            "s grid_worker " + C2,
            "s supervisor " + C2,
            "t supervisor " + D,
            "t grid_worker " + G14,
            "u grid_worker " + ST,
            "u supervisor " + G22,
            "v supervisor " + G22,
            "v grid_worker " + ST);
    List<String> found =
        a.findings(CoverageFinding.Kind.OVERLAP).stream()
            .map(f -> f.persons().get(0).value() + ":" + f.regionCode() + ":" + f.grids())
            .collect(Collectors.toList());

    // r's two grids are neighbours in the tree but share no grid
    assertThat(found)
        .containsExactly(
            "q:" + G12 + ":1",
            "s:" + C2 + ":2",
            "t:" + G14 + ":1",
            "u:" + G22 + ":1",
            "v:" + G22 + ":1");
  }

  @Test
  void clash_twoPersonsOverOneGridInAnExclusiveRole_oneIsNoClash() {
    CoverageAnalysis a =
        analyse(
            "l1 grid_leader " + G11,
            "l2 grid_leader " + G11,
            "l1 grid_leader " + G12,
            "l3 grid_leader " + C2,
            "l4 grid_leader " + G21);
    List<String> found =
        a.findings(CoverageFinding.Kind.CLASH).stream()
            .map(
                f ->
                    f.regionCode()
                        + ":"
                        + f.persons().stream()
                            .map(PersonId::value)
                            .collect(Collectors.joining("+")))
            .collect(Collectors.toList());

    assertThat(found).containsExactly(G11 + ":l1+l2", G21 + ":l3+l4");
  }

  @Test
  void clash_onePersonTwiceOverAGrid_isNoClash() {
    CoverageAnalysis a = analyse("l5 grid_leader " + C2, "l5 grid_leader " + G22);

    assertThat(a.findings(CoverageFinding.Kind.CLASH)).isEmpty();
  }
}
