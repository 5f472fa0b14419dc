package org.gridgov.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * Path-aware reads of JSON tree fields for the codecs. Every failure is a {@link ShapeException}
 * naming the path and the expected shape; a field holding JSON {@code null} counts as missing.
 */
final class Trees {
  private Trees() {}

  static String at(String path, String name) {
    return path + "." + name;
  }

  static JsonNode field(JsonNode n, String name, String path) {
    JsonNode v = optional(n, name);
    if (v == null) {
      throw ShapeException.missing(at(path, name));
    }
    return v;
  }

  static @Nullable JsonNode optional(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v;
  }

  static JsonNode object(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isObject()) {
      throw ShapeException.expected(at(path, name), "an object", v);
    }
    return v;
  }

  static void requireObject(JsonNode n, String path) {
    if (!n.isObject()) {
      throw ShapeException.expected(path, "an object", n);
    }
  }

  static JsonNode array(JsonNode n, String name, String path, String ofWhat) {
    JsonNode v = field(n, name, path);
    if (!v.isArray()) {
      throw ShapeException.expected(at(path, name), "an array of " + ofWhat, v);
    }
    return v;
  }

  /** A string, possibly blank. */
  static String string(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isTextual()) {
      throw ShapeException.expected(at(path, name), "a string", v);
    }
    return v.asText();
  }

  /** A string with at least one non-blank character. */
  static String text(JsonNode n, String name, String path) {
    String s = string(n, name, path);
    if (s.isBlank()) {
      throw ShapeException.rule(at(path, name), "must not be blank");
    }
    return s;
  }

  /** An element of an array of non-blank strings. */
  static String textElement(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw ShapeException.expected(path, "a string", v);
    }
    if (v.asText().isBlank()) {
      throw ShapeException.rule(path, "must not be blank");
    }
    return v.asText();
  }

  static long lng(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw ShapeException.expected(at(path, name), "an integer", v);
    }
    return v.asLong();
  }

  static double number(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isNumber()) {
      throw ShapeException.expected(at(path, name), "a number", v);
    }
    return v.asDouble();
  }

  static int integer(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ShapeException.expected(at(path, name), "a 32-bit integer", v);
    }
    return v.asInt();
  }

  static boolean bool(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isBoolean()) {
      throw ShapeException.expected(at(path, name), "true or false", v);
    }
    return v.asBoolean();
  }

  /** An optional boolean, {@code false} when absent. */
  static boolean flag(JsonNode n, String name, String path) {
    return optional(n, name) != null && bool(n, name, path);
  }

  static Instant instant(JsonNode n, String name, String path) {
    String s = string(n, name, path);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw ShapeException.expected(
          at(path, name), "an ISO-8601 instant such as 2024-03-01T02:00:00Z", n.get(name));
    }
  }

  static Duration positiveDuration(JsonNode n, String name, String path) {
    String s = string(n, name, path);
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw ShapeException.expected(
          at(path, name), "an ISO-8601 duration such as PT30M", n.get(name));
    }
    if (d.isNegative() || d.isZero()) {
      throw ShapeException.rule(at(path, name), "must be a positive duration");
    }
    return d;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String name, String path) {
    String s = string(n, name, path);
    for (E c : type.getEnumConstants()) {
      if (c.name().equals(s)) {
        return c;
      }
    }
    throw ShapeException.expected(
        at(path, name), "one of " + Arrays.toString(type.getEnumConstants()), n.get(name));
  }

  /** A case id: 1 to {@link CaseId#MAX_LENGTH} chars, not starting or ending with whitespace. */
  static CaseId caseId(JsonNode n, String name, String path) {
    return caseIdValue(field(n, name, path), at(path, name));
  }

  /** A case id held by the node at {@code path}. */
  static CaseId caseIdValue(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw ShapeException.expected(path, "a string", v);
    }
    String s = v.asText();
    if (s.isEmpty() || s.length() > CaseId.MAX_LENGTH || !s.strip().equals(s)) {
      throw ShapeException.rule(
          path,
          "must be a case id of 1 to "
              + CaseId.MAX_LENGTH
              + " chars, not starting or ending with whitespace");
    }
    return CaseId.of(s);
  }

  /** A region code: a positive integer. */
  static long regionCode(JsonNode v, String path) {
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
      throw ShapeException.expected(path, "a region code (a positive integer)", v);
    }
    return v.asLong();
  }
}
