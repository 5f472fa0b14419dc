package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link AddressMatcher}'s rules on a hand-made tree, each case counted by hand: which shortened
 * names are indexed (a suffix is dropped only when two characters are left), the length limit at
 * exactly its value, and a name's ancestors counted when they touch it or when it is named twice.
 */
class AddressMatcherRulesTest {
  private static final long CHENGXIANG = 350302L;
  private static final long LICHENG = 350304L;
  private static final long PU = 350305L;

  /**
   * 城厢区 and 荔城区, each with a street 龙桥街道; 莆区, whose short form 莆 is too short to index; 城厢区 also
   * has 东街道, whose short form 东 is too short too.
   */
  private static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(CHENGXIANG, "城厢区");
    b.addDistrict(LICHENG, "荔城区");
    b.addDistrict(PU, "莆区");
    b.add(RegionLevel.STREET, CHENGXIANG * 1000 + 1, CHENGXIANG, "龙桥街道");
    b.add(RegionLevel.STREET, CHENGXIANG * 1000 + 2, CHENGXIANG, "东街道");
    b.add(RegionLevel.STREET, LICHENG * 1000 + 1, LICHENG, "龙桥街道");
    return b.build();
  }

  private static final RegionTree TREE = tree();

  private static AddressMatch match(String address) {
    return AddressMatcher.of(TREE).match(address);
  }

  private static long code(AddressMatch m) {
    return m.matched().orElseThrow().code();
  }

  @Test
  void aSuffixIsDropped_onlyWhenTwoCharactersAreLeft() {
    assertThat(code(match("城厢"))).isEqualTo(CHENGXIANG);
    assertThat(code(match("莆区"))).isEqualTo(PU);
    assertThat(match("莆").outcome()).isEqualTo(AddressMatch.Outcome.UNMATCHED);
    assertThat(code(match("城厢龙桥"))).isEqualTo(CHENGXIANG * 1000 + 1);
    // names are read in order, the ancestor first: the district after the street does not count
    assertThat(match("龙桥城厢").outcome()).isEqualTo(AddressMatch.Outcome.AMBIGUOUS);
    assertThat(code(match("东街道"))).isEqualTo(CHENGXIANG * 1000 + 2);
    assertThat(match("东").outcome()).isEqualTo(AddressMatch.Outcome.UNMATCHED);
  }

  @Test
  void anAddressOfExactlyTheLimit_isRead_oneMoreIsRefused() {
    String atLimit = "荔城区" + "x".repeat(AddressMatcher.MAX_ADDRESS_LENGTH - 3);
    assertThat(atLimit).hasSize(1000);
    assertThat(code(match(atLimit))).isEqualTo(LICHENG);
    assertThatThrownBy(() -> match(atLimit + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the address has 1001 characters: at most 1000");
  }

  @Test
  void aDistrictTouchingItsStreet_choosesThatStreet() {
    assertThat(code(match("荔城区龙桥街道"))).isEqualTo(LICHENG * 1000 + 1);
    assertThat(code(match("城厢区龙桥街道"))).isEqualTo(CHENGXIANG * 1000 + 1);
    assertThat(code(match("荔城龙桥"))).isEqualTo(LICHENG * 1000 + 1);
    AddressMatch alone = match("龙桥街道");
    assertThat(alone.outcome()).isEqualTo(AddressMatch.Outcome.AMBIGUOUS);
    assertThat(alone.candidateCount()).isEqualTo(2);
  }

  @Test
  void aStreetNamedTwice_keepsItsBetterReading() {
    // the first 龙桥街道 follows 荔城区 (two links), the second stands alone (one link): the
    // better of the two decides, so the street of 荔城区 wins over the one of 城厢区
    assertThat(code(match("荔城区龙桥街道龙桥街道"))).isEqualTo(LICHENG * 1000 + 1);
    assertThat(code(match("龙桥街道荔城区龙桥街道"))).isEqualTo(LICHENG * 1000 + 1);
  }
}
