package org.gridgov.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jspecify.annotations.Nullable;

/**
 * JSON that {@link GridgovModule} refuses: malformed, or without gridgov's shape. The message names
 * the JSON path of the bad value (e.g. {@code $.payload.dueAt}) and what was expected there, and
 * Jackson appends the line and column; it never holds the bad value, which may be personal data put
 * where it does not belong (a phone number in a date field).
 *
 * <p>A subtype of Jackson's {@link MismatchedInputException}, so callers of {@code
 * ObjectMapper.readValue} catch it as they catch Jackson's own errors.
 */
public final class GridgovJsonException extends MismatchedInputException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;

  GridgovJsonException(@Nullable JsonParser parser, String jsonPath, String message) {
    super(parser, message, (Class<?>) null);
    this.jsonPath = jsonPath;
  }

  /**
   * Returns the JSON path of the bad or missing value, from the root of the document read, e.g.
   * {@code $.events[3].payload.dueAt}; {@code $} for a document that is not JSON at all.
   *
   * @return the path
   */
  public String jsonPath() {
    return jsonPath;
  }
}
