package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario file's {@code patrol:} section. */
class PatrolSectionReaderTest {
  private static final String REST =
      """
      name: x
      city: putian
      categories: [{code: "01", share: 1, handling: "fixed(10)"}]
      """;

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @Test
  void aFullSection_switchesPatrolOnWithItsValues() throws IOException {
    Scenario s =
        read(
            REST
                + """
                patrol:
                  latent-share: 0.4
                  rounds-per-working-day: 3
                  households-per-round: 80
                  resident-report-hours: 36
                """);

    assertThat(s.patrol()).contains(new Patrol(0.4, 3, 80, 36));
  }

  @Test
  void leftOutKeys_takeTheDefaults() throws IOException {
    Scenario s = read(REST + "patrol: {rounds-per-working-day: 4}\n");

    assertThat(s.patrol()).contains(Patrol.defaults().withRoundsPerWorkingDay(4));
  }

  @Test
  void noSectionOrNone_leavesPatrolOff() throws IOException {
    assertThat(read(REST).patrol()).isEmpty();
    assertThat(read(REST + "patrol: none\n").patrol()).isEmpty();
    assertThat(read("name: y\nextends: putian\n").patrol()).isEmpty();
  }

  @Test
  void anExtendingFile_keepsItsBasesValuesForLeftOutKeys() throws IOException {
    Scenario s =
        read("name: y\nextends: putian\npatrol: {latent-share: 0.2, resident-report-hours: 10}\n");

    assertThat(s.patrol()).contains(new Patrol(0.2, 2, 100, 10));
  }

  @Test
  void anUnknownKey_isReportedWithItsPathLineAndTheNearestKey() throws IOException {
    List<Problem> ps = problems(REST + "patrol:\n  round-per-working-day: 3\n");

    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.field()).isEqualTo("patrol.round-per-working-day");
              assertThat(p.reason()).contains("did you mean 'rounds-per-working-day'?");
            });
  }

  @Test
  void outOfRangeAndWrongTypes_areReportedTogetherWithTheirValues() throws IOException {
    List<Problem> ps =
        problems(
            REST
                + """
                patrol:
                  latent-share: 1.5
                  rounds-per-working-day: 0
                  households-per-round: many
                """);

    assertThat(ps).extracting(Problem::line).containsExactly(5, 6, 7);
    assertThat(ps.get(0).field()).isEqualTo("patrol.latent-share");
    assertThat(ps.get(0).value()).isEqualTo("1.5");
    assertThat(ps.get(0).reason()).contains(">= 0 and <= 1");
    assertThat(ps.get(1).field()).isEqualTo("patrol.rounds-per-working-day");
    assertThat(ps.get(1).reason()).contains("> 0");
    assertThat(ps.get(2).field()).isEqualTo("patrol.households-per-round");
    assertThat(ps.get(2).reason()).contains("expected a number");
  }

  @Test
  void aScalarOtherThanNone_isRefused() throws IOException {
    List<Problem> ps = problems(REST + "patrol: daily\n");

    assertThat(ps).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("patrol"));
    assertThat(ps.get(0).reason()).contains("expected none or a map of latent-share");
  }

  @Test
  void theYamlWriter_roundTripsPatrol() throws IOException {
    Scenario s = read(REST + "patrol: {latent-share: 0.25, households-per-round: 12.5}\n");

    Scenario again = read(ScenarioFiles.toYaml(s));

    assertThat(again).isEqualTo(s);
    assertThat(ScenarioFiles.toYaml(read(REST))).doesNotContain("patrol");
  }

  private Scenario read(String text) throws IOException {
    Path f = dir.resolve("s" + text.hashCode() + ".yaml");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return ScenarioFiles.read(f);
  }

  private List<Problem> problems(String text) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(f));
    assertThat(e).as("expected problems").isNotNull();
    return e.problems();
  }
}
