package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * Computes per-handler {@link Scorecard}s (考核) over a period {@code W = [from, to)} from the event
 * log alone, in one pass: the events of each case in sequence order, cases in any interleaving (the
 * live order of an engine and the per-case order of a replay give the same table). Events at or
 * after {@code to} are not read.
 *
 * <p>Attribution: a <em>holding</em> starts when a handler becomes lead ({@code Dispatched} with
 * role LEAD, or {@code Escalated} to it) and ends when it loses the lead ({@code Returned}, {@code
 * Escalated} away, {@code Closed}); a failed check starts a new holding of the same lead. The
 * <em>last lead</em> of a case is the lead at its latest {@code Closed}.
 *
 * <ul>
 *   <li>received: holdings started in W.
 *   <li>accepted in time: of those, the ones whose first {@code Accepted} came within {@link
 *       ScorecardWeights#acceptWithin()} of the start.
 *   <li>按期处置率: per holding, the first of its {@code Resolved} and its first {@code SlaBreached} of
 *       the {@code lead} clock, if in W, counts once in the denominator; it is on time if it is the
 *       resolution (no breach before it).
 *   <li>按期结案率: {@code Closed} in W by the lead then, on time if at or before the case's deadline
 *       (the last {@code dueAt} of {@code Registered}, {@code Resumed}, {@code Extended}, {@code
 *       Reopened}, or {@code DeadlineRevised} of the {@code case} clock).
 *   <li>返工率: (failed checks while it leads + reopenings of a case it last led) per (checks while it
 *       leads + those reopenings), in W.
 *   <li>推诿: {@code Returned} by it in W whose case's next holding is its own again (the dispatcher
 *       judged the case its duty).
 *   <li>supervised: {@code SupervisionOpened} in W while it leads (or, if nobody leads, it last
 *       led).
 *   <li>满意率: answers of reached {@code Visited} and of {@code Evaluated} in W on cases it last led
 *       (or leads), satisfied or basically satisfied per answer.
 * </ul>
 *
 * <p>Composite: {@code 100 * sum(w_i * s_i) / sum(w_i)} over the indicators whose denominator is
 * not zero, where s is the accepted-in-time, on-time-handling, on-time-closing and satisfaction
 * rates, and {@code 1 - min(1, x)} for the rework rate and for shirks and supervisions per
 * assignment received; empty when no weighted indicator is defined.
 */
public final class Scorecards {
  private final Instant from;
  private final Instant to;
  private final ScorecardWeights weights;
  private final long acceptWithinMillis;
  private final HashMap<CaseId, Track> cases = new HashMap<>();
  private final HashMap<String, Acc> handlers = new HashMap<>();
  private @Nullable CaseId lastId;
  private @Nullable Track last;

  private Scorecards(Instant from, Instant to, ScorecardWeights weights) {
    checkArgument(from.isBefore(to), "the period [%s, %s) is empty", from, to);
    this.from = from;
    this.to = to;
    this.weights = weights;
    this.acceptWithinMillis = weights.acceptWithin().toMillis();
  }

  /**
   * Computes the table of a period.
   *
   * @param events the log: each case's events in sequence order, cases interleaved in any way
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive; after {@code from}
   * @param weights the composite's weights and the acceptance limit
   * @return the table, ranked
   */
  public static ScorecardTable compute(
      Iterable<CaseEvent> events, Instant from, Instant to, ScorecardWeights weights) {
    Scorecards s =
        new Scorecards(
            Objects.requireNonNull(from, "from"),
            Objects.requireNonNull(to, "to"),
            Objects.requireNonNull(weights, "weights"));
    for (CaseEvent e : events) {
      s.accept(e, s.track(e.caseId()));
    }
    return s.table();
  }

  /**
   * Starts an empty computation of a period, fed one whole case at a time with {@link #addCase}
   * (e.g. by a simulation as its cases finish): the same table as {@link #compute} over the same
   * events, without keeping any state per case between calls. Not thread-safe: one thread at a
   * time.
   *
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive; after {@code from}
   * @param weights the composite's weights and the acceptance limit
   * @return the empty computation
   */
  public static Scorecards accumulator(Instant from, Instant to, ScorecardWeights weights) {
    return new Scorecards(
        Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(to, "to"),
        Objects.requireNonNull(weights, "weights"));
  }

