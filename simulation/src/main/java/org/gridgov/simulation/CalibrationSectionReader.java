package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code calibration:} section into a {@link CalibrationSpec}; problems go
 * to the file's problem list with their line, column and path ({@code
 * calibration.targets.closing_rate.standard-error}).
 *
 * <pre>
 * calibration:
 *   parameters:                  # knobs: handling-scale, solved-by-holder,
 *     handling-scale: {lower: 0.5, upper: 3, start: 1}   # cases-per-resident-per-year
 *   targets:                     # metric ids as in runs.csv
 *     worker_utilisation: {value: 0.30, standard-error: 0.005}
 *   replications: 5              # default 5, at least 2
 *   max-evaluations: 40          # default 40
 * </pre>
 *
 * A parameter's {@code start} defaults to the middle of its bounds.
 */
final class CalibrationSectionReader {
  static final String SECTION = "calibration";
  static final ImmutableList<String> KEYS =
      ImmutableList.of("parameters", "targets", "replications", "max-evaluations");
  static final ImmutableList<String> PARAMETER_KEYS = ImmutableList.of("lower", "upper", "start");
  static final ImmutableList<String> TARGET_KEYS = ImmutableList.of("value", "standard-error");
  static final int DEFAULT_REPLICATIONS = 5;
  static final int DEFAULT_MAX_EVALUATIONS = 40;

  private final ScenarioFileReader reader;
  private final WrittenValues written = new WrittenValues();

  CalibrationSectionReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Returns the section, or {@code null} after recording a problem. */
  @Nullable CalibrationSpec read(Node n) {
    MapNode m = StudySectionsReader.sectionMap(reader, n, SECTION, KEYS);
    if (m == null) {
      return null;
    }
    ImmutableList<CalibrationParameter> parameters = parameters(m);
    ImmutableList<CalibrationSpec.Target> targets = targets(m);
    Integer replications =
        StudySectionsReader.count(reader, m, SECTION, "replications", DEFAULT_REPLICATIONS, 2);
    Integer evaluations =
        StudySectionsReader.count(
            reader, m, SECTION, "max-evaluations", DEFAULT_MAX_EVALUATIONS, 2);
    if (parameters == null || targets == null || replications == null || evaluations == null) {
      return null;
    }
    try {
      return new CalibrationSpec(parameters, targets, replications, evaluations);
    } catch (IllegalArgumentException e) {
      reader.add(m.pos(), SECTION, "", "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** Whether every bound read fits the built scenario; records each misfit at its position. */
  boolean check(Scenario built) {
    return written.check(reader, built);
  }

  private @Nullable ImmutableList<CalibrationParameter> parameters(MapNode m) {
    MapNode ps = required(m, "parameters", "a map of knob: {lower, upper, start}");
    if (ps == null) {
      return null;
    }
    List<String> ids = Arrays.stream(CalibrationKnob.values()).map(CalibrationKnob::id).toList();
    ImmutableList.Builder<CalibrationParameter> out = ImmutableList.builder();
    boolean ok = true;
    for (Entry e : ps.entries()) {
      String field = SECTION + ".parameters." + e.key();
      if (!ids.contains(e.key())) {
        reader.add(
            e.keyPos(),
            field,
            e.key(),
            "unknown calibration parameter%s; expected one of %s",
            ScenarioFileReader.suggestion(e.key(), ids),
            String.join(", ", ids));
        ok = false;
        continue;
      }
      CalibrationParameter p = parameter(e, field);
      if (p == null) {
        ok = false;
      } else {
        out.add(p);
      }
    }
    return ok ? out.build() : null;
  }

  private @Nullable CalibrationParameter parameter(Entry e, String field) {
    MapNode m = reader.map(e.value(), field, "{lower: x, upper: y, start: z}");
    if (m == null) {
      return null;
    }
    reader.knownKeys(m, PARAMETER_KEYS, field + ".");
    Node lo = m.get("lower");
    Node hi = m.get("upper");
    if (lo == null || hi == null) {
      reader.add(m.pos(), field, "", "needs both lower and upper");
      return null;
    }
    double inf = Double.POSITIVE_INFINITY;
    Double lower = reader.number(lo, field + ".lower", -inf, false, inf);
    Double upper = reader.number(hi, field + ".upper", -inf, false, inf);
    Node st = m.get("start");
    Double start =
        st == null
            ? (lower == null || upper == null ? null : (lower + upper) / 2)
            : reader.number(st, field + ".start", -inf, false, inf);
    if (lower == null || upper == null || start == null) {
      return null;
    }
    try {
      CalibrationParameter p = new CalibrationParameter(e.key(), lower, upper, start);
      CalibrationKnob knob = CalibrationKnob.parse(e.key());
      double low = lower;
      double high = upper;
      written.add(
          (s, text) -> knob.apply(s, low), ScenarioFiles.num(low), lo.pos(), field + ".lower");
      written.add(
          (s, text) -> knob.apply(s, high), ScenarioFiles.num(high), hi.pos(), field + ".upper");
      return p;
    } catch (IllegalArgumentException x) {
      reader.add(m.pos(), field, "", "%s", String.valueOf(x.getMessage()));
      return null;
    }
  }

  private @Nullable ImmutableList<CalibrationSpec.Target> targets(MapNode m) {
    MapNode ts = required(m, "targets", "a map of metric: {value, standard-error}");
    if (ts == null) {
      return null;
    }
    List<String> ids = Arrays.stream(Metric.values()).map(Metric::id).toList();
    ImmutableList.Builder<CalibrationSpec.Target> out = ImmutableList.builder();
    boolean ok = true;
    for (Entry e : ts.entries()) {
      String field = SECTION + ".targets." + e.key();
      if (!ids.contains(e.key())) {
        reader.add(
            e.keyPos(),
            field,
            e.key(),
            "unknown metric%s; expected one of %s",
            ScenarioFileReader.suggestion(e.key(), ids),
            String.join(", ", ids));
        ok = false;
        continue;
      }
      CalibrationSpec.Target t = target(e, field);
      if (t == null) {
        ok = false;
      } else {
        out.add(t);
      }
    }
    return ok ? out.build() : null;
  }

  private CalibrationSpec.@Nullable Target target(Entry e, String field) {
    MapNode m = reader.map(e.value(), field, "{value: x, standard-error: s}");
    if (m == null) {
      return null;
    }
    reader.knownKeys(m, TARGET_KEYS, field + ".");
    Node v = m.get("value");
    Node se = m.get("standard-error");
    if (v == null || se == null) {
      reader.add(m.pos(), field, "", "needs both value and standard-error");
      return null;
    }
    double inf = Double.POSITIVE_INFINITY;
    Double value = reader.number(v, field + ".value", -inf, false, inf);
    Double error = reader.number(se, field + ".standard-error", 0, false, inf);
    if (value == null || error == null) {
      return null;
    }
    return new CalibrationSpec.Target(CalibrationSpec.metric(e.key()), value, error);
  }

  private @Nullable MapNode required(MapNode m, String key, String expected) {
    Node n = m.get(key);
    if (n == null) {
      reader.add(m.pos(), SECTION + "." + key, "", "missing required key '%s'", key);
      return null;
    }
    MapNode out = reader.map(n, SECTION + "." + key, expected);
    if (out != null && out.entries().isEmpty()) {
      reader.add(out.pos(), SECTION + "." + key, "", "needs at least one entry");
      return null;
    }
    return out;
  }
}
