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

/** An unknown key in a scenario file names the nearest key with its full dotted path. */
class ScenarioKeySuggestionTest {
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static final String OK_REST =
      """
      city: putian
      categories: [{code: "01", share: 1, handling: "fixed(10)"}]
      """;

  private Problem onlyProblem(String text) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(file));
    assertThat(e).isNotNull();
    List<Problem> ps = e.problems();
    assertThat(ps).hasSize(1);
    return ps.get(0);
  }

  @Test
  void aNestedKeyWrittenAtTheTopIsNamedWithItsSection() throws IOException {
    Problem p = onlyProblem("name: x\nworkers-per-grid: 2\n" + OK_REST);
    assertThat(p.field()).isEqualTo("workers-per-grid");
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'staffing.workers-per-grid'?");
  }

  @Test
  void aMisspeltNestedKeyIsNamedWithItsPath() throws IOException {
    Problem p = onlyProblem("name: x\nstaffing:\n  workers-per-gird: 2\n" + OK_REST);
    assertThat(p.field()).isEqualTo("staffing.workers-per-gird");
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'staffing.workers-per-grid'?");
  }

  @Test
  void aTopLevelKeyWrittenInsideASectionIsNamedAtTheTop() throws IOException {
    Problem p = onlyProblem("name: x\nhorizon: 28d\ntravel:\n  horizn: 28d\n" + OK_REST);
    assertThat(p.field()).isEqualTo("travel.horizn");
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'horizon'?");
  }

  @Test
  void aMechanismKeyWrittenAtTheTopIsNamedWithItsSection() throws IOException {
    Problem p = onlyProblem("name: x\nrounds-per-working-day: 3\n" + OK_REST);
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'patrol.rounds-per-working-day'?");
    p = onlyProblem("name: x\nrework-probability: 0.1\n" + OK_REST);
    assertThat(p.reason()).isEqualTo("unknown key; did you mean 'mechanisms.rework-probability'?");
  }

  @Test
  void aKeyNearNothingListsTheKnownKeys() throws IOException {
    Problem p = onlyProblem("name: x\ntravel:\n  colour: blue\n" + OK_REST);
    assertThat(p.reason()).isEqualTo("unknown key; known keys: base-minutes, minutes-per-km");
  }

  @Test
  void everyPathLeadsToAKnownSection() {
    for (String path : KeyPaths.ALL) {
      String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      assertThat(ScenarioFileReader.KEYS).contains(top.replace("[]", ""));
    }
    assertThat(KeyPaths.ALL).doesNotHaveDuplicates().contains("staffing.workers-per-grid");
  }
}
