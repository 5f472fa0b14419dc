package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill points (issue 16): a child JVM runs {@link CrashScenario} against a store and is killed with
 * {@code kill -9} at a seeded random point — a random number of acknowledged steps after it resumed
 * plus a random delay of up to 2 ms, or a random delay of up to 300 ms after it resumed — so that
 * most kills land while a commit is under way. After every kill the store is reopened in this JVM
 * ({@link DurableCaseEngine#open}) and judged by the {@link KillOracle} (the log of an
 * uninterrupted run on a plain engine): nothing a child acknowledged is lost, nothing is stored
 * twice, the stored log is a prefix of the reference and replays to the reference engine. Then a
 * new child resumes on the same store.
 *
 * <p>The number of kill points per database is the system property {@value #POINTS_PROPERTY} (5 in
 * the default build; 100 in the {@code kill} profile, {@code mvn -Pkill}, which also sets {@value
 * #REQUIRE_FSYNC_PROPERTY} so that a PostgreSQL without {@code fsync} and {@code
 * synchronous_commit} on fails the run). The tally goes to standard output and {@code
 * target/kill-results/<database>.txt}.
 */
class KillTest {
  static final String POINTS_PROPERTY = "gridgov.kill.points";
  static final String REQUIRE_FSYNC_PROPERTY = "gridgov.kill.requireFsync";
  private static final long SEED = 0x6B11_7E57_0016L;
  private static final int STEPS_PER_POINT = 20;
  private static final int MIN_STEPS = 200;

  static List<String> databases() {
    return StoreFixture.databases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void killNineAtRandomPointsLosesNothingAcknowledgedDuplicatesNothingCorruptsNothing(
      String database, @TempDir Path dir) throws Exception {
    int points = Integer.getInteger(POINTS_PROPERTY, 5);
    int steps = Math.max(MIN_STEPS, STEPS_PER_POINT * points);
    String url = StoreFixture.freshUrl(database, dir);
    String settings = durabilitySettings(url);
    if (Boolean.getBoolean(REQUIRE_FSYNC_PROPERTY) && database.equals("pg")) {
      assertThat(settings)
          .as("the full kill run needs PostgreSQL's default durability settings")
          .contains("fsync=on", "synchronous_commit=on");
    }
    KillOracle oracle = new KillOracle(new CrashScenario(SEED, steps));
    SplittableRandom r = new SplittableRandom(SEED ^ database.hashCode());
    int span = Math.max(2, 2 * steps / points);
    Tally tally = new Tally();
    long start = System.nanoTime();
    int acked = -1;
    while (tally.points < points) {
      String what = String.format(Locale.ROOT, "%s kill point %d", database, tally.points);
      KillChild child = KillChild.start(url, dir, SEED, steps, what);
      int resume = child.resumeStep();
      if (resume <= acked) {
        tally.lost += acked - resume + 1;
        tally.problems.add(what + ": resumed at " + resume + " after step " + acked + " was acked");
      }
      boolean running = true;
      if (r.nextInt(4) == 0) {
        Thread.sleep(r.nextInt(300));
      } else {
        running = child.readUntilAck(resume + r.nextInt(span));
        LockSupport.parkNanos(r.nextLong(2_000_000));
      }
      child.kill();
      acked = Math.max(acked, child.lastStored());
      if (!running || child.done()) { // it finished before the kill: judge, then a fresh store
        tally.judge(oracle, url, acked, what + " (finished)");
        tally.runs++;
        url = StoreFixture.freshUrl(database, dir);
        acked = -1;
        continue;
      }
      tally.points++;
      tally.judge(oracle, url, acked, what);
    }
    finish(url, dir, oracle, tally, acked, database, steps);
    tally.seconds = (System.nanoTime() - start) / 1e9;
    String summary = tally.summary(database, settings, steps);
    report(database, summary);
    assertThat(tally.problems).as(summary).isEmpty();
    assertThat(tally.points).isEqualTo(points);
    assertThat(tally.lost + tally.duplicated + tally.corrupt).as(summary).isZero();
  }

  /** Lets a last child run the scenario to its end and checks the whole log. */
  private static void finish(
      String url, Path dir, KillOracle oracle, Tally tally, int acked, String database, int steps)
      throws IOException, InterruptedException {
    KillChild last = KillChild.start(url, dir, SEED, steps, database + " final");
    var unused = last.resumeStep();
    var unusedToo = last.readUntilAck(steps - 1);
    last.awaitExit();
    tally.runs++;
    tally.judge(oracle, url, Math.max(acked, last.lastStored()), database + " final");
    try (EventStore store = StoreFixture.open(url)) {
      if (!store.load().events().equals(oracle.reference())) {
        tally.corrupt++;
        tally.problems.add(database + " final: the finished log is not the uninterrupted run's");
      }
    }
  }

  /** The database's durability settings, as the server reports them. */
  private static String durabilitySettings(String url) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      return "H2 file, WRITE_DELAY=0 (each commit written to the file before it returns)";
    }
    List<String> out = new ArrayList<>();
    try (Connection c = StoreFixture.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        try (ResultSet rs = st.executeQuery("SHOW " + name)) {
          out.add(name + "=" + (rs.next() ? rs.getString(1) : "?"));
        }
      }
    }
    return "PostgreSQL " + String.join(", ", out);
  }

  private static void report(String database, String summary) throws IOException {
    System.out.println(summary);
    Path file = Path.of("target", "kill-results", database + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, summary + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  /** What the kill points found. */
  private static final class Tally {
    int points;
    int runs;
    int lost;
    int duplicated;
    int corrupt;
    int committedBeforeAck;
    double seconds;
    final List<String> problems = new ArrayList<>();

    void judge(KillOracle oracle, String url, int acked, String what) {
      try (EventStore store = StoreFixture.open(url)) {
        DurableCaseEngine restored;
        try {
          restored = DurableCaseEngine.open(store, StoreFixture.config());
        } catch (CorruptStoreException e) {
          corrupt++;
          problems.add(what + ": the store does not reopen: " + e.getMessage());
          return;
        }
        KillOracle.Verdict v = oracle.judge(store.load(), restored, acked);
        lost += v.lost();
        duplicated += v.duplicated();
        corrupt += v.corrupt();
        if (v.storedStep() > acked) {
          committedBeforeAck++;
        }
        v.problems().forEach(p -> problems.add(what + ": " + p));
      }
    }

    String summary(String database, String settings, int steps) {
      return String.format(
          Locale.ROOT,
          "kill test %s: %d kill -9 points, %d lost, %d duplicated, %d corrupt; %d kills landed"
              + " after a commit and before its acknowledgement; %d scenario runs of %d steps;"
              + " %.0f s; %s",
          database,
          points,
          lost,
          duplicated,
          corrupt,
          committedBeforeAck,
          runs,
          steps,
          seconds,
          settings);
    }
  }
}
