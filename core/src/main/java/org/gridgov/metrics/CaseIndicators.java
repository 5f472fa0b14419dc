package org.gridgov.metrics;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * Computes performance indicators (绩效评价) from case files in one pass over their events.
 *
 * <h2>Definitions</h2>
 *
 * <p>Let W be the query's period {@code [from, to)}. Only events before {@code to} are read, so a
 * report is the same whether the logs stop at {@code to} or go on. A case is considered when a
 * location code satisfies the region filter and (if set) a handler that led or assisted it before
 * {@code to} satisfies the handler filter. Each count counts cases, once each:
 *
 * <ul>
 *   <li>受理 received, 立案 registered, 处置 resolved, 结案 closed, 退单 returned, 缓办 deferred, 延期 extended:
 *       the case has a {@code Reported}, {@code Registered}, {@code Resolved}, {@code Closed},
 *       {@code Returned}, {@code Suspended}, {@code Extended} event in W.
 *   <li>派遣 dispatched: a {@code Dispatched} event with role LEAD in W (escalations are not
 *       dispatches).
 *   <li>返工 rework: a {@code CheckFailed} in W; 核查 checked: a {@code CheckPassed} or {@code
 *       CheckFailed} in W.
 *   <li><b>应结案 due</b>: the case's deadline as of {@code to} lies in W. The deadline is the {@code
 *       dueAt} of the last {@code Registered}, {@code Extended}, {@code Resumed} or {@code
 *       Reopened} event, or {@code DeadlineRevised} of the whole-case clock, before {@code to} (so
 *       an approved extension, a suspension or a new calendar edition moves a case's due period).
 *       Merged and invalid cases are never due. With {@link
 *       IndicatorQuery#excludeDeferredFromDue()}, a case suspended (缓办) at any time before {@code
 *       to} is not due either. A deadline exactly at {@code from} is due in W; exactly at {@code
 *       to} it is due in the next period.
 *   <li><b>按期结案 closed on time</b>: a due case that is closed as of {@code to} (its last {@code
 *       Closed} before {@code to} is not followed by a {@code Reopened} before {@code to}) with
 *       that closing at or before its deadline (closing exactly at the deadline is on time).
 *       gridgov judges on-time by the recorded deadline, not by {@code SlaBreached} events, so the
 *       figure does not depend on whether an SLA engine was running.
 *   <li>超期 overdue: due cases not closed on time ({@code due - closedOnTime}), whether closed late
 *       or still open.
 * </ul>
 *
 * <p>Rates and their formulas are on {@link IndicatorReport}; time to close is measured from the
 * {@code Reported} event to the last {@code Closed} in W, for cases with a {@code Closed} in W.
 *
 * <h2>Cost</h2>
 *
 * <p>One pass over each case's events up to {@code to}, O(1) work per event (a hash lookup per
 * handler event for the loads), and a sort of the closing times at the end: O(E + C log C) for E
 * events and C closed cases.
 *
 * <pre>{@code
 * IndicatorReport r = CaseIndicators.compute(files, query);
 * r.onTimeClosingRate();   // e.g. 45/50 (90.00%)
 * }</pre>
 */
public final class CaseIndicators {

  private CaseIndicators() {}

  /**
   * Computes indicators over case files.
   *
   * @param files the case files (each file is read once)
   * @param query the period, filters and options
   * @return the report
   */
  public static IndicatorReport compute(Iterable<CaseFile> files, IndicatorQuery query) {
    Accumulator acc = accumulator(query);
    for (CaseFile f : files) {
      acc.add(f);
    }
    return acc.report();
  }

  /**
   * Computes indicators over a sequential stream of case files.
   *
   * @param files the case files
   * @param query the period, filters and options
   * @return the report
   */
  public static IndicatorReport compute(Stream<CaseFile> files, IndicatorQuery query) {
    Accumulator acc = accumulator(query);
    files.forEachOrdered(acc::add);
    return acc.report();
  }

  /**
   * Returns an accumulator for feeding case files one at a time (for example while streaming them
   * from storage). Not thread-safe: use one per thread and one thread per accumulator.
   *
   * @param query the period, filters and options
   * @return a new accumulator
   */
  public static Accumulator accumulator(IndicatorQuery query) {
    return new Accumulator(query);
  }

