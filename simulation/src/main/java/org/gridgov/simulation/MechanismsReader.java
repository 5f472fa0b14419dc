package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code mechanisms:} section into {@link Mechanisms}; problems (unknown
 * keys, wrong types, values out of range) go to the file reader's problem list with the key's path,
 * e.g. {@code mechanisms.rework-probability}.
 */
final class MechanismsReader {
  static final ImmutableList<String> KEYS = ImmutableList.of("rework-probability");

  /** The largest rework probability a file may ask for (a check that always fails never closes). */
  static final double MAX_REWORK = 0.99;

  private final ScenarioFileReader reader;

  MechanismsReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Returns the section over {@code base}, or {@code null} after recording a problem. */
  @Nullable Mechanisms read(Node n, Mechanisms base) {
    MapNode m = reader.map(n, "mechanisms", "a map such as {rework-probability: 0.05}");
    if (m == null) {
      return null;
    }
    reader.knownKeys(m, KEYS, "mechanisms.");
    Node rp = m.get("rework-probability");
    Double rework =
        rp == null
            ? Double.valueOf(base.reworkProbability())
            : reader.number(rp, "mechanisms.rework-probability", 0, true, MAX_REWORK);
    return rework == null ? null : new Mechanisms(rework);
  }
}
