package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
}
