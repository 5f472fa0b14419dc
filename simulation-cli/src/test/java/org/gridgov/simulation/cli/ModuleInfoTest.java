package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Guards gridgov-simulation-cli's descriptor: an application that exports nothing. */
class ModuleInfoTest {

  @Test
  void exportsNothingAndOpensTheCommandsToPicocliOnly() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes")).findAll().stream()
            .map(ModuleReference::descriptor)
            .findFirst()
            .orElseThrow();

    assertThat(descriptor.name()).isEqualTo("org.gridgov.simulation.cli");
    assertThat(descriptor.exports()).isEmpty();
    // Only module names the jars declare themselves: no name guessed from a file name.
    assertThat(descriptor.requires())
        .extracting(ModuleDescriptor.Requires::name)
        .doesNotContain("xchart", "VectorGraphics2D");
    assertThat(descriptor.opens())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("org.gridgov.simulation.cli");
              assertThat(o.targets()).containsExactly("info.picocli");
            });
  }
}
