package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code supervision*} and {@code handover} keys of a scenario file's {@code mechanisms:}
 * section into {@link SupervisionMechanism} (督办) and {@link Scenario#handover()} (交接班); problems go
 * to the file reader's problem list with the key's path.
 *
 * <pre>
 * mechanisms:
 *   supervision: true              # default false
 *   supervision-breaches: 1        # the N-th SLA breach of a case supervises it
 *   supervision-working-days: 5    # the supervision's deadline
 *   supervision-urge-hours: 24     # natural hours between urgings of an open supervised case
 *   supervision-stall-hours: 0     # a case still open this long after registration is supervised
 *   handover: true                 # default false; needs a roster: section
 * </pre>
 */
final class SupervisionReader {
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "supervision",
          "supervision-breaches",
          "supervision-working-days",
          "supervision-urge-hours",
          "supervision-stall-hours",
          "handover");

  /** The longest time between urgings or to a stalled case's supervision: a year, in hours. */
  static final double MAX_URGE_HOURS = 8760;

  private final ScenarioFileReader reader;
  private boolean failed;

  SupervisionReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Whether a problem was recorded (then the answers are to be ignored). */
  boolean failed() {
    return failed;
  }

  /**
   * Returns the supervision mechanism of the section over {@code base}: empty when off or after
   * recording a problem ({@link #failed()}).
   */
  Optional<SupervisionMechanism> read(MapNode m, Optional<SupervisionMechanism> base) {
    SupervisionMechanism from = base.orElse(SupervisionMechanism.defaults());
    boolean on = bool(m, "supervision", base.isPresent());
    int breaches = count(m, "supervision-breaches", from.breaches());
    int days = count(m, "supervision-working-days", from.workingDays());
    double urge = hours(m, "supervision-urge-hours", from.urgeHours(), false);
    double stall = hours(m, "supervision-stall-hours", from.stallHours(), true);
    if (failed) {
      return Optional.empty();
    }
    if (!on) {
      for (String k : KEYS.subList(1, KEYS.indexOf("handover"))) {
        Node v = m.get(k);
        if (v != null) {
          reader.wrongType(v, "mechanisms." + k, "no value while mechanisms.supervision is off");
          failed = true;
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
    return Optional.of(new SupervisionMechanism(breaches, days, urge, stall));
  }

  /** Returns the {@code handover} switch over {@code base}. */
  boolean handover(MapNode m, boolean base) {
    return bool(m, "handover", base);
  }

  private boolean bool(MapNode m, String key, boolean dflt) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Boolean b = MechanismsReader.bool(reader, v, "mechanisms." + key);
    if (b == null) {
      failed = true;
      return dflt;
    }
    return b;
  }

  private int count(MapNode m, String key, int dflt) {
    @Nullable Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Double d = reader.number(v, "mechanisms." + key, 1, true, SupervisionMechanism.MAX_COUNT);
    if (d == null || d != Math.rint(d)) {
      if (d != null) {
        reader.wrongType(v, "mechanisms." + key, "a whole number");
      }
      failed = true;
      return dflt;
    }
    return d.intValue();
  }

  private double hours(MapNode m, String key, double dflt, boolean zeroAllowed) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    Double d = reader.number(v, "mechanisms." + key, 0, zeroAllowed, MAX_URGE_HOURS);
    if (d == null) {
      failed = true;
      return dflt;
    }
    return d;
  }

  /** The keys' flow-map entries (each with a leading {@code ", "}), for {@link ScenarioFiles}. */
  static String flow(Optional<SupervisionMechanism> supervision, boolean handover) {
    StringBuilder b = new StringBuilder();
    if (supervision.isPresent()) {
      SupervisionMechanism s = supervision.get();
      b.append(", supervision: true, supervision-breaches: ")
          .append(s.breaches())
          .append(", supervision-working-days: ")
          .append(s.workingDays())
          .append(", supervision-urge-hours: ")
          .append(ScenarioFiles.num(s.urgeHours()))
          .append(", supervision-stall-hours: ")
          .append(ScenarioFiles.num(s.stallHours()));
    }
    if (handover) {
      b.append(", handover: true");
    }
    return b.toString();
  }
}
