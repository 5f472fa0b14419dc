package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch writer's refusals and conflicts through {@link EventStore#appendCommands(List)}, with
 * appends built from a plain in-memory engine's events: events that are not consecutive, facts for
 * a case the batch does not start, a new case without facts, a continued case whose stored history
 * ends elsewhere, an event key stored first (a hand-edited case row), a fenced writer; and the rows
 * a good batch writes (a case's report position, the command id on accepted commands' events only).
 */
class BatchWriterEdgesTest {
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  private static final CaseId A = CaseId.of("A");
  private static final CaseId B = CaseId.of("B");
  private static final CaseFacts FA = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
  private static final CaseFacts FB = StoreFixture.facts("B", "0301", Priority.URGENT, GRID2);

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static final Command REPORT_A =
      Command.of("a1", WORKER, A, at("2025-03-03T09:00"), new Command.Report(FA));
  private static final Command REPORT_B =
      Command.of(
          "b1", Principal.resident("res-1"), B, at("2025-03-03T09:01"), new Command.Report(FB));
  private static final Command VERIFY_A =
      Command.of("a2", DISP, A, at("2025-03-03T09:05"), new Command.Verify(true, ""));
  private static final Command REGISTER_A =
      Command.of("a3", DISP, A, at("2025-03-03T09:10"), new Command.Register());

  /** The events a plain engine emits for each command, in order (time advance first). */
  private static List<ImmutableList<CaseEvent>> plain(Command... commands) {
    CaseEngine engine = config().build();
    List<ImmutableList<CaseEvent>> out = new ArrayList<>();
    for (Command c : commands) {
      out.add(
          ImmutableList.<CaseEvent>builder()
              .addAll(engine.advanceTo(c.at()))
              .addAll(engine.execute(c))
              .build());
    }
    return out;
  }

