package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.region.TestTrees.C1;
import static org.gridgov.region.TestTrees.C2;
import static org.gridgov.region.TestTrees.D;
import static org.gridgov.region.TestTrees.EDITION;
import static org.gridgov.region.TestTrees.G1;
import static org.gridgov.region.TestTrees.G2;
import static org.gridgov.region.TestTrees.G3;
import static org.gridgov.region.TestTrees.ST1;
import static org.gridgov.region.TestTrees.ST2;
import static org.gridgov.region.TestTrees.U1;
import static org.gridgov.region.TestTrees.U2;
import static org.gridgov.region.TestTrees.U3;
import static org.gridgov.region.TestTrees.U4;

import com.google.common.testing.EqualsTester;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegionTreeTest {
  private final RegionTree tree = TestTrees.small();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 7919L);
  }

  @Test
  void regionsAreStoredInPreOrderWhateverTheInputOrder() {
    List<Long> codes = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      codes.add(tree.region(i).code());
    }
    assertThat(codes).containsExactly(D, ST1, C1, G1, U1, U2, G2, U3, C2, G3, U4, ST2);
  }

  @Test
  void findByCodeReturnsTheRegionWithItsAttributes() {
    Region u1 = tree.find(U1).orElseThrow();
    assertThat(u1.code()).isEqualTo(U1);
    assertThat(u1.codeText()).isEqualTo("350302001001001001");
    assertThat(u1.level()).isEqualTo(RegionLevel.UNIT);
    assertThat(u1.name()).isEqualTo("1号楼");
    assertThat(u1.population()).isEqualTo(100);
    assertThat(u1.households()).isEqualTo(40);
    assertThat(u1.areaSquareMetres()).isEqualTo(1200.5);
    assertThat(u1.tags()).isEmpty();
    assertThat(tree.get(U2).tags()).containsExactly("old", "school");
    assertThat(tree.get(G1).gridType()).contains(GridType.COMPREHENSIVE);
    assertThat(tree.get(G1).urbanRural()).contains(UrbanRuralClass.MAIN_URBAN);
    assertThat(tree.get(G2).gridType()).contains(GridType.DEDICATED);
    assertThat(tree.get(G3).gridType()).isEmpty();
    assertThat(tree.get(G3).urbanRural()).isEmpty();
    assertThat(tree.find("350302001")).map(Region::name).contains("霞林街道");
    assertThat(tree.edition()).isEqualTo(EDITION);
    assertThat(tree.codeScheme()).isEqualTo(CodeScheme.standard());
  }

  @Test
  void absentCodesAreEmptyOrRejected() {
    assertThat(tree.find(350302003L)).isEmpty();
    assertThat(tree.find(42L)).isEmpty();
    assertThat(tree.indexOf(350302003L)).isEqualTo(-1);
    assertThatThrownBy(() -> tree.get(350302003L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("350302003");
  }

  @Test
  void parentChildrenAndAncestors() {
    assertThat(tree.get(D).parent()).isEmpty();
    assertThat(tree.get(U3).parent()).contains(tree.get(G2));
    assertThat(tree.get(C1).children()).containsExactly(tree.get(G1), tree.get(G2));
    assertThat(tree.get(D).children()).containsExactly(tree.get(ST1), tree.get(ST2));
    assertThat(tree.get(ST2).children()).isEmpty();
    assertThat(tree.get(U4).ancestors())
        .containsExactly(tree.get(G3), tree.get(C2), tree.get(ST1), tree.get(D));
    assertThat(tree.get(U4).ancestorAt(RegionLevel.STREET)).contains(tree.get(ST1));
    assertThat(tree.get(ST1).ancestorAt(RegionLevel.GRID)).isEmpty();
    assertThat(tree.roots()).containsExactly(tree.get(D));
  }

  @Test
  void isAncestorOfIsStrictAndContainsIsInclusive() {
    Region st1 = tree.get(ST1);
    assertThat(st1.isAncestorOf(tree.get(U4))).isTrue();
    assertThat(st1.isAncestorOf(st1)).isFalse();
    assertThat(st1.contains(st1)).isTrue();
    assertThat(st1.isAncestorOf(tree.get(ST2))).isFalse();
    assertThat(tree.get(U4).isAncestorOf(st1)).isFalse();
    assertThat(tree.get(G1).contains(tree.get(U3))).isFalse();
    RegionTree other = TestTrees.small();
    assertThatThrownBy(() -> st1.isAncestorOf(other.get(U1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsCodeIsInclusiveAndFalseForUnknownCodes() {
    Region st1 = tree.get(ST1);
    assertThat(st1.containsCode(ST1)).isTrue();
    assertThat(st1.containsCode(U4)).isTrue();
    assertThat(st1.containsCode(ST2)).isFalse();
    assertThat(st1.containsCode(D)).isFalse();
    assertThat(st1.containsCode(350302001999001L)).isFalse(); // well-formed, not in the tree
    assertThat(tree.get(G1).containsCode(U3)).isFalse();
  }

  @Test
  void descendantsAtALevel() {
    assertThat(tree.get(ST1).descendantsAt(RegionLevel.GRID))
        .containsExactly(tree.get(G1), tree.get(G2), tree.get(G3));
    assertThat(tree.get(C2).descendantsAt(RegionLevel.UNIT)).containsExactly(tree.get(U4));
    assertThat(tree.get(ST2).descendantsAt(RegionLevel.UNIT)).isEmpty();
    assertThat(tree.regionsAt(RegionLevel.COMMUNITY)).containsExactly(tree.get(C1), tree.get(C2));
  }

  @Test
  void lowestCommonAncestor() {
    assertThat(tree.lowestCommonAncestor(U1, U2)).contains(tree.get(G1));
    assertThat(tree.lowestCommonAncestor(U1, U3)).contains(tree.get(C1));
    assertThat(tree.lowestCommonAncestor(U1, U3, U4)).contains(tree.get(ST1));
    assertThat(tree.lowestCommonAncestor(U1, ST2)).contains(tree.get(D));
    assertThat(tree.lowestCommonAncestor(G1, U2)).contains(tree.get(G1));
    assertThat(tree.lowestCommonAncestor(U4)).contains(tree.get(U4));
    assertThat(tree.lowestCommonAncestor(List.of(tree.get(U3), tree.get(U4))))
        .contains(tree.get(ST1));
    assertThatThrownBy(() -> tree.lowestCommonAncestor(new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.lowestCommonAncestor(U1, 999999L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999");
  }

  @Test
  void lcaOfDistrictsInAForestIsEmpty() {
    RegionTree forest =
        RegionTree.builder(CodeScheme.standard(), EDITION)
            .addDistrict(350302, "城厢区")
            .addDistrict(350303, "涵江区")
            .add(RegionLevel.STREET, 350303001L, 350303, "x")
            .build();
    assertThat(forest.roots()).hasSize(2);
    assertThat(forest.lowestCommonAncestor(350302L, 350303001L)).isEmpty();
    assertThat(forest.lowestCommonAncestorIndex(0, 2)).isEqualTo(-1);
  }

  @Test
  void subtreeAggregatesAndCounts() {
    assertThat(tree.get(D).subtreePopulation()).isEqualTo(100 + 80 + 30 + 5 + 60);
    assertThat(tree.get(D).subtreeHouseholds()).isEqualTo(40 + 30 + 10 + 20);
    assertThat(tree.get(C1).subtreePopulation()).isEqualTo(210);
    assertThat(tree.get(C2).population()).isEqualTo(5);
    assertThat(tree.get(C2).subtreePopulation()).isEqualTo(65);
    assertThat(tree.get(ST1).unitCount()).isEqualTo(4);
    assertThat(tree.get(G1).unitCount()).isEqualTo(2);
    assertThat(tree.get(U1).unitCount()).isEqualTo(1);
    assertThat(tree.get(ST2).unitCount()).isZero();
    assertThat(tree.get(C1).subtreeSize()).isEqualTo(6);
    assertThat(tree.get(C1).measure(SubtreeMeasure.REGIONS)).isEqualTo(6);
    assertThat(tree.count(RegionLevel.DISTRICT)).isEqualTo(1);
    assertThat(tree.count(RegionLevel.STREET)).isEqualTo(2);
    assertThat(tree.count(RegionLevel.GRID)).isEqualTo(3);
    assertThat(tree.count(RegionLevel.UNIT)).isEqualTo(4);
    assertThat(tree.totalPopulation()).isEqualTo(275);
    assertThat(tree.totalHouseholds()).isEqualTo(100);
  }

  @Test
  void sizeDistributionsPerGrid() {
    assertThat(tree.unitsPerGrid()).isEqualTo(new SizeDistribution(3, 1, 1, 2, 4 / 3.0));
    assertThat(tree.householdsPerGrid()).isEqualTo(new SizeDistribution(3, 10, 20, 70, 100 / 3.0));
    assertThat(tree.distribution(RegionLevel.COMMUNITY, SubtreeMeasure.POPULATION))
        .isEqualTo(new SizeDistribution(2, 65, 65, 210, 137.5));
  }

  @Test
  void regionHandlesAreEqualByTreeAndIndex() {
    RegionTree other = TestTrees.small();
    new EqualsTester()
        .addEqualityGroup(tree.get(U1), tree.get(U1), tree.region(tree.get(U1).index()))
        .addEqualityGroup(tree.get(U2))
        .addEqualityGroup(other.get(U1))
        .testEquals();
    assertThat(tree.get(G1).toString()).isEqualTo("GRID 350302001001001 第1网格");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomTreesAgreeWithANaiveModel(long seed) {
    List<TestTrees.Row> rows = TestTrees.randomRows(seed);
    RegionTree t = TestTrees.build(rows);
    assertThat(t.size()).as("seed %d", seed).isEqualTo(rows.size());
    long pop = 0;
    for (TestTrees.Row row : rows) {
      Region r = t.get(row.code());
      assertThat(r.level()).as("seed %d", seed).isEqualTo(row.level());
      assertThat(r.population()).as("seed %d", seed).isEqualTo(row.population());
      assertThat(r.parent().map(Region::code).orElse(0L))
          .as("seed %d", seed)
          .isEqualTo(row.parent());
      pop += row.population();
      // Subtree aggregate equals the naive sum over rows whose code has this prefix.
      long naive = 0;
      int units = 0;
      for (TestTrees.Row o : rows) {
        if (t.codeScheme().isSelfOrDescendantCode(row.code(), o.code())) {
          naive += o.population();
          units += o.level() == RegionLevel.UNIT ? 1 : 0;
        }
      }
      assertThat(r.subtreePopulation()).as("seed %d code %d", seed, row.code()).isEqualTo(naive);
      assertThat(r.unitCount()).as("seed %d code %d", seed, row.code()).isEqualTo(units);
    }
    assertThat(t.totalPopulation()).isEqualTo(pop);
    // Pre-order: parents come first, and a region's subtree is contiguous.
    for (int i = 0; i < t.size(); i++) {
      Region r = t.region(i);
      r.parent().ifPresent(p -> assertThat(p.index()).as("seed %d", seed).isLessThan(r.index()));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void lcaAndIsAncestorOfAgreeWithANaiveParentWalk(long seed) {
    RegionTree t = TestTrees.random(seed);
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < 200; k++) {
      Region a = t.region(r.nextInt(t.size()));
      Region b = t.region(r.nextInt(t.size()));
      long naive = TestTrees.naiveLca(t, a.code(), b.code());
      assertThat(t.lowestCommonAncestor(a.code(), b.code()).map(Region::code).orElse(-1L))
          .as("seed %d: lca(%s, %s)", seed, a, b)
          .isEqualTo(naive);
      boolean naiveAncestor = b.ancestors().contains(a);
      assertThat(a.isAncestorOf(b))
          .as("seed %d: %s ancestor of %s", seed, a, b)
          .isEqualTo(naiveAncestor);
      assertThat(a.contains(b)).as("seed %d", seed).isEqualTo(naiveAncestor || a.equals(b));
    }
  }

  // ---- builder validation ----

  private static RegionTree.Builder base() {
    return RegionTree.builder(CodeScheme.standard(), EDITION)
        .addDistrict(D, "城厢区")
        .add(RegionLevel.STREET, ST1, D, "霞林街道");
  }

  @Test
  void builderReportsEveryProblemWithTheRowNumber() {
    RegionTree.Builder b =
        base()
            .add(RegionLevel.COMMUNITY, 350302009001L, 350302009L, "x") // 3: unknown parent
            .add(RegionLevel.GRID, 3503020010019L, C1, "x") // 4: wrong width for GRID
            .add(RegionLevel.COMMUNITY, 350302002001L, ST1, "x") // 5: does not extend parent
            .add(RegionLevel.STREET, ST1, D, "dup") // 6: duplicate
            .add(RegionLevel.COMMUNITY, C1, ST1, " ") // 7: empty name
            .population(-3) // 7: negative population
            .add(RegionLevel.GRID, G1, ST1, "x"); // 8: wrong parent level
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(3, 4, 5, 6, 7, 7, 8);
              assertThat(e.getMessage())
                  .contains("unknown parent 350302009")
                  .contains("must have exactly 15 digits")
                  .contains("does not extend its parent's code 350302001")
                  .contains("duplicate code 350302001: already defined at line 2")
                  .contains("must not be empty")
                  .contains("population must not be negative but was -3")
                  .contains(
                      "wrong level: a GRID's parent must be a COMMUNITY but parent 350302001 is a STREET");
            });
  }

  @Test
  void builderRejectsSettersBeforeAddAndReuse() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), EDITION);
    assertThatThrownBy(() -> b.population(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.add(RegionLevel.DISTRICT, 1, 0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    RegionTree.Builder ok = base();
    var unused = ok.build();
    assertThatThrownBy(ok::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ok.addDistrict(350303, "x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builderRejectsBadTags() {
    RegionTree.Builder b = base();
    assertThatThrownBy(() -> b.tags(List.of("a;b"))).hasMessageContaining("a;b");
    assertThatThrownBy(() -> b.tags(List.of(""))).hasMessageContaining("empty");
  }

  @Test
  void builderRejectsNegativeHouseholdsAndBadArea() {
    RegionTree.Builder b = base().households(-1).area(Double.NaN);
    assertThatThrownBy(b::build)
        .hasMessageContaining("households must not be negative")
        .hasMessageContaining("area must be a finite number");
  }

  @Test
  void emptyTreeIsAllowed() {
    RegionTree empty = RegionTree.builder(CodeScheme.standard(), EDITION).build();
    assertThat(empty.size()).isZero();
    assertThat(empty.roots()).isEmpty();
    assertThat(empty.unitsPerGrid().count()).isZero();
    assertThat(empty.toString()).contains("0 regions");
  }
}
