package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import com.google.common.primitives.ImmutableLongArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.junit.jupiter.api.Test;

/**
 * Repeat reports matched by distance: with {@code within <r>m}, two reports at points are the same
 * place when they lie within {@code r} metres, whatever their units; a report or a case without a
 * point is matched by its unit. Checked by scenarios, by a property test against a brute-force
 * oracle with its own distance (chords of unit vectors, not haversine), and by the policy's
 * refusals of bad radii.
 */
class RepeatByDistanceTest {
  private static final String POTHOLE = "0401";
  private static final double LON = 118.0;
  private static final double LAT = 24.5;

  /** Metres per degree of latitude on the sphere of the mean radius. */
  private static final double M_PER_DEG = Math.PI * 6_371_008.8 / 180;

  private static CaseEngine.Builder config(String policy) {
    return Fixture.config().supervisionPolicy(SupervisionPolicy.parse(policy, "test-policy"));
  }

  private static CaseFacts at(String id, String cat, long unit, Optional<ReportedPoint> p) {
    CaseFacts.Builder b =
        CaseFacts.builder()
            .id(CaseId.of(id))
            .categoryCode(cat)
            .priority(Priority.NORMAL)
            .kind(CaseKind.COMMITTED)
            .locationCodes(ImmutableLongArray.of(unit))
            .source(CaseSource.APP);
    p.ifPresent(b::point);
    return b.build();
  }

  /** A point {@code north} and {@code east} metres from the reference point. */
  private static Optional<ReportedPoint> off(double north, double east) {
    double lat = LAT + north / M_PER_DEG;
    double lon = LON + east / (M_PER_DEG * Math.cos(Math.toRadians(LAT)));
    return Optional.of(ReportedPoint.of(lon, lat));
  }

  private static List<CaseEvent> report(Driver d, String id, Instant t, CaseFacts f) {
    return d.run(Principal.resident("r-" + id), id, t, new Command.Report(f));
  }

  @Test
  void withinTheRadius_linksAcrossUnits_beyondIt_notEvenInTheSameUnit() {
    Driver d = new Driver(config("repeat window P30D within 50m link").build());
    Instant t = Fixture.at("2025-03-03T09:00");
    var unused = report(d, "A", t, at("A", POTHOLE, GRID1, off(0, 0)));

    // 30 m away, in the neighbouring grid: the same pothole
    List<CaseEvent> near = report(d, "B", t.plusSeconds(60), at("B", POTHOLE, GRID2, off(0, 30)));
    assertThat(near.stream().map(CaseEvent::type))
        .containsExactly(EventType.REPORTED, EventType.MERGED, EventType.REPEAT_REPORTED);
    assertThat(near.get(1).payload()).isEqualTo(new EventPayload.Merged(CaseId.of("A")));

    // 80 m away in the same grid: another pothole
    List<CaseEvent> far = report(d, "C", t.plusSeconds(120), at("C", POTHOLE, GRID1, off(80, 0)));
    assertThat(far.stream().map(CaseEvent::type)).containsExactly(EventType.REPORTED);

    // another category 10 m away: another problem
    List<CaseEvent> other = report(d, "D", t.plusSeconds(180), at("D", "0102", GRID1, off(10, 0)));
    assertThat(other.stream().map(CaseEvent::type)).containsExactly(EventType.REPORTED);

    assertThat(d.engine.reportCount(CaseId.of("A"))).isEqualTo(OptionalInt.of(2));
    assertThat(d.engine.reportCount(CaseId.of("C"))).isEqualTo(OptionalInt.of(1));
    assertThat(
            CaseEngine.restore(config("repeat window P30D within 50m link"), d.facts, d.log)
                .snapshot())
        .isEqualTo(d.engine.snapshot());
  }

  @Test
  void aReportWithoutAPoint_isMatchedByItsUnit_theLatestCaseThere() {
    Driver d = new Driver(config("repeat window P30D within 50m link").build());
    Instant t = Fixture.at("2025-03-03T09:00");
    var unused = report(d, "A", t, at("A", POTHOLE, GRID1, off(0, 0)));
    unused = report(d, "C", t.plusSeconds(60), at("C", POTHOLE, GRID1, off(500, 0)));

    List<CaseEvent> out =
        report(d, "E", t.plusSeconds(120), at("E", POTHOLE, GRID1, Optional.empty()));
    assertThat(out.get(1).payload()).isEqualTo(new EventPayload.Merged(CaseId.of("C")));

    // a report at a point matches a case without one by the unit
    unused = report(d, "F", t.plusSeconds(180), at("F", POTHOLE, GRID2, Optional.empty()));
    List<CaseEvent> g =
        report(d, "G", t.plusSeconds(240), at("G", POTHOLE, GRID2, off(3000, 3000)));
    assertThat(g.get(1).payload()).isEqualTo(new EventPayload.Merged(CaseId.of("F")));
  }

  @Test
  void withoutARadius_pointsAreIgnored_theUnitDecides() {
    Driver d = new Driver(config("repeat window P30D link").build());
    Instant t = Fixture.at("2025-03-03T09:00");
    var unused = report(d, "A", t, at("A", POTHOLE, GRID1, off(0, 0)));
    List<CaseEvent> near = report(d, "B", t.plusSeconds(60), at("B", POTHOLE, GRID2, off(0, 5)));
    assertThat(near.stream().map(CaseEvent::type)).containsExactly(EventType.REPORTED);
    List<CaseEvent> far = report(d, "C", t.plusSeconds(60), at("C", POTHOLE, GRID1, off(2000, 0)));
    assertThat(far.get(1).payload()).isEqualTo(new EventPayload.Merged(CaseId.of("A")));
  }

