package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.region.TestTrees.C2;
import static org.gridgov.region.TestTrees.G1;
import static org.gridgov.region.TestTrees.G2;
import static org.gridgov.region.TestTrees.ST1;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RegionTreeDiffTest {
  private final RegionTree tree = TestTrees.small();

  @Test
  void untouchedRegionsMapToThemselvesAndUnknownCodesAreRejected() {
    RegionTreeDiff diff = tree.edit(LocalDate.of(2025, 1, 1)).mergeGrids(List.of(G1, G2)).apply();
    assertThat(diff.before()).isSameAs(tree);
    assertThat(diff.newCode(ST1)).hasValue(ST1);
    assertThat(diff.newCode(C2)).hasValue(C2);
    assertThat(diff.newRegion(ST1)).contains(diff.after().get(ST1));
    assertThatThrownBy(() -> diff.newCode(350302009L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("350302009");
    assertThat(diff.changes())
        .extracting(RegionTreeDiff.Change::oldCode)
        .isSorted()
        .contains(G1, G2);
    assertThat(diff.changes())
        .contains(new RegionTreeDiff.Change(G2, OptionalLong.of(G1), RegionTreeDiff.Kind.MERGED));
    assertThat(diff.toString()).contains("2024-01-01 -> 2025-01-01");
  }

  @Test
  void anEmptyBatchChangesNothing() {
    RegionTreeDiff diff = tree.edit(LocalDate.of(2025, 1, 1)).apply();
    assertThat(diff.changes()).isEmpty();
    assertThat(RegionCsv.toCsv(diff.after())).isEqualTo(RegionCsv.toCsv(tree));
  }
}
