package org.gridgov.examples.scorecards;

import com.google.common.primitives.ImmutableLongArray;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.CommandRefusedException;
import org.gridgov.engine.Principal;
import org.gridgov.engine.SupervisionPolicy;
import org.gridgov.metrics.HotSpots;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

/**
 * For command centres: the month's scorecards (考核) as CSV and as an SVG chart, and its hot spots
 * (高发点位) as CSV, from an event log alone — here the log of a small simulated district over two
 * months (some cases handled in time, some left to breach and escalate, repeat reports, visits).
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.scorecards.ScorecardExport} (writes to {@code
 * target/scorecards}, or the directory given as the first argument).
 */
public final class ScorecardExport {
  /** The zone months are counted in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The weights of the composite: data, not code. */
  public static final String WEIGHTS =
      """
      accept-within PT2H
      weight accepted-in-time 0.1
      weight on-time-handling 0.25
      weight on-time-closing 0.2
      weight rework 0.15
      weight shirking 0.1
      weight supervised 0.1
      weight satisfaction 0.1
      """;

  /** The reporters' phone number in the demo: personal data that no output may contain. */
  static final String REPORTER_PHONE = "13800138000";

  private static final long DISTRICT = 350302L;
  private static final long[] GRIDS = {
    350302001001001L, 350302001001002L, 350302001002001L, 350302001002002L
  };

  private static final String[] CATEGORIES = {"0101", "0102", "0201", "0301", "0401", "0501"};

  private ScorecardExport() {}

