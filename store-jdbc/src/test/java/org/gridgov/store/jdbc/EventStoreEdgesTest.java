package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EventStore}'s edges on H2 and PostgreSQL: what {@code open} refuses and that it leaves no
 * connection behind; the command id limit and a refusal's report in single and batch appends, an
 * empty batch, the rows an application writes with a batch (alone, with a batch, failing); the id
 * look-up's bounds; {@code readFrom} at the first and last position, one past the end, one event
 * and the most; the whole-log checks of the store row against the log; a stored command whose
 * events are missing; a snapshot's coverage at and around its position; a failed read leaving the
 * store usable; and every call leaving no transaction open (PostgreSQL shows it; see {@link
 * StoreSessions}). The expected values are the events the test appended, counted by hand.
 */
class EventStoreEdgesTest {
  private static final Principal RESIDENT = Principal.resident("res-1");
  private static final Actor DISPATCHER = Actor.of("disp-1", Role.DISPATCHER);
  private static final CaseId A = CaseId.of("A");
  private static final CaseId B = CaseId.of("B");
  private static final CaseFacts FA = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
  private static final CaseFacts FB = StoreFixture.facts("B", "0301", Priority.URGENT, GRID2);
  private static final Instant T0 = at("2025-03-03T09:00");

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static String url(String db, Path dir) {
    return StoreSessions.named(freshUrl(db, dir));
  }

  private static CaseEvent event(CaseId id, long seq, EventPayload payload) {
    return CaseEvent.of(id, seq, T0.plusSeconds(seq), DISPATCHER, payload);
  }

  private static Command report(String id, CaseFacts f) {
    return Command.of(id, RESIDENT, f.id(), T0, new Command.Report(f));
  }

  /** The JDBC URL up to its parameters: what a store's messages may name. */
  private static String withoutParameters(String url) {
    int end = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return url.substring(0, end);
  }

  /** The SQL state the database documents for a missing table. */
  private static String undefinedTable(String db) {
    return db.equals("h2") ? "42S02" : "42P01";
  }

  private static void assertNoTransactionOpen(String url) {
    assertThat(StoreSessions.inTransaction(url)).as("a transaction left open").isZero();
  }

