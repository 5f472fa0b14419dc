package org.gridgov.simulation.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;

/**
 * A design point's scenario as it travels to the executors: its scenario-file text ({@link
 * ScenarioFiles#toYaml}), which {@link ScenarioFiles#read} turns back into an equal scenario.
 */
final class ScenarioText {
  private ScenarioText() {}

  /** Scenarios already read in this JVM (an executor runs many replications of each point). */
  private static final Map<String, Scenario> READ = new ConcurrentHashMap<>();

  /**
   * Writes a scenario for the executors, on the driver.
   *
   * @param scenario the design point's scenario
   * @param where the design point, for messages
   * @return its text
   * @throws IllegalArgumentException if the scenario has no text form (a city given as a tree) or
   *     names its city file by a relative path, which an executor cannot resolve
   */
  static String of(Scenario scenario, String where) {
    CitySpec city = scenario.city();
    if (city instanceof CitySpec.OfTree) {
      throw new IllegalArgumentException(
          where
              + ": the city is given as a region tree, which cannot be sent to Spark executors;"
              + " use a scenario file (city: putian, csv or single-grid)");
    }
    if (city instanceof CitySpec.CsvFile csv && !csv.path().isAbsolute()) {
      throw new IllegalArgumentException(
          where
              + ": the city file "
              + csv.path()
              + " is a relative path, which Spark executors cannot resolve; give the scenario file"
              + " by an absolute path (or keep the city file on storage every executor sees)");
    }
    return ScenarioFiles.toYaml(scenario);
  }

  /**
   * Reads a scenario back, on an executor; each distinct text once per JVM.
   *
   * @param text the text of {@link #of}
   * @return the scenario
   */
  static Scenario read(String text) {
    return READ.computeIfAbsent(text, ScenarioText::parse);
  }

  private static Scenario parse(String text) {
    try {
      Path dir = Files.createTempDirectory("gridgov-scenario");
      Path file = dir.resolve("scenario.yaml");
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ScenarioFiles.read(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a scenario's temporary file", e);
    }
  }
}
