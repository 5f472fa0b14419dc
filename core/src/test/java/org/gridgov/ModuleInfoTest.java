package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface of gridgov-core: a package becomes API only by a deliberate change
 * here.
 */
class ModuleInfoTest {

  @Test
  void exportsExactlyTheApiPackages() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes")).findAll().stream()
            .map(ModuleReference::descriptor)
            .findFirst()
            .orElseThrow();

    assertThat(descriptor.name()).isEqualTo("org.gridgov.core");
    assertThat(
            descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "org.gridgov.internal",
            "org.gridgov",
            "org.gridgov.people",
            "org.gridgov.region",
            "org.gridgov.category",
            "org.gridgov.casefile",
            "org.gridgov.sla",
            "org.gridgov.metrics");
    // The parsing helpers and value styles are shared with gridgov's own modules only, never with
    // users.
    assertThat(descriptor.exports())
        .filteredOn(ModuleDescriptor.Exports::isQualified)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo("org.gridgov.internal");
              assertThat(e.targets())
                  .containsExactlyInAnyOrder(
                      "org.gridgov.routing", "org.gridgov.json", "org.gridgov.simulation");
            });
    assertThat(descriptor.packages()).contains("org.gridgov.internal");
  }
}
