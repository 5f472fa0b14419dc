package org.gridgov.json;

import static org.gridgov.json.EventTrees.NODES;
import static org.gridgov.json.Trees.array;
import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.bool;
import static org.gridgov.json.Trees.caseId;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.instant;
import static org.gridgov.json.Trees.integer;
import static org.gridgov.json.Trees.lng;
import static org.gridgov.json.Trees.optional;
import static org.gridgov.json.Trees.requireObject;
import static org.gridgov.json.Trees.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.DeliberationEvent;
import org.gridgov.people.BodyKind;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.WishEvent;
import org.gridgov.people.WishId;

/**
 * The JSON shapes of the deliberation desk's and the wish board's logs (docs/people.md): {@code
 * deliberationEvent} {@code {"sequence", "caseId", "at", "kind", "bodyId", "regionCode", "size"?,
 * "sittingBy"?, "attendees", "members", "quorum", "outcome"?, "late"}} and {@code wishEvent} {@code
 * {"sequence", "wish", "at", "kind", "person", "communityCode", "size", "dueAt"}}. Persons are
 * pseudonymous ids; a bad person field is never echoed.
 */
final class PeopleTrees {
  private PeopleTrees() {}

  static ObjectNode toTree(DeliberationEvent e) {
    ObjectNode n = NODES.objectNode();
    n.put("sequence", e.sequence());
    n.put("caseId", e.caseId().value());
    n.put("at", e.at().toString());
    n.put("kind", e.kind().name());
    n.put("bodyId", e.bodyId());
    n.put("regionCode", e.regionCode());
    e.size().ifPresent(s -> n.put("size", s.name()));
    e.sittingBy().ifPresent(t -> n.put("sittingBy", t.toString()));
    ArrayNode a = n.putArray("attendees");
    e.attendees().forEach(p -> a.add(p.value()));
    n.put("members", e.members());
    n.put("quorum", e.quorum());
    e.outcome().ifPresent(o -> n.put("outcome", o.name()));
    n.put("late", e.late());
    return n;
  }

  static DeliberationEvent deliberationEvent(JsonNode n, String path) {
    requireObject(n, path);
    JsonNode attendees = array(n, "attendees", path, "person ids");
    ImmutableSortedSet.Builder<PersonId> people = ImmutableSortedSet.naturalOrder();
    for (int i = 0; i < attendees.size(); i++) {
      people.add(personValue(attendees.get(i), at(path, "attendees") + "[" + i + "]"));
    }
    long sequence = lng(n, "sequence", path);
    CaseId caseId = caseId(n, "caseId", path);
    Instant when = instant(n, "at", path);
    DeliberationEvent.Kind kind = enumOf(DeliberationEvent.Kind.class, n, "kind", path);
    String bodyId = string(n, "bodyId", path);
    long region = lng(n, "regionCode", path);
    Optional<Instant> sittingBy =
        optional(n, "sittingBy") == null
            ? Optional.empty()
            : Optional.of(instant(n, "sittingBy", path));
    return guard(
        path,
        () ->
            switch (kind) {
              case REFERRED ->
                  DeliberationEvent.referred(
                      sequence,
                      caseId,
                      when,
                      bodyId,
                      region,
                      enumOf(MatterSize.class, n, "size", path),
                      sittingBy.orElseThrow(
                          () ->
                              ShapeException.rule(at(path, "sittingBy"), "a referral needs one")));
              case SAT ->
                  DeliberationEvent.sat(
                      sequence,
                      caseId,
                      when,
                      bodyId,
                      region,
                      people.build(),
                      integer(n, "members", path),
                      integer(n, "quorum", path));
              case DECIDED ->
                  DeliberationEvent.decided(
                      sequence,
                      caseId,
                      when,
                      bodyId,
                      region,
                      enumOf(BodyKind.Outcome.class, n, "outcome", path),
                      sittingBy,
                      bool(n, "late", path));
            });
  }

  static ObjectNode toTree(WishEvent e) {
    ObjectNode n = NODES.objectNode();
    n.put("sequence", e.sequence());
    n.put("wish", e.wish().value());
    n.put("at", e.at().toString());
    n.put("kind", e.kind().name());
    n.put("person", e.person().value());
    n.put("communityCode", e.communityCode());
    n.put("size", e.size());
    n.put("dueAt", e.dueAt().toString());
    return n;
  }

  static WishEvent wishEvent(JsonNode n, String path) {
    requireObject(n, path);
    String wish = string(n, "wish", path);
    if (!PersonId.isValid(wish)) {
      throw ShapeException.rule(at(path, "wish"), "must be a wish id (A-Z a-z 0-9 . _ : -)");
    }
    PersonId person = personValue(Trees.field(n, "person", path), at(path, "person"));
    return guard(
        path,
        () ->
            new WishEvent(
                lng(n, "sequence", path),
                WishId.of(wish),
                instant(n, "at", path),
                enumOf(WishEvent.Kind.class, n, "kind", path),
                person,
                lng(n, "communityCode", path),
                integer(n, "size", path),
                instant(n, "dueAt", path)));
  }

  private static PersonId personValue(JsonNode v, String path) {
    if (!v.isTextual() || !PersonId.isValid(v.asText())) {
      // The value is not echoed: a bad person field may hold personal data.
      throw ShapeException.rule(path, "must be a pseudonymous person id");
    }
    return PersonId.of(v.asText());
  }

  /** Runs a constructor; a value rule it breaks becomes a shape error at {@code path}. */
  private static <T> T guard(String path, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw ShapeException.rule(path, String.valueOf(e.getMessage()));
    }
  }
}
