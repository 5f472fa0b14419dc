package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import org.gridgov.internal.SharedRun;
import org.jspecify.annotations.Nullable;

/**
 * A case: its {@link CaseFacts}, its append-only log of {@link CaseEvent}s, and the {@link
 * CaseState} derived from the log by {@link CaseLifecycle}.
 *
 * <p>Immutable: {@link #append} returns a new file and leaves this one as it was, also when it
 * throws. The derived state is always the replay of the events, so two files with equal facts and
 * events are equal. Appending one event takes amortised constant time: files appended one after
 * another share one append-only log (a {@code SharedRun}), so a case of 100,000 events is built in
 * linear time; {@link #events()} builds its list once per file.
 *
 * <pre>{@code
 * CaseFile file = CaseFile.open(facts)
 *     .append(CaseEvent.of(facts.id(), 1, t0, worker, new EventPayload.Reported()))
 *     .append(CaseEvent.of(facts.id(), 2, t1, dispatcher, new EventPayload.Verified()));
 * file.state().status();   // VERIFIED
 * }</pre>
 */
public final class CaseFile {
  private final CaseFacts facts;
  private final CaseState state;
  // The events: appended files share a run; a file opened or rebuilt holds its list. At least one
  // is set; the list is built from the run on the first events() (a race only builds it twice).
  private final @Nullable SharedRun<CaseEvent> run;
  private @Nullable ImmutableList<CaseEvent> list;

  private CaseFile(CaseFacts facts, ImmutableList<CaseEvent> events, CaseState state) {
    this.facts = facts;
    this.state = state;
    this.run = null;
    this.list = events;
  }

  private CaseFile(CaseFacts facts, SharedRun<CaseEvent> events, CaseState state) {
    this.facts = facts;
    this.state = state;
    this.run = events;
    this.list = null;
  }

  /**
   * Opens a file with no events yet (status {@link CaseStatus#NEW}).
   *
   * @param facts the case facts
   * @return the empty file
   */
  public static CaseFile open(CaseFacts facts) {
    return new CaseFile(facts, ImmutableList.of(), CaseLifecycle.initial(facts.id()));
  }

  /**
   * Rebuilds a file from stored facts and events, replaying and validating every event.
   *
   * @param facts the case facts
   * @param events the events in sequence order, starting with sequence 1
   * @return the file
   * @throws EventSequenceException if an event belongs to another case, is out of sequence or goes
   *     back in time
   * @throws IllegalTransitionException if an event is not allowed where it appears
   */
  public static CaseFile of(CaseFacts facts, Iterable<CaseEvent> events) {
    ImmutableList<CaseEvent> list = ImmutableList.copyOf(events);
    return new CaseFile(facts, list, CaseLifecycle.replay(facts.id(), list));
  }

  /**
   * Returns a file with one more event.
   *
   * @param event the next event: sequence {@code events().size() + 1}, not earlier than the last
   *     event
   * @return the new file; this file is unchanged
   * @throws EventSequenceException if the event belongs to another case, is out of sequence or goes
   *     back in time
   * @throws IllegalTransitionException if the current state does not allow the event
   */
  public CaseFile append(CaseEvent event) {
    CaseState next = CaseLifecycle.apply(state, event);
    SharedRun<CaseEvent> r = run;
    return new CaseFile(facts, (r == null ? SharedRun.of(events()) : r).plus(event), next);
  }

  /**
   * Returns a file with several more events, all or nothing.
   *
   * @param more the next events in sequence order
   * @return the new file; this file is unchanged, also when an event is refused
   * @throws EventSequenceException if an event is out of sequence
   * @throws IllegalTransitionException if an event is not allowed where it appears
   */
  public CaseFile appendAll(Iterable<CaseEvent> more) {
    CaseState.Draft d = new CaseState.Draft(state);
    ImmutableList.Builder<CaseEvent> b = ImmutableList.<CaseEvent>builder().addAll(events());
    for (CaseEvent e : more) {
      CaseLifecycle.step(d, e);
      b.add(e);
    }
    return new CaseFile(facts, b.build(), d.freeze());
  }

  /**
   * Returns the case id.
   *
   * @return the id, equal to {@code facts().id()}
   */
  public CaseId id() {
    return facts.id();
  }

  /**
   * Returns the facts.
   *
   * @return the facts
   */
  public CaseFacts facts() {
    return facts;
  }

  /**
   * Returns the events in sequence order.
   *
   * @return the log
   */
  public ImmutableList<CaseEvent> events() {
    ImmutableList<CaseEvent> l = list;
    if (l == null) {
      l = java.util.Objects.requireNonNull(run, "run").toList();
      list = l;
    }
    return l;
  }

  /** The number of events. */
  private int size() {
    SharedRun<CaseEvent> r = run;
    return r != null ? r.size() : events().size();
  }

  /**
   * Returns the state derived from the events.
   *
   * @return the state
   */
  public CaseState state() {
    return state;
  }

  /**
   * Returns the sequence number the next event must carry.
   *
   * @return {@code events().size() + 1}
   */
  public long nextSequence() {
    return state.lastSequence() + 1;
  }

  /**
   * Returns the event with a sequence number.
   *
   * @param sequence a number between 1 and {@code events().size()}
   * @return the event
   * @throws IllegalArgumentException if there is no such event
   */
  public CaseEvent event(long sequence) {
    checkArgument(
        sequence >= 1 && sequence <= size(),
        "case %s has events #1 to #%s, not #%s",
        facts.id(),
        size(),
        sequence);
    SharedRun<CaseEvent> r = run;
    return r != null ? r.get((int) (sequence - 1)) : events().get((int) (sequence - 1));
  }

  /** Compares facts and events (the state follows from them). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CaseFile other
        && facts.equals(other.facts)
        && events().equals(other.events());
  }

  @Override
  public int hashCode() {
    return 31 * facts.hashCode() + events().hashCode();
  }

  /** Renders as {@code CaseFile[C-1, 0102, HANDLING, 6 events]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "CaseFile[%s, %s, %s, %d events]",
        facts.id(),
        facts.categoryCode(),
        state.status(),
        size());
  }
}
