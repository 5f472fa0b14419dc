package org.gridgov.benchmarks.engine.legacy;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.gridgov.casefile.CaseEvent;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency as a decorator around the command path: a command id seen before with an equal
 * command (same principal, case, instant and action) returns the events of its first execution
 * without running it again; the same id with anything else is refused as {@link
 * CommandIdReusedException}. Only executed commands are remembered (a refused one may be retried
 * under its id), the most recent {@code memory} of them.
 */
final class IdempotentCommands {
  private final int memory;
  private final LinkedHashMap<String, Remembered> remembered;

  IdempotentCommands(int memory) {
    this.memory = memory;
    this.remembered =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > memory;
          }
        };
  }

  /** Runs {@code command} through {@code next} unless its id was seen; see the class comment. */
  ImmutableList<CaseEvent> execute(
      Command command, Function<Command, ImmutableList<CaseEvent>> next) {
    if (memory == 0) {
      return next.apply(command);
    }
    @Nullable Remembered seen = remembered.get(command.commandId());
    if (seen != null) {
      if (!seen.command().equals(command)) {
        throw new CommandIdReusedException(command, seen.command());
      }
      return seen.events();
    }
    ImmutableList<CaseEvent> events = next.apply(command);
    remembered.put(
        command.commandId(), new Remembered(command, events)); // drops the eldest beyond the memory
    return events;
  }

  private record Remembered(Command command, ImmutableList<CaseEvent> events) {}
}
