package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressMatcher} on a synthetic Putian slice with its realistic repeated names (第1社区, 第2网格,
 * 3号楼 in every street), against a brute-force oracle that tries every subset of every region's
 * ancestors and every placement of their names.
 */
class AddressMatcherTest {
  private static RegionTree city;

  /**
   * Built by each test, not once for the class: a mutation tester attributes code run in a class's
   * setup to no test, so a matcher built there hid every defect in building the index.
   */
  private AddressMatcher matcher;

  @BeforeAll
  static void city() throws IOException {
    city =
        SyntheticCityGenerator.generate(
            SyntheticCityGeneratorTest.putianBase(),
            new SyntheticCityGenerator.Targets(120, 500, 4_000, 20, 2.8),
            7L,
            TestTrees.EDITION);
  }

  @BeforeEach
  void matcher() {
    matcher = AddressMatcher.of(city);
  }

  private static String fullAddress(Region r) {
    StringBuilder b = new StringBuilder();
    for (Region a : r.ancestors().reverse()) {
      b.append(a.name());
    }
    return b.append(r.name()).toString();
  }

  @Test
  void aFullAddressNamesItsUnit() {
    Region unit = city.regionsAt(RegionLevel.UNIT).get(1234);
    AddressMatch m = matcher.match("福建省莆田市" + fullAddress(unit) + "301室");
    assertThat(m.outcome()).isEqualTo(AddressMatch.Outcome.MATCHED);
    assertThat(m.matched()).contains(unit);
  }

  @Test
  void aBuildingAloneIsAmbiguousAndListsEveryBuildingOfThatName() {
    long named =
        city.regionsAt(RegionLevel.UNIT).stream().filter(u -> u.name().equals("3号楼")).count();
    assertThat(named).isGreaterThan(10);
    AddressMatch m = matcher.match("3号楼");
    assertThat(m.outcome()).isEqualTo(AddressMatch.Outcome.AMBIGUOUS);
    assertThat(m.candidateCount()).isEqualTo((int) named);
    assertThat(m.candidates()).hasSize(AddressMatch.MAX_CANDIDATES);
    assertThat(m.candidates()).allSatisfy(c -> assertThat(c.name()).isEqualTo("3号楼"));
  }

  @Test
  void aNameStraddlingTwoNamesDoesNotHideTheSecond() {
    // "专属网格1" followed by "1号楼" also reads "…11号楼", a building of another grid.
    Region unit =
        city.regionsAt(RegionLevel.UNIT).stream()
            .filter(u -> u.name().equals("1号楼") && u.parent().orElseThrow().name().equals("专属网格1"))
            .findFirst()
            .orElseThrow();
    assertThat(matcher.match(fullAddress(unit)).matched()).contains(unit);
  }

  @Test
  void aLongerNameHidesTheShorterOneInsideIt() {
    Region unit13 =
        city.regionsAt(RegionLevel.UNIT).stream()
            .filter(u -> u.name().equals("13号楼"))
            .findFirst()
            .orElseThrow();
    Region grid = unit13.parent().orElseThrow();
    AddressMatch m = matcher.match(fullAddress(grid) + "13号楼");
    assertThat(m.matched()).contains(unit13);
  }

  @Test
  void fullWidthDigitsSpacesAndShortStreetNamesAreRead() {
    Region unit = city.regionsAt(RegionLevel.UNIT).get(77);
    Region street = unit.ancestorAt(RegionLevel.STREET).orElseThrow();
    Region grid = unit.parent().orElseThrow();
    Region community = grid.parent().orElseThrow();
    String shortStreet = street.name().replaceAll("(街道|镇|乡)$", "");
    String address =
        toFullWidth(shortStreet + " " + community.name() + "　" + grid.name() + unit.name());
    assertThat(matcher.match(address).matched()).contains(unit);
  }

