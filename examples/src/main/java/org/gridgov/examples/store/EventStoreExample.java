package org.gridgov.examples.store;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.gridgov.store.jdbc.AppendConflictException;
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.gridgov.store.jdbc.StoredLog;

/**
 * For embedders: the case engine over a real database. Runs a case through a {@link
 * DurableCaseEngine}, "crashes" (drops the engine without closing anything), opens the store again,
 * retries the last command (recognised: no new event), continues, and shows a stale writer being
 * refused.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.store.EventStoreExample} (H2 in a new temporary directory),
 * or with {@code -Dexec.args=jdbc:postgresql://127.0.0.1:5432/gridgov?user=gridgov} for PostgreSQL.
 */
public final class EventStoreExample {
  private EventStoreExample() {}

  /**
   * Runs the example.
   *
   * @param args optionally a JDBC URL; without it, an H2 database in a new temporary directory
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String url =
        args.length > 0
            ? args[0]
            : EventStore.h2Url(Files.createTempDirectory("gridgov-store-example"));
    var unused = run(url, out);
  }

  /**
   * The engine configuration: a street with two grids, the shipped example routing policy, 5
   * working days.
   */
  static CaseEngine.Builder config() {
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, 350302001001001L, 350302001001L, "第一网格")
            .add(RegionLevel.GRID, 350302001001002L, 350302001001L, "第二网格")
            .build();
    RoutingGraph graph = ExamplePolicy.graph(tree);
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(
                List.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red")))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.HANDLE, SlaLimit.workingDays(2, WorkingDayRule.SAME_CLOCK_TIME)))
            .build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(ExamplePolicy.policy(graph))
        .slaPolicy(sla)
        .calendar(ChinaCalendar.calendar());
  }

  private static Instant at(String localShanghai) {
    return OffsetDateTime.parse(localShanghai + "+08:00").toInstant();
  }

  /**
   * Runs the example against a store, printing what it does.
   *
   * @param url the JDBC URL of the store (an empty database)
   * @param out where to print
   * @return the final stored log, for tests
   */
  static StoredLog run(String url, PrintStream out) {
    // tag::event-store[]
    CaseId id = CaseId.of("2025-0303-0001");
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.COMMITTED)
            .source(CaseSource.GRID_PATROL)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .build();
    Command dispatch =
        Command.of(
            "cmd-4",
            Principal.inRegion("disp-1", Role.DISPATCHER, 350302L),
            id,
            at("2025-03-03T09:10"),
            Command.Dispatch.byPolicy());

    try (HikariDataSource pool = pool(url)) {
      return run(pool, id, facts, dispatch, out);
    }
    // end::event-store[]
  }

  /**
   * A HikariCP pool for the store: the production shape (the store holds one of its connections
   * while open).
   */
  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    config.setPoolName("gridgov-store-example");
    return new HikariDataSource(config);
  }

  private static StoredLog run(
      DataSource pool, CaseId id, CaseFacts facts, Command dispatch, PrintStream out) {
    Principal worker = Principal.inRegion("gw-1", Role.GRID_WORKER, 350302001001001L);
    Principal dispatcher = Principal.inRegion("disp-1", Role.DISPATCHER, 350302L);
    try (EventStore store = EventStore.open(pool)) {
      out.printf("opened %s%n", store);
      DurableCaseEngine engine =
          DurableCaseEngine.open(store, config()); // an empty store: a fresh engine
      var unused =
          engine.execute(
              Command.of("cmd-1", worker, id, at("2025-03-03T09:00"), new Command.Report(facts)));
      unused =
          engine.execute(
              Command.of(
                  "cmd-2", worker, id, at("2025-03-03T09:05"), new Command.Verify(true, "")));
      unused =
          engine.execute(
              Command.of("cmd-3", dispatcher, id, at("2025-03-03T09:10"), new Command.Register()));
      ImmutableList<CaseEvent> dispatched = engine.execute(dispatch); // one transaction per command
      out.printf("dispatched: %s%n", dispatched.get(dispatched.size() - 1).payload());
      // The process "crashes" here: the engine is dropped; everything it returned is already
      // committed.
    }

    try (EventStore store = EventStore.open(pool)) {
      DurableCaseEngine engine =
          DurableCaseEngine.open(store, config()); // CaseEngine.restore from the store
      out.printf(
          "restored: case %s is %s, store's last command %s%n",
          id, engine.state(id).orElseThrow().status(), store.load().lastCommandId().orElseThrow());

      // A retry of the last command after the restart (its caller never saw the answer) is
      // recognised.
      ImmutableList<CaseEvent> retried = engine.execute(dispatch);
      out.printf(
          "retry of %s: %d stored event(s) returned, %d events in the store%n",
          dispatch.commandId(), retried.size(), store.load().events().size());

      // The holder returns the case: the example policy sends it to the department that owns
      // category 01.
      String office = CaseEngine.officeOf(350302001001001L);
      ImmutableList<CaseEvent> returned =
          engine.execute(
              Command.of(
                  "cmd-5",
                  worker,
                  id,
                  at("2025-03-03T10:00"),
                  new Command.Return(office, "needs enforcement powers")));
      out.printf("returned, now: %s%n", returned.get(returned.size() - 1).payload());

      // Optimistic concurrency: a writer that still believes the case ends at sequence 4 is
      // refused.
      CaseEvent stale =
          CaseEvent.of(
              id,
              5,
              at("2025-03-03T10:01"),
              org.gridgov.casefile.Actor.of("someone-else", Role.DISPATCHER),
              new org.gridgov.casefile.EventPayload.Suspended("stale writer"));
      try {
        var unused = store.append(List.of(stale), List.of(), stale.at());
      } catch (AppendConflictException e) {
        out.printf("refused: %s%n", e.getMessage());
      }
      StoredLog log = store.load();
      out.printf(
          "the store holds %d events of %d case(s)%n", log.events().size(), log.facts().size());
      return log;
    }
  }
}
