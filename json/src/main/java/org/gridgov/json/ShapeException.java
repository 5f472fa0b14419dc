package org.gridgov.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A JSON document that does not have gridgov's shape: the path of the bad value and what was
 * expected there. The message never holds the bad value itself (it may be personal data put where
 * it does not belong), only its JSON kind. Internal: the codecs throw it, and {@link CaseJson} and
 * {@link GridgovModule} turn it into their own exceptions.
 */
final class ShapeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String text;

  private ShapeException(String path, String message) {
    super(message, null, false, false);
    this.path = path;
    this.text = message;
  }

  /** The message: the path and what was expected there. */
  String text() {
    return text;
  }

  /** The JSON path of the bad or missing value, e.g. {@code $.payload.dueAt}. */
  String path() {
    return path;
  }

  static ShapeException missing(String path) {
    return new ShapeException(path, path + " is missing");
  }

  static ShapeException expected(String path, String expected, JsonNode actual) {
    return new ShapeException(
        path, String.format(Locale.ROOT, "%s must be %s but was %s", path, expected, kind(actual)));
  }

  static ShapeException rule(String path, String rule) {
    return new ShapeException(path, path + " " + rule);
  }

  /** The JSON kind of a value, never the value: {@code a string}, {@code a number}, .... */
  static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> n.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL, MISSING -> "null";
      case BINARY, POJO -> "an embedded value";
    };
  }
}
