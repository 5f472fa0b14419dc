package org.gridgov.json;

import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.caseId;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.field;
import static org.gridgov.json.Trees.instant;
import static org.gridgov.json.Trees.lng;
import static org.gridgov.json.Trees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.ImmutableLongArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Role;

/**
 * The codec between gridgov's case values and JSON trees, in the wire form of schema version 1
 * (docs/json.md): events, case facts and case files. Payloads are in {@link PayloadTrees}.
 * Immutable; {@code unmasked} chooses whether the reporter is written in clear.
 */
final class EventTrees {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean unmasked;

  EventTrees(boolean unmasked) {
    this.unmasked = unmasked;
  }

  boolean unmasked() {
    return unmasked;
  }

  // ---------------------------------------------------------------- writing

  ObjectNode toTree(CaseEvent e) {
    ObjectNode n = NODES.objectNode();
    n.put("caseId", e.caseId().value());
    n.put("sequence", e.sequence());
    n.put("at", e.at().toString());
    n.set("actor", actorTree(e.actor()));
    n.put("schemaVersion", e.schemaVersion());
    n.put("type", e.type().payloadName());
    n.set("payload", PayloadTrees.toTree(e.payload()));
    return n;
  }

  static ObjectNode actorTree(Actor a) {
    ObjectNode actor = NODES.objectNode();
    actor.put("id", a.id());
    actor.put("role", a.role().name());
    return actor;
  }

  ObjectNode toTree(CaseFacts f) {
    ObjectNode n = NODES.objectNode();
    n.put("id", f.id().value());
    n.put("categoryCode", f.categoryCode());
    n.put("priority", f.priority().name());
    n.put("kind", f.kind().name());
    ArrayNode codes = n.putArray("locationCodes");
    f.locationCodes().forEach(codes::add);
    n.put("source", f.source().name());
    f.reporter().ifPresent(p -> n.set("reporter", toTree(p)));
    f.point().ifPresent(p -> n.set("point", toTree(p)));
    return n;
  }

  ObjectNode toTree(PersonalData p) {
    ObjectNode r = NODES.objectNode();
    r.put("name", unmasked ? p.revealName() : p.maskedName());
    (unmasked ? p.revealPhone() : p.maskedPhone()).ifPresent(phone -> r.put("phone", phone));
    r.put("masked", !unmasked);
    return r;
  }

  ObjectNode toTree(ReportedPoint p) {
    ObjectNode r = NODES.objectNode();
    r.put("lon", unmasked ? p.revealLongitude() : p.maskedLongitude());
    r.put("lat", unmasked ? p.revealLatitude() : p.maskedLatitude());
    r.put("masked", !unmasked);
    return r;
  }

  ObjectNode toTree(CaseFile file) {
    ObjectNode n = NODES.objectNode();
    n.set("facts", toTree(file.facts()));
    ArrayNode events = n.putArray("events");
    for (CaseEvent e : file.events()) {
      events.add(toTree(e));
    }
    return n;
  }

  // ---------------------------------------------------------------- reading

  static CaseEvent event(JsonNode n, String path) {
    Trees.requireObject(n, path);
    String typeName = text(n, "type", path);
    EventType type = null;
    for (EventType t : EventType.values()) {
      if (t.payloadName().equals(typeName)) {
        type = t;
      }
    }
    if (type == null) {
      throw ShapeException.expected(
          at(path, "type"), "an event type such as Dispatched", n.get("type"));
    }
    long sequence = lng(n, "sequence", path);
    if (sequence < 1) {
      throw ShapeException.rule(at(path, "sequence"), "must be at least 1");
    }
    int version = Trees.integer(n, "schemaVersion", path);
    if (version < 1 || version > CaseEvent.CURRENT_SCHEMA_VERSION) {
      throw ShapeException.rule(
          at(path, "schemaVersion"),
          "must be a schema version from 1 to " + CaseEvent.CURRENT_SCHEMA_VERSION);
    }
    return CaseEvent.builder()
        .caseId(caseId(n, "caseId", path))
        .sequence(sequence)
        .at(instant(n, "at", path))
        .actor(actor(Trees.object(n, "actor", path), at(path, "actor")))
        .schemaVersion(version)
        .payload(PayloadTrees.payload(type, Trees.object(n, "payload", path), at(path, "payload")))
        .build();
  }

  static Actor actor(JsonNode n, String path) {
    return Actor.of(text(n, "id", path), enumOf(Role.class, n, "role", path));
  }

  static CaseFacts facts(JsonNode n, String path) {
    Trees.requireObject(n, path);
    String category = Trees.string(n, "categoryCode", path);
    if (category.isEmpty() || !category.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ShapeException.rule(at(path, "categoryCode"), "must be ASCII digits");
    }
    CaseFacts.Builder b =
        CaseFacts.builder()
            .id(caseId(n, "id", path))
            .categoryCode(category)
            .priority(enumOf(Priority.class, n, "priority", path))
            .kind(enumOf(CaseKind.class, n, "kind", path))
            .locationCodes(locationCodes(n, path))
            .source(enumOf(CaseSource.class, n, "source", path));
    JsonNode r = Trees.optional(n, "reporter");
    if (r != null) {
      b.reporter(reporter(r, at(path, "reporter")));
    }
    JsonNode point = Trees.optional(n, "point");
    if (point != null) {
      b.point(point(point, at(path, "point")));
    }
    return b.build();
  }

  static ReportedPoint point(JsonNode p, String path) {
    Trees.requireObject(p, path);
    double lon = Trees.number(p, "lon", path);
    double lat = Trees.number(p, "lat", path);
    if (!(lon >= -180 && lon <= 180)) {
      throw ShapeException.rule(at(path, "lon"), "must be a longitude from -180 to 180");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw ShapeException.rule(at(path, "lat"), "must be a latitude from -90 to 90");
    }
    JsonNode masked = Trees.optional(p, "masked");
    if (masked != null && !masked.isBoolean()) {
      throw ShapeException.expected(at(path, "masked"), "true or false", masked);
    }
    return ReportedPoint.of(lon, lat);
  }

  private static ImmutableLongArray locationCodes(JsonNode n, String path) {
    JsonNode codes = Trees.array(n, "locationCodes", path, "region codes");
    if (codes.isEmpty()) {
      throw ShapeException.rule(at(path, "locationCodes"), "must hold at least one region code");
    }
    long[] c = new long[codes.size()];
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < c.length; i++) {
      String p = at(path, "locationCodes") + "[" + i + "]";
      c[i] = Trees.regionCode(codes.get(i), p);
      if (!seen.add(c[i])) {
        throw ShapeException.rule(p, "repeats an earlier region code");
      }
    }
    return ImmutableLongArray.copyOf(c);
  }

  static PersonalData reporter(JsonNode r, String path) {
    Trees.requireObject(r, path);
    String name = text(r, "name", path);
    JsonNode masked = Trees.optional(r, "masked");
    if (masked != null && !masked.isBoolean()) {
      throw ShapeException.expected(at(path, "masked"), "true or false", masked);
    }
    return Trees.optional(r, "phone") == null
        ? PersonalData.ofName(name)
        : PersonalData.of(name, text(r, "phone", path));
  }

  static CaseFile caseFile(JsonNode n, String path) {
    Trees.requireObject(n, path);
    CaseFacts facts = facts(field(n, "facts", path), at(path, "facts"));
    JsonNode events = Trees.array(n, "events", path, "events");
    List<CaseEvent> list = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      list.add(event(events.get(i), at(path, "events") + "[" + i + "]"));
    }
    return CaseFile.of(facts, list);
  }
}
