package org.gridgov.benchmarks.engine;

import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.benchmarks.region.RegionInput;
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
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The simulator's closed loop, one case per operation: {@code advanceTo} before each of Report,
 * Verify, Register, Dispatch by the policy, Accept, Resolve, Check, Close (8 commands, 8 events, 8
 * advances), then {@code release}. The engine runs the shipped example policy ({@link
 * ExamplePolicy}) over the generated Putian-size tree (147,665 regions), the China calendar and a
 * 5/3-working-day SLA policy, and holds {@code openCases} open cases with running clocks in the
 * background. Cases are located at random units, in 9 categories (grid, community and street
 * offices lead), 1 in 20 urgent; time moves 1 ms per command (the background cases never reach a
 * deadline: no SLA events).
 *
 * <p>Score: cases per second; commands per second is 8 times that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaseLoopBenchmark {
  static final Instant START = Instant.parse("2025-03-03T01:00:00Z"); // Mon 09:00 in Shanghai
  private static final String[] CATEGORIES = {
    "0101", "0102", "0201", "0501", "0601", "0402", "5501", "5301", "0301"
  };
  private static final int POOL = 1 << 14;

  @Param({"20000"})
  public int openCases;

  @Param({"65536", "0"})
  public int commandMemory;

  private @Nullable CaseEngine engine;
  private Instant t = START;
  private long n;
  private final List<CaseEvent> sink = new ArrayList<>();
  // per pooled case shape: location, category, priority and the principals acting on it
  private long[] units = new long[0];
  private String[] categories = new String[0];
  private Priority[] priorities = new Priority[0];
  private Principal[] dispatchers = new Principal[0];
  private Principal[] leaders = new Principal[0];

  private static final Principal RESIDENT = Principal.resident("res");

  /** Builds the city, the engine and the background cases once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    RegionTree tree = RegionInput.city("putian");
    RoutingGraph graph = ExamplePolicy.graph(tree);
    CaseEngine engine =
        config(tree, graph).commandMemory(commandMemory).initialCapacity(openCases * 2).build();
    this.engine = engine;
    List<Region> unitRegions = tree.regionsAt(RegionLevel.UNIT);
    SplittableRandom r = new SplittableRandom(20250303L);
    Map<Long, Principal[]> byDistrict = new HashMap<>();
    units = new long[POOL];
    categories = new String[POOL];
    priorities = new Priority[POOL];
    dispatchers = new Principal[POOL];
    leaders = new Principal[POOL];
    for (int i = 0; i < POOL; i++) {
      Region u = unitRegions.get(r.nextInt(unitRegions.size()));
      long district = u.ancestorAt(RegionLevel.DISTRICT).orElseThrow().code();
      Principal[] p =
          byDistrict.computeIfAbsent(
              district,
              d ->
                  new Principal[] {
                    Principal.inRegion("disp-" + d, Role.DISPATCHER, d),
                    Principal.inRegion("lead-" + d, Role.LEADER, d)
                  });
      units[i] = u.code();
      categories[i] = CATEGORIES[r.nextInt(CATEGORIES.length)];
      priorities[i] = r.nextInt(20) == 0 ? Priority.URGENT : Priority.NORMAL;
      dispatchers[i] = p[0];
      leaders[i] = p[1];
    }
    t = START;
    for (int i = 0; i < openCases; i++) {
      int k = i & (POOL - 1);
      CaseId id = CaseId.of("O-" + i);
      CaseFacts f = facts(id, k);
      sink.addAll(
          engine.execute(Command.of("o" + i + "r", RESIDENT, id, t, new Command.Report(f))));
      sink.addAll(
          engine.execute(
              Command.of("o" + i + "v", dispatchers[k], id, t, new Command.Verify(true, ""))));
      sink.addAll(
          engine.execute(Command.of("o" + i + "g", dispatchers[k], id, t, new Command.Register())));
      sink.addAll(
          engine.execute(
              Command.of("o" + i + "d", dispatchers[k], id, t, Command.Dispatch.byPolicy())));
      sink.clear();
    }
    if (engine.openCaseCount() != openCases) {
      throw new IllegalStateException(
          "expected " + openCases + " open cases, got " + engine.openCaseCount());
    }
  }

  static CaseEngine.Builder config(RegionTree tree, RoutingGraph graph) {
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(
                List.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red")))
            .transferRule(TransferRule.RESTART)
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.HANDLE, SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(
                SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4)))
                    .forPriority(Priority.URGENT))
            .rule(
                SlaPolicy.Rule.of(
                        SlaStage.WHOLE_CASE,
                        SlaLimit.workingDays(15, WorkingDayRule.SAME_CLOCK_TIME))
                    .forCategory("06"))
            .build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(ExamplePolicy.policy(graph))
        .slaPolicy(sla)
        .calendar(ChinaCalendar.calendar());
  }

  private CaseFacts facts(CaseId id, int k) {
    return CaseFacts.builder()
        .id(id)
        .categoryCode(categories[k])
        .priority(priorities[k])
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(units[k]))
        .source(CaseSource.GRID_PATROL)
        .build();
  }

  private List<CaseEvent> step(CaseEngine engine, Command c) {
    t = c.at();
    sink.addAll(engine.advanceTo(t));
    List<CaseEvent> out = engine.execute(c);
    sink.addAll(out);
    return out;
  }

  /**
   * One case's closed loop through the engine, then its release.
   *
   * @return the number of events (8, plus any SLA events fired)
   */
  @Benchmark
  public int caseLifecycle() {
    CaseEngine engine = Objects.requireNonNull(this.engine);
    sink.clear();
    long i = n++;
    int k = (int) (i & (POOL - 1));
    CaseId id = CaseId.of("L-" + i);
    String c = "l" + i;
    Principal disp = dispatchers[k];
    var unused1 =
        step(
            engine,
            Command.of(c + "r", RESIDENT, id, t.plusMillis(1), new Command.Report(facts(id, k))));
    var unused2 =
        step(engine, Command.of(c + "v", disp, id, t.plusMillis(1), new Command.Verify(true, "")));
    var unused3 =
        step(engine, Command.of(c + "g", disp, id, t.plusMillis(1), new Command.Register()));
    List<CaseEvent> d =
        step(engine, Command.of(c + "d", disp, id, t.plusMillis(1), Command.Dispatch.byPolicy()));
    String handler = ((EventPayload.Dispatched) d.get(0).payload()).handlerId();
    Principal lead =
        handler.startsWith("office:") ? leaders[k] : Principal.ofDepartment("staff", handler);
    var unused4 =
        step(engine, Command.of(c + "a", lead, id, t.plusMillis(1), new Command.Accept(handler)));
    var unused5 =
        step(
            engine,
            Command.of(c + "s", lead, id, t.plusMillis(1), new Command.Resolve(handler, "done")));
    var unused6 =
        step(engine, Command.of(c + "c", disp, id, t.plusMillis(1), new Command.Check(true, "")));
    var unused7 = step(engine, Command.of(c + "x", disp, id, t.plusMillis(1), new Command.Close()));
    if (!engine.release(id)) {
      throw new IllegalStateException("case " + id + " was not released");
    }
    return sink.size();
  }
}
