package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scorecards (考核) from a live engine's log: equal to the scorecards of the same events replayed
 * case by case, and every figure equal to an independent oracle that recomputes it from each case's
 * events and the lifecycle's own states.
 */
class ScorecardsPropertyTest {
  static final String WEIGHTS =
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

  private static final Principal SUPERVISOR = supervisor();
  private static final List<Satisfaction> SATISFACTIONS =
      List.of(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED);
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};
  private static final String[] CATEGORIES = {"0102", "0301", "0501", "0601"};

  /** Drives a random city for {@code steps} commands; returns the driver with its log. */
  static Driver randomRun(long seed, int steps, int cases) {
    return randomRun(seed, steps, cases, SupervisionTest.POLICY);
  }

  /** As {@link #randomRun(long, int, int)} under another supervision policy. */
  static Driver randomRun(long seed, int steps, int cases, String policy) {
    SplittableRandom r = new SplittableRandom(seed);
    Driver d =
        new Driver(
            Fixture.config().supervisionPolicy(SupervisionPolicy.parse(policy, "policy")).build());
    Instant t = at("2025-03-03T09:00");
    int reported = 0;
    for (int i = 0; i < steps; i++) {
      t = t.plus(Duration.ofMinutes(1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 240)));
      if (reported < cases && (reported == 0 || r.nextInt(4) == 0)) {
        String id = "S-" + reported++;
        long grid = GRIDS[r.nextInt(GRIDS.length)];
        d.run(
            Principal.inRegion("gw", Role.GRID_WORKER, DISTRICT),
            id,
            t,
            new Command.Report(
                facts(id, CATEGORIES[r.nextInt(4)], Priority.NORMAL, CaseSource.APP, grid)));
        continue;
      }
      String id = "S-" + r.nextInt(reported);
      d.advance(t); // deadlines first: the command sees the case as they left it
      CaseState s = d.engine.state(CaseId.of(id)).orElseThrow();
      try {
        step(d, r, id, s, t);
      } catch (CommandRefusedException e) {
        // refused: the engine is unchanged; go on
      }
    }
    return d;
  }

  private static Principal actingFor(String handler) {
    return handler.startsWith("office:")
        ? districtDispatcher()
        : Principal.ofDepartment("staff-" + handler, handler);
  }

  private static void step(Driver d, SplittableRandom r, String id, CaseState s, Instant t) {
    int dice = r.nextInt(10);
    if (dice == 0) {
      d.run(SUPERVISOR, id, t, new Command.OpenSupervision(r.nextBoolean() ? "一般督办" : "重点督办", "x"));
      return;
    } else if (dice == 1) {
      d.run(
          SUPERVISOR,
          id,
          t,
          r.nextBoolean() ? new Command.Urge("快") : new Command.CloseSupervision("ok"));
      return;
    }
    String lead = s.lead().orElse("");
    Principal disp = districtDispatcher();
    // the fixture policy escalates a return to the command centre, whose own return would escalate
    // it to itself (an engine defect reported separately): the command centre never returns here
    boolean mayReturn = !lead.equals(COMMAND_CENTRE);
    switch (s.status()) {
      case REPORTED -> d.run(disp, id, t, new Command.Verify(true, ""));
      case VERIFIED -> d.run(disp, id, t, new Command.Register());
      case REGISTERED -> d.run(disp, id, t, Command.Dispatch.byPolicy());
      case DISPATCHED ->
          d.run(
              actingFor(lead),
              id,
              t,
              mayReturn && r.nextInt(4) == 0
                  ? new Command.Return(lead, "not ours")
                  : new Command.Accept(lead));
      case HANDLING ->
          d.run(
              actingFor(lead),
              id,
              t,
              mayReturn && r.nextInt(5) == 0
                  ? new Command.Return(lead, "not ours")
                  : new Command.Resolve(lead, "done"));
      case RESOLVED -> d.run(disp, id, t, new Command.Check(r.nextInt(3) != 0, "again"));
      case CHECKED -> d.run(disp, id, t, new Command.Close());
      case CLOSED, EVALUATED ->
          d.run(
              disp,
              id,
              t,
              r.nextInt(3) == 0
                  ? Command.Visit.notReached()
                  : Command.Visit.reached(SATISFACTIONS.get(r.nextInt(3))));
      default -> {}
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void liveEqualsReplayed_andEveryFigureEqualsTheOracle(long seed) {
    Driver d = randomRun(seed, 400, 40);
    ScorecardWeights w = ScorecardWeights.parse(WEIGHTS, "weights");
    List<CaseEvent> log = d.log;
    Instant first = log.get(0).at();
    Instant last = log.get(log.size() - 1).at();
    Instant from = first.plus(Duration.between(first, last).dividedBy(5));
    Instant to = last.minus(Duration.between(first, last).dividedBy(6));

    ScorecardTable live = Scorecards.compute(log, from, to, w);

    // replayed: the engine restored from the log is the same, and its log read case by case
    CaseEngine restored =
        CaseEngine.restore(
            Fixture.config()
                .supervisionPolicy(SupervisionPolicy.parse(SupervisionTest.POLICY, "policy")),
            d.facts,
            log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
    Map<CaseId, List<CaseEvent>> byCase = byCase(log);
    List<CaseEvent> replayOrder = new ArrayList<>();
    byCase.values().forEach(replayOrder::addAll);
    assertThat(Scorecards.compute(replayOrder, from, to, w)).isEqualTo(live);
    // fed case by case, keeping nothing per case between cases (as the simulation does)
    Scorecards byCaseAcc = Scorecards.accumulator(from, to, w);
    byCase.values().forEach(byCaseAcc::addCase);
    assertThat(byCaseAcc.table()).isEqualTo(live);

    Map<String, long[]> oracle = oracle(byCase, from, to, w.acceptWithin());
    assertThat(live.rows())
        .extracting(row -> row.card().handlerId())
        .containsExactlyInAnyOrderElementsOf(oracle.keySet());
    for (ScorecardTable.Row row : live.rows()) {
      Scorecard c = row.card();
      long[] o = java.util.Objects.requireNonNull(oracle.get(c.handlerId()));
      assertThat(figures(c)).as("%s seed %s", c.handlerId(), seed).containsExactly(o);
      assertThat(c.composite()).isEqualTo(composite(o, w));
    }
    // and the run exercised what it measures
    assertThat(log.stream().map(CaseEvent::type))
        .contains(
            EventType.SUPERVISION_OPENED,
            EventType.VISITED,
            EventType.CHECK_FAILED,
            EventType.RETURNED);
  }

  private static Map<CaseId, List<CaseEvent>> byCase(List<CaseEvent> log) {
    Map<CaseId, List<CaseEvent>> m = new LinkedHashMap<>();
    for (CaseEvent e : log) {
      m.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  /**
   * received, accepted in time, due, on time, closed, closed on time, rework, rework base, shirks,
   * supervised, answers, satisfied.
   */
  private static long[] figures(Scorecard c) {
    return new long[] {
      c.received(),
      c.acceptedInTime().numerator(),
      c.onTimeHandling().denominator(),
      c.onTimeHandling().numerator(),
      c.onTimeClosing().denominator(),
      c.onTimeClosing().numerator(),
      c.rework().numerator(),
      c.rework().denominator(),
      c.shirks(),
      c.supervised(),
      c.satisfaction().denominator(),
      c.satisfaction().numerator()
    };
  }

  private static java.util.OptionalDouble composite(long[] o, ScorecardWeights w) {
    double[][] terms = {
      {
        w.weight(ScorecardWeights.Indicator.ACCEPTED_IN_TIME),
        o[0] == 0 ? Double.NaN : (double) o[1] / o[0]
      },
      {
        w.weight(ScorecardWeights.Indicator.ON_TIME_HANDLING),
        o[2] == 0 ? Double.NaN : (double) o[3] / o[2]
      },
      {
        w.weight(ScorecardWeights.Indicator.ON_TIME_CLOSING),
        o[4] == 0 ? Double.NaN : (double) o[5] / o[4]
      },
      {
        w.weight(ScorecardWeights.Indicator.REWORK),
        o[7] == 0 ? Double.NaN : 1 - Math.min(1, (double) o[6] / o[7])
      },
      {
        w.weight(ScorecardWeights.Indicator.SHIRKING),
        o[0] == 0 ? Double.NaN : 1 - Math.min(1, (double) o[8] / o[0])
      },
      {
        w.weight(ScorecardWeights.Indicator.SUPERVISED),
        o[0] == 0 ? Double.NaN : 1 - Math.min(1, (double) o[9] / o[0])
      },
      {
        w.weight(ScorecardWeights.Indicator.SATISFACTION),
        o[10] == 0 ? Double.NaN : (double) o[11] / o[10]
      },
    };
    double sum = 0;
    double ws = 0;
    for (double[] term : terms) {
      if (term[0] > 0 && !Double.isNaN(term[1])) {
        sum += term[0] * term[1];
        ws += term[0];
      }
    }
    return ws > 0 ? java.util.OptionalDouble.of(100 * sum / ws) : java.util.OptionalDouble.empty();
  }

  private static boolean isAssignment(CaseEvent e) {
    return (e.payload() instanceof EventPayload.Dispatched x && x.role() == HandlerRole.LEAD)
        || e.payload() instanceof EventPayload.Escalated;
  }

  private static String assignee(CaseEvent e) {
    return e.payload() instanceof EventPayload.Dispatched x
        ? x.handlerId()
        : ((EventPayload.Escalated) e.payload()).toHandlerId();
  }

  /**
   * The oracle: per case, the lifecycle's state before each event says who leads; holdings,
   * segments and answers are found by searching the case's event list, not by streaming flags.
   */
  static Map<String, long[]> oracle(
      Map<CaseId, List<CaseEvent>> byCase, Instant from, Instant to, Duration acceptWithin) {
    Map<String, long[]> m = new HashMap<>();
    for (Map.Entry<CaseId, List<CaseEvent>> en : byCase.entrySet()) {
      List<CaseEvent> all = en.getValue();
      List<CaseEvent> ev = all.stream().filter(e -> e.at().isBefore(to)).toList();
      List<CaseState> before = new ArrayList<>();
      CaseState st = CaseLifecycle.initial(en.getKey());
      for (CaseEvent e : ev) {
        before.add(st);
        st = CaseLifecycle.apply(st, e);
      }
      for (int i = 0; i < ev.size(); i++) {
        CaseEvent e = ev.get(i);
        boolean inW = !e.at().isBefore(from);
        Optional<String> lead = before.get(i).lead();
        Optional<String> leadOrLastCloser = lead.isPresent() ? lead : lastCloser(ev, before, i);
        if (isAssignment(e)) {
          String h = assignee(e);
          // the holding lasts until the next assignment, return or closing
          int end = i + 1;
          while (end < ev.size() && !endsHolding(ev.get(end))) {
            end++;
          }
          if (inW) {
            long[] a = fig(m, h);
            a[0]++;
            for (int j = i + 1; j < end; j++) {
              if (ev.get(j).payload() instanceof EventPayload.Accepted ac
                  && ac.handlerId().equals(h)) {
                if (Duration.between(e.at(), ev.get(j).at()).compareTo(acceptWithin) <= 0) {
                  a[1]++;
                }
                break;
              }
            }
          }
          // segments of the holding: split at failed checks
          int segStart = i;
          for (int j = i + 1; j <= end; j++) {
            if (j == end || ev.get(j).type() == EventType.CHECK_FAILED) {
              segment(m, ev, h, segStart, j, from);
              segStart = j;
            }
          }
        }
        switch (e.type()) {
          case CLOSED -> {
            if (inW && lead.isPresent()) {
              long[] a = fig(m, lead.get());
              a[4]++;
              Optional<Instant> due = before.get(i).dueAt();
              if (due.isEmpty() || !e.at().isAfter(due.get())) {
                a[5]++;
              }
            }
          }
          case CHECK_PASSED, CHECK_FAILED -> {
            if (inW && lead.isPresent()) {
              long[] a = fig(m, lead.get());
              a[7]++;
              if (e.type() == EventType.CHECK_FAILED) {
                a[6]++;
              }
            }
          }
          case REOPENED -> {
            Optional<String> closer = lastCloser(ev, before, i);
            if (inW && closer.isPresent()) {
              long[] a = fig(m, closer.get());
              a[6]++;
              a[7]++;
            }
          }
          case RETURNED -> {
            String h = ((EventPayload.Returned) e.payload()).handlerId();
            for (int j = i + 1; j < ev.size(); j++) {
              if (isAssignment(ev.get(j))) {
                if (inW && assignee(ev.get(j)).equals(h)) {
                  fig(m, h)[8]++;
                }
                break;
              }
            }
          }
          case SUPERVISION_OPENED -> {
            if (inW && leadOrLastCloser.isPresent()) {
              fig(m, leadOrLastCloser.get())[9]++;
            }
          }
          case VISITED, EVALUATED -> {
            Optional<Satisfaction> answer =
                e.payload() instanceof EventPayload.Visited v
                    ? v.satisfaction()
                    : Optional.of(((EventPayload.Evaluated) e.payload()).satisfaction());
            if (inW && answer.isPresent() && leadOrLastCloser.isPresent()) {
              long[] a = fig(m, leadOrLastCloser.get());
              a[10]++;
              if (answer.get() != Satisfaction.DISSATISFIED) {
                a[11]++;
              }
            }
          }
          default -> {}
        }
      }
    }
    return m;
  }

  /** The first resolution or lead-clock breach of a segment decides it, if it lies in W. */
  private static void segment(
      Map<String, long[]> m, List<CaseEvent> ev, String h, int start, int end, Instant from) {
    for (int j = start + 1; j < end; j++) {
      CaseEvent e = ev.get(j);
      boolean resolved = e.type() == EventType.RESOLVED;
      boolean breach =
          e.payload() instanceof EventPayload.SlaBreached b && b.clockId().equals("lead");
      if (resolved || breach) {
        if (!e.at().isBefore(from)) {
          long[] a = fig(m, h);
          a[2]++;
          if (resolved) {
            a[3]++;
          }
        }
        return;
      }
    }
  }

  private static boolean endsHolding(CaseEvent e) {
    return isAssignment(e) || e.type() == EventType.RETURNED || e.type() == EventType.CLOSED;
  }

  private static Optional<String> lastCloser(List<CaseEvent> ev, List<CaseState> before, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (ev.get(j).type() == EventType.CLOSED) {
        return before.get(j).lead();
      }
    }
    return Optional.empty();
  }

  private static long[] fig(Map<String, long[]> m, String h) {
    return m.computeIfAbsent(h, k -> new long[12]);
  }
}
