package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.NotAuthorizedException;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine over the store: restore on open, retries across restarts, refusals, conflicts, a
 * broken engine.
 */
class DurableCaseEngineTest {
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  private static final CaseId A = CaseId.of("A");

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static List<Command> commands() {
    CaseFacts a = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
    CaseFacts b = StoreFixture.facts("B", "0301", Priority.URGENT, GRID2);
    return List.of(
        Command.of("c1", WORKER, a.id(), at("2025-03-03T09:00"), new Command.Report(a)),
        Command.of(
            "c2",
            Principal.resident("res-1"),
            b.id(),
            at("2025-03-03T09:01"),
            new Command.Report(b)),
        Command.of("c3", DISP, a.id(), at("2025-03-03T09:05"), new Command.Verify(true, "")),
        Command.of("c4", DISP, b.id(), at("2025-03-03T09:05"), new Command.Verify(true, "")),
        Command.of("c5", DISP, a.id(), at("2025-03-03T09:10"), new Command.Register()),
        Command.of("c6", DISP, b.id(), at("2025-03-03T09:10"), new Command.Register()),
        Command.of("c7", DISP, a.id(), at("2025-03-03T09:11"), Command.Dispatch.byPolicy()),
        Command.of("c8", DISP, b.id(), at("2025-03-03T09:11"), Command.Dispatch.byPolicy()));
  }

