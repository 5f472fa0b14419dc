package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code gridgov-policy coverage}: planted gaps and overlaps in a generated street are printed with
 * their parent and children, fail the check by {@code --fail-on}, and show on the map; clean
 * polygons pass; a broken file is bad input naming the feature.
 */
class CoverageCommandTest {
  private static final Envelope BOUNDS = new Envelope(119.0, 119.05, 25.4, 25.45);
  private static final RegionTree TREE = street();

  @SuppressWarnings("NullAway.Init") // injected by JUnit before each test
  @TempDir
  Path dir;

  private static RegionTree street() {
    LocalDate edition = GridgovPolicy.CSV_EDITION;
    RegionTree base =
        RegionTree.builder(CodeScheme.standard(), edition)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .build();
    return SyntheticCityGenerator.generate(
        base, new SyntheticCityGenerator.Targets(3, 12, 60, 100, 2.8), 5L, edition);
  }

  private Path treeFile() throws IOException {
    Path f = dir.resolve("tree.csv");
    Files.writeString(f, RegionCsv.toCsv(TREE), StandardCharsets.UTF_8);
    return f;
  }

  private Path geoJson(RegionGeometry g) throws IOException {
    Path f = dir.resolve("regions.geojson");
    Files.writeString(f, g.toGeoJson(), StandardCharsets.UTF_8);
    return f;
  }

  private static Region grid(int i) {
    return TREE.regionsAt(RegionLevel.GRID).get(i);
  }

  /** The first unit that has a sibling unit touching it. */
  private static Region[] unitAndNeighbour(RegionGeometry g) {
    for (Region u : g.regions(RegionLevel.UNIT)) {
      for (Region sibling : u.parent().orElseThrow().children()) {
        if (sibling.code() != u.code()
            && g.geometry(u.code())
                .orElseThrow()
                .intersects(g.geometry(sibling.code()).orElseThrow())) {
          return new Region[] {u, sibling};
        }
      }
    }
    throw new AssertionError("no two touching units");
  }

  @Test
  void cleanPolygons_passAndTheMapIsWritten() throws IOException {
    RegionGeometry clean = SyntheticGeometry.generate(TREE, BOUNDS, 9L);
    Path svg = dir.resolve("map.svg");
    GridgovPolicyTest.Run r =
        GridgovPolicyTest.run(
            "coverage",
            geoJson(clean).toString(),
            "--tree",
            treeFile().toString(),
            "--map",
            svg.toString());

    assertThat(r.status()).as(r.err()).isEqualTo(GridgovPolicy.OK);
    assertThat(r.out()).contains("0 findings").contains("map of GRID: " + svg);
    String map = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(map).startsWith("<svg").contains(grid(0).codeText());
  }

  @Test
  void aPlantedGap_isPrintedWithItsParent_failsTheCheck_andIsMarkedOnTheMap() throws IOException {
    RegionGeometry clean = SyntheticGeometry.generate(TREE, BOUNDS, 9L);
    Region g = unitAndNeighbour(clean)[0];
    RegionGeometry broken = SyntheticGeometry.withGap(clean, g.code());
    Path svg = dir.resolve("gap.svg");
    GridgovPolicyTest.Run r =
        GridgovPolicyTest.run(
            "coverage",
            geoJson(broken).toString(),
            "--tree",
            treeFile().toString(),
            "--map",
            svg.toString());

    assertThat(r.status()).as(r.err()).isEqualTo(GridgovPolicy.FINDINGS);
    long parent = g.parent().orElseThrow().code();
    assertThat(r.out().lines().filter(l -> l.startsWith("ERROR GAP at region " + parent)))
        .hasSize(1);
    assertThat(r.out()).contains("1 finding (1 gaps, 0 overlaps");
    assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("<circle");
  }

  @Test
  void anOverlap_failsByDefault_butNotWhenOnlyGapsFail() throws IOException {
    RegionGeometry clean = SyntheticGeometry.generate(TREE, BOUNDS, 9L);
    Region[] pair = unitAndNeighbour(clean);
    Region a = pair[0];
    Region b = pair[1];
    Path file = geoJson(SyntheticGeometry.withOverlap(clean, a.code(), b.code()));
    Path tree = treeFile();

    GridgovPolicyTest.Run byDefault =
        GridgovPolicyTest.run("coverage", file.toString(), "--tree", tree.toString());
    GridgovPolicyTest.Run gapsOnly =
        GridgovPolicyTest.run(
            "coverage", file.toString(), "--tree", tree.toString(), "--fail-on", "gap");

    assertThat(byDefault.status()).isEqualTo(GridgovPolicy.FINDINGS);
    assertThat(byDefault.out()).contains("OVERLAP");
    assertThat(gapsOnly.status()).isEqualTo(GridgovPolicy.OK);
    assertThat(gapsOnly.out()).contains("OVERLAP");
  }

  @Test
  void badInput_isExitStatus2_namingTheFeatureOrTheOption() throws IOException {
    Path bad = dir.resolve("bad.geojson");
    Files.writeString(
        bad,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"code\":\"999999999999999\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}",
        StandardCharsets.UTF_8);
    GridgovPolicyTest.Run r =
        GridgovPolicyTest.run("coverage", bad.toString(), "--tree", treeFile().toString());
    assertThat(r.status()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(r.err()).contains("gridgov-policy: ").contains("bad.geojson").contains("feature 0");

    GridgovPolicyTest.Run kind =
        GridgovPolicyTest.run(
            "coverage", bad.toString(), "--tree", treeFile().toString(), "--fail-on", "holes");
    assertThat(kind.status()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(kind.err()).contains("--fail-on: unknown kind \"holes\"");
  }
}
