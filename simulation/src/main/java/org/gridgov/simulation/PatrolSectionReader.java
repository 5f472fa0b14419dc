package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import org.gridgov.internal.Problems;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code patrol:} section (patrol discovery, 主动发现) into a scenario builder;
 * problems go to the file's problem list with their line, column and path.
 *
 * <pre>
 * patrol:                        # absent: as the extended scenario (built-ins: off)
 *   latent-share: 0.3            # none: off
 *   rounds-per-working-day: 2
 *   households-per-round: 100
 *   resident-report-hours: 48
 * </pre>
 *
 * A key left out keeps the extended scenario's value, or {@link Patrol#defaults()}.
 */
final class PatrolSectionReader {
  static final String SECTION = "patrol";
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "latent-share",
          "rounds-per-working-day",
          "households-per-round",
          "resident-report-hours");

  private final Problems problems;

  PatrolSectionReader(Problems problems) {
    this.problems = problems;
  }

  /** Reads the section of {@code root} (or inherits {@code base}'s patrol) into {@code b}. */
  void read(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Node n = root.get(SECTION);
    if (n == null) {
      if (base != null && base.patrol().isPresent()) {
        b.patrol(base.patrol().get());
      }
      return;
    }
    if (n instanceof Scalar s && s.kind() == Kind.STRING && s.text().equals("none")) {
      return;
    }
    if (!(n instanceof MapNode m)) {
      problems.add(
          n.pos().line(),
          n.pos().column(),
          SECTION,
          n.text(),
          "expected none or a map of %s but found %s",
          String.join(", ", KEYS),
          n.description());
      return;
    }
    Patrol from =
        base != null && base.patrol().isPresent() ? base.patrol().get() : Patrol.defaults();
    for (Entry e : m.entries()) {
      if (!KEYS.contains(e.key())) {
        String hint = ScenarioFileReader.suggestion(e.key(), KEYS);
        problems.add(
            e.keyPos().line(),
            e.keyPos().column(),
            SECTION + "." + e.key(),
            e.key(),
            "unknown key%s",
            hint.isEmpty() ? "; known keys: " + String.join(", ", KEYS) : hint);
      }
    }
    Double latent = number(m, "latent-share", from.latentShare(), true, 1.0);
    Double rounds = number(m, "rounds-per-working-day", from.roundsPerWorkingDay(), false, 1e6);
    Double households = number(m, "households-per-round", from.householdsPerRound(), false, 1e9);
    Double report = number(m, "resident-report-hours", from.residentReportHours(), false, 1e6);
    if (latent != null && rounds != null && households != null && report != null) {
      b.patrol(new Patrol(latent, rounds, households, report));
    }
  }

  /** A number in (0, max] (or [0, max] if {@code zeroAllowed}); the default if absent. */
  private @Nullable Double number(
      MapNode m, String key, double dflt, boolean zeroAllowed, double max) {
    Node n = m.get(key);
    if (n == null) {
      return dflt;
    }
    String field = SECTION + "." + key;
    if (!(n instanceof Scalar s) || s.kind() != Kind.NUMBER) {
      problems.add(
          n.pos().line(),
          n.pos().column(),
          field,
          n.text(),
          "expected a number but found %s",
          n.description());
      return null;
    }
    double v;
    try {
      v = Double.parseDouble(s.text());
    } catch (NumberFormatException e) {
      problems.add(n.pos().line(), n.pos().column(), field, s.text(), "not a number");
      return null;
    }
    if (!Double.isFinite(v) || (zeroAllowed ? v < 0 : v <= 0) || v > max) {
      problems.add(
          n.pos().line(),
          n.pos().column(),
          field,
          s.text(),
          "out of range: must be %s 0 and <= %s",
          zeroAllowed ? ">=" : ">",
          max == Math.rint(max) ? Long.toString((long) max) : Double.toString(max));
      return null;
    }
    return v;
  }
}