  /**
   * A command on case B a week later: its 4-hour lead clock and whole-case clock fire on the way.
   */
  private static Command late(String id) {
    return Command.of(
        id,
        DISP,
        CaseId.of("B"),
        at("2025-03-10T09:00"),
        new Command.Escalate(java.util.Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void reopenedEngineEqualsTheLiveOneAndContinuesIdentically(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    CaseEngine plain = config().build();
    List<CaseEvent> plainLog = new ArrayList<>();
    org.gridgov.engine.EngineSnapshot liveSnapshot;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine live = DurableCaseEngine.open(store, config());
      for (Command c : commands()) {
        List<CaseEvent> stored = live.execute(c);
        plainLog.addAll(plain.advanceTo(c.at()));
        List<CaseEvent> own = plain.execute(c);
        plainLog.addAll(own);
        assertThat(stored).as("%s", c).endsWith(own.toArray(CaseEvent[]::new));
      }
      assertThat(live.advanceTo(at("2025-03-03T12:00")))
          .isEqualTo(plain.advanceTo(at("2025-03-03T12:00")));
      liveSnapshot = live.snapshot();
      assertThat(store.load().events()).isEqualTo(plainLog);
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine reopened = DurableCaseEngine.open(store, config());
      assertThat(reopened.snapshot()).isEqualTo(liveSnapshot);
      assertThat(reopened.now()).contains(at("2025-03-03T12:00"));

      List<CaseEvent> fromStore = reopened.execute(late("c9"));
      List<CaseEvent> expected = new ArrayList<>(plain.advanceTo(late("c9").at()));
      expected.addAll(plain.execute(late("c9")));
      assertThat(fromStore).isEqualTo(expected);
      assertThat(fromStore).anyMatch(e -> e.payload() instanceof EventPayload.SlaBreached);
      assertThat(reopened.snapshot()).isEqualTo(plain.snapshot());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void retryAfterARestartReturnsTheStoredEventsAndAppendsNothing(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<CaseEvent> first;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      for (Command c : commands()) {
        var unused = e.execute(c);
      }
      first = e.execute(late("c9"));
    }
    try (EventStore store = StoreFixture.open(url)) {
      int stored = store.load().events().size();
      DurableCaseEngine e = DurableCaseEngine.open(store, config());

      assertThat(e.execute(late("c9"))).isEqualTo(first);
      assertThat(e.execute(commands().get(0))).as("an old report").hasSize(1);
      assertThat(store.load().events()).hasSize(stored);
      assertThatThrownBy(
              () -> e.execute(Command.of("c9", DISP, A, late("x").at(), new Command.Register())))
          .isInstanceOf(CommandIdReusedInStoreException.class)
          .hasMessageContaining("command id c9 was already used for a different command")
          .hasMessageNotContaining("case B");
    }
  }

  /**
   * Issue 16: a reused command id after a restart is keyed by (command id, principal, payload
   * hash). The same command by the same principal gets its original events; another principal, or
   * another payload under the same id, is refused and nothing is appended. Before the fix the store
   * compared case and instant only, so the other principal received the original events (a
   * disclosure) and the different payload was silently dropped.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void reusedIdIsKeyedByPrincipalAndPayloadAcrossARestart(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Command original =
        Command.of(
            "r1",
            DISP,
            CaseId.of("B"),
            at("2025-03-04T09:00"),
            new Command.Escalate(java.util.Optional.empty()));
    List<CaseEvent> first;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      for (Command c : commands()) {
        var unused = e.execute(c);
      }
      first = e.execute(original);
    }
    try (EventStore store = StoreFixture.open(url)) {
      int stored = store.load().events().size();
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      Principal other = Principal.inRegion("disp-2", Role.DISPATCHER, DISTRICT);

      assertThatThrownBy(
              () ->
                  e.execute(
                      Command.of("r1", other, original.caseId(), original.at(), original.action())))
          .as("the same id and payload from another principal")
          .isInstanceOf(CommandIdReusedInStoreException.class)
          .hasMessageNotContaining("disp-1");
      assertThatThrownBy(
              () ->
                  e.execute(
                      Command.of(
                          "r1",
                          DISP,
                          original.caseId(),
                          original.at(),
                          new Command.Escalate(java.util.Optional.of("dept:housing")))))
          .as("the same id and principal with another payload")
          .isInstanceOf(CommandIdReusedInStoreException.class);
      assertThat(store.load().events()).as("nothing appended by the refusals").hasSize(stored);
      assertThat(e.isBroken()).as("a refusal leaves the engine usable").isFalse();
      assertThat(e.execute(original))
          .as("the very same command: its original events")
          .isEqualTo(first);
      assertThat(store.load().events()).hasSize(stored);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void refusedCommandStoresTheTimeThatPassedAndItsIdAsTheLastSeen(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      for (Command c : commands()) {
        var unused = e.execute(c);
      }
      int before = store.load().events().size();
      Command refused =
          Command.of(
              "r1",
              Principal.resident("res-1"),
              CaseId.of("B"),
              at("2025-03-10T09:00"),
              new Command.Close());

      assertThatThrownBy(() -> e.execute(refused)).isInstanceOf(NotAuthorizedException.class);
      StoredLog log = store.load();
      assertThat(log.events().size())
          .as("the SLA events up to the command's instant")
          .isGreaterThan(before);
      assertThat(log.events().subList(before, log.events().size()))
          .allMatch(
              ev ->
                  ev.payload() instanceof EventPayload.SlaWarning
                      || ev.payload() instanceof EventPayload.SlaBreached
                      || ev.payload() instanceof EventPayload.Escalated);
      assertThat(log.lastCommandId()).contains("r1");
      assertThat(store.command("r1")).isEmpty();
      assertThat(e.isBroken()).isFalse();
      assertThat(e.state(CaseId.of("B")).orElseThrow().status()).isNotEqualTo(CaseStatus.CLOSED);
    }
  }

  /**
   * A second engine of the same partition is refused at open; one of another partition that reports
   * a case id the first partition holds hits an append conflict, and is broken until reopened.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void secondWriterOnTheSameCaseIsRefusedAndMustReopen(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore s1 = StoreFixture.open(url);
        EventStore s2 = StoreFixture.open(url)) {
      DurableCaseEngine one = DurableCaseEngine.open(s1, config());
      for (Command c : commands()) {
        var unused = one.execute(c);
      }
      assertThatThrownBy(() -> DurableCaseEngine.open(s2, config()))
          .isInstanceOf(PartitionLeaseHeldException.class);
      Partition other = Partition.of("other");
      DurableCaseEngine two = DurableCaseEngine.open(s2, other, config());
      Instant t = at("2025-03-03T09:30");
      long storedA = s1.storedSequence(A);
      CaseFacts again = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);

      assertThatThrownBy(
              () -> two.execute(Command.of("y1", WORKER, A, t, new Command.Report(again))))
          .isInstanceOfSatisfying(
              AppendConflictException.class,
              e -> {
                assertThat(e.caseId()).isEqualTo(A);
                assertThat(e.expectedSequence()).isEqualTo(0);
                assertThat(e.foundSequence()).isEqualTo(storedA);
              });
      assertThat(two.isBroken()).isTrue();
      assertThatThrownBy(() -> two.advanceTo(t))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open a new DurableCaseEngine");
      DurableCaseEngine reopened = DurableCaseEngine.open(s2, other, config());
      assertThat(reopened.state(A)).as("A belongs to the default partition").isEmpty();
      assertThat(s1.storedSequence(A)).isEqualTo(storedA);
      String office = CaseEngine.officeOf(GRID1);
      assertThat(one.execute(Command.of("x1", WORKER, A, t, new Command.Accept(office))))
          .isNotEmpty();
      assertThat(one.state(A).orElseThrow().status()).isEqualTo(CaseStatus.HANDLING);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storeTimePastADeadlineWithoutItsEventIsCorrupt(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      for (Command c : commands()) {
        var unused = e.execute(c);
      }
      sql(
          url,
          "UPDATE gridgov_partitions SET now_ms = "
              + at("2025-04-01T00:00").toEpochMilli()
              + " WHERE partition_key = '_default'");

      assertThatThrownBy(() -> DurableCaseEngine.open(store, config()))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("are not stored");
    }
  }

  /**
   * Issue 16: a command text over the store's column size (about 1M characters) made the append
   * fail and left the engine refusing every later call until reopened. Now texts are checked
   * against {@link StoreLimits} before the command runs: the command is refused, nothing is
   * written, and the next command goes through.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void oversizedTextIsRefusedBeforeAnythingIsWrittenAndTheEngineGoesOn(
      String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      CaseFacts c = StoreFixture.facts("C", "0102", Priority.NORMAL, GRID1);
      var unused =
          e.execute(
              Command.of("t1", WORKER, c.id(), at("2025-03-03T09:00"), new Command.Report(c)));
      int stored = store.load().events().size();
      String huge = "x".repeat(1_100_000);

      assertThatThrownBy(
              () ->
                  e.execute(
                      Command.of(
                          "t2",
                          DISP,
                          c.id(),
                          at("2025-03-03T09:05"),
                          new Command.Verify(false, huge))))
          .isInstanceOf(CommandTooLargeException.class)
          .hasMessageContaining("t2")
          .hasMessageContaining("case C")
          .hasMessageContaining("1100000")
          .hasMessageNotContaining("xxxx");
      assertThat(e.isBroken()).isFalse();
      assertThat(store.load().events())
          .as("nothing written for the refused command")
          .hasSize(stored);
      assertThat(
              e.execute(
                  Command.of(
                      "t3", DISP, c.id(), at("2025-03-03T09:05"), new Command.Verify(true, "ok"))))
          .as("the next command goes through")
          .isNotEmpty();
      assertThat(store.load().events()).hasSizeGreaterThan(stored);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void textLimitIsConfigurable(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config(), StoreLimits.of(10, 100_000));
      CaseFacts c = StoreFixture.facts("C", "0102", Priority.NORMAL, GRID1);
      var unused =
          e.execute(
              Command.of("t1", WORKER, c.id(), at("2025-03-03T09:00"), new Command.Report(c)));
      assertThatThrownBy(
              () ->
                  e.execute(
                      Command.of(
                          "t2",
                          DISP,
                          c.id(),
                          at("2025-03-03T09:05"),
                          new Command.Verify(true, "eleven char"))))
          .isInstanceOf(CommandTooLargeException.class)
          .hasMessageContaining("11 characters")
          .hasMessageContaining("limit 10");
      assertThat(
              e.execute(
                  Command.of(
                      "t3",
                      DISP,
                      c.id(),
                      at("2025-03-03T09:05"),
                      new Command.Verify(true, "ten chars!"))))
          .isNotEmpty();
      assertThatThrownBy(() -> DurableCaseEngine.open(store, config(), StoreLimits.of(0, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxTextLength");
    }
  }
}
