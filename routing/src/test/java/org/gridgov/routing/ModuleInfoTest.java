package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface of gridgov-routing: a package becomes API only by a deliberate change
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

    assertThat(descriptor.name()).isEqualTo("org.gridgov.routing");
    assertThat(
            descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "org.gridgov.routing",
            "org.gridgov.routing.rules",
            "org.gridgov.routing.table",
            "org.gridgov.routing.analysis");
    // The one qualified export: the shipped example policy, to the simulation and the engine only.
    assertThat(descriptor.exports().stream().filter(ModuleDescriptor.Exports::isQualified))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo("org.gridgov.routing.example");
              assertThat(e.targets())
                  .containsExactlyInAnyOrder("org.gridgov.engine", "org.gridgov.simulation");
            });
    assertThat(descriptor.requires())
        .anySatisfy(r -> assertThat(r.name()).isEqualTo("org.gridgov.core"));
    assertThat(descriptor.requires())
        .noneSatisfy(r -> assertThat(r.name()).isEqualTo("org.gridgov.engine"));
  }
}
