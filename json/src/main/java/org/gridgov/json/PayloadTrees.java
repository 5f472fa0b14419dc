package org.gridgov.json;

import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.flag;
import static org.gridgov.json.Trees.instant;
import static org.gridgov.json.Trees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.SlaStage;

/**
 * The codec between {@link EventPayload}s and the {@code payload} object of an event (schema
 * version 1). Field order on writing is part of the wire form: stored rows compare byte for byte.
 */
final class PayloadTrees {
  private PayloadTrees() {}

  static ObjectNode toTree(EventPayload p) {
    ObjectNode o = EventTrees.NODES.objectNode();
    switch (p.type()) {
      case VERIFICATION_FAILED -> o.put("reason", ((EventPayload.VerificationFailed) p).reason());
      case REGISTERED -> {
        EventPayload.Registered x = (EventPayload.Registered) p;
        due(o, x.dueAt(), x.provisional());
      }
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
      case RESOLVED -> o.put("feedback", ((EventPayload.Resolved) p).feedback());
      case CHECK_FAILED -> o.put("reason", ((EventPayload.CheckFailed) p).reason());
      case MERGED -> o.put("intoCaseId", ((EventPayload.Merged) p).intoCaseId().value());
      case EXTENSION_REQUESTED -> {
        EventPayload.ExtensionRequested x = (EventPayload.ExtensionRequested) p;
        o.put("handlerId", x.handlerId());
        o.put("days", x.days());
        o.put("reason", x.reason());
      }
      case EXTENSION_REFUSED -> o.put("reason", ((EventPayload.ExtensionRefused) p).reason());
      default -> writeLater(p, o);
    }
    return o;
  }

  /** The payloads with deadlines, evaluations and SLA clocks; the rest have no fields. */
  private static void writeLater(EventPayload p, ObjectNode o) {
    switch (p.type()) {
      case RESUMED -> {
        EventPayload.Resumed x = (EventPayload.Resumed) p;
        due(o, x.dueAt(), x.provisional());
      }
      case EXTENDED -> {
        EventPayload.Extended x = (EventPayload.Extended) p;
        due(o, x.dueAt(), x.provisional());
        o.put("reason", x.reason());
      }
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
      case SLA_WARNING -> {
        EventPayload.SlaWarning x = (EventPayload.SlaWarning) p;
        o.put("clockId", x.clockId());
        o.put("stage", x.stage().name());
        o.put("level", x.level());
      }
      case SLA_BREACHED -> {
        EventPayload.SlaBreached x = (EventPayload.SlaBreached) p;
        o.put("clockId", x.clockId());
        o.put("stage", x.stage().name());
      }
      case DEADLINE_REVISED -> {
        EventPayload.DeadlineRevised x = (EventPayload.DeadlineRevised) p;
        o.put("clockId", x.clockId());
        o.put("previousDueAt", x.previousDueAt().toString());
        o.put("edition", x.edition());
        due(o, x.dueAt(), x.provisional());
      }
      default -> writeSupervision(p, o);
    }
  }

  /** The payloads of repeat reports, supervision and visits. */
  private static void writeSupervision(EventPayload p, ObjectNode o) {
    switch (p.type()) {
      case REPEAT_REPORTED -> {
        EventPayload.RepeatReported x = (EventPayload.RepeatReported) p;
        o.put("reportCaseId", x.reportCaseId().value());
        o.put("reportCount", x.reportCount());
      }
      case SUPERVISION_OPENED -> {
        EventPayload.SupervisionOpened x = (EventPayload.SupervisionOpened) p;
        o.put("level", x.level());
        o.put("dueAt", x.dueAt().toString());
        o.put("reason", x.reason());
      }
      case URGED -> o.put("note", ((EventPayload.Urged) p).note());
      case SUPERVISION_ESCALATED -> {
        EventPayload.SupervisionEscalated x = (EventPayload.SupervisionEscalated) p;
        o.put("fromLevel", x.fromLevel());
        o.put("toLevel", x.toLevel());
        o.put("dueAt", x.dueAt().toString());
      }
      case SUPERVISION_CLOSED -> o.put("finding", ((EventPayload.SupervisionClosed) p).finding());
      case VISITED -> {
        EventPayload.Visited x = (EventPayload.Visited) p;
        o.put("reached", x.reached());
        x.satisfaction().ifPresent(v -> o.put("satisfaction", v.name()));
      }
      case MERGE_SUGGESTED ->
          o.put("intoCaseId", ((EventPayload.MergeSuggested) p).intoCaseId().value());
      case MERGE_DECLINED ->
          o.put("intoCaseId", ((EventPayload.MergeDeclined) p).intoCaseId().value());
      default -> {
        // Reported, Verified, CheckPassed, Closed: no fields.
      }
    }
  }

