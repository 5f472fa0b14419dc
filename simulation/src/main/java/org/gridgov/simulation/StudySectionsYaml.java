package org.gridgov.simulation;

import static org.gridgov.simulation.ScenarioFiles.num;
import static org.gridgov.simulation.ScenarioFiles.quote;

/**
 * Writes a scenario's {@code experiment:} and {@code calibration:} sections for {@link
 * ScenarioFiles#toYaml}, in the form {@link ExperimentSectionReader} and {@link
 * CalibrationSectionReader} read back to equal values (levels quoted, numbers exact).
 */
final class StudySectionsYaml {
  private StudySectionsYaml() {}

  /** Appends the sections the scenario has; nothing when it has neither. */
  static void append(StringBuilder y, Scenario scenario) {
    scenario.experiment().ifPresent(e -> experiment(y, e));
    scenario.calibration().ifPresent(c -> calibration(y, c));
  }

  private static void experiment(StringBuilder y, ExperimentSpec e) {
    y.append("experiment:\n  design: ").append(e.kind().id()).append("\n  factors:\n");
    for (Factor f : e.factors()) {
      y.append("    ").append(f.parameter().id()).append(": [");
      for (int i = 0; i < f.levels().size(); i++) {
        y.append(i == 0 ? "" : ", ").append(quote(f.levels().get(i)));
      }
      y.append("]\n");
    }
    for (LatinHypercube.Range r : e.ranges()) {
      y.append("    ")
          .append(r.parameter().id())
          .append(": {lower: ")
          .append(num(r.lower()))
          .append(", upper: ")
          .append(num(r.upper()))
          .append("}\n");
    }
    if (!e.generators().isEmpty()) {
      y.append("  generators: [");
      for (int i = 0; i < e.generators().size(); i++) {
        y.append(i == 0 ? "" : ", ").append(quote(e.generators().get(i)));
      }
      y.append("]\n");
    }
    if (e.kind() == ExperimentSpec.Kind.LHS) {
      y.append("  points: ").append(e.points()).append('\n');
      y.append("  sample-seed: ").append(e.sampleSeed()).append('\n');
    }
    y.append("  replications: ").append(e.replications()).append('\n');
    y.append("  common-random-numbers: ").append(e.commonRandomNumbers()).append('\n');
  }

  private static void calibration(StringBuilder y, CalibrationSpec c) {
    y.append("calibration:\n  parameters:\n");
    for (CalibrationParameter p : c.parameters()) {
      y.append("    ")
          .append(p.name())
          .append(": {lower: ")
          .append(num(p.lower()))
          .append(", upper: ")
          .append(num(p.upper()))
          .append(", start: ")
          .append(num(p.start()))
          .append("}\n");
    }
    y.append("  targets:\n");
    for (CalibrationSpec.Target t : c.targets()) {
      y.append("    ")
          .append(t.metric().id())
          .append(": {value: ")
          .append(num(t.value()))
          .append(", standard-error: ")
          .append(num(t.standardError()))
          .append("}\n");
    }
    y.append("  replications: ").append(c.replications()).append('\n');
    y.append("  max-evaluations: ").append(c.maxEvaluations()).append('\n');
  }
}
