package org.gridgov.examples;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.LocationResolver;
import org.gridgov.engine.Principal;
import org.gridgov.geo.ChinaCoordinates;
import org.gridgov.geo.LonLat;
import org.gridgov.geo.OutsidePolicy;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.RegionLocator;
import org.gridgov.geo.SyntheticGeometry;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaPolicy;
import org.locationtech.jts.geom.Envelope;

/**
 * A report that starts from a place, as an app sends it: a resident taps a point on a Chinese map
 * app (GCJ-02), the point is converted to WGS-84, and the engine resolves it through gridgov-geo's
 * {@link RegionLocator} — plugged in as a {@link LocationResolver} lambda, so the engine itself
 * knows no geometry — to the unit it lies in. The case's facts keep the unit and the point (masked
 * wherever it is shown).
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.ReportAtPointExample}.
 */
public final class ReportAtPointExample {
  /** The synthetic street's box near Putian (WGS-84 degrees). */
  static final Envelope BOUNDS = new Envelope(119.0, 119.05, 25.4, 25.45);

  private ReportAtPointExample() {}

  /**
   * Runs the example, printing where the report landed.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var unused = run(new PrintStream(System.out, true, StandardCharsets.UTF_8), 119.021, 25.432);
  }

  /**
   * Builds a synthetic street (communities, grids, units with polygons), an engine resolving points
   * through the street's locator, and reports one case at the given GCJ-02 point.
   *
   * @param out where to print
   * @param gcjLon the longitude the map app gave (GCJ-02)
   * @param gcjLat the latitude the map app gave (GCJ-02)
   * @return the reported case's facts as the engine recorded them
   */
  static CaseFacts run(PrintStream out, double gcjLon, double gcjLat) {
    RegionTree tree = street();
    // tag::report-at[]
    RegionGeometry geometry = SyntheticGeometry.generate(tree, BOUNDS, 9L);
    RegionLocator locator = RegionLocator.of(geometry, OutsidePolicy.refuse());
    LocationResolver resolver =
        point ->
            locator
                .locate(point.revealLongitude(), point.revealLatitude())
                .map(location -> OptionalLong.of(location.region().code()))
                .orElse(OptionalLong.empty());
    CaseEngine engine = engine(tree).locationResolver(resolver).build();

    LonLat wgs = ChinaCoordinates.gcj02ToWgs84(gcjLon, gcjLat); // the app's map is GCJ-02
    CaseId id = CaseId.of("C-1");
    Command report =
        Command.of(
            "report-1",
            Principal.resident("app-user-7"),
            id,
            Instant.parse("2025-03-03T01:00:00Z"),
            new Command.ReportAt(
                ReportedPoint.of(wgs.lon(), wgs.lat()),
                "0102",
                Priority.NORMAL,
                CaseKind.IMMEDIATE,
                CaseSource.APP,
                Optional.empty()));
    var unused = engine.execute(report);
    CaseFacts facts = engine.facts(id).orElseThrow();
    // end::report-at[]
    Region where = tree.get(facts.locationCodes().get(0));
    out.printf(
        "case %s at %s lies in %s %s (grid %s)%n",
        id,
        facts.point().orElseThrow(),
        where.level(),
        where.code(),
        where.ancestorAt(RegionLevel.GRID).map(Region::code).orElse(where.code()));
    return facts;
  }

  /** One street of 3 communities, 12 grids and about 60 units, generated from a seed. */
  static RegionTree street() {
    LocalDate edition = LocalDate.of(2025, 1, 1);
    RegionTree base =
        RegionTree.builder(CodeScheme.standard(), edition)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .build();
    return SyntheticCityGenerator.generate(
        base, new SyntheticCityGenerator.Targets(3, 12, 60, 100, 2.8), 5L, edition);
  }

  /** An engine for the street: new cases to the office of their grid, 5 working days in all. */
  static CaseEngine.Builder engine(RegionTree tree) {
    RoutingGraph graph = RoutingGraph.builder(tree).build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(
            PolicyTable.parse(
                    new StringReader(
                        """
                        category,region,priority,point,holder,action
                        *,*,*,NEW_CASE,none,assign office@GRID
                        """),
                    "policy.csv")
                .compile(graph))
        .slaPolicy(
            SlaPolicy.parse(
                new StringReader("whole-case * * * working-days 5 end-of-working-day\n"),
                "sla.txt"))
        .calendar(ChinaCalendar.calendar());
  }
}