  /**
   * Adds every event of one case, in sequence order. The case must be whole (from its report) and
   * must not be added again: nothing of it is kept but its handlers' counts.
   *
   * @param caseEvents the case's events in sequence order
   * @throws IllegalArgumentException if the events are not all of one case (naming both cases and
   *     the sequence number of the first other one); nothing is then added
   */
  public void addCase(List<CaseEvent> caseEvents) {
    if (caseEvents.isEmpty()) {
      return;
    }
    CaseId id = caseEvents.get(0).caseId();
    for (CaseEvent e : caseEvents) {
      if (!e.caseId().equals(id)) {
        throw new IllegalArgumentException(
            "addCase takes the events of one case: case "
                + id
                + " holds an event of case "
                + e.caseId()
                + " (sequence "
                + e.sequence()
                + ")");
      }
    }
    Track t = new Track();
    for (CaseEvent e : caseEvents) {
      accept(e, t);
    }
  }

  /** What the computation keeps per case. */
  private static final class Track {
    @Nullable String lead;
    @Nullable String lastLead;
    @Nullable String returnedBy; // the returner awaiting the next holding, if its return was in W
    long startedAt;
    boolean startedInW;
    boolean accepted;
    boolean breached;
    boolean counted;
    long dueAt = Long.MAX_VALUE;
  }

  /** The counts of one handler. */
  private static final class Acc {
    long received;
    long acceptedInTime;
    long handlingDue;
    long handledOnTime;
    long closed;
    long closedOnTime;
    long rework;
    long reworkBase;
    long shirks;
    long supervised;
    long answers;
    long satisfied;
  }

  private Acc acc(String handler) {
    return handlers.computeIfAbsent(handler, h -> new Acc());
  }

  private Track track(CaseId id) {
    if (id.equals(lastId) && last != null) {
      return last;
    }
    Track t = cases.computeIfAbsent(id, k -> new Track());
    lastId = id;
    last = t;
    return t;
  }

  private void accept(CaseEvent e, Track t) {
    Instant at = e.at();
    if (!at.isBefore(to)) {
      return;
    }
    boolean inW = !at.isBefore(from);
    EventPayload p = e.payload();
    switch (e.type()) {
      case DISPATCHED -> {
        EventPayload.Dispatched d = (EventPayload.Dispatched) p;
        if (d.role() == HandlerRole.LEAD) {
          startHolding(t, d.handlerId(), at, inW);
        }
      }
      case ESCALATED -> startHolding(t, ((EventPayload.Escalated) p).toHandlerId(), at, inW);
      case ACCEPTED -> accepted(t, ((EventPayload.Accepted) p).handlerId(), at);
      case SLA_BREACHED -> {
        if (t.lead != null
            && !t.breached
            && "lead".equals(((EventPayload.SlaBreached) p).clockId())) {
          t.breached = true;
          if (inW && !t.counted) {
            acc(t.lead).handlingDue++;
          }
          t.counted = true;
        }
      }
      case RESOLVED -> resolved(t, inW);
      case RETURNED -> {
        t.returnedBy = inW ? ((EventPayload.Returned) p).handlerId() : null;
        t.lead = null;
      }
      case CHECK_PASSED, CHECK_FAILED -> checked(t, e.type() == EventType.CHECK_FAILED, inW);
      case CLOSED -> closed(t, at, inW);
      case REOPENED -> {
        if (inW && t.lastLead != null) {
          Acc a = acc(t.lastLead);
          a.rework++;
          a.reworkBase++;
        }
        t.dueAt = ((EventPayload.Reopened) p).dueAt().toEpochMilli();
      }
      case SUPERVISION_OPENED -> {
        String h = t.lead != null ? t.lead : t.lastLead;
        if (inW && h != null) {
          acc(h).supervised++;
        }
      }
      case VISITED -> {
        EventPayload.Visited v = (EventPayload.Visited) p;
        if (v.satisfaction().isPresent()) {
          answer(t, v.satisfaction().get(), inW);
        }
      }
      case EVALUATED -> answer(t, ((EventPayload.Evaluated) p).satisfaction(), inW);
      case REGISTERED -> t.dueAt = ((EventPayload.Registered) p).dueAt().toEpochMilli();
      case RESUMED -> t.dueAt = ((EventPayload.Resumed) p).dueAt().toEpochMilli();
      case EXTENDED -> t.dueAt = ((EventPayload.Extended) p).dueAt().toEpochMilli();
      case DEADLINE_REVISED -> {
        EventPayload.DeadlineRevised r = (EventPayload.DeadlineRevised) p;
        if (CaseState.WHOLE_CASE_CLOCK.equals(r.clockId())) {
          t.dueAt = r.dueAt().toEpochMilli();
        }
      }
      default -> {}
    }
  }

