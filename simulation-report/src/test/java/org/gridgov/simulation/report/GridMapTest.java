package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GridMapTest {
  private static final LocalDate EDITION = LocalDate.of(2024, 1, 1);
  private static final Envelope BOUNDS = new Envelope(119.0, 119.05, 25.4, 25.45);

  private static RegionTree tree() {
    RegionTree base =
        RegionTree.builder(CodeScheme.standard(), EDITION)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .build();
    return SyntheticCityGenerator.generate(
        base, new SyntheticCityGenerator.Targets(3, 12, 60, 100, 2.8), 5L, EDITION);
  }

  private static Map<Long, Double> load(RegionGeometry g) {
    Map<Long, Double> v = new LinkedHashMap<>();
    for (Region r : g.regions(RegionLevel.GRID)) {
      v.put(r.code(), 2.5 * r.subtreePopulation());
    }
    return v;
  }

  private static String draw(RegionGeometry g, List<CoverageFinding> findings) {
    return GridMap.svg(g, RegionLevel.GRID, load(g), "cases per year", findings, 500);
  }

  @Test
  void sameInput_givesTheSameBytes_fromIndependentlyBuiltGeometry() {
    RegionGeometry a = SyntheticGeometry.generate(tree(), BOUNDS, 9L);
    RegionGeometry b = SyntheticGeometry.generate(tree(), BOUNDS, 9L);
    assertThat(a).isNotSameAs(b);
    assertThat(draw(a, List.of())).isEqualTo(draw(b, List.of()));
    RegionGeometry other = SyntheticGeometry.generate(tree(), BOUNDS, 10L);
    assertThat(draw(other, List.of())).isNotEqualTo(draw(a, List.of()));
  }

  @Test
  void everyGridIsOnePath_colouredByItsValueClass_andItsCommunitiesAreOutlined() {
    RegionGeometry g = SyntheticGeometry.generate(tree(), BOUNDS, 9L);
    String svg = draw(g, List.of());
    Map<Long, Double> v = load(g);
    double min = v.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = v.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(min).isLessThan(max);
    Matcher m = Pattern.compile("fill=\"(#[0-9a-f]{6})\"><title>(\\d+): ").matcher(svg);
    int paths = 0;
    while (m.find()) {
      paths++;
      double value = java.util.Objects.requireNonNull(v.get(Long.parseLong(m.group(2))));
      // The oracle: six equal-width classes between min and max, computed here.
      int expected = Math.min(5, (int) Math.floor((value - min) / (max - min) * 6));
      assertThat(m.group(1))
          .as("grid %s = %s", m.group(2), value)
          .isEqualTo(GridMap.COLOURS.get(expected));
      if (value == max) {
        assertThat(m.group(1)).isEqualTo("#bd0026");
      }
      if (value == min) {
        assertThat(m.group(1)).isEqualTo("#ffffb2");
      }
    }
    assertThat(paths).isEqualTo(g.regions(RegionLevel.GRID).size());
    int outlines = svg.split("stroke-width=\"1.2\"", -1).length - 1;
    assertThat(outlines).isEqualTo(1);
    String group = svg.substring(svg.indexOf("stroke-width=\"1.2\""));
    group = group.substring(0, group.indexOf("</g>"));
    assertThat(group.split("<path ", -1)).hasSize(1 + g.regions(RegionLevel.COMMUNITY).size());
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    assertThat(svg).doesNotContain("<script").doesNotContain("http://www.w3.org/1999/xlink");
  }

  @Test
  void coverageFindings_areMarkedAtTheirPoints() {
    RegionGeometry clean = SyntheticGeometry.generate(tree(), BOUNDS, 9L);
    long unit = clean.regions(RegionLevel.UNIT).get(5).code();
    RegionGeometry broken = SyntheticGeometry.withGap(clean, unit);
    List<CoverageFinding> findings = CoverageAnalysis.analyse(broken).findings();
    assertThat(findings).isNotEmpty();
    String svg = draw(broken, findings);
    assertThat(svg.split("<circle ", -1)).hasSize(1 + findings.size());
    org.gridgov.geo.MapProjection p =
        org.gridgov.geo.MapProjection.fit(envelopeOfGrids(broken), 500, 10);
    CoverageFinding f = findings.get(0);
    assertThat(svg)
        .contains(
            "<circle cx=\""
                + org.gridgov.geo.MapProjection.number(p.x(f.point().lon()))
                + "\" cy=\""
                + org.gridgov.geo.MapProjection.number(p.y(f.point().lat()))
                + "\"");
    assertThat(svg).contains("coverage finding (" + findings.size() + ")");
    assertThat(draw(clean, List.of())).doesNotContain("<circle ");
  }

  private static Envelope envelopeOfGrids(RegionGeometry g) {
    Envelope e = new Envelope();
    for (Region r : g.regions(RegionLevel.GRID)) {
      e.expandToInclude(g.geometry(r.code()).orElseThrow().getEnvelopeInternal());
    }
    return e;
  }

  @Test
  void aGridWithoutAValue_isGrey() {
    RegionGeometry g = SyntheticGeometry.generate(tree(), BOUNDS, 9L);
    Map<Long, Double> v = load(g);
    long first = g.regions(RegionLevel.GRID).get(0).code();
    v.remove(first);
    String svg = GridMap.svg(g, RegionLevel.GRID, v, "x", List.of(), 500);
    assertThat(svg).contains("fill=\"#dddddd\"><title>" + first + ": no value</title>");
  }
}
