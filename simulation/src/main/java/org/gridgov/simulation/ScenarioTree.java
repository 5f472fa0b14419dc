package org.gridgov.simulation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON/YAML document as a small tree whose every node and key remembers its line and column:
 * Jackson's {@code JsonNode} forgets positions, and a scenario file's problems must name them.
 */
final class ScenarioTree {
  private ScenarioTree() {}

  /** What a scalar was written as. */
  enum Kind {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("true/false"),
    NULL("nothing (null)");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /** A position in the file; 0 when unknown. */
  record Pos(int line, int column) {}

  /** A node of the document. */
  sealed interface Node {
    /**
     * Returns where the node starts.
     *
     * @return the position
     */
    Pos pos();

    /**
     * Returns what the node is, for "expected X but found Y" messages.
     *
     * @return a description
     */
    String description();

    /**
     * Returns the node's text for messages: a scalar's text, otherwise {@code ""}.
     *
     * @return the text
     */
    default String text() {
      return "";
    }
  }

  /** A scalar value with its text as written. */
  record Scalar(Pos pos, Kind kind, String text) implements Node {
    @Override
    public String description() {
      return kind.description;
    }
  }

  /** A list. */
  record ListNode(Pos pos, ImmutableList<Node> items) implements Node {
    @Override
    public String description() {
      return "a list";
    }
  }

  /** One key of a map with the key's own position. */
  record Entry(String key, Pos keyPos, Node value) {}

  /** A map, in file order. */
  record MapNode(Pos pos, ImmutableList<Entry> entries) implements Node {
    @Override
    public String description() {
      return "a map (key: value)";
    }

    @Nullable Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    @Nullable Node get(String key) {
      Entry e = entry(key);
      return e == null ? null : e.value();
    }
  }

  /** Receives duplicate keys found while reading. */
  interface DuplicateKeys {
    void duplicate(String key, Pos at, Pos first);
  }

  /**
   * Reads one document from a parser positioned before its first token.
   *
   * @param parser the parser
   * @param duplicates receives keys that appear twice in a map (the first one is kept)
   * @return the root, or {@code null} for an empty document
   * @throws IOException on a syntax error (a {@link
   *     com.fasterxml.jackson.core.JsonProcessingException} with its location)
   */
  static @Nullable Node read(JsonParser parser, DuplicateKeys duplicates) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      return null;
    }
    return value(parser, t, duplicates);
  }

  static Pos pos(@Nullable JsonLocation location) {
    if (location == null) {
      return new Pos(0, 0);
    }
    return new Pos(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
  }

  private static Node value(JsonParser p, JsonToken t, DuplicateKeys duplicates)
      throws IOException {
    Pos at = pos(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          if (k == null) {
            throw new IOException("unexpected end of input inside a map");
          }
          String key = p.currentName();
          Pos keyPos = pos(p.currentTokenLocation());
          Node v = value(p, p.nextToken(), duplicates);
          String name = key == null ? "" : key;
          Entry first = entries.get(name);
          if (first != null) {
            duplicates.duplicate(name, keyPos, first.keyPos());
          } else {
            entries.put(name, new Entry(name, keyPos, v));
          }
        }
        return new MapNode(at, ImmutableList.copyOf(entries.values()));
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
          if (i == null) {
            throw new IOException("unexpected end of input inside a list");
          }
          items.add(value(p, i, duplicates));
        }
        return new ListNode(at, ImmutableList.copyOf(items));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Scalar(at, Kind.NUMBER, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(at, Kind.BOOLEAN, p.getText());
      }
      case VALUE_NULL -> {
        return new Scalar(at, Kind.NULL, "");
      }
      case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> {
        String text = p.getText();
        return new Scalar(at, Kind.STRING, text == null ? "" : text);
      }
      default -> throw new IOException(String.format(Locale.ROOT, "unexpected %s", t));
    }
  }
}
