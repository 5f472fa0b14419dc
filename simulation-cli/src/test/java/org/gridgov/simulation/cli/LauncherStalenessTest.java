package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/gridgov-sim} rebuilds its jar when a source of a module the jar contains is newer than
 * the jar; a module missing from its list (as the engine and geography modules were) leaves a user
 * running yesterday's code after an edit. Every gridgov module this one depends on, directly or
 * not, read from the POMs (test scope aside), must be in the script's list.
 */
class LauncherStalenessTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern GRIDGOV =
      Pattern.compile(
          "<groupId>org\\.gridgov</groupId>\\s*<artifactId>gridgov-([a-z-]+)</artifactId>");

  @Test
  void theLauncherWatchesEveryModuleTheJarContains() throws IOException {
    String script = Files.readString(ROOT.resolve("bin/gridgov-sim"), StandardCharsets.UTF_8);
    Set<String> modules = closure("simulation-cli");

    assertThat(modules).contains("simulation", "engine", "routing", "core", "geo");
    assertThat(modules.stream().filter(m -> !script.contains("\"$ROOT/" + m + "\"")))
        .as("modules missing from bin/gridgov-sim's staleness list")
        .isEmpty();
  }

  /** The module and the gridgov modules it depends on, transitively (directory = artifact name). */
  private static Set<String> closure(String module) throws IOException {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(module);
    while (!todo.isEmpty()) {
      String m = todo.pop();
      if (!seen.add(m)) {
        continue;
      }
      String pom = Files.readString(ROOT.resolve(m).resolve("pom.xml"), StandardCharsets.UTF_8);
      Matcher d = DEPENDENCY.matcher(pom);
      while (d.find()) {
        Matcher g = GRIDGOV.matcher(d.group(1));
        if (g.find() && !d.group(1).contains("<scope>test</scope>")) {
          todo.add(g.group(1));
        }
      }
    }
    return seen;
  }
}
