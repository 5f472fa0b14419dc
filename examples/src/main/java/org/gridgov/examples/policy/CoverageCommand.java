package org.gridgov.examples.policy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.simulation.report.GridMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gridgov-policy coverage}: the spatial side of policy testing. Reads region polygons from
 * GeoJSON over a region tree, runs gridgov-geo's {@link CoverageAnalysis} (留白 and 职责交叉 in space:
 * gaps, overlaps, slivers, children outside their parent), prints every finding, and draws an SVG
 * map of one level coloured by how many findings touch each region, with the findings marked. Exit
 * status as {@code check}: 0 none of a {@code --fail-on} kind, 1 some, 2 bad input.
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that the polygons in GEOJSON tile their parents over TREE: prints every gap, overlap,"
          + " sliver and child outside its parent, and optionally draws an SVG map.",
      "Exit status: 0 no finding of a --fail-on kind, 1 some, 2 bad input."
    })
final class CoverageCommand implements Callable<Integer> {
  private final PrintStream out;

  @Parameters(
      paramLabel = "GEOJSON",
      description = "a GeoJSON FeatureCollection whose features carry a region code (docs/geo.md)")
  private Path geoJson = Path.of("");

  @Option(
      names = "--tree",
      required = true,
      paramLabel = "TREE",
      description = "a gridgov region CSV file, or 'putian' for the built-in generated Putian")
  private String treeArg = "";

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + GridgovPolicy.DEFAULT_SEED,
      description = "seed of the generated Putian (default: ${DEFAULT-VALUE})")
  private long seed;

  @Option(
      names = "--map",
      paramLabel = "SVG",
      description = "write an SVG map of --level coloured by findings per region")
  private Optional<Path> map = Optional.empty();

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      defaultValue = "GRID",
      description = "the level the map draws: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  private RegionLevel level = RegionLevel.GRID;

  @Option(
      names = "--fail-on",
      split = ",",
      paramLabel = "KIND",
      defaultValue = "gap,overlap,outside",
      description =
          "kinds that fail the check: gap, overlap, sliver, outside, all or none (default:"
              + " ${DEFAULT-VALUE})")
  private List<String> failOn = List.of();

  CoverageCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    Set<CoverageFinding.Kind> failing = failKinds(failOn);
    RegionTree tree = GridgovPolicy.tree(treeArg, seed);
    RegionGeometry geometry = readGeometry(tree);
    CoverageReport report = CoverageAnalysis.analyse(geometry);
    out.print(report.text());
    if (map.isPresent()) {
      Path svg = map.get();
      Files.writeString(
          svg,
          GridMap.svg(
              geometry,
              level,
              findingsPerRegion(geometry, report),
              "coverage findings",
              report.findings(),
              800),
          StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "map of %s: %s%n", level, svg);
    }
    boolean fails = report.findings().stream().anyMatch(f -> failing.contains(f.kind()));
    return fails ? GridgovPolicy.FINDINGS : GridgovPolicy.OK;
  }

  private RegionGeometry readGeometry(RegionTree tree) {
    try (Reader in = Files.newBufferedReader(geoJson, StandardCharsets.UTF_8)) {
      return RegionGeometry.fromGeoJson(
          tree, in, geoJson.toString(), RegionGeometry.LoadOptions.defaults());
    } catch (IOException e) {
      throw new GridgovPolicy.BadInputException(
          "cannot read GeoJSON " + geoJson + ": " + e.getMessage());
    }
  }

  /**
   * Every region of the level with geometry, valued by the findings naming it (parent or child).
   */
  static Map<Long, Double> findingsPerRegion(RegionGeometry geometry, CoverageReport report) {
    Map<Long, Double> values = new LinkedHashMap<>();
    for (Region r : geometry.regions()) {
      values.put(r.code(), 0.0);
    }
    for (CoverageFinding f : report.findings()) {
      values.merge(f.parentCode(), 1.0, Double::sum);
      for (long child : f.childCodes()) {
        values.merge(child, 1.0, Double::sum);
      }
    }
    return values;
  }

  /** The finding kinds named on the command line. */
  static Set<CoverageFinding.Kind> failKinds(List<String> words) {
    Set<CoverageFinding.Kind> kinds = EnumSet.noneOf(CoverageFinding.Kind.class);
    for (String w : words) {
      switch (w.trim().toLowerCase(Locale.ROOT)) {
        case "gap" -> kinds.add(CoverageFinding.Kind.GAP);
        case "overlap" -> kinds.add(CoverageFinding.Kind.OVERLAP);
        case "sliver" -> kinds.add(CoverageFinding.Kind.SLIVER);
        case "outside" -> kinds.add(CoverageFinding.Kind.OUTSIDE_PARENT);
        case "all" -> kinds.addAll(EnumSet.allOf(CoverageFinding.Kind.class));
        case "none" -> kinds.clear();
        default ->
            throw new GridgovPolicy.BadInputException(
                "--fail-on: unknown kind \""
                    + w
                    + "\"; expected gap, overlap, sliver, outside, all or none");
      }
    }
    return kinds;
  }
}
