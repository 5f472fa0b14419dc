package org.gridgov.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseStateForm;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Supervision;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;

/**
 * The persisted form of an {@link EngineSnapshot}: a versioned JSON document, written and read as a
 * stream (one case in memory at a time besides the snapshot itself), so a store can keep a restore
 * point and rebuild an engine from it and the log's tail ({@code CaseEngine.restore(config,
 * snapshot, facts, tail)}).
 *
 * <pre>{@code
 * {"format": "gridgov-engine-snapshot", "version": 1,
 *  "cases": [{"facts": {...}, "state": {...}, "clocks": [{...}], "pendingDeadline": "..."}]}
 * }</pre>
 *
 * <p>{@code facts} is the event format's case facts (unmasked: a snapshot is the system of record,
 * like the store's facts rows), {@code state} every field of the case's state ({@link
 * CaseStateForm}), {@code clocks} its SLA clocks in order ({@link SlaClockForm}; a clock names its
 * calendar by edition, looked up in the reader's {@link CalendarEditions}), {@code pendingDeadline}
 * the case's queued SLA instant, absent if none. {@code format} and {@code version} come first; a
 * document of another version is refused before its cases are read. Unknown members are ignored; a
 * missing or bad member is refused with its JSON path and the expected shape, never its value. JSON
 * Schema: {@value #SCHEMA_RESOURCE} in this jar; guide: {@code docs/event-store.md} ("Snapshots").
 */
public final class EngineSnapshotJson {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov-engine-snapshot";

  /**
   * The version this code writes and reads. Raised whenever the shape or the meaning of a member
   * changes (a new field of a case's state included): a store then skips older snapshots and
   * replays its log.
   */
  public static final int VERSION = 1;

  /** The JSON Schema of version {@value #VERSION}, a resource of this jar. */
  public static final String SCHEMA_RESOURCE =
      "/org/gridgov/json/gridgov-engine-snapshot-v1.schema.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CaseJson FACTS = CaseJson.unmasked();

  private EngineSnapshotJson() {}

  /**
   * Writes a snapshot as UTF-8 JSON.
   *
   * @param snapshot the snapshot
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  public static void write(EngineSnapshot snapshot, OutputStream out) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeArrayFieldStart("cases");
      for (EngineSnapshot.CaseSnapshot c : snapshot.cases()) {
        g.writeTree(caseTree(c));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * Writes a snapshot as UTF-8 JSON bytes.
   *
   * @param snapshot the snapshot
   * @return the document
   */
  public static byte[] toBytes(EngineSnapshot snapshot) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(snapshot, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  private static ObjectNode caseTree(EngineSnapshot.CaseSnapshot c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("facts", FACTS.toTree(c.facts()));
    o.set("state", StateTrees.tree(CaseStateForm.of(c.state())));
    ArrayNode clocks = o.putArray("clocks");
    for (SlaClock k : c.clocks().clocks().values()) {
      clocks.add(ClockTrees.tree(SlaClockForm.of(k)));
    }
    c.pendingDeadline().ifPresent(d -> o.put("pendingDeadline", d.toString()));
    if (c.reportCount() != 1) {
      o.put("reportCount", c.reportCount());
    }
    if (c.breachCount() != 0) {
      o.put("breachCount", c.breachCount());
    }
    c.supervision().ifPresent(sv -> o.set("supervision", supervisionTree(sv)));
    c.suggestedMerge().ifPresent(id -> o.put("suggestedMerge", id.value()));
    return o;
  }

  private static ObjectNode supervisionTree(Supervision sv) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("level", sv.level());
    o.put("openedAt", sv.openedAt().toString());
    o.put("dueAt", sv.dueAt().toString());
    o.put("urgeCount", sv.urgeCount());
    o.put("escalationCount", sv.escalationCount());
    sv.closedAt().ifPresent(t -> o.put("closedAt", t.toString()));
    sv.finding().ifPresent(f -> o.put("finding", f));
    return o;
  }

  private static int count(JsonNode n, String name, int absent, int min, String path) {
    if (Trees.optional(n, name) == null) {
      return absent;
    }
    int v = Trees.integer(n, name, path);
    if (v < min) {
      throw ShapeException.rule(Trees.at(path, name), "must be at least " + min + ", was " + v);
    }
    return v;
  }

  private static Optional<Supervision> supervision(JsonNode n, String path) {
    if (Trees.optional(n, "supervision") == null) {
      return Optional.empty();
    }
    JsonNode s = Trees.object(n, "supervision", path);
    String where = path + ".supervision";
    Optional<Instant> closedAt =
        Trees.optional(s, "closedAt") == null
            ? Optional.empty()
            : Optional.of(Trees.instant(s, "closedAt", where));
    Optional<String> finding =
        Trees.optional(s, "finding") == null
            ? Optional.empty()
            : Optional.of(Trees.string(s, "finding", where));
    try {
      return Optional.of(
          new Supervision(
              Trees.text(s, "level", where),
              Trees.instant(s, "openedAt", where),
              Trees.instant(s, "dueAt", where),
              count(s, "urgeCount", 0, 0, where),
              count(s, "escalationCount", 0, 0, where),
              closedAt,
              finding));
    } catch (IllegalArgumentException e) {
      throw ShapeException.rule(where, "breaks a rule of a supervision");
    }
  }

