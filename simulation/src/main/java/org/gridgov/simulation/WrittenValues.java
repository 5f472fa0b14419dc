package org.gridgov.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.gridgov.simulation.ScenarioTree.Pos;

/**
 * The values a study section names (a factor's levels, a range's or a knob's bounds), each kept
 * with its position, so that once the scenario is built a value that does not fit it is reported at
 * the line and column where it was written.
 */
final class WrittenValues {
  /** A value as written and how it changes a scenario (throwing if it does not fit). */
  private record Written(
      BiFunction<Scenario, String, Scenario> apply, String value, Pos pos, String field) {}

  private final List<Written> values = new ArrayList<>();

  /** Keeps a value as the file wrote it; {@code apply} sets it on a scenario. */
  void add(BiFunction<Scenario, String, Scenario> apply, String value, Pos pos, String field) {
    values.add(new Written(apply, value, pos, field));
  }

  /** Whether every value kept fits the built scenario; records each misfit at its position. */
  boolean check(ScenarioFileReader reader, Scenario built) {
    boolean ok = true;
    for (Written w : values) {
      try {
        var unused = w.apply().apply(built, w.value());
      } catch (IllegalArgumentException e) {
        reader.add(w.pos(), w.field(), w.value(), "%s", String.valueOf(e.getMessage()));
        ok = false;
      }
    }
    return ok;
  }
}
