package org.gridgov.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.gridgov.region.DivisionFiles;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;

/**
 * Real cities that gridgov ships for simulations and examples.
 *
 * <p>Putian (莆田市, Fujian, city code 3503): its 5 county-level districts and 57 townships and
 * streets from the National Bureau of Statistics' 2023 division codes (via
 * modood/Administrative-divisions-of-China, WTFPL; the notice ships next to the data as {@code
 * org/gridgov/simulation/data/LICENSE-divisions-cn.txt}). Communities, grids and units below the
 * streets are not public and are generated to Putian's published totals: 10,440 grids and 136,063
 * units of about 100 people.
 */
public final class BuiltInCities {
  /** The edition of the shipped division codes: the 2023 statistical division codes. */
  public static final LocalDate DIVISIONS_EDITION = LocalDate.of(2023, 1, 1);

  private static final String DATA = "data/";

  private BuiltInCities() {}

  /**
   * Returns Putian's real districts and streets.
   *
   * @return a tree of 5 districts and 57 streets, edition {@link #DIVISIONS_EDITION}
   * @throws UncheckedIOException if the shipped resources cannot be read (a broken jar)
   */
  public static RegionTree putianDivisions() {
    try (Reader areas = resource("putian-areas.csv");
        Reader streets = resource("putian-streets.csv")) {
      return DivisionFiles.read(
          areas, "putian-areas.csv", streets, "putian-streets.csv", DIVISIONS_EDITION);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gridgov's shipped Putian division files", e);
    }
  }

  /**
   * Returns Putian with communities, grids and units generated below its real streets to its
   * published totals ({@link SyntheticCityGenerator.Targets#putian()}).
   *
   * @param seed the generator's seed: the same seed gives the same city
   * @return the generated city, edition {@link #DIVISIONS_EDITION}
   */
  public static RegionTree putian(long seed) {
    return SyntheticCityGenerator.generate(
        putianDivisions(), SyntheticCityGenerator.Targets.putian(), seed, DIVISIONS_EDITION);
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = BuiltInCities.class.getResourceAsStream(DATA + name);
    if (in == null) {
      throw new IOException(
          "resource org/gridgov/simulation/" + DATA + name + " is missing from the class path");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
