package org.gridgov.simulation.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.CommandId;
import org.gridgov.engine.CommandRefusedException;
import org.gridgov.engine.Principal;
import org.gridgov.engine.RoutingFailedException;
import org.gridgov.engine.SupervisionPolicy;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;
import org.gridgov.metrics.IndicatorReport;
import org.gridgov.metrics.Rate;
import org.gridgov.metrics.Scorecards;
import org.gridgov.simulation.LevelScorecard;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.RandomStreams;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.SupervisionMechanism;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One replication: the discrete-event simulation of a prepared scenario over a fresh {@link
 * CaseEngine}.
 *
 * <p>Kernel events: arrivals, service ends, checks (check and close after a resolution) and
 * wake-ups (a station's staff come on duty). Before every engine command at instant {@code t} the
 * engine is advanced to {@code t}; the events it returns (SLA warnings and breaches, escalations)
 * are appended to the cases' logs, and a waiting case escalated by a breach moves to its new lead's
 * queue.
 */
public final class Replication {
  private static final int ARRIVAL = 0;
  private static final int SERVICE_END = 1;
  private static final int CHECK = 2;
  private static final int WAKE = 3;
  private static final int LATENT_REPORT = 4;
  private static final int RESUME = 5;
  private static final int VISIT = 6;
  private static final int REPEAT = 7;
  private static final int ARRIVE_ON_SITE = 8;
  private static final int URGE = 9;
  private static final int HANDOVER = 10;
  private static final int STALL = 11;

  private static final Principal RESIDENT = Principal.resident("resident");

  /** Cases the engine keeps as records: above the open cases of a Putian-size city. */
  private static final int HOT_CASES = 1 << 17;

  /** Measured case files handed to the filing thread at a time. */
  private static final int FILE_BATCH = 1024;

  private static final CommandId CMD = CommandId.of("sim");

  private final PreparedScenario p;
  private final CityModel city;
  private final Progress progress;
  private final @Nullable Consumer<CaseFile> observer;
  private final String parameterValue;
  private final int replication;
  private final CaseEngine engine;
  private final EventList events = new EventList(1 << 12);

  private final SplittableRandom arrivals;
  private final SplittableRandom choice;
  private final SplittableRandom service;
  private final SplittableRandom travel;
  private final SplittableRandom solve;
  private final SplittableRandom check;
  private final SplittableRandom patrolDraws;
  // Mechanisms (issue #22): null when the mechanism is off, so no stream is drawn from.
  private final @Nullable SplittableRandom rework;
  private final double reworkProbability;
  // The other lifecycle mechanisms (issue #22): streams created only when on.
  private final LifecycleDraws life;
  private final SlaPolicy sla;
  private final @Nullable UrgentQueues urgentQueues;
  private final @Nullable PriorityIndicators byPriority;
  // Summoned departments on their way (吹哨报到): null when the mechanism is off.
  private final @Nullable SummonsModel summons;
  // Grid workers' shifts and absences (Roster): null when the mechanism is off.
  private final @Nullable RosterModel roster;
  private final RosterModel.@Nullable StartCursor shiftStarts;
  private final long absenceKey;
  // Supervision by the command centre (督办) and shift handover (交接班): null when off.
  private final @Nullable SupervisionMechanism supervising;
  private final @Nullable SupervisionIndicators bySupervision;
  private final @Nullable ShiftHandover handover;
  private final boolean urgentFirst;

  // Stations: servers busy, FIFO queues of (case ordinal << 32 | token), wake-up pending.
  private final int[] busy;
  private final long[][] queue;
  private final int[] head;
  private final int[] count;
  private final boolean[] wakePending;

  private @Nullable SimCase[] cases = new SimCase[1 << 12];
  private int nextOrdinal;
  private double nextArrivalExact;
  private long now;
  private Instant nowInstant;
  // isWorkingTime(nowInstant), known for the instant workingKnownAt (stations start work many times
  // per instant)
  private long workingKnownAt = Long.MIN_VALUE;
  private boolean workingAtKnown;

  private final CaseIndicators.Accumulator indicators;
  // The measured cases' scorecards (考核), filled like the indicators (issue #20).
  private final Scorecards scorecards;
  // Without an observer, measured cases' files are built and added to the indicators on a second
  // thread, one
  // batch at a time in the order the cases finish (a single-thread executor runs its tasks in
  // submission order),
  // so the indicators see exactly the sequence a sequential run gives them.
  private final @Nullable ExecutorService filer;
  private final List<Future<?>> filed = new ArrayList<>();
  private List<CaseFacts> batchFacts = new ArrayList<>(FILE_BATCH);
  private List<List<CaseEvent>> batchLogs = new ArrayList<>(FILE_BATCH);
  private long measured;
  private long measuredOpen;
  private long escalated;
  private long accepted;
  private long waited;
  private double waitMillisSum;
  private double gridBusyMillis;
  private long kernelEvents;
  private long engineEvents;
  private long hoursReported;
  private long measuredEntered;
  private long measuredByPatrol;
  private long measuredClosed;
  private double appearToCloseMillisSum;
  private long measuredMerged;
  private long measuredRepeatReports;
  private long measuredResolved;
  private long measuredReworked;
  private long measuredRosteredStarts;
  private long measuredHandedOver;
  // Open cases when the kernel first reached the horizon's start and its end (-1: not yet).
  private long openAtHorizonStart = -1;
  private long openAtHorizonEnd = -1;

  private Replication(
      PreparedScenario p,
      long seed,
      int replication,
      String parameterValue,
      Progress progress,
      @Nullable Consumer<CaseFile> observer) {
    this.p = p;
    this.city = p.city;
    this.progress = progress;
    this.observer = observer;
    this.parameterValue = parameterValue;
    this.replication = replication;
    this.sla = LifecycleDraws.slaPolicy(p);
    this.engine = engine(p, sla);
    RandomStreams streams = RandomStreams.of(seed);
    this.arrivals = streams.stream("arrivals", replication);
    this.choice = streams.stream("choice", replication);
    this.service = streams.stream("service", replication);
    this.travel = streams.stream("travel", replication);
    this.solve = streams.stream("solve", replication);
    this.check = streams.stream("check", replication);
    this.patrolDraws = streams.stream("patrol", replication);
    this.reworkProbability = p.scenario.mechanisms().reworkProbability();
    this.rework = reworkProbability > 0 ? streams.stream("rework", replication) : null;
    this.life = new LifecycleDraws(p.scenario.mechanisms(), streams, replication);
    this.summons =
        p.scenario.summons().isPresent()
            ? new SummonsModel(p.scenario.summons().get(), streams, replication, city.tree)
            : null;
    this.roster = p.roster;
    this.shiftStarts = p.roster != null ? p.roster.new StartCursor() : null;
    this.absenceKey = p.roster != null ? streams.stream("roster", replication).nextLong() : 0;
    int n = p.servers.length;
    this.supervising = p.scenario.supervision().orElse(null);
    this.handover =
        p.roster != null && p.scenario.handover()
            ? new ShiftHandover(p.roster, absenceKey, n)
            : null;
    this.urgentFirst = life.urgentFirst();
    // the first-served queues: urgent cases (urgent-first), supervised and handed-over ones
    this.urgentQueues =
        urgentFirst || supervising != null || handover != null ? new UrgentQueues(n) : null;
    this.busy = new int[n];
    this.queue = new long[n][];
    this.head = new int[n];
    this.count = new int[n];
    this.wakePending = new boolean[n];
    this.now = p.startMs;
    this.nowInstant = Instant.ofEpochMilli(now);
    IndicatorQuery query =
        IndicatorQuery.builder()
            .fromInclusive(Instant.ofEpochMilli(p.horizonStartMs))
            .toExclusive(Instant.ofEpochMilli(p.endMs).plus(Duration.ofDays(36_600)))
            .build();
    this.indicators = CaseIndicators.accumulator(query);
    this.scorecards =
        Scorecards.accumulator(query.fromInclusive(), query.toExclusive(), LevelScorecards.WEIGHTS);
    this.byPriority = p.scenario.mechanisms().priorities() ? new PriorityIndicators(query) : null;
    this.bySupervision = supervising != null ? new SupervisionIndicators(query) : null;
    this.filer = observer != null ? null : filingThread();
  }

  /** The replication's engine over the prepared city, with its SLA and supervision policies. */
  private static CaseEngine engine(PreparedScenario p, SlaPolicy sla) {
    CaseEngine.Builder eb =
        CaseEngine.builder()
            .regionTree(p.city.tree)
            .routingGraph(p.city.graph)
            .routingPolicy(p.routing)
            .slaPolicy(sla)
            .calendar(p.calendar)
            .commandMemory(0)
            // every open case is touched many times a day: keep them all as records (speed over
            // the engine's compact columns; a year of Putian runs about a quarter faster)
            .hotCases(HOT_CASES);
    Optional<SupervisionPolicy> supervision =
        LifecycleDraws.supervisionPolicy(p.scenario.mechanisms(), p.scenario.supervision());
    if (supervision.isPresent()) {
      var unused = eb.supervisionPolicy(supervision.get());
    }
    return eb.build();
  }

  /** The daemon thread that files finished cases when nobody observes them. */
  private static ExecutorService filingThread() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "gridgov-sim-files");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Runs one replication.
   *
   * @param prepared the scenario
   * @param seed the experiment seed
   * @param replication the replication number
   * @param parameterValue the swept value, for the result
   * @param progress receives simulated hours done of {@link PreparedScenario#totalHours()}
   * @param observer if not null, receives every case's file (warm-up and drain cases too) when it
   *     closes or at the end of the run; for tests of small runs
   * @return the measurements
   */
  public static ReplicationResult run(
      PreparedScenario prepared,
      long seed,
      int replication,
      String parameterValue,
      Progress progress,
      @Nullable Consumer<CaseFile> observer) {
    Replication r =
        new Replication(prepared, seed, replication, parameterValue, progress, observer);
    try {
      return r.simulate();
    } finally {
      ExecutorService f = r.filer;
      if (f != null) {
        f.shutdownNow(); // after a normal run everything was filed already; after a failure,
        // nothing more is needed
      }
    }
  }

  private ReplicationResult simulate() {
    nextArrivalExact = p.startMs;
    scheduleNextArrival();
    long total = p.totalHours();
    while (!events.isEmpty()) {
      if (events.peekTime() > p.endMs) {
        break;
      }
      events.poll();
      kernelEvents++;
      long t = events.time();
      if (t >= p.horizonEndMs && measuredOpen == 0) {
        break; // every measured case is closed: the drain is over
      }
      noteBacklog(t);
      now = t;
      nowInstant = Instant.ofEpochMilli(t);
      long h = (t - p.startMs) / PreparedScenario.HOUR;
      if (h > hoursReported) {
        hoursReported = h;
        progress.update(h, total);
      }
      int arg = events.argument();
      switch (events.kind()) {
        case ARRIVAL -> arrive();
        case SERVICE_END -> endService(arg);
        case CHECK -> checkAndClose(arg);
        case WAKE -> wake(arg);
        case LATENT_REPORT -> enter(live(arg));
        case RESUME -> resume(arg);
        case VISIT -> visit(arg);
        case REPEAT -> repeatReport(arg);
        case ARRIVE_ON_SITE -> arriveOnSite(arg);
        case URGE -> urge(arg);
        case HANDOVER -> handOver(arg);
        case STALL -> stalled(arg);
        default -> throw new IllegalStateException("unknown kernel event " + events.kind());
      }
    }
    progress.update(total, total);
    return result();
  }

  /** Counts the open cases when the kernel first reaches the horizon's start and its end. */
  private void noteBacklog(long t) {
    if (openAtHorizonStart < 0 && t >= p.horizonStartMs) {
      openAtHorizonStart = openCases();
    }
    if (openAtHorizonEnd < 0 && t >= p.horizonEndMs) {
      openAtHorizonEnd = openCases();
    }
  }

  /** Cases reported (or found) and not closed; run twice per replication, so a scan will do. */
  private long openCases() {
    long open = 0;
    for (int i = 0; i < nextOrdinal; i++) {
      SimCase c = cases[i];
      if (c != null && c.entered && c.closedAt < 0) {
        open++;
      }
    }
    return open;
  }

  /** {@link Metric#BACKLOG_GROWTH}: open cases at the horizon's end minus at its start, per day. */
  private double backlogGrowth() {
    noteBacklog(Long.MAX_VALUE); // a run whose events ended before the horizon did
    double days = (p.horizonEndMs - p.horizonStartMs) / 86_400_000.0;
    return (openAtHorizonEnd - openAtHorizonStart) / days;
  }

  // ------------------------------------------------------------------ arrivals

  private void scheduleNextArrival() {
    double e = -Math.log(1.0 - arrivals.nextDouble());
    double t = nextArrivalExact;
    double[] rates = p.hourlyRate;
    int h = (int) ((long) (t - p.startMs) / PreparedScenario.HOUR);
    while (h < rates.length) {
      double hourEnd = p.startMs + (h + 1) * (double) PreparedScenario.HOUR;
      double mass = rates[h] * (hourEnd - t);
      if (rates[h] > 0 && e <= mass) {
        nextArrivalExact = t + e / rates[h];
        long at = (long) Math.ceil(nextArrivalExact);
        if (at <= p.endMs) {
          events.schedule(at, ARRIVAL, 0);
        }
        return;
      }
      e -= mass;
      t = hourEnd;
      h++;
    }
  }

  private void arrive() {
    scheduleNextArrival();
    int ordinal = nextOrdinal++;
    WeightedPick where = city.locationByPopulation;
    int loc = where.pick(choice.nextLong(where.total()));
    double u = choice.nextDouble();
    int cat = 0;
    while (cat < p.cumulativeShare.length - 1 && u >= p.cumulativeShare[cat]) {
      cat++;
    }
    long entryAt = now;
    boolean byPatrol = false;
    PatrolModel patrol = p.patrol;
    if (patrol != null) {
      // four draws for every appearance, latent or not: common random numbers across design points
      double uLatent = patrolDraws.nextDouble();
      double uReport = patrolDraws.nextDouble();
      double uRounds = patrolDraws.nextDouble();
      double uPhase = patrolDraws.nextDouble();
      if (patrol.latent(uLatent)) {
        long residentAt = patrol.residentReportAt(now, uReport);
        long found =
            patrol.discoveryAt(loc, now, uRounds, uPhase, Math.min(residentAt, p.endMs + 1));
        byPatrol = found < residentAt;
        entryAt = byPatrol ? found : residentAt;
      }
    }
    CaseId id = CaseId.of("C" + ordinal);
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode(p.categoryCodes.get(cat))
            .priority(life.priority())
            .kind(CaseKind.COMMITTED)
            .locationCodes(ImmutableLongArray.of(city.locationCode[loc]))
            .source(byPatrol ? CaseSource.GRID_PATROL : CaseSource.HOTLINE_12345)
            .build();
    boolean isMeasured = now >= p.horizonStartMs && now < p.horizonEndMs;
    SimCase c =
        new SimCase(
            ordinal,
            id,
            facts,
            cat,
            city.locationSupervisor[loc],
            isMeasured,
            isMeasured || observer != null);
    if (ordinal == cases.length) {
      cases = Arrays.copyOf(cases, ordinal * 2);
    }
    cases[ordinal] = c;
    if (isMeasured) {
      measured++;
      measuredOpen++;
    }
    c.appearedAt = now;
    if (entryAt == now) {
      enter(c);
    } else if (entryAt <= p.endMs) {
      events.schedule(entryAt, LATENT_REPORT, ordinal); // latent until found or reported
    }
  }

  /** The case enters the engine: reported, verified, registered and dispatched. */
  private void enter(SimCase c) {
    advance();
    c.entered = true;
    boolean byPatrol = c.facts.source() == CaseSource.GRID_PATROL;
    if (c.measured) {
      measuredEntered++;
      if (byPatrol) {
        measuredByPatrol++;
      }
    }
    Principal sup = city.supervisors.get(c.supervisor);
    Principal reporter =
        byPatrol
            ? Principal.inRegion("grid-worker", Role.GRID_WORKER, c.facts.locationCodes().get(0))
            : RESIDENT;
    if (life.repeats()) {
      if (reportOrMerge(c, reporter)) {
        return; // linked to an open case of the same category at the same unit (重复上报)
      }
    } else {
      execute(c, reporter, new Command.Report(c.facts));
    }
    if (life.invalid()) {
      execute(c, sup, new Command.Verify(false, "not a case"));
      endInvalid(c); // 核实无效: closed as invalid, never registered
      return;
    }
    execute(c, sup, new Command.Verify(true, ""));
    execute(c, sup, new Command.Register());
    SupervisionMechanism sv = supervising;
    if (sv != null && sv.stallHours() > 0) {
      long at = now + Math.max(1, Math.round(sv.stallHours() * 3_600_000.0));
      if (at <= p.endMs) {
        events.schedule(at, STALL, c.ordinal); // 督办 if still open then
      }
    }
    long repeatIn = life.repeatDelayMillis();
    if (repeatIn >= 0 && now + repeatIn <= p.endMs) {
      events.schedule(now + repeatIn, REPEAT, c.ordinal);
    }
    try {
      execute(c, sup, Command.Dispatch.byPolicy());
    } catch (RoutingFailedException e) {
      return; // the policy rejected the case: it stays registered and counts as not closed
    }
    c.dispatchedAt = now;
    queueAtLead(c);
  }

  // ------------------------------------------------------------------ stations

  private void queueAtLead(SimCase c) {
    Optional<String> lead = state(c).lead();
    if (lead.isEmpty()) {
      c.station =
          -1; // nobody holds it (e.g. a summons without a lead): it waits for nothing and stays
      // open
      return;
    }
    enqueue(c, station(lead.get()));
  }

  private int station(String handler) {
    int st = city.station(handler);
    if (st < 0) {
      throw new IllegalStateException(
          "the engine named a handler the simulation does not know: " + handler);
    }
    return st;
  }

  private void enqueue(SimCase c, int st) {
    c.station = st;
    c.inService = false;
    c.token++;
    UrgentQueues uq = urgentQueues;
    if (uq != null && firstServed(c)) {
      uq.push(st, ((long) c.ordinal << 32) | (c.token & 0xFFFF_FFFFL)); // served first
      tryStart(st);
      return;
    }
    long[] q = queue[st];
    if (q == null) {
      q = new long[8];
      queue[st] = q;
    }
    if (count[st] == q.length) {
      long[] bigger = new long[q.length * 2];
      for (int i = 0; i < count[st]; i++) {
        bigger[i] = q[(head[st] + i) % q.length];
      }
      q = bigger;
      queue[st] = q;
      head[st] = 0;
    }
    q[(head[st] + count[st]) % q.length] = ((long) c.ordinal << 32) | (c.token & 0xFFFF_FFFFL);
    count[st]++;
    tryStart(st);
  }

  /** Whether a case joins its station's first-served queue: urgent, supervised or handed over. */
  private boolean firstServed(SimCase c) {
    return (urgentFirst && c.facts.priority() == Priority.URGENT)
        || c.supervised
        || c.remaining >= 0;
  }

  private void tryStart(int st) {
    RosterModel rm = roster;
    if (rm != null && city.stationLevel[st] == CityModel.GRID) {
      ShiftHandover ho = handover;
      if (ho != null) {
        tryStartWithHandover(st, ho);
      } else {
        tryStartRostered(st, rm);
      }
      return;
    }
    while (busy[st] < p.servers[st] && (count[st] > 0 || urgentWaiting(st))) {
      if (!p.alwaysWorking && !isWorkingNow()) {
        if (!wakePending[st]) {
          wakePending[st] = true;
          events.schedule(p.calendar.nextWorkingTime(nowInstant).toEpochMilli(), WAKE, st);
        }
        return;
      }
      SimCase c = pollLive(st);
      if (c != null) {
        startService(c, st);
      }
    }
  }

  /**
   * A grid station with a shift roster: its workers on duty and present serve, at any hour; when
   * they are all busy or off, it waits for a service end or the next shift start.
   */
  private void tryStartRostered(int st, RosterModel rm) {
    while (count[st] > 0 || urgentWaiting(st)) {
      if (busy[st] >= rm.capacity(st, now, absenceKey)) {
        wakeAtNextShift(st);
        return;
      }
      SimCase c = pollLive(st);
      if (c != null) {
        startService(c, st);
      }
    }
  }

  /**
   * A rostered grid station with shift handover: a free worker on duty and present takes the next
   * case, to work on it until it is done or the worker's spell ends.
   */
  private void tryStartWithHandover(int st, ShiftHandover ho) {
    while (count[st] > 0 || urgentWaiting(st)) {
      int w = ho.freeWorker(st, now);
      if (w < 0) {
        wakeAtNextShift(st);
        return;
      }
      SimCase c = pollLive(st);
      if (c != null) {
        c.worker = w;
        c.spellEnd = ho.take(st, w, now);
        c.gridStarted = true;
        startService(c, st);
      }
    }
  }

  /** Nobody of a rostered station can start now: look again when the next shift starts. */
  private void wakeAtNextShift(int st) {
    long next = Objects.requireNonNull(shiftStarts).nextStart(now);
    if (!wakePending[st] && next <= p.endMs) {
      wakePending[st] = true;
      events.schedule(next, WAKE, st);
    }
  }

  /** Takes the next entry of a station's queues; null for a stale one (escalated elsewhere). */
  private @Nullable SimCase pollLive(int st) {
    long entry;
    if (urgentWaiting(st)) {
      entry = Objects.requireNonNull(urgentQueues).pop(st);
    } else {
      long[] q = queue[st];
      entry = q[head[st]];
      head[st] = (head[st] + 1) % q.length;
      count[st]--;
    }
    SimCase c = cases[(int) (entry >>> 32)];
    if (c == null || c.station != st || c.inService || c.token != (int) entry) {
      return null; // a stale entry: the case was escalated elsewhere
    }
    return c;
  }

  private boolean urgentWaiting(int st) {
    UrgentQueues uq = urgentQueues;
    return uq != null && uq.has(st);
  }

  private boolean isWorkingNow() {
    if (workingKnownAt != now) {
      workingAtKnown = p.calendar.isWorkingTime(nowInstant);
      workingKnownAt = now;
    }
    return workingAtKnown;
  }

  private void wake(int st) {
    wakePending[st] = false;
    advance();
    tryStart(st);
  }

  private void startService(SimCase c, int st) {
    String handler = city.stationHandler.get(st);
    if (!(c.reworked || c.resumed || c.remaining >= 0)
        || state(c).status() == CaseStatus.DISPATCHED) {
      // a case back for rework, resumed or handed over is still HANDLING by its lead: nothing to
      // accept
      execute(c, city.stationPrincipal.get(st), new Command.Accept(handler));
    }
    if (c.acceptedAt < 0) {
      c.acceptedAt = now;
      if (life.extension()) {
        var unused = extend(c, st); // 延期, where the policy allows it
      }
      if (c.measured) {
        accepted++;
        long w = now - c.dispatchedAt;
        waitMillisSum += w;
        if (w > 0) {
          waited++;
        }
      }
    }
    busy[st]++;
    c.inService = true;
    double minutes = p.handling[c.category].sampleMinutes(service);
    boolean grid = city.stationLevel[st] == CityModel.GRID;
    double travelDraw = 0.5 + travel.nextDouble(); // drawn for every service: common random numbers
    if (grid) {
      minutes += p.scenario.travel().minutes(city.stationArea[st]) * travelDraw;
      if (p.gridCapacity != 1.0) {
        minutes /= p.gridCapacity; // shared roles and absences (Staff): less time on grid cases
      }
    }
    long duration = Math.round(minutes * 60_000.0);
    if (c.remaining >= 0) {
      duration = c.remaining; // handed over: the rest of the work (the draws keep streams aligned)
      c.remaining = -1;
    }
    boolean rostered = grid && roster != null; // a rostered worker finishes the case at once
    long end = rostered ? now + duration : serviceEnd(duration);
    int kind = SERVICE_END;
    if (c.worker >= 0 && end > c.spellEnd) {
      c.remaining = end - c.spellEnd; // 交接班: the worker stops at the end of the spell
      end = c.spellEnd;
      kind = HANDOVER;
    }
    if (grid) {
      long a = Math.max(now, p.horizonStartMs);
      long b = Math.min(end, p.horizonEndMs);
      if (b > a) {
        gridBusyMillis += rostered ? b - a : workingMillis(a, b);
      }
    }
    events.schedule(end, kind, c.ordinal);
  }

  /** 交接班: the worker's spell ends first; the case goes first in line for the next on duty. */
  private void handOver(int ordinal) {
    SimCase c = live(ordinal);
    advance();
    int st = c.station;
    busy[st]--;
    c.inService = false;
    Objects.requireNonNull(handover).release(st, c.worker);
    c.worker = -1;
    c.handedOver = true;
    queueAtLead(c); // the lead's station (its own, unless escalated meanwhile)
    tryStart(st);
  }

  private void endService(int ordinal) {
    SimCase c = live(ordinal);
    advance();
    int st = c.station;
    busy[st]--;
    c.inService = false;
    if (c.worker >= 0) {
      Objects.requireNonNull(handover).release(st, c.worker);
      c.worker = -1;
    }
    double u = solve.nextDouble();
    CaseState s = state(c);
    String handler = city.stationHandler.get(st);
    Optional<String> lead = s.lead();
    if (lead.isPresent() && lead.get().equals(handler) && s.status() == CaseStatus.HANDLING) {
      int level = city.stationLevel[st];
      boolean mayReturn =
          level == CityModel.GRID || level == CityModel.COMMUNITY || level == CityModel.STREET;
      if (mayReturn && !c.reworked && !c.resumed && u >= p.solvedByHolder[c.category]) {
        try {
          execute(
              c,
              city.stationPrincipal.get(st),
              new Command.Return(handler, "not within our remit"));
          queueAtLead(c);
        } catch (RoutingFailedException e) {
          c.station = -1; // returned and nobody takes it: stays open
        }
      } else if (c.resumed || !trySuspend(c)) {
        resolve(c, st);
      }
    } else if (lead.isPresent() && s.status() == CaseStatus.DISPATCHED) {
      // Escalated while in service: the work is done; the new lead takes the case over and resolves
      // it at once.
      int newStation = station(lead.get());
      execute(c, city.stationPrincipal.get(newStation), new Command.Accept(lead.get()));
      resolve(c, newStation);
    } else {
      c.station = -1;
    }
    tryStart(st);
  }

  private void resolve(SimCase c, int st) {
    execute(
        c, city.stationPrincipal.get(st), new Command.Resolve(city.stationHandler.get(st), "done"));
    c.station = -1;
    c.resolved = true;
    long delay = Math.round(p.scenario.checkTime().sampleMinutes(check) * 60_000.0);
    events.schedule(now + delay, CHECK, c.ordinal);
  }

  private void checkAndClose(int ordinal) {
    SimCase c = live(ordinal);
    advance();
    Principal sup = city.supervisors.get(c.supervisor);
    SplittableRandom rw = rework;
    if (rw != null && rw.nextDouble() < reworkProbability) {
      execute(c, sup, new Command.Check(false, "rework"));
      c.reworked = true;
      queueAtLead(c); // back to its handler (返工)
      return;
    }
    execute(c, sup, new Command.Check(true, ""));
    execute(c, sup, new Command.Close());
    if (c.supervised) {
      closeSupervision(c, sup);
    }
    if (c.measured) {
      measuredOpen--;
      measuredClosed++;
      appearToCloseMillisSum += now - c.appearedAt;
    }
    if (life.visits() && c.facts.source() == CaseSource.HOTLINE_12345) {
      c.closedAt = now; // kept until the reporter's satisfaction visit (回访)
      if (c.measured) {
        measuredOpen++; // the drain waits for the visit too
      }
      events.schedule(now + life.visitDelayMillis(), VISIT, ordinal);
      return;
    }
    finish(c);
    engine.release(c.id); // a closed case is done: the engine forgets it
    cases[ordinal] = null;
  }

  private void finish(SimCase c) {
    if (!c.entered) {
      c.log = null; // still latent at the end of the run: nothing to file
      return;
    }
    List<CaseEvent> log = c.log;
    if (log != null && filer != null) {
      // no observer: only measured cases keep a log
      batchFacts.add(c.facts);
      batchLogs.add(log);
      if (batchFacts.size() == FILE_BATCH) {
        fileBatch();
      }
    } else if (log != null) {
      CaseFile file = CaseFile.of(c.facts, log);
      if (c.measured) {
        indicators.add(file);
        scorecards.addCase(log);
        PriorityIndicators bp = byPriority;
        if (bp != null) {
          bp.add(file);
        }
        SupervisionIndicators bs = bySupervision;
        if (bs != null) {
          bs.add(file);
        }
      }
      if (observer != null) {
        observer.accept(file);
      }
    }
    if (c.measured && c.escalated) {
      escalated++;
    }
    if (c.measured && c.gridStarted) {
      measuredRosteredStarts++;
      if (c.handedOver) {
        measuredHandedOver++;
      }
    }
    if (c.measured && c.resolved) {
      measuredResolved++;
      if (c.reworked || c.reopened) {
        measuredReworked++;
      }
    }
    c.log = null;
  }

  /** Hands the collected measured cases to the filing thread. */
  private void fileBatch() {
    ExecutorService f = Objects.requireNonNull(filer);
    List<CaseFacts> facts = batchFacts;
    List<List<CaseEvent>> logs = batchLogs;
    CaseIndicators.Accumulator acc = indicators;
    Scorecards cards = scorecards;
    PriorityIndicators bp = byPriority;
    SupervisionIndicators bs = bySupervision;
    filed.add(
        f.submit(
            () -> {
              for (int i = 0; i < facts.size(); i++) {
                CaseFile file = CaseFile.of(facts.get(i), logs.get(i));
                acc.add(file);
                cards.addCase(logs.get(i));
                if (bp != null) {
                  bp.add(file);
                }
                if (bs != null) {
                  bs.add(file);
                }
              }
            }));
    batchFacts = new ArrayList<>(FILE_BATCH);
    batchLogs = new ArrayList<>(FILE_BATCH);
  }

  /** Waits until every measured case is filed; rethrows what filing threw. */
  private void awaitFiled() {
    if (filer == null) {
      return;
    }
    fileBatch();
    for (Future<?> f : filed) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while filing the measured cases", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("filing the measured cases failed", e.getCause());
      }
    }
    filed.clear();
  }

  // ------------------------------------------------------------------ lifecycle mechanisms

  /**
   * Reports a case with repeat reports on: returns true if the engine linked it to an open case of
   * the same category at the same unit (it ends {@code MERGED} and is done), false if it is a case
   * of its own.
   */
  private boolean reportOrMerge(SimCase c, Principal reporter) {
    ImmutableList<CaseEvent> out =
        engine.execute(Command.of(CMD, reporter, c.id, nowInstant, new Command.Report(c.facts)));
    engineEvents += out.size();
    @Nullable SimCase target = null;
    deliver(out);
    for (int i = 0; i < out.size(); i++) {
      CaseEvent e = out.get(i);
      if (e.payload() instanceof EventPayload.RepeatReported) {
        target = cases[ordinalOf(e.caseId())];
      }
    }
    if (state(c).status() != CaseStatus.MERGED) {
      return false;
    }
    if (c.measured) {
      measuredMerged++; // a report of its own, but not a case of its own
      measuredOpen--;
    } else if (target != null && target.measured && c.repeat) {
      measuredRepeatReports++;
    }
    done(c);
    return true;
  }

  /** A report found invalid at verification: the case ends {@code INVALID}. */
  private void endInvalid(SimCase c) {
    if (c.measured) {
      measuredOpen--;
    }
    done(c);
  }

  /** Files a case that has ended and lets the engine forget it. */
  private void done(SimCase c) {
    finish(c);
    engine.release(c.id);
    cases[c.ordinal] = null;
  }

  /**
   * 延期: the lead asks for an extension and a supervisor approves it, where the policy allows;
   * returns whether it was granted (not when the policy allows no more, or a clock counts working
   * hours).
   */
  private boolean extend(SimCase c, int st) {
    try {
      execute(
          c,
          city.stationPrincipal.get(st),
          new Command.RequestExtension(
              city.stationHandler.get(st), life.extensionDays(sla), "waiting for conditions"));
      execute(c, city.supervisors.get(c.supervisor), new Command.ApproveExtension());
      return true;
    } catch (CommandRefusedException e) {
      return false; // nothing was recorded: the refused command changed nothing
    }
  }

  /** 缓办: with the mechanism's probability, suspends a case its lead would resolve now. */
  private boolean trySuspend(SimCase c) {
    long ms = life.suspensionMillis();
    if (ms < 0) {
      return false;
    }
    execute(c, city.supervisors.get(c.supervisor), new Command.Suspend("waiting for conditions"));
    c.station = -1;
    events.schedule(now + ms, RESUME, c.ordinal);
    return true;
  }

  /** 恢复: the clocks run again and the case rejoins its lead's queue to be finished. */
  private void resume(int ordinal) {
    SimCase c = live(ordinal);
    advance();
    execute(c, city.supervisors.get(c.supervisor), new Command.Resume());
    c.resumed = true;
    queueAtLead(c);
  }

  /** 回访: a not-satisfied reporter reopens the case (the engine's visit rule), which is redone. */
  private void visit(int ordinal) {
    SimCase c = live(ordinal);
    advance();
    boolean dissatisfied = life.dissatisfied();
    Principal sup = city.supervisors.get(c.supervisor);
    execute(
        c,
        sup,
        Command.Visit.reached(dissatisfied ? Satisfaction.DISSATISFIED : Satisfaction.SATISFIED));
    if (state(c).status() != CaseStatus.REGISTERED) {
      if (c.measured) {
        measuredOpen--;
      }
      done(c);
      return;
    }
    c.reopened = true;
    if (c.measured) {
      measuredClosed--;
      appearToCloseMillisSum -= c.closedAt - c.appearedAt;
    }
    c.closedAt = -1;
    c.reworked = false;
    c.resumed = false;
    try {
      execute(c, sup, Command.Dispatch.byPolicy());
    } catch (RoutingFailedException e) {
      c.station = -1; // nobody takes it: stays open
      return;
    }
    queueAtLead(c);
  }

  /** 重复上报: a resident reports a case again; the engine links the report if it is still open. */
  private void repeatReport(int ordinal) {
    SimCase target = cases[ordinal];
    if (target == null || target.closedAt >= 0 || !target.entered) {
      return; // closed by now: nothing to report again
    }
    int o = nextOrdinal++;
    CaseId id = CaseId.of("C" + o);
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode(target.facts.categoryCode())
            .priority(Priority.NORMAL)
            .kind(CaseKind.COMMITTED)
            .locationCodes(target.facts.locationCodes())
            .source(CaseSource.HOTLINE_12345)
            .build();
    SimCase r =
        new SimCase(o, id, facts, target.category, target.supervisor, false, observer != null);
    r.repeat = true;
    r.appearedAt = now;
    if (o == cases.length) {
      cases = Arrays.copyOf(cases, o * 2);
    }
    cases[o] = r;
    enter(r);
  }

  // ------------------------------------------------------------------ the engine

  private void advance() {
    ImmutableList<CaseEvent> out = engine.advanceTo(nowInstant);
    if (out.isEmpty()) {
      return;
    }
    engineEvents += out.size();
    deliver(out);
  }

  /**
   * Appends a batch of engine events to their cases' logs, then acts on them in order: summoned
   * departments set out, a waiting case escalated moves to its new lead's queue. Every event of the
   * batch is recorded before any is acted on: acting may start a service, whose {@code Accept} (and
   * extension) events must follow the batch's later events of that case.
   */
  private void deliver(ImmutableList<CaseEvent> out) {
    for (int i = 0; i < out.size(); i++) {
      CaseEvent e = out.get(i);
      SimCase c = cases[ordinalOf(e.caseId())];
      if (c != null) {
        record(c, e);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      CaseEvent e = out.get(i);
      if (actsOn(e.payload())) { // most events are only recorded: no second look-up for them
        SimCase c = cases[ordinalOf(e.caseId())];
        if (c != null) {
          act(c, e);
        }
      }
    }
    if (supervising != null) {
      // 督办 last: serving a supervised case first may start another case of the same station,
      // whose own escalation later in the batch must have moved it already.
      for (int i = 0; i < out.size(); i++) {
        CaseEvent e = out.get(i);
        if (e.payload() instanceof EventPayload.SupervisionOpened) {
          SimCase c = cases[ordinalOf(e.caseId())];
          if (c != null) {
            supervise(c);
          }
        }
      }
    }
  }

  /** Whether {@link #act} does anything on an event of this kind. */
  private static boolean actsOn(EventPayload p) {
    return p instanceof EventPayload.Summoned || p instanceof EventPayload.Escalated;
  }

  /** What the simulation does on a recorded engine event of a batch. */
  private void act(SimCase c, CaseEvent e) {
    if (summons != null && e.payload() instanceof EventPayload.Summoned s) {
      depart(c, s);
    }
    if (e.payload() instanceof EventPayload.Escalated esc && !c.inService && c.station >= 0) {
      enqueue(c, station(esc.toHandlerId()));
    }
  }

  // ------------------------------------------------------------------ supervision (督办)

  /**
   * 督办 opened (the engine's automatic rule at a breach): served first, urged until it closes. The
   * case is queued at the engine's current lead, not at {@code c.station}: the batch that opened
   * the supervision may also have escalated the case, and its {@code Escalated} is acted on after
   * this.
   */
  private void supervise(SimCase c) {
    c.supervised = true;
    if (!c.inService && c.station >= 0) {
      queueAtLead(c); // into the lead's first-served queue (the old entry goes stale)
    }
    scheduleUrge(c);
  }

  private void scheduleUrge(SimCase c) {
    double hours = Objects.requireNonNull(supervising).urgeHours();
    long at = now + Math.max(1, Math.round(hours * 3_600_000.0));
    if (at <= p.endMs) {
      events.schedule(at, URGE, c.ordinal);
    }
  }

  /**
   * 督办 of a stalled case: the command centre supervises a case still open stall-hours after its
   * registration, unless it is under supervision already.
   */
  private void stalled(int ordinal) {
    SimCase c = cases[ordinal];
    if (c == null || c.supervised || c.closedAt >= 0) {
      return; // ended, closed or supervised by now
    }
    advance();
    if (c.supervised) {
      return; // the breach rule supervised it just now
    }
    try {
      execute(
          c,
          city.supervisors.get(c.supervisor),
          new Command.OpenSupervision(
              SupervisionMechanism.LEVEL, "stalled: still open after supervision-stall-hours"));
    } catch (CommandRefusedException e) {
      return; // not open, or under a supervision the simulator did not open: nothing recorded
    }
    supervise(c);
  }

  /** 催办: the command centre urges the holder of a supervised case that is still open. */
  private void urge(int ordinal) {
    SimCase c = cases[ordinal];
    if (c == null || !c.supervised || c.closedAt >= 0) {
      return; // closed (and its supervision with it) since
    }
    advance();
    try {
      execute(c, city.supervisors.get(c.supervisor), new Command.Urge("please finish the case"));
    } catch (CommandRefusedException e) {
      return; // not open any more: nothing was recorded
    }
    scheduleUrge(c);
  }

  /** 督办办结: a closed case's supervision is closed with whether it met the supervision's deadline. */
  private void closeSupervision(SimCase c, Principal sup) {
    c.supervised = false;
    Instant due = engine.supervision(c.id).orElseThrow().dueAt();
    execute(
        c,
        sup,
        new Command.CloseSupervision(
            nowInstant.isAfter(due)
                ? "closed after the supervision's deadline"
                : "closed by the supervision's deadline"));
  }

  private void execute(SimCase c, Principal who, Command.Action action) {
    ImmutableList<CaseEvent> out = engine.execute(Command.of(CMD, who, c.id, nowInstant, action));
    engineEvents += out.size();
    for (int i = 0; i < out.size(); i++) {
      record(c, out.get(i));
    }
    if (summons != null) {
      summoned(c, out);
    }
  }

  // ------------------------------------------------------------------ summoned departments

  /**
   * 吹哨: the departments summoned by a command's events set out; with {@code summons: assisting},
   * assisting departments the routing policy dispatched are summoned on site by the supervisor.
   */
  private void summoned(SimCase c, ImmutableList<CaseEvent> out) {
    SummonsModel sm = Objects.requireNonNull(summons);
    List<String> assisting = null;
    for (int i = 0; i < out.size(); i++) {
      EventPayload e = out.get(i).payload();
      if (e instanceof EventPayload.Summoned s) {
        depart(c, s);
      } else if (sm.summonAssisting()
          && e instanceof EventPayload.Dispatched d
          && d.role() == HandlerRole.ASSIST) {
        if (assisting == null) {
          assisting = new ArrayList<>(2);
        }
        if (!assisting.contains(d.handlerId())) {
          assisting.add(d.handlerId());
        }
      }
    }
    if (assisting != null) {
      execute(
          c,
          city.supervisors.get(c.supervisor),
          new Command.Summon(ImmutableList.copyOf(assisting), sm.within()));
    }
  }

  /** Each department of a summons sets out; its arrival is a kernel event. */
  private void depart(SimCase c, EventPayload.Summoned s) {
    SummonsModel sm = Objects.requireNonNull(summons);
    long limit = s.within().toMillis();
    for (String dep : s.departmentIds()) {
      long at = now + sm.travelMillis(c.facts.locationCodes().get(0));
      if (at <= p.endMs) {
        events.schedule(at, ARRIVE_ON_SITE, sm.depart(c.ordinal, dep, now, limit, c.measured));
      }
    }
  }

  /** 报到: a department reaches the site and reports, if its summons is still pending. */
  private void arriveOnSite(int slot) {
    SummonsModel sm = Objects.requireNonNull(summons);
    advance();
    SimCase c = cases[sm.ordinal(slot)];
    String dep = sm.department(slot);
    boolean pending =
        c != null
            && c.entered
            && engine.state(c.id).map(s -> s.awaitingArrival().contains(dep)).orElse(false);
    if (c != null && pending) {
      int st = city.station(dep);
      execute(
          c,
          st >= 0 ? city.stationPrincipal.get(st) : city.supervisors.get(c.supervisor),
          new Command.Arrive(dep));
    }
    sm.settle(slot, pending, now);
  }

  private static void record(SimCase c, CaseEvent e) {
    if (e.payload() instanceof EventPayload.Escalated) {
      c.escalated = true;
    }
    List<CaseEvent> log = c.log;
    if (log != null) {
      log.add(e);
    }
  }

  private CaseState state(SimCase c) {
    return engine.state(c.id).orElseThrow();
  }

  private SimCase live(int ordinal) {
    SimCase c = cases[ordinal];
    if (c == null) {
      throw new IllegalStateException("case C" + ordinal + " is no longer simulated");
    }
    return c;
  }

  private static int ordinalOf(CaseId id) {
    String v = id.value();
    return Integer.parseInt(v, 1, v.length(), 10);
  }

  // ------------------------------------------------------------------ working time

  private long serviceEnd(long durationMillis) {
    if (p.alwaysWorking) {
      return now + durationMillis;
    }
    Instant start = p.calendar.nextWorkingTime(nowInstant);
    Instant end = p.calendar.plusWorkingTime(start, Duration.ofMillis(durationMillis));
    long ms = end.toEpochMilli();
    return Instant.ofEpochMilli(ms).isBefore(end) ? ms + 1 : ms;
  }

  private long workingMillis(long a, long b) {
    if (p.alwaysWorking) {
      return b - a;
    }
    return p.calendar.workingNanosBetween(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b))
        / 1_000_000;
  }

  // ------------------------------------------------------------------ results

  private ReplicationResult result() {
    double backlogGrowth = backlogGrowth(); // before finish() below ends the open cases
    for (SimCase c : cases) {
      if (c != null) {
        finish(c);
      }
    }
    awaitFiled();
    IndicatorReport r = indicators.report();
    Map<Metric, Double> v = new EnumMap<>(Metric.class);
    v.put(Metric.CASES_REPORTED, (double) measured);
    v.put(Metric.CLOSING_RATE, value(r.closingRate()));
    v.put(Metric.ON_TIME_CLOSING_RATE, value(r.onTimeClosingRate()));
    v.put(
        Metric.MEAN_HOURS_TO_CLOSE,
        r.timeToClose().mean().map(Replication::hours).orElse(Double.NaN));
    v.put(
        Metric.P90_HOURS_TO_CLOSE,
        r.timeToClose().p90().map(Replication::hours).orElse(Double.NaN));
    v.put(Metric.ESCALATION_RATE, measured == 0 ? Double.NaN : (double) escalated / measured);
    RosterModel rm = roster;
    double scheduled =
        rm != null
            ? rm.rosteredMillis(gridStations(), p.horizonStartMs, p.horizonEndMs)
                * (1 - rm.absenceRate())
            : (double) city.grids
                * p.scenario.staffing().workersPerGrid()
                * workingMillis(p.horizonStartMs, p.horizonEndMs);
    v.put(Metric.WORKER_UTILISATION, scheduled > 0 ? gridBusyMillis / scheduled : Double.NaN);
    v.put(
        Metric.MEAN_WAIT_MINUTES, accepted == 0 ? Double.NaN : waitMillisSum / accepted / 60_000.0);
    v.put(Metric.WAIT_PROBABILITY, accepted == 0 ? Double.NaN : (double) waited / accepted);
    v.put(
        Metric.PATROL_DISCOVERY_SHARE,
        measuredEntered == 0 ? Double.NaN : (double) measuredByPatrol / measuredEntered);
    v.put(
        Metric.MEAN_HOURS_FROM_APPEARANCE,
        measuredClosed == 0 ? Double.NaN : appearToCloseMillisSum / measuredClosed / 3.6e6);
    putMechanismMetrics(v, backlogGrowth);
    return ReplicationResult.of(
        parameterValue,
        replication,
        v,
        kernelEvents,
        engineEvents,
        LevelScorecards.of(scorecards.table(), this::levelOf));
  }

  /** The metrics of the issue-22 mechanisms (NaN or the neutral value when off) and the backlog. */
  private void putMechanismMetrics(Map<Metric, Double> v, double backlogGrowth) {
    PriorityIndicators bp = byPriority;
    v.put(Metric.ON_TIME_CLOSING_RATE_URGENT, bp == null ? Double.NaN : bp.urgentOnTime());
    v.put(
        Metric.ON_TIME_CLOSING_RATE_NORMAL,
        bp == null ? v.get(Metric.ON_TIME_CLOSING_RATE) : bp.normalOnTime());
    v.put(
        Metric.REWORK_RATE,
        measuredResolved == 0 ? Double.NaN : (double) measuredReworked / measuredResolved);
    long cases = measuredEntered - measuredMerged;
    v.put(
        Metric.REPORTS_PER_CASE,
        cases == 0 ? Double.NaN : (double) (measuredEntered + measuredRepeatReports) / cases);
    SummonsModel sm = summons;
    v.put(Metric.SUMMONS_ON_TIME_SHARE, sm == null ? Double.NaN : sm.onTimeShare());
    v.put(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES, sm == null ? Double.NaN : sm.meanArrivalMinutes());
    SupervisionIndicators bs = bySupervision;
    v.put(Metric.SUPERVISED_SHARE, bs == null ? Double.NaN : bs.supervisedShare());
    v.put(Metric.ON_TIME_CLOSING_RATE_SUPERVISED, bs == null ? Double.NaN : bs.supervisedOnTime());
    v.put(
        Metric.HANDOVER_SHARE,
        handover == null || measuredRosteredStarts == 0
            ? Double.NaN
            : (double) measuredHandedOver / measuredRosteredStarts);
    v.put(Metric.BACKLOG_GROWTH, backlogGrowth);
  }

  /** The level of a handler of the city, for its scorecard. */
  private LevelScorecard.Level levelOf(String handlerId) {
    int s = city.station(handlerId);
    if (s < 0) {
      throw new IllegalStateException(
          "a scorecard names handler " + handlerId + ", not in the city");
    }
    return switch (city.stationLevel[s]) {
      case CityModel.GRID -> LevelScorecard.Level.GRID;
      case CityModel.COMMUNITY -> LevelScorecard.Level.COMMUNITY;
      case CityModel.STREET -> LevelScorecard.Level.STREET;
      case CityModel.DISTRICT -> LevelScorecard.Level.DISTRICT;
      case CityModel.CITY -> LevelScorecard.Level.CITY;
      default -> LevelScorecard.Level.DEPARTMENT;
    };
  }

  private int[] gridStations() {
    return java.util.stream.IntStream.range(0, city.stationLevel.length)
        .filter(i -> city.stationLevel[i] == CityModel.GRID)
        .toArray();
  }

  private static double value(Rate r) {
    return r.value().orElse(Double.NaN);
  }

  private static double hours(Duration d) {
    return d.toNanos() / 3.6e12;
  }

  /** The simulation's record of one case. */
  private static final class SimCase {
    final int ordinal;
    final CaseId id;
    final CaseFacts facts;
    final int category;
    final int supervisor;
    final boolean measured;
    @Nullable List<CaseEvent> log;
    int station = -1;
    int token;
    boolean inService;
    boolean escalated;
    boolean reworked;
    boolean resumed;
    boolean reopened;
    boolean resolved;
    boolean repeat;
    boolean supervised;
    boolean handedOver;
    boolean gridStarted;
    // shift handover: the worker serving the case (-1: none tracked), the end of that worker's
    // spell, and the rest of the work of a case handed over (-1: none)
    int worker = -1;
    long spellEnd;
    long remaining = -1;
    long closedAt = -1;
    long dispatchedAt = -1;
    long acceptedAt = -1;
    long appearedAt = -1;
    boolean entered;

    SimCase(
        int ordinal,
        CaseId id,
        CaseFacts facts,
        int category,
        int supervisor,
        boolean measured,
        boolean keepLog) {
      this.ordinal = ordinal;
      this.id = id;
      this.facts = facts;
      this.category = category;
      this.supervisor = supervisor;
      this.measured = measured;
      this.log = keepLog ? new ArrayList<>(16) : null;
    }
  }
}
