package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.gridgov.simulation.BuiltInCities;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.LevelScorecard;
import org.gridgov.simulation.Mechanisms;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioRegions;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepResult;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's scorecard table per swept value and level (issue #20) against scorecards recomputed
 * from the runs' own events: every replication's measured cases through core's {@link
 * Scorecards#compute}, handlers put in levels by their ids and the region tree, pooled over the
 * replications by hand.
 */
class ScorecardSectionTest {
  private static final long SEED = 3;
  private static final ImmutableList<String> VALUES = ImmutableList.of("1", "2");
  private static final int REPLICATIONS = 2;

  private static final RegionTree CITY =
      SyntheticCityGenerator.generate(
          BuiltInCities.putianDivisions(),
          new SyntheticCityGenerator.Targets(60, 200, 2_000, 20, 2.8),
          3,
          BuiltInCities.DIVISIONS_EDITION);

  private static Scenario scenario() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("scorecards")
        .city(new CitySpec.OfTree(CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(3))
        .drain(Duration.ofDays(14))
        .addAllCategories(putian.categories())
        .staffing(putian.staffing())
        .travel(putian.travel())
        .mechanisms(new Mechanisms(0.15).withVisits(0.3, 24))
        .build();
  }

  @Test
  void theTablesRows_equalScorecardsRecomputedFromTheRunsEvents(@TempDir Path dir)
      throws IOException {
    Sweep sweep =
        new Sweep(scenario(), SweepParameter.WORKERS_PER_GRID, VALUES, REPLICATIONS, SEED, 2);
    List<ReplicationResult> runs = new ArrayList<>();
    Map<String, List<Map<LevelScorecard.Level, Oracle>>> oracle = new HashMap<>();
    for (String v : VALUES) {
      Scenario s = sweep.parameter().apply(sweep.scenario(), v);
      PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
      for (int r = 0; r < REPLICATIONS; r++) {
        List<CaseFile> files = new ArrayList<>();
        runs.add(Replication.run(p, SEED, r, v, Progress.NONE, files::add));
        oracle.computeIfAbsent(v, k -> new ArrayList<>()).add(levels(s, files));
      }
    }
    SweepResult result = Experiments.assemble(sweep, ImmutableList.copyOf(runs));
    // the runs with an observer are the runs of the real pipeline (in parallel, no observer)
    assertThat(Experiments.run(sweep, Progress.NONE).runs()).isEqualTo(result.runs());

    var unused = SweepReport.write(result, dir);
    List<String> csv = Files.readAllLines(dir.resolve(ScorecardSection.CSV_FILE));
    assertThat(csv.get(0))
        .isEqualTo(
            "value,level,replications,handlers_per_replication,received,accepted_in_time,"
                + "on_time_handling,on_time_closing,rework,shirks,supervised,satisfaction,"
                + "composite_mean,composite_p10,composite_median,composite_p90");
    List<String> expectedKeys = new ArrayList<>();
    for (String v : VALUES) {
      for (LevelScorecard.Level l : LevelScorecard.Level.values()) {
        if (java.util.Objects.requireNonNull(oracle.get(v)).stream()
            .anyMatch(m -> m.containsKey(l))) {
          expectedKeys.add(v + "," + l.id());
        }
      }
    }
    assertThat(csv.subList(1, csv.size()))
        .extracting(line -> line.split(",", -1)[0] + "," + line.split(",", -1)[1])
        .containsExactlyElementsOf(expectedKeys);
    assertThat(expectedKeys).contains("1,grid", "2,grid");

    String html = Files.readString(dir.resolve("report.html"));
    String json = Files.readString(dir.resolve(ScorecardSection.JSON_FILE));
    assertThat(html).contains("<h2>Scorecards (考核) per level</h2>");
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",", -1);
      Oracle pooled =
          Oracle.pool(
              java.util.Objects.requireNonNull(oracle.get(f[0])),
              LevelScorecard.Level.valueOf(f[1].toUpperCase(Locale.ROOT)));
      assertThat(f[2]).isEqualTo(Integer.toString(REPLICATIONS));
      assertThat(Double.parseDouble(f[3]))
          .isCloseTo(pooled.handlers / (double) REPLICATIONS, within());
      assertThat(f[4]).as(line).isEqualTo(Long.toString(pooled.n[0]));
      assertThat(f[5]).as(line).isEqualTo(pooled.n[1] + "/" + pooled.n[0]);
      assertThat(f[6]).as(line).isEqualTo(pooled.n[3] + "/" + pooled.n[2]);
      assertThat(f[7]).as(line).isEqualTo(pooled.n[5] + "/" + pooled.n[4]);
      assertThat(f[8]).as(line).isEqualTo(pooled.n[7] + "/" + pooled.n[6]);
      assertThat(f[9]).as(line).isEqualTo(Long.toString(pooled.n[8]));
      assertThat(f[10]).as(line).isEqualTo(Long.toString(pooled.n[9]));
      assertThat(f[11]).as(line).isEqualTo(pooled.n[11] + "/" + pooled.n[10]);
      for (int i = 0; i < 4; i++) {
        double expected = pooled.composites[i];
        if (Double.isNaN(expected)) {
          assertThat(f[12 + i]).as(line).isEqualTo("NaN");
        } else {
          assertThat(Double.parseDouble(f[12 + i])).as(line).isCloseTo(expected, within());
        }
      }
      // the same row in the JSON and in the page
      assertThat(json)
          .contains(
              "{\"value\": \"" + f[0] + "\", \"level\": \"" + f[1] + "\", \"replications\": 2,")
          .contains("\"on_time_closing\": [" + pooled.n[5] + ", " + pooled.n[4] + "]");
      assertThat(html)
          .contains(
              "<tr><td>"
                  + f[0]
                  + "</td><td>"
                  + f[1]
                  + "</td><td>"
                  + SweepReport.significant(pooled.handlers / (double) REPLICATIONS)
                  + "</td><td>"
                  + SweepReport.significant(pooled.n[0] / (double) REPLICATIONS)
                  + "</td><td>"
                  + ScorecardSection.percent(pooled.n[1], pooled.n[0])
                  + "</td>");
    }
    // rework and visits move the grid rows' figures
    Oracle grid =
        Oracle.pool(java.util.Objects.requireNonNull(oracle.get("1")), LevelScorecard.Level.GRID);
    assertThat(grid.n[7]).isGreaterThan(0);
    assertThat(grid.n[10]).isGreaterThan(0);

    // the same sweep and seed write the same bytes
    var unused2 = SweepReport.write(Experiments.run(sweep, Progress.NONE), dir.resolve("again"));
    assertThat(Files.readString(dir.resolve("again").resolve(ScorecardSection.CSV_FILE)))
        .isEqualTo(String.join("\n", csv) + "\n");
    assertThat(Files.readString(dir.resolve("again").resolve(ScorecardSection.JSON_FILE)))
        .isEqualTo(json);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  /** One replication's scorecards per level, recomputed from its measured cases' events. */
  private static Map<LevelScorecard.Level, Oracle> levels(Scenario s, List<CaseFile> files) {
    Instant from =
        s.start()
            .atZone(ScenarioRegions.calendar(s.calendar()).zone())
            .toInstant()
            .plus(s.warmUp());
    Instant end = from.plus(s.horizon());
    List<CaseEvent> measured = new ArrayList<>();
    for (CaseFile f : files) {
      Instant reported = f.events().get(0).at();
      if (!reported.isBefore(from) && reported.isBefore(end)) {
        measured.addAll(f.events());
      }
    }
    ScorecardTable table =
        Scorecards.compute(
            measured,
            from,
            from.plus(Duration.ofDays(400)),
            ScorecardWeights.parse(LevelScorecard.WEIGHTS_TEXT, "test"));
    Map<LevelScorecard.Level, Oracle> out = new HashMap<>();
    Map<LevelScorecard.Level, List<Double>> composites = new HashMap<>();
    for (ScorecardTable.Row row : table.rows()) {
      Scorecard c = row.card();
      LevelScorecard.Level l = level(c.handlerId());
      Oracle o = out.computeIfAbsent(l, k -> new Oracle());
      o.handlers++;
      long[] k = {
        c.received(),
        c.acceptedInTime().numerator(),
        c.onTimeHandling().denominator(),
        c.onTimeHandling().numerator(),
        c.onTimeClosing().denominator(),
        c.onTimeClosing().numerator(),
        c.rework().denominator(),
        c.rework().numerator(),
        c.shirks(),
        c.supervised(),
        c.satisfaction().denominator(),
        c.satisfaction().numerator()
      };
      for (int i = 0; i < k.length; i++) {
        o.n[i] += k[i];
      }
      if (c.composite().isPresent()) {
        composites.computeIfAbsent(l, x -> new ArrayList<>()).add(c.composite().getAsDouble());
      }
    }
    for (var e : out.entrySet()) {
      double[] xs =
          composites.getOrDefault(e.getKey(), List.of()).stream()
              .mapToDouble(Double::doubleValue)
              .toArray();
      e.getValue().composites =
          new double[] {
            xs.length == 0 ? Double.NaN : Arrays.stream(xs).average().orElseThrow(),
            percentile(xs, 10),
            percentile(xs, 50),
            percentile(xs, 90)
          };
    }
    return out;
  }

  /** The smallest value with at least p percent of the values at or below it; NaN for none. */
  private static double percentile(double[] values, int p) {
    double best = Double.NaN;
    for (double x : values) {
      long atOrBelow = Arrays.stream(values).filter(y -> y <= x).count();
      if (atOrBelow * 100 >= (long) p * values.length && (Double.isNaN(best) || x < best)) {
        best = x;
      }
    }
    return best;
  }

  private static LevelScorecard.Level level(String handlerId) {
    if (handlerId.equals("office:city")) {
      return LevelScorecard.Level.CITY;
    }
    if (!handlerId.startsWith("office:")) {
      return LevelScorecard.Level.DEPARTMENT;
    }
    RegionLevel l = CITY.get(Long.parseLong(handlerId.substring("office:".length()))).level();
    return switch (l) {
      case GRID -> LevelScorecard.Level.GRID;
      case COMMUNITY -> LevelScorecard.Level.COMMUNITY;
      case STREET -> LevelScorecard.Level.STREET;
      case DISTRICT -> LevelScorecard.Level.DISTRICT;
      case UNIT -> throw new AssertionError("a unit holds no case: " + handlerId);
    };
  }

  /** A level's sums in one replication, or pooled over replications. */
  private static final class Oracle {
    long handlers;
    final long[] n = new long[12];
    double[] composites = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    /** Sums the counts; averages each composite figure over the replications that have one. */
    static Oracle pool(List<Map<LevelScorecard.Level, Oracle>> reps, LevelScorecard.Level l) {
      Oracle p = new Oracle();
      double[] sums = new double[4];
      int ranked = 0;
      for (Map<LevelScorecard.Level, Oracle> rep : reps) {
        Oracle o = rep.get(l);
        if (o == null) {
          continue;
        }
        p.handlers += o.handlers;
        for (int i = 0; i < 12; i++) {
          p.n[i] += o.n[i];
        }
        if (!Double.isNaN(o.composites[0])) {
          ranked++;
          for (int i = 0; i < 4; i++) {
            sums[i] += o.composites[i];
          }
        }
      }
      for (int i = 0; i < 4; i++) {
        p.composites[i] = ranked == 0 ? Double.NaN : sums[i] / ranked;
      }
      return p;
    }
  }
}
