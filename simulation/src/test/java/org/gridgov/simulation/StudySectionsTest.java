package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code experiment:} and {@code calibration:} sections: read into specs, bad input named by
 * line, column and path with a suggestion, written back by {@code toYaml} to equal values.
 */
class StudySectionsTest {
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static final String BASE =
      """
      name: x
      city: putian
      categories: [{code: "01", share: 1, handling: "fixed(10)"}]
      patrol: {latent-share: 0.3}
      """;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private List<Problem> problems(String text) throws IOException {
    Path file = write(text);
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(file));
    assertThat(e).as("expected problems in:\n%s", text).isNotNull();
    return e.problems();
  }

  @Test
  void aFullFactorialIsReadWithItsFactorsInFileOrder() throws IOException {
    Scenario s =
        ScenarioFiles.read(
            write(
                BASE
                    + """
                    experiment:
                      factors:
                        households-per-grid: [150, 500]
                        workers-per-grid: [1, 2]
                        patrol-rounds-per-working-day: [1, 3]
                      replications: 3
                    """));
    ExperimentSpec e = s.experiment().orElseThrow();
    assertThat(e.kind()).isEqualTo(ExperimentSpec.Kind.FULL);
    assertThat(e.replications()).isEqualTo(3);
    assertThat(e.commonRandomNumbers()).isTrue();
    assertThat(e.plan().factors())
        .containsExactly(
            SweepParameter.HOUSEHOLDS_PER_GRID,
            SweepParameter.WORKERS_PER_GRID,
            SweepParameter.PATROL_ROUNDS_PER_WORKING_DAY);
    assertThat(e.plan().points()).hasSize(8);
    assertThat(e.plan().points().get(7).label())
        .isEqualTo("households-per-grid=500, workers-per-grid=2, patrol-rounds-per-working-day=3");
    assertThat(s.calibration()).isEmpty();
  }

  @Test
  void aFractionalDesignStatesItsResolution() throws IOException {
    Scenario s =
        ScenarioFiles.read(
            write(
                BASE
                    + """
                    experiment:
                      design: fractional
                      factors:
                        households-per-grid: [150, 500]
                        workers-per-grid: [1, 2]
                        cases-per-resident-per-year: [1, 2]
                        department-capacity: [2, 4]
                      generators: [D=ABC]
                      common-random-numbers: false
                    """));
    ExperimentSpec e = s.experiment().orElseThrow();
    assertThat(e.plan().points()).hasSize(8);
    assertThat(e.plan().description()).contains("resolution IV").contains("D=ABC");
    assertThat(e.commonRandomNumbers()).isFalse();
    assertThat(e.replications()).isEqualTo(ExperimentSectionReader.DEFAULT_REPLICATIONS);
  }

  @Test
  void aLatinHypercubeTakesRanges() throws IOException {
    Scenario s =
        ScenarioFiles.read(
            write(
                BASE
                    + """
                    experiment:
                      design: lhs
                      factors:
                        households-per-grid: {lower: 150, upper: 800}
                        workers-per-grid: {lower: 1, upper: 3}
                      points: 6
                      sample-seed: 9
                    """));
    DesignPlan plan = s.experiment().orElseThrow().plan();
    assertThat(plan)
        .isEqualTo(
            LatinHypercube.plan(
                List.of(
                    new LatinHypercube.Range(SweepParameter.HOUSEHOLDS_PER_GRID, 150, 800),
                    new LatinHypercube.Range(SweepParameter.WORKERS_PER_GRID, 1, 3)),
                6,
                9));
  }

  @Test
  void aCalibrationIsReadWithStandardErrors() throws IOException {
    Scenario s =
        ScenarioFiles.read(
            write(
                BASE
                    + """
                    calibration:
                      parameters:
                        handling-scale: {lower: 0.5, upper: 3}
                      targets:
                        worker_utilisation: {value: 0.3, standard-error: 0.005}
                      replications: 4
                    """));
    CalibrationSpec c = s.calibration().orElseThrow();
    assertThat(c.parameters())
        .containsExactly(new CalibrationParameter("handling-scale", 0.5, 3, 1.75));
    assertThat(c.targets())
        .containsExactly(new CalibrationSpec.Target(Metric.WORKER_UTILISATION, 0.3, 0.005));
    assertThat(c.targets().get(0).toTarget().halfWidth()).isEqualTo(0.005 * 1.959964);
    assertThat(c.replications()).isEqualTo(4);
    assertThat(c.maxEvaluations()).isEqualTo(CalibrationSectionReader.DEFAULT_MAX_EVALUATIONS);
  }

  @Test
  void anUnknownFactorIsNamedAtItsLineWithASuggestion() throws IOException {
    List<Problem> ps = problems(BASE + "experiment:\n  factors:\n    workers-per-gird: [1, 2]\n");
    assertThat(ps).hasSize(1);
    Problem p = ps.get(0);
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.field()).isEqualTo("experiment.factors.workers-per-gird");
    assertThat(p.reason()).startsWith("unknown parameter; did you mean 'workers-per-grid'?");
  }

  @Test
  void aLevelThatDoesNotFitTheScenarioIsNamedAtItsPosition() throws IOException {
    List<Problem> ps = problems(BASE + "experiment:\n  factors:\n    workers-per-grid: [1, 2.5]\n");
    assertThat(ps).hasSize(1);
    Problem p = ps.get(0);
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isGreaterThan(20);
    assertThat(p.field()).isEqualTo("experiment.factors.workers-per-grid[2]");
    assertThat(p.value()).isEqualTo("2.5");
    assertThat(p.reason()).contains("expected a whole number");
  }

  @Test
  void patrolAsAFactorNeedsThePatrolSection() throws IOException {
    String noPatrol = BASE.replace("patrol: {latent-share: 0.3}\n", "");
    List<Problem> ps =
        problems(noPatrol + "experiment:\n  factors:\n    patrol-rounds-per-working-day: [1, 2]\n");
    assertThat(ps)
        .extracting(Problem::field)
        .containsExactly(
            "experiment.factors.patrol-rounds-per-working-day[1]",
            "experiment.factors.patrol-rounds-per-working-day[2]");
    assertThat(ps.get(0).reason()).contains("add a patrol: section");
  }

  @Test
  void misspeltKeysSuggestTheirPath() throws IOException {
    Problem p =
        problems(BASE + "experiment:\n  factors: {workers-per-grid: [1, 2]}\n  replicatons: 2\n")
            .get(0);
    assertThat(p.field()).isEqualTo("experiment.replicatons");
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'experiment.replications'?");
    p = problems(BASE + "max-evaluations: 3\n").get(0);
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'calibration.max-evaluations'?");
  }

  @Test
  void designMistakesAreNamed() throws IOException {
    assertThat(
            problems(BASE + "experiment:\n  design: ful\n  factors: {workers-per-grid: [1, 2]}\n"))
        .extracting(Problem::reason)
        .containsExactly(
            "unknown design; did you mean 'full'?; expected one of full, fractional, lhs");
    assertThat(
            problems(
                BASE
                    + "experiment:\n  design: fractional\n  factors: {workers-per-grid: [1, 2]}\n"))
        .extracting(Problem::field)
        .containsExactly("experiment.generators");
    assertThat(
            problems(
                BASE + "experiment:\n  factors: {workers-per-grid: [1, 2]}\n  generators: [B=A]\n"))
        .extracting(Problem::reason)
        .containsExactly("only a fractional design has generators");
    assertThat(problems(BASE + "experiment:\n  factors: {workers-per-grid: [1, 1]}\n"))
        .extracting(Problem::reason)
        .containsExactly("repeats level '1'; levels must be distinct");
    assertThat(
            problems(
                BASE
                    + "experiment:\n  design: fractional\n  factors:\n    workers-per-grid: [1, 2]\n"
                    + "    households-per-grid: [100, 200]\n    department-capacity: [1, 2]\n"
                    + "  generators: [C=AD]\n"))
        .extracting(Problem::reason)
        .singleElement()
        .asString()
        .contains("'D' is not a base factor");
  }

  @Test
  void calibrationMistakesAreNamed() throws IOException {
    String targets = "  targets: {closing_rate: {value: 0.9, standard-error: 0.01}}\n";
    assertThat(
            problems(
                BASE
                    + "calibration:\n  parameters: {handling-scal: {lower: 1, upper: 2}}\n"
                    + targets))
        .extracting(Problem::reason)
        .singleElement()
        .asString()
        .startsWith("unknown calibration parameter; did you mean 'handling-scale'?");
    assertThat(
            problems(
                BASE
                    + "calibration:\n  parameters: {solved-by-holder: {lower: 0.5, upper: 1.5}}\n"
                    + targets))
        .extracting(Problem::field)
        .containsExactly("calibration.parameters.solved-by-holder.upper");
    assertThat(
            problems(
                BASE
                    + "calibration:\n  parameters: {handling-scale: {lower: 1, upper: 2}}\n"
                    + "  targets: {closing_rate: {value: 0.9, standard-error: 0}}\n"))
        .extracting(Problem::field, Problem::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "calibration.targets.closing_rate.standard-error", 7));
    assertThat(
            problems(
                BASE
                    + "calibration:\n  parameters: {handling-scale: {lower: 1, upper: 2}}\n"
                    + "  targets: {closing_rat: {value: 0.9, standard-error: 0.1}}\n"))
        .extracting(Problem::reason)
        .singleElement()
        .asString()
        .startsWith("unknown metric; did you mean 'closing_rate'?");
  }

  @Test
  void anExtendedScenarioKeepsItsBasesSections() throws IOException {
    Path base =
        write(
            BASE
                + "experiment: {factors: {workers-per-grid: [1, 2]}, replications: 2}\n"
                + "calibration:\n  parameters: {handling-scale: {lower: 1, upper: 2}}\n"
                + "  targets: {closing_rate: {value: 0.9, standard-error: 0.01}}\n");
    Scenario b = ScenarioFiles.read(base);
    Path child = dir.resolve("child.yaml");
    Files.writeString(child, "extends: b\nname: child\n", StandardCharsets.UTF_8);
    Scenario c =
        ScenarioFiles.read(
            child, n -> n.equals("b") ? java.util.Optional.of(b) : java.util.Optional.empty());
    assertThat(c.experiment()).isEqualTo(b.experiment());
    assertThat(c.calibration()).isEqualTo(b.calibration());
  }

  /** Property: random experiments and calibrations round-trip through toYaml. */
  @Test
  void randomSectionsRoundTrip() throws IOException {
    SplittableRandom random = new SplittableRandom(20_261_204);
    Scenario base = ScenarioFiles.read(write(BASE));
    for (int i = 0; i < 40; i++) {
      Scenario s =
          ((ImmutableScenario) ImmutableScenario.copyOf(base))
              .withExperiment(randomExperiment(random))
              .withCalibration(randomCalibration(random));
      Path file = dir.resolve("rt" + i + ".yaml");
      Files.writeString(file, ScenarioFiles.toYaml(s), StandardCharsets.UTF_8);
      assertThat(ScenarioFiles.read(file)).as("seed step %s", i).isEqualTo(s);
    }
  }

  @Test
  void aScenarioWithoutSectionsWritesAsBefore() throws IOException {
    Scenario base = ScenarioFiles.read(write(BASE));
    assertThat(ScenarioFiles.toYaml(base))
        .doesNotContain("experiment")
        .doesNotContain("calibration");
  }

  private static ExperimentSpec randomExperiment(SplittableRandom r) {
    int reps = 1 + r.nextInt(9);
    boolean crn = r.nextBoolean();
    return switch (r.nextInt(3)) {
      case 0 ->
          ExperimentSpec.full(
              ImmutableList.of(
                  Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2", "" + (3 + r.nextInt(5))),
                  Factor.of(
                      SweepParameter.HOUSEHOLDS_PER_GRID, "" + (50 + r.nextDouble() * 100), "800")),
              reps,
              crn);
      case 1 ->
          ExperimentSpec.fractional(
              ImmutableList.of(
                  Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2"),
                  Factor.of(SweepParameter.HOUSEHOLDS_PER_GRID, "150", "500"),
                  Factor.of(
                      SweepParameter.PATROL_ROUNDS_PER_WORKING_DAY, "0.5", "" + r.nextInt(9) + 1)),
              ImmutableList.of("C=AB"),
              reps,
              crn);
      default ->
          ExperimentSpec.latinHypercube(
              ImmutableList.of(
                  new LatinHypercube.Range(
                      SweepParameter.CASES_PER_RESIDENT_PER_YEAR,
                      0.01 + r.nextDouble(),
                      1.5 + r.nextDouble()),
                  new LatinHypercube.Range(SweepParameter.WORKERS_PER_GRID, 1, 4)),
              2 + r.nextInt(20),
              r.nextLong(),
              reps,
              crn);
    };
  }

  private static CalibrationSpec randomCalibration(SplittableRandom r) {
    double lo = 0.1 + r.nextDouble();
    double hi = lo + r.nextDouble() * 3 + 1e-3;
    return new CalibrationSpec(
        ImmutableList.of(
            new CalibrationParameter("handling-scale", lo, hi, lo + (hi - lo) * r.nextDouble()),
            new CalibrationParameter("solved-by-holder", 0, 1, r.nextDouble())),
        ImmutableList.of(
            new CalibrationSpec.Target(
                Metric.WORKER_UTILISATION, r.nextDouble(), 1e-4 + r.nextDouble()),
            new CalibrationSpec.Target(Metric.MEAN_HOURS_TO_CLOSE, 100 * r.nextDouble(), 1.5)),
        2 + r.nextInt(8),
        3 + r.nextInt(100));
  }
}
