package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Collectors;
import org.gridgov.routing.example.ExamplePolicy;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.routing}, this test sees the module
 * as its {@code module-info} declares it. Skipped in the class-path run.
 */
class ModulePathTest {

  @Test
  void runsInsideTheModuleThatExportsExactlyTheApi() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module routing = ModulePathTest.class.getModule();
    assertThat(routing.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(routing.getName()).isEqualTo("org.gridgov.routing");

    assertThat(
            routing.getPackages().stream().filter(routing::isExported).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "org.gridgov.routing",
            "org.gridgov.routing.rules",
            "org.gridgov.routing.table",
            "org.gridgov.routing.analysis");
    assertThat(routing.getPackages()).contains("org.gridgov.routing.internal");
    assertThat(routing.isExported("org.gridgov.routing.internal")).isFalse();
    // The shipped example is not API: exported to the simulation (its default policy) and the
    // engine (its tests) only.
    assertThat(routing.getPackages()).contains("org.gridgov.routing.example");
    assertThat(routing.isExported("org.gridgov.routing.example")).isFalse();
    assertThat(routing.getDescriptor().exports())
        .filteredOn(e -> e.source().equals("org.gridgov.routing.example"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.targets())
                    .containsExactlyInAnyOrder("org.gridgov.engine", "org.gridgov.simulation"));

    Module core = ModuleLayer.boot().findModule("org.gridgov.core").orElseThrow();
    assertThat(routing.canRead(core)).isTrue();
    assertThat(core.isExported("org.gridgov.internal", routing)).isTrue();
    assertThat(core.isExported("org.gridgov.internal")).isFalse();
    assertThat(ModuleLayer.boot().findModule("org.gridgov.engine")).isEmpty();
  }

  @Test
  void readsItsOwnResourceFromInsideTheModule() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    // putian-policy.csv lies in the module's org/gridgov/routing/table, read by the example
    // package's
    // ExamplePolicy: found through the module.
    assertThat(ExamplePolicy.table().rows()).hasSizeGreaterThan(10);
  }
}
