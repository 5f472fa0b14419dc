package org.gridgov.benchmarks.store;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
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
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The event store's throughput on {@code db} = {@code h2} (a file database in a new temporary
 * directory) or {@code pg} (a new schema in the database at the environment variable {@code
 * GRIDGOV_PG_URL}), one writer.
 *
 * <ul>
 *   <li>{@link #appendOneEvent}: one transaction appending one event (one case in 20 starts with
 *       its facts row): appends per second.
 *   <li>{@link #durableCommands}: one case's life (report, verify, register, dispatch by the
 *       example policy, accept, resolve, check, close: 8 commands, 8 events) through {@code
 *       DurableCaseEngine}: per command, a look-up of its id and one transaction. Score per
 *       command.
 *   <li>{@link #engineOnly}: baseline in the same run, the same 8 commands on the in-memory engine
 *       alone.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventStoreBenchmark {
  private static final long DISTRICT = 350302L;
  private static final long[] GRIDS = {350302001001001L, 350302001001002L, 350302001002001L};
  private static final Instant START =
      Instant.parse("2025-03-03T01:00:00Z"); // Mon 09:00 in Shanghai
  private static final Principal RESIDENT = Principal.resident("res");
  private static final Principal DISPATCHER = Principal.inRegion("disp", Role.DISPATCHER, DISTRICT);
  private static final Principal LEADER = Principal.inRegion("lead", Role.LEADER, DISTRICT);
  private static final Actor ACTOR = Actor.of("disp", Role.DISPATCHER);

  /** The database: {@code h2} or {@code pg}. */
  @Param({"h2", "pg"})
  public String db = "h2";

  private @Nullable Path dir;
  private @Nullable EventStore rawStore;
  private @Nullable EventStore engineStore;
  private @Nullable DurableCaseEngine durable;
  private CaseEngine plain = config().build();
  private Instant t = START;
  private int lives;
  private int appended;

  /**
   * Opens two fresh stores (one for raw appends, one for the durable engine) and a fresh in-memory
   * engine.
   *
   * @throws IOException if the H2 directory cannot be created
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (db.equals("h2")) {
      dir = Files.createTempDirectory("gridgov-store-bench");
      rawStore = EventStore.open(h2(EventStore.h2Url(dir.resolve("raw"))));
      engineStore = EventStore.open(h2(EventStore.h2Url(dir.resolve("engine"))));
    } else {
      rawStore = EventStore.open(pg(freshPgSchema("raw")));
      engineStore = EventStore.open(pg(freshPgSchema("engine")));
    }
    durable = DurableCaseEngine.open(engineStore, config());
    plain = config().build();
    t = START;
    lives = 0;
    appended = 0;
  }

  /**
   * Closes the stores and deletes the H2 directory.
   *
   * @throws IOException if the H2 directory cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (rawStore != null) {
      rawStore.close();
    }
    if (engineStore != null) {
      engineStore.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * One event in one transaction.
   *
   * @return the log position written
   */
  @Benchmark
  public long appendOneEvent() {
    int n = appended++;
    int seq = n % 20 + 1;
    CaseId id = CaseId.of("B-" + n / 20);
    Instant at = START.plusMillis(n);
    EventStore store = Objects.requireNonNull(rawStore);
    if (seq == 1) {
      CaseEvent reported = CaseEvent.of(id, 1, at, ACTOR, new EventPayload.Reported());
      return store.append(List.of(reported), List.of(facts(id.value(), n)), at);
    }
    CaseEvent ev =
        CaseEvent.of(id, seq, at, ACTOR, new EventPayload.Suspended("waiting for parts"));
    return store.append(List.of(ev), List.of(), at);
  }

  /**
   * One case's life, 8 commands, through the durable engine (score per command).
   *
   * @return the number of events stored
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public int durableCommands() {
    DurableCaseEngine e = Objects.requireNonNull(durable);
    int events = 0;
    for (Command c : life()) {
      events += e.execute(c).size();
    }
    return events;
  }

  /**
   * Baseline: the same 8 commands through the in-memory engine (score per command).
   *
   * @return the number of events
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public int engineOnly() {
    int events = 0;
    for (Command c : life()) {
      events += plain.advanceTo(c.at()).size() + plain.execute(c).size();
    }
    return events;
  }

  private List<Command> life() {
    t = t.plusMillis(1);
    return life(++lives, t);
  }

  /**
   * The eight commands of one case's life, from report to close, all at {@code t}: the workload
   * this benchmark and {@link StoreBatchingBenchmark} share.
   */
  static List<Command> life(int n, Instant t) {
    CaseFacts f = facts("L-" + n, n);
    CaseId id = f.id();
    String office = CaseEngine.officeOf(f.locationCodes().get(0));
    String p = "l" + n;
    List<Command> out = new ArrayList<>(8);
    out.add(Command.of(p + "r", RESIDENT, id, t, new Command.Report(f)));
    out.add(Command.of(p + "v", DISPATCHER, id, t, new Command.Verify(true, "")));
    out.add(Command.of(p + "g", DISPATCHER, id, t, new Command.Register()));
    out.add(Command.of(p + "d", DISPATCHER, id, t, Command.Dispatch.byPolicy()));
    out.add(Command.of(p + "a", LEADER, id, t, new Command.Accept(office)));
    out.add(Command.of(p + "s", LEADER, id, t, new Command.Resolve(office, "done")));
    out.add(Command.of(p + "c", DISPATCHER, id, t, new Command.Check(true, "")));
    out.add(Command.of(p + "x", DISPATCHER, id, t, new Command.Close()));
    return out;
  }

  static CaseFacts facts(String id, int n) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0102") // the example policy: the grid's office
        .priority(Priority.NORMAL)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(GRIDS[n % GRIDS.length]))
        .source(CaseSource.APP)
        .build();
  }

  /** The engine both store benchmarks run: a street of three grids, the example policy. */
  static CaseEngine.Builder config() {
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(DISTRICT, "城厢区")
            .add(RegionLevel.STREET, 350302001L, DISTRICT, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "第1社区")
            .add(RegionLevel.GRID, GRIDS[0], 350302001001L, "第1网格")
            .add(RegionLevel.GRID, GRIDS[1], 350302001001L, "第2网格")
            .add(RegionLevel.COMMUNITY, 350302001002L, 350302001L, "第2社区")
            .add(RegionLevel.GRID, GRIDS[2], 350302001002L, "第1网格")
            .build();
    RoutingGraph graph = ExamplePolicy.graph(tree);
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(
                ImmutableList.of(
                    WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red")))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.HANDLE, SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME)))
            .build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(ExamplePolicy.policy(graph))
        .slaPolicy(sla)
        .calendar(ChinaCalendar.calendar());
  }

  private static String freshPgSchema(String name) {
    String base = System.getenv("GRIDGOV_PG_URL");
    if (base == null || base.isBlank()) {
      throw new IllegalStateException(
          "db=pg needs GRIDGOV_PG_URL, e.g. jdbc:postgresql://127.0.0.1:5432/gridgov?user=g");
    }
    String schema = String.format(Locale.ROOT, "bench_%s_%d", name, ProcessHandle.current().pid());
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      var unused = st.executeUpdate("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      unused = st.executeUpdate("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot create schema " + schema, e));
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return ds;
  }

  private static DataSource pg(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }
}
