package org.gridgov.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.BiFunction;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.engine.Command;

/**
 * Writes and reads case events, facts, whole case files and engine commands as JSON text: a thin
 * facade over {@link GridgovModule}'s codec, with limits on the text read and error messages that
 * never quote the text.
 *
 * <p>The format is explicit (documented in {@code docs/json.md}, JSON Schema {@value
 * GridgovModule#SCHEMA_RESOURCE}) rather than derived by reflection, so it stays stable when
 * classes change: an event is {@code
 * {"caseId":"C-1","sequence":4,"at":"2024-03-01T02:00:00Z","actor":{"id":"d-1","role":"DISPATCHER"},
 * "schemaVersion":1,"type":"Dispatched","payload":{"handlerId":"H1","role":"LEAD"}}}; instants and
 * durations are ISO-8601 strings, enums their constant names, {@code type} the payload's {@link
 * org.gridgov.casefile.EventType#payloadName()}. Unknown fields are ignored at every level.
 *
 * <p>Personal data: {@link #masked()} writes the reporter's name and phone masked ({@code 张**},
 * {@code 138****5678}) with {@code "masked":true}; reading such JSON gives a reporter holding the
 * masked values. Only {@link #unmasked()} writes the clear values, for stores allowed to hold them.
 *
 * <p>Reading is strict: malformed JSON, a missing field or a value of the wrong kind throws {@link
 * IllegalArgumentException} naming the JSON path and what was expected, never the value (it may be
 * personal data in the wrong place); a case file is replayed, so an illegal log throws gridgov's
 * lifecycle exceptions. Instances are immutable and thread-safe.
 */
public final class CaseJson {
  /**
   * The limits on JSON read: {@value #MAX_DOCUMENT_CHARS} characters, nesting {@value #MAX_NESTING}
   * deep (a case file is four levels deep), strings of {@value #MAX_STRING_CHARS} characters.
   */
  public static final int MAX_DOCUMENT_CHARS = 16 << 20;

  /** The deepest nesting of arrays and objects read. */
  public static final int MAX_NESTING = 32;

  /** The longest string value read. */
  public static final int MAX_STRING_CHARS = 1 << 20;

  private static final CaseJson MASKED = new CaseJson(false);
  private static final CaseJson UNMASKED = new CaseJson(true);

  private final ObjectMapper mapper;
  private final EventTrees events;
  private final CommandTrees commands;

  private CaseJson(boolean unmasked) {
    this.mapper =
        new ObjectMapper(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_CHARS)
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .build())
            .registerModule(unmasked ? GridgovModule.unmasked() : new GridgovModule());
    this.events = new EventTrees(unmasked);
    this.commands = new CommandTrees(events);
  }

  /**
   * Returns an adapter that writes personal data masked.
   *
   * @return the masking adapter
   */
  public static CaseJson masked() {
    return MASKED;
  }

  /**
   * Returns an adapter that writes personal data in clear. Use only where the store may hold it.
   *
   * @return the unmasking adapter
   */
  public static CaseJson unmasked() {
    return UNMASKED;
  }

  /**
   * Returns a Jackson mapper with this adapter's {@link GridgovModule} and read limits, for
   * documents that embed gridgov values.
   *
   * @return a copy of the mapper, the caller's to configure further
   */
  public ObjectMapper mapper() {
    return mapper.copy();
  }

  // ---------------------------------------------------------------- strings

  /**
   * Writes one event as a JSON object.
   *
   * @param event the event
   * @return the JSON text
   */
  public String write(CaseEvent event) {
    return text(event);
  }

  /**
   * Writes case facts as a JSON object.
   *
   * @param facts the facts
   * @return the JSON text
   */
  public String write(CaseFacts facts) {
    return text(facts);
  }

  /**
   * Writes a case file as {@code {"facts":{...},"events":[...]}}; the derived state is not written,
   * it is recomputed on reading.
   *
   * @param file the case file
   * @return the JSON text
   */
  public String write(CaseFile file) {
    return text(file);
  }

  /**
   * Writes an engine command as a JSON object (a report's facts masked unless this adapter is
   * {@link #unmasked()}).
   *
   * @param command the command
   * @return the JSON text
   */
  public String write(Command command) {
    return text(command);
  }

  /**
   * Reads one event.
   *
   * @param json the JSON text
   * @return the event
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   */
  public CaseEvent readEvent(String json) {
    return read(parse(json), EventTrees::event);
  }

  /**
   * Reads case facts.
   *
   * @param json the JSON text
   * @return the facts
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   */
  public CaseFacts readFacts(String json) {
    return read(parse(json), EventTrees::facts);
  }

  /**
   * Reads a case file and replays its events.
   *
   * @param json the JSON text
   * @return the case file
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   * @throws org.gridgov.GridgovException if the events do not form a legal log
   */
  public CaseFile readCaseFile(String json) {
    return read(parse(json), EventTrees::caseFile);
  }

  /**
   * Reads an engine command.
   *
   * @param json the JSON text
   * @return the command
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   */
  public Command readCommand(String json) {
    return read(parse(json), CommandTrees::command);
  }

  // ---------------------------------------------------------------- trees

  /**
   * Converts an event to a JSON tree.
   *
   * @param e the event
   * @return the tree
   */
  public ObjectNode toTree(CaseEvent e) {
    return events.toTree(e);
  }

  /**
   * Converts case facts to a JSON tree, masking the reporter unless this adapter is {@link
   * #unmasked()}.
   *
   * @param f the facts
   * @return the tree
   */
  public ObjectNode toTree(CaseFacts f) {
    return events.toTree(f);
  }

  /**
   * Converts a case file to a JSON tree.
   *
   * @param file the file
   * @return the tree
   */
  public ObjectNode toTree(CaseFile file) {
    return events.toTree(file);
  }

  /**
   * Converts a command to a JSON tree.
   *
   * @param command the command
   * @return the tree
   */
  public ObjectNode toTree(Command command) {
    return commands.toTree(command);
  }

  /**
   * Converts a JSON tree to an event.
   *
   * @param n the tree
   * @return the event
   * @throws IllegalArgumentException if a field is missing or bad
   */
  public CaseEvent eventFromTree(JsonNode n) {
    return read(n, EventTrees::event);
  }

  /**
   * Converts a JSON tree to case facts.
   *
   * @param n the tree
   * @return the facts
   * @throws IllegalArgumentException if a field is missing or bad
   */
  public CaseFacts factsFromTree(JsonNode n) {
    return read(n, EventTrees::facts);
  }

  // ---------------------------------------------------------------- helpers

  private static <T> T read(JsonNode tree, BiFunction<JsonNode, String, T> codec) {
    try {
      return codec.apply(tree, "$");
    } catch (ShapeException e) {
      throw new IllegalArgumentException(e.text());
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // A rule of a value type the codec does not check itself; its message may hold values.
      throw new IllegalArgumentException(
          "$ breaks a rule of gridgov's values (" + e.getClass().getSimpleName() + ")");
    }
  }

  private JsonNode parse(String json) {
    try {
      return mapper.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException(
          "not valid JSON" + where(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the bad token, which may be personal data.
      throw new IllegalArgumentException("not valid JSON" + where(e));
    }
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null
        ? ""
        : String.format(Locale.ROOT, " (line %d, column %d)", at.getLineNr(), at.getColumnNr());
  }

  private String text(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
