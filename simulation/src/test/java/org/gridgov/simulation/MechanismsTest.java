package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.TextParseException;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case-lifecycle mechanisms of issue #22: switches, reading, and each one's effect. */
class MechanismsTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static List<CaseFile> files(Scenario s, long seed, List<ReplicationResult> result) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    result.add(Replication.run(p, seed, 0, "", Progress.NONE, files::add));
    return files;
  }

  private static Scenario.Builder scenario() {
    return TestScenarios.small(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(14));
  }

  @Test
  void everyMechanismOffGivesTheBaseModelsResults() {
    Scenario base = scenario().build();
    Scenario off = scenario().mechanisms(Mechanisms.OFF).build();

    assertThat(base.mechanisms()).isEqualTo(Mechanisms.OFF);
    assertThat(Simulator.run(off, 11, 0, Progress.NONE))
        .isEqualTo(Simulator.run(base, 11, 0, Progress.NONE));
  }

  /**
   * Rework on: the share of failed checks is p within a binomial 4-sigma band, every failed check
   * is followed by a new resolution of the same case, every log passes the lifecycle, and the mean
   * time to close grows against the same seed with rework off (common random numbers: rework draws
   * come from their own stream).
   */
  @Test
  void reworkFailsAboutPOfTheChecksAndLengthensTheTimeToClose() {
    double p = 0.3;
    List<ReplicationResult> on = new ArrayList<>();
    List<CaseFile> files = files(scenario().mechanisms(new Mechanisms(p)).build(), 5, on);
    List<ReplicationResult> off = new ArrayList<>();
    var unused = files(scenario().build(), 5, off);

    long checks = 0;
    long failed = 0;
    for (CaseFile f : files) {
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events())).isEqualTo(f.state());
      List<CaseEvent> log = f.events();
      for (int i = 0; i < log.size(); i++) {
        EventPayload e = log.get(i).payload();
        if (e instanceof EventPayload.CheckPassed) {
          checks++;
        } else if (e instanceof EventPayload.CheckFailed) {
          checks++;
          failed++;
          assertThat(f.state().status())
              .as("a reworked case is resolved again: %s", f.facts().id())
              .isIn(CaseStatus.CLOSED, CaseStatus.RESOLVED, CaseStatus.HANDLING);
        }
      }
    }
    double sigma = Math.sqrt(p * (1 - p) / checks);
    assertThat(checks).isGreaterThan(300);
    assertThat((double) failed / checks).isBetween(p - 4 * sigma, p + 4 * sigma);
    assertThat(on.get(0).value(Metric.MEAN_HOURS_TO_CLOSE))
        .isGreaterThan(off.get(0).value(Metric.MEAN_HOURS_TO_CLOSE));
    assertThat(on.get(0).value(Metric.CASES_REPORTED))
        .as("rework makes no new cases")
        .isEqualTo(off.get(0).value(Metric.CASES_REPORTED));
  }

  @Test
  void aScenarioFileSwitchesReworkOn() throws IOException {
    Path f = dir.resolve("rework.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {rework-probability: 0.05}\n");

    assertThat(ScenarioFiles.read(f).mechanisms()).isEqualTo(new Mechanisms(0.05));
  }

  @Test
  void anUnknownMechanismKeyIsRefusedWithItsPathAndASuggestion() throws IOException {
    Path f = dir.resolve("typo.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {rework-probabilty: 0.05}\n");

    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.rework-probabilty")
        .hasMessageContaining("rework-probability");
  }

  @Test
  void aReworkProbabilityOfOneIsRefusedNamingTheValueAndTheRange() throws IOException {
    Path f = dir.resolve("one.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {rework-probability: 1}\n");

    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.rework-probability")
        .hasMessageContaining("0.99");
  }

  @Test
  void theRecordRefusesAProbabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> new Mechanisms(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rework-probability")
        .hasMessageContaining("1.0");
    assertThatThrownBy(() -> new Mechanisms(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScenarioWithReworkWritesAndReadsBackTheSame() throws IOException {
    Path f = dir.resolve("round.yaml");
    Path in = dir.resolve("in.yaml");
    Files.writeString(in, "extends: putian\nname: m\nmechanisms: {rework-probability: 0.05}\n");
    Scenario s = ScenarioFiles.read(in);
    Files.writeString(f, ScenarioFiles.toYaml(s));

    assertThat(ScenarioFiles.read(f).mechanisms()).isEqualTo(new Mechanisms(0.05));
    assertThat(ScenarioFiles.toYaml(BuiltInScenarios.putian())).doesNotContain("mechanisms");
  }

  private static final String ALL =
      "extends: putian\nname: m\nmechanisms: {rework-probability: 0.05, urgent-share: 0.1,"
          + " urgent-first: false, invalid-share: 0.08, suspension-share: 0.02,"
          + " suspension-hours: 96, extension-share: 0.03, extension-days: 3,"
          + " dissatisfied-share: 0.04, visit-hours: 48, repeat-share: 0.2, repeat-hours: 6}\n";

  private static final Mechanisms ALL_VALUES =
      new Mechanisms(0.05, 0.1, false, 0.08, 0.02, 96, 0.03, 3, 0.04, 48, 0.2, 6);

  @Test
  void aScenarioFileSetsEveryMechanism() throws IOException {
    Path f = dir.resolve("all.yaml");
    Files.writeString(f, ALL);

    assertThat(ScenarioFiles.read(f).mechanisms()).isEqualTo(ALL_VALUES);
  }

  @Test
  void aScenarioWithEveryMechanismWritesAndReadsBackTheSame() throws IOException {
    Path in = dir.resolve("in.yaml");
    Files.writeString(in, ALL);
    Path out = dir.resolve("out.yaml");
    Files.writeString(out, ScenarioFiles.toYaml(ScenarioFiles.read(in)));

    assertThat(ScenarioFiles.read(out).mechanisms()).isEqualTo(ALL_VALUES);
  }

  @Test
  void aKeyLeftOutKeepsTheDefault() throws IOException {
    Path f = dir.resolve("some.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {suspension-share: 0.1}\n");

    assertThat(ScenarioFiles.read(f).mechanisms())
        .isEqualTo(Mechanisms.OFF.withSuspensions(0.1, Mechanisms.DEFAULT_SUSPENSION_HOURS));
  }

  @Test
  void urgentFirstMustBeTrueOrFalse() throws IOException {
    Path f = dir.resolve("bool.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {urgent-first: yes-please}\n");

    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.urgent-first")
        .hasMessageContaining("true or false");
  }

  @Test
  void extensionDaysMustBeAWholeNumberInRange() throws IOException {
    Path half = dir.resolve("half.yaml");
    Files.writeString(half, "extends: putian\nname: m\nmechanisms: {extension-days: 2.5}\n");
    Path many = dir.resolve("many.yaml");
    Files.writeString(many, "extends: putian\nname: m\nmechanisms: {extension-days: 31}\n");

    assertThatThrownBy(() -> ScenarioFiles.read(half))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.extension-days")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> ScenarioFiles.read(many))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.extension-days")
        .hasMessageContaining("30");
  }

  @Test
  void theRecordRefusesSharesAndDurationsOutOfRangeNamingTheKey() {
    assertThatThrownBy(() -> Mechanisms.OFF.withPriorities(1.5, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("urgent-share")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> Mechanisms.OFF.withSuspensions(0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("suspension-hours");
    assertThatThrownBy(() -> Mechanisms.OFF.withVisits(1.0, 24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dissatisfied-share");
    assertThatThrownBy(() -> Mechanisms.OFF.withExtensions(0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extension-days");
  }
}
