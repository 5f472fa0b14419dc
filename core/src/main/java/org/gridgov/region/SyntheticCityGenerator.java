package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a plausible synthetic city below given streets: communities, grids and units with exact
 * target counts and skewed, realistic size distributions. Deterministic: the same base tree,
 * targets and seed always give the same tree. Simulations and benchmarks use it where real grid
 * data is not public.
 *
 * <p>How: communities are spread over the streets, grids over the communities and units over the
 * grids in proportion to log-normal weights (every container gets at least one, none more than its
 * code segment holds), rounded by largest remainder so that the totals are exact. A unit's
 * population is log-normal around {@link Targets#meanPeoplePerUnit()} (σ = 0.45), its households
 * its population divided by {@link Targets#peoplePerHousehold()} with a little noise, its area
 * about 35 m² per person in towns and 140 m² in villages (log-normal, σ = 0.5). Communities of a
 * street office (local number 001–099) are urban (111 主城区); of a town (100–199) partly town centre
 * (121) and otherwise villages (220); of a township (200–399) mostly villages; of other units
 * (400–599) special areas (123). About 5 % of grids are dedicated (专属网格).
 */
@SuppressWarnings("EnumOrdinal") // packed by ordinal on purpose, as in RegionTree
public final class SyntheticCityGenerator {

  /**
   * What to generate.
   *
   * @param communities total communities, at least the number of streets
   * @param grids total grids, at least {@code communities}
   * @param units total units, at least {@code grids}
   * @param meanPeoplePerUnit mean population of a unit, &gt; 0
   * @param peoplePerHousehold mean people per household, &gt;= 1
   */
  public record Targets(
      int communities, int grids, int units, double meanPeoplePerUnit, double peoplePerHousehold) {

    /**
     * Validates the components.
     *
     * @param communities total communities, at least the number of streets
     * @param grids total grids, at least {@code communities}
     * @param units total units, at least {@code grids}
     * @param meanPeoplePerUnit mean population of a unit, &gt; 0
     * @param peoplePerHousehold mean people per household, &gt;= 1
     * @throws IllegalArgumentException if inconsistent
     */
    public Targets {
      checkArgument(communities >= 1, "communities must be at least 1 but was %s", communities);
      checkArgument(
          grids >= communities, "grids (%s) must be at least communities (%s)", grids, communities);
      checkArgument(units >= grids, "units (%s) must be at least grids (%s)", units, grids);
      checkArgument(
          meanPeoplePerUnit > 0, "meanPeoplePerUnit must be > 0 but was %s", meanPeoplePerUnit);
      checkArgument(
          peoplePerHousehold >= 1,
          "peoplePerHousehold must be >= 1 but was %s",
          peoplePerHousehold);
    }

    /**
     * Putian's published totals: 10,440 grids and 136,063 units, holding its resident population of
     * about 3.21 million (2023), i.e. {@value #PUTIAN_RESIDENTS} / 136,063 ≈ 23.6 people per unit;
     * 1,100 communities (an assumption: about 9.5 grids per community) and 2.8 people per household
     * (an assumption close to the national census average).
     *
     * @return the Putian targets
     */
    public static Targets putian() {
      return new Targets(1_100, 10_440, 136_063, PUTIAN_RESIDENTS / 136_063.0, 2.8);
    }

    /** Putian's resident population (常住人口) at the end of 2023, rounded: about 3.21 million. */
    public static final int PUTIAN_RESIDENTS = 3_210_000;
  }

  private SyntheticCityGenerator() {}

  /**
   * Generates a city.
   *
   * @param base a tree of districts and streets (no lower levels), e.g. read by {@link
   *     DivisionFiles}
   * @param targets the totals to generate
   * @param seed the random seed
   * @param edition the new tree's edition
   * @return a new tree: the base's districts and streets (with their attributes) plus the generated
   *     regions
   * @throws IllegalArgumentException if the base has regions below streets, has no street, or the
   *     targets do not fit the streets and code widths
   */
  public static RegionTree generate(
      RegionTree base, Targets targets, long seed, LocalDate edition) {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(edition, "edition");
    CodeScheme scheme = base.codeScheme();
    checkArgument(
        base.count(RegionLevel.COMMUNITY) == 0,
        "the base tree must hold only districts and streets but has %s communities",
        base.count(RegionLevel.COMMUNITY));
    int streets = base.count(RegionLevel.STREET);
    checkArgument(streets > 0, "the base tree has no street to generate below");
    SplittableRandom random = new SplittableRandom(seed);
    int[] communitiesPerStreet =
        allocate(
            targets.communities(),
            weights(random, streets, 0.5),
            scheme.maxLocalNumber(RegionLevel.COMMUNITY));
    byte[] urbanRural = new byte[targets.communities()];
    double[] communityWeights = new double[targets.communities()];
    communityKinds(base, communitiesPerStreet, random, urbanRural, communityWeights);
    int[] gridsPerCommunity =
        allocate(targets.grids(), communityWeights, scheme.maxLocalNumber(RegionLevel.GRID));
    int[] unitsPerGrid =
        allocate(
            targets.units(),
            weights(random, targets.grids(), 0.35),
            scheme.maxLocalNumber(RegionLevel.UNIT));

    RegionTree.Builder b = new RegionTree.Builder(scheme, edition, "SyntheticCityGenerator");
    int community = 0;
    int grid = 0;
    int si = 0;
    for (int i = 0; i < base.size(); i++) {
      long code = base.codeAt(i);
      if (base.depthAt(i) == 0) {
        b.addDistrict(code, base.nameAt(i));
      } else {
        b.add(RegionLevel.STREET, code, base.codeAt(base.parentAt(i)), base.nameAt(i));
      }
      b.population(base.populationAt(i)).households(base.householdsAt(i)).area(base.areaAt(i));
      copyFlags(base, i, b);
      if (base.depthAt(i) != 1) {
        continue;
      }
      for (int k = 1; k <= communitiesPerStreet[si]; k++) {
        UrbanRuralClass c = UrbanRuralClass.values()[urbanRural[community]];
        long cc = scheme.childCode(code, k);
        b.add(
                RegionLevel.COMMUNITY,
                cc,
                code,
                c.isUrban() && c != UrbanRuralClass.TOWN_CENTRE ? "第" + k + "社区" : "第" + k + "村")
            .urbanRural(c);
        for (int g = 1; g <= gridsPerCommunity[community]; g++) {
          long gc = scheme.childCode(cc, g);
          boolean dedicated = random.nextDouble() < 0.05;
          b.add(RegionLevel.GRID, gc, cc, (dedicated ? "专属网格" : "第") + g + (dedicated ? "" : "网格"))
              .urbanRural(c)
              .gridType(dedicated ? GridType.DEDICATED : GridType.COMPREHENSIVE);
          addUnits(b, scheme, gc, c, unitsPerGrid[grid], targets, random);
          grid++;
        }
        community++;
      }
      si++;
    }
    return b.build();
  }

  /** Each generated community's urban/rural class and its weight for the grid allocation. */
  private static void communityKinds(
      RegionTree base,
      int[] communitiesPerStreet,
      SplittableRandom random,
      byte[] urbanRural,
      double[] communityWeights) {
    CodeScheme scheme = base.codeScheme();
    int ci = 0;
    int si = 0;
    for (int i = 0; i < base.size(); i++) {
      if (base.depthAt(i) != 1) {
        continue;
      }
      long local = scheme.localNumber(base.codeAt(i));
      for (int k = 0; k < communitiesPerStreet[si]; k++) {
        UrbanRuralClass c = classFor(local, random);
        urbanRural[ci] = (byte) c.ordinal();
        communityWeights[ci] = logNormal(random, 0.4) * (c.isUrban() ? 1.5 : 1.0);
        ci++;
      }
      si++;
    }
  }

  /** A grid's units with log-normal population, households and area. */
  private static void addUnits(
      RegionTree.Builder b,
      CodeScheme scheme,
      long gc,
      UrbanRuralClass c,
      int units,
      Targets targets,
      SplittableRandom random) {
    double sigmaPop = 0.45;
    double popScale = targets.meanPeoplePerUnit() * Math.exp(-sigmaPop * sigmaPop / 2);
    for (int u = 1; u <= units; u++) {
      int pop = (int) Math.max(1, Math.round(popScale * logNormal(random, sigmaPop)));
      int hh =
          (int)
              Math.max(1, Math.round(pop / targets.peoplePerHousehold() * logNormal(random, 0.15)));
      double perPerson = c.isUrban() ? 35 : 140;
      long area = Math.max(10, Math.round(pop * perPerson * logNormal(random, 0.5)));
      b.add(RegionLevel.UNIT, scheme.childCode(gc, u), gc, c.isUrban() ? u + "号楼" : u + "组")
          .population(pop)
          .households(hh)
          .area((double) area);
    }
  }

  private static void copyFlags(RegionTree base, int i, RegionTree.Builder b) {
    int ur = base.urbanRuralBits(i);
    if (ur != 0) {
      b.urbanRural(UrbanRuralClass.values()[ur - 1]);
    }
    int gt = base.gridTypeBits(i);
    if (gt != 0) {
      b.gridType(GridType.values()[gt - 1]);
    }
    if (!base.tagsAt(i).isEmpty()) {
      b.tags(base.tagsAt(i));
    }
  }

  private static UrbanRuralClass classFor(long streetLocal, SplittableRandom random) {
    double x = random.nextDouble();
    if (streetLocal < 100) {
      return x < 0.8 ? UrbanRuralClass.MAIN_URBAN : UrbanRuralClass.URBAN_RURAL_FRINGE;
    }
    if (streetLocal < 200) {
      return x < 0.25
          ? UrbanRuralClass.TOWN_CENTRE
          : x < 0.35 ? UrbanRuralClass.TOWN_VILLAGE_FRINGE : UrbanRuralClass.VILLAGE;
    }
    if (streetLocal < 400) {
      return x < 0.15 ? UrbanRuralClass.TOWNSHIP_CENTRE : UrbanRuralClass.VILLAGE;
    }
    return UrbanRuralClass.SPECIAL_AREA;
  }

  private static double logNormal(SplittableRandom random, double sigma) {
    return Math.exp(sigma * random.nextGaussian());
  }

  private static double[] weights(SplittableRandom random, int n, double sigma) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = logNormal(random, sigma);
    }
    return w;
  }

  /**
   * Splits {@code total} into {@code weights.length} parts of at least 1 and at most {@code cap},
   * proportional to the weights, by largest remainder; exact and deterministic.
   */
  static int[] allocate(int total, double[] weights, long cap) {
    int n = weights.length;
    checkArgument(
        total >= n && (long) n * cap >= total,
        "cannot place %s regions into %s parents holding 1 to %s each",
        total,
        n,
        cap);
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    int[] parts = new int[n];
    long rest = (long) total - n;
    long given = 0;
    double[] frac = new double[n];
    for (int i = 0; i < n; i++) {
      double share = rest * weights[i] / sum;
      long whole = (long) Math.floor(share);
      parts[i] = (int) (1 + whole);
      given += whole;
      frac[i] = share - whole;
    }
    long left = rest - given;
    if (left > 0) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, c) -> frac[c] != frac[a] ? Double.compare(frac[c], frac[a]) : Integer.compare(a, c));
      for (int k = 0; left > 0; k = (k + 1) % n) {
        parts[order[k]]++;
        left--;
      }
    }
    // Respect the cap: move any excess to parents with room, in index order.
    long excess = 0;
    for (int i = 0; i < n; i++) {
      if (parts[i] > cap) {
        excess += parts[i] - cap;
        parts[i] = (int) cap;
      }
    }
    for (int i = 0; excess > 0; i = (i + 1) % n) {
      if (parts[i] < cap) {
        long add = Math.min(excess, cap - parts[i]);
        parts[i] += (int) add;
        excess -= add;
      }
    }
    return parts;
  }
}
