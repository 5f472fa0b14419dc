package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * Repeat reports (重复上报): linking by category and unit, the report count, the {@code REPEAT_REPORT}
 * routing decision with the real count, reopening a recently closed case (返工), and the restore of
 * it all from the log.
 */
class RepeatReportTest {
  private static final String POTHOLE = "0401";
  private static final Principal GRID_WORKER = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);

  /**
   * The example policy (its table beside {@link PolicyTable}) with the repeat rule raised to the
   * fifth report.
   */
  private static RoutingPolicy fifthReportEscalates(RoutingGraph graph) {
    String text;
    try (InputStream in = PolicyTable.class.getResourceAsStream(ExamplePolicy.RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String five = text.replace("REPEAT_REPORT>=3", "REPEAT_REPORT>=5");
    assertThat(five).isNotEqualTo(text);
    return PolicyTable.parse(new StringReader(five), "test").compile(graph);
  }

  private static CaseEngine.Builder config(String supervisionPolicy) {
    RoutingGraph graph = ExamplePolicy.graph(TREE);
    return CaseEngine.builder()
        .regionTree(TREE)
        .routingGraph(graph)
        .routingPolicy(fifthReportEscalates(graph))
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .supervisionPolicy(SupervisionPolicy.parse(supervisionPolicy, "test-policy"));
  }

  private static final String LINK_AND_REOPEN = "repeat window P30D reopen\n";

  private static void report(Driver d, Principal who, String id, Instant t, String cat, long unit) {
    d.run(who, id, t, new Command.Report(facts(id, cat, Priority.NORMAL, CaseSource.APP, unit)));
  }

  /** Reports, verifies, registers and dispatches a case by the policy. */
  private static void openCase(Driver d, String id, Instant t) {
    report(d, GRID_WORKER, id, t, POTHOLE, GRID1);
    d.run(GRID_WORKER, id, t.plusSeconds(60), new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, t.plusSeconds(120), new Command.Register());
    d.run(districtDispatcher(), id, t.plusSeconds(180), Command.Dispatch.byPolicy());
  }

  private static long count(List<CaseEvent> log, EventType type) {
    return log.stream().filter(e -> e.type() == type).count();
  }

  @Test
  void fiveReportsOfOnePothole_areOneCaseWithCountFiveAndOneEscalationByTheRepeatRule() {
    Driver d = new Driver(config(LINK_AND_REOPEN).build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    String firstLead = d.engine.state(CaseId.of("P-1")).orElseThrow().lead().orElseThrow();

    for (int k = 2; k <= 5; k++) {
      String id = "P-" + k;
      List<CaseEvent> out =
          d.run(
              Principal.resident("r-" + k),
              id,
              t.plusSeconds(3600L * k),
              new Command.Report(facts(id, POTHOLE, Priority.NORMAL, CaseSource.APP, GRID1)));
      assertThat(out.get(0).payload()).isEqualTo(new EventPayload.Reported());
      assertThat(out.get(1).payload()).isEqualTo(new EventPayload.Merged(CaseId.of("P-1")));
      assertThat(out.get(2).caseId()).isEqualTo(CaseId.of("P-1"));
      assertThat(out.get(2).payload()).isEqualTo(new EventPayload.RepeatReported(CaseId.of(id), k));
      assertThat(d.engine.state(CaseId.of(id)).orElseThrow().status()).isEqualTo(CaseStatus.MERGED);
      // the escalation rule sees the real count: nothing before the fifth report
      assertThat(out.stream().anyMatch(e -> e.type() == EventType.ESCALATED)).isEqualTo(k == 5);
    }

    assertThat(d.engine.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(5));
    assertThat(d.engine.openCaseCount()).isEqualTo(1);
    List<CaseEvent> escalations =
        d.log.stream().filter(e -> e.type() == EventType.ESCALATED).toList();
    assertThat(escalations).hasSize(1);
    EventPayload.Escalated es = (EventPayload.Escalated) escalations.get(0).payload();
    assertThat(es.cause()).isEqualTo(EscalationCause.REPEAT_REPORT);
    assertThat(es.fromHandlerId()).isEqualTo(firstLead);

    CaseEngine restored = CaseEngine.restore(config(LINK_AND_REOPEN), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
    assertThat(restored.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(5));
    CaseEngine fromSnapshot =
        CaseEngine.restore(
            config(LINK_AND_REOPEN), d.engine.snapshot(), d.facts, java.util.List.of());
    assertThat(fromSnapshot.snapshot()).isEqualTo(d.engine.snapshot());
    assertThat(fromSnapshot.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void anotherCategoryOrAnotherUnit_isACaseOfItsOwn() {
    Driver d = new Driver(config(LINK_AND_REOPEN).build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    report(d, Principal.resident("r"), "Q-1", t.plusSeconds(3600), "0102", GRID1);
    report(d, Principal.resident("r"), "Q-2", t.plusSeconds(7200), POTHOLE, GRID2);

    assertThat(d.engine.state(CaseId.of("Q-1")).orElseThrow().status())
        .isEqualTo(CaseStatus.REPORTED);
    assertThat(d.engine.state(CaseId.of("Q-2")).orElseThrow().status())
        .isEqualTo(CaseStatus.REPORTED);
    assertThat(d.engine.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(1));
    assertThat(count(d.log, EventType.REPEAT_REPORTED)).isZero();
  }

  @Test
  void withoutARepeatRule_everyReportIsACaseOfItsOwn() {
    Driver d = new Driver(config("").build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    report(d, Principal.resident("r"), "P-2", t.plusSeconds(3600), POTHOLE, GRID1);

    assertThat(d.engine.openCaseCount()).isEqualTo(2);
    assertThat(d.engine.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(1));
    assertThat(d.engine.reportCount(CaseId.of("nobody"))).isEmpty();
  }

  private static void closeCase(Driver d, String id, Instant t) {
    String lead = d.engine.state(CaseId.of(id)).orElseThrow().lead().orElseThrow();
    Principal dispatcher = districtDispatcher();
    d.run(dispatcher, id, t, new Command.Accept(lead));
    d.run(dispatcher, id, t.plusSeconds(60), new Command.Resolve(lead, "filled"));
    d.run(dispatcher, id, t.plusSeconds(120), new Command.Check(true, ""));
    d.run(dispatcher, id, t.plusSeconds(180), new Command.Close());
  }

  @Test
  void aReportWithinTheWindowAfterClosing_reopensTheCase_afterIt_isANewCase() {
    Driver d = new Driver(config(LINK_AND_REOPEN).build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    closeCase(d, "P-1", t.plusSeconds(3600));
    Instant closedAt = d.engine.state(CaseId.of("P-1")).orElseThrow().closedAt().orElseThrow();

    List<CaseEvent> out =
        d.run(
            Principal.resident("r"),
            "P-2",
            closedAt.plus(java.time.Duration.ofDays(30)),
            new Command.Report(facts("P-2", POTHOLE, Priority.NORMAL, CaseSource.APP, GRID1)));
    assertThat(out.stream().map(CaseEvent::type))
        .containsExactly(
            EventType.REPORTED, EventType.MERGED, EventType.REPEAT_REPORTED, EventType.REOPENED);
    assertThat(d.engine.state(CaseId.of("P-1")).orElseThrow().status())
        .isEqualTo(CaseStatus.REGISTERED);
    assertThat(d.engine.state(CaseId.of("P-1")).orElseThrow().reopenCount()).isEqualTo(1);

    // closed again; a report one millisecond past the window is a new case
    d.run(
        districtDispatcher(),
        "P-1",
        closedAt.plus(java.time.Duration.ofDays(31)),
        Command.Dispatch.byPolicy());
    closeCase(d, "P-1", closedAt.plus(java.time.Duration.ofDays(31)).plusSeconds(60));
    Instant closedAgain = d.engine.state(CaseId.of("P-1")).orElseThrow().closedAt().orElseThrow();
    List<CaseEvent> late =
        d.run(
            Principal.resident("r"),
            "P-3",
            closedAgain.plus(java.time.Duration.ofDays(30)).plusMillis(1),
            new Command.Report(facts("P-3", POTHOLE, Priority.NORMAL, CaseSource.APP, GRID1)));
    assertThat(late.stream().map(CaseEvent::type)).containsExactly(EventType.REPORTED);
    assertThat(d.engine.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(2));

    CaseEngine restored = CaseEngine.restore(config(LINK_AND_REOPEN), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  @Test
  void linkPolicy_countsTheRepeatOfAClosedCaseButLeavesItClosed() {
    Driver d = new Driver(config("repeat window P7D link").build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    closeCase(d, "P-1", t.plusSeconds(3600));
    report(d, Principal.resident("r"), "P-2", t.plusSeconds(7200), POTHOLE, GRID1);

    assertThat(d.engine.state(CaseId.of("P-1")).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
    assertThat(d.engine.reportCount(CaseId.of("P-1"))).isEqualTo(OptionalInt.of(2));
    assertThat(count(d.log, EventType.REOPENED)).isZero();
  }

  @Test
  void aReleasedCaseTakesNoMoreRepeats() {
    Driver d = new Driver(config("repeat window P7D link").build());
    Instant t = at("2025-03-03T09:00");
    openCase(d, "P-1", t);
    closeCase(d, "P-1", t.plusSeconds(3600));
    assertThat(d.engine.release(CaseId.of("P-1"))).isTrue();
    report(d, Principal.resident("r"), "P-2", t.plusSeconds(7200), POTHOLE, GRID1);

    assertThat(d.engine.state(CaseId.of("P-2")).orElseThrow().status())
        .isEqualTo(CaseStatus.REPORTED);
  }
}
