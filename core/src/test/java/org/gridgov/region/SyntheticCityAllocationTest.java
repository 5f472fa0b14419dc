package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SyntheticCityGenerator} checked against statements of its rules that do not come from its
 * code: the largest-remainder (Hamilton) allocation against an exact decimal statement of the rule,
 * the base tree's attributes carried over, and the distributions its Javadoc names (the township
 * class shares, the 1.5 weight of urban communities, σ = 0.45 of a unit's population, 35 and 140 m²
 * per person) on a generated city of 130 streets. Each statistical bound is six standard errors
 * derived from the stated distribution (a correct generator misses one with a probability below
 * 1e-8), not a guess; the expected value a mutant would give is named next to each.
 */
class SyntheticCityAllocationTest {
  private static final MathContext MC = MathContext.DECIMAL128;
  private static final double Z = 6;

  // ---------------------------------------------------------------- Hamilton's method

  /**
   * Checks {@code parts} against Hamilton's method with a floor of 1 each and no binding cap: with
   * exact shares {@code s_i = (total - n) w_i / Σw}, each part is {@code 1 + floor(s_i)} or one
   * more, exactly {@code (total - n) - Σ floor(s_i)} parts get the one more, and every part that
   * gets it has a remainder at least as large as every part that does not (ties may go either way).
   */
  private static void assertHamilton(int total, double[] w, int[] parts) {
    int n = w.length;
    BigDecimal sum = BigDecimal.ZERO;
    for (double x : w) {
      sum = sum.add(new BigDecimal(x));
    }
    BigDecimal rest = BigDecimal.valueOf((long) total - n);
    long floors = 0;
    BigDecimal minGiven = null;
    BigDecimal maxNotGiven = null;
    int given = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal share = rest.multiply(new BigDecimal(w[i])).divide(sum, MC);
      BigDecimal floor = share.setScale(0, RoundingMode.FLOOR);
      BigDecimal rem = share.subtract(floor);
      floors += floor.longValueExact();
      long extra = parts[i] - 1 - floor.longValueExact();
      assertThat(extra).as("part %d of %s, share %s", i, parts[i], share).isBetween(0L, 1L);
      if (extra == 1) {
        given++;
        minGiven = minGiven == null || rem.compareTo(minGiven) < 0 ? rem : minGiven;
      } else {
        maxNotGiven = maxNotGiven == null || rem.compareTo(maxNotGiven) > 0 ? rem : maxNotGiven;
      }
    }
    assertThat((long) given).as("parts given one more").isEqualTo(total - n - floors);
    if (minGiven != null && maxNotGiven != null) {
      assertThat(minGiven).as("largest remainders first").isGreaterThanOrEqualTo(maxNotGiven);
    }
  }

  /**
   * 7 into two parts of at least 1, weights 3.25 : 1.75: the 5 left over split into shares 3.25 and
   * 1.75 (exact in binary), floors 3 and 1, one more to give: the larger remainder is the second's
   * (0.75 against 0.25), so 1 + 3 and 1 + 1 + 1. Giving it by share size or by index would make 5,
   * 2.
   */
  @Test
  void theLeftoverGoesToTheLargestRemainder_notTheLargestShare() {
    assertThat(SyntheticCityGenerator.allocate(7, new double[] {3.25, 1.75}, 100))
        .containsExactly(4, 3);
    // three leftovers over shares 0.5, 1.25, 2.75, 0.5 (weights 2 : 5 : 11 : 2 of 5): floors 0, 1,
    // 2, 0; two more go to the remainders 0.75 (third), then 0.5 and 0.5 tie for the last one;
    // (the first or the fourth: either is Hamilton's)
    int[] p = SyntheticCityGenerator.allocate(9, new double[] {2, 5, 11, 2}, 100);
    assertThat(p[1]).isEqualTo(2);
    assertThat(p[2]).isEqualTo(4);
    assertThat(p[0] + p[3]).isEqualTo(3);
    assertHamilton(9, new double[] {2, 5, 11, 2}, p);
  }

  /** Random weights of many shapes, the cap never binding: Hamilton's rule exactly. */
  @Test
  void randomWeights_followHamiltonsRule() {
    SplittableRandom r = new SplittableRandom(17);
    for (int k = 0; k < 300; k++) {
      int n = 1 + r.nextInt(40);
      int total = n + r.nextInt(200);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = k % 3 == 0 ? 1 + r.nextInt(5) : Math.exp(r.nextGaussian());
      }
      int[] parts = SyntheticCityGenerator.allocate(total, w, total);
      assertHamilton(total, w, parts);
    }
  }

  /**
   * The allocation at the generator's real sizes: Putian's 136,063 units over 10,440 grids with
   * log-normal (σ = 0.35) weights, and its 1,100 communities over 57 streets (σ = 0.5).
   */
  @Test
  void theGeneratorsSizes_followHamiltonsRule() {
    SplittableRandom r = new SplittableRandom(2024);
    double[] grids = new double[10_440];
    for (int i = 0; i < grids.length; i++) {
      grids[i] = Math.exp(0.35 * r.nextGaussian());
    }
    assertHamilton(136_063, grids, SyntheticCityGenerator.allocate(136_063, grids, 999));
    double[] streets = new double[57];
    for (int i = 0; i < streets.length; i++) {
      streets[i] = Math.exp(0.5 * r.nextGaussian());
    }
    assertHamilton(1_100, streets, SyntheticCityGenerator.allocate(1_100, streets, 999));
  }

  // ---------------------------------------------------------------- the base tree

  private static final long D = 350302L;

  @Test
  void aBaseWithoutStreets_isRefusedAsSuch() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(D, "城厢区");
    RegionTree base = b.build();
    assertThatThrownBy(
            () ->
                SyntheticCityGenerator.generate(
                    base, new SyntheticCityGenerator.Targets(1, 1, 1, 10, 2), 1, TestTrees.EDITION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base tree has no street to generate below");
  }

  @Test
  void theBaseRegionsKeepTheirAttributes() {
    long st1 = D * 1000 + 1;
    long st2 = D * 1000 + 201;
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(D, "城厢区").population(1000).households(400).area(5e6).tags(List.of("capital"));
    b.add(RegionLevel.STREET, st1, D, "龙桥街道")
        .population(700)
        .households(250)
        .area(2e6)
        .urbanRural(UrbanRuralClass.URBAN_RURAL_FRINGE)
        .gridType(GridType.DEDICATED)
        .tags(List.of("old", "river"));
    b.add(RegionLevel.STREET, st2, D, "华亭乡");
    RegionTree city =
        SyntheticCityGenerator.generate(
            b.build(), new SyntheticCityGenerator.Targets(4, 8, 16, 10, 2), 3, TestTrees.EDITION);
    Region d = city.get(D);
    assertThat(d.name()).isEqualTo("城厢区");
    assertThat(d.population()).isEqualTo(1000);
    assertThat(d.households()).isEqualTo(400);
    assertThat(d.areaSquareMetres()).isEqualTo(5e6);
    assertThat(d.tags()).containsExactly("capital");
    assertThat(d.urbanRural()).isEmpty();
    assertThat(d.gridType()).isEmpty();
    Region s = city.get(st1);
    assertThat(s.name()).isEqualTo("龙桥街道");
    assertThat(s.population()).isEqualTo(700);
    assertThat(s.households()).isEqualTo(250);
    assertThat(s.areaSquareMetres()).isEqualTo(2e6);
    assertThat(s.urbanRural()).contains(UrbanRuralClass.URBAN_RURAL_FRINGE);
    assertThat(s.gridType()).contains(GridType.DEDICATED);
    assertThat(s.tags()).containsExactly("old", "river");
    Region s2 = city.get(st2);
    assertThat(s2.urbanRural()).isEmpty();
    assertThat(s2.gridType()).isEmpty();
    assertThat(s2.tags()).isEmpty();
    assertThat(city.count(RegionLevel.COMMUNITY)).isEqualTo(4);
    assertThat(city.count(RegionLevel.GRID)).isEqualTo(8);
    assertThat(city.count(RegionLevel.UNIT)).isEqualTo(16);
  }

  // ---------------------------------------------------------------- the generated distributions

  /**
   * 130 streets of one district: 40 street offices (local numbers 1–40), 40 towns (101–140), 40
   * townships (201–240) and 10 other units (401–410).
   */
  private static RegionTree base130() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION);
    b.addDistrict(D, "城厢区");
    for (int base : new int[] {0, 100, 200}) {
      for (int k = 1; k <= 40; k++) {
        b.add(RegionLevel.STREET, D * 1000 + base + k, D, "街" + (base + k));
      }
    }
    for (int k = 401; k <= 410; k++) {
      b.add(RegionLevel.STREET, D * 1000 + k, D, "街" + k);
    }
    return b.build();
  }

  private static final double MEAN_PEOPLE = 20;

  /**
   * 1,300 communities, 6,500 grids, 84,500 units (13 a grid), 20 people a unit, 2.5 a household.
   */
  private static RegionTree city130() {
    return SyntheticCityGenerator.generate(
        base130(),
        new SyntheticCityGenerator.Targets(1_300, 6_500, 84_500, MEAN_PEOPLE, 2.5),
        20_240_101L,
        TestTrees.EDITION);
  }

  /** The coefficient of variation of exp(σZ): sqrt(exp(σ²) - 1). */
  private static double cvLogNormal(double sigma) {
    return Math.sqrt(Math.expm1(sigma * sigma));
  }

  /**
   * A township's communities are township centres with probability 0.15, villages otherwise. About
   * 400 of them (40 of 130 streets): the share's standard error is sqrt(0.15 · 0.85 / n) ≈ 0.018.
   * Reversed, the share would be 0.85.
   */
  @Test
  void aTownshipsCommunities_areTownshipCentresWithProbabilityFifteenPercent() {
    RegionTree city = city130();
    CodeScheme scheme = city.codeScheme();
    int n = 0;
    int centres = 0;
    for (Region c : city.regionsAt(RegionLevel.COMMUNITY)) {
      long street = scheme.localNumber(c.parent().orElseThrow().code());
      if (street >= 200 && street < 400) {
        n++;
        UrbanRuralClass k = c.urbanRural().orElseThrow();
        assertThat(k).isIn(UrbanRuralClass.TOWNSHIP_CENTRE, UrbanRuralClass.VILLAGE);
        centres += k == UrbanRuralClass.TOWNSHIP_CENTRE ? 1 : 0;
      } else if (street >= 400) {
        assertThat(c.urbanRural()).contains(UrbanRuralClass.SPECIAL_AREA);
      }
    }
    assertThat(n).isGreaterThan(200);
    double se = Math.sqrt(0.15 * 0.85 / n);
    assertThat((double) centres / n).isBetween(0.15 - Z * se, 0.15 + Z * se);
  }

  /**
   * An urban community's grid weight is 1.5 times a rural one's (both log-normal, σ = 0.4), so its
   * mean grids beyond the first are 1.5 times a rural one's. Each part beyond the first is {@code k
   * w + e}, with {@code k} common to all and a rounding {@code |e| < 1} that the largest remainder
   * spreads without regard to class (the mean of a class within six times 0.5/√n of 0, counted
   * below); the ratio of the two means then has a relative standard error sqrt(cv²/n_u + cv²/n_r)
   * with cv = sqrt(exp(0.16) - 1) ≈ 0.42. Swapped or divided, the ratio would be 1/1.5.
   */
  @Test
  void urbanCommunitiesHoldOneAndAHalfTimesTheGrids() {
    RegionTree city = city130();
    long urbanExtra = 0;
    long ruralExtra = 0;
    int nu = 0;
    int nr = 0;
    for (Region c : city.regionsAt(RegionLevel.COMMUNITY)) {
      int extra = c.children().size() - 1;
      if (c.urbanRural().orElseThrow().isUrban()) {
        urbanExtra += extra;
        nu++;
      } else {
        ruralExtra += extra;
        nr++;
      }
    }
    assertThat(nu).isGreaterThan(300);
    assertThat(nr).isGreaterThan(300);
    double mu = (double) urbanExtra / nu;
    double mr = (double) ruralExtra / nr;
    double cv = cvLogNormal(0.4);
    double relSe = Math.sqrt(cv * cv / nu + cv * cv / nr);
    // the mean rounding of a class, |e| <= 0.5 each, within six standard errors of 0
    double rounding = Z * 0.5 / Math.sqrt(nu) / mu + Z * 0.5 / Math.sqrt(nr) / mr;
    double ratio = mu / mr;
    assertThat(ratio).isBetween(1.5 * (1 - Z * relSe - rounding), 1.5 * (1 + Z * relSe + rounding));
  }

  /**
   * A unit's population is round(m e^{-σ²/2} e^{σZ}) with σ = 0.45: its logarithm has mean ln m -
   * σ²/2 and standard deviation σ (rounding to whole people moves either by well under 0.001 at a
   * mean of 20), and the mean population is m. Standard errors over n units: σ/√n for the mean log,
   * σ/√(2n) for its standard deviation, m·sqrt(e^{σ²} - 1)/√n for the mean.
   */
  @Test
  void unitPopulations_areLogNormalWithSigmaPointFortyFive() {
    RegionTree city = city130();
    List<Region> units = city.regionsAt(RegionLevel.UNIT);
    int n = units.size();
    assertThat(n).isEqualTo(84_500);
    double sum = 0;
    double sumLog = 0;
    double sumLog2 = 0;
    for (Region u : units) {
      double p = u.population();
      sum += p;
      sumLog += Math.log(p);
      sumLog2 += Math.log(p) * Math.log(p);
    }
    double sigma = 0.45;
    double meanLog = sumLog / n;
    double sdLog = Math.sqrt(sumLog2 / n - meanLog * meanLog);
    double slack = 0.001;
    assertThat(meanLog)
        .isCloseTo(
            Math.log(MEAN_PEOPLE) - sigma * sigma / 2, within(Z * sigma / Math.sqrt(n) + slack));
    assertThat(sdLog).isCloseTo(sigma, within(Z * sigma / Math.sqrt(2.0 * n) + slack));
    double se = MEAN_PEOPLE * cvLogNormal(sigma) / Math.sqrt(n);
    assertThat(sum / n).isCloseTo(MEAN_PEOPLE, within(Z * se + 0.5 / Math.sqrt(n)));
  }

  /**
   * A unit's area is round(pop · a · e^{0.5 Z}) with a = 35 m² a person in urban communities and
   * 140 in rural ones: the area per person over a class is a·e^{0.125} (the log-normal's mean),
   * with a relative standard error sqrt(e^{0.25} - 1) · sqrt(Σ pop²) / Σ pop. Swapped, urban would
   * get 140; divided, the areas would fall to the 10 m² floor.
   */
  @Test
  void unitAreas_areAboutThirtyFiveSquareMetresAPersonInTownsAndOneFortyInVillages() {
    RegionTree city = city130();
    double[] area = new double[2];
    double[] pop = new double[2];
    double[] pop2 = new double[2];
    for (Region u : city.regionsAt(RegionLevel.UNIT)) {
      // units carry no class of their own: their grid's
      int k = u.parent().orElseThrow().urbanRural().orElseThrow().isUrban() ? 0 : 1;
      area[k] += u.areaSquareMetres();
      pop[k] += u.population();
      pop2[k] += (double) u.population() * u.population();
    }
    double[] perPerson = {35, 140};
    for (int k = 0; k < 2; k++) {
      double expected = perPerson[k] * Math.exp(0.125);
      double relSe = cvLogNormal(0.5) * Math.sqrt(pop2[k]) / pop[k];
      assertThat(area[k] / pop[k])
          .as(k == 0 ? "urban" : "rural")
          .isBetween(expected * (1 - Z * relSe) - 0.01, expected * (1 + Z * relSe) + 0.01);
    }
  }

  /**
   * Units spread over grids in proportion to log-normal weights with σ = 0.35: the units beyond the
   * first of a grid have a coefficient of variation near sqrt(e^{0.1225} - 1) ≈ 0.36, give or take
   * the rounding (its standard deviation at most 0.5, over a mean of 12) and six standard errors of
   * a sample standard deviation (kurtosis of that log-normal: e^{4σ²} + 2e^{3σ²} + 3e^{2σ²} - 3).
   * Equal weights would spread them evenly, a variation near 0.
   */
  @Test
  void unitsPerGrid_spreadLikeTheirLogNormalWeights() {
    RegionTree city = city130();
    List<Region> grids = city.regionsAt(RegionLevel.GRID);
    int n = grids.size();
    double sum = 0;
    double sum2 = 0;
    for (Region g : grids) {
      double x = g.children().size() - 1;
      sum += x;
      sum2 += x * x;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sum2 / n - mean * mean);
    double s2 = 0.35 * 0.35;
    double kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    double relSeSd = Math.sqrt((kurtosis - 1) / n) / 2;
    double cv = cvLogNormal(0.35);
    assertThat(mean).isEqualTo((84_500 - 6_500) / 6_500.0);
    assertThat(sd / mean)
        .isBetween(cv * (1 - Z * relSeSd) - 0.5 / mean, cv * (1 + Z * relSeSd) + 0.5 / mean);
  }
}