  /** Accumulates indicators case by case; {@link #report()} may be called at any time. */
  public static final class Accumulator {
    private static final int LOAD_LEAD = 0;
    private static final int LOAD_ASSIST = 1;
    private static final int LOAD_RETURNED = 2;
    private static final int LOAD_RESOLVED = 3;
    private static final int LOAD_HOLDING = 4;

    private final Instant from;
    private final Instant to;
    private final @Nullable LongPredicate regionFilter;
    private final @Nullable Predicate<String> handlerFilter;
    private final boolean excludeDeferred;
    private final Duration responseLimit;
    private final ThreeRateWeights weights;
    private final @Nullable BiFunction<Instant, Instant, Duration> workingTime;

    private long cases;
    private long received;
    private long registered;
    private long dispatched;
    private long resolved;
    private long due;
    private long closed;
    private long closedOnTime;
    private long rework;
    private long returned;
    private long deferred;
    private long extended;
    private long closedOfDue;
    private long resolvedOnTimeOfDue;
    private long extendedOfDue;
    private long checked;
    private long accuratelyDispatched;
    private long responded;
    private long evaluated;
    private long solved;
    private long satisfied;
    private long[] closeNanos = new long[1024];
    private long[] workingCloseNanos = new long[1024];
    private int closeCount;
    private final Map<String, long[]> loads = new HashMap<>();

    // Per-case scratch for handler-load deltas, committed only if the case is considered.
    private String[] loadHandler = new String[16];
    private int[] loadKind = new int[16];
    private int loadCount;

    Accumulator(IndicatorQuery q) {
      this.from = q.fromInclusive();
      this.to = q.toExclusive();
      this.regionFilter = q.regionFilter().orElse(null);
      this.handlerFilter = q.handlerFilter().orElse(null);
      this.excludeDeferred = q.excludeDeferredFromDue();
      this.responseLimit = q.responseLimit();
      this.weights = q.weights();
      this.workingTime = q.workingTime().orElse(null);
    }

    /**
     * Adds one case file.
     *
     * @param file the case file
     */
    public void add(CaseFile file) {
      LongPredicate rf = regionFilter;
      if (rf != null && !file.facts().isLocatedIn(rf)) {
        return;
      }
      loadCount = 0;
      CaseTally t = new CaseTally();
      for (CaseEvent e : file.events()) {
        Instant at = e.at();
        if (!at.isBefore(to)) {
          break;
        }
        t.accept(e, !at.isBefore(from));
      }
      if (t.handlerMatched) {
        count(t);
      }
    }

    /** Adds one case's tally to the counts (the case matched the filters). */
    private void count(CaseTally t) {
      cases++;
      received += t.isReceived ? 1 : 0;
      registered += t.isRegistered ? 1 : 0;
      dispatched += t.isDispatched ? 1 : 0;
      resolved += t.isResolved ? 1 : 0;
      checked += t.isChecked ? 1 : 0;
      rework += t.isRework ? 1 : 0;
      returned += t.isReturned ? 1 : 0;
      deferred += t.isDeferred ? 1 : 0;
      extended += t.isExtended ? 1 : 0;
      if (t.isDispatched) {
        if (t.leadDispatches == 1 && t.returns == 0) {
          accuratelyDispatched++;
        }
        Instant dispatchedAt = t.firstLeadDispatch;
        Instant acceptedAt = t.firstAccept;
        if (dispatchedAt != null
            && acceptedAt != null
            && Duration.between(dispatchedAt, acceptedAt).compareTo(responseLimit) <= 0) {
          responded++;
        }
      }
      Satisfaction satisfaction = t.evalSatisfaction;
      if (satisfaction != null) {
        evaluated++;
        solved += t.evalSolved ? 1 : 0;
        satisfied += satisfaction != Satisfaction.DISSATISFIED ? 1 : 0;
      }
      countDue(t);
      Instant closedInW = t.lastClosedInW;
      Instant reportedAt = t.reportedAt;
      if (closedInW != null) {
        closed++;
        if (reportedAt != null) {
          recordClose(reportedAt, closedInW);
        }
      }
      for (int i = 0; i < loadCount; i++) {
        commitLoad(loadHandler[i], loadKind[i]);
      }
      String lead = t.lead;
      if (lead != null && t.closedAt == null && !t.terminal) {
        commitLoad(lead, LOAD_HOLDING);
      }
    }

