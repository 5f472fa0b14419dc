package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
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
 * The edges of {@link DurableCaseEngine}: the snapshot period reached exactly (and not), by a
 * command, a batch or a time advance; the count of replayed events; a failed periodic snapshot that
 * leaves the call stored; a broken engine refusing {@code execute} and {@code takeSnapshot}; a
 * refusal kept as suppressed when the write fails too. Event counts come from a plain in-memory
 * engine run over the same commands (the oracle), not from the engine under test.
 */
class DurableCaseEngineEdgesTest {
  private static final Principal WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  private static final CaseId A = CaseId.of("A");
  private static final CaseId B = CaseId.of("B");

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static Command reportA() {
    CaseFacts a = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
    return Command.of("c1", WORKER, A, at("2025-03-03T09:00"), new Command.Report(a));
  }

  private static Command reportB() {
    CaseFacts b = StoreFixture.facts("B", "0301", Priority.URGENT, GRID2);
    return Command.of(
        "c2", Principal.resident("res-1"), B, at("2025-03-03T09:01"), new Command.Report(b));
  }

  /** Case B verified, registered and dispatched: its urgent 4-hour lead clock then runs. */
  private static List<Command> urgentB() {
    return List.of(
        reportB(),
        Command.of("c4", DISP, B, at("2025-03-03T09:05"), new Command.Verify(true, "")),
        Command.of("c6", DISP, B, at("2025-03-03T09:10"), new Command.Register()),
        Command.of("c8", DISP, B, at("2025-03-03T09:11"), Command.Dispatch.byPolicy()));
  }

  private static DurableCaseEngine open(EventStore store, SnapshotPolicy policy) {
    return DurableCaseEngine.open(
        store, Partition.DEFAULT, config(), StoreLimits.defaults(), policy);
  }

  /** How many events a plain engine emits for the commands, run in order. */
  private static int plainEvents(List<Command> commands) {
    CaseEngine plain = config().build();
    int n = 0;
    for (Command c : commands) {
      n += plain.advanceTo(c.at()).size();
      n += plain.execute(c).size();
    }
    return n;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPeriodReachedExactlyByOneCommandWritesASnapshot(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    int events = plainEvents(List.of(reportA()));
    assertThat(events).isPositive();
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(events));
      assertThat(e.execute(reportA())).hasSize(events);
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      assertThat(e.restoredFromSnapshot()).as("the period was reached").isPresent();
      assertThat(e.replayedEvents()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void onePeriodShortWritesNoSnapshotAndTheReopenReplaysEveryEvent(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    int events = plainEvents(List.of(reportA()));
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(events + 1L));
      var unused = e.execute(reportA());
      assertThat(e.replayedEvents()).as("a fresh store replays nothing").isZero();
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      assertThat(e.restoredFromSnapshot()).isEmpty();
      assertThat(e.replayedEvents()).isEqualTo(events);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBatchReachingThePeriodWritesASnapshot(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<Command> batch = urgentB();
    int events = plainEvents(batch);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(events));
      ImmutableList<CommandOutcome> outcomes = e.executeAll(batch);
      assertThat(outcomes).allMatch(CommandOutcome::accepted);
      assertThat(outcomes.stream().mapToInt(o -> o.events().size()).sum()).isEqualTo(events);
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      assertThat(e.restoredFromSnapshot()).as("the batch's events reached the period").isPresent();
      assertThat(e.replayedEvents()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTimeAdvanceThatFiresEventsCountsTowardsThePeriod(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Instant week = at("2025-03-10T09:00");
    CaseEngine plain = config().build();
    for (Command c : urgentB()) {
      var unused = plain.advanceTo(c.at());
      var unused2 = plain.execute(c);
    }
    int fired = plain.advanceTo(week).size();
    assertThat(fired).as("B's clocks fire within the week").isPositive();
    long before;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      var unused = e.executeAll(urgentB());
      before = e.takeSnapshot();
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(fired));
      assertThat(e.replayedEvents()).isZero();
      assertThat(e.advanceTo(week)).hasSize(fired);
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      assertThat(e.restoredFromSnapshot()).hasValue(before + fired);
      assertThat(e.replayedEvents()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailedPeriodicSnapshotIsLoggedAndTheCallStands(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    int events = plainEvents(List.of(reportA()));
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(1));
      sql(url, "DROP TABLE gridgov_snapshots"); // the database fails the snapshot only
      List<String> warnings = new ArrayList<>();
      ImmutableList<CaseEvent> stored =
          LogCapture.messages(warnings, Level.WARNING, () -> e.execute(reportA()));
      assertThat(stored).hasSize(events);
      assertThat(e.isBroken()).as("every call is stored").isFalse();
      assertThat(warnings)
          .singleElement()
          .asString()
          .contains("partition " + Partition.DEFAULT)
          .contains("writing a snapshot failed")
          .contains("the next attempt comes after 1 more events");
      assertThat(store.storedSequence(A)).isEqualTo(events);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFencedEngineRefusesExecuteAndTakeSnapshotAsBroken(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url);
        EventStore other = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      var unused = e.execute(reportA());
      var unused2 = other.takeOver(Partition.DEFAULT);
      assertThatThrownBy(() -> e.execute(reportB())).isInstanceOf(PartitionFencedException.class);
      assertThat(e.isBroken()).isTrue();
      assertThatThrownBy(() -> e.execute(reportB()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open a new DurableCaseEngine")
          .hasCauseInstanceOf(PartitionFencedException.class);
      assertThatThrownBy(e::takeSnapshot)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open a new DurableCaseEngine");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRefusalIsKeptAsSuppressedWhenTheWriteFailsToo(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Command verifyUnknown =
        Command.of(
            "v1", DISP, CaseId.of("Z"), at("2025-03-03T09:05"), new Command.Verify(true, ""));
    Class<? extends RuntimeException> refusal;
    try {
      var unused = config().build().execute(verifyUnknown);
      throw new AssertionError("the plain engine accepted a command on an unknown case");
    } catch (RuntimeException e) {
      refusal = e.getClass();
    }
    try (EventStore store = StoreFixture.open(url);
        EventStore other = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      var unused = other.takeOver(Partition.DEFAULT);
      assertThatThrownBy(() -> e.execute(verifyUnknown))
          .isInstanceOfSatisfying(
              PartitionFencedException.class,
              f -> assertThat(f.getSuppressed()).singleElement().isInstanceOf(refusal));
    }
  }
}
