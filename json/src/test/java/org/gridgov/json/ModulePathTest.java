package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.json}, this test sees the module as
 * its {@code module-info} declares it. Skipped in the class-path run.
 */
class ModulePathTest {

  @Test
  void runsInsideTheModuleThatExportsExactlyTheApi() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module json = ModulePathTest.class.getModule();
    assertThat(json.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(json.getName()).isEqualTo("org.gridgov.json");

    assertThat(json.getPackages().stream().filter(json::isExported).collect(Collectors.toSet()))
        .containsExactly("org.gridgov.json");

    Module core = ModuleLayer.boot().findModule("org.gridgov.core").orElseThrow();
    assertThat(json.canRead(core)).isTrue();
    assertThat(core.isExported("org.gridgov.internal", json)).isTrue();
    assertThat(core.isExported("org.gridgov.internal")).isFalse();
    Module databind = ModuleLayer.boot().findModule("com.fasterxml.jackson.databind").orElseThrow();
    assertThat(json.canRead(databind)).isTrue();
  }
}
