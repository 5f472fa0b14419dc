package org.gridgov.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SizeDistribution;
import org.gridgov.simulation.BuiltInCities;

/**
 * Loads Putian's real districts and streets, generates its communities, grids and units to the
 * published totals, and prints a summary of the tree (the city of the main job, {@link
 * SimulationReport}).
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.TreeSummaryExample}.
 */
public final class TreeSummaryExample {
  /** The seed of the generated city: the same seed prints the same summary. */
  static final long SEED = 20_230_101L;

  private TreeSummaryExample() {}

  /**
   * Prints the summary to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    print(BuiltInCities.putian(SEED), new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /**
   * Prints a summary of a tree.
   *
   * @param tree the tree
   * @param out where to print
   */
  static void print(RegionTree tree, PrintStream out) {
    out.printf(
        Locale.ROOT, "gridgov region tree, edition %s, %,d regions%n", tree.edition(), tree.size());
    for (RegionLevel level : RegionLevel.values()) {
      out.printf(Locale.ROOT, "  %-9s %-6s %,9d%n", level, level.chineseName(), tree.count(level));
    }
    out.printf(
        Locale.ROOT,
        "  population %,d in %,d households%n",
        tree.totalPopulation(),
        tree.totalHouseholds());
    printDistribution(out, "units per grid", tree.unitsPerGrid());
    printDistribution(out, "households per grid", tree.householdsPerGrid());
    out.println();
    out.printf(
        Locale.ROOT,
        "  %-6s %-8s %7s %10s %12s %8s%n",
        "code",
        "district",
        "streets",
        "grids",
        "population",
        "units");
    for (Region district : tree.roots()) {
      out.printf(
          Locale.ROOT,
          "  %-6s %-8s %7d %10d %,12d %8d%n",
          district.codeText(),
          district.name(),
          district.descendantsAt(RegionLevel.STREET).size(),
          district.descendantsAt(RegionLevel.GRID).size(),
          district.subtreePopulation(),
          district.unitCount());
    }
  }

  private static void printDistribution(PrintStream out, String what, SizeDistribution d) {
    out.printf(
        Locale.ROOT,
        "  %-19s min %,d  median %,d  mean %,.1f  max %,d%n",
        what,
        d.min(),
        d.median(),
        d.mean(),
        d.max());
  }
}
