package org.gridgov.json;

import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.enumOf;
import static org.gridgov.json.Trees.optional;
import static org.gridgov.json.Trees.string;
import static org.gridgov.json.Trees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;

/**
 * The codec between engine {@link Command}s (with their {@link Principal} and action) and JSON
 * trees, schema version 1 (docs/json.md). A report's facts go through {@link EventTrees}, masked or
 * not as it was built.
 */
final class CommandTrees {
  /** The command schema version this codec writes and the highest it reads. */
  static final int SCHEMA_VERSION = 1;

  private final EventTrees events;

  CommandTrees(EventTrees events) {
    this.events = events;
  }

  // ---------------------------------------------------------------- writing

  ObjectNode toTree(Command c) {
    ObjectNode n = EventTrees.NODES.objectNode();
    n.put("schemaVersion", SCHEMA_VERSION);
    n.put("commandId", String.valueOf(c.commandId()));
    n.set("actor", toTree(c.actor()));
    n.put("caseId", c.caseId().value());
    n.put("at", c.at().toString());
    n.set("action", actionTree(c.action()));
    return n;
  }

  static ObjectNode toTree(Principal p) {
    ObjectNode n = EventTrees.NODES.objectNode();
    n.put("id", p.id());
    n.put("role", p.role().name());
    p.regionCode().ifPresent(code -> n.put("regionCode", code));
    if (p.handlerId() != null) {
      n.put("handlerId", p.handlerId());
    }
    return n;
  }

  private void reportAtTree(Command.ReportAt r, ObjectNode o) {
    o.set("point", events.toTree(r.point()));
    o.put("categoryCode", r.categoryCode());
    o.put("priority", r.priority().name());
    o.put("kind", r.kind().name());
    o.put("source", r.source().name());
    r.reporter().ifPresent(p -> o.set("reporter", events.toTree(p)));
  }

  private static Command.ReportAt reportAt(JsonNode o, String path) {
    String category = Trees.string(o, "categoryCode", path);
    if (category.isEmpty() || !category.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ShapeException.rule(at(path, "categoryCode"), "must be ASCII digits");
    }
    JsonNode r = Trees.optional(o, "reporter");
    return new Command.ReportAt(
        EventTrees.point(Trees.field(o, "point", path), at(path, "point")),
        category,
        Trees.enumOf(Priority.class, o, "priority", path),
        Trees.enumOf(CaseKind.class, o, "kind", path),
        Trees.enumOf(CaseSource.class, o, "source", path),
        r == null ? Optional.empty() : Optional.of(EventTrees.reporter(r, at(path, "reporter"))));
  }

  private ObjectNode actionTree(Command.Action a) {
    ObjectNode o = EventTrees.NODES.objectNode();
    o.put("type", a.name());
    switch (a.name()) {
      case "report" -> o.set("facts", events.toTree(((Command.Report) a).facts()));
      case "report-at" -> reportAtTree((Command.ReportAt) a, o);
      case "verify" -> {
        Command.Verify x = (Command.Verify) a;
        o.put("valid", x.valid());
        o.put("reason", x.reason());
      }
      case "dispatch" -> ((Command.Dispatch) a).lead().ifPresent(lead -> o.put("lead", lead));
      case "accept" -> o.put("handlerId", ((Command.Accept) a).handlerId());
      case "return" -> {
        Command.Return x = (Command.Return) a;
        o.put("handlerId", x.handlerId());
        o.put("reason", x.reason());
      }
      case "assist" -> o.put("handlerId", ((Command.Assist) a).handlerId());
      case "summon" -> {
        Command.Summon x = (Command.Summon) a;
        ArrayNode ids = o.putArray("departmentIds");
        x.departmentIds().forEach(ids::add);
        o.put("within", x.within().toString());
      }
      default -> writeLater(a, o);
    }
    return o;
  }

