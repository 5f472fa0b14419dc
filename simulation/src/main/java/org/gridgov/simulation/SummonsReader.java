package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;

/**
 * Reads the {@code summon-*} keys of a scenario file's {@code mechanisms:} section into {@link
 * Summons} (吹哨报到); problems go to the file reader's problem list with the key's path.
 *
 * <pre>
 * mechanisms:
 *   summons: assisting          # off (default), policy (the routing policy's summonses) or assisting
 *   summon-within-minutes: 30   # the limit of the summonses of assisting departments
 *   summon-travel: lognormal(20, 10)   # minutes; or areas (from the region tree's areas)
 *   summon-setup-minutes: 5     # travel from areas: minutes before setting out
 *   summon-speed-kmh: 30        # travel from areas: speed
 * </pre>
 */
final class SummonsReader {
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "summons",
          "summon-within-minutes",
          "summon-travel",
          "summon-setup-minutes",
          "summon-speed-kmh");

  /** The longest limit or setup a file may ask for: a day, in minutes. */
  static final double MAX_MINUTES = 1440;

  /** The highest speed a file may ask for, km/h. */
  static final double MAX_SPEED = 200;

  private static final String AREAS = "areas";
  private static final ImmutableList<String> MODES = ImmutableList.of("off", "policy", "assisting");

  private final ScenarioFileReader reader;
  private boolean failed;

  SummonsReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Whether a problem was recorded (then {@link #read}'s answer is to be ignored). */
  boolean failed() {
    return failed;
  }

  /**
   * Returns the summons mechanism of the section over {@code base}: empty when off or after
   * recording a problem ({@link #failed()}).
   */
  Optional<Summons> read(MapNode m, Optional<Summons> base) {
    Summons from = base.orElse(Summons.defaults());
    boolean on = base.isPresent();
    boolean assisting = from.summonAssisting();
    Node mode = m.get("summons");
    if (mode != null) {
      if (!(mode instanceof Scalar s) || s.kind() != Kind.STRING || !MODES.contains(s.text())) {
        reader.wrongType(mode, "mechanisms.summons", "off, policy or assisting");
        failed = true;
        return Optional.empty();
      }
      on = !s.text().equals("off");
      assisting = s.text().equals("assisting");
    }
    double within = num(m, "summon-within-minutes", from.withinMinutes(), MAX_MINUTES);
    double setup = num(m, "summon-setup-minutes", from.setupMinutes(), MAX_MINUTES);
    double speed = num(m, "summon-speed-kmh", from.speedKmPerHour(), MAX_SPEED);
    Optional<Distribution> travel = travel(m, from.travel());
    if (failed) {
      return Optional.empty();
    }
    if (!on) {
      for (String k : KEYS.subList(1, KEYS.size())) {
        Node v = m.get(k);
        if (v != null) {
          reader.wrongType(v, "mechanisms." + k, "no value while mechanisms.summons is off");
          failed = true;
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
    return Optional.of(new Summons(assisting, within, travel, setup, speed));
  }

  private double num(MapNode m, String key, double dflt, double max) {
    Node v = m.get(key);
    if (v == null) {
      return dflt;
    }
    boolean zeroAllowed = key.equals("summon-setup-minutes");
    Double d = reader.number(v, "mechanisms." + key, 0, zeroAllowed, max);
    if (d == null) {
      failed = true;
      return dflt;
    }
    return d;
  }

  private Optional<Distribution> travel(MapNode m, Optional<Distribution> dflt) {
    Node v = m.get("summon-travel");
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Scalar s) || s.kind() != Kind.STRING) {
      reader.wrongType(v, "mechanisms.summon-travel", "areas or a distribution such as fixed(20)");
      failed = true;
      return dflt;
    }
    if (s.text().equals(AREAS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Distribution.parse(s.text()));
    } catch (IllegalArgumentException e) {
      reader.wrongType(v, "mechanisms.summon-travel", "areas or " + e.getMessage());
      failed = true;
      return dflt;
    }
  }

  /** The keys' flow-map entries (each with a leading {@code ", "}), for {@link ScenarioFiles}. */
  static String flow(Optional<Summons> summons) {
    if (summons.isEmpty()) {
      return "";
    }
    Summons s = summons.get();
    return ", summons: "
        + (s.summonAssisting() ? "assisting" : "policy")
        + ", summon-within-minutes: "
        + ScenarioFiles.num(s.withinMinutes())
        + ", summon-travel: "
        + ScenarioFiles.quote(s.travel().map(Distribution::toString).orElse(AREAS))
        + ", summon-setup-minutes: "
        + ScenarioFiles.num(s.setupMinutes())
        + ", summon-speed-kmh: "
        + ScenarioFiles.num(s.speedKmPerHour());
  }
}
