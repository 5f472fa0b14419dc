package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.junit.jupiter.api.Test;

/**
 * 延期: the lead requests an extension, a supervisor approves or refuses it, the SLA policy limits
 * count and days, the lead and whole-case deadlines move with their warnings, and a restore of the
 * log is the same engine.
 */
class CaseEngineExtensionTest {

  private static final String ID = "X-1";
  private static final Principal URBAN_STAFF = Principal.ofDepartment("u-1", URBAN);

  /**
   * Natural time: whole case 10 days, handle 4 h, a warning at half the time and a breach; at most
   * 2 extensions of at most 3 days.
   */
  private static SlaPolicy sla() {
    return SlaPolicy.builder()
        .defaultLevels(List.of(WarningLevel.atFraction("half", 0.5), WarningLevel.breach("red")))
        .rule(SlaPolicy.Rule.of(SlaStage.WHOLE_CASE, SlaLimit.natural(Duration.ofDays(10))))
        .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4))))
        .extensions(2, 3)
        .build();
  }

  private static CaseEngine.Builder config(SlaPolicy sla) {
    return Fixture.config(new SimplePolicy(TREE)).slaPolicy(sla);
  }

  /** Case {@link #ID} registered at 09:10 (due 10 days later), dispatched to URBAN at 10:00. */
  private static Driver dispatched(SlaPolicy sla) {
    Driver d = new Driver(config(sla).build());
    d.run(
        Principal.resident("res"),
        ID,
        at("2025-03-03T09:00"),
        new Command.Report(facts(ID, "0101", Priority.NORMAL, CaseSource.HOTLINE_12345, GRID2)));
    d.run(
        Principal.inRegion("gw", Role.GRID_WORKER, GRID2),
        ID,
        at("2025-03-03T09:05"),
        new Command.Verify(true, ""));
    d.run(districtDispatcher(), ID, at("2025-03-03T09:10"), new Command.Register());
    d.run(districtDispatcher(), ID, at("2025-03-03T10:00"), Command.Dispatch.to(URBAN));
    return d;
  }

  private static List<EventPayload> payloads(List<CaseEvent> events) {
    return events.stream().map(CaseEvent::payload).toList();
  }

  private static SlaClock clock(Driver d, String name) {
    return d.engine.clocks(CaseId.of(ID)).orElseThrow().clock(name).orElseThrow();
  }

  private static void assertRestoresTo(Driver d, SlaPolicy sla) {
    CaseEngine restored = CaseEngine.restore(config(sla), d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  private static Command.RequestExtension request(int days) {
    return new Command.RequestExtension(URBAN, days, "parts on order");
  }

  @Test
  void anApprovedExtensionMovesTheLeadAndWholeCaseDeadlinesAndTheirWarnings() {
    SlaPolicy sla = sla();
    Driver d = dispatched(sla);
    var asked = d.run(URBAN_STAFF, ID, at("2025-03-03T11:00"), request(1));
    assertThat(payloads(asked))
        .containsExactly(new EventPayload.ExtensionRequested(URBAN, 1, "parts on order"));
    assertThat(d.engine.state(CaseId.of(ID)).orElseThrow().pendingExtensionDays()).hasValue(1);

    var approved = d.run(supervisor(), ID, at("2025-03-03T11:30"), new Command.ApproveExtension());
    Instant newWholeDue = at("2025-03-14T09:10"); // 10 days from 09:10, plus 1 day
    assertThat(payloads(approved))
        .containsExactly(
            new EventPayload.Extended(newWholeDue, "extension of 1 days approved", false));
    var state = d.engine.state(CaseId.of(ID)).orElseThrow();
    assertThat(state.dueAt()).contains(newWholeDue);
    assertThat(state.extensionCount()).isEqualTo(1);
    assertThat(state.pendingExtensionDays()).isEmpty();

    // the lead clock: 4 h + 24 h from 10:00; its half-time warning moves from 12:00 to 00:00
    Instant leadDue = at("2025-03-04T14:00");
    assertThat(clock(d, CaseEngine.LEAD_CLOCK).deadline()).contains(leadDue);
    assertThat(clock(d, CaseEngine.LEAD_CLOCK).nextWarningAt()).contains(at("2025-03-04T00:00"));
    assertThat(clock(d, CaseState_WHOLE()).deadline()).contains(newWholeDue);
    // nothing fires at the old half-time mark (12:00) or the old deadline (14:00)
    assertThat(d.advance(at("2025-03-03T23:59"))).isEmpty();
    assertThat(payloads(d.advance(leadDue)))
        .startsWith(
            new EventPayload.SlaWarning(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE, 1),
            new EventPayload.SlaBreached(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE));
    assertRestoresTo(d, sla);
  }

  @Test
  void anExtensionOfAWorkingDaysCaseCountsWorkingDays_notCalendarDays() {
    SlaPolicy sla =
        SlaPolicy.builder()
            .defaultLevels(List.of(WarningLevel.breach("red")))
            .rule(
                SlaPolicy.Rule.of(
                    SlaStage.WHOLE_CASE,
                    SlaLimit.workingDays(5, org.gridgov.sla.WorkingDayRule.SAME_CLOCK_TIME)))
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4))))
            .extensions(2, 3)
            .build();
    Driver d = new Driver(config(sla).build());
    d.run(
        Principal.resident("res"),
        ID,
        at("2025-03-05T09:00"), // a Wednesday
        new Command.Report(facts(ID, "0101", Priority.NORMAL, CaseSource.HOTLINE_12345, GRID2)));
    d.run(
        Principal.inRegion("gw", Role.GRID_WORKER, GRID2),
        ID,
        at("2025-03-05T09:05"),
        new Command.Verify(true, ""));
    d.run(districtDispatcher(), ID, at("2025-03-05T09:10"), new Command.Register());
    d.run(districtDispatcher(), ID, at("2025-03-05T10:00"), Command.Dispatch.to(URBAN));
    // five working days from Wednesday 09:10: the next Wednesday
    assertThat(d.engine.state(CaseId.of(ID)).orElseThrow().dueAt())
        .contains(at("2025-03-12T09:10"));
    d.run(URBAN_STAFF, ID, at("2025-03-05T11:00"), request(3));

    var approved = d.run(supervisor(), ID, at("2025-03-05T11:30"), new Command.ApproveExtension());

    // three more working days: Thursday, Friday and Monday (not Saturday the 15th)
    Instant due = at("2025-03-17T09:10");
    assertThat(payloads(approved))
        .containsExactly(new EventPayload.Extended(due, "extension of 3 days approved", false));
    assertThat(clock(d, CaseState_WHOLE()).deadline()).contains(due);
    assertRestoresTo(d, sla);
  }

  private static String CaseState_WHOLE() {
    return org.gridgov.casefile.CaseState.WHOLE_CASE_CLOCK;
  }

  @Test
  void aRefusedExtensionIsLoggedAndMovesNothing() {
    SlaPolicy sla = sla();
    Driver d = dispatched(sla);
    var unused = d.run(URBAN_STAFF, ID, at("2025-03-03T11:00"), request(2));
    var refused =
        d.run(supervisor(), ID, at("2025-03-03T11:30"), new Command.RefuseExtension("no"));
    assertThat(payloads(refused)).containsExactly(new EventPayload.ExtensionRefused("no"));
    var state = d.engine.state(CaseId.of(ID)).orElseThrow();
    assertThat(state.extensionCount()).isZero();
    assertThat(state.pendingExtensionDays()).isEmpty();
    assertThat(state.dueAt()).contains(at("2025-03-13T09:10"));
    assertThat(clock(d, CaseEngine.LEAD_CLOCK).deadline()).contains(at("2025-03-03T14:00"));
    assertThat(payloads(d.advance(at("2025-03-03T14:00"))))
        .contains(new EventPayload.SlaBreached(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE));
    assertRestoresTo(d, sla);
  }

  @Test
  void onlyASupervisorAnswersAndOnlyTheLeadAsksOnceAtATime() {
    Driver d = dispatched(sla());
    Instant t = at("2025-03-03T11:00");
    // another department cannot ask for the lead
    assertThatThrownBy(
            () ->
                d.run(
                    Principal.ofDepartment("r-1", ROADS),
                    ID,
                    t,
                    new Command.RequestExtension(ROADS, 1, "x")))
        .isInstanceOf(UnknownCaseException.class); // it does not hold the case: it cannot see it
    // a district dispatcher asking for a non-lead office is refused by the lifecycle
    assertThatThrownBy(
            () ->
                d.run(
                    districtDispatcher(),
                    ID,
                    t,
                    new Command.RequestExtension(CaseEngine.officeOf(STREET), 1, "x")))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("not by " + CaseEngine.officeOf(STREET));
    // nothing to answer yet
    assertThatThrownBy(() -> d.run(supervisor(), ID, t, new Command.ApproveExtension()))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("no extension request is pending");
    var unused = d.run(URBAN_STAFF, ID, t, request(1));
    assertThatThrownBy(() -> d.run(URBAN_STAFF, ID, t, request(1)))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("already pending");
    for (Principal p :
        List.of(districtDispatcher(), Principal.inRegion("lead-1", Role.LEADER, DISTRICT))) {
      assertThatThrownBy(() -> d.run(p, ID, t, new Command.ApproveExtension()))
          .isInstanceOf(NotAuthorizedException.class)
          .hasMessageContaining("may not approve-extension");
      assertThatThrownBy(() -> d.run(p, ID, t, new Command.RefuseExtension("no")))
          .isInstanceOf(NotAuthorizedException.class);
    }
    assertThat(d.engine.state(CaseId.of(ID)).orElseThrow().pendingExtensionDays()).hasValue(1);
  }

  @Test
  void thePolicyLimitsCountAndDays_namingCaseRuleAndValues() {
    SlaPolicy sla = sla();
    Driver d = dispatched(sla);
    assertThatThrownBy(() -> d.run(URBAN_STAFF, ID, at("2025-03-03T10:30"), request(4)))
        .isInstanceOfSatisfying(
            ExtensionLimitException.class,
            e -> {
              assertThat(e.caseId()).isEqualTo(CaseId.of(ID));
              assertThat(e.rule())
                  .isEqualTo("the SLA policy allows at most 3 days per extension, not 4");
              assertThat(e.getMessage()).contains(ID).contains("request-extension");
            });
    for (String hour : List.of("11", "12")) {
      var unused = d.run(URBAN_STAFF, ID, at("2025-03-03T" + hour + ":00"), request(1));
      var unused2 =
          d.run(supervisor(), ID, at("2025-03-03T" + hour + ":10"), new Command.ApproveExtension());
    }
    assertThatThrownBy(() -> d.run(URBAN_STAFF, ID, at("2025-03-03T13:00"), request(1)))
        .isInstanceOfSatisfying(
            ExtensionLimitException.class,
            e ->
                assertThat(e.rule())
                    .isEqualTo(
                        "the SLA policy allows at most 2 extensions and the case has had 2"));
    // two days in all: the lead clock runs 4 h + 48 h from 10:00
    assertThat(clock(d, CaseEngine.LEAD_CLOCK).deadline()).contains(at("2025-03-05T14:00"));
    assertRestoresTo(d, sla);
  }

  @Test
  void withoutAnExtensionsLineNoExtensionIsAllowed() {
    SlaPolicy sla =
        SlaPolicy.builder()
            .rule(SlaPolicy.Rule.of(SlaStage.WHOLE_CASE, SlaLimit.natural(Duration.ofDays(10))))
            .build();
    Driver d = dispatched(sla);
    assertThatThrownBy(() -> d.run(URBAN_STAFF, ID, at("2025-03-03T10:30"), request(1)))
        .isInstanceOf(ExtensionLimitException.class)
        .hasMessageContaining("allows no extension");
  }

  @Test
  void aLeadClockInWorkingHoursCannotBeExtendedByDays() {
    SlaPolicy sla =
        SlaPolicy.builder()
            .rule(SlaPolicy.Rule.of(SlaStage.WHOLE_CASE, SlaLimit.natural(Duration.ofDays(10))))
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(4)))
            .extensions(1, 1)
            .build();
    Driver d = dispatched(sla);
    assertThatThrownBy(() -> d.run(URBAN_STAFF, ID, at("2025-03-03T10:30"), request(1)))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("counts working hours");
  }
}