  private static void writeLater(Command.Action a, ObjectNode o) {
    switch (a.name()) {
      case "arrive" -> o.put("departmentId", ((Command.Arrive) a).departmentId());
      case "suspend" -> o.put("reason", ((Command.Suspend) a).reason());
      case "resolve" -> {
        Command.Resolve x = (Command.Resolve) a;
        o.put("handlerId", x.handlerId());
        o.put("feedback", x.feedback());
      }
      case "check" -> {
        Command.Check x = (Command.Check) a;
        o.put("passed", x.passed());
        o.put("reason", x.reason());
      }
      case "evaluate" -> {
        Command.Evaluate x = (Command.Evaluate) a;
        o.put("satisfaction", x.satisfaction().name());
        o.put("solved", x.solved());
      }
      case "reopen" -> o.put("reason", ((Command.Reopen) a).reason());
      case "merge" -> o.put("intoCaseId", ((Command.Merge) a).intoCaseId().value());
      case "escalate" -> ((Command.Escalate) a).to().ifPresent(to -> o.put("to", to));
      case "request-extension" -> {
        Command.RequestExtension x = (Command.RequestExtension) a;
        o.put("handlerId", x.handlerId());
        o.put("days", x.days());
        o.put("reason", x.reason());
      }
      case "refuse-extension" -> o.put("reason", ((Command.RefuseExtension) a).reason());
      case "open-supervision" -> {
        Command.OpenSupervision x = (Command.OpenSupervision) a;
        o.put("level", x.level());
        o.put("reason", x.reason());
      }
      case "urge" -> o.put("note", ((Command.Urge) a).note());
      case "close-supervision" -> o.put("finding", ((Command.CloseSupervision) a).finding());
      case "visit" -> {
        Command.Visit x = (Command.Visit) a;
        o.put("reached", x.reached());
        x.satisfaction().ifPresent(v -> o.put("satisfaction", v.name()));
      }
      case "decide-merge" -> o.put("accept", ((Command.DecideMerge) a).accept());
      default -> {
        // register, resume, close, approve-extension: no fields.
      }
    }
  }

  // ---------------------------------------------------------------- reading

  static Command command(JsonNode n, String path) {
    Trees.requireObject(n, path);
    int version = Trees.integer(n, "schemaVersion", path);
    if (version < 1 || version > SCHEMA_VERSION) {
      throw ShapeException.rule(
          at(path, "schemaVersion"), "must be a schema version from 1 to " + SCHEMA_VERSION);
    }
    String commandId = text(n, "commandId", path);
    Principal actor = principal(Trees.object(n, "actor", path), at(path, "actor"));
    return Command.of(
        commandId,
        actor,
        Trees.caseId(n, "caseId", path),
        Trees.instant(n, "at", path),
        action(Trees.object(n, "action", path), at(path, "action")));
  }

  static Principal principal(JsonNode n, String path) {
    Trees.requireObject(n, path);
    String id = text(n, "id", path);
    Role role = enumOf(Role.class, n, "role", path);
    boolean hasRegion = optional(n, "regionCode") != null;
    boolean hasHandler = optional(n, "handlerId") != null;
    return switch (role) {
      case RESIDENT -> {
        refuse(hasRegion, at(path, "regionCode"), "must be absent for a RESIDENT");
        refuse(hasHandler, at(path, "handlerId"), "must be absent for a RESIDENT");
        yield Principal.resident(id);
      }
      case DEPARTMENT_STAFF -> {
        refuse(hasRegion, at(path, "regionCode"), "must be absent for DEPARTMENT_STAFF");
        yield Principal.ofDepartment(id, text(n, "handlerId", path));
      }
      default -> {
        refuse(hasHandler, at(path, "handlerId"), "must be absent for " + role);
        long code = Trees.regionCode(Trees.field(n, "regionCode", path), at(path, "regionCode"));
        yield new Principal(id, role, OptionalLong.of(code), null);
      }
    };
  }

  private static void refuse(boolean present, String path, String rule) {
    if (present) {
      throw ShapeException.rule(path, rule);
    }
  }

