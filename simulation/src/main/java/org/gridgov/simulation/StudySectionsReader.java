package org.gridgov.simulation;

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
}