  /**
   * Runs the demo and writes its files.
   *
   * @param args the output directory (default {@code target/scorecards})
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/scorecards");
    Demo demo = Demo.run(11);
    for (Path p :
        export(
            demo.log(),
            demo.facts(),
            List.of(YearMonth.of(2025, 3), YearMonth.of(2025, 4)),
            ScorecardWeights.parse(WEIGHTS, "weights"),
            dir)) {
      System.out.println(p);
    }
  }

  /**
   * Writes, per month, {@code scorecards-YYYY-MM.csv} ({@link ScorecardTable#toCsv}), {@code
   * scorecards-YYYY-MM.svg} ({@link ScorecardChart}) and {@code hotspots-YYYY-MM.csv} (units with
   * at least two reports, {@link HotSpots}).
   *
   * @param log the event log (each case's events in order, cases interleaved in any way)
   * @param facts the facts of every case in the log
   * @param months the months, in {@link #ZONE}
   * @param weights the composite's weights
   * @param dir the directory, created if missing
   * @return the files written, in order
   * @throws IOException if a file cannot be written
   */
  public static List<Path> export(
      List<CaseEvent> log,
      Map<CaseId, CaseFacts> facts,
      List<YearMonth> months,
      ScorecardWeights weights,
      Path dir)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (YearMonth m : months) {
      Instant from = m.atDay(1).atStartOfDay(ZONE).toInstant();
      Instant to = m.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
      ScorecardTable table = Scorecards.compute(log, from, to, weights);
      out.add(write(dir.resolve("scorecards-" + m + ".csv"), table.toCsv()));
      out.add(
          write(dir.resolve("scorecards-" + m + ".svg"), ScorecardChart.svg(table, m.toString())));
      out.add(
          write(
              dir.resolve("hotspots-" + m + ".csv"),
              HotSpots.toCsv(HotSpots.compute(log, facts, from, to, 2, true))));
    }
    return out;
  }

  private static Path write(Path p, String text) throws IOException {
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /**
   * The demo's log and facts.
   *
   * @param log every event the engine returned, in order
   * @param facts the facts of every case
   */
  public record Demo(List<CaseEvent> log, Map<CaseId, CaseFacts> facts) {
    /**
     * Runs the demo district for two months.
     *
     * @param seed the random seed
     * @return the log and facts
     */
    public static Demo run(long seed) {
      return new DemoRun(seed).run();
    }
  }

  /** The scripted district: reports, handling by the offices, breaches, visits. */
  private static final class DemoRun {
    private final SplittableRandom random;
    private final CaseEngine engine = engine();
    private final List<CaseEvent> log = new ArrayList<>();
    private final Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    private final Principal centre = Principal.inRegion("centre-1", Role.DISPATCHER, DISTRICT);
    private int commands;

    DemoRun(long seed) {
      this.random = new SplittableRandom(seed);
    }

    Demo run() {
      Instant t = LocalDate.of(2025, 3, 3).atTime(9, 0).atZone(ZONE).toInstant();
      Instant end = LocalDate.of(2025, 4, 30).atTime(18, 0).atZone(ZONE).toInstant();
      int reported = 0;
      while (t.isBefore(end)) {
        t = t.plus(Duration.ofMinutes(20 + random.nextInt(180)));
        log.addAll(engine.advanceTo(t));
        if (reported == 0 || random.nextInt(6) == 0) {
          report("C-" + reported++, t);
        } else {
          step(CaseId.of("C-" + (reported - 1 - random.nextInt(Math.min(reported, 12)))), t);
        }
      }
      return new Demo(List.copyOf(log), Map.copyOf(facts));
    }

    private void report(String id, Instant t) {
      CaseFacts f =
          CaseFacts.builder()
              .id(CaseId.of(id))
              .categoryCode(CATEGORIES[random.nextInt(CATEGORIES.length)])
              .priority(Priority.NORMAL)
              .kind(CaseKind.IMMEDIATE)
              .source(CaseSource.APP)
              .locationCodes(ImmutableLongArray.of(GRIDS[random.nextInt(GRIDS.length)]))
              .reporter(PersonalData.of("张三", REPORTER_PHONE))
              .build();
      facts.put(f.id(), f);
      run(Principal.resident("r-" + id), f.id(), t, new Command.Report(f));
    }

    private void step(CaseId id, Instant t) {
      CaseState s = engine.state(id).orElseThrow();
      String lead = s.lead().orElse("");
      int dice = random.nextInt(10);
      Command.@Nullable Action a =
          switch (s.status()) {
            case REPORTED -> new Command.Verify(true, "");
            case VERIFIED -> new Command.Register();
            case REGISTERED -> Command.Dispatch.byPolicy();
            case DISPATCHED ->
                dice == 0 ? new Command.Return(lead, "不属于本单位") : new Command.Accept(lead);
            case HANDLING -> new Command.Resolve(lead, "已处置");
            case RESOLVED -> new Command.Check(dice > 3, "未整改到位");
            case CHECKED -> new Command.Close();
            case CLOSED ->
                Command.Visit.reached(
                    dice < 6
                        ? Satisfaction.SATISFIED
                        : dice < 9 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.DISSATISFIED);
            default -> null;
          };
      if (a != null) {
        run(centre, id, t, a);
      }
    }

    private void run(Principal who, CaseId id, Instant t, Command.Action a) {
      try {
        log.addAll(engine.execute(Command.of("cmd-" + ++commands, who, id, t, a)));
      } catch (CommandRefusedException e) {
        // refused (e.g. a return the policy cannot route): nothing changed; the demo goes on
      }
    }

    private static CaseEngine engine() {
      RegionTree tree =
          RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
              .addDistrict(DISTRICT, "城厢区")
              .add(RegionLevel.STREET, 350302001L, DISTRICT, "霞林街道")
              .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
              .add(RegionLevel.GRID, GRIDS[0], 350302001001L, "第一网格")
              .add(RegionLevel.GRID, GRIDS[1], 350302001001L, "第二网格")
              .add(RegionLevel.COMMUNITY, 350302001002L, 350302001L, "荔园社区")
              .add(RegionLevel.GRID, GRIDS[2], 350302001002L, "第一网格")
              .add(RegionLevel.GRID, GRIDS[3], 350302001002L, "第二网格")
              .build();
      RoutingGraph graph = RoutingGraph.builder(tree).build();
      return CaseEngine.builder()
          .regionTree(tree)
          .routingGraph(graph)
          .routingPolicy(
              PolicyTable.parse(
                      new StringReader(
                          """
                          category,region,priority,point,holder,action
                          *,*,*,NEW_CASE,none,assign office@GRID
                          *,*,*,BREACH,*,escalate
                          *,*,*,RETURN,*,escalate
                          """),
                      "policy.csv")
                  .compile(graph))
          .slaPolicy(
              SlaPolicy.parse(
                  new StringReader(
                      """
                      levels     yellow@0.8 red@1.0
                      transfer   RESTART
                      handle     * * * working PT8H
                      whole-case * * * working-days 5 end-of-working-day
                      """),
                  "sla.txt"))
          .calendar(ChinaCalendar.calendar())
          .supervisionPolicy(
              SupervisionPolicy.parse(
                  """
                  level 一般督办 working-days 2 same-clock-time
                  level 重点督办 natural PT24H
                  auto breaches 2 一般督办
                  repeat window P30D reopen
                  visit dissatisfied reopen
                  """,
                  "supervision.txt"))
          .build();
    }
  }

  /**
   * Reads a file the export wrote, for tests and callers.
   *
   * @param p the file
   * @return its text
   */
  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
