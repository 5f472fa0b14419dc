package org.gridgov.simulation;

import java.nio.file.Path;

/**
 * Reads scenarios from YAML or JSON files (by extension: {@code .yaml}/{@code .yml} or {@code .json}).
 *
 * <p>Keys are the {@link Scenario} attributes in kebab case. Every mistake (an unknown key, a value of the wrong
 * type or out of range, a missing required key, a policy file that does not parse) is reported with the file, the
 * line and column, and the key.
 */
@SuppressWarnings("DoNotCallSuggester") // a stub of the contract until it is implemented
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /**
   * Reads a scenario file.
   *
   * @param file the file
   * @return the scenario
   * @throws org.gridgov.TextParseException listing every problem with its position
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Scenario read(Path file) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
