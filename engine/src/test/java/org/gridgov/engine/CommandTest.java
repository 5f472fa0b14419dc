package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.junit.jupiter.api.Test;

class CommandTest {
  private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");

  @Test
  void factoriesRejectNulls() {
    NullPointerTester t =
        new NullPointerTester()
            .setDefault(Principal.class, Principal.resident("r"))
            .setDefault(CaseId.class, CaseId.of("C"))
            .setDefault(Command.Action.class, new Command.Close())
            .setDefault(CommandId.class, CommandId.of("c"));
    t.testAllPublicStaticMethods(Command.class);
    t.testAllPublicStaticMethods(CommandId.class);
    t.testAllPublicStaticMethods(Command.Summon.class);
    t.testAllPublicStaticMethods(Command.Dispatch.class);
  }

  @Test
  void aCommandIdIsParsedOnce_theTextAndTheTypedFactoriesGiveEqualCommands() {
    Command fromText =
        Command.of("c-1", Principal.resident("r"), CaseId.of("C"), T, new Command.Close());
    Command typed =
        Command.of(
            CommandId.of("c-1"), Principal.resident("r"), CaseId.of("C"), T, new Command.Close());
    assertThat(fromText).isEqualTo(typed);
    assertThat(fromText.commandId().value()).isEqualTo("c-1");
    assertThat(fromText.commandId().toString()).isEqualTo("c-1");
    assertThat(CommandId.of("c-1")).isNotEqualTo(CommandId.of("c-2"));
  }

  @Test
  void equalCommandsAreEqualSoRetriesCanBeRecognised() {
    Principal p = Principal.resident("r");
    new EqualsTester()
        .addEqualityGroup(
            Command.of("c1", p, CaseId.of("A"), T, new Command.Close()),
            Command.of("c1", p, CaseId.of("A"), T, new Command.Close()))
        .addEqualityGroup(Command.of("c2", p, CaseId.of("A"), T, new Command.Close()))
        .addEqualityGroup(Command.of("c1", p, CaseId.of("B"), T, new Command.Close()))
        .addEqualityGroup(Command.of("c1", p, CaseId.of("A"), T.plusMillis(1), new Command.Close()))
        .addEqualityGroup(Command.of("c1", p, CaseId.of("A"), T, new Command.Register()))
        .testEquals();
  }

  @Test
  void malformedActionsAreRefused() {
    assertThatThrownBy(() -> Command.Summon.of(List.of(), Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one department");
    assertThatThrownBy(() -> Command.Summon.of(List.of("dept:a"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within must be positive");
    assertThatThrownBy(() -> new Command.Verify(false, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> new Command.Check(false, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(
            () -> Command.of(" ", Principal.resident("r"), CaseId.of("A"), T, new Command.Close()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command id");
  }

  @Test
  void actionsNameThemselvesForMessages() {
    assertThat(Command.Dispatch.byPolicy().name()).isEqualTo("dispatch");
    assertThat(new Command.Arrive("dept:a").name()).isEqualTo("arrive");
    assertThat(Command.Dispatch.to("dept:a").lead()).contains("dept:a");
  }

  /** One action of every type with its type name, the JSON "type" of docs/json.md's table. */
  private static java.util.Map<Command.Action, String> oneActionOfEveryType() {
    var m = new java.util.LinkedHashMap<Command.Action, String>();
    m.put(
        new Command.Report(
            Fixture.facts(
                "A",
                "0101",
                org.gridgov.casefile.Priority.NORMAL,
                org.gridgov.casefile.CaseSource.APP,
                Fixture.GRID1)),
        "report");
    m.put(
        new Command.ReportAt(
            org.gridgov.casefile.ReportedPoint.of(119.0, 25.4),
            "0101",
            org.gridgov.casefile.Priority.NORMAL,
            org.gridgov.casefile.CaseKind.IMMEDIATE,
            org.gridgov.casefile.CaseSource.APP,
            Optional.empty()),
        "report-at");
    m.put(new Command.Verify(true, ""), "verify");
    m.put(new Command.Register(), "register");
    m.put(Command.Dispatch.byPolicy(), "dispatch");
    m.put(new Command.Accept("dept:a"), "accept");
    m.put(new Command.Return("dept:a", "r"), "return");
    m.put(new Command.Assist("dept:a"), "assist");
    m.put(Command.Summon.of(List.of("dept:a"), Duration.ofMinutes(30)), "summon");
    m.put(new Command.Arrive("dept:a"), "arrive");
    m.put(new Command.Suspend("r"), "suspend");
    m.put(new Command.Resume(), "resume");
    m.put(new Command.Resolve("dept:a", "f"), "resolve");
    m.put(new Command.Check(true, ""), "check");
    m.put(new Command.Close(), "close");
    m.put(new Command.Evaluate(org.gridgov.casefile.Satisfaction.SATISFIED, true), "evaluate");
    m.put(new Command.Reopen("r"), "reopen");
    m.put(new Command.Merge(CaseId.of("B")), "merge");
    m.put(new Command.DecideMerge(true), "decide-merge");
    m.put(new Command.Escalate(Optional.empty()), "escalate");
    m.put(new Command.RequestExtension("dept:a", 2, "r"), "request-extension");
    m.put(new Command.ApproveExtension(), "approve-extension");
    m.put(new Command.RefuseExtension("r"), "refuse-extension");
    m.put(new Command.OpenSupervision("一般督办", "r"), "open-supervision");
    m.put(new Command.Urge("n"), "urge");
    m.put(new Command.CloseSupervision("f"), "close-supervision");
    m.put(new Command.Visit(false, Optional.empty()), "visit");
    return m;
  }

  @Test
  void everyActionType_namesItselfAsTheJsonTypeDoes() {
    var actions = oneActionOfEveryType();
    actions.forEach((a, name) -> assertThat(a.name()).as("%s", a).isEqualTo(name));
    assertThat(actions.keySet().stream().map(Object::getClass))
        .as("a new action type needs its name here")
        .containsExactlyInAnyOrder(Command.Action.class.getPermittedSubclasses());
  }
}
