package org.gridgov.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import org.gridgov.engine.Command;
import org.gridgov.json.CaseJson;

/** Checks a command against {@link StoreLimits} before it runs. */
final class CommandSizes {
  private static final CaseJson JSON = CaseJson.unmasked();

  private CommandSizes() {}

  /**
   * Throws if a text of the command's action is longer than the limits allow. Every action is a
   * record: each {@code String}, {@code Optional<String>} and collection of strings among its
   * components is a text; a report's facts are measured as the JSON the store writes.
   */
  static void check(Command command, StoreLimits limits) {
    Command.Action action = command.action();
    if (action instanceof Command.Report r) {
      int length = JSON.write(r.facts()).length();
      if (length > limits.maxFactsLength()) {
        throw tooLarge(command, "Report.facts", length, limits.maxFactsLength());
      }
      return;
    }
    if (action instanceof Command.ReportAt r) {
      int length = JSON.write(r.facts(command.caseId(), 1L)).length();
      if (length > limits.maxFactsLength()) {
        throw tooLarge(command, "ReportAt", length, limits.maxFactsLength());
      }
      return;
    }
    RecordComponent[] components = action.getClass().getRecordComponents();
    if (components == null) {
      return;
    }
    for (RecordComponent c : components) {
      Object value = read(c, action);
      if (value instanceof Optional<?> o) {
        value = o.orElse(null);
      }
      if (value instanceof Collection<?> values) {
        for (Object v : values) {
          checkText(command, action.name() + "." + c.getName(), v, limits);
        }
      } else {
        checkText(command, action.name() + "." + c.getName(), value, limits);
      }
    }
  }

  private static void checkText(
      Command command,
      String field,
      @org.jspecify.annotations.Nullable Object value,
      StoreLimits limits) {
    if (value instanceof String s && s.length() > limits.maxTextLength()) {
      throw tooLarge(command, field, s.length(), limits.maxTextLength());
    }
  }

  private static @org.jspecify.annotations.Nullable Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + c.getName() + " of a " + record.getClass().getSimpleName(), e);
    }
  }

  private static CommandTooLargeException tooLarge(
      Command command, String field, int length, int limit) {
    return new CommandTooLargeException(
        command.commandId().value(), command.caseId().value(), field, length, limit);
  }
}
