package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface of gridgov-store-jdbc. It is an automatic module with a stable name (no
 * descriptor: one would have to require Flyway by a name guessed from its jar's file name), and an
 * automatic module exports every package it has; so it must have exactly one package, its API.
 */
class ModuleInfoTest {

  @Test
  void hasOnlyTheApiPackageAndNoDescriptor() throws IOException {
    Path classes = Path.of("target/classes");
    Set<String> packages;
    try (Stream<Path> files = Files.walk(classes)) {
      packages =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
              .collect(Collectors.toSet());
    }
    assertThat(packages).containsExactly("org.gridgov.store.jdbc");
    assertThat(classes.resolve("module-info.class")).doesNotExist();
  }

  @Test
  void theJarNamesItsModule() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom)
        .contains("<Automatic-Module-Name>org.gridgov.store.jdbc</Automatic-Module-Name>");
  }
}
