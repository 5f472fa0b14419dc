package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The embedder's id of one command, parsed once: a retry carries the same id, and the engine
 * remembers ids for idempotent retries ({@link CaseEngine#execute}). Any non-blank text; compared
 * by value.
 *
 * @param value the id's text
 */
public record CommandId(String value) {

  /**
   * Validates.
   *
   * @param value the value component
   * @throws IllegalArgumentException if the value is blank
   */
  public CommandId {
    Objects.requireNonNull(value, "command id");
    checkArgument(!value.isBlank(), "a command id must not be blank but was \"%s\"", value);
  }

  /**
   * Parses a command id.
   *
   * @param value the text
   * @return the id
   * @throws IllegalArgumentException if the text is blank
   */
  public static CommandId of(String value) {
    return new CommandId(value);
  }

  /**
   * Returns the id's text.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return value;
  }
}
