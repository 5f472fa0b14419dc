package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child JVM runs {@link CrashScenario} against the store and is killed ({@code destroyForcibly})
 * at seeded random points; a new child restores from the store and continues. The store must end
 * with exactly the log of an uninterrupted run (no duplicate, no lost event), and no step a child
 * acknowledged as committed may be lost.
 */
class CrashTest {
  private static final long SEED = 0x5EED_5709EL;
  private static final int STEPS = 1000;

  static List<String> databases() {
    return StoreFixture.databases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void childKilledAtRandomPointsAndRestartedEndsWithTheUninterruptedLog(
      String database, @TempDir Path dir) throws Exception {
    CrashScenario scenario = new CrashScenario(SEED, STEPS);
    List<CaseFacts> reportedFacts = new ArrayList<>();
    List<CaseEvent> reference = scenario.referenceLog(reportedFacts);
    assertThat(reference).as("a long scenario").hasSizeGreaterThan(STEPS);

    SplittableRandom r = new SplittableRandom(SEED ^ database.hashCode());
    int[] killsPerRun = {2, 1, 1};
    int killPoints = 0;
    for (int run = 0; run < killsPerRun.length; run++) {
      String url = StoreFixture.freshUrl(database, dir);
      int acked = -1;
      for (int kill = 0; kill < killsPerRun[run]; kill++) {
        int killAfter = acked + 2 + r.nextInt(Math.max(1, (STEPS - acked - 3) / 2));
        String what =
            String.format(
                java.util.Locale.ROOT,
                "%s run %d kill %d after step %d",
                database,
                run,
                kill,
                killAfter);
        Child child = Child.start(url, dir, what);
        int resume = child.resumeStep();
        assertThat(resume)
            .as("%s: a resumed child starts after every step acknowledged as stored", what)
            .isGreaterThan(acked);
        child.readUntil("ack " + killAfter + " ");
        // SIGKILL through the handle: Process.destroyForcibly would also close the pipe we still
        // read from
        var unused = child.process.toHandle().destroyForcibly();
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int last = child.drainLastStored();
        assertThat(last)
            .as("%s: the child was killed before it finished", what)
            .isLessThan(STEPS - 1);
        acked = Math.max(acked, last);
        killPoints++;
      }
      Child last = Child.start(url, dir, database + " run " + run + " final");
      assertThat(last.resumeStep())
          .as("no step acknowledged as stored is lost")
          .isGreaterThan(acked);
      last.readUntil("done");
      assertThat(last.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(last.process.exitValue()).as(last.errors()).isZero();

      try (EventStore store = StoreFixture.open(url)) {
        StoredLog log = store.load();
        assertThat(log.events())
            .as("%s run %d: the stored log equals the uninterrupted run's", database, run)
            .isEqualTo(reference);
        assertThat(log.facts().values()).containsExactlyElementsOf(reportedFacts);
      }
    }
    assertThat(killPoints).isEqualTo(4);
  }

  /** A child JVM running {@link CrashScenario#main}, its stdout read line by line. */
  private static final class Child {
    final Process process;
    final BufferedReader out;
    final Path err;
    final String what;
    int lastStored = -1;

    private Child(Process process, Path err, String what) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.err = err;
      this.what = what;
    }

    static Child start(String url, Path dir, String what) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path err = Files.createTempFile(dir, "child", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              CrashScenario.class.getName(),
              url,
              Long.toString(SEED),
              Integer.toString(STEPS));
      pb.redirectError(err.toFile());
      return new Child(pb.start(), err, what);
    }

    int resumeStep() throws IOException {
      String line = out.readLine();
      if (line == null || !line.startsWith("resume ")) {
        throw new AssertionError(
            what + ": expected 'resume <step>' but got " + line + "; " + errors());
      }
      return Integer.parseInt(line.substring("resume ".length()));
    }

    void readUntil(String expected) throws IOException {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("ack ") && line.endsWith(" stored")) {
          lastStored = Integer.parseInt(line.substring(4, line.length() - " stored".length()));
        }
        if (line.startsWith(expected)) {
          return;
        }
      }
      if (expected.equals("no such line")) {
        return;
      }
      throw new AssertionError(
          what + ": the child ended before printing '" + expected + "'; " + errors());
    }

    /**
     * Reads what the killed child printed before it died; returns the last step it acknowledged as
     * stored.
     */
    int drainLastStored() throws IOException {
      readUntil("no such line");
      return lastStored;
    }

    String errors() {
      try {
        return "child stderr: " + Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "child stderr unreadable: " + e;
      }
    }
  }
}
