package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.engine}, this test sees the module
 * as its {@code module-info} declares it. Skipped in the class-path run.
 */
class ModulePathTest {

  @Test
  void runsInsideTheModuleThatExportsExactlyTheApi() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module engine = ModulePathTest.class.getModule();
    assertThat(engine.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(engine.getName()).isEqualTo("org.gridgov.engine");

    assertThat(engine.getPackages().stream().filter(engine::isExported).collect(Collectors.toSet()))
        .containsExactly("org.gridgov.engine");
    assertThat(engine.getPackages()).contains("org.gridgov.engine.internal");
    assertThat(engine.isExported("org.gridgov.engine.internal")).isFalse();

    Module core = ModuleLayer.boot().findModule("org.gridgov.core").orElseThrow();
    Module routing = ModuleLayer.boot().findModule("org.gridgov.routing").orElseThrow();
    assertThat(engine.canRead(core)).isTrue();
    assertThat(engine.canRead(routing)).isTrue();
    // core's shared helpers are not the engine's to use.
    assertThat(core.isExported("org.gridgov.internal", engine)).isFalse();
  }
}
