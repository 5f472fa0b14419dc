package org.gridgov.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;

/**
 * Writes and reads case events, facts and whole case files as JSON, with Jackson's tree model.
 *
 * <p>The format is explicit (documented in {@code docs/cases.md}) rather than derived by
 * reflection, so it stays stable when classes change: an event is {@code
 * {"caseId":"C-1","sequence":4,"at":"2024-03-01T02:00:00Z","actor":{"id":"d-1","role":"DISPATCHER"},
 * "schemaVersion":1,"type":"Dispatched","payload":{"handlerId":"H1","role":"LEAD"}}}; instants and
 * durations are ISO-8601 strings, enums their constant names, {@code type} the payload's {@link
 * EventType#payloadName()}.
 *
 * <p>Personal data: {@link #masked()} writes the reporter's name and phone masked ({@code 张**},
 * {@code 138****5678}) with {@code "masked":true}; reading such JSON gives a reporter holding the
 * masked values. Only {@link #unmasked()} writes the clear values, for stores allowed to hold them.
 *
 * <p>Reading is strict: a missing or malformed field throws {@link IllegalArgumentException} naming
 * the field and the JSON path; a case file is replayed, so an illegal log throws gridgov's
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

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxDocumentLength(MAX_DOCUMENT_CHARS)
                      .maxNestingDepth(MAX_NESTING)
                      .maxStringLength(MAX_STRING_CHARS)
                      .build())
              .build());

  private final boolean unmasked;

  private CaseJson(boolean unmasked) {
    this.unmasked = unmasked;
  }

  /**
   * Returns an adapter that writes personal data masked.
   *
   * @return the masking adapter
   */
  public static CaseJson masked() {
    return new CaseJson(false);
  }

  /**
   * Returns an adapter that writes personal data in clear. Use only where the store may hold it.
   *
   * @return the unmasking adapter
   */
  public static CaseJson unmasked() {
    return new CaseJson(true);
  }

  // ---------------------------------------------------------------- strings

  /**
   * Writes one event as a JSON object.
   *
   * @param event the event
   * @return the JSON text
   */
  public String write(CaseEvent event) {
    return text(toTree(event));
  }

  /**
   * Writes case facts as a JSON object.
   *
   * @param facts the facts
   * @return the JSON text
   */
  public String write(CaseFacts facts) {
    return text(toTree(facts));
  }

  /**
   * Writes a case file as {@code {"facts":{...},"events":[...]}}; the derived state is not written,
   * it is recomputed on reading.
   *
   * @param file the case file
   * @return the JSON text
   */
  public String write(CaseFile file) {
    return text(toTree(file));
  }

  /**
   * Reads one event.
   *
   * @param json the JSON text
   * @return the event
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   */
  public CaseEvent readEvent(String json) {
    return eventFromTree(parse(json));
  }

  /**
   * Reads case facts.
   *
   * @param json the JSON text
   * @return the facts
   * @throws IllegalArgumentException if the JSON is malformed or a field is missing or bad
   */
  public CaseFacts readFacts(String json) {
    return factsFromTree(parse(json));
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
    JsonNode root = parse(json);
    CaseFacts facts = factsFromTree(field(root, "facts", "$"));
    JsonNode events = field(root, "events", "$");
    if (!events.isArray()) {
      throw bad("$.events", "an array", events);
    }
    List<CaseEvent> list = new ArrayList<>(events.size());
    for (JsonNode e : events) {
      list.add(eventFromTree(e));
    }
    return CaseFile.of(facts, list);
  }

  // ---------------------------------------------------------------- trees

  /**
   * Converts an event to a JSON tree.
   *
   * @param e the event
   * @return the tree
   */
  public ObjectNode toTree(CaseEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("caseId", e.caseId().value());
    n.put("sequence", e.sequence());
    n.put("at", e.at().toString());
    ObjectNode actor = n.putObject("actor");
    actor.put("id", e.actor().id());
    actor.put("role", e.actor().role().name());
    n.put("schemaVersion", e.schemaVersion());
    n.put("type", e.type().payloadName());
    writePayload(e.payload(), n.putObject("payload"));
    return n;
  }

  /**
   * Converts case facts to a JSON tree, masking the reporter unless this adapter is {@link
   * #unmasked()}.
   *
   * @param f the facts
   * @return the tree
   */
  public ObjectNode toTree(CaseFacts f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", f.id().value());
    n.put("categoryCode", f.categoryCode());
    n.put("priority", f.priority().name());
    n.put("kind", f.kind().name());
    ArrayNode codes = n.putArray("locationCodes");
    f.locationCodes().forEach(codes::add);
    n.put("source", f.source().name());
    f.reporter()
        .ifPresent(
            p -> {
              ObjectNode r = n.putObject("reporter");
              r.put("name", unmasked ? p.revealName() : p.maskedName());
              (unmasked ? p.revealPhone() : p.maskedPhone())
                  .ifPresent(phone -> r.put("phone", phone));
              r.put("masked", !unmasked);
            });
    return n;
  }

  /**
   * Converts a case file to a JSON tree.
   *
   * @param file the file
   * @return the tree
   */
  public ObjectNode toTree(CaseFile file) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("facts", toTree(file.facts()));
    ArrayNode events = n.putArray("events");
    for (CaseEvent e : file.events()) {
      events.add(toTree(e));
    }
    return n;
  }

  /**
   * Converts a JSON tree to an event.
   *
   * @param n the tree
   * @return the event
   * @throws IllegalArgumentException if a field is missing or bad
   */
  public CaseEvent eventFromTree(JsonNode n) {
    String path = "$";
    JsonNode actor = field(n, "actor", path);
    String typeName = str(n, "type", path);
    EventType type = null;
    for (EventType t : EventType.values()) {
      if (t.payloadName().equals(typeName)) {
        type = t;
      }
    }
    if (type == null) {
      throw bad(path + ".type", "an event type such as Dispatched", n.get("type"));
    }
    return CaseEvent.builder()
        .caseId(CaseId.of(str(n, "caseId", path)))
        .sequence(lng(n, "sequence", path))
        .at(instant(n, "at", path))
        .actor(
            Actor.of(
                str(actor, "id", path + ".actor"),
                enumOf(Role.class, actor, "role", path + ".actor")))
        .schemaVersion((int) lng(n, "schemaVersion", path))
        .payload(readPayload(type, field(n, "payload", path), path + ".payload"))
        .build();
  }

  /**
   * Converts a JSON tree to case facts.
   *
   * @param n the tree
   * @return the facts
   * @throws IllegalArgumentException if a field is missing or bad
   */
  public CaseFacts factsFromTree(JsonNode n) {
    String path = "$.facts";
    JsonNode codes = field(n, "locationCodes", path);
    if (!codes.isArray()) {
      throw bad(path + ".locationCodes", "an array of region codes", codes);
    }
    long[] c = new long[codes.size()];
    for (int i = 0; i < c.length; i++) {
      if (!codes.get(i).canConvertToLong() || !codes.get(i).isIntegralNumber()) {
        throw bad(path + ".locationCodes[" + i + "]", "a region code", codes.get(i));
      }
      c[i] = codes.get(i).asLong();
    }
    CaseFacts.Builder b =
        CaseFacts.builder()
            .id(CaseId.of(str(n, "id", path)))
            .categoryCode(str(n, "categoryCode", path))
            .priority(enumOf(Priority.class, n, "priority", path))
            .kind(enumOf(CaseKind.class, n, "kind", path))
            .locationCodes(ImmutableLongArray.copyOf(c))
            .source(enumOf(CaseSource.class, n, "source", path));
    JsonNode r = n.get("reporter");
    if (r != null && !r.isNull()) {
      String name = str(r, "name", path + ".reporter");
      JsonNode phone = r.get("phone");
      b.reporter(
          phone == null || phone.isNull()
              ? PersonalData.ofName(name)
              : PersonalData.of(name, str(r, "phone", path + ".reporter")));
    }
    return b.build();
  }

  // ---------------------------------------------------------------- payloads

  private static void writePayload(EventPayload p, ObjectNode o) {
    switch (p.type()) {
      case REPORTED, VERIFIED, CHECK_PASSED, CLOSED -> {}
      case VERIFICATION_FAILED -> o.put("reason", ((EventPayload.VerificationFailed) p).reason());
      case REGISTERED ->
          due(
              o,
              ((EventPayload.Registered) p).dueAt(),
              ((EventPayload.Registered) p).provisional());
      case DISPATCHED -> {
        EventPayload.Dispatched x = (EventPayload.Dispatched) p;
        o.put("handlerId", x.handlerId());
        o.put("role", x.role().name());
      }
      case ACCEPTED -> o.put("handlerId", ((EventPayload.Accepted) p).handlerId());
      case RETURNED -> {
        EventPayload.Returned x = (EventPayload.Returned) p;
        o.put("handlerId", x.handlerId());
        o.put("reason", x.reason());
      }
      case ESCALATED -> {
        EventPayload.Escalated x = (EventPayload.Escalated) p;
        o.put("cause", x.cause().name());
        o.put("fromHandlerId", x.fromHandlerId());
        o.put("toHandlerId", x.toHandlerId());
      }
      case SUMMONED -> {
        EventPayload.Summoned x = (EventPayload.Summoned) p;
        ArrayNode a = o.putArray("departmentIds");
        x.departmentIds().forEach(a::add);
        o.put("within", x.within().toString());
      }
      case ARRIVED -> o.put("departmentId", ((EventPayload.Arrived) p).departmentId());
      case ASSIST_ADDED -> o.put("handlerId", ((EventPayload.AssistAdded) p).handlerId());
      case SUSPENDED -> o.put("reason", ((EventPayload.Suspended) p).reason());
      case RESUMED ->
          due(o, ((EventPayload.Resumed) p).dueAt(), ((EventPayload.Resumed) p).provisional());
      case EXTENDED -> {
        EventPayload.Extended x = (EventPayload.Extended) p;
        due(o, x.dueAt(), x.provisional());
        o.put("reason", x.reason());
      }
      case RESOLVED -> o.put("feedback", ((EventPayload.Resolved) p).feedback());
      case CHECK_FAILED -> o.put("reason", ((EventPayload.CheckFailed) p).reason());
      case EVALUATED -> {
        EventPayload.Evaluated x = (EventPayload.Evaluated) p;
        o.put("satisfaction", x.satisfaction().name());
        o.put("solved", x.solved());
      }
      case REOPENED -> {
        EventPayload.Reopened x = (EventPayload.Reopened) p;
        o.put("reason", x.reason());
        due(o, x.dueAt(), x.provisional());
      }
      case MERGED -> o.put("intoCaseId", ((EventPayload.Merged) p).intoCaseId().value());
      case SLA_WARNING -> {
        EventPayload.SlaWarning x = (EventPayload.SlaWarning) p;
        o.put("clockId", x.clockId());
        o.put("stage", x.stage());
        o.put("level", x.level());
      }
      case SLA_BREACHED -> {
        EventPayload.SlaBreached x = (EventPayload.SlaBreached) p;
        o.put("clockId", x.clockId());
        o.put("stage", x.stage());
      }
      case DEADLINE_REVISED -> {
        EventPayload.DeadlineRevised x = (EventPayload.DeadlineRevised) p;
        o.put("clockId", x.clockId());
        o.put("previousDueAt", x.previousDueAt().toString());
        o.put("edition", x.edition());
        due(o, x.dueAt(), x.provisional());
      }
    }
  }

  /**
   * A deadline and, only when it is provisional, {@code "provisional": true} (absent means
   * official).
   */
  private static void due(ObjectNode o, java.time.Instant dueAt, boolean provisional) {
    o.put("dueAt", dueAt.toString());
    if (provisional) {
      o.put("provisional", true);
    }
  }

  private static boolean provisional(JsonNode o, String path) {
    JsonNode n = o.get("provisional");
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw bad(path + ".provisional", "true or false", n);
    }
    return n.asBoolean();
  }

  private static EventPayload readPayload(EventType type, JsonNode o, String path) {
    return switch (type) {
      case REPORTED -> new EventPayload.Reported();
      case VERIFIED -> new EventPayload.Verified();
      case VERIFICATION_FAILED -> new EventPayload.VerificationFailed(str(o, "reason", path));
      case REGISTERED ->
          new EventPayload.Registered(instant(o, "dueAt", path), provisional(o, path));
      case DISPATCHED ->
          new EventPayload.Dispatched(
              str(o, "handlerId", path), enumOf(HandlerRole.class, o, "role", path));
      case ACCEPTED -> new EventPayload.Accepted(str(o, "handlerId", path));
      case RETURNED -> new EventPayload.Returned(str(o, "handlerId", path), str(o, "reason", path));
      case ESCALATED ->
          new EventPayload.Escalated(
              enumOf(EscalationCause.class, o, "cause", path),
              str(o, "fromHandlerId", path),
              str(o, "toHandlerId", path));
      case SUMMONED -> {
        JsonNode a = field(o, "departmentIds", path);
        if (!a.isArray()) {
          throw bad(path + ".departmentIds", "an array of department ids", a);
        }
        ImmutableList.Builder<String> ids = ImmutableList.builder();
        for (JsonNode d : a) {
          if (!d.isTextual()) {
            throw bad(path + ".departmentIds[]", "a string", d);
          }
          ids.add(d.asText());
        }
        yield new EventPayload.Summoned(ids.build(), duration(o, "within", path));
      }
      case ARRIVED -> new EventPayload.Arrived(str(o, "departmentId", path));
      case ASSIST_ADDED -> new EventPayload.AssistAdded(str(o, "handlerId", path));
      case SUSPENDED -> new EventPayload.Suspended(str(o, "reason", path));
      case RESUMED -> new EventPayload.Resumed(instant(o, "dueAt", path), provisional(o, path));
      case EXTENDED ->
          new EventPayload.Extended(
              instant(o, "dueAt", path), str(o, "reason", path), provisional(o, path));
      case RESOLVED -> new EventPayload.Resolved(str(o, "feedback", path));
      case CHECK_PASSED -> new EventPayload.CheckPassed();
      case CHECK_FAILED -> new EventPayload.CheckFailed(str(o, "reason", path));
      case CLOSED -> new EventPayload.Closed();
      case EVALUATED -> {
        JsonNode solved = field(o, "solved", path);
        if (!solved.isBoolean()) {
          throw bad(path + ".solved", "true or false", solved);
        }
        yield new EventPayload.Evaluated(
            enumOf(Satisfaction.class, o, "satisfaction", path), solved.asBoolean());
      }
      case REOPENED ->
          new EventPayload.Reopened(
              str(o, "reason", path), instant(o, "dueAt", path), provisional(o, path));
      case MERGED -> new EventPayload.Merged(CaseId.of(str(o, "intoCaseId", path)));
      case SLA_WARNING ->
          new EventPayload.SlaWarning(
              str(o, "clockId", path), str(o, "stage", path), (int) lng(o, "level", path));
      case SLA_BREACHED ->
          new EventPayload.SlaBreached(str(o, "clockId", path), str(o, "stage", path));
      case DEADLINE_REVISED ->
          new EventPayload.DeadlineRevised(
              str(o, "clockId", path),
              instant(o, "previousDueAt", path),
              instant(o, "dueAt", path),
              str(o, "edition", path),
              provisional(o, path));
    };
  }

  // ---------------------------------------------------------------- field helpers

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null
              ? ""
              : String.format(
                  Locale.ROOT, " (line %d, column %d)", at.getLineNr(), at.getColumnNr());
      throw new IllegalArgumentException(
          "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode field(JsonNode n, String name, String path) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s.%s is missing", path, name));
    }
    return v;
  }

  private static String str(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isTextual()) {
      throw bad(path + "." + name, "a string", v);
    }
    return v.asText();
  }

  private static long lng(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(path + "." + name, "an integer", v);
    }
    return v.asLong();
  }

  private static Instant instant(JsonNode n, String name, String path) {
    String s = str(n, name, path);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(path + "." + name, "an ISO-8601 instant such as 2024-03-01T02:00:00Z", n.get(name));
    }
  }

  private static Duration duration(JsonNode n, String name, String path) {
    String s = str(n, name, path);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(path + "." + name, "an ISO-8601 duration such as PT30M", n.get(name));
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String name, String path) {
    String s = str(n, name, path);
    for (E c : type.getEnumConstants()) {
      if (c.name().equals(s)) {
        return c;
      }
    }
    throw bad(
        path + "." + name,
        "one of " + java.util.Arrays.toString(type.getEnumConstants()),
        n.get(name));
  }

  private static IllegalArgumentException bad(String path, String expected, JsonNode actual) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s must be %s but was %s", path, expected, actual));
  }
}
