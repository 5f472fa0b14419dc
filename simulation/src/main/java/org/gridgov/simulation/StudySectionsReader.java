package org.gridgov.simulation;

import java.util.List;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's study sections, {@code experiment:} ({@link ExperimentSectionReader}) and
 * {@code calibration:} ({@link CalibrationSectionReader}), and once the scenario is built checks
 * that every level and bound they name fits it, reporting a misfit at the value's line and column.
 * A section left out keeps the extended scenario's.
 */
final class StudySectionsReader {
  private final ExperimentSectionReader experiment;
  private final CalibrationSectionReader calibration;

  StudySectionsReader(ScenarioFileReader reader) {
    this.experiment = new ExperimentSectionReader(reader);
    this.calibration = new CalibrationSectionReader(reader);
  }

  /** Reads both sections of {@code root} (or inherits {@code base}'s) into {@code b}. */
  void read(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Node e = root.get(ExperimentSectionReader.SECTION);
    if (e != null) {
      ExperimentSpec spec = experiment.read(e);
      if (spec != null) {
        b.experiment(spec);
      }
    } else if (base != null && base.experiment().isPresent()) {
      b.experiment(base.experiment().get());
    }
    Node c = root.get(CalibrationSectionReader.SECTION);
    if (c != null) {
      CalibrationSpec spec = calibration.read(c);
      if (spec != null) {
        b.calibration(spec);
      }
    } else if (base != null && base.calibration().isPresent()) {
      b.calibration(base.calibration().get());
    }
  }

  /** Whether every level and bound read fits the built scenario; records each misfit. */
  boolean check(Scenario built) {
    boolean a = experiment.check(built);
    boolean b = calibration.check(built);
    return a && b;
  }

  /**
   * Returns a study section's map with its keys checked against {@code keys}, or null after
   * recording a problem.
   */
  static @Nullable MapNode sectionMap(
      ScenarioFileReader reader, Node n, String section, List<String> keys) {
    MapNode m = reader.map(n, section, "a map of " + String.join(", ", keys));
    if (m != null) {
      reader.knownKeys(m, keys, section + ".");
    }
    return m;
  }

  /**
   * Returns the count under {@code key} of a study section, the default if absent, or null after
   * recording a problem: a whole number from {@code min} to 100,000.
   */
  static @Nullable Integer count(
      ScenarioFileReader reader, MapNode m, String section, String key, int dflt, int min) {
    Node n = m.get(key);
    if (n == null) {
      return dflt;
    }
    Long v = reader.wholeNumber(n, section + "." + key);
    if (v == null) {
      return null;
    }
    if (v < min || v > 100_000) {
      reader.add(
          n.pos(), section + "." + key, n.text(), "out of range: must be >= %d and <= 100000", min);
      return null;
    }
    return (int) (long) v;
  }
}
