package org.gridgov.json;

import static org.gridgov.json.Trees.array;
import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.field;
import static org.gridgov.json.Trees.instant;
import static org.gridgov.json.Trees.lng;
import static org.gridgov.json.Trees.string;
import static org.gridgov.json.Trees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WarningLevel;

/**
 * The JSON object of an {@link SlaClockForm} in an engine snapshot: {@code name}, {@code limit} (as
 * {@link SlaLimit#parse} reads it), {@code levels} ({@code name}, {@code fraction}, {@code
 * beforeDeadline}), {@code calendar} (the edition name), {@code startedAt}, {@code history}, {@code
 * state}, {@code fired} (the bit mask) and {@code seen}. A reader shares equal level lists between
 * the clocks it reads, as the engine's policy does (the clocks' thresholds are memoised per list).
 */
final class ClockTrees {
  private final Map<ImmutableList<WarningLevel>, ImmutableList<WarningLevel>> levelLists =
      new HashMap<>();

  static ObjectNode tree(SlaClockForm c) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", c.name());
    o.put("limit", c.limit().toString());
    ArrayNode levels = o.putArray("levels");
    for (WarningLevel l : c.levels()) {
      levels
          .addObject()
          .put("name", l.name())
          .put("fraction", l.fraction())
          .put("beforeDeadline", l.beforeDeadline().toString());
    }
    o.put("calendar", c.calendarEdition());
    o.put("startedAt", c.startedAt().toString());
    ArrayNode history = o.putArray("history");
    for (Instant i : c.history()) {
      history.add(i.toString());
    }
    o.put("state", c.state().name());
    o.put("fired", c.firedMask());
    o.put("seen", c.seen().toString());
    return o;
  }

  SlaClockForm form(JsonNode n, String path) {
    Trees.requireObject(n, path);
    String name = text(n, "name", path);
    SlaLimit limit;
    try {
      limit = SlaLimit.parse(string(n, "limit", path));
    } catch (IllegalArgumentException e) {
      throw ShapeException.rule(
          at(path, "limit"), "must be an SLA limit such as \"working-days 5 same-clock-time\"");
    }
    JsonNode levelsNode = array(n, "levels", path, "warning levels");
    ImmutableList.Builder<WarningLevel> levels = ImmutableList.builder();
    for (int i = 0; i < levelsNode.size(); i++) {
      levels.add(level(levelsNode.get(i), at(path, "levels") + "[" + i + "]"));
    }
    ImmutableList<WarningLevel> shared = levelLists.computeIfAbsent(levels.build(), l -> l);
    JsonNode historyNode = array(n, "history", path, "instants");
    ImmutableList.Builder<Instant> history = ImmutableList.builder();
    for (int i = 0; i < historyNode.size(); i++) {
      JsonNode v = historyNode.get(i);
      String where = at(path, "history") + "[" + i + "]";
      if (!v.isTextual()) {
        throw ShapeException.expected(where, "an ISO-8601 instant", v);
      }
      try {
        history.add(Instant.parse(v.asText()));
      } catch (DateTimeParseException e) {
        throw ShapeException.expected(where, "an ISO-8601 instant", v);
      }
    }
    try {
      return new SlaClockForm(
          name,
          limit,
          shared,
          text(n, "calendar", path),
          instant(n, "startedAt", path),
          history.build(),
          enumOf(SlaClock.State.class, n, "state", path),
          lng(n, "fired", path),
          instant(n, "seen", path));
    } catch (IllegalArgumentException e) { // SlaClockForm's messages name the clock and the part
      throw ShapeException.rule(path, "is not an SLA clock: " + e.getMessage());
    }
  }

  private static WarningLevel level(JsonNode n, String path) {
    Trees.requireObject(n, path);
    String name = text(n, "name", path);
    JsonNode fraction = field(n, "fraction", path);
    if (!fraction.isNumber()) {
      throw ShapeException.expected(at(path, "fraction"), "a number", fraction);
    }
    Duration before;
    try {
      before = Duration.parse(string(n, "beforeDeadline", path));
    } catch (DateTimeParseException e) {
      throw ShapeException.expected(
          at(path, "beforeDeadline"), "an ISO-8601 duration", n.get("beforeDeadline"));
    }
    try {
      return new WarningLevel(name, fraction.asDouble(), before);
    } catch (IllegalArgumentException e) {
      throw ShapeException.rule(path, "is not a warning level: " + e.getMessage());
    }
  }
}
