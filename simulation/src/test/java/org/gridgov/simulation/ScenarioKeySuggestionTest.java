package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void aHugeUnknownKeyGetsNoNearMissHint_andCostsNoQuadraticTime() {
    String huge = "q".repeat(60_000);
    // before the length bound, each call compared 60,000 characters with every one of ~170 paths
    // letter by letter (100 such keys took 19.5 s on the loaded build machine); a file of such
    // keys hung the reader
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 300; i++) {
            assertThat(KeyPaths.suggestion("staffing.", huge, ScenarioFileReader.STAFFING_KEYS))
                .isEmpty();
            assertThat(ScenarioFileReader.suggestion(huge, ScenarioFileReader.KEYS)).isEmpty();
          }
        });
    // a long key that starts like a known one still gets the shared-start hint
    assertThat(KeyPaths.suggestion("", "workers" + huge, List.of("workers-per-grid")))
        .isEqualTo("; did you mean 'workers-per-grid'?");
  }

  @Test
  void mayBeWithin_boundsTheLengthsAndTheirDifference() {
    String longest = "a".repeat(ScenarioFileReader.MAX_SUGGESTION_LENGTH);
    assertThat(ScenarioFileReader.mayBeWithin(longest, longest, 0)).isTrue();
    assertThat(ScenarioFileReader.mayBeWithin(longest + "a", longest + "a", 100)).isFalse();
    assertThat(ScenarioFileReader.mayBeWithin("abc", longest + "a", 100)).isFalse();
    assertThat(ScenarioFileReader.mayBeWithin("abcde", "ab", 3)).isTrue();
    assertThat(ScenarioFileReader.mayBeWithin("abcde", "ab", 2)).isFalse();
    assertThat(ScenarioFileReader.mayBeWithin("ab", "abcde", 2)).isFalse();
  }

  /**
   * The hint equals the one every path compared in full would give: a misspelling of each known
   * path's last part (a letter dropped, doubled or changed) is matched against the unpruned minimum
   * over all paths.
   */
  @Test
  void theBoundNeverChangesAHint() {
    for (String path : KeyPaths.ALL) {
      String leaf = path.substring(path.lastIndexOf('.') + 1);
      for (String given :
          List.of(
              leaf.substring(1),
              leaf + leaf.charAt(leaf.length() - 1),
              "x" + leaf.substring(1),
              leaf + "-extra-words-here")) {
        String hint = KeyPaths.suggestion("", given, List.of());
        int best = Integer.MAX_VALUE;
        for (String p : KeyPaths.ALL) {
          best = Math.min(best, fullDistance(given, p.substring(p.lastIndexOf('.') + 1)));
        }
        boolean near = best <= Math.max(2, given.length() / 3);
        // with no keys of its own map, only the nearest path can be hinted
        assertThat(hint.startsWith("; did you mean")).as(given).isEqualTo(near);
        if (near) {
          String named = hint.substring(hint.indexOf('\'') + 1, hint.lastIndexOf('\''));
          assertThat(fullDistance(given, named.substring(named.lastIndexOf('.') + 1)))
              .as(given)
              .isEqualTo(best);
        }
      }
    }
  }

  /** Levenshtein distance by the textbook recurrence, written apart from the reader's. */
  private static int fullDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] =
            i == 0 || j == 0
                ? i + j
                : Math.min(
                    Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                    d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }
}
