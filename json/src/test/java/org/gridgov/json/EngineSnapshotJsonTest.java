package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.ImmutableLongArray;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStateForm;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Principal;
import org.gridgov.engine.Supervision;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaPolicy;
import org.junit.jupiter.api.Test;

/**
 * The persisted engine snapshot: a live engine's snapshot, written and read back after every step
 * of a random run (with a calendar adoption half-way, so clocks count on two editions), is equal to
 * the original, and an engine restored from the read-back snapshot and the rest of the log equals
 * the live one. A snapshot of another version, a missing member or an unknown edition is refused
 * with a path and no value; the schema in the jar lists exactly the state's components and accepts
 * what is written.
 */
class EngineSnapshotJsonTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final long GRID = 350302001001001L;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  private static CaseEngine.Builder config() {
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1))
            .addDistrict(350302L, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "霞林社区")
            .add(RegionLevel.GRID, GRID, 350302001001L, "第一网格")
            .build();
    RoutingGraph graph = RoutingGraph.builder(tree).build();
    return CaseEngine.builder()
        .regionTree(tree)
        .routingGraph(graph)
        .routingPolicy(
            PolicyTable.parse(
                    new StringReader(
                        """
                        category,region,priority,point,holder,action
                        *,*,*,NEW_CASE,none,assign office@GRID
                        """),
                    "policy.csv")
                .compile(graph))
        .slaPolicy(
            SlaPolicy.parse(
                new StringReader(
                    """
                    levels yellow@0.5 red@1.0 late@1.5
                    whole-case * * * working-days 5 same-clock-time
                    handle * * * natural PT30H
                    """),
                "sla.txt"))
        .calendar(ChinaCalendar.calendar());
  }

  private static CaseFacts facts(String id) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0102")
        .priority(Priority.NORMAL)
        .kind(CaseKind.IMMEDIATE)
        .source(CaseSource.APP)
        .locationCodes(ImmutableLongArray.of(GRID))
        .build();
  }

  /** A random command on a random case; the engine may refuse it. */
  private static Command next(
      SplittableRandom r, CaseEngine e, List<CaseId> ids, int n, Instant t) {
    String cid = "c" + n;
    if (ids.isEmpty() || r.nextInt(6) == 0) {
      CaseId id = CaseId.of("S-" + n);
      ids.add(id);
      return Command.of(
          cid, Principal.resident("res-1"), id, t, new Command.Report(facts(id.value())));
    }
    CaseId id = ids.get(r.nextInt(ids.size()));
    CaseState s = e.state(id).orElseThrow();
    String lead = s.lead().orElse("office:" + GRID);
    Principal centre = Principal.inRegion("centre-1", Role.DISPATCHER, 350302L);
    Principal holder = Principal.inRegion("leader", Role.LEADER, 350302L);
    Principal sup = Principal.inRegion("sup-1", Role.SUPERVISOR, 350302L);
    Command.Action a;
    Principal who = centre;
    int k = r.nextInt(10);
    switch (s.status()) {
      case REPORTED -> a = new Command.Verify(k > 0, k > 0 ? "" : "not found");
      case VERIFIED -> a = new Command.Register();
      case REGISTERED -> a = Command.Dispatch.byPolicy();
      case DISPATCHED -> {
        who = holder;
        a = k < 8 ? new Command.Accept(lead) : new Command.Return(lead, "not ours");
      }
      case HANDLING -> {
        who = k < 5 ? holder : k < 7 ? centre : k < 8 ? holder : sup;
        a =
            k < 5
                ? new Command.Resolve(lead, "done")
                : k < 6
                    ? new Command.Suspend("waiting")
                    : k < 7
                        ? new Command.Escalate(Optional.empty())
                        : k < 8
                            ? new Command.RequestExtension(lead, 2, "parts")
                            : s.pendingExtensionDays().isPresent()
                                ? new Command.ApproveExtension()
                                : new Command.Suspend("waiting");
      }
      case SUSPENDED -> a = new Command.Resume();
      case RESOLVED -> {
        who = sup;
        a = new Command.Check(k < 8, k < 8 ? "" : "still there");
      }
      case CHECKED -> a = new Command.Close();
      case CLOSED -> {
        who = Principal.resident("res-1");
        a = new Command.Evaluate(k < 6 ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, k < 6);
      }
      default -> a = new Command.Reopen("again");
    }
    return Command.of(cid, who, id, t, a);
  }

  @Test
  void roundTripsAtEveryStepAndRestoresTheLiveEngine() throws IOException {
    SplittableRandom r = new SplittableRandom(42);
    CaseEngine engine = config().build();
    List<CaseEvent> log = new ArrayList<>();
    Map<CaseId, CaseFacts> facts = new HashMap<>();
    List<CaseId> ids = new ArrayList<>();
    Instant t = at("2026-12-01T08:00");
    int accepted = 0;
    List<EngineSnapshot> taken = new ArrayList<>();
    List<Integer> cuts = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      t = t.plus(Duration.ofMinutes(r.nextInt(600)));
      log.addAll(engine.advanceTo(t));
      if (n == 100) {
        BusinessCalendar cn2027 =
            ChinaCalendar.withNotice(
                engine.calendarEditions().latest(), HolidayNoticeJsonTest.fixture(), "cn-2027");
        t = t.plusSeconds(1); // an adoption comes after the engine's time
        log.addAll(engine.adoptCalendar(cn2027, t));
      }
      Command c = next(r, engine, ids, n, t);
      try {
        log.addAll(engine.execute(c));
        accepted++;
        if (c.action() instanceof Command.Report rep) {
          facts.put(rep.facts().id(), rep.facts());
        }
      } catch (RuntimeException refused) {
        if (c.action() instanceof Command.Report) {
          ids.remove(c.caseId());
        }
      }
      EngineSnapshot live = engine.snapshot();
      byte[] json = EngineSnapshotJson.toBytes(live);
      EngineSnapshot back = EngineSnapshotJson.fromBytes(json, engine.calendarEditions());
      assertThat(back).as("step %s", n).isEqualTo(live);
      if (n % 50 == 25) {
        taken.add(back);
        cuts.add(log.size());
      }
    }
    assertThat(accepted).as("the run exercised the engine").isGreaterThan(150);
    assertThat(engine.calendarEditions().editions()).hasSize(2);
    CaseEngine replayed =
        CaseEngine.restore(config().calendarEditions(engine.calendarEditions()), facts, log);
    assertThat(replayed.snapshot()).isEqualTo(engine.snapshot());
    for (int i = 0; i < taken.size(); i++) {
      CaseEngine restored =
          CaseEngine.restore(
              config().calendarEditions(engine.calendarEditions()),
              taken.get(i),
              facts,
              log.subList(cuts.get(i), log.size()));
      assertThat(restored.snapshot()).as("snapshot %s + tail", i).isEqualTo(engine.snapshot());
      assertThat(restored.now()).isEqualTo(replayed.now());
    }
  }

  private static EngineSnapshot small() {
    CaseEngine engine = config().build();
    Instant t = at("2026-03-02T09:00");
    var unused =
        engine.execute(
            Command.of(
                "1", Principal.resident("r"), CaseId.of("A"), t, new Command.Report(facts("A"))));
    var unused2 =
        engine.execute(
            Command.of(
                "2",
                Principal.inRegion("centre-1", Role.DISPATCHER, 350302L),
                CaseId.of("A"),
                t,
                new Command.Verify(true, "")));
    var unused3 =
        engine.execute(
            Command.of(
                "3",
                Principal.inRegion("centre-1", Role.DISPATCHER, 350302L),
                CaseId.of("A"),
                t,
                new Command.Register()));
    return engine.snapshot();
  }

  private static ObjectNode tree(EngineSnapshot s) throws IOException {
    return (ObjectNode) MAPPER.readTree(EngineSnapshotJson.toBytes(s));
  }

  private static String readError(JsonNode doc) {
    try {
      var unused =
          EngineSnapshotJson.fromBytes(
              MAPPER.writeValueAsBytes(doc), config().config().calendarEditions());
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("read without an error");
  }

  @Test
  void refusesAnotherVersionAMissingMemberAndAnUnknownEditionByPath() throws IOException {
    EngineSnapshot s = small();
    assertThat(s.cases().get(0).clocks().clocks()).isNotEmpty();
    ObjectNode v2 = tree(s).put("version", 2);
    assertThat(readError(v2)).contains("$.version is 2; this code reads snapshot version 1");

    ObjectNode noHistory = tree(s);
    ((ObjectNode) noHistory.at("/cases/0/clocks/0")).remove("history");
    assertThat(readError(noHistory)).contains("$.cases[0].clocks[0].history is missing");

    ObjectNode badCount = tree(s);
    ((ObjectNode) badCount.at("/cases/0/state")).put("dispatchCount", "many");
    assertThat(readError(badCount))
        .contains("$.cases[0].state.dispatchCount must be a 32-bit integer");

    ObjectNode edition = tree(s);
    ((ObjectNode) edition.at("/cases/0/clocks/0")).put("calendar", "cn-2099");
    assertThat(readError(edition))
        .contains("$.cases[0].clocks[0].calendar names calendar edition 'cn-2099'");

    ObjectNode casesFirst = MAPPER.createObjectNode();
    casesFirst.set("cases", tree(s).get("cases"));
    casesFirst.put("format", EngineSnapshotJson.FORMAT).put("version", 1);
    assertThat(readError(casesFirst)).contains("$.cases must come after $.format and $.version");

    ObjectNode future = tree(s);
    future.put("writtenBy", "a later gridgov");
    ((ObjectNode) future.at("/cases/0/state")).put("someLaterField", 3);
    assertThat(
            EngineSnapshotJson.fromBytes(
                MAPPER.writeValueAsBytes(future), config().config().calendarEditions()))
        .isEqualTo(s);
  }

  @Test
  void roundTripsTheAnnex_andReadsDocumentsWithoutIt() throws IOException {
    EngineSnapshot s = small();
    EngineSnapshot.CaseSnapshot c = s.cases().get(0);
    Instant opened = at("2026-12-02T09:00");
    Supervision sv =
        new Supervision(
            "一般督办",
            opened,
            opened.plus(Duration.ofDays(2)),
            1,
            1,
            Optional.of(opened.plus(Duration.ofDays(1))),
            Optional.of("按期整改"));
    EngineSnapshot annexed =
        new EngineSnapshot(
            com.google.common.collect.ImmutableList.of(
                new EngineSnapshot.CaseSnapshot(
                    c.facts(), c.state(), c.clocks(), c.pendingDeadline(), 3, 2, Optional.of(sv))));
    EngineSnapshot back =
        EngineSnapshotJson.fromBytes(
            EngineSnapshotJson.toBytes(annexed), config().config().calendarEditions());
    assertThat(back).isEqualTo(annexed);
    assertThat(back).isNotEqualTo(s);
    // a document without the annex (written before it existed) reads with the defaults
    assertThat(tree(s).at("/cases/0").has("reportCount")).isFalse();
    EngineSnapshot plain =
        EngineSnapshotJson.fromBytes(
            EngineSnapshotJson.toBytes(s), config().config().calendarEditions());
    assertThat(plain.cases().get(0).reportCount()).isEqualTo(1);
    assertThat(plain.cases().get(0).supervision()).isEmpty();

    ObjectNode badReports = tree(annexed);
    ((ObjectNode) badReports.at("/cases/0")).put("reportCount", 0);
    assertThat(readError(badReports)).contains("$.cases[0].reportCount").contains("at least 1");
  }

  @Test
  void badJsonIsRefusedWithItsPlaceButNotItsText() {
    String doc =
        "{\"format\":\"gridgov-engine-snapshot\",\"version\":1,\"cases\":[{\"facts\": 张三13912345678";
    assertThatThrownBy(
            () ->
                EngineSnapshotJson.fromBytes(
                    doc.getBytes(StandardCharsets.UTF_8), config().config().calendarEditions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageNotContaining("张三")
        .hasMessageNotContaining("13912345678");
  }

  private static JsonNode schema() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            EngineSnapshotJson.class.getResourceAsStream(EngineSnapshotJson.SCHEMA_RESOURCE),
            "the snapshot schema is not in the jar")) {
      return MAPPER.readTree(in);
    }
  }

  @Test
  void theSchemaListsEveryStateComponentAndAcceptsWhatIsWritten() throws IOException {
    JsonNode schema = schema();
    List<String> properties = new ArrayList<>();
    schema.at("/$defs/state/properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CaseStateForm.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList());
    Schema validator =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema.toString(), InputFormat.JSON);
    ObjectNode written = tree(small());
    assertThat(validator.validate(written)).isEmpty();
    ObjectNode bad = written.deepCopy();
    ((ArrayNode) bad.at("/cases/0/clocks")).addObject().put("name", "x");
    List<Error> errors = validator.validate(bad);
    assertThat(errors).isNotEmpty();
  }
}
