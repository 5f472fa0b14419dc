package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonSchemas} gives the text of the resources named by the two {@code SCHEMA_RESOURCE}
 * constants (read here directly, which works from this module and on the class path), and each is a
 * draft 2020-12 schema with its own {@code $id}. The module-path side is in {@link ModulePathTest}.
 */
class JsonSchemasTest {

  @Test
  void eventsIsTheShippedEventSchema() throws IOException {
    String text = JsonSchemas.events();
    assertThat(text).isEqualTo(resource(GridgovModule.SCHEMA_RESOURCE));
    JsonNode tree = new ObjectMapper().readTree(text);
    assertThat(tree.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(tree.path("$id").asText()).endsWith("/gridgov-events-v1.schema.json");
  }

  @Test
  void engineSnapshotIsTheShippedSnapshotSchema() throws IOException {
    String text = JsonSchemas.engineSnapshot();
    assertThat(text).isEqualTo(resource(EngineSnapshotJson.SCHEMA_RESOURCE));
    JsonNode tree = new ObjectMapper().readTree(text);
    assertThat(tree.path("$id").asText()).endsWith("/gridgov-engine-snapshot-v1.schema.json");
    assertThat(text).isNotEqualTo(JsonSchemas.events());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(JsonSchemasTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