  @Test
  void nothingNamedIsUnmatchedAndTooLongIsRefusedWithoutEchoingTheAddress() {
    AddressMatch none = matcher.match("北京市朝阳区某某路");
    assertThat(none.outcome()).isEqualTo(AddressMatch.Outcome.UNMATCHED);
    assertThat(none.region()).isEmpty();
    String secret = "张三家门口" + "x".repeat(AddressMatcher.MAX_ADDRESS_LENGTH);
    assertThatThrownBy(() -> matcher.match(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1000")
        .hasMessageNotContaining("张三");
  }

  @Test
  void randomAddressesAgreeWithTheBruteForceOracle() {
    SplittableRandom random = new SplittableRandom(20261204L);
    Oracle oracle = new Oracle(city);
    int matched = 0;
    int ambiguous = 0;
    for (int trial = 0; trial < 300; trial++) {
      String address = randomAddress(random);
      AddressMatch m = matcher.match(address);
      List<Integer> expected = oracle.best(AddressMatcher.normalise(address));
      assertThat(m.candidateCount()).as("address %s", address).isEqualTo(expected.size());
      assertThat(m.candidates().stream().map(Region::index).toList())
          .as("address %s", address)
          .isEqualTo(expected.subList(0, Math.min(expected.size(), AddressMatch.MAX_CANDIDATES)));
      if (m.outcome() == AddressMatch.Outcome.MATCHED) {
        matched++;
      } else if (m.outcome() == AddressMatch.Outcome.AMBIGUOUS) {
        ambiguous++;
        List<Region> all = expected.stream().map(city::region).toList();
        assertThat(m.region()).isEqualTo(city.lowestCommonAncestor(all));
      }
    }
    assertThat(matched).as("the generator reaches matches").isGreaterThan(100);
    assertThat(ambiguous).as("and ambiguous addresses").isGreaterThan(20);
  }

  /** A region's path with ancestors dropped at random, noise between the names. */
  private static String randomAddress(SplittableRandom random) {
    Region target = city.region(random.nextInt(city.size()));
    List<Region> path = new ArrayList<>(target.ancestors().reverse());
    path.add(target);
    StringBuilder b = new StringBuilder(random.nextBoolean() ? "福建省莆田市" : "");
    String[] noise = {"", "", "路", "12号", " ", "东侧", "第", "3"};
    for (Region r : path) {
      if (!r.equals(target) && random.nextInt(3) == 0) {
        continue;
      }
      String name = r.name();
      if ((r.level() == RegionLevel.DISTRICT || r.level() == RegionLevel.STREET)
          && random.nextInt(3) == 0) {
        name = name.replaceAll("(街道|镇|乡|区|县)$", "");
      }
      b.append(name).append(noise[random.nextInt(noise.length)]);
    }
    if (random.nextInt(5) == 0) {
      b.append(city.region(random.nextInt(city.size())).name());
    }
    String s = b.toString();
    return random.nextInt(4) == 0 ? toFullWidth(s) : s;
  }

  private static String toFullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == ' ' ? '　' : c);
    }
    return b.toString();
  }

  /**
   * Brute force: every name variant's every occurrence; the spans not strictly inside a longer one;
   * for every region, every subset of its ancestors (in order, ending at the region) placed on
   * non-overlapping spans left to right in every way; the best by (depth, links, characters).
   */
  private static final class Oracle {
    private final RegionTree tree;
    private final Set<String> variants = new HashSet<>();

    Oracle(RegionTree tree) {
      this.tree = tree;
      for (Region r : tree.regionsAt(RegionLevel.DISTRICT)) {
        addAll(r);
      }
    }

    private void addAll(Region r) {
      variants.addAll(variantsOf(r));
      r.children().forEach(this::addAll);
    }

    static Set<String> variantsOf(Region r) {
      Set<String> v = new HashSet<>();
      String name = AddressMatcher.normalise(r.name());
      v.add(name);
      List<String> suffixes =
          switch (r.level()) {
            case DISTRICT -> List.of("区", "县", "市");
            case STREET -> List.of("街道", "镇", "乡");
            default -> List.of();
          };
      for (String s : suffixes) {
        if (name.endsWith(s) && name.length() - s.length() >= 2) {
          v.add(name.substring(0, name.length() - s.length()));
        }
      }
      return v;
    }

    List<Integer> best(String text) {
      List<int[]> spans = new ArrayList<>();
      for (int s = 0; s < text.length(); s++) {
        for (int e = s + 1; e <= text.length(); e++) {
          if (variants.contains(text.substring(s, e))) {
            spans.add(new int[] {s, e});
          }
        }
      }
      List<int[]> outer =
          spans.stream()
              .filter(
                  h ->
                      spans.stream()
                          .noneMatch(
                              o ->
                                  o[0] <= h[0]
                                      && h[1] <= o[1]
                                      && o[1] - o[0] > h[1] - h[0]
                                      && !(o[0] < h[0]
                                          && spans.stream().anyMatch(x -> x[1] == h[0]))))
              .toList();
      TreeMap<List<Integer>, List<Integer>> byScore =
          new TreeMap<>(
              Comparator.<List<Integer>, Integer>comparing(l -> l.get(0))
                  .thenComparing(l -> l.get(1))
                  .thenComparing(l -> l.get(2)));
      Set<String> present = new HashSet<>();
      outer.forEach(h -> present.add(text.substring(h[0], h[1])));
      for (int i = 0; i < tree.size(); i++) {
        if (variantsOf(tree.region(i)).stream().noneMatch(present::contains)) {
          continue;
        }
        int[] score = bestChain(tree.region(i), text, outer);
        if (score[0] > 0) {
          byScore
              .computeIfAbsent(
                  List.of(tree.region(i).level().depth(), score[0], score[1]),
                  k -> new ArrayList<>())
              .add(i);
        }
      }
      return byScore.isEmpty()
          ? List.of()
          : byScore.lastEntry().getValue().stream().sorted().toList();
    }

    /** {links, chars} of the best chain ending at r, or {0, 0}. */
    private int[] bestChain(Region r, String text, List<int[]> outer) {
      List<Region> up = new ArrayList<>(r.ancestors().reverse());
      int[] best = {0, 0};
      for (int mask = 0; mask < 1 << up.size(); mask++) {
        List<Set<String>> names = new ArrayList<>();
        for (int k = 0; k < up.size(); k++) {
          if ((mask & 1 << k) != 0) {
            names.add(variantsOf(up.get(k)));
          }
        }
        names.add(variantsOf(r));
        int chars = place(names, 0, 0, text, outer);
        if (chars >= 0) {
          int links = names.size();
          if (links > best[0] || (links == best[0] && chars > best[1])) {
            best = new int[] {links, chars};
          }
        }
      }
      return best;
    }

    /** The most characters placing names[k..] at or after position from, or -1. */
    private static int place(
        List<Set<String>> names, int k, int from, String text, List<int[]> outer) {
      if (k == names.size()) {
        return 0;
      }
      int best = -1;
      for (int[] h : outer) {
        if (h[0] >= from && names.get(k).contains(text.substring(h[0], h[1]))) {
          int rest = place(names, k + 1, h[1], text, outer);
          if (rest >= 0) {
            best = Math.max(best, rest + h[1] - h[0]);
          }
        }
      }
      return best;
    }
  }
}
