package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.simulation.cli.GridgovSimTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.simulation.cli}, this test sees the
 * module as its {@code module-info} declares it, picocli reading the commands through the one
 * qualified {@code opens}. Skipped in the class-path run.
 */
class ModulePathTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @Test
  void runsInsideTheModuleThatExportsNothingAndOpensToPicocliOnly() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module cli = ModulePathTest.class.getModule();
    assertThat(cli.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(cli.getName()).isEqualTo("org.gridgov.simulation.cli");

    assertThat(cli.getPackages().stream().filter(cli::isExported)).isEmpty();
    Module picocli = ModuleLayer.boot().findModule("info.picocli").orElseThrow();
    assertThat(cli.isOpen("org.gridgov.simulation.cli", picocli)).isTrue();
    assertThat(cli.isOpen("org.gridgov.simulation.cli")).isFalse();
    // The report is the automatic module its manifest names.
    Module report = ModuleLayer.boot().findModule("org.gridgov.simulation.report").orElseThrow();
    assertThat(report.getDescriptor().isAutomatic()).isTrue();
  }

  @Test
  void picocliReadsTheCommandsAndTheScenarioReaderRuns() throws IOException {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Result help = GridgovSimTest.run("sweep", "--help");
    assertThat(help.code()).isEqualTo(0);
    assertThat(help.out()).contains("--replications").contains("--seed").contains("--out");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ncity: putian\nhorizon: soon\n", StandardCharsets.UTF_8);
    Result r = GridgovSimTest.run("run", bad.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(r.err()).contains("bad.yaml:3:10 (horizon) \"soon\": not a duration");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }
}
