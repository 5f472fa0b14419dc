package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import org.gridgov.region.RegionTree;

/**
 * Where a scenario's city comes from.
 *
 * <p>In scenario files: {@code city: putian}, {@code city: {csv: path/to/tree.csv}} (a gridgov
 * region CSV, relative to the scenario file) or {@code city: {single-grid: {residents: 1000}}}.
 */
public sealed interface CitySpec {

  /**
   * Putian's real districts and streets with generated communities, grids and units ({@link
   * BuiltInCities#putian(long)}); the scenario's {@linkplain Scenario#householdsPerGrid()
   * households per grid}, if set, changes the number of grids.
   *
   * @param generatorSeed the seed of the city generator (the city is the same in every replication)
   */
  record Putian(long generatorSeed) implements CitySpec {}

  /**
   * A city read from a gridgov region CSV file (see {@code docs/region-tree.md}); its grids are as
   * in the file.
   *
   * @param path the file
   */
  record CsvFile(Path path) implements CitySpec {}

  /**
   * One district, street, community, grid and unit: the queueing-theory test bed ({@link
   * QueueingValidation}).
   *
   * @param residents the unit's population, {@code >= 1}
   */
  record SingleGrid(int residents) implements CitySpec {
    /**
     * Validates.
     *
     * @param residents the unit's population, {@code >= 1}
     */
    public SingleGrid {
      checkArgument(residents >= 1, "residents must be >= 1 but was %s", residents);
    }
  }

  /**
   * A tree the caller built (API only).
   *
   * @param tree the city
   */
  record OfTree(RegionTree tree) implements CitySpec {}
}
