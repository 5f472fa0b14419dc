package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface of gridgov-store-jdbc: one exported package, exported to everyone; the
 * engine and {@code java.sql} passed on to users (the API speaks of commands, events and data
 * sources); no JDBC driver or pool required (they are the user's choice).
 */
class ModuleInfoTest {

  @Test
  void exportsExactlyTheApiPackageAndRequiresNoDriver() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes")).findAll().stream()
            .map(ModuleReference::descriptor)
            .findFirst()
            .orElseThrow();

    assertThat(descriptor.name()).isEqualTo("org.gridgov.store.jdbc");
    assertThat(
            descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .containsExactly("org.gridgov.store.jdbc");
    assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(descriptor.opens()).isEmpty();
    Map<String, ModuleDescriptor.Requires> requires =
        descriptor.requires().stream()
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r));
    assertThat(requires).containsKeys("org.gridgov.engine", "java.sql", "org.gridgov.json");
    assertThat(java.util.Objects.requireNonNull(requires.get("org.gridgov.engine")).modifiers())
        .contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    assertThat(java.util.Objects.requireNonNull(requires.get("java.sql")).modifiers())
        .contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    assertThat(requires.keySet())
        .noneMatch(name -> name.startsWith("org.h2") || name.startsWith("org.postgresql"))
        .noneMatch(name -> name.contains("hikari"));
  }
}
