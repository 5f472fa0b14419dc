package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.simulation}, this test sees the
 * module as its {@code module-info} declares it, with Jackson and SnakeYAML as named modules.
 * Skipped in the class-path run.
 */
class ModulePathTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @Test
  void runsInsideTheModuleThatExportsExactlyTheApi() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module simulation = ModulePathTest.class.getModule();
    assertThat(simulation.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(simulation.getName()).isEqualTo("org.gridgov.simulation");

    assertThat(
            simulation.getPackages().stream()
                .filter(simulation::isExported)
                .collect(Collectors.toSet()))
        .containsExactly("org.gridgov.simulation");
    assertThat(simulation.getPackages()).contains("org.gridgov.simulation.internal");
    assertThat(simulation.isExported("org.gridgov.simulation.internal")).isFalse();

    Module core = ModuleLayer.boot().findModule("org.gridgov.core").orElseThrow();
    assertThat(core.isExported("org.gridgov.internal", simulation)).isTrue();
    assertThat(
            simulation.canRead(ModuleLayer.boot().findModule("org.gridgov.engine").orElseThrow()))
        .isTrue();
  }

  @Test
  void readsScenarioFilesThroughJacksonAndSnakeYamlAsModules() throws IOException {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Path yaml = dir.resolve("minimal.yaml");
    Files.writeString(
        yaml,
        """
        name: minimal
        city: {single-grid: {residents: 500}}
        categories:
          - {code: "01", share: 1, handling: "fixed(10)"}
        """,
        StandardCharsets.UTF_8);
    Path json = dir.resolve("minimal.json");
    Files.writeString(
        json,
        """
        {"name": "minimal", "city": {"single-grid": {"residents": 500}},
         "categories": [{"code": "01", "share": 1, "handling": "fixed(10)"}]}
        """,
        StandardCharsets.UTF_8);

    Scenario fromYaml = ScenarioFiles.read(yaml);
    assertThat(fromYaml.city()).isEqualTo(new CitySpec.SingleGrid(500));
    assertThat(ScenarioFiles.read(json)).isEqualTo(fromYaml);
    assertThat(fromYaml.getClass().getModule()).isSameAs(ModulePathTest.class.getModule());
  }

  @Test
  void findsItsDataAndItsServicesFromInsideTheModule() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    // The shipped divisions lie in the module's org/gridgov/simulation/data.
    assertThat(BuiltInCities.putianDivisions().count(RegionLevel.DISTRICT)).isEqualTo(5);
    // ServiceLoader inside a named module needs the descriptor's "uses"; no provider is here.
    assertThat(SweepExecutor.find("spark")).isEmpty();
  }
}
