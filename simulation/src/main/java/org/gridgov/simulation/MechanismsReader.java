package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code mechanisms:} section into {@link Mechanisms}; problems (unknown
 * keys, wrong types, values out of range) go to the file reader's problem list with the key's path,
 * e.g. {@code mechanisms.rework-probability}. A key left out keeps the extended scenario's value.
 */
final class MechanismsReader {
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "rework-probability",
          "urgent-share",
          "urgent-first",
          "invalid-share",
          "suspension-share",
          "suspension-hours",
          "extension-share",
          "extension-days",
          "dissatisfied-share",
          "visit-hours",
          "repeat-share",
          "repeat-hours");

  /** The largest rework probability a file may ask for (a check that always fails never closes). */
  static final double MAX_REWORK = 0.99;

  /** The largest share of invalid reports or not-satisfied visits a file may ask for. */
  static final double MAX_SHARE_BELOW_ONE = 0.99;

  /** The longest mean suspension, repeat delay or visit delay a file may ask for: a year. */
  static final double MAX_HOURS = 8760;

  /** The most days one extension may ask for. */
  static final int MAX_EXTENSION_DAYS = 30;

  private final ScenarioFileReader reader;
  private boolean failed;

  MechanismsReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Returns the section over {@code base}, or {@code null} after recording a problem. */
  @Nullable Mechanisms read(Node n, Mechanisms base) {
    MapNode m = reader.map(n, "mechanisms", "a map such as {rework-probability: 0.05}");
    if (m == null) {
      return null;
    }
    reader.knownKeys(
        m,
        ImmutableList.<String>builder()
            .addAll(KEYS)
            .addAll(SummonsReader.KEYS)
            .addAll(SupervisionReader.KEYS)
            .build(),
        "mechanisms.");
    double rework = num(m, "rework-probability", base.reworkProbability(), 0, MAX_REWORK);
    double urgent = num(m, "urgent-share", base.urgentShare(), 0, 1);
    boolean first = bool(m, "urgent-first", base.urgentFirst());
    double invalid = num(m, "invalid-share", base.invalidShare(), 0, MAX_SHARE_BELOW_ONE);
    double suspension = num(m, "suspension-share", base.suspensionShare(), 0, 1);
    double suspensionHours = hours(m, "suspension-hours", base.suspensionHours());
    double extension = num(m, "extension-share", base.extensionShare(), 0, 1);
    int days = days(m, base.extensionDays());
    double dissatisfied =
        num(m, "dissatisfied-share", base.dissatisfiedShare(), 0, MAX_SHARE_BELOW_ONE);
    double visitHours = hours(m, "visit-hours", base.visitHours());
    double repeat = num(m, "repeat-share", base.repeatShare(), 0, 1);
    double repeatHours = hours(m, "repeat-hours", base.repeatHours());
    if (failed) {
      return null;
    }
    return new Mechanisms(
        rework,
        urgent,
        first,
        invalid,
        suspension,
        suspensionHours,
        extension,
        days,
        dissatisfied,
        visitHours,
        repeat,
        repeatHours);
  }

  private double num(MapNode m, String key, double dflt, double min, double max) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Double d = reader.number(v, "mechanisms." + key, min, true, max);
    if (d == null) {
      failed = true;
      return dflt;
    }
    return d;
  }

  private double hours(MapNode m, String key, double dflt) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Double d = reader.number(v, "mechanisms." + key, 0, false, MAX_HOURS);
    if (d == null) {
      failed = true;
      return dflt;
    }
    return d;
  }

  private int days(MapNode m, int dflt) {
    Node v = m.get("extension-days");
    if (v == null) {
      return dflt;
    }
    Double d = reader.number(v, "mechanisms.extension-days", 1, true, MAX_EXTENSION_DAYS);
    if (d == null || d != Math.rint(d)) {
      if (d != null) {
        reader.wrongType(v, "mechanisms.extension-days", "a whole number of days");
      }
      failed = true;
      return dflt;
    }
    return d.intValue();
  }

  private boolean bool(MapNode m, String key, boolean dflt) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Boolean b = bool(reader, v, "mechanisms." + key);
    if (b == null) {
      failed = true;
      return dflt;
    }
    return b;
  }

  /** A {@code true} or {@code false} value, or null after recording a problem for {@code field}. */
  static @Nullable Boolean bool(ScenarioFileReader reader, Node v, String field) {
    if (v instanceof Scalar s && s.kind() == Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
    }
    reader.wrongType(v, field, "true or false");
    return null;
  }

  /**
   * Returns the section's value as a YAML flow map, every key with its value, for {@link
   * ScenarioFiles#toYaml}.
   */
  static String flow(Mechanisms m) {
    return "{rework-probability: "
        + ScenarioFiles.num(m.reworkProbability())
        + ", urgent-share: "
        + ScenarioFiles.num(m.urgentShare())
        + ", urgent-first: "
        + m.urgentFirst()
        + ", invalid-share: "
        + ScenarioFiles.num(m.invalidShare())
        + ", suspension-share: "
        + ScenarioFiles.num(m.suspensionShare())
        + ", suspension-hours: "
        + ScenarioFiles.num(m.suspensionHours())
        + ", extension-share: "
        + ScenarioFiles.num(m.extensionShare())
        + ", extension-days: "
        + m.extensionDays()
        + ", dissatisfied-share: "
        + ScenarioFiles.num(m.dissatisfiedShare())
        + ", visit-hours: "
        + ScenarioFiles.num(m.visitHours())
        + ", repeat-share: "
        + ScenarioFiles.num(m.repeatShare())
        + ", repeat-hours: "
        + ScenarioFiles.num(m.repeatHours())
        + "}";
  }
}