  // ------------------------------------------------------------------ open, toString, close

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void openRefusesAnotherLayoutAMissingStoreRowAndAMissingTableAndKeepsNoConnection(
      String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.toString()).isEqualTo("EventStore[" + withoutParameters(url) + "]");
      assertThat(StoreSessions.open(url)).isEqualTo(1);
      assertNoTransactionOpen(url);
    }
    assertThat(StoreSessions.open(url)).as("closed").isZero();

    sql(url, "UPDATE gridgov_store SET schema_version = 5 WHERE id = 1");
    assertThatThrownBy(() -> StoreFixture.open(url))
        .isExactlyInstanceOf(EventStoreException.class)
        .hasMessage(
            withoutParameters(url) + " has table layout version 5; this code reads version 4");
    assertThat(StoreSessions.open(url)).as("the refused store's connection closed").isZero();

    sql(url, "UPDATE gridgov_store SET schema_version = 4 WHERE id = 1");
    sql(url, "DELETE FROM gridgov_store");
    assertThatThrownBy(() -> StoreFixture.open(url))
        .isExactlyInstanceOf(EventStoreException.class)
        .hasMessage("the store row (gridgov_store, id 1) is missing");
    assertThat(StoreSessions.open(url)).isZero();

    sql(url, "DROP TABLE gridgov_store");
    assertThatThrownBy(() -> StoreFixture.open(url))
        .isExactlyInstanceOf(EventStoreException.class)
        .hasMessageStartingWith("cannot open the event store: SQL state " + undefinedTable(db))
        .hasMessageContaining("(the driver's message is in the cause; it may quote row data)")
        .hasCauseInstanceOf(SQLException.class);
    assertThat(StoreSessions.open(url)).isZero();
  }

  // ------------------------------------------------------------------ appending

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCommandIdOf200CharactersIsStoredAnd201AreRefusedAsIsARefusalThatReports(
      String db, @TempDir Path dir) {
    String url = url(db, dir);
    String id200 = "c".repeat(200);
    String id201 = "d".repeat(201);
    CaseEvent a1 = event(A, 1, new EventPayload.Reported());
    CaseEvent b1 = event(B, 1, new EventPayload.Reported());
    try (EventStore s = StoreFixture.open(url)) {
      assertThatThrownBy(
              () -> s.appendCommand(report(id201, FA), true, List.of(a1), Optional.of(FA)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("command id " + id201 + " is longer than 200 characters");
      assertThatThrownBy(
              () -> s.appendCommand(report("refused", FA), false, List.of(a1), Optional.of(FA)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a refused command reports no case (refused)");
      assertThat(s.readFrom(1, 10)).isEmpty();

      assertThat(s.appendCommand(report(id200, FA), true, List.of(a1), Optional.of(FA)))
          .isEqualTo(1);
      assertThat(s.command(id200).orElseThrow().events()).containsExactly(a1);

      CommandAppend tooLong =
          new CommandAppend(report(id201, FB), true, ImmutableList.of(b1), Optional.of(FB));
      CommandAppend reports =
          new CommandAppend(report("refused", FB), false, ImmutableList.of(b1), Optional.of(FB));
      CommandAppend good = // 200 characters in a batch too
          new CommandAppend(
              report("e".repeat(200), FB), true, ImmutableList.of(b1), Optional.of(FB));
      assertThatThrownBy(() -> s.appendCommands(List.of(good, tooLong)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("command id " + id201 + " is longer than 200 characters");
      assertThatThrownBy(() -> s.appendCommands(List.of(good, reports)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a refused command reports no case (refused)");
      assertThat(s.storedSequence(B)).as("nothing of a refused batch").isZero();

      assertThat(s.appendCommands(List.of())).isEmpty();
      assertThat(s.appendCommands(List.of(good))).containsExactly(2L);
      assertThat(s.readFrom(1, 10)).extracting(PositionedEvent::event).containsExactly(a1, b1);
      assertNoTransactionOpen(url);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void appendReturnsTheFirstPositionOfEachAppend(String db, @TempDir Path dir) {
    try (EventStore s = StoreFixture.open(url(db, dir))) {
      List<CaseEvent> two =
          List.of(
              event(A, 1, new EventPayload.Reported()), event(A, 2, new EventPayload.Verified()));
      assertThat(s.append(two, List.of(FA), T0)).isEqualTo(1);
      assertThat(s.append(List.of(event(B, 1, new EventPayload.Reported())), List.of(FB), T0))
          .isEqualTo(3);
      assertThat(s.append(List.of(), List.of(), T0))
          .as("nothing appended: the next position")
          .isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theApplicationsRowsAreWrittenAloneOrWithABatchAndNotAtAllWhenTheyFail(
      String db, @TempDir Path dir) throws SQLException {
    String url = url(db, dir);
    sql(url, "CREATE TABLE app_rows (id INT NOT NULL PRIMARY KEY)");
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.appendCommands(List.of(), insertRows(1))).isEmpty();
      assertThat(appRows(url)).as("committed alone").containsExactly(1);

      assertThatThrownBy(() -> s.appendCommands(List.of(), insertRows(2, 1))) // 1 is stored already
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith(
              "the rows written with a batch failed, nothing was written: SQL state 23505");
      IllegalStateException failure = new IllegalStateException("the application failed");
      assertThatThrownBy(
              () ->
                  s.appendCommands(
                      List.of(),
                      c -> {
                        insertRows(3).run(c);
                        throw failure;
                      }))
          .isSameAs(failure);
      assertThat(s.storedSequence(A)).isZero(); // a call that commits: nothing was left pending
      assertThat(appRows(url)).as("rows 2 and 3 rolled back").containsExactly(1);

      CommandAppend a =
          new CommandAppend(
              report("a-1", FA),
              true,
              ImmutableList.of(event(A, 1, new EventPayload.Reported())),
              Optional.of(FA));
      assertThatThrownBy(
              () ->
                  s.appendCommands(
                      List.of(a),
                      c -> {
                        throw failure;
                      }))
          .isSameAs(failure);
      assertThat(s.storedSequence(A)).as("the batch rolled back with them").isZero();
      assertThatThrownBy(() -> s.appendCommands(List.of(a), insertRows(1))) // stored already
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith(
              "batch append to "
                  + withoutParameters(url)
                  + " failed, nothing was written: SQL state 23505");
      assertNoTransactionOpen(url);
      assertThat(s.storedSequence(A)).isZero();
      assertThat(s.appendCommands(List.of(a), insertRows(4))).containsExactly(1L);
      assertThat(appRows(url)).containsExactly(1, 4);
      assertThat(s.storedSequence(A)).isEqualTo(1);
      assertNoTransactionOpen(url);
    }
  }

  /**
   * Work that inserts {@code ids} into {@code app_rows}, in order (an id stored already fails with
   * SQL state 23505).
   */
  private static EventStore.SqlWork insertRows(int... ids) {
    return c -> {
      try (var ps = c.prepareStatement("INSERT INTO app_rows (id) VALUES (?)")) {
        for (int id : ids) {
          ps.setInt(1, id);
          var unused = ps.executeUpdate();
        }
      }
    };
  }

  private static List<Integer> appRows(String url) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM app_rows ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCaseRowWithoutEventsIsAConflictForTheReportThatStartsIt(String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      sql(
          url,
          "INSERT INTO gridgov_cases (case_id, report_position, last_seq, facts, partition_key)"
              + " VALUES ('A', 1, 0, '{}', '_default')");
      assertThatThrownBy(
              () -> s.append(List.of(event(A, 1, new EventPayload.Reported())), List.of(FA), T0))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              x -> {
                assertThat(x.caseId()).isEqualTo(A);
                assertThat(x.expectedSequence()).isZero();
                assertThat(x.foundSequence()).isZero();
              });
      assertThat(s.readFrom(1, 10)).as("no event written").isEmpty();
      assertNoTransactionOpen(url);
    }
  }

  // ------------------------------------------------------------------ looking up

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storedIdsAreLookedUpForNoneToAThousandIdsAndRefusedForMore(String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      var unused =
          s.appendCommand(
              report("a-1", FA),
              true,
              List.of(event(A, 1, new EventPayload.Reported())),
              Optional.of(FA));
      assertThat(s.storedCommandIds(List.of())).isEmpty();
      List<String> thousand = new ArrayList<>();
      for (int i = 0; i < 999; i++) {
        thousand.add("x-" + i);
      }
      thousand.add("a-1");
      assertThat(s.storedCommandIds(thousand)).containsExactly("a-1");
      assertNoTransactionOpen(url);
      thousand.add("x-1000");
      assertThatThrownBy(() -> s.storedCommandIds(thousand))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("1001 command ids, at most 1000");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aStoredCommandWhoseEventsAreMissingIsCorruptNamingThePositions(
      String db, @TempDir Path dir) {
    String url = url(db, dir);
    List<CaseEvent> as = new ArrayList<>();
    List<CaseEvent> bs = new ArrayList<>();
    for (EventPayload payload :
        List.<EventPayload>of(
            new EventPayload.Reported(),
            new EventPayload.Verified(),
            new EventPayload.Verified())) {
      as.add(event(A, as.size() + 1, payload));
      bs.add(event(B, bs.size() + 1, payload));
    }
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.command("a-1")).isEmpty();
      assertNoTransactionOpen(url);
      assertThat(s.appendCommand(report("a-1", FA), true, as, Optional.of(FA))).isEqualTo(1);
      assertThat(s.appendCommand(report("b-1", FB), true, bs, Optional.of(FB))).isEqualTo(4);
      assertThat(s.command("a-1").orElseThrow().events()).isEqualTo(as);
      assertThat(s.command("b-1").orElseThrow().events()).isEqualTo(bs);
      assertNoTransactionOpen(url);

      sql(url, "DELETE FROM gridgov_events WHERE log_position = 2");
      assertThatThrownBy(() -> s.command("a-1"))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining(
              "command a-1's events should be at log positions 1 to 3, but position 2 is missing");
      sql(url, "DELETE FROM gridgov_events WHERE log_position = 6");
      assertThatThrownBy(() -> s.command("b-1"))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining(
              "command b-1's events should be at log positions 4 to 6, but position 6 is missing");
    }
  }

  @Test
  void aLegacyCommandIsARetryWhenItsCaseAndInstantMatch() {
    Command c = report("a-1", FA);
    for (var stored :
        List.of(
            new EventStore.StoredCommand(
                "a-1", "A", T0, ImmutableList.of(), Optional.empty(), Optional.empty()),
            new EventStore.StoredCommand(
                "a-1", "A", T0, ImmutableList.of(), Optional.of("p"), Optional.empty()),
            new EventStore.StoredCommand(
                "a-1", "A", T0, ImmutableList.of(), Optional.empty(), Optional.of("h")))) {
      assertThat(stored.isRetryOf(c)).isTrue();
      assertThat(stored.isRetryOf(report("a-1", FB))).as("another case").isFalse();
      assertThat(stored.isRetryOf(Command.of("a-1", RESIDENT, A, T0.plusSeconds(1), c.action())))
          .as("another instant")
          .isFalse();
    }
  }

  // ------------------------------------------------------------------ following the log

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void readFromTheFirstAndTheLastPositionOneEventAndTheMostAndPastTheEnd(
      String db, @TempDir Path dir) {
    String url = url(db, dir);
    CaseEvent a1 = event(A, 1, new EventPayload.Reported());
    CaseEvent b1 = event(B, 1, new EventPayload.Reported());
    CaseEvent a2 = event(A, 2, new EventPayload.Verified());
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.readFrom(1, 1)).as("an empty store").isEmpty();
      var unused = s.append(List.of(a1, b1, a2), List.of(FA, FB), T0);
      Partition p = Partition.DEFAULT;
      assertThat(s.readFrom(1, 1)).containsExactly(new PositionedEvent(1, p, a1));
      assertThat(s.readFrom(1, EventStore.MAX_READ))
          .containsExactly(
              new PositionedEvent(1, p, a1),
              new PositionedEvent(2, p, b1),
              new PositionedEvent(3, p, a2));
      assertThat(s.readFrom(2, 2)).extracting(PositionedEvent::position).containsExactly(2L, 3L);
      assertThat(s.readFrom(3, 1)).containsExactly(new PositionedEvent(3, p, a2));
      assertThat(s.readFrom(4, EventStore.MAX_READ)).as("one past the end").isEmpty();
      assertNoTransactionOpen(url);
    }
  }

  // ------------------------------------------------------------------ the whole log's checks

  /** A1 at position 1, B1 at 2, A2 at 3. */
  private static EventStore threeEvents(String url) {
    EventStore s = StoreFixture.open(url);
    var unused =
        s.append(
            List.of(
                event(A, 1, new EventPayload.Reported()),
                event(B, 1, new EventPayload.Reported()),
                event(A, 2, new EventPayload.Verified())),
            List.of(FA, FB),
            T0);
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMissingPositionInsideTheLogIsNamedWithItsRange(String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = threeEvents(url)) {
      assertThat(s.load().events()).hasSize(3);
      assertNoTransactionOpen(url);
      sql(url, "DELETE FROM gridgov_events WHERE case_id = 'B'");
      sql(url, "DELETE FROM gridgov_cases WHERE case_id = 'B'");
      assertThatThrownBy(s::load)
          .isInstanceOfSatisfying(
              CorruptStoreException.class,
              x ->
                  assertThat(x.getMessage())
                      .contains("log positions 2 to 2 are missing before this event's position 3"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theStoreRowMustCountTheEventsOfTheLog(String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      var unused =
          s.append(
              List.of(
                  event(B, 1, new EventPayload.Reported()),
                  event(A, 1, new EventPayload.Reported()),
                  event(A, 2, new EventPayload.Verified())),
              List.of(FA, FB),
              T0);
      assertThat(s.load().facts().keySet())
          .as("in report order: B at position 1, A at 2")
          .containsExactly(B, A);
      sql(url, "UPDATE gridgov_store SET last_position = 5 WHERE id = 1");
      assertThatThrownBy(s::load)
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("the store row records 5 events but the log ends at position 3");
      sql(url, "UPDATE gridgov_store SET last_position = 0 WHERE id = 1");
      assertThatThrownBy(s::load)
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("the store row records 0 events but the log ends at position 3");
      // B (position 1) gone, the store row still 0: the missing first position is named
      sql(url, "DELETE FROM gridgov_events WHERE case_id = 'B'");
      sql(url, "DELETE FROM gridgov_cases WHERE case_id = 'B'");
      assertThatThrownBy(s::load)
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("log positions 1 to 1 are missing before this event's position 2");
      sql(url, "DELETE FROM gridgov_store");
      assertThatThrownBy(s::load)
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessage("the store row (gridgov_store, id 1) is missing");
    }
  }

  // ------------------------------------------------------------------ snapshots

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aSnapshotCoversExactlyTheCasesReportedUpToItsPosition(String db, @TempDir Path dir) {
    String url = url(db, dir);
    CaseEngine engine = config().build();
    try (EventStore s = StoreFixture.open(url)) {
      List<CaseEvent> ra = engine.execute(report("a-1", FA));
      EngineSnapshot afterA = engine.snapshot();
      List<CaseEvent> rb = engine.execute(report("b-1", FB));
      EngineSnapshot afterB = engine.snapshot();
      assertThat(ra).hasSize(1); // a report alone is one event: A at 1, B at 2
      assertThat(rb).hasSize(1);
      var unused = s.append(ra, List.of(FA), T0);
      var unused2 = s.append(rb, List.of(FB), T0);
      Partition p = Partition.DEFAULT;

      StoredLog none = s.loadAfter(p, 2, afterB);
      assertThat(none.events()).isEmpty();
      assertThat(none.facts()).isEmpty();
      StoredLog tail = s.loadAfter(p, 1, afterA);
      assertThat(tail.events()).isEqualTo(rb);
      assertThat(tail.facts()).containsOnlyKeys(B);
      assertNoTransactionOpen(url);

      assertThatThrownBy(() -> s.loadAfter(p, 1, afterB))
          .isInstanceOfSatisfying(
              CorruptStoreException.class,
              x ->
                  assertThat(x.getMessage())
                      .contains(
                          "the snapshot at log position 1 holds the case, reported after it"));
      assertThatThrownBy(() -> s.loadAfter(p, 2, afterA))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining(
              "the case was reported at or before the snapshot's log position 2 but the snapshot"
                  + " does not hold it");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void snapshotsKeepTheNewestAndLeaveNoTransactionOpenTakenFailedOrFenced(
      String db, @TempDir Path dir) {
    String url = url(db, dir);
    Partition north = Partition.of("north");
    CaseFacts fc = StoreFixture.facts("C", "0102", Priority.NORMAL, GRID3);
    try (EventStore s = StoreFixture.open(url);
        EventStore other = StoreFixture.open(url)) {
      DurableCaseEngine e =
          DurableCaseEngine.open(
              s, north, config(), StoreLimits.defaults(), SnapshotPolicy.onDemand().keep(2));
      long position = 0;
      for (CaseFacts f : List.of(FA, FB, fc)) { // a report is one event: positions 1, 2, 3
        var unused = e.execute(report(f.id().value() + "-1", f));
        assertThat(e.takeSnapshot()).isEqualTo(++position);
        assertNoTransactionOpen(url);
      }
      assertThat(s.snapshotRows(north, 10))
          .as("the two newest kept")
          .extracting(Snapshots.Row::position)
          .containsExactly(3L, 2L);
      assertNoTransactionOpen(url);
      assertThat(s.snapshotPayload(north, 3)).isNotEmpty();
      assertNoTransactionOpen(url);
      assertThat(s.snapshotPayload(north, 1)).as("dropped").isNull();
      assertThat(s.load(north).events()).hasSize(3);
      assertNoTransactionOpen(url);

      sql(url, "DROP TABLE gridgov_snapshots");
      assertThatThrownBy(e::takeSnapshot)
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith(
              "storing a snapshot of partition north in "
                  + withoutParameters(url)
                  + " failed, nothing was written: SQL state "
                  + undefinedTable(db));
      assertNoTransactionOpen(url);
      assertThat(e.isBroken()).isFalse();

      assertThat(other.takeOver(north).token()).isEqualTo(2);
      assertThatThrownBy(e::takeSnapshot)
          .isInstanceOfSatisfying(
              PartitionFencedException.class,
              x -> {
                assertThat(x.ownToken()).isEqualTo(1);
                assertThat(x.currentToken()).as("the taker's").isEqualTo(2);
              });
      assertNoTransactionOpen(url);
      assertThatThrownBy(
              () -> s.append(List.of(event(B, 1, new EventPayload.Reported())), List.of(FB), T0))
          .isInstanceOf(PartitionFencedException.class);
      assertNoTransactionOpen(url);
      assertThat(other.readFrom(1, 10)).as("the fenced append wrote nothing").hasSize(3);
      assertThat(other.load().events()).hasSize(3);
    }
  }

  // ------------------------------------------------------------------ failures and transactions

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailedReadRollsBackAndTheStoreGoesOn(String db, @TempDir Path dir) {
    String url = url(db, dir);
    String missing = "SQL state " + undefinedTable(db);
    String name = withoutParameters(url);
    try (EventStore s = threeEvents(url)) {
      sql(url, "DROP TABLE gridgov_cases");
      assertThatThrownBy(() -> s.storedSequence(A))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessage("reading case A from " + name + " failed");
      assertNoTransactionOpen(url);
      assertThat(s.readFrom(1, 10)).hasSize(3);

      sql(url, "DROP TABLE gridgov_commands");
      assertThatThrownBy(() -> s.command("a-1"))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessage("reading command a-1 from " + name + " failed");
      assertNoTransactionOpen(url);
      assertThatThrownBy(() -> s.storedCommandIds(List.of("a-1")))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("looking up command ids in " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
      assertThat(s.readFrom(3, 10)).hasSize(1);

      sql(url, "DROP TABLE gridgov_partitions");
      assertThatThrownBy(() -> s.acquire(Partition.of("north")))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("acquiring partition north in " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
      assertThat(s.lease()).isEmpty();

      sql(url, "DROP TABLE gridgov_events");
      assertThatThrownBy(s::load)
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("reading " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
      assertThatThrownBy(() -> s.readFrom(1, 10))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("reading " + name + " from log position 1 failed: " + missing);
      assertNoTransactionOpen(url);
      EngineSnapshot empty = config().build().snapshot();
      assertThatThrownBy(() -> s.loadAfter(Partition.DEFAULT, 0, empty))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("reading " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
      assertThat(s.snapshotRows(Partition.DEFAULT, 5)).isEmpty();

      sql(url, "DROP TABLE gridgov_snapshots");
      assertThatThrownBy(() -> s.snapshotRows(Partition.DEFAULT, 5))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("listing the snapshots of " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
      assertThatThrownBy(() -> s.snapshotPayload(Partition.DEFAULT, 1))
          .isExactlyInstanceOf(EventStoreException.class)
          .hasMessageStartingWith("reading a snapshot of " + name + " failed: " + missing);
      assertNoTransactionOpen(url);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aConflictLeavesNoTransactionOpen(String db, @TempDir Path dir) {
    String url = url(db, dir);
    try (EventStore s = threeEvents(url)) {
      assertThatThrownBy(
              () -> s.append(List.of(event(A, 2, new EventPayload.Verified())), List.of(), T0))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              x -> {
                assertThat(x.expectedSequence()).isEqualTo(1);
                assertThat(x.foundSequence()).isEqualTo(2);
              });
      assertNoTransactionOpen(url);
      assertThat(s.storedSequence(A)).isEqualTo(2);
      assertNoTransactionOpen(url);
    }
  }
}
