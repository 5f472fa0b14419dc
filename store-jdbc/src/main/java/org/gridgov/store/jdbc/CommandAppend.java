package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.engine.Command;

/**
 * What one command of a batch led to, for {@link EventStore#appendCommands(List)}: the same values
 * {@link EventStore#appendCommand} takes.
 *
 * @param command the command
 * @param accepted whether the engine accepted it (a refused command leaves only its id as the last
 *     one seen)
 * @param events the time advance's events then the command's events, in the order the engine
 *     returned them
 * @param reported the facts of the case the command reported, when it is an accepted {@code Report}
 */
public record CommandAppend(
    Command command,
    boolean accepted,
    ImmutableList<CaseEvent> events,
    Optional<CaseFacts> reported) {

  /**
   * Checks the values.
   *
   * @param command the command
   * @param accepted whether the engine accepted it
   * @param events the events to store
   * @param reported the reported facts, if any
   * @throws NullPointerException if a value is null
   */
  public CommandAppend {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(reported, "reported");
  }

  /**
   * Describes the append by command id, action, case and event count only: the command's texts and
   * the reported facts may carry personal data.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "CommandAppend["
        + command.commandId()
        + ", "
        + command.action().name()
        + " on case "
        + command.caseId()
        + (accepted ? "" : " (refused)")
        + ", "
        + events.size()
        + " events]";
  }
}
