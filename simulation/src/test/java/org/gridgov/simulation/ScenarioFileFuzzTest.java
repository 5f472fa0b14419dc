package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.gridgov.TextParseException;

/**
 * Fuzz target for the scenario file reader: any YAML or JSON text (the first byte chooses) gives a
 * scenario or a {@link TextParseException} with positions; never another exception (the builder's
 * own checks included). Referenced files resolve against an empty directory.
 */
class ScenarioFileFuzzTest {
  private static final Path EMPTY_DIR = Path.of("target", "fuzz-empty-dir").toAbsolutePath();

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] data) {
    if (data.length == 0) {
      return;
    }
    ScenarioFileReader.Format format =
        (data[0] & 1) == 0 ? ScenarioFileReader.Format.YAML : ScenarioFileReader.Format.JSON;
    String text = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
    String source = format == ScenarioFileReader.Format.YAML ? "fuzz.yaml" : "fuzz.json";
    Scenario s;
    try {
      s =
          new ScenarioFileReader(
                  source,
                  EMPTY_DIR,
                  name ->
                      name.equals("putian")
                          ? Optional.of(BuiltInScenarios.putian())
                          : Optional.empty())
              .parse(new StringReader(text), format);
    } catch (TextParseException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.line()).isGreaterThanOrEqualTo(0);
                assertThat(p.reason()).isNotBlank();
              });
      return;
    }
    assertThat(s.name()).isNotEmpty();
  }
}