  /** A deadline and, only when provisional, {@code "provisional": true} (absent: official). */
  private static void due(ObjectNode o, Instant dueAt, boolean provisional) {
    o.put("dueAt", dueAt.toString());
    if (provisional) {
      o.put("provisional", true);
    }
  }

  static EventPayload payload(EventType type, JsonNode o, String path) {
    return switch (type) {
      case REPORTED -> new EventPayload.Reported();
      case VERIFIED -> new EventPayload.Verified();
      case VERIFICATION_FAILED -> new EventPayload.VerificationFailed(text(o, "reason", path));
      case REGISTERED ->
          new EventPayload.Registered(instant(o, "dueAt", path), flag(o, "provisional", path));
      case DISPATCHED ->
          new EventPayload.Dispatched(
              text(o, "handlerId", path), enumOf(HandlerRole.class, o, "role", path));
      case ACCEPTED -> new EventPayload.Accepted(text(o, "handlerId", path));
      case RETURNED ->
          new EventPayload.Returned(text(o, "handlerId", path), text(o, "reason", path));
      case ESCALATED -> escalated(o, path);
      case SUMMONED ->
          new EventPayload.Summoned(
              distinctTexts(o, "departmentIds", path), Trees.positiveDuration(o, "within", path));
      case ARRIVED -> new EventPayload.Arrived(text(o, "departmentId", path));
      case ASSIST_ADDED -> new EventPayload.AssistAdded(text(o, "handlerId", path));
      case SUSPENDED -> new EventPayload.Suspended(text(o, "reason", path));
      case RESUMED ->
          new EventPayload.Resumed(instant(o, "dueAt", path), flag(o, "provisional", path));
      case EXTENDED ->
          new EventPayload.Extended(
              instant(o, "dueAt", path), text(o, "reason", path), flag(o, "provisional", path));
      case EXTENSION_REQUESTED ->
          new EventPayload.ExtensionRequested(
              text(o, "handlerId", path), Trees.integer(o, "days", path), text(o, "reason", path));
      case EXTENSION_REFUSED -> new EventPayload.ExtensionRefused(text(o, "reason", path));
      case RESOLVED -> new EventPayload.Resolved(text(o, "feedback", path));
      case CHECK_PASSED -> new EventPayload.CheckPassed();
      case CHECK_FAILED -> new EventPayload.CheckFailed(text(o, "reason", path));
      case CLOSED -> new EventPayload.Closed();
      case EVALUATED ->
          new EventPayload.Evaluated(
              enumOf(Satisfaction.class, o, "satisfaction", path), Trees.bool(o, "solved", path));
      case REOPENED ->
          new EventPayload.Reopened(
              text(o, "reason", path), instant(o, "dueAt", path), flag(o, "provisional", path));
      case MERGED -> new EventPayload.Merged(Trees.caseId(o, "intoCaseId", path));
      case SLA_WARNING -> slaWarning(o, path);
      case SLA_BREACHED ->
          new EventPayload.SlaBreached(
              text(o, "clockId", path), enumOf(SlaStage.class, o, "stage", path));
      case DEADLINE_REVISED -> deadlineRevised(o, path);
      case REPEAT_REPORTED -> repeatReported(o, path);
      case SUPERVISION_OPENED ->
          new EventPayload.SupervisionOpened(
              text(o, "level", path), instant(o, "dueAt", path), text(o, "reason", path));
      case URGED -> new EventPayload.Urged(text(o, "note", path));
      case SUPERVISION_ESCALATED -> supervisionEscalated(o, path);
      case SUPERVISION_CLOSED -> new EventPayload.SupervisionClosed(text(o, "finding", path));
      case VISITED -> visited(o, path);
      case MERGE_SUGGESTED -> new EventPayload.MergeSuggested(Trees.caseId(o, "intoCaseId", path));
      case MERGE_DECLINED -> new EventPayload.MergeDeclined(Trees.caseId(o, "intoCaseId", path));
    };
  }

