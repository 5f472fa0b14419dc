package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * {@link DurableCaseEngine#executeAll}: one transaction per batch, the same log as one command at a
 * time, all or nothing, idempotent per command.
 */
class BatchTest {
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /**
   * A case's life in commands (report, verify, register, dispatch) for {@code cases} cases,
   * interleaved, with a refused close and a resent report now and then.
   */
  private static List<Command> workload(int cases, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Command> out = new ArrayList<>();
    Instant t = at("2025-03-03T09:00");
    List<Command> reports = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      CaseFacts f =
          facts(
              "B-" + i,
              "0102",
              r.nextInt(5) == 0 ? Priority.URGENT : Priority.NORMAL,
              GRIDS[r.nextInt(GRIDS.length)]);
      CaseId id = f.id();
      Command report =
          Command.of("r" + i, Principal.resident("res-" + i), id, t, new Command.Report(f));
      reports.add(report);
      out.add(report);
      out.add(Command.of("v" + i, DISP, id, t.plusSeconds(60), new Command.Verify(true, "")));
      out.add(Command.of("g" + i, DISP, id, t.plusSeconds(120), new Command.Register()));
      out.add(Command.of("d" + i, DISP, id, t.plusSeconds(180), Command.Dispatch.byPolicy()));
      if (r.nextInt(4) == 0) { // a resident may not close a case: refused
        out.add(
            Command.of(
                "x" + i, Principal.resident("res-1"), id, t.plusSeconds(200), new Command.Close()));
      }
      if (r.nextInt(4) == 0) { // a resent report: a retry
        Command old = reports.get(r.nextInt(reports.size()));
        out.add(old);
      }
      t = t.plusSeconds(60L * 60 * r.nextInt(1, 5));
    }
    return out;
  }

  /** Splits commands into batches of seeded random sizes from 1 to 40. */
  private static List<List<Command>> batches(List<Command> commands, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<Command>> out = new ArrayList<>();
    int i = 0;
    while (i < commands.size()) {
      int n = Math.min(commands.size() - i, 1 + r.nextInt(40));
      out.add(commands.subList(i, i + n));
      i += n;
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void batchesStoreExactlyWhatAPlainEngineDoesOneCommandAtATime(String db, @TempDir Path dir) {
    for (long seed = 1; seed <= 3; seed++) {
      String url = freshUrl(db, dir);
      List<Command> commands = workload(30, seed);
      CaseEngine plain = config().build();
      List<CaseEvent> plainLog = new ArrayList<>();
      List<Boolean> plainAccepted = new ArrayList<>();
      for (Command c : commands) { // as DurableCaseEngine.execute does, on a plain engine
        boolean retry =
            c.action() instanceof Command.Report rep && plain.state(rep.facts().id()).isPresent();
        try {
          if (retry) {
            var unused = plain.execute(c);
          } else {
            plainLog.addAll(plain.advanceTo(c.at()));
            plainLog.addAll(plain.execute(c));
          }
          plainAccepted.add(true);
        } catch (RuntimeException refused) {
          plainAccepted.add(false);
        }
      }
      assertThat(plainAccepted).contains(false); // the workload has refusals

      List<CommandOutcome> outcomes = new ArrayList<>();
      try (EventStore store = StoreFixture.open(url)) {
        DurableCaseEngine e = DurableCaseEngine.open(store, config());
        for (List<Command> batch : batches(commands, seed * 31)) {
          outcomes.addAll(e.executeAll(batch));
        }
        assertThat(outcomes.stream().map(CommandOutcome::accepted).toList())
            .isEqualTo(plainAccepted);
        assertThat(outcomes).anyMatch(CommandOutcome::retry);
        assertThat(store.load().events()).as("seed %d", seed).isEqualTo(plainLog);
      }
      try (EventStore store = StoreFixture.open(url)) {
        DurableCaseEngine reopened = DurableCaseEngine.open(store, config());
        assertThat(reopened.snapshot()).isEqualTo(plain.snapshot());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aConflictWritesNothingOfTheBatchAndBreaksTheEngine(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<Command> commands = workload(3, 7);
    try (EventStore storeA = StoreFixture.open(url);
        EventStore storeB = StoreFixture.open(url)) {
      DurableCaseEngine a = DurableCaseEngine.open(storeA, config());
      var unused = a.executeAll(commands);
      // a writer of another partition reports case X first; A's batch then also reports an X
      DurableCaseEngine b = DurableCaseEngine.open(storeB, Partition.of("other"), config());
      Instant later = at("2025-03-05T09:00");
      CaseFacts x = facts("X", "0102", Priority.NORMAL, GRID1);
      var unusedToo =
          b.execute(
              Command.of("b1", Principal.resident("res-8"), x.id(), later, new Command.Report(x)));
      StoredLog before = storeA.load();

      CaseFacts fresh = facts("NEW", "0102", Priority.NORMAL, GRID1);
      List<Command> batch =
          List.of(
              Command.of(
                  "n1", Principal.resident("res-9"), fresh.id(), later, new Command.Report(fresh)),
              Command.of("n2", DISP, fresh.id(), later, new Command.Verify(true, "")),
              Command.of("n3", Principal.resident("res-9"), x.id(), later, new Command.Report(x)));
      assertThatThrownBy(() -> a.executeAll(batch)).isInstanceOf(AppendConflictException.class);

      StoredLog after = storeA.load();
      assertThat(after.events()).isEqualTo(before.events());
      assertThat(after.facts()).doesNotContainKey(fresh.id());
      assertThat(storeA.command("n1")).isEmpty();
      assertThat(storeA.command("n2")).isEmpty();
      assertThat(a.isBroken()).isTrue();
      assertThatThrownBy(() -> a.executeAll(List.of())).isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBatchSentAgainAfterARestartIsRecognisedCommandByCommand(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    List<Command> batch = workload(4, 11);
    List<CommandOutcome> first;
    int stored;
    try (EventStore store = StoreFixture.open(url)) {
      first = DurableCaseEngine.open(store, config()).executeAll(batch);
      stored = store.load().events().size();
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      List<Command> again = new ArrayList<>(batch);
      again.add(batch.get(0)); // and once more inside the batch
      List<CommandOutcome> second = e.executeAll(again);
      for (int i = 0; i < batch.size(); i++) {
        if (first.get(i).accepted()) {
          assertThat(second.get(i).retry()).as("%s", batch.get(i)).isTrue();
          assertThat(second.get(i).events()).isEqualTo(first.get(i).events());
        }
      }
      assertThat(second.get(batch.size()).events()).isEqualTo(first.get(0).events());
      assertThat(store.load().events().size())
          .as("only refused commands ran again (their time advance is already stored)")
          .isEqualTo(stored);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDifferentCommandUnderAUsedIdRefusesTheWholeBatchBeforeAnythingRuns(
      String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      var unused = e.executeAll(workload(2, 5));
      StoredLog before = store.load();
      CaseFacts fresh = facts("NEW", "0102", Priority.NORMAL, GRID1);
      Command ok =
          Command.of(
              "n1",
              Principal.resident("res-9"),
              fresh.id(),
              at("2025-03-06T09:00"),
              new Command.Report(fresh));
      Command reusedInStore =
          Command.of(
              "v0",
              Principal.inRegion("disp-2", Role.DISPATCHER, DISTRICT),
              CaseId.of("B-0"),
              at("2025-03-06T09:01"),
              new Command.Verify(true, ""));
      assertThatThrownBy(() -> e.executeAll(List.of(ok, reusedInStore)))
          .isInstanceOf(CommandIdReusedInStoreException.class)
          .hasMessageContaining("v0");
      Command sameIdOtherCase =
          Command.of("n1", DISP, CaseId.of("B-1"), ok.at(), new Command.Verify(true, ""));
      assertThatThrownBy(() -> e.executeAll(List.of(ok, sameIdOtherCase)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("command id n1 is used twice in the batch");
      Command tooLong =
          Command.of(
              "n2",
              DISP,
              CaseId.of("B-1"),
              ok.at(),
              new Command.Verify(false, "x".repeat(StoreLimits.defaults().maxTextLength() + 1)));
      assertThatThrownBy(() -> e.executeAll(List.of(ok, tooLong)))
          .isInstanceOf(CommandTooLargeException.class);

      assertThat(store.load()).isEqualTo(before);
      assertThat(e.isBroken()).isFalse();
      assertThat(e.state(fresh.id())).isEmpty();
      assertThat(e.executeAll(List.of(ok)).get(0).accepted()).isTrue();
    }
  }
}