  /** A chord-based great-circle distance: independent of the engine's haversine. */
  private static double oracleMetres(ReportedPoint a, ReportedPoint b) {
    double[] u = unit(a);
    double[] v = unit(b);
    double dx = u[0] - v[0];
    double dy = u[1] - v[1];
    double dz = u[2] - v[2];
    double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
    return 2 * 6_371_008.8 * Math.asin(chord / 2);
  }

  private static double[] unit(ReportedPoint p) {
    double lat = Math.toRadians(p.revealLatitude());
    double lon = Math.toRadians(p.revealLongitude());
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  @Test
  void property_everyReportLinksToTheLatestOpenMatch_asABruteForceOracleFindsIt() {
    for (long seed = 1; seed <= 12; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double radius = 20 + rnd.nextInt(200);
      String policy = "repeat window P30D within " + (int) radius + "m link";
      Driver d = new Driver(config(policy).build());
      Instant t = Fixture.at("2025-03-03T09:00");
      List<CaseFacts> open = new ArrayList<>();
      int linked = 0;
      for (int i = 0; i < 150; i++) {
        String id = "S" + seed + "-" + i;
        String cat = rnd.nextBoolean() ? POTHOLE : "0102";
        long unit = rnd.nextBoolean() ? GRID1 : GRID2;
        Optional<ReportedPoint> p =
            rnd.nextInt(5) == 0
                ? Optional.empty()
                : off(rnd.nextDouble(-1500, 1500), rnd.nextDouble(-1500, 1500));
        CaseFacts f = at(id, cat, unit, p);
        Optional<CaseFacts> expected = Optional.empty();
        for (CaseFacts o : open) {
          boolean same =
              o.categoryCode().equals(cat)
                  && ((p.isPresent() && o.point().isPresent())
                      ? oracleMetres(p.get(), o.point().get()) <= radius
                      : o.locationCodes().get(0) == unit);
          if (same) {
            expected = Optional.of(o); // the latest reported wins
          }
        }
        List<CaseEvent> out = report(d, id, t.plusSeconds(60L * i), f);
        if (expected.isPresent()) {
          linked++;
          assertThat(out.get(1).payload())
              .as("seed %d report %d", seed, i)
              .isEqualTo(new EventPayload.Merged(expected.get().id()));
          assertThat(d.engine.state(f.id()).orElseThrow().status()).isEqualTo(CaseStatus.MERGED);
        } else {
          assertThat(out.stream().map(CaseEvent::type))
              .as("seed %d report %d", seed, i)
              .containsExactly(EventType.REPORTED);
          open.add(f);
        }
      }
      assertThat(linked).as("seed %d links something", seed).isPositive();
      assertThat(CaseEngine.restore(config(policy), d.facts, d.log).snapshot())
          .isEqualTo(d.engine.snapshot());
    }
  }

  @Test
  void badRadii_areRefusedWithLineAndField() {
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D within 0m link", "p.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p.txt line 1 field 5 (radius): got \"0m\"");
    assertThatThrownBy(() -> SupervisionPolicy.parse("\nrepeat window P30D within 50 link", "p"))
        .hasMessageContaining(
            "p line 2 field 5 (radius): got \"50\"; expected a distance in metres");
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D within 50dm link", "p"))
        .hasMessageContaining("field 5 (radius): got \"50dm\"");
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D within 20000m link", "p"))
        .hasMessageContaining("field 5 (radius): got \"20000m\"");
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D near 50m link", "p"))
        .hasMessageContaining("line 1 field 4 (within keyword): got \"near\"");
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D within 50m", "p"))
        .hasMessageContaining("line 1: 5 fields; expected 6");
    assertThatThrownBy(() -> SupervisionPolicy.parse("repeat window P30D within 50m merge", "p"))
        .hasMessageContaining("line 1 field 6 (action): got \"merge\"");

    SupervisionPolicy.RepeatRule r =
        SupervisionPolicy.parse("repeat window P7D within 12.5m reopen", "p")
            .repeat()
            .orElseThrow();
    assertThat(r.radiusMetres().getAsDouble()).isEqualTo(12.5);
    assertThat(r.closed()).isEqualTo(SupervisionPolicy.ClosedRepeat.REOPEN);
    assertThat(
            SupervisionPolicy.parse("repeat window P7D link", "p")
                .repeat()
                .orElseThrow()
                .radiusMetres())
        .isEmpty();
  }

  @Test
  void theEnginesDistance_agreesWithTheOracle() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      ReportedPoint a = ReportedPoint.of(rnd.nextDouble(-180, 180), rnd.nextDouble(-89, 89));
      ReportedPoint b =
          ReportedPoint.of(
              Math.max(-180, Math.min(180, a.revealLongitude() + rnd.nextDouble(-0.01, 0.01))),
              Math.max(-90, Math.min(90, a.revealLatitude() + rnd.nextDouble(-0.01, 0.01))));
      assertThat(RepeatIndex.metres(a, b)).isCloseTo(oracleMetres(a, b), within(1e-3));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
