package org.gridgov.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.gridgov.people.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * Per-person scorecards (考核到人): the figures of {@link Scorecards}, with each holding of an office's
 * case attributed to the person the {@link StaffDesk} gave it to, from the case log and the desk's
 * {@link StaffEvent} log alone.
 *
 * <p>A person's holding starts when the desk assigns the case to them ({@code ASSIGNED}, or {@code
 * HANDED_BACK} to them) while their office leads it, and ends when the case leaves the office or
 * the desk hands it on. The office's {@code Accepted} and {@code Returned} during a person's
 * holding are the person's. A dispatch to an office immediately followed by the desk's assignment
 * (the same instant) is a holding of the person only; a case the office holds with nobody assigned
 * counts for nobody. The desk writes its events after the call's case events, so a staff event at
 * instant t comes after the case events at t of the same call (a case event of a later call at the
 * very same instant is taken as before it).
 *
 * <p>Rows are {@code person:<PersonId>} and ranked among persons only (offices and departments are
 * left out); person ids are opaque codes, no names.
 */
public final class PersonScorecards {
  /** The prefix of a person's handler id in the table. */
  public static final String PREFIX = "person:";

  private PersonScorecards() {}

  /**
   * Computes the persons' scorecards of a period.
   *
   * @param caseEvents the case log: each case's events in sequence order, cases interleaved in any
   *     way
   * @param staffEvents the desk's log, in its order
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive
   * @param weights the composite's weights
   * @return the persons' table, ranked
   */
  public static ScorecardTable compute(
      Iterable<CaseEvent> caseEvents,
      Iterable<StaffEvent> staffEvents,
      Instant from,
      Instant to,
      ScorecardWeights weights) {
    return Scorecards.compute(relabel(caseEvents, staffEvents), from, to, weights)
        .restrictedTo(h -> h.startsWith(PREFIX));
  }

  /**
   * The case log as the persons held it: each case's events (cases in the order of their first
   * event), with the holdings the desk gave to persons relabelled to them and the desk's hand-ons
   * as dispatches; sequence numbers afresh per case.
   */
  static List<CaseEvent> relabel(Iterable<CaseEvent> caseEvents, Iterable<StaffEvent> staffEvents) {
    Map<CaseId, List<CaseEvent>> cases = new LinkedHashMap<>();
    for (CaseEvent e : caseEvents) {
      cases.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
    }
    Map<CaseId, List<StaffEvent>> staff = new HashMap<>();
    for (StaffEvent s : staffEvents) {
      staff.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s);
    }
    List<CaseEvent> derived = new ArrayList<>();
    for (Map.Entry<CaseId, List<CaseEvent>> en : cases.entrySet()) {
      new Relabel(derived).run(en.getValue(), staff.getOrDefault(en.getKey(), List.of()));
    }
    return derived;
  }

  /** The handler id of a person in the table. */
  static String handlerOf(PersonId p) {
    return PREFIX + p.value();
  }

  /** One case's events with its holdings moved to persons. */
  private static final class Relabel {
    private final List<CaseEvent> out;
    private @Nullable String office; // the lead office by the case events
    private @Nullable String person; // the person holding it by the staff events
    private @Nullable CaseEvent pendingLead; // a lead change not yet written out
    private @Nullable CaseEvent last; // the case's latest event, for synthetic events' actor
    private long seq;

    Relabel(List<CaseEvent> out) {
      this.out = out;
    }

    void run(List<CaseEvent> events, List<StaffEvent> staff) {
      int s = 0;
      for (CaseEvent e : events) {
        while (s < staff.size() && staff.get(s).at().isBefore(e.at())) {
          staff(staff.get(s++));
        }
        flush();
        caseEvent(e);
      }
      while (s < staff.size()) {
        staff(staff.get(s++));
      }
      flush();
    }

    private void caseEvent(CaseEvent e) {
      last = e;
      EventPayload p = e.payload();
      if (p instanceof EventPayload.Dispatched d && d.role() == HandlerRole.LEAD) {
        lead(e, d.handlerId());
      } else if (p instanceof EventPayload.Escalated es) {
        lead(e, es.toHandlerId());
      } else if (p instanceof EventPayload.Accepted a && a.handlerId().equals(office)) {
        emit(e, person == null ? p : new EventPayload.Accepted(Objects.requireNonNull(person)));
      } else if (p instanceof EventPayload.Returned r && r.handlerId().equals(office)) {
        emit(
            e,
            person == null
                ? p
                : new EventPayload.Returned(Objects.requireNonNull(person), r.reason()));
        office = null;
        person = null;
      } else {
        emit(e, p);
        if (p instanceof EventPayload.Closed || p instanceof EventPayload.Merged) {
          office = null;
          person = null;
        }
      }
    }

    /** A lead change by the case log: held back until the desk's assignment at its instant. */
    private void lead(CaseEvent e, String handler) {
      office = handler;
      person = null;
      pendingLead = e;
    }

    private void staff(StaffEvent s) {
      if (!s.handlerId().equals(office)) {
        return; // the desk's view of an office the case has left
      }
      boolean gives =
          s.kind() == StaffEvent.Kind.ASSIGNED || s.kind() == StaffEvent.Kind.HANDED_BACK;
      @Nullable String next =
          gives ? s.person().map(PersonScorecards::handlerOf).orElse(null) : null;
      if (Objects.equals(next, person)) {
        return;
      }
      CaseEvent lead = pendingLead;
      if (lead != null && lead.at().equals(s.at()) && next != null) {
        pendingLead = null; // the dispatch and the assignment are one holding, the person's
        emit(lead, withLead(lead.payload(), next));
      } else {
        flush();
        String holder = next != null ? next : Objects.requireNonNull(office);
        emitAt(s.at(), new EventPayload.Dispatched(holder, HandlerRole.LEAD));
      }
      person = next;
    }

    private static EventPayload withLead(EventPayload p, String handler) {
      if (p instanceof EventPayload.Escalated es) {
        return new EventPayload.Escalated(es.cause(), es.fromHandlerId(), handler);
      }
      return new EventPayload.Dispatched(handler, HandlerRole.LEAD);
    }

    private void flush() {
      CaseEvent lead = pendingLead;
      if (lead != null) {
        pendingLead = null;
        emit(lead, lead.payload());
      }
    }

    private void emit(CaseEvent e, EventPayload p) {
      out.add(CaseEvent.of(e.caseId(), ++seq, e.at(), e.actor(), p));
    }

    private void emitAt(Instant at, EventPayload p) {
      CaseEvent ref = Objects.requireNonNull(last, "a staff event before the case's first event");
      out.add(CaseEvent.of(ref.caseId(), ++seq, at, ref.actor(), p));
    }
  }
}