  private static Command.Action action(JsonNode o, String path) {
    String type = text(o, "type", path);
    return switch (type) {
      case "report" ->
          new Command.Report(EventTrees.facts(Trees.field(o, "facts", path), at(path, "facts")));
      case "report-at" -> reportAt(o, path);
      case "verify" -> verify(o, path);
      case "register" -> new Command.Register();
      case "dispatch" -> new Command.Dispatch(optionalText(o, "lead", path));
      case "accept" -> new Command.Accept(text(o, "handlerId", path));
      case "return" -> new Command.Return(text(o, "handlerId", path), text(o, "reason", path));
      case "assist" -> new Command.Assist(text(o, "handlerId", path));
      case "summon" ->
          new Command.Summon(
              PayloadTrees.distinctTexts(o, "departmentIds", path),
              Trees.positiveDuration(o, "within", path));
      default -> laterAction(type, o, path);
    };
  }

  private static Command.Action laterAction(String type, JsonNode o, String path) {
    return switch (type) {
      case "arrive" -> new Command.Arrive(text(o, "departmentId", path));
      case "suspend" -> new Command.Suspend(text(o, "reason", path));
      case "resume" -> new Command.Resume();
      case "resolve" -> new Command.Resolve(text(o, "handlerId", path), text(o, "feedback", path));
      case "check" -> check(o, path);
      case "close" -> new Command.Close();
      case "evaluate" ->
          new Command.Evaluate(
              enumOf(Satisfaction.class, o, "satisfaction", path), Trees.bool(o, "solved", path));
      case "reopen" -> new Command.Reopen(text(o, "reason", path));
      case "merge" -> new Command.Merge(Trees.caseId(o, "intoCaseId", path));
      case "escalate" -> new Command.Escalate(optionalText(o, "to", path));
      case "request-extension" ->
          new Command.RequestExtension(
              text(o, "handlerId", path), Trees.integer(o, "days", path), text(o, "reason", path));
      case "approve-extension" -> new Command.ApproveExtension();
      case "refuse-extension" -> new Command.RefuseExtension(text(o, "reason", path));
      case "open-supervision" ->
          new Command.OpenSupervision(text(o, "level", path), text(o, "reason", path));
      case "urge" -> new Command.Urge(text(o, "note", path));
      case "close-supervision" -> new Command.CloseSupervision(text(o, "finding", path));
      case "visit" -> visit(o, path);
      case "decide-merge" -> new Command.DecideMerge(Trees.bool(o, "accept", path));
      default ->
          throw ShapeException.expected(
              at(path, "type"), "a command type such as dispatch", o.get("type"));
    };
  }

  private static Command.Visit visit(JsonNode o, String path) {
    boolean reached = Trees.bool(o, "reached", path);
    boolean answered = optional(o, "satisfaction") != null;
    if (!reached && answered) {
      throw ShapeException.rule(at(path, "satisfaction"), "must be absent when reached is false");
    }
    return new Command.Visit(
        reached,
        reached
            ? Optional.of(enumOf(Satisfaction.class, o, "satisfaction", path))
            : Optional.empty());
  }

  private static Command.Verify verify(JsonNode o, String path) {
    boolean valid = Trees.bool(o, "valid", path);
    String reason = string(o, "reason", path);
    if (!valid && reason.isBlank()) {
      throw ShapeException.rule(at(path, "reason"), "must not be blank when valid is false");
    }
    return new Command.Verify(valid, reason);
  }

  private static Command.Check check(JsonNode o, String path) {
    boolean passed = Trees.bool(o, "passed", path);
    String reason = string(o, "reason", path);
    if (!passed && reason.isBlank()) {
      throw ShapeException.rule(at(path, "reason"), "must not be blank when passed is false");
    }
    return new Command.Check(passed, reason);
  }

  private static Optional<String> optionalText(JsonNode o, String name, String path) {
    return optional(o, name) == null ? Optional.empty() : Optional.of(text(o, name, path));
  }
}