  private static EventPayload repeatReported(JsonNode o, String path) {
    int count = Trees.integer(o, "reportCount", path);
    if (count < 2) {
      throw ShapeException.rule(at(path, "reportCount"), "must be at least 2");
    }
    return new EventPayload.RepeatReported(Trees.caseId(o, "reportCaseId", path), count);
  }

  private static EventPayload supervisionEscalated(JsonNode o, String path) {
    String from = text(o, "fromLevel", path);
    String to = text(o, "toLevel", path);
    if (from.equals(to)) {
      throw ShapeException.rule(at(path, "toLevel"), "must differ from fromLevel");
    }
    return new EventPayload.SupervisionEscalated(from, to, instant(o, "dueAt", path));
  }

  private static EventPayload visited(JsonNode o, String path) {
    boolean reached = Trees.bool(o, "reached", path);
    boolean answered = Trees.optional(o, "satisfaction") != null;
    if (!reached && answered) {
      throw ShapeException.rule(at(path, "satisfaction"), "must be absent when reached is false");
    }
    return new EventPayload.Visited(
        reached,
        reached
            ? java.util.Optional.of(enumOf(Satisfaction.class, o, "satisfaction", path))
            : java.util.Optional.empty());
  }

  private static EventPayload escalated(JsonNode o, String path) {
    EscalationCause cause = enumOf(EscalationCause.class, o, "cause", path);
    String from = text(o, "fromHandlerId", path);
    String to = text(o, "toHandlerId", path);
    if (from.equals(to)) {
      throw ShapeException.rule(at(path, "toHandlerId"), "must differ from fromHandlerId");
    }
    return new EventPayload.Escalated(cause, from, to);
  }

  private static EventPayload slaWarning(JsonNode o, String path) {
    String clockId = text(o, "clockId", path);
    SlaStage stage = enumOf(SlaStage.class, o, "stage", path);
    int level = Trees.integer(o, "level", path);
    if (level < 1) {
      throw ShapeException.rule(at(path, "level"), "must be at least 1");
    }
    return new EventPayload.SlaWarning(clockId, stage, level);
  }

  private static EventPayload deadlineRevised(JsonNode o, String path) {
    String clockId = text(o, "clockId", path);
    Instant previous = instant(o, "previousDueAt", path);
    Instant due = instant(o, "dueAt", path);
    if (due.equals(previous)) {
      throw ShapeException.rule(at(path, "dueAt"), "must differ from previousDueAt");
    }
    return new EventPayload.DeadlineRevised(
        clockId, previous, due, text(o, "edition", path), flag(o, "provisional", path));
  }

  /** A non-empty array of distinct non-blank strings. */
  static ImmutableList<String> distinctTexts(JsonNode o, String name, String path) {
    JsonNode a = Trees.array(o, name, path, "ids");
    if (a.isEmpty()) {
      throw ShapeException.rule(at(path, name), "must hold at least one id");
    }
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      String p = at(path, name) + "[" + i + "]";
      String id = Trees.textElement(a.get(i), p);
      if (!seen.add(id)) {
        throw ShapeException.rule(p, "repeats an earlier id");
      }
      ids.add(id);
    }
    return ImmutableList.copyOf(ids.build());
  }
}
