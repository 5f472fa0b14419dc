package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several writers on one database: one writer per partition, time per partition, fencing. */
class PartitionedWritersTest {
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /** Report, verify, register, dispatch: the case's SLA clocks run from then on. */
  static List<Command> lifecycle(String caseId, long grid, String at) {
    CaseFacts f = StoreFixture.facts(caseId, "0102", Priority.NORMAL, grid);
    return List.of(
        Command.of(
            caseId + "-1",
            Principal.inRegion("gw-" + grid, Role.GRID_WORKER, grid),
            f.id(),
            at(at + "T09:00"),
            new Command.Report(f)),
        Command.of(caseId + "-2", DISP, f.id(), at(at + "T09:05"), new Command.Verify(true, "")),
        Command.of(caseId + "-3", DISP, f.id(), at(at + "T09:10"), new Command.Register()),
        Command.of(caseId + "-4", DISP, f.id(), at(at + "T09:11"), Command.Dispatch.byPolicy()));
  }

  /**
   * Issue 16: two DurableCaseEngines on one database. B (no cases) advances far; before the fix it
   * moved the store's time past A's deadlines without their SLA events, and reopening threw
   * CorruptStoreException.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void secondWriterCannotMoveTheStorePastTheFirstWritersDeadlines(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    EngineSnapshot live;
    Throwable second;
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, config());
      second =
          catchThrowable(
              () -> {
                DurableCaseEngine eb = DurableCaseEngine.open(b, config());
                for (Command c : lifecycle("A", GRID1, "2025-03-03")) {
                  var unused = ea.execute(c);
                }
                var unused = eb.advanceTo(at("2025-03-20T09:00"));
              });
      if (second != null) {
        for (Command c : lifecycle("A", GRID1, "2025-03-03")) {
          var unused = ea.execute(c);
        }
      }
      live = ea.snapshot();
    }
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine reopened = DurableCaseEngine.open(store, config());
      assertThat(reopened.snapshot()).isEqualTo(live);
      assertThat(reopened.now()).contains(at("2025-03-03T09:11"));
    }
    assertThat(second)
        .as("the second writer of the same (default) partition is refused at open")
        .isInstanceOfSatisfying(
            PartitionLeaseHeldException.class,
            e -> {
              assertThat(e.partition()).isEqualTo(Partition.DEFAULT);
              assertThat(e.holderToken()).isEqualTo(1);
            })
        .hasMessageContaining("partition _default is held by another writer (lease token 1)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void writersOfDifferentPartitionsKeepTheirOwnTime(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Partition north = Partition.of("north");
    Partition south = Partition.district(DISTRICT);
    EngineSnapshot liveNorth;
    EngineSnapshot liveSouth;
    CaseEngine plainNorth = config().build();
    List<CaseEvent> northLog = new ArrayList<>();
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, north, config());
      DurableCaseEngine eb = DurableCaseEngine.open(b, south, config());
      assertThat(ea.partition()).isEqualTo(north);
      assertThat(eb.partition()).isEqualTo(south);
      List<Command> na = lifecycle("N", GRID1, "2025-03-03");
      List<Command> sb = lifecycle("S", GRID2, "2025-03-03");
      for (int i = 0; i < na.size(); i++) {
        northLog.addAll(ea.execute(na.get(i)));
        var unused = eb.execute(sb.get(i));
        var unused2 = plainNorth.advanceTo(na.get(i).at());
        var unused3 = plainNorth.execute(na.get(i));
      }
      List<CaseEvent> southFired = eb.advanceTo(at("2025-03-20T09:00"));
      assertThat(southFired).as("S's clocks fired in S's partition").isNotEmpty();
      assertThat(southFired).allMatch(e -> e.caseId().value().equals("S"));
      liveNorth = ea.snapshot();
      liveSouth = eb.snapshot();
      assertThat(a.load(north).now()).contains(at("2025-03-03T09:11"));
      assertThat(a.load(south).now()).contains(at("2025-03-20T09:00"));
      assertThat(a.load(north).events()).isEqualTo(northLog);
      StoredLog whole = a.load();
      assertThat(whole.events())
          .as("the whole store is one gap-free log of both partitions")
          .hasSize(northLog.size() + b.load(south).events().size());
    }
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, north, config());
      DurableCaseEngine eb = DurableCaseEngine.open(b, south, config());
      assertThat(ea.snapshot()).isEqualTo(liveNorth).isEqualTo(plainNorth.snapshot());
      assertThat(eb.snapshot()).isEqualTo(liveSouth);
      assertThat(ea.now()).contains(at("2025-03-03T09:11"));
      assertThat(ea.lease().token()).as("a reopened partition gets a new token").isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void secondWriterOfAPartitionIsRefusedUntilTheFirstCloses(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Partition p = Partition.district(DISTRICT);
    try (EventStore b = StoreFixture.open(url)) {
      try (EventStore a = StoreFixture.open(url)) {
        DurableCaseEngine ea = DurableCaseEngine.open(a, p, config());
        var unused = ea.execute(lifecycle("A", GRID1, "2025-03-03").get(0));
        assertThatThrownBy(() -> DurableCaseEngine.open(b, p, config()))
            .isInstanceOfSatisfying(
                PartitionLeaseHeldException.class,
                e -> {
                  assertThat(e.partition()).isEqualTo(p);
                  assertThat(e.holderToken()).isEqualTo(1);
                })
            .hasMessageContaining("partition 350302")
            .hasMessageContaining("lease token 1");
        assertThat(b.lease()).isEmpty();
      }
      DurableCaseEngine eb = DurableCaseEngine.open(b, p, config());
      assertThat(eb.lease().token()).isEqualTo(2);
      assertThat(eb.state(CaseId.of("A"))).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void writerWhoseLeaseWasTakenOverIsFencedAndWritesNothing(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Partition p = Partition.of("street-1");
    List<Command> cmds = lifecycle("A", GRID1, "2025-03-03");
    try (EventStore a = StoreFixture.open(url);
        EventStore c = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, p, config());
      var unused = ea.execute(cmds.get(0));
      StoredLog before = c.load();
      PartitionLease taken = c.takeOver(p);
      assertThat(taken.token()).isEqualTo(2);

      assertThatThrownBy(() -> ea.execute(cmds.get(1)))
          .isInstanceOfSatisfying(
              PartitionFencedException.class,
              e -> {
                assertThat(e.partition()).isEqualTo(p);
                assertThat(e.ownToken()).isEqualTo(1);
                assertThat(e.currentToken()).isEqualTo(2);
              })
          .hasMessageContaining("partition street-1 with lease token 1 is fenced")
          .hasMessageContaining("nothing was written");
      assertThatThrownBy(() -> ea.advanceTo(at("2025-03-20T09:00")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(ea.isBroken()).isTrue();
      assertThat(c.load()).isEqualTo(before);

      DurableCaseEngine ec = DurableCaseEngine.open(c, p, config());
      assertThat(ec.lease().token()).as("the taker keeps its token").isEqualTo(2);
      assertThat(ec.execute(cmds.get(1))).isNotEmpty();
    }
  }
}
