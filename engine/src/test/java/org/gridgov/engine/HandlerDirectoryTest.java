package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerDirectoryTest {
  private static final LocalDate EDITION = LocalDate.of(2024, 1, 1);

  /** A generated city: 40 communities, 400 grids and 6,000 units under three streets. */
  private static RegionTree city(long seed) {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), EDITION);
    b.addDistrict(350302L, "城厢区");
    b.add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道");
    b.add(RegionLevel.STREET, 350302002L, 350302L, "龙桥街道");
    b.add(RegionLevel.STREET, 350302100L, 350302L, "华亭镇");
    return SyntheticCityGenerator.generate(
        b.build(), new SyntheticCityGenerator.Targets(40, 400, 6_000, 20.0, 2.8), seed, EDITION);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyOfficeIdFindsItsRegionWhetherTheSameInstanceOrACopyAskedInAnyOrder(long seed) {
    RegionTree tree = city(seed);
    HandlerDirectory dir = new HandlerDirectory(tree, ImmutableSet.of("city-works"));
    String[] ids = new String[tree.size()];
    for (int i = 0; i < tree.size(); i++) {
      ids[i] = "office:" + tree.region(i).code();
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < 5 * tree.size(); k++) {
      int i = r.nextInt(tree.size());
      // the held instance (answered from the memo once seen) or an equal copy
      String id = r.nextBoolean() ? ids[i] : new String(ids[i]);
      assertThat(dir.officeIndexOf(id)).as("seed %s, region %s", seed, i).isEqualTo(i);
      assertThat(dir.isKnown(id)).isTrue();
    }
    assertThat(dir.officeIndexOf("office:350302999")).isEqualTo(-1);
    assertThat(dir.officeIndexOf("city-works")).isEqualTo(-1);
    assertThat(dir.isKnown("city-works")).isTrue();
    assertThat(dir.isKnown("office:350302999")).isFalse();
    assertThat(dir.officeIndexOf("office:")).isEqualTo(-1);
    assertThat(dir.officeIndexOf("office:35030200x")).isEqualTo(-1);
  }

  @Test
  void memoHasEightSlotsPerHandlerAsAPowerOfTwoWithinItsBounds() {
    assertThat(HandlerDirectory.memoSize(0)).isEqualTo(1 << 10);
    assertThat(HandlerDirectory.memoSize(100)).isEqualTo(1 << 10);
    assertThat(HandlerDirectory.memoSize(129)).isEqualTo(1 << 11);
    assertThat(HandlerDirectory.memoSize(11_602)).isEqualTo(1 << 17);
    assertThat(HandlerDirectory.memoSize(Integer.MAX_VALUE)).isEqualTo(1 << 17);
  }
}
