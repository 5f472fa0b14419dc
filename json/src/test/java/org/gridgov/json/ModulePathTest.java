package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * The schemas lie in an exported, not opened package: a class loader (what a schema validator or
   * another named module's code ends up asking) does not find them on the module path, so {@link
   * JsonSchemas} reads them for the caller; its text is the file in the module's directory.
   */
  @Test
  void schemasAreReadThroughTheApiWhereTheClassLoaderCannotSeeThem() throws IOException {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module json = ModulePathTest.class.getModule();
    assertThat(json.isOpen("org.gridgov.json")).as("the package is not open to everyone").isFalse();
    ClassLoader loader = json.getClassLoader();
    assertThat(loader.getResource(GridgovModule.SCHEMA_RESOURCE.substring(1)))
        .as("encapsulated: a class loader does not find the schema")
        .isNull();
    assertThat(loader.getResource(EngineSnapshotJson.SCHEMA_RESOURCE.substring(1))).isNull();

    URI location =
        json.getLayer()
            .configuration()
            .findModule("org.gridgov.json")
            .orElseThrow()
            .reference()
            .location()
            .orElseThrow();
    Path classes = Path.of(location);
    assertThat(classes).as("surefire puts target/classes on the module path").isDirectory();
    assertThat(JsonSchemas.events())
        .isEqualTo(read(classes, GridgovModule.SCHEMA_RESOURCE))
        .contains("\"$id\": \"https://gridgov.org/schema/gridgov-events-v1.schema.json\"");
    assertThat(JsonSchemas.engineSnapshot())
        .isEqualTo(read(classes, EngineSnapshotJson.SCHEMA_RESOURCE))
        .contains("gridgov-engine-snapshot-v1.schema.json");
  }

  private static String read(Path classes, String resource) throws IOException {
    return Files.readString(classes.resolve(resource.substring(1)), StandardCharsets.UTF_8);
  }
}
