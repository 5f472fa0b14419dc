package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.LocationUnresolvedException;
import org.gridgov.engine.Principal;
import org.gridgov.geo.ChinaCoordinates;
import org.gridgov.geo.LonLat;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The engine and gridgov-geo together: every point reported in the synthetic street lands in the
 * unit whose polygon covers it, checked against JTS directly (an oracle independent of the
 * locator's index), and a point outside every unit is refused with nothing changed.
 */
class ReportAtPointExampleTest {
  private static final RegionTree TREE = ReportAtPointExample.street();
  private static final RegionGeometry GEOMETRY =
      SyntheticGeometry.generate(TREE, ReportAtPointExample.BOUNDS, 9L);

  @Test
  void theExampleReportsItsCaseInTheUnitThatCoversThePoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CaseFacts facts =
        ReportAtPointExample.run(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), 119.021, 25.432);
    LonLat wgs = ChinaCoordinates.gcj02ToWgs84(119.021, 25.432);

    assertThat(facts.point()).contains(ReportedPoint.of(wgs.lon(), wgs.lat()));
    long unit = facts.locationCodes().get(0);
    assertThat(TREE.get(unit).level()).isEqualTo(RegionLevel.UNIT);
    assertThat(coveringUnits(wgs.lon(), wgs.lat())).contains(unit);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("case C-1 at ReportedPoint[~", "lies in UNIT " + unit);
  }

  @Test
  void seededPoints_landInAUnitCoveringThem_orAreRefusedWhenNoUnitDoes() {
    var locator =
        org.gridgov.geo.RegionLocator.of(GEOMETRY, org.gridgov.geo.OutsidePolicy.refuse());
    CaseEngine engine =
        ReportAtPointExample.engine(TREE)
            .locationResolver(
                p ->
                    locator
                        .locate(p.revealLongitude(), p.revealLatitude())
                        .map(l -> OptionalLong.of(l.region().code()))
                        .orElse(OptionalLong.empty()))
            .build();
    SplittableRandom random = new SplittableRandom(42);
    int located = 0;
    int refused = 0;
    for (int i = 0; i < 400; i++) {
      // A box a little larger than the street, so some points fall outside every unit.
      double lon = random.nextDouble(118.995, 119.055);
      double lat = random.nextDouble(25.395, 25.455);
      CaseId id = CaseId.of("P-" + i);
      Command c =
          Command.of(
              "c-" + i,
              Principal.resident("r"),
              id,
              Instant.parse("2025-03-03T01:00:00Z"),
              new Command.ReportAt(
                  ReportedPoint.of(lon, lat),
                  "0102",
                  Priority.NORMAL,
                  CaseKind.IMMEDIATE,
                  CaseSource.APP,
                  Optional.empty()));
      var covering = coveringUnits(lon, lat);
      Throwable t = catchThrowable(() -> engine.execute(c));
      if (covering.isEmpty()) {
        assertThat(t).as("point %s %s", lon, lat).isInstanceOf(LocationUnresolvedException.class);
        assertThat(engine.facts(id)).isEmpty();
        refused++;
      } else {
        assertThat(t).as("point %s %s", lon, lat).isNull();
        assertThat(covering).contains(engine.facts(id).orElseThrow().locationCodes().get(0));
        located++;
      }
    }
    assertThat(located).isGreaterThan(300);
    assertThat(refused).isGreaterThan(0);
    assertThat(engine.caseCount()).isEqualTo(located);
  }

  /** The units whose polygon covers the point, by JTS alone. */
  private static java.util.List<Long> coveringUnits(double lon, double lat) {
    Point p = RegionGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
    java.util.List<Long> codes = new java.util.ArrayList<>();
    for (Region u : GEOMETRY.regions(RegionLevel.UNIT)) {
      Geometry g = GEOMETRY.geometry(u.code()).orElseThrow();
      if (g.covers(p)) {
        codes.add(u.code());
      }
    }
    return codes;
  }
}
