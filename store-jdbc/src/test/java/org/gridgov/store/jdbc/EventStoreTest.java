package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store on H2 and on PostgreSQL: round trip, optimistic concurrency, bad batches, corrupted
 * rows.
 */
class EventStoreTest {
  private static final Actor DISPATCHER = Actor.of("disp-1", Role.DISPATCHER);
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /**
   * Two cases through report, verify, register, dispatch, interleaved, on a plain engine; every
   * call's events.
   */
  private static List<List<CaseEvent>> calls(List<CaseFacts> facts) {
    CaseEngine engine = config().build();
    List<List<CaseEvent>> calls = new ArrayList<>();
    Principal disp = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
    int n = 0;
    for (String id : List.of("A", "B")) {
      CaseFacts f =
          StoreFixture.facts(id, id.equals("A") ? "0102" : "0301", Priority.NORMAL, GRID1);
      facts.add(f);
      calls.add(
          engine.execute(
              Command.of(
                  "c" + n++, WORKER, f.id(), at("2025-03-03T09:00"), new Command.Report(f))));
    }
    for (Command.Action a :
        List.<Command.Action>of(
            new Command.Verify(true, ""), new Command.Register(), Command.Dispatch.byPolicy())) {
      for (String id : List.of("A", "B")) {
        calls.add(
            engine.execute(Command.of("c" + n++, disp, CaseId.of(id), at("2025-03-03T09:10"), a)));
      }
    }
    return calls;
  }

