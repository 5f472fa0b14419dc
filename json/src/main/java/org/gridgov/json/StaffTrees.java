package org.gridgov.json;

import static org.gridgov.json.EventTrees.NODES;
import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.caseId;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.instant;
import static org.gridgov.json.Trees.optional;
import static org.gridgov.json.Trees.requireObject;
import static org.gridgov.json.Trees.string;
import static org.gridgov.json.Trees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gridgov.engine.StaffEvent;
import org.gridgov.people.PersonId;

/**
 * The JSON shape of a {@link StaffEvent} (the staff desk's log): {@code {"at", "caseId", "kind",
 * "handlerId", "roleCode", "person"?, "previous"?, "rule"}}; persons are pseudonymous ids.
 */
final class StaffTrees {
  private StaffTrees() {}

  static ObjectNode toTree(StaffEvent e) {
    ObjectNode n = NODES.objectNode();
    n.put("at", e.at().toString());
    n.put("caseId", e.caseId().value());
    n.put("kind", e.kind().name());
    n.put("handlerId", e.handlerId());
    n.put("roleCode", e.roleCode());
    e.person().ifPresent(p -> n.put("person", p.value()));
    e.previous().ifPresent(p -> n.put("previous", p.value()));
    n.put("rule", e.rule());
    return n;
  }

  static StaffEvent staffEvent(JsonNode n, String path) {
    requireObject(n, path);
    return new StaffEvent(
        instant(n, "at", path),
        caseId(n, "caseId", path),
        enumOf(StaffEvent.Kind.class, n, "kind", path),
        text(n, "handlerId", path),
        text(n, "roleCode", path),
        person(n, "person", path),
        person(n, "previous", path),
        string(n, "rule", path));
  }

  private static Optional<PersonId> person(JsonNode n, String name, String path) {
    if (optional(n, name) == null) {
      return Optional.empty();
    }
    String s = string(n, name, path);
    if (!PersonId.isValid(s)) {
      // The value is not echoed: a bad person field may hold personal data.
      throw ShapeException.rule(at(path, name), "must be a pseudonymous person id");
    }
    return Optional.of(PersonId.of(s));
  }
}
