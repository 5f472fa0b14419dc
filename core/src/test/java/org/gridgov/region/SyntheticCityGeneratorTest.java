package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCityGeneratorTest {
  private static final Path PUTIAN =
      Path.of("../simulation/src/main/resources/org/gridgov/simulation/data");

  static RegionTree putianBase() throws IOException {
    try (Reader a =
            Files.newBufferedReader(PUTIAN.resolve("putian-areas.csv"), StandardCharsets.UTF_8);
        Reader s =
            Files.newBufferedReader(PUTIAN.resolve("putian-streets.csv"), StandardCharsets.UTF_8)) {
      return DivisionFiles.read(a, "putian-areas.csv", s, "putian-streets.csv", TestTrees.EDITION);
    }
  }

  @Test
  void generatesPutianWithExactTotalsAndPlausibleSizes() throws IOException {
    SyntheticCityGenerator.Targets targets = SyntheticCityGenerator.Targets.putian();
    RegionTree city =
        SyntheticCityGenerator.generate(putianBase(), targets, 2024L, TestTrees.EDITION);
    assertThat(city.count(RegionLevel.DISTRICT)).isEqualTo(5);
    assertThat(city.count(RegionLevel.STREET)).isEqualTo(57);
    assertThat(city.count(RegionLevel.COMMUNITY)).isEqualTo(1_100);
    assertThat(city.count(RegionLevel.GRID)).isEqualTo(10_440);
    assertThat(city.count(RegionLevel.UNIT)).isEqualTo(136_063);
    double peoplePerUnit = (double) city.totalPopulation() / city.count(RegionLevel.UNIT);
    // 3,210,000 residents / 136,063 units = 23.59 people per unit, within 5 %
    assertThat(peoplePerUnit).isBetween(22.4, 24.8);
    SizeDistribution units = city.unitsPerGrid();
    assertThat(units.min()).isGreaterThanOrEqualTo(1);
    assertThat(units.median()).isBetween(9L, 15L);
    assertThat(units.max()).isLessThan(60);
    // 3,210,000 / 2.8 people per household / 10,440 grids = 110 households per grid on average
    assertThat(city.householdsPerGrid().median()).isBetween(80L, 140L);
    for (Region s : city.regionsAt(RegionLevel.STREET)) {
      assertThat(s.children()).isNotEmpty();
    }
    long dedicated =
        city.regionsAt(RegionLevel.GRID).stream()
            .filter(g -> g.gridType().orElseThrow() == GridType.DEDICATED)
            .count();
    assertThat(dedicated).isBetween(300L, 800L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42})
  void sameSeedSameCityOtherSeedOtherCity(long seed) throws IOException {
    RegionTree base = putianBase();
    SyntheticCityGenerator.Targets small =
        new SyntheticCityGenerator.Targets(100, 500, 3_000, 80, 2.5);
    String a =
        RegionCsv.toCsv(SyntheticCityGenerator.generate(base, small, seed, TestTrees.EDITION));
    String b =
        RegionCsv.toCsv(SyntheticCityGenerator.generate(base, small, seed, TestTrees.EDITION));
    String c =
        RegionCsv.toCsv(SyntheticCityGenerator.generate(base, small, seed + 1, TestTrees.EDITION));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void rejectsTargetsThatDoNotFit() throws IOException {
    RegionTree base = putianBase();
    assertThatThrownBy(() -> new SyntheticCityGenerator.Targets(10, 5, 20, 100, 3))
        .hasMessageContaining("grids");
    assertThatThrownBy(
            () ->
                SyntheticCityGenerator.generate(
                    base,
                    new SyntheticCityGenerator.Targets(10, 20, 40, 100, 3),
                    1,
                    TestTrees.EDITION))
        .hasMessageContaining("cannot place 10 regions into 57 parents");
    RegionTree city =
        SyntheticCityGenerator.generate(
            base, new SyntheticCityGenerator.Targets(57, 57, 57, 100, 3), 1, TestTrees.EDITION);
    assertThatThrownBy(
            () ->
                SyntheticCityGenerator.generate(
                    city, SyntheticCityGenerator.Targets.putian(), 1, TestTrees.EDITION))
        .hasMessageContaining("only districts and streets");
  }

  @Test
  void allocateIsExactAndRespectsTheCap() {
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 200; k++) {
      int n = 1 + r.nextInt(50);
      int cap = 1 + r.nextInt(20);
      int total = n + r.nextInt(n * cap - n + 1);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = r.nextDouble() * 10;
      }
      int[] parts = SyntheticCityGenerator.allocate(total, w, cap);
      assertThat(java.util.Arrays.stream(parts).sum()).as("case %d", k).isEqualTo(total);
      assertThat(java.util.Arrays.stream(parts).boxed().toList())
          .as("case %d", k)
          .allMatch(p -> p >= 1 && p <= cap);
    }
  }
}
