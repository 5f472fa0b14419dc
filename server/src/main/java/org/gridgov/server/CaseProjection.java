package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.store.jdbc.PositionedEvent;
import org.jspecify.annotations.Nullable;

/**
 * What the server shows, built only from the store's event log as {@link EventFeed} follows it: per
 * case its state (folded with {@link CaseLifecycle#apply}), traffic light, deadline and timeline;
 * per grid the open cases, the closed ones and those closed on time. Thread-safe (one lock).
 */
final class CaseProjection {
  private final Map<CaseId, Entry> cases = new HashMap<>();
  private final Map<Long, GridStats> grids = new HashMap<>();
  private final java.util.NavigableMap<Long, RequestRecord> requests = new java.util.TreeMap<>();
  private final Map<String, RequestRecord> byToken = new HashMap<>();
  private long position;

  /** Counters of one grid. */
  record GridStats(int open, int red, int closed, int closedOnTime) {
    static final GridStats ZERO = new GridStats(0, 0, 0, 0);

    GridStats plus(CaseView v, int sign) {
      boolean isOpen = v.open();
      return new GridStats(
          open + (isOpen ? sign : 0),
          red + (v.light() == CaseView.Light.RED ? sign : 0),
          closed + (isOpen ? 0 : sign),
          closedOnTime + (!isOpen && !v.late() ? sign : 0));
    }

    /** On-time rate of the closed cases, or -1 if none is closed. */
    double onTimeRate() {
      return closed == 0 ? -1 : (double) closedOnTime / closed;
    }
  }

  private static final class Entry {
    final RequestRecord request;
    CaseState state;
    boolean amber;
    boolean breached;
    boolean provisional;
    @Nullable Instant dueAt;
    final List<CaseView.TimelineEntry> timeline = new ArrayList<>(8);
    @Nullable CaseView view;

    Entry(RequestRecord request) {
      this.request = request;
      this.state = CaseLifecycle.initial(request.caseId());
    }
  }

  /** Makes a request's case known (before its events arrive). */
  synchronized void register(RequestRecord request) {
    cases.putIfAbsent(request.caseId(), new Entry(request));
    requests.put(request.id(), request);
    byToken.put(request.token(), request);
  }

  /** The request of an id. */
  synchronized Optional<RequestRecord> request(long id) {
    return Optional.ofNullable(requests.get(id));
  }

  /** The request of a token. */
  synchronized Optional<RequestRecord> requestByToken(String token) {
    return Optional.ofNullable(byToken.get(token));
  }

  /** Requests and their views that match, newest first, at most {@code limit}. */
  synchronized List<Map.Entry<RequestRecord, CaseView>> requests(
      java.util.function.BiPredicate<RequestRecord, CaseView> filter, int limit) {
    List<Map.Entry<RequestRecord, CaseView>> out = new ArrayList<>();
    for (RequestRecord r : requests.descendingMap().values()) {
      Entry e = cases.get(r.caseId());
      if (e != null && e.view != null && filter.test(r, e.view)) {
        out.add(Map.entry(r, e.view));
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  /** The position of the last event applied (0 if none). */
  synchronized long position() {
    return position;
  }

  /**
   * Applies events in log order.
   *
   * @param events the events, positions following {@link #position()}
   * @return the views of the cases they changed, in first-change order
   */
  synchronized List<CaseView> apply(List<PositionedEvent> events) {
    Set<Entry> changed = new LinkedHashSet<>();
    for (PositionedEvent pe : events) {
      position = pe.position();
      Entry e = cases.get(pe.event().caseId());
      if (e == null) {
        continue; // a case that did not come through Open311 has no location here
      }
      apply(e, pe.event());
      changed.add(e);
    }
    List<CaseView> out = new ArrayList<>(changed.size());
    for (Entry e : changed) {
      CaseView old = e.view;
      CaseView now = view(e);
      long grid = e.request.gridCode();
      GridStats s = grids.getOrDefault(grid, GridStats.ZERO);
      if (old != null) {
        s = s.plus(old, -1);
      }
      grids.put(grid, s.plus(now, 1));
      e.view = now;
      out.add(now);
    }
    return out;
  }

  private static void apply(Entry e, CaseEvent event) {
    e.state = CaseLifecycle.apply(e.state, event);
    EventPayload p = event.payload();
    if (p instanceof EventPayload.Registered r) {
      newDeadline(e, r.dueAt(), r.provisional());
    } else if (p instanceof EventPayload.Resumed r) {
      newDeadline(e, r.dueAt(), r.provisional());
    } else if (p instanceof EventPayload.Extended r) {
      newDeadline(e, r.dueAt(), r.provisional());
    } else if (p instanceof EventPayload.Reopened r) {
      newDeadline(e, r.dueAt(), r.provisional());
    } else if (p instanceof EventPayload.DeadlineRevised r
        && r.clockId().equals(CaseState.WHOLE_CASE_CLOCK)) {
      newDeadline(e, r.dueAt(), r.provisional());
    } else if (p instanceof EventPayload.SlaWarning w
        && w.clockId().equals(CaseState.WHOLE_CASE_CLOCK)) {
      e.amber = true;
    } else if (p instanceof EventPayload.SlaBreached b
        && b.clockId().equals(CaseState.WHOLE_CASE_CLOCK)) {
      e.breached = true;
    }
    e.timeline.add(
        new CaseView.TimelineEntry(event.at(), event.type().payloadName(), Notes.of(event)));
  }

  private static void newDeadline(Entry e, Instant dueAt, boolean provisional) {
    e.dueAt = dueAt;
    e.provisional = provisional;
    e.amber = false;
    e.breached = false;
  }

  private static CaseView view(Entry e) {
    CaseState s = e.state;
    CaseView.Light light;
    if (!CaseView.isOpen(s.status())) {
      light = CaseView.Light.CLOSED;
    } else if (e.breached) {
      light = CaseView.Light.RED;
    } else {
      light = e.amber ? CaseView.Light.AMBER : CaseView.Light.GREEN;
    }
    return new CaseView(
        s.caseId(),
        e.request.id(),
        e.request.gridCode(),
        e.request.serviceCode(),
        s.status(),
        s.lead().orElse(null),
        e.dueAt,
        e.provisional,
        light,
        e.breached,
        s.lastEventAt().orElse(e.request.requestedAt()),
        ImmutableList.copyOf(e.timeline));
  }

  /** The view of a case, if it has events. */
  synchronized Optional<CaseView> view(CaseId id) {
    Entry e = cases.get(id);
    return e == null ? Optional.empty() : Optional.ofNullable(e.view);
  }

  /** The views that match, at most {@code limit}. */
  synchronized List<CaseView> views(Predicate<CaseView> filter, int limit) {
    List<CaseView> out = new ArrayList<>();
    for (Entry e : cases.values()) {
      if (e.view != null && filter.test(e.view)) {
        out.add(e.view);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  /** The counters of every grid with cases. */
  synchronized Map<Long, GridStats> grids() {
    return Map.copyOf(grids);
  }

  /** The number of cases known. */
  synchronized int size() {
    return cases.size();
  }
}