  private void startHolding(Track t, String handler, Instant at, boolean inW) {
    if (t.returnedBy != null && t.returnedBy.equals(handler)) {
      acc(handler).shirks++;
    }
    t.returnedBy = null;
    t.lead = handler;
    t.startedAt = at.toEpochMilli();
    t.startedInW = inW;
    t.accepted = false;
    t.breached = false;
    t.counted = false;
    if (inW) {
      acc(handler).received++;
    }
  }

  private void accepted(Track t, String handler, Instant at) {
    if (handler.equals(t.lead) && !t.accepted) {
      t.accepted = true;
      if (t.startedInW && at.toEpochMilli() - t.startedAt <= acceptWithinMillis) {
        acc(handler).acceptedInTime++;
      }
    }
  }

  private void resolved(Track t, boolean inW) {
    String h = t.lead;
    if (h == null) {
      return;
    }
    if (inW && !t.counted) {
      Acc a = acc(h);
      a.handlingDue++;
      if (!t.breached) {
        a.handledOnTime++;
      }
    }
    t.counted = true;
  }

  private void checked(Track t, boolean failed, boolean inW) {
    String h = t.lead;
    if (h == null) {
      return;
    }
    if (inW) {
      Acc a = acc(h);
      a.reworkBase++;
      if (failed) {
        a.rework++;
      }
    }
    if (failed) { // rework: a new holding of the same lead, not a new assignment
      t.breached = false;
      t.counted = false;
    }
  }

  private void closed(Track t, Instant at, boolean inW) {
    String h = t.lead;
    if (h != null && inW) {
      Acc a = acc(h);
      a.closed++;
      if (at.toEpochMilli() <= t.dueAt) {
        a.closedOnTime++;
      }
    }
    if (h != null) {
      t.lastLead = h;
    }
    t.lead = null;
  }

  private void answer(Track t, Satisfaction s, boolean inW) {
    String h = t.lead != null ? t.lead : t.lastLead;
    if (inW && h != null) {
      Acc a = acc(h);
      a.answers++;
      if (s != Satisfaction.DISSATISFIED) {
        a.satisfied++;
      }
    }
  }

  /**
   * Returns the table of the events added so far.
   *
   * @return the table, ranked
   */
  public ScorecardTable table() {
    List<Scorecard> cards = new ArrayList<>(handlers.size());
    for (var en : handlers.entrySet()) {
      cards.add(card(en.getKey(), en.getValue()));
    }
    cards.sort(Comparator.comparing(Scorecard::handlerId));
    return ScorecardTable.rank(from, to, ImmutableList.copyOf(cards));
  }

  private Scorecard card(String h, Acc a) {
    Rate accepted = new Rate(a.acceptedInTime, a.received);
    Rate handling = new Rate(a.handledOnTime, a.handlingDue);
    Rate closing = new Rate(a.closedOnTime, a.closed);
    Rate rework = new Rate(a.rework, a.reworkBase);
    Rate satisfaction = new Rate(a.satisfied, a.answers);
    double sum = 0;
    double wsum = 0;
    double[][] terms = {
      {
        weights.weight(ScorecardWeights.Indicator.ACCEPTED_IN_TIME),
        ratio(a.acceptedInTime, a.received)
      },
      {
        weights.weight(ScorecardWeights.Indicator.ON_TIME_HANDLING),
        ratio(a.handledOnTime, a.handlingDue)
      },
      {weights.weight(ScorecardWeights.Indicator.ON_TIME_CLOSING), ratio(a.closedOnTime, a.closed)},
      {weights.weight(ScorecardWeights.Indicator.REWORK), inverse(a.rework, a.reworkBase)},
      {weights.weight(ScorecardWeights.Indicator.SHIRKING), inverse(a.shirks, a.received)},
      {weights.weight(ScorecardWeights.Indicator.SUPERVISED), inverse(a.supervised, a.received)},
      {weights.weight(ScorecardWeights.Indicator.SATISFACTION), ratio(a.satisfied, a.answers)},
    };
    for (double[] term : terms) {
      if (term[0] > 0 && !Double.isNaN(term[1])) {
        sum += term[0] * term[1];
        wsum += term[0];
      }
    }
    OptionalDouble composite =
        wsum > 0 ? OptionalDouble.of(100 * sum / wsum) : OptionalDouble.empty();
    return new Scorecard(
        h,
        a.received,
        accepted,
        handling,
        closing,
        rework,
        a.shirks,
        a.supervised,
        satisfaction,
        composite);
  }

  private static double ratio(long n, long d) {
    return d == 0 ? Double.NaN : (double) n / d;
  }

  private static double inverse(long n, long d) {
    return d == 0 ? Double.NaN : 1 - Math.min(1.0, (double) n / d);
  }
}