  private static CommandAppend accepted(Command c, List<CaseEvent> events) {
    Optional<CaseFacts> facts =
        c.action() instanceof Command.Report r ? Optional.of(r.facts()) : Optional.empty();
    return new CommandAppend(c, true, ImmutableList.copyOf(events), facts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aGoodBatchStoresReportPositionsAndCommandIdsOfAcceptedCommandsOnly(
      String db, @TempDir Path dir) throws SQLException {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, REPORT_B, VERIFY_A);
    int a = ev.get(0).size();
    int b = ev.get(1).size();
    assertThat(ev.get(1)).allMatch(e -> e.caseId().equals(B));
    try (EventStore store = StoreFixture.open(url)) {
      ImmutableList<Long> firsts =
          store.appendCommands(
              List.of(
                  accepted(REPORT_A, ev.get(0)),
                  accepted(REPORT_B, ev.get(1)),
                  // stored as a refusal (no id on its events, no command row), as a refused
                  // command's time advance is
                  new CommandAppend(VERIFY_A, false, ev.get(2), Optional.empty())));
      assertThat(firsts).containsExactly(1L, 1L + a, 1L + a + b);
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(longs(c, "SELECT report_position FROM gridgov_cases WHERE case_id = 'B'"))
          .containsExactly(1L + a);
      assertThat(longs(c, "SELECT report_position FROM gridgov_cases WHERE case_id = 'A'"))
          .containsExactly(1L);
      assertThat(strings(c, "SELECT command_id FROM gridgov_events ORDER BY log_position"))
          .hasSize(a + b + ev.get(2).size())
          .startsWith(repeat("a1", a).toArray(new String[0]))
          .containsSubsequence(repeat("b1", b))
          .endsWith(repeat(null, ev.get(2).size()).toArray(new String[0]));
      assertThat(strings(c, "SELECT command_id FROM gridgov_commands ORDER BY command_id"))
          .containsExactly("a1", "b1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void eventsThatAreNotConsecutiveAreRefused(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A, REGISTER_A);
    try (EventStore store = StoreFixture.open(url)) {
      assertThatThrownBy(
              () ->
                  store.appendCommands(
                      List.of(accepted(REPORT_A, ev.get(0)), accepted(REGISTER_A, ev.get(2)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("events of case A are not consecutive");
      assertThat(store.storedSequence(A)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void factsMustComeWithTheEventsThatStartTheCaseAndOnlyThen(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A);
    try (EventStore store = StoreFixture.open(url)) {
      assertThatThrownBy(
              () ->
                  store.appendCommands(
                      List.of(new CommandAppend(REPORT_A, true, ev.get(0), Optional.empty()))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("case A starts in this append")
          .hasMessageContaining("its facts were not given");
      assertThat(store.storedSequence(A)).isZero();

      var unused = store.appendCommands(List.of(accepted(REPORT_A, ev.get(0))));
      assertThatThrownBy(
              () ->
                  store.appendCommands(
                      List.of(new CommandAppend(VERIFY_A, true, ev.get(1), Optional.of(FA)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("facts given for case A");
      assertThatThrownBy(
              () ->
                  store.appendCommands(
                      List.of(new CommandAppend(VERIFY_A, true, ev.get(1), Optional.of(FB)))))
          .as("facts of a case without events")
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("facts given for case B");
      assertThat(store.storedSequence(A)).isEqualTo(ev.get(0).size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aContinuationThatDoesNotFollowTheStoredHistoryIsAConflict(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A, REGISTER_A);
    long stored = ev.get(0).size();
    long registerFrom = ev.get(2).get(0).sequence();
    assertThat(registerFrom).isGreaterThan(stored + 1);
    try (EventStore store = StoreFixture.open(url)) {
      var unused = store.appendCommands(List.of(accepted(REPORT_A, ev.get(0))));
      assertThatThrownBy(() -> store.appendCommands(List.of(accepted(REGISTER_A, ev.get(2)))))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(A);
                assertThat(e.expectedSequence()).isEqualTo(registerFrom - 1);
                assertThat(e.foundSequence()).isEqualTo(stored);
              });
      assertThat(store.storedSequence(A)).isEqualTo(stored);
      // the store goes on: the right continuation is written
      var unused2 = store.appendCommands(List.of(accepted(VERIFY_A, ev.get(1))));
      assertThat(store.storedSequence(A)).isEqualTo(registerFrom - 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aNewCaseStartedFirstElsewhereIsAConflictAndTheStoreGoesOn(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A);
    long stored = ev.get(0).size();
    try (EventStore store = StoreFixture.open(url)) {
      var unused = store.appendCommands(List.of(accepted(REPORT_A, ev.get(0))));
      Command again =
          Command.of("a1-again", WORKER, A, at("2025-03-03T09:02"), new Command.Report(FA));
      assertThatThrownBy(() -> store.appendCommands(List.of(accepted(again, ev.get(0)))))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(A);
                assertThat(e.foundSequence()).isEqualTo(stored);
              });
      var unused2 = store.appendCommands(List.of(accepted(VERIFY_A, ev.get(1))));
      assertThat(store.storedSequence(A)).isEqualTo(stored + ev.get(1).size());
    }
  }

  /**
   * A case row set back by hand (as if another writer's event were stored but not yet its case
   * row): the event's key is found first, and the batch's first case is reported as the conflict.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anEventKeyStoredFirstIsAConflictOnTheBatchsFirstCase(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A);
    long stored = (long) ev.get(0).size() + ev.get(1).size();
    try (EventStore store = StoreFixture.open(url)) {
      var unused =
          store.appendCommands(
              List.of(accepted(REPORT_A, ev.get(0)), accepted(VERIFY_A, ev.get(1))));
      sql(url, "UPDATE gridgov_cases SET last_seq = " + (stored - 1) + " WHERE case_id = 'A'");
      CaseEvent last = ev.get(1).get(ev.get(1).size() - 1);
      assertThat(last.sequence()).isEqualTo(stored);
      Command resend =
          Command.of("a2-again", DISP, A, at("2025-03-03T09:05"), new Command.Verify(true, ""));
      assertThatThrownBy(
              () -> store.appendCommands(List.of(accepted(resend, ImmutableList.of(last)))))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(A);
                assertThat(e.expectedSequence()).isEqualTo(stored - 1);
              });
      assertThat(store.storedSequence(A)).as("rolled back").isEqualTo(stored - 1);
      assertThat(store.command("a2-again")).isEmpty();
    }
  }

  /** A command id stored first (by another writer, or here an earlier batch) fails the batch. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCommandIdStoredFirstFailsTheBatchAndWritesNothing(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A, VERIFY_A);
    long stored = ev.get(0).size();
    try (EventStore store = StoreFixture.open(url)) {
      var unused = store.appendCommands(List.of(accepted(REPORT_A, ev.get(0))));
      Command sameId =
          Command.of("a1", DISP, A, at("2025-03-03T09:05"), new Command.Verify(true, ""));
      assertThatThrownBy(() -> store.appendCommands(List.of(accepted(sameId, ev.get(1)))))
          .isInstanceOf(EventStoreException.class)
          .hasMessageContaining("a command id of the batch is already stored");
      assertThat(store.storedSequence(A)).as("its events rolled back").isEqualTo(stored);
      var unused2 = store.appendCommands(List.of(accepted(VERIFY_A, ev.get(1))));
      assertThat(store.storedSequence(A)).isEqualTo(stored + ev.get(1).size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFencedWriterWritesNoBatch(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<ImmutableList<CaseEvent>> ev = plain(REPORT_A);
    try (EventStore store = StoreFixture.open(url);
        EventStore other = StoreFixture.open(url)) {
      var unused = store.acquire(Partition.DEFAULT);
      var unused2 = other.takeOver(Partition.DEFAULT);
      assertThatThrownBy(() -> store.appendCommands(List.of(accepted(REPORT_A, ev.get(0)))))
          .isInstanceOf(PartitionFencedException.class);
      assertThat(other.storedSequence(A)).isZero();
    }
  }

  private static List<@org.jspecify.annotations.Nullable String> repeat(
      @org.jspecify.annotations.Nullable String s, int n) {
    List<@org.jspecify.annotations.Nullable String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s);
    }
    return out;
  }

  private static List<Long> longs(Connection c, String query) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static List<@org.jspecify.annotations.Nullable String> strings(Connection c, String query)
      throws SQLException {
    List<@org.jspecify.annotations.Nullable String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