    /** 应结案 and what follows from it: on time, resolved on time, extended. */
    private void countDue(CaseTally t) {
      Instant dueAt = t.dueAt;
      if (dueAt == null
          || t.terminal
          || dueAt.isBefore(from)
          || !dueAt.isBefore(to)
          || (excludeDeferred && t.everSuspended)) {
        return;
      }
      due++;
      Instant closedAt = t.closedAt;
      if (closedAt != null) {
        closedOfDue++;
        if (!closedAt.isAfter(dueAt)) {
          closedOnTime++;
        }
      }
      Instant resolvedAt = t.lastResolvedAt;
      if (resolvedAt != null && !resolvedAt.isAfter(dueAt)) {
        resolvedOnTimeOfDue++;
      }
      if (t.everExtended) {
        extendedOfDue++;
      }
    }

    /**
     * One case folded up to the period's end: what happened in the period (the {@code is…} flags),
     * what holds at its end (deadline, closing, lead), and the handler loads it adds (buffered in
     * the accumulator until the case is known to match the handler filter).
     */
    private final class CaseTally {
      final @Nullable Predicate<String> hf = handlerFilter;
      boolean handlerMatched = hf == null;
      boolean isReceived;
      boolean isRegistered;
      boolean isDispatched;
      boolean isResolved;
      boolean isChecked;
      boolean isRework;
      boolean isReturned;
      boolean isDeferred;
      boolean isExtended;
      boolean everSuspended;
      boolean everExtended;
      boolean terminal;
      int leadDispatches;
      int returns;
      @Nullable Instant reportedAt;
      @Nullable Instant dueAt;
      @Nullable Instant closedAt;
      @Nullable Instant lastClosedInW;
      @Nullable Instant lastResolvedAt;
      @Nullable Instant firstLeadDispatch;
      @Nullable Instant firstAccept;
      @Nullable Satisfaction evalSatisfaction;
      boolean evalSolved;
      @Nullable String lead;

      void accept(CaseEvent e, boolean inW) {
        Instant at = e.at();
        EventPayload p = e.payload();
        switch (p.type()) {
          case REPORTED -> {
            reportedAt = at;
            isReceived |= inW;
          }
          case VERIFIED,
              ARRIVED,
              SLA_WARNING,
              SLA_BREACHED,
              EXTENSION_REQUESTED,
              EXTENSION_REFUSED,
              REPEAT_REPORTED,
              SUPERVISION_OPENED,
              URGED,
              SUPERVISION_ESCALATED,
              SUPERVISION_CLOSED,
              VISITED -> {}
          case DEADLINE_REVISED -> {
            EventPayload.DeadlineRevised x = (EventPayload.DeadlineRevised) p;
            if (CaseState.WHOLE_CASE_CLOCK.equals(x.clockId())) {
              dueAt = x.dueAt();
            }
          }
          case CHECK_PASSED -> isChecked |= inW;
          case VERIFICATION_FAILED, MERGED -> terminal = true;
          case REGISTERED -> {
            isRegistered |= inW;
            dueAt = ((EventPayload.Registered) p).dueAt();
          }
          case DISPATCHED -> dispatched((EventPayload.Dispatched) p, at, inW);
          case ACCEPTED -> {
            if (firstAccept == null && firstLeadDispatch != null) {
              firstAccept = at;
            }
          }
          case RETURNED -> returned((EventPayload.Returned) p, inW);
          case ESCALATED -> {
            String target = ((EventPayload.Escalated) p).toHandlerId();
            handler(target, inW, LOAD_LEAD);
            lead = target;
          }
          case SUMMONED ->
              ((EventPayload.Summoned) p)
                  .departmentIds()
                  .forEach(d -> handler(d, inW, LOAD_ASSIST));
          case ASSIST_ADDED ->
              handler(((EventPayload.AssistAdded) p).handlerId(), inW, LOAD_ASSIST);
          case SUSPENDED -> {
            everSuspended = true;
            isDeferred |= inW;
          }
          case RESUMED -> dueAt = ((EventPayload.Resumed) p).dueAt();
          case EXTENDED -> {
            dueAt = ((EventPayload.Extended) p).dueAt();
            everExtended = true;
            isExtended |= inW;
          }
          default -> closing(p, at, inW);
        }
      }

