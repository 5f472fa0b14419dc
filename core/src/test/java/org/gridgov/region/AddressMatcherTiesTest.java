package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link AddressMatcher}'s hit rules where a wrong reading would still find <em>a</em> region, only
 * another one: a short name at the same start as a longer one (a prefix), a short name at the same
 * end (a suffix), the straddle exception that keeps an inner name, and a chain that must link to a
 * hit that ends before a longer, earlier-starting one. Each expected region is worked out by hand
 * in the comments from the Javadoc's rule.
 */
class AddressMatcherTiesTest {
  private static final long D = 350302L;
  private static final long ST_LONGQIAO = 350302001L;
  private static final long ST_XIALIN = 350302002L;
  private static final long C_LONGQIAO = 350302002001L; // a community named 龙桥, in 霞林街道
  private static final long C1 = 350302001001L;
  private static final long G1 = 350302001001001L;
  private static final long G2 = 350302001001002L;
  private static final long G1_U3 = 350302001001001003L; // 3号楼 in 第1网格
  private static final long G2_U13 = 350302001001002013L; // 13号楼 in 第2网格
  private static final long G1_U5 = 350302001001001005L;
  private static final long G2_U5 = 350302001001002005L;

  /**
   * 城厢区 with 龙桥街道 (community 第1社区: grids 第1网格 [3号楼, 5号楼] and 第2网格 [13号楼, 5号楼]) and 霞林街道 (community
   * 龙桥).
   */
  private static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(D, "城厢区");
    b.add(RegionLevel.STREET, ST_LONGQIAO, D, "龙桥街道");
    b.add(RegionLevel.STREET, ST_XIALIN, D, "霞林街道");
    b.add(RegionLevel.COMMUNITY, C_LONGQIAO, ST_XIALIN, "龙桥");
    b.add(RegionLevel.COMMUNITY, C1, ST_LONGQIAO, "第1社区");
    b.add(RegionLevel.GRID, G1, C1, "第1网格");
    b.add(RegionLevel.GRID, G2, C1, "第2网格");
    b.add(RegionLevel.UNIT, G1_U3, G1, "3号楼");
    b.add(RegionLevel.UNIT, G1_U5, G1, "5号楼");
    b.add(RegionLevel.UNIT, G2_U13, G2, "13号楼");
    b.add(RegionLevel.UNIT, G2_U5, G2, "5号楼");
    return b.build();
  }

  private static long matched(AddressMatcher m, String address) {
    AddressMatch r = m.match(address);
    assertThat(r.outcome()).as(address).isEqualTo(AddressMatch.Outcome.MATCHED);
    return r.matched().orElseThrow().code();
  }

  @Test
  void theMatcherKeepsItsTree() {
    RegionTree t = tree();
    assertThat(AddressMatcher.of(t).tree()).isSameAs(t);
  }

  /**
   * "龙桥" (the street's short form, and the community 龙桥 of 霞林街道) starts where "龙桥街道" starts and is
   * shorter: it lies inside it and is dropped, so the address names the street, not the deeper
   * community. Read as a hit of its own it would win (a community is deeper than a street).
   */
  @Test
  void aShorterNameAtTheSameStart_isDropped() {
    AddressMatcher m = AddressMatcher.of(tree());
    assertThat(matched(m, "龙桥街道")).isEqualTo(ST_LONGQIAO);
    // the district ends where both start; the straddle exception needs the longer name to start
    // before the inner one, which it does not here, so "龙桥" is still dropped
    assertThat(matched(m, "城厢区龙桥街道")).isEqualTo(ST_LONGQIAO);
    // alone, "龙桥" names the community (deeper than the street it also shortens)
    assertThat(matched(m, "龙桥")).isEqualTo(C_LONGQIAO);
  }

  /**
   * "3号楼" ends where "13号楼" ends and is shorter: dropped ("3号楼" inside "13号楼", the Javadoc's own
   * example), and no hit ends where it starts ("1" names nothing), so the straddle exception does
   * not keep it. The chains: 第1网格 (a grid) and 13号楼 (a unit of 第2网格, not below 第1网格): the one unit
   * named is 13号楼 of 第2网格. Kept, "3号楼" would make the longer chain 第1网格 → 3号楼.
   */
  @Test
  void aShorterNameAtTheSameEnd_isDropped_unlessAHitEndsWhereItStarts() {
    AddressMatcher m = AddressMatcher.of(tree());
    assertThat(matched(m, "第1网格13号楼")).isEqualTo(G2_U13);
    assertThat(matched(m, "13号楼")).isEqualTo(G2_U13);
    assertThat(matched(m, "第1网格3号楼")).isEqualTo(G1_U3);
  }

  /**
   * Equally good chains: "5号楼" alone names a unit of each grid (one link, three characters each):
   * ambiguous, candidates in tree order, certain down to their community. With its grid it is one.
   */
  @Test
  void equallyGoodChains_areAmbiguous_inTreeOrder() {
    RegionTree t = tree();
    AddressMatcher m = AddressMatcher.of(t);
    AddressMatch alone = m.match("5号楼");
    assertThat(alone.outcome()).isEqualTo(AddressMatch.Outcome.AMBIGUOUS);
    assertThat(alone.candidates()).extracting(Region::code).containsExactly(G1_U5, G2_U5);
    assertThat(alone.candidateCount()).isEqualTo(2);
    assertThat(alone.region().orElseThrow().code()).isEqualTo(C1);
    // the community adds a link to both chains alike: still a tie
    AddressMatch withCommunity = m.match("第1社区5号楼");
    assertThat(withCommunity.outcome()).isEqualTo(AddressMatch.Outcome.AMBIGUOUS);
    assertThat(withCommunity.candidateCount()).isEqualTo(2);
    assertThat(matched(m, "第2网格5号楼")).isEqualTo(G2_U5);
    assertThat(matched(m, "第1社区第1网格5号楼")).isEqualTo(G1_U5);
  }

  /**
   * A hit links to every ancestor hit that ended at or before its start, even when a longer hit
   * that started earlier has not ended yet. Tree: grid 甲乙 (unit 丙丁) and grid 第2网格 (units 戊己 and
   * 己甲乙丙) in one community. Address "戊己甲乙丙丁": hits 戊己 [0,2), 己甲乙丙 [1,5), 甲乙 [2,4) (inside 己甲乙丙 but
   * kept: 戊己 ends where it starts), 丙丁 [4,6) (not inside: it ends after 己甲乙丙). At 丙丁, 甲乙 has ended
   * (at 4) while 己甲乙丙 has not (at 5): 甲乙 → 丙丁 is a chain of two links, better than the one-link
   * 己甲乙丙 and 戊己, so the unit is 丙丁. Missing the link, 丙丁 (one link, two characters) would lose to
   * 己甲乙丙 (one link, four characters).
   */
  @Test
  void aHitLinksToAnAncestorThatEndedBeforeItEvenInsideALongerHit() {
    long g1 = 350302001001001L;
    long g2 = 350302001001002L;
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(D, "城厢区");
    b.add(RegionLevel.STREET, ST_LONGQIAO, D, "龙桥街道");
    b.add(RegionLevel.COMMUNITY, C1, ST_LONGQIAO, "第1社区");
    b.add(RegionLevel.GRID, g1, C1, "甲乙");
    b.add(RegionLevel.UNIT, g1 * 1000 + 1, g1, "丙丁");
    b.add(RegionLevel.GRID, g2, C1, "第2网格");
    b.add(RegionLevel.UNIT, g2 * 1000 + 1, g2, "己甲乙丙");
    b.add(RegionLevel.UNIT, g2 * 1000 + 2, g2, "戊己");
    AddressMatcher m = AddressMatcher.of(b.build());
    assertThat(matched(m, "戊己甲乙丙丁")).isEqualTo(g1 * 1000 + 1);
    // without 戊己 nothing ends where 甲乙 starts: 甲乙 is dropped inside 己甲乙丙, and 丙丁 (one link,
    // two characters) loses to 己甲乙丙 (one link, four characters)
    assertThat(matched(m, "己甲乙丙丁")).isEqualTo(g2 * 1000 + 1);
  }
}
