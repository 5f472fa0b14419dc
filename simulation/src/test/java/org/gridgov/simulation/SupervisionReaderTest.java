package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code supervision*} and {@code handover} keys of {@code mechanisms:}: read, written back by
 * {@link ScenarioFiles#toYaml}, refused with their path; off by default.
 */
class SupervisionReaderTest {
  private static final String ROSTER = "roster: {shifts: {day: [\"working-days 09:00-17:30\"]}}\n";

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private Scenario read(String text) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "extends: putian\nname: m\n" + text);
    return ScenarioFiles.read(f);
  }

  @Test
  void theKeysSwitchTheMechanismsOnAndAreWrittenBack() throws IOException {
    Scenario s =
        read(
            "mechanisms: {supervision: true, supervision-breaches: 2,"
                + " supervision-working-days: 3, supervision-urge-hours: 12,"
                + " supervision-stall-hours: 48, handover: true}\n"
                + ROSTER);
    assertThat(s.supervision()).contains(new SupervisionMechanism(2, 3, 12, 48));
    assertThat(s.handover()).isTrue();
    assertThat(s.mechanisms()).isEqualTo(Mechanisms.OFF);

    Path back = dir.resolve("back.yaml");
    Files.writeString(back, ScenarioFiles.toYaml(s));
    Scenario again = ScenarioFiles.read(back);
    assertThat(again.supervision()).isEqualTo(s.supervision());
    assertThat(again.handover()).isTrue();

    assertThat(read("mechanisms: {supervision: true}\n").supervision())
        .contains(SupervisionMechanism.defaults());
    Scenario off = read("mechanisms: {rework-probability: 0.1}\n");
    assertThat(off.supervision()).isEmpty();
    assertThat(off.handover()).isFalse();
    assertThat(ScenarioFiles.toYaml(BuiltInScenarios.putian()))
        .doesNotContain("supervision")
        .doesNotContain("handover");
  }

  @Test
  void badKeysAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> read("mechanisms: {supervision: sometimes}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.supervision")
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> read("mechanisms: {supervision: true, supervision-breaches: 1.5}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.supervision-breaches");
    assertThatThrownBy(() -> read("mechanisms: {supervision: true, supervision-urge-hours: 0}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.supervision-urge-hours");
    assertThatThrownBy(() -> read("mechanisms: {supervision: true, supervision-stall-hours: -1}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.supervision-stall-hours");
    assertThatThrownBy(() -> read("mechanisms: {supervision-working-days: 4}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.supervision-working-days")
        .hasMessageContaining("supervision is off");
    assertThatThrownBy(() -> read("mechanisms: {handover: true}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.handover needs a roster");
    assertThatThrownBy(() -> read("mechanisms: {handover: yes please}\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.handover");
  }
}
