package org.gridgov.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schemas shipped in the gridgov-json jar, read by this module for its callers.
 *
 * <p>The schemas lie in the package {@code org.gridgov.json}, which the module exports but does not
 * open. On the module path a resource of such a package is found only by code of the module itself:
 * another named module's {@code GridgovModule.class.getResourceAsStream(SCHEMA_RESOURCE)}, and any
 * {@link ClassLoader#getResourceAsStream} (a schema validator's, a thread context class loader's),
 * get {@code null} there. These methods work on the class path and the module path alike.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * Returns the JSON Schema (draft 2020-12) of the event and command wire form, the resource
   * {@value GridgovModule#SCHEMA_RESOURCE}.
   *
   * @return the schema's text
   * @throws UncheckedIOException if the jar cannot be read
   */
  public static String events() {
    return read(GridgovModule.SCHEMA_RESOURCE);
  }

  /**
   * Returns the JSON Schema (draft 2020-12) of an engine snapshot, the resource {@value
   * EngineSnapshotJson#SCHEMA_RESOURCE}.
   *
   * @return the schema's text
   * @throws UncheckedIOException if the jar cannot be read
   */
  public static String engineSnapshot() {
    return read(EngineSnapshotJson.SCHEMA_RESOURCE);
  }

  private static String read(String resource) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the resource " + resource + " is missing from gridgov-json; expected in its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the resource " + resource + " of gridgov-json", e);
    }
  }
}
