package org.gridgov.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.Command;
import org.gridgov.engine.DeliberationEvent;
import org.gridgov.engine.Principal;
import org.gridgov.engine.StaffEvent;
import org.gridgov.people.WishEvent;

/**
 * A Jackson module for gridgov's values: case events, case facts, case files, engine commands,
 * principals, actors and case ids, in the versioned wire form of docs/json.md (JSON Schema {@value
 * #SCHEMA_RESOURCE} in this jar).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new GridgovModule());
 * String json = mapper.writeValueAsString(event);
 * CaseEvent back = mapper.readValue(json, CaseEvent.class);
 * }</pre>
 *
 * <p>The shape is written out by hand, not derived from the classes by reflection, so it does not
 * change when they do. Reading ignores fields it does not know (a later minor version's), at every
 * level, and refuses a document without a required field or with a value of the wrong kind with a
 * {@link GridgovJsonException} naming the JSON path ({@code $.payload.dueAt}) and what was expected
 * there, never the value itself.
 *
 * <p>Personal data: {@code new GridgovModule()} writes a reporter's name and phone masked ({@code
 * 张**}, {@code 138****5678}) with {@code "masked":true}; only {@link #unmasked()} writes them in
 * clear, for a store allowed to hold them.
 *
 * <p>Jackson reads the first token of a document before any deserializer of this module runs: if
 * that very token is malformed, Jackson's own message quotes it. To read untrusted text with no
 * value in any message, use {@link CaseJson}, which parses the text itself.
 */
public final class GridgovModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The version of the wire form this module writes, and the highest it reads. */
  public static final int SCHEMA_VERSION = 1;

  /** The media type of an event or command document in this wire form. */
  public static final String MEDIA_TYPE = "application/vnd.gridgov+json;version=1";

  /** The class-path resource of the JSON Schema (draft 2020-12) describing this wire form. */
  public static final String SCHEMA_RESOURCE = "/org/gridgov/json/gridgov-events-v1.schema.json";

  private final boolean unmasked;

  /** Creates a module that writes personal data masked. */
  public GridgovModule() {
    this(false);
  }

  private GridgovModule(boolean unmasked) {
    super("GridgovModule", new Version(1, 0, 0, null, "org.gridgov", "gridgov-json"));
    this.unmasked = unmasked;
    EventTrees events = new EventTrees(unmasked);
    CommandTrees commands = new CommandTrees(events);
    add(CaseEvent.class, events::toTree, EventTrees::event);
    add(CaseFacts.class, events::toTree, EventTrees::facts);
    add(CaseFile.class, events::toTree, EventTrees::caseFile);
    add(Command.class, commands::toTree, CommandTrees::command);
    add(Principal.class, CommandTrees::toTree, CommandTrees::principal);
    add(Actor.class, EventTrees::actorTree, EventTrees::actor);
    add(StaffEvent.class, StaffTrees::toTree, StaffTrees::staffEvent);
    add(DeliberationEvent.class, PeopleTrees::toTree, PeopleTrees::deliberationEvent);
    add(WishEvent.class, PeopleTrees::toTree, PeopleTrees::wishEvent);
    addSerializer(CaseId.class, new CaseIdSerializer());
    addDeserializer(CaseId.class, new CaseIdDeserializer());
  }

  /**
   * Returns a module that writes personal data in clear. Use only where the store may hold it.
   *
   * @return the unmasking module
   */
  public static GridgovModule unmasked() {
    return new GridgovModule(true);
  }

  /**
   * Returns whether this module writes personal data in clear.
   *
   * @return whether reporters are written unmasked
   */
  public boolean writesUnmasked() {
    return unmasked;
  }

  private <T> void add(
      Class<T> type,
      Function<? super T, ? extends JsonNode> writer,
      BiFunction<JsonNode, String, ? extends T> reader) {
    addSerializer(type, new TreeSerializer<>(type, writer));
    addDeserializer(type, new TreeDeserializer<>(type, reader));
  }

  /**
   * Returns the JSON path of the value the parser is at, from the document's root: {@code $},
   * {@code $.events[3]}, ....
   */
  static String pathOf(JsonParser p) {
    JsonStreamContext ctx = p.getParsingContext();
    JsonToken t = p.currentToken();
    if (ctx != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
      ctx = ctx.getParent();
    }
    Deque<String> parts = new ArrayDeque<>();
    for (; ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
      if (ctx.inArray()) {
        parts.addFirst("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
      } else if (ctx.getCurrentName() != null) {
        parts.addFirst("." + ctx.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }

  /**
   * Reads the tree of the value the parser is at; a malformed document is refused naming its path
   * and position only (Jackson's own message quotes the bad token).
   */
  static JsonNode readTree(JsonParser p, DeserializationContext ctxt, String path)
      throws IOException {
    try {
      return ctxt.readTree(p);
    } catch (StreamConstraintsException e) {
      throw new GridgovJsonException(p, path, "not valid JSON: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new GridgovJsonException(p, path, "not valid JSON at or below " + path);
    }
  }

  /** Writes a value through its tree codec. */
  private static final class TreeSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<? super T, ? extends JsonNode> writer;

    TreeSerializer(Class<T> type, Function<? super T, ? extends JsonNode> writer) {
      super(type);
      this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writer.apply(value).serialize(gen, provider);
    }
  }

  /** Reads a value through its tree codec, with paths from the document's root. */
  private static final class TreeDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient BiFunction<JsonNode, String, ? extends T> reader;

    TreeDeserializer(Class<T> type, BiFunction<JsonNode, String, ? extends T> reader) {
      super(type);
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String path = pathOf(p);
      JsonNode tree = readTree(p, ctxt, path);
      try {
        return reader.apply(tree, path);
      } catch (ShapeException e) {
        throw new GridgovJsonException(p, e.path(), e.text());
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        // A rule of the value type the codec does not check itself; its message may hold values.
        throw new GridgovJsonException(
            p, path, path + " breaks a rule of " + handledType().getSimpleName());
      }
    }
  }

  /** Writes a case id as its string. */
  private static final class CaseIdSerializer extends StdSerializer<CaseId> {
    private static final long serialVersionUID = 1L;

    CaseIdSerializer() {
      super(CaseId.class);
    }

    @Override
    public void serialize(CaseId value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.value());
    }
  }

  /** Reads a case id from a string. */
  private static final class CaseIdDeserializer extends StdDeserializer<CaseId> {
    private static final long serialVersionUID = 1L;

    CaseIdDeserializer() {
      super(CaseId.class);
    }

    @Override
    public CaseId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String path = pathOf(p);
      JsonNode tree = readTree(p, ctxt, path);
      try {
        return Trees.caseIdValue(tree, path);
      } catch (ShapeException e) {
        throw new GridgovJsonException(p, e.path(), e.text());
      }
    }
  }
}