      /** Resolved, check failed, closed, evaluated and reopened: the end of a case's handling. */
      private void closing(EventPayload p, Instant at, boolean inW) {
        switch (p.type()) {
          case RESOLVED -> {
            lastResolvedAt = at;
            isResolved |= inW;
            String l = lead;
            if (inW && l != null) {
              load(l, LOAD_RESOLVED);
            }
          }
          case CHECK_FAILED -> {
            isChecked |= inW;
            isRework |= inW;
          }
          case CLOSED -> {
            closedAt = at;
            lead = null;
            if (inW) {
              lastClosedInW = at;
            }
          }
          case EVALUATED -> {
            if (inW) {
              EventPayload.Evaluated x = (EventPayload.Evaluated) p;
              evalSatisfaction = x.satisfaction();
              evalSolved = x.solved();
            }
          }
          case REOPENED -> {
            closedAt = null;
            dueAt = ((EventPayload.Reopened) p).dueAt();
          }
          default -> throw new AssertionError("not a closing event: " + p.type());
        }
      }

      private void dispatched(EventPayload.Dispatched x, Instant at, boolean inW) {
        if (x.role() != HandlerRole.LEAD) {
          handler(x.handlerId(), inW, LOAD_ASSIST);
          return;
        }
        handler(x.handlerId(), inW, LOAD_LEAD);
        lead = x.handlerId();
        leadDispatches++;
        if (firstLeadDispatch == null) {
          firstLeadDispatch = at;
        }
        isDispatched |= inW;
      }

      private void returned(EventPayload.Returned x, boolean inW) {
        returns++;
        isReturned |= inW;
        if (inW) {
          load(x.handlerId(), LOAD_RETURNED);
        }
        lead = null;
      }

      /**
       * A handler that takes part: it may match the handler filter, and in the period it carries a
       * load.
       */
      private void handler(String h, boolean inW, int kind) {
        Predicate<String> f = hf;
        handlerMatched |= f != null && f.test(h);
        if (inW) {
          load(h, kind);
        }
      }
    }

    private void load(String handler, int kind) {
      if (loadCount == loadHandler.length) {
        loadHandler = Arrays.copyOf(loadHandler, loadCount * 2);
        loadKind = Arrays.copyOf(loadKind, loadCount * 2);
      }
      loadHandler[loadCount] = handler;
      loadKind[loadCount] = kind;
      loadCount++;
    }

    private void commitLoad(String handler, int kind) {
      Predicate<String> hf = handlerFilter;
      if (hf != null && !hf.test(handler)) {
        return;
      }
      loads.computeIfAbsent(handler, h -> new long[5])[kind]++;
    }

    private void recordClose(Instant reportedAt, Instant closedAt) {
      if (closeCount == closeNanos.length) {
        closeNanos = Arrays.copyOf(closeNanos, closeCount * 2);
        workingCloseNanos = Arrays.copyOf(workingCloseNanos, closeCount * 2);
      }
      closeNanos[closeCount] = Duration.between(reportedAt, closedAt).toNanos();
      BiFunction<Instant, Instant, Duration> wt = workingTime;
      if (wt != null) {
        workingCloseNanos[closeCount] = wt.apply(reportedAt, closedAt).toNanos();
      }
      closeCount++;
    }

    /**
     * Returns the indicators over the case files added so far.
     *
     * @return the report
     */
    public IndicatorReport report() {
      ImmutableSortedMap.Builder<String, HandlerLoad> lb = ImmutableSortedMap.naturalOrder();
      for (Map.Entry<String, long[]> en : loads.entrySet()) {
        long[] v = en.getValue();
        lb.put(
            en.getKey(),
            new HandlerLoad(
                en.getKey(),
                v[LOAD_LEAD],
                v[LOAD_ASSIST],
                v[LOAD_RETURNED],
                v[LOAD_RESOLVED],
                v[LOAD_HOLDING]));
      }
      IndicatorCounts counts =
          new IndicatorCounts(
              received,
              registered,
              dispatched,
              resolved,
              due,
              closed,
              closedOnTime,
              due - closedOnTime,
              rework,
              returned,
              deferred,
              extended);
      TimeToClose natural = TimeToClose.ofNanos(Arrays.copyOf(closeNanos, closeCount), closeCount);
      Optional<TimeToClose> working =
          workingTime == null
              ? Optional.empty()
              : Optional.of(
                  TimeToClose.ofNanos(Arrays.copyOf(workingCloseNanos, closeCount), closeCount));
      return new IndicatorReport(
          from,
          to,
          cases,
          counts,
          closedOfDue,
          resolvedOnTimeOfDue,
          extendedOfDue,
          checked,
          accuratelyDispatched,
          responded,
          evaluated,
          solved,
          satisfied,
          weights,
          natural,
          working,
          lb.build());
    }
  }
}
