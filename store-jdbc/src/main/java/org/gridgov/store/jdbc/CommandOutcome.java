package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;

/**
 * The outcome of one command of {@link DurableCaseEngine#executeAll}: the events stored for it, and
 * the engine's refusal if it refused the command (then the events are the time advance's only).
 *
 * @param commandId the command's id
 * @param events the time advance's events followed by the command's, as stored (for a retry: as
 *     stored the first time)
 * @param refusal the engine's refusal, empty if the command was accepted
 * @param retry whether the command was recognised as a retry of a stored (or earlier in the batch)
 *     command and not run again
 */
public record CommandOutcome(
    String commandId,
    ImmutableList<CaseEvent> events,
    Optional<RuntimeException> refusal,
    boolean retry) {

  /**
   * Checks the values.
   *
   * @param commandId the command id
   * @param events the events
   * @param refusal the refusal, if any
   * @param retry whether it was a retry
   * @throws NullPointerException if a value is null
   */
  public CommandOutcome {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(refusal, "refusal");
  }

  /**
   * Returns whether the engine accepted the command.
   *
   * @return true unless it was refused
   */
  public boolean accepted() {
    return refusal.isEmpty();
  }

  /**
   * Returns the events, as {@link DurableCaseEngine#execute} would, or throws the refusal as it
   * would.
   *
   * @return the events
   * @throws RuntimeException the engine's refusal, if it refused the command
   */
  public ImmutableList<CaseEvent> eventsOrThrow() {
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    return events;
  }

  /**
   * Describes the outcome by command id, event count and refusal type only: events and refusal
   * messages may carry free text with personal data.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "CommandOutcome["
        + commandId
        + ", "
        + events.size()
        + " events"
        + refusal.map(r -> ", refused: " + r.getClass().getSimpleName()).orElse("")
        + (retry ? ", retry" : "")
        + "]";
  }
}
