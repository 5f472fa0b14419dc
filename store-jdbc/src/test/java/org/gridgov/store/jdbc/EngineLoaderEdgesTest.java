package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.DISTRICT;
import static org.gridgov.store.jdbc.StoreFixture.GRID1;
import static org.gridgov.store.jdbc.StoreFixture.at;
import static org.gridgov.store.jdbc.StoreFixture.config;
import static org.gridgov.store.jdbc.StoreFixture.freshUrl;
import static org.gridgov.store.jdbc.StoreFixture.sql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.GZIPOutputStream;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EngineLoader}: the debug line of a restore names the snapshot's position and the number of
 * later events; a snapshot whose row claims another case count, or whose gzip payload is not an
 * engine snapshot, is skipped with a warning and the older one used (issue 17).
 */
class EngineLoaderEdgesTest {
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static DurableCaseEngine open(EventStore store) {
    return DurableCaseEngine.open(
        store, Partition.DEFAULT, config(), StoreLimits.defaults(), SnapshotPolicy.onDemand());
  }

  /**
   * Case A reported, a snapshot, case B reported, a snapshot, then a verify of A whose events the
   * returned array counts: {first snapshot, second snapshot, events after the second}.
   */
  private static long[] twoSnapshots(String url) {
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store);
      CaseFacts a = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
      CaseFacts b = StoreFixture.facts("B", "0102", Priority.NORMAL, GRID1);
      var unused =
          e.execute(
              Command.of("c1", WORKER, a.id(), at("2025-03-03T09:00"), new Command.Report(a)));
      long first = e.takeSnapshot();
      unused =
          e.execute(
              Command.of("c2", WORKER, b.id(), at("2025-03-03T09:01"), new Command.Report(b)));
      long second = e.takeSnapshot();
      int later =
          e.execute(
                  Command.of(
                      "c3", DISP, a.id(), at("2025-03-03T09:05"), new Command.Verify(true, "")))
              .size();
      assertThat(later).as("a verify stores events").isPositive();
      assertThat(second).isGreaterThan(first);
      return new long[] {first, second, later};
    }
  }

  private static EngineSnapshot replay(String url) {
    try (EventStore store = StoreFixture.open(url)) {
      return DurableCaseEngine.open(
              store,
              Partition.DEFAULT,
              config(),
              StoreLimits.defaults(),
              SnapshotPolicy.replayOnly())
          .snapshot();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRestoreIsLoggedAtDebugWithPositionAndLaterEvents(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    long[] at = twoSnapshots(url);
    List<LogRecord> records =
        LogCapture.records(
            Level.FINE,
            () -> {
              try (EventStore store = StoreFixture.open(url)) {
                DurableCaseEngine e = open(store);
                assertThat(e.restoredFromSnapshot()).hasValue(at[1]);
              }
            });
    assertThat(records)
        .filteredOn(r -> r.getLevel().equals(Level.FINE))
        .map(LogRecord::getMessage)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "restored from the snapshot at log position "
                            + at[1]
                            + " and "
                            + at[2]
                            + " later events"));
    assertThat(records).noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRowClaimingAnotherCaseCountIsSkipped(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    long[] at = twoSnapshots(url);
    EngineSnapshot expected = replay(url);
    // the second snapshot holds cases A and B
    sql(url, "UPDATE gridgov_snapshots SET case_count = 3 WHERE log_position = ?", at[1]);
    assertThat(restoredPastTheSecondSnapshot(url, at, expected))
        .contains("snapshot at log position " + at[1] + " is skipped")
        .contains("it holds 2 cases, its row says 3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aGzipPayloadThatIsNoSnapshotIsSkipped(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    long[] at = twoSnapshots(url);
    EngineSnapshot expected = replay(url);
    byte[] payload = gzip("{\"not\": \"a snapshot\"}");
    sql(
        url,
        "UPDATE gridgov_snapshots SET payload = ?, checksum = ? WHERE log_position = ?",
        payload,
        Snapshots.sha256(payload),
        at[1]);
    assertThat(restoredPastTheSecondSnapshot(url, at, expected))
        .contains("snapshot at log position " + at[1] + " is skipped")
        .doesNotContain("not gzip-compressed");
  }

  /**
   * Opens the store at {@code url} and checks that it restored from the first of the two snapshots
   * at {@code at}, equal to {@code expected}; returns the one warning logged on the way.
   */
  private static String restoredPastTheSecondSnapshot(
      String url, long[] at, EngineSnapshot expected) {
    List<LogRecord> records =
        LogCapture.records(
            Level.WARNING,
            () -> {
              try (EventStore store = StoreFixture.open(url)) {
                DurableCaseEngine e = open(store);
                assertThat(e.restoredFromSnapshot()).hasValue(at[0]);
                assertThat(e.snapshot()).isEqualTo(expected);
              }
            });
    assertThat(records).hasSize(1);
    return records.get(0).getMessage();
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
