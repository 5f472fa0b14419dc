package org.gridgov.benchmarks.region;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.gridgov.region.RegionTree;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures retained bytes per region of the gridgov tree and the naive tree with JOL ({@code
 * GraphLayout.parseInstance(tree).totalSize()}), and writes them as JSON.
 *
 * <p>Usage: {@code java -Xmx12g -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.region.RegionTreeMemory benchmarks/results/region-tree-memory.json putian
 * 1m 10m:gridgov}. A size suffixed {@code :gridgov} measures only the gridgov tree: JOL's walk over
 * the naive tree's ~50 million objects at 10M regions needs more heap and time than the shared
 * machine has (the naive cost per region is a constant per object, plus the HashMap table, so the
 * Putian and 1M figures carry over). "Names aside" subtracts the gridgov name table (name ids and
 * the deduplicated text) and, for the naive tree, the distinct name strings (the 4-byte reference
 * in each node stays counted).
 */
public final class RegionTreeMemory {
  private RegionTreeMemory() {}

  /**
   * Runs the measurement.
   *
   * @param args output file, then sizes
   * @throws Exception if reflection or writing fails
   */
  public static void main(String[] args) throws Exception {
    StringBuilder json = new StringBuilder("[\n");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int k = 1; k < args.length; k++) {
      boolean gridgovOnly = args[k].endsWith(":gridgov");
      String size =
          gridgovOnly ? args[k].substring(0, args[k].length() - ":gridgov".length()) : args[k];
      RegionInput in = RegionInput.of(size);
      int n = in.size();
      RegionTree tree = in.buildGridgov();
      long gridgovTotal = GraphLayout.parseInstance(tree).totalSize();
      Field f = RegionTree.class.getDeclaredField("names");
      f.setAccessible(true);
      long gridgovNames = GraphLayout.parseInstance(f.get(tree)).totalSize();
      Set<String> distinct = new HashSet<>();
      for (String s : in.names) {
        distinct.add(s);
      }
      tree = null;
      System.gc();
      long naiveTotal = 0;
      long naiveNames = 0;
      if (!gridgovOnly) {
        NaiveRegionTree naive = NaiveRegionTree.build(in);
        naiveTotal = GraphLayout.parseInstance(naive).totalSize();
        naiveNames = GraphLayout.parseInstance(distinct.toArray()).totalSize();
        naive = null;
      }
      String line =
          gridgovOnly
              ? String.format(
                  Locale.ROOT,
                  "  {\"size\": \"%s\", \"regions\": %d, \"gridgovBytes\": %d, \"gridgovBytesPerRegion\": %.2f,"
                      + " \"gridgovBytesPerRegionNamesAside\": %.2f}",
                  size,
                  n,
                  gridgovTotal,
                  (double) gridgovTotal / n,
                  (double) (gridgovTotal - gridgovNames) / n)
              : String.format(
                  Locale.ROOT,
                  "  {\"size\": \"%s\", \"regions\": %d, \"gridgovBytes\": %d, \"gridgovBytesPerRegion\": %.2f,"
                      + " \"gridgovBytesPerRegionNamesAside\": %.2f, \"naiveBytes\": %d,"
                      + " \"naiveBytesPerRegion\": %.2f, \"naiveBytesPerRegionNamesAside\": %.2f,"
                      + " \"ratio\": %.2f}",
                  size,
                  n,
                  gridgovTotal,
                  (double) gridgovTotal / n,
                  (double) (gridgovTotal - gridgovNames) / n,
                  naiveTotal,
                  (double) naiveTotal / n,
                  (double) (naiveTotal - naiveNames) / n,
                  (double) naiveTotal / gridgovTotal);
      out.println(line);
      json.append(line).append(k + 1 < args.length ? ",\n" : "\n");
    }
    json.append("]\n");
    try {
      Files.writeString(Path.of(args[0]), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot write " + args[0], e);
    }
  }
}
