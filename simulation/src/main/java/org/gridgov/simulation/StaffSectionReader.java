package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import org.gridgov.internal.Problems;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code staff:} section (grid workers' role share and absences, {@link
 * Staff}) into a scenario builder; problems go to the file's problem list with their line, column
 * and path.
 *
 * <pre>
 * staff:                # absent: as the extended scenario (built-ins: off); none: off
 *   role-share: 0.6     # default 1
 *   absence-rate: 0.05  # default 0
 * </pre>
 */
final class StaffSectionReader {
  static final String SECTION = "staff";
  static final ImmutableList<String> KEYS = ImmutableList.of("role-share", "absence-rate");

  private final SectionValues values;

  StaffSectionReader(Problems problems) {
    this.values = new SectionValues(problems, SECTION);
  }

  /** Reads the section of {@code root} (or inherits {@code base}'s staff model) into {@code b}. */
  void read(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Node n = root.get(SECTION);
    if (n == null) {
      if (base != null && base.staff().isPresent()) {
        b.staff(base.staff().get());
      }
      return;
    }
    MapNode m = values.map(n, KEYS, new boolean[1]);
    if (m == null) {
      return;
    }
    Staff from = base != null && base.staff().isPresent() ? base.staff().get() : new Staff(1, 0);
    Double share = values.number(m, "role-share", from.roleShare(), 0, false, 1, true);
    Double absence = values.number(m, "absence-rate", from.absenceRate(), 0, true, 1, false);
    if (share != null && absence != null) {
      b.staff(new Staff(share, absence));
    }
  }
}
