package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.Command;

/**
 * The JSON Schema shipped in the jar ({@link GridgovModule#SCHEMA_RESOURCE}), checked with the
 * networknt validator (draft 2020-12): what the module writes for every event type and every
 * command type is valid; a document the reader refuses for a missing field or a value of the wrong
 * kind is invalid too, so schema and reader agree.
 */
class GridgovSchemaTest {
  private static final ObjectMapper MAPPER = GridgovModuleTest.MAPPER;
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  static JsonNode schemaTree() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            GridgovModule.class.getResourceAsStream(GridgovModule.SCHEMA_RESOURCE),
            "the schema is not in the jar")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** The shipped schema with its root pointed at one definition, e.g. {@code event}. */
  static Schema schemaFor(String definition) {
    return SCHEMAS.computeIfAbsent(
        definition,
        d -> {
          try {
            ObjectNode root = (ObjectNode) schemaTree();
            assertThat(root.get("$defs").has(d)).as(d).isTrue();
            root.remove("anyOf");
            root.put("$ref", "#/$defs/" + d);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString(), InputFormat.JSON);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  static String definitionOf(Class<?> type) {
    if (type == CaseEvent.class) {
      return "event";
    }
    return type == Command.class ? "command" : "facts";
  }

  static List<Error> errors(String definition, JsonNode doc) {
    return schemaFor(definition).validate(doc);
  }

  @Provide
  Arbitrary<CaseEvent> events() {
    return GridgovArbitraries.event();
  }

  @Provide
  Arbitrary<Command> commands() {
    return GridgovArbitraries.command();
  }

  @Provide
  Arbitrary<CaseFacts> facts() {
    return GridgovArbitraries.facts();
  }

  @Provide
  Arbitrary<GridgovModuleTest.Sample> values() {
    return new GridgovModuleTest().values();
  }

  @Example
  void theSchemasEnumerations_areExactlyTheJavaOnes() throws IOException {
    JsonNode defs = schemaTree().get("$defs");
    assertThat(names(defs.at("/role/enum"))).containsExactlyInAnyOrder(constants(Role.class));
    assertThat(names(defs.at("/escalationCause/enum")))
        .containsExactlyInAnyOrder(constants(org.gridgov.casefile.EscalationCause.class));
    assertThat(names(defs.at("/satisfaction/enum")))
        .containsExactlyInAnyOrder(constants(Satisfaction.class));
    assertThat(names(defs.at("/slaStage/enum")))
        .containsExactlyInAnyOrder(constants(org.gridgov.sla.SlaStage.class));
    assertThat(names(defs.at("/handlerRole/enum")))
        .containsExactlyInAnyOrder(constants(HandlerRole.class));
    assertThat(names(defs.at("/facts/properties/priority/enum")))
        .containsExactlyInAnyOrder(constants(Priority.class));
    assertThat(names(defs.at("/facts/properties/kind/enum")))
        .containsExactlyInAnyOrder(constants(CaseKind.class));
    assertThat(names(defs.at("/facts/properties/source/enum")))
        .containsExactlyInAnyOrder(constants(CaseSource.class));
    assertThat(names(defs.at("/event/properties/type/enum")))
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(EventType.values())
                .map(EventType::payloadName)
                .toArray(String[]::new));
    assertThat(names(defs.at("/command/properties/action/properties/type/enum")))
        .containsExactlyInAnyOrderElementsOf(GridgovArbitraries.ACTION_TYPES);
  }

  private static List<String> names(JsonNode array) {
    assertThat(array.isArray()).isTrue();
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String[] constants(Class<? extends Enum<?>> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
  }

  @Property(tries = 600)
  void everyEventTypeWritten_isValid(@ForAll("events") CaseEvent e) {
    JsonNode doc = MAPPER.valueToTree(e);
    assertThat(errors("event", doc)).as(doc.toString()).isEmpty();
    Statistics.collect(e.type());
    Statistics.coverage(
        c -> {
          for (EventType t : EventType.values()) {
            c.check(t).count(n -> n > 0);
          }
        });
  }

  @Property(tries = 400)
  void everyCommandTypeWritten_isValid(@ForAll("commands") Command c) {
    JsonNode doc = MAPPER.valueToTree(c);
    assertThat(errors("command", doc)).as(doc.toString()).isEmpty();
    Statistics.collect(c.action().name());
    Statistics.coverage(
        cov -> {
          for (String t : GridgovArbitraries.ACTION_TYPES) {
            cov.check(t).count(n -> n > 0);
          }
        });
  }

  @Property
  void factsWritten_maskedOrNot_areValid(@ForAll("facts") CaseFacts f) {
    assertThat(errors("facts", MAPPER.valueToTree(f))).isEmpty();
    assertThat(errors("facts", CaseJson.masked().toTree(f))).isEmpty();
  }

  @Example
  void aCaseFileAndTheStoredLegacyRows_areValid_andTheRootAcceptsEachKind() throws IOException {
    CaseFile file = sampleCaseFile();
    JsonNode doc = MAPPER.valueToTree(file);
    assertThat(errors("caseFile", doc)).isEmpty();
    Schema root =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaTree().toString(), InputFormat.JSON);
    assertThat(root.validate(doc)).isEmpty();
    assertThat(root.validate(doc.get("facts"))).isEmpty();
    for (String line : LegacyWireFormatTest.lines("legacy-v1-events.jsonl")) {
      assertThat(errors("event", MAPPER.readTree(line))).as(line).isEmpty();
      assertThat(root.validate(MAPPER.readTree(line))).as(line).isEmpty();
    }
    assertThat(root.validate(MAPPER.readTree("{\"caseId\":\"C-1\"}"))).isNotEmpty();
  }

  @Property(tries = 60)
  void whatTheReaderRefusesForAMissingFieldOrAWrongKind_theSchemaRefusesToo(
      @ForAll("values") GridgovModuleTest.Sample value) {
    JsonNode tree = MAPPER.valueToTree(value.value());
    String definition = definitionOf(value.type());
    for (JsonTrees.Site site : JsonTrees.sites(tree)) {
      if (site.fieldName() != null && !GridgovModuleTest.isOptional(site)) {
        assertThat(errors(definition, site.removedFrom(tree)))
            .as("without " + site.path())
            .isNotEmpty();
      }
      JsonNode wrong = GridgovModuleTest.wrongKind(site.valueIn(tree));
      assertThat(errors(definition, site.replacedIn(tree, wrong)))
          .as(site.path() + " := " + wrong)
          .isNotEmpty();
    }
  }

  static CaseFile sampleCaseFile() {
    CaseId id = CaseId.of("C-2024-0001");
    CaseFacts f =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.MAJOR)
            .kind(CaseKind.COMMITTED)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .source(CaseSource.APP)
            .reporter(PersonalData.of("张三丰", "13812345678"))
            .build();
    Instant t0 = Instant.parse("2024-03-01T02:00:00Z");
    EventPayload[] flow = {
      new EventPayload.Reported(),
      new EventPayload.Verified(),
      new EventPayload.Registered(t0.plus(Duration.ofDays(5))),
      new EventPayload.Dispatched("H1", HandlerRole.LEAD),
      new EventPayload.Accepted("H1"),
      new EventPayload.Summoned(ImmutableList.of("D1"), Duration.ofMinutes(30)),
      new EventPayload.Arrived("D1"),
      new EventPayload.Resolved("done"),
      new EventPayload.CheckPassed(),
      new EventPayload.Closed(),
      new EventPayload.Evaluated(Satisfaction.SATISFIED, true)
    };
    List<CaseEvent> events = new ArrayList<>();
    for (EventPayload p : flow) {
      events.add(
          CaseEvent.of(
              id,
              events.size() + 1,
              t0.plus(Duration.ofHours(events.size() + 1)),
              Actor.of("dispatcher-7", Role.DISPATCHER),
              p));
    }
    return CaseFile.of(f, events);
  }
}