  private static StoredLog fill(EventStore store, List<CaseFacts> facts) {
    List<List<CaseEvent>> calls = calls(facts);
    for (List<CaseEvent> call : calls) {
      CaseEvent first = call.get(0);
      List<CaseFacts> starts =
          first.sequence() == 1
              ? facts.stream().filter(f -> f.id().equals(first.caseId())).toList()
              : List.of();
      var unused = store.append(call, starts, first.at());
    }
    return store.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void appendedEventsLoadBackInLogOrderWithFactsInReportOrder(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<CaseFacts> facts = new ArrayList<>();
    List<CaseEvent> expected = calls(new ArrayList<>()).stream().flatMap(List::stream).toList();
    try (EventStore store = StoreFixture.open(url)) {
      StoredLog log = fill(store, facts);
      assertThat(log.events()).isEqualTo(expected);
      assertThat(log.facts().values()).containsExactlyElementsOf(facts);
      assertThat(log.now()).contains(at("2025-03-03T09:10"));
      assertThat(log.lastCommandId()).isEmpty();
      assertThat(store.storedSequence(CaseId.of("A"))).isEqualTo(4);
      assertThat(store.storedSequence(CaseId.of("nobody"))).isZero();
    }
    try (EventStore reopened =
        StoreFixture.open(url)) { // the tables exist: nothing is recreated or lost
      assertThat(reopened.load().events()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void staleWriterIsRefusedNamingCaseExpectedAndFound_andNothingOfItsAppendIsWritten(
      String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      StoredLog before = fill(a, new ArrayList<>());
      CaseEvent suspendB =
          CaseEvent.of(
              CaseId.of("B"),
              5,
              at("2025-03-03T10:00"),
              DISPATCHER,
              new EventPayload.Suspended("b first"));
      var unused = a.append(List.of(suspendB), List.of(), suspendB.at());
      // b still thinks A ends at 4 (fine) and B ends at 4 (stale): the whole append is refused
      CaseEvent a5 =
          CaseEvent.of(
              CaseId.of("A"),
              5,
              at("2025-03-03T10:01"),
              DISPATCHER,
              new EventPayload.Suspended("x"));
      CaseEvent b5 =
          CaseEvent.of(
              CaseId.of("B"),
              5,
              at("2025-03-03T10:01"),
              DISPATCHER,
              new EventPayload.Suspended("y"));

      assertThatThrownBy(() -> b.append(List.of(a5, b5), List.of(), a5.at()))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(CaseId.of("B"));
                assertThat(e.expectedSequence()).isEqualTo(4);
                assertThat(e.foundSequence()).isEqualTo(5);
              })
          .hasMessageContaining("case B")
          .hasMessageContaining("expected")
          .hasMessageContaining("found 5");
      StoredLog after = b.load();
      assertThat(after.events()).hasSize(before.events().size() + 1).endsWith(suspendB);
      assertThat(b.storedSequence(CaseId.of("A")))
          .as("A's event was not written either")
          .isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void reportingAnExistingCaseAgainIsAConflict(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      List<CaseFacts> facts = new ArrayList<>();
      var unused = fill(store, facts);
      CaseEvent again =
          CaseEvent.of(
              CaseId.of("A"), 1, at("2025-03-04T09:00"), DISPATCHER, new EventPayload.Reported());

      assertThatThrownBy(() -> store.append(List.of(again), List.of(facts.get(0)), again.at()))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.expectedSequence()).isZero();
                assertThat(e.foundSequence()).isEqualTo(4);
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void primaryKeyViolationIsReportedAsTheSameConflict(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      var unused = fill(store, new ArrayList<>());
      // another writer's row for (A, 5) without the case row: only the primary key can catch it
      sql(
          url,
          "INSERT INTO gridgov_events (case_id, seq, log_position, event_type, at_ms, payload) "
              + "VALUES ('A', 5, 1000, 'Suspended', 0, '{}')");
      CaseEvent a5 =
          CaseEvent.of(
              CaseId.of("A"),
              5,
              at("2025-03-03T10:01"),
              DISPATCHER,
              new EventPayload.Suspended("x"));

      assertThatThrownBy(() -> store.append(List.of(a5), List.of(), a5.at()))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(CaseId.of("A"));
                assertThat(e.expectedSequence()).isEqualTo(4);
                assertThat(e.foundSequence()).isEqualTo(5);
              });
      assertThat(store.storedSequence(CaseId.of("A")))
          .as("the case row update was rolled back")
          .isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void badBatchesAreRefusedBeforeAnythingIsWritten(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      CaseFacts c = StoreFixture.facts("C", "0102", Priority.NORMAL, GRID1);
      CaseEvent c1 =
          CaseEvent.of(c.id(), 1, at("2025-03-03T09:00"), DISPATCHER, new EventPayload.Reported());
      CaseEvent c3 =
          CaseEvent.of(c.id(), 3, at("2025-03-03T09:00"), DISPATCHER, new EventPayload.Verified());

      assertThatThrownBy(() -> store.append(List.of(c1, c3), List.of(c), c1.at()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("case C")
          .hasMessageContaining("sequence 3 follows 1");
      assertThatThrownBy(() -> store.append(List.of(c1), List.of(), c1.at()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("case C starts");
      assertThatThrownBy(() -> store.append(List.of(c3), List.of(c), c3.at()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("facts given for case C");
      assertThat(store.load().events()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void acceptedCommandIsFoundWithItsEvents_refusedOneOnlyAsTheLastSeen(
      String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      CaseFacts f = StoreFixture.facts("D", "0102", Priority.NORMAL, GRID1);
      Command report =
          Command.of("r-1", WORKER, f.id(), at("2025-03-03T09:00"), new Command.Report(f));
      CaseEvent d1 =
          CaseEvent.of(
              f.id(),
              1,
              report.at(),
              Actor.of("gw-1", Role.GRID_WORKER),
              new EventPayload.Reported());
      long first = store.appendCommand(report, true, List.of(d1), java.util.Optional.of(f));
      Command refused =
          Command.of("r-2", WORKER, f.id(), at("2025-03-03T09:01"), new Command.Close());
      long next = store.appendCommand(refused, false, List.of(), java.util.Optional.empty());

      assertThat(first).isEqualTo(1);
      assertThat(next).isEqualTo(2);
      EventStore.StoredCommand stored = store.command("r-1").orElseThrow();
      assertThat(stored.events()).containsExactly(d1);
      assertThat(stored.caseId()).isEqualTo("D");
      assertThat(stored.at()).isEqualTo(report.at());
      assertThat(store.command("r-2")).isEmpty();
      StoredLog log = store.load();
      assertThat(log.lastCommandId()).contains("r-2");
      assertThat(log.now()).contains(refused.at());
      assertThat(log.facts()).isEqualTo(Map.of(f.id(), f));
      Command early =
          Command.of("r-3", WORKER, f.id(), at("2025-03-03T08:00"), new Command.Close());
      var unused = store.appendCommand(early, false, List.of(), java.util.Optional.empty());
      assertThat(store.load().now()).as("the store's time does not go back").contains(refused.at());
      assertThat(store.load().lastCommandId()).contains("r-3");
      assertThatThrownBy(
              () -> store.appendCommand(report, true, List.of(), java.util.Optional.empty()))
          .isInstanceOf(EventStoreException.class)
          .hasMessageContaining("command id r-1 is already stored");
    }
  }

  // ------------------------------------------------------------------ corrupted rows

  enum Corruption {
    SEQUENCE_GAP(
        "DELETE FROM gridgov_events WHERE case_id = 'A' AND seq = 2", "A", 3, "sequence gap"),
    UNKNOWN_EVENT_TYPE(
        "UPDATE gridgov_events SET event_type = 'Teleported' WHERE case_id = 'B' AND seq = 2",
        "B",
        2,
        "unknown event type 'Teleported'"),
    BAD_JSON(
        "UPDATE gridgov_events SET payload = '{\"caseId\": \"A\", broken' WHERE case_id = 'A' AND seq = 3",
        "A",
        3,
        "not valid JSON"),
    PAYLOAD_OF_ANOTHER_EVENT(
        "UPDATE gridgov_events SET payload = (SELECT payload FROM gridgov_events "
            + "WHERE case_id = 'A' AND seq = 2) WHERE case_id = 'B' AND seq = 2",
        "B",
        2,
        "not the row's"),
    LAST_EVENT_MISSING(
        "DELETE FROM gridgov_events WHERE case_id = 'B' AND seq = 4",
        "B",
        4,
        "the case row records 4 events"),
    BAD_FACTS(
        "UPDATE gridgov_cases SET facts = '{\"id\":\"B\"}' WHERE case_id = 'B'",
        "B",
        0,
        "facts cannot be read");

    final String sql;
    final String caseId;
    final long sequence;
    final String message;

    Corruption(String sql, String caseId, long sequence, String message) {
      this.sql = sql;
      this.caseId = caseId;
      this.sequence = sequence;
      this.message = message;
    }
  }

  static List<Object[]> corruptions() {
    List<Object[]> out = new ArrayList<>();
    for (String db : databases()) {
      for (Corruption c : Corruption.values()) {
        out.add(new Object[] {db, c});
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("corruptions")
  void corruptedRowIsReportedWithCaseAndSequence_andRestoreRefuses(
      String db, Corruption corruption, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      var unused = fill(store, new ArrayList<>());
      sql(url, corruption.sql);

      assertThatThrownBy(store::load)
          .isInstanceOfSatisfying(
              CorruptStoreException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(corruption.caseId);
                assertThat(e.sequence()).isEqualTo(corruption.sequence);
              })
          .hasMessageContaining("case " + corruption.caseId + ", sequence " + corruption.sequence)
          .hasMessageContaining(corruption.message);
      assertThatThrownBy(() -> DurableCaseEngine.open(store, config()))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining(corruption.message);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void legalJsonThatTheEngineCannotReplayIsCorrupt(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      var unused = fill(store, new ArrayList<>());
      // B's Dispatched (seq 4) becomes a Closed: parseable, but not a legal transition from
      // REGISTERED
      CaseEvent closed =
          CaseEvent.of(
              CaseId.of("B"), 4, at("2025-03-03T09:10"), DISPATCHER, new EventPayload.Closed());
      sql(
          url,
          "UPDATE gridgov_events SET event_type = 'Closed', payload = '"
              + org.gridgov.json.CaseJson.unmasked().write(closed)
              + "' WHERE case_id = 'B' AND seq = 4");

      assertThat(store.load().events()).contains(closed);
      assertThatThrownBy(() -> DurableCaseEngine.open(store, config()))
          .isInstanceOfSatisfying(
              CorruptStoreException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo("B");
                assertThat(e.sequence()).isEqualTo(4);
              })
          .hasMessageContaining("refuses to replay");
    }
  }

  /**
   * Issue 16: a failed append's message must not carry the rows' data. H2 quotes the start of a
   * value that does not fit its column, so the store's message used to contain the reason text,
   * names and phone numbers included.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void failedAppendMessageCarriesNoRowData(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      CaseFacts f = facts("P", "0102", Priority.NORMAL, GRID1);
      Actor worker = Actor.of("gw-1", Role.GRID_WORKER);
      CaseEvent reported =
          CaseEvent.of(f.id(), 1, at("2025-03-03T09:00"), worker, new EventPayload.Reported());
      var unused = store.append(List.of(reported), List.of(f), reported.at());
      String text = "张三 13812345678 福建省莆田市城厢区霞林街道 " + "x".repeat(1_000_001);
      CaseEvent huge =
          CaseEvent.of(f.id(), 2, at("2025-03-03T09:01"), worker, new EventPayload.Suspended(text));

      assertThatThrownBy(() -> store.append(List.of(huge), List.of(), huge.at()))
          .isInstanceOf(EventStoreException.class)
          .hasMessageContaining("nothing was written")
          .hasMessageNotContaining("13812345678")
          .hasMessageNotContaining("张三")
          .hasMessageNotContaining("霞林");
      assertThat(store.storedSequence(f.id())).isEqualTo(1);
    }
  }
}
