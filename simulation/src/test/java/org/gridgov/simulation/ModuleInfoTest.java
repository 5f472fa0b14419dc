package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface of gridgov-simulation: a package becomes API only by a deliberate
 * change here.
 */
class ModuleInfoTest {

  @Test
  void exportsExactlyTheApiPackages() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes")).findAll().stream()
            .map(ModuleReference::descriptor)
            .findFirst()
            .orElseThrow();

    assertThat(descriptor.name()).isEqualTo("org.gridgov.simulation");
    assertThat(
            descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .containsExactly("org.gridgov.simulation");
    assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(descriptor.requires())
        .anySatisfy(r -> assertThat(r.name()).isEqualTo("org.gridgov.engine"));
    // The model runs without AWT, charts or a command line (gridgov-simulation-report, -cli).
    assertThat(descriptor.requires())
        .extracting(ModuleDescriptor.Requires::name)
        .doesNotContain(
            "java.desktop", "xchart", "VectorGraphics2D", "info.picocli", "me.tongfei.progressbar");
    assertThat(descriptor.opens()).isEmpty();
  }
}
