package org.gridgov.benchmarks.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.DivisionFiles;
import org.gridgov.region.GridType;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.gridgov.region.UrbanRuralClass;
import org.jspecify.annotations.Nullable;

/** The same regions as plain arrays, in pre-order, fed to both trees' builders. */
public final class RegionInput {
  /** Edition used throughout. */
  public static final LocalDate EDITION = LocalDate.of(2024, 1, 1);

  final int size;
  final long[] codes;
  final long[] parents;
  final byte[] depths;
  final String[] names;
  final int[] population;
  final int[] households;
  final float[] area;
  final @Nullable UrbanRuralClass[] urbanRural;
  final @Nullable GridType[] gridType;

  private RegionInput(RegionTree t) {
    size = t.size();
    codes = new long[size];
    parents = new long[size];
    depths = new byte[size];
    names = new String[size];
    population = new int[size];
    households = new int[size];
    area = new float[size];
    urbanRural = new UrbanRuralClass[size];
    gridType = new GridType[size];
    Map<String, String> pool = new HashMap<>();
    for (int i = 0; i < size; i++) {
      Region r = t.region(i);
      codes[i] = r.code();
      parents[i] = r.parent().map(Region::code).orElse(0L);
      depths[i] = (byte) r.level().depth();
      String name = r.name();
      names[i] = pool.computeIfAbsent(name, n -> n);
      population[i] = r.population();
      households[i] = r.households();
      area[i] = (float) r.areaSquareMetres();
      urbanRural[i] = r.urbanRural().orElse(null);
      gridType[i] = r.gridType().orElse(null);
    }
  }

  /**
   * Returns the generated city of a given size.
   *
   * @param size {@code "putian"} (147,665 regions), {@code "1m"} or {@code "10m"} (1,000,000 or
   *     10,000,000)
   * @return the input
   */
  public static RegionInput of(String size) {
    return new RegionInput(city(size));
  }

  /**
   * Generates the synthetic city below Putian's real districts and streets.
   *
   * @param size {@code "putian"}, {@code "1m"} or {@code "10m"}
   * @return the tree
   */
  public static RegionTree city(String size) {
    SyntheticCityGenerator.Targets targets =
        switch (size) {
          case "putian" -> SyntheticCityGenerator.Targets.putian();
          // 62 districts and streets + 4,000 + 70,000 + 925,938 = 1,000,000 regions.
          case "1m" -> new SyntheticCityGenerator.Targets(4_000, 70_000, 925_938, 100.0, 2.8);
          // 62 districts and streets + 40,000 + 700,000 + 9,259,938 = 10,000,000 regions.
          case "10m" -> new SyntheticCityGenerator.Targets(40_000, 700_000, 9_259_938, 100.0, 2.8);
          default -> throw new IllegalArgumentException("size must be putian, 1m or 10m: " + size);
        };
    return SyntheticCityGenerator.generate(putian(), targets, 20240101L, EDITION);
  }

  /**
   * Reads Putian's 5 districts and 57 streets shipped with gridgov-simulation.
   *
   * @return the tree
   */
  public static RegionTree putian() {
    String dir = "/org/gridgov/simulation/data/";
    try (InputStream a =
            Objects.requireNonNull(
                RegionInput.class.getResourceAsStream(dir + "putian-areas.csv"));
        InputStream s =
            Objects.requireNonNull(
                RegionInput.class.getResourceAsStream(dir + "putian-streets.csv"));
        Reader ar = new InputStreamReader(a, StandardCharsets.UTF_8);
        Reader sr = new InputStreamReader(s, StandardCharsets.UTF_8)) {
      return DivisionFiles.read(ar, "putian-areas.csv", sr, "putian-streets.csv", EDITION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds the gridgov tree from the rows.
   *
   * @return the tree
   */
  public RegionTree buildGridgov() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), EDITION);
    RegionLevel[] levels = RegionLevel.values();
    for (int i = 0; i < size; i++) {
      if (depths[i] == 0) {
        b.addDistrict(codes[i], names[i]);
      } else {
        b.add(levels[depths[i]], codes[i], parents[i], names[i]);
      }
      b.population(population[i]).households(households[i]).area(area[i]);
      UrbanRuralClass ur = urbanRural[i];
      if (ur != null) {
        b.urbanRural(ur);
      }
      GridType gt = gridType[i];
      if (gt != null) {
        b.gridType(gt);
      }
    }
    return b.build();
  }

  /**
   * Returns the number of rows.
   *
   * @return the size
   */
  public int size() {
    return size;
  }
}
