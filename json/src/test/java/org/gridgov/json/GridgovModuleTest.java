package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
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
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.DeliberationEvent;
import org.gridgov.engine.Principal;
import org.gridgov.engine.StaffEvent;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.WishEvent;
import org.gridgov.people.WishId;

/**
 * Properties of {@link GridgovModule}: every event type and every command type survives the round
 * trip; unknown fields are ignored at every level; a missing required field, or a value of the
 * wrong JSON kind, is refused with the JSON path of that very field.
 */
class GridgovModuleTest {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(GridgovModule.unmasked());
  private static final ObjectMapper MASKING =
      new ObjectMapper().registerModule(new GridgovModule());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Fields a writer may leave out; every other field it writes is required. */
  static final Set<String> OPTIONAL =
      Set.of("provisional", "reporter", "point", "phone", "masked", "lead", "to");

  /**
   * Whether a field may be left out: by its name, except a report-at command's point, which is
   * required there and optional in case facts.
   */
  static boolean isOptional(JsonTrees.Site site) {
    String name = site.fieldName();
    return OPTIONAL.contains(name)
        && !("point".equals(name) && site.path().equals("$.action.point"));
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

  /**
   * A value and the API type to read it as (the module maps the API types, not the generated
   * Immutables classes).
   *
   * @param value the value
   * @param type its API type
   */
  record Sample(Object value, Class<?> type) {}

  @Provide
  Arbitrary<Sample> values() {
    return Arbitraries.oneOf(
        GridgovArbitraries.event().map(e -> new Sample(e, CaseEvent.class)),
        GridgovArbitraries.command().map(c -> new Sample(c, Command.class)),
        GridgovArbitraries.facts().map(f -> new Sample(f, CaseFacts.class)));
  }

  // ---------------------------------------------------------------- round trips

  @Property(tries = 1500)
  void everyEventType_survivesTheRoundTrip(@ForAll("events") CaseEvent e) throws Exception {
    String json = MAPPER.writeValueAsString(e);
    assertThat(MAPPER.readValue(json, CaseEvent.class)).as(json).isEqualTo(e);
    // The facade writes and reads the same wire form.
    assertThat(CaseJson.unmasked().write(e)).isEqualTo(json);
    assertThat(CaseJson.unmasked().readEvent(json)).isEqualTo(e);
    Statistics.collect(e.type());
    Statistics.coverage(
        c -> {
          for (EventType t : EventType.values()) {
            c.check(t).count(n -> n > 0);
          }
        });
  }

  @Property(tries = 1000)
  void everyCommandType_survivesTheRoundTrip(@ForAll("commands") Command c) throws Exception {
    String json = MAPPER.writeValueAsString(c);
    assertThat(MAPPER.readValue(json, Command.class)).as(json).isEqualTo(c);
    assertThat(CaseJson.unmasked().readCommand(CaseJson.unmasked().write(c))).isEqualTo(c);
    Statistics.collect(c.action().name());
    Statistics.coverage(
        cov -> {
          for (String t : GridgovArbitraries.ACTION_TYPES) {
            cov.check(t).count(n -> n > 0);
          }
        });
  }

  @Example
  void theCommandGenerator_coversEveryPermittedActionType() {
    Set<Class<?>> generated = new HashSet<>();
    for (String type : GridgovArbitraries.ACTION_TYPES) {
      Command.Action a = GridgovArbitraries.action(type).sample();
      assertThat(a.name()).isEqualTo(type);
      generated.add(a.getClass());
    }
    assertThat(generated).containsExactlyInAnyOrder(Command.Action.class.getPermittedSubclasses());
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (EventType t : EventType.values()) {
      types.add(GridgovArbitraries.payload(t).sample().type());
    }
    assertThat(types).containsExactlyInAnyOrder(EventType.values());
  }

  @Property
  void facts_surviveTheRoundTripUnmasked(@ForAll("facts") CaseFacts f) throws Exception {
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(f), CaseFacts.class)).isEqualTo(f);
  }

  @Property
  void maskedFacts_carryOnlyTheMaskedReporter(@ForAll("facts") CaseFacts f) throws Exception {
    String json = MASKING.writeValueAsString(f);
    CaseFacts back = MASKING.readValue(json, CaseFacts.class);
    // the reporter as written (another field, say a category code, may hold the same text)
    var written = MASKING.readTree(json).path("reporter");
    String writtenName = written.path("name").asText();
    String writtenPhone = written.path("phone").asText();
    assertThat(back.reporter().isPresent()).isEqualTo(f.reporter().isPresent());
    f.reporter()
        .ifPresent(
            p -> {
              String name = p.revealName();
              PersonalData masked =
                  p.revealPhone()
                      .map(
                          ph ->
                              PersonalData.of(
                                  PersonalData.maskName(name), PersonalData.maskPhone(ph)))
                      .orElse(PersonalData.ofName(PersonalData.maskName(name)));
              assertThat(back.reporter()).contains(masked);
              p.revealPhone().ifPresent(ph -> assertThat(writtenPhone).isNotEqualTo(ph));
              if (name.codePointCount(0, name.length()) > 1) {
                assertThat(writtenName).isNotEqualTo(name);
              }
            });
  }

  @Property
  void principalsActorsAndCaseIds_surviveTheRoundTrip(
      @ForAll("principals") Principal p, @ForAll("caseIds") CaseId id) throws Exception {
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(p), Principal.class)).isEqualTo(p);
    Actor a = p.actor();
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(a), Actor.class)).isEqualTo(a);
    String idJson = MAPPER.writeValueAsString(id);
    assertThat(MAPPER.readTree(idJson).isTextual()).isTrue();
    assertThat(MAPPER.readValue(idJson, CaseId.class)).isEqualTo(id);
  }

  @Provide
  Arbitrary<Principal> principals() {
    return GridgovArbitraries.principal();
  }

  @Provide
  Arbitrary<CaseId> caseIds() {
    return GridgovArbitraries.caseId();
  }

  @Example
  void theReadmeSnippet_worksAsWritten() throws Exception {
    CaseEvent event = GridgovArbitraries.event(EventType.DISPATCHED).sample();
    // tag::json-module[]
    ObjectMapper mapper =
        new ObjectMapper().registerModule(new GridgovModule()); // reporters masked
    String json = mapper.writeValueAsString(event); // {"caseId":…,"schemaVersion":1,"type":…}
    CaseEvent back = mapper.readValue(json, CaseEvent.class); // refused: GridgovJsonException
    // end::json-module[]
    assertThat(back).isEqualTo(event);
    assertThat(json).contains("\"schemaVersion\":1", "\"type\":\"Dispatched\"");
  }

  // ---------------------------------------------------------------- a freshly built module

  /**
   * Every type the module names is written in its schema definition and read back, through a mapper
   * built here (not a shared one whose serializers were looked up earlier).
   */
  @Example
  void aFreshMapper_writesEveryRegisteredTypeInItsSchemaShape_andReadsItBack() throws Exception {
    ObjectMapper fresh = new ObjectMapper().registerModule(GridgovModule.unmasked());
    Instant t = Instant.parse("2025-03-10T06:30:00Z");
    Principal principal = Principal.inRegion("grid-7", Role.GRID_WORKER, 350302001001001L);
    Map<String, Sample> byDefinition = new LinkedHashMap<>();
    byDefinition.put("facts", new Sample(GridgovArbitraries.facts().sample(), CaseFacts.class));
    byDefinition.put("caseFile", new Sample(GridgovSchemaTest.sampleCaseFile(), CaseFile.class));
    byDefinition.put("command", new Sample(GridgovArbitraries.command().sample(), Command.class));
    byDefinition.put("principal", new Sample(principal, Principal.class));
    byDefinition.put("actor", new Sample(principal.actor(), Actor.class));
    byDefinition.put(
        "staffEvent",
        new Sample(
            new StaffEvent(
                t,
                CaseId.of("c-1"),
                StaffEvent.Kind.HANDED_BACK,
                "office:350302001001001",
                "grid_worker",
                Optional.of(PersonId.of("p-reserve")),
                Optional.of(PersonId.of("p-worker")),
                "own-worker"),
            StaffEvent.class));
    byDefinition.put(
        "deliberationEvent",
        new Sample(
            DeliberationEvent.referred(
                1,
                CaseId.of("B-1"),
                t,
                "representatives_meeting",
                350302001001001L,
                MatterSize.BIG,
                t.plusSeconds(86400)),
            DeliberationEvent.class));
    byDefinition.put(
        "wishEvent",
        new Sample(
            new WishEvent(
                2,
                WishId.of("w-1"),
                t,
                WishEvent.Kind.CLAIMED,
                PersonId.of("p-vol1"),
                350302001001L,
                3,
                t.plusSeconds(30 * 86400)),
            WishEvent.class));
    byDefinition.put("caseId", new Sample(CaseId.of("C-2024-0001"), CaseId.class));
    for (Map.Entry<String, Sample> d : byDefinition.entrySet()) {
      Sample s = d.getValue();
      String json = fresh.writeValueAsString(s.value());
      assertThat(GridgovSchemaTest.errors(d.getKey(), fresh.readTree(json))).as(json).isEmpty();
      assertThat(fresh.readValue(json, s.type())).as(json).isEqualTo(s.value());
    }
    assertThat(fresh.writeValueAsString(CaseId.of("C-2024-0001"))).isEqualTo("\"C-2024-0001\"");
  }

  @Example
  void onlyTheUnmaskedModule_writesAReporterInClear() throws Exception {
    CaseFacts f = GridgovSchemaTest.sampleCaseFile().facts();
    assertThat(f.reporter()).contains(PersonalData.of("张三丰", "13812345678"));
    GridgovModule clear = GridgovModule.unmasked();
    GridgovModule masking = new GridgovModule();
    assertThat(clear.writesUnmasked()).isTrue();
    assertThat(masking.writesUnmasked()).isFalse();

    JsonNode inClear = new ObjectMapper().registerModule(clear).valueToTree(f);
    assertThat(inClear.at("/reporter/name").asText()).isEqualTo("张三丰");
    assertThat(inClear.at("/reporter/phone").asText()).isEqualTo("13812345678");
    assertThat(inClear.at("/reporter/masked").asBoolean(true)).isFalse();

    JsonNode masked = new ObjectMapper().registerModule(masking).valueToTree(f);
    // The masks of the class documentation: first character, first three and last four digits.
    assertThat(masked.at("/reporter/name").asText()).isEqualTo("张**");
    assertThat(masked.at("/reporter/phone").asText()).isEqualTo("138****5678");
    assertThat(masked.at("/reporter/masked").asBoolean(false)).isTrue();
  }

  /**
   * A value that starts with a bracket is named by its own position, not by a position inside it:
   * an array where an event belongs is {@code $.e}, not {@code $.e[0]}.
   */
  @Example
  void aValueOfTheWrongKind_isNamedByItsOwnPath_whenItIsAnArrayOrAScalar() throws Exception {
    ObjectMapper fresh = new ObjectMapper().registerModule(new GridgovModule());
    assertThatThrownBy(() -> fresh.readValue("[]", CaseEvent.class))
        .isInstanceOfSatisfying(
            GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo("$"));
    assertThatThrownBy(
            () ->
                fresh.readValue("{\"e\": [1, 2]}", new TypeReference<Map<String, CaseEvent>>() {}))
        .isInstanceOfSatisfying(
            GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo("$.e"));
    assertThatThrownBy(
            () -> fresh.readValue("{\"c\": [{}]}", new TypeReference<Map<String, Command>>() {}))
        .isInstanceOfSatisfying(
            GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo("$.c"));
    assertThatThrownBy(() -> fresh.readValue("[[\"x\"]]", new TypeReference<List<CaseId>>() {}))
        .isInstanceOfSatisfying(
            GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo("$[0]"));
    assertThatThrownBy(
            () -> fresh.readValue("{\"id\": 5}", new TypeReference<Map<String, CaseId>>() {}))
        .isInstanceOfSatisfying(
            GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo("$.id"));
  }

  // ---------------------------------------------------------------- later versions

  @Property
  void unknownFields_areIgnoredAtEveryLevel(
      @ForAll("values") Sample value, @ForAll("futureValues") JsonNode extra) throws Exception {
    JsonNode tree = MAPPER.valueToTree(value.value());
    int i = 0;
    for (ObjectNode o : JsonTrees.objects(tree)) {
      o.set("futureField" + i++, extra.deepCopy());
    }
    assertThat(i).isPositive();
    String json = MAPPER.writeValueAsString(tree);
    assertThat(MAPPER.readValue(json, value.type())).isEqualTo(value.value());
  }

  @Provide
  Arbitrary<JsonNode> futureValues() {
    return Arbitraries.of(
        NODES.textNode("13812345678"),
        NODES.numberNode(2.5),
        NODES.booleanNode(true),
        NODES.nullNode(),
        NODES.arrayNode().add(1).add("x"),
        NODES.objectNode().put("type", "Closed").set("payload", NODES.objectNode()));
  }

  // ---------------------------------------------------------------- refusals with paths

  @Property(tries = 300)
  void aMissingRequiredField_isRefusedWithItsPath(@ForAll("values") Sample value) throws Exception {
    JsonNode tree = MAPPER.valueToTree(value.value());
    for (JsonTrees.Site site : JsonTrees.sites(tree)) {
      if (site.fieldName() == null) {
        continue;
      }
      String json = MAPPER.writeValueAsString(site.removedFrom(tree));
      if (isOptional(site)) {
        assertThat(MAPPER.readValue(json, value.type())).isNotNull();
      } else {
        assertThatThrownBy(() -> MAPPER.readValue(json, value.type()))
            .as(site.path())
            .isInstanceOfSatisfying(
                GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo(site.path()))
            .hasMessageContaining(site.path() + " is missing");
      }
    }
  }

  @Property(tries = 300)
  void aValueOfTheWrongKind_isRefusedWithItsPath(@ForAll("values") Sample value) throws Exception {
    JsonNode tree = MAPPER.valueToTree(value.value());
    for (JsonTrees.Site site : JsonTrees.sites(tree)) {
      JsonNode wrong = wrongKind(site.valueIn(tree));
      String json = MAPPER.writeValueAsString(site.replacedIn(tree, wrong));
      assertThatThrownBy(() -> MAPPER.readValue(json, value.type()))
          .as(site.path() + " := " + wrong)
          .isInstanceOfSatisfying(
              GridgovJsonException.class, e -> assertThat(e.jsonPath()).isEqualTo(site.path()))
          .hasMessageContaining(site.path() + " must be");
    }
  }

  /** A value of another JSON kind than {@code n}. */
  static JsonNode wrongKind(JsonNode n) {
    if (n.isTextual()) {
      return NODES.numberNode(13812345678L);
    } else if (n.isNumber()) {
      return NODES.textNode("13812345678");
    } else if (n.isBoolean()) {
      return NODES.textNode("yes");
    } else if (n.isArray()) {
      return NODES.objectNode();
    }
    return NODES.arrayNode();
  }

  @Example
  void pathsCountFromTheRootOfTheDocument_whenValuesAreNested() throws Exception {
    CaseEvent e = GridgovArbitraries.event(EventType.REGISTERED).sample();
    ArrayNode list = NODES.arrayNode().add(MAPPER.valueToTree(e)).add(MAPPER.valueToTree(e));
    ((ObjectNode) list.get(1).get("payload")).remove("dueAt");
    String json = MAPPER.writeValueAsString(NODES.objectNode().set("log", list));
    assertThatThrownBy(
            () ->
                MAPPER.readValue(
                    json, new TypeReference<java.util.Map<String, List<CaseEvent>>>() {}))
        .isInstanceOfSatisfying(
            GridgovJsonException.class,
            x -> assertThat(x.jsonPath()).isEqualTo("$.log[1].payload.dueAt"))
        .hasMessageContaining("$.log[1].payload.dueAt is missing");
  }

  @Example
  void aNewerSchemaVersion_isRefused_andAnUnknownEventTypeToo() throws Exception {
    ObjectNode tree = MAPPER.valueToTree(GridgovArbitraries.event().sample());
    tree.put("schemaVersion", GridgovModule.SCHEMA_VERSION + 1);
    assertThatThrownBy(() -> MAPPER.treeToValue(tree, CaseEvent.class))
        .isInstanceOf(GridgovJsonException.class)
        .hasMessageContaining("$.schemaVersion must be a schema version from 1 to 1");
    tree.put("schemaVersion", 1).put("type", "Teleported");
    assertThatThrownBy(() -> MAPPER.treeToValue(tree, CaseEvent.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("$.type must be an event type");
  }
}
