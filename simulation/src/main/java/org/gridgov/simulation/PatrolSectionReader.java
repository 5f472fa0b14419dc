package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import org.gridgov.internal.Problems;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;

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

  private final SectionValues values;

  PatrolSectionReader(Problems problems) {
    this.values = new SectionValues(problems, SECTION);
  }

  /** Reads the section of {@code root} (or inherits {@code base}'s patrol) into {@code b}. */
  void read(MapNode root, @org.jspecify.annotations.Nullable Scenario base, Scenario.Builder b) {
    Node n = root.get(SECTION);
    if (n == null) {
      if (base != null && base.patrol().isPresent()) {
        b.patrol(base.patrol().get());
      }
      return;
    }
    MapNode m = values.map(n, KEYS, new boolean[1]);
    if (m == null) {
      return; // none, or a problem recorded
    }
    Patrol from =
        base != null && base.patrol().isPresent() ? base.patrol().get() : Patrol.defaults();
    double inf = Double.POSITIVE_INFINITY;
    Double latent = values.number(m, "latent-share", from.latentShare(), 0, true, 1, true);
    Double rounds =
        values.number(
            m, "rounds-per-working-day", from.roundsPerWorkingDay(), 0, false, inf, false);
    Double households =
        values.number(m, "households-per-round", from.householdsPerRound(), 0, false, inf, false);
    Double report =
        values.number(m, "resident-report-hours", from.residentReportHours(), 0, false, inf, false);
    if (latent != null && rounds != null && households != null && report != null) {
      b.patrol(new Patrol(latent, rounds, households, report));
    }
  }
}
