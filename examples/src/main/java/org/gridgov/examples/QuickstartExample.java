package org.gridgov.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.RegionTreeDiff;

/**
 * The README's quickstart: build a small region tree, query it, and re-grid it.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.QuickstartExample}.
 */
public final class QuickstartExample {
  private QuickstartExample() {}

  /**
   * Builds the example tree and prints what it finds out about it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var unused = run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /**
   * Runs the example, printing to {@code out}.
   *
   * @param out where to print
   * @return the tree after the re-gridding, for tests
   */
  static RegionTree run(PrintStream out) {
    // tag::quickstart[]
    // Codes follow the national schemes: 6 digits district, +3 street, +3 community, +3 grid, +3 unit.
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, 350302001001001L, 350302001001L, "第一网格")
            .add(RegionLevel.UNIT, 350302001001001001L, 350302001001001L, "1号楼").population(96).households(34)
            .add(RegionLevel.UNIT, 350302001001001002L, 350302001001001L, "2号楼").population(120).households(41)
            .add(RegionLevel.GRID, 350302001001002L, 350302001001L, "第二网格")
            .add(RegionLevel.UNIT, 350302001001002001L, 350302001001002L, "农贸市场").population(15).households(6)
            .build(); // validates every row; all problems are reported together

    Region building = tree.get(350302001001001002L);
    Region market = tree.get(350302001001002001L);
    Region community = tree.lowestCommonAncestor(building.code(), market.code()).orElseThrow();
    out.printf("%s lies in %s%n", building.name(), building.parent().orElseThrow().name());
    out.printf("a case touching %s and %s belongs to %s (%s)%n",
        building.name(), market.name(), community.name(), community.level());
    out.printf("%s: %d people in %d units%n",
        community.name(), community.subtreePopulation(), community.unitCount());

    // Edits never change a tree: they return a new edition and a diff from old codes to new ones.
    RegionTreeDiff diff =
        tree.edit(LocalDate.of(2025, 7, 1)).mergeGrids(List.of(350302001001001L, 350302001001002L)).apply();
    out.printf("after merging: %d grid(s); the market is now unit %d%n",
        diff.after().count(RegionLevel.GRID), diff.newCode(market.code()).orElseThrow());
    // end::quickstart[]
    return diff.after();
  }
}