  /**
   * Reads a snapshot from UTF-8 JSON bytes.
   *
   * @param json the document
   * @param editions the calendar editions of the engine's configuration, where the clocks' editions
   *     are looked up
   * @return the snapshot
   * @throws IllegalArgumentException if the document is not JSON, not a snapshot, of another
   *     version, names an unknown calendar edition, or a member is missing or bad; the message
   *     names the JSON path (and line and column for bad JSON), never a value
   */
  public static EngineSnapshot fromBytes(byte[] json, CalendarEditions editions) {
    try {
      return read(new ByteArrayInputStream(json), editions);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /**
   * Reads a snapshot from a stream of UTF-8 JSON, one case at a time.
   *
   * @param in the stream; not closed
   * @param editions the calendar editions of the engine's configuration
   * @return the snapshot
   * @throws IllegalArgumentException as {@link #fromBytes}
   * @throws IOException if reading the stream fails
   */
  public static EngineSnapshot read(InputStream in, CalendarEditions editions) throws IOException {
    Map<String, BusinessCalendar> calendars = new HashMap<>();
    for (BusinessCalendar c : editions.editions()) {
      calendars.put(c.edition(), c);
    }
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      p.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
      return document(p, calendars);
    } catch (ShapeException e) {
      throw new IllegalArgumentException("not an engine snapshot: " + e.text());
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the bad token, which may be personal data.
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "not an engine snapshot: not valid JSON (line %d, column %d)",
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
    }
  }

  private static EngineSnapshot document(JsonParser p, Map<String, BusinessCalendar> calendars)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw ShapeException.rule("$", "must be a JSON object");
    }
    boolean format = false;
    boolean version = false;
    ImmutableList<EngineSnapshot.CaseSnapshot> cases = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("format")) {
        if (t != JsonToken.VALUE_STRING || !FORMAT.equals(p.getText())) {
          throw ShapeException.rule("$.format", "must be \"" + FORMAT + "\"");
        }
        format = true;
      } else if (name.equals("version")) {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != VERSION) {
          throw ShapeException.rule(
              "$.version",
              "is "
                  + (t == JsonToken.VALUE_NUMBER_INT ? p.getText() : "not an integer")
                  + "; this code reads snapshot version "
                  + VERSION);
        }
        version = true;
      } else if (name.equals("cases")) {
        if (!format || !version) {
          throw ShapeException.rule("$.cases", "must come after $.format and $.version");
        }
        cases = cases(p, t, calendars);
      } else {
        p.skipChildren(); // a member of a later edition of this version
      }
    }
    if (cases == null) {
      throw ShapeException.missing(
          format && version ? "$.cases" : format ? "$.version" : "$.format");
    }
    return new EngineSnapshot(cases);
  }

  private static ImmutableList<EngineSnapshot.CaseSnapshot> cases(
      JsonParser p, JsonToken t, Map<String, BusinessCalendar> calendars) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw ShapeException.rule("$.cases", "must be an array of cases");
    }
    ClockTrees clockTrees = new ClockTrees();
    ImmutableList.Builder<EngineSnapshot.CaseSnapshot> cases = ImmutableList.builder();
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonNode n = MAPPER.readTree(p);
      cases.add(caseOf(n, "$.cases[" + i++ + "]", clockTrees, calendars));
    }
    return cases.build();
  }

  private static EngineSnapshot.CaseSnapshot caseOf(
      JsonNode n, String path, ClockTrees clockTrees, Map<String, BusinessCalendar> calendars) {
    Trees.requireObject(n, path);
    CaseFacts facts;
    try {
      facts = EventTrees.facts(Trees.object(n, "facts", path), path + ".facts");
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // a rule of a value type the codec does not check itself; its message may hold values
      throw ShapeException.rule(path + ".facts", "breaks a rule of gridgov's values");
    }
    CaseStateForm state = StateTrees.form(Trees.object(n, "state", path), path + ".state");
    if (!state.caseId().equals(facts.id())) {
      throw ShapeException.rule(path + ".state.caseId", "must be the case id of the facts");
    }
    JsonNode clocksNode = Trees.array(n, "clocks", path, "SLA clocks");
    CaseClocks clocks = CaseClocks.empty();
    for (int k = 0; k < clocksNode.size(); k++) {
      String where = path + ".clocks[" + k + "]";
      SlaClockForm form = clockTrees.form(clocksNode.get(k), where);
      BusinessCalendar calendar = calendars.get(form.calendarEdition());
      if (calendar == null) {
        throw ShapeException.rule(
            where + ".calendar",
            "names calendar edition '"
                + form.calendarEdition()
                + "', which the engine's configuration does not hold "
                + calendars.keySet());
      }
      clocks = clocks.with(form.toClock(calendar));
    }
    Optional<Instant> pending =
        Trees.optional(n, "pendingDeadline") == null
            ? Optional.empty()
            : Optional.of(Trees.instant(n, "pendingDeadline", path));
    return new EngineSnapshot.CaseSnapshot(
        facts,
        state.toState(),
        clocks,
        pending,
        count(n, "reportCount", 1, 1, path),
        count(n, "breachCount", 0, 0, path),
        supervision(n, path),
        Trees.optional(n, "suggestedMerge") == null
            ? Optional.empty()
            : Optional.of(Trees.caseId(n, "suggestedMerge", path)));
  }
}
