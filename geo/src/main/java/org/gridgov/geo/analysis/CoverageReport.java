package org.gridgov.geo.analysis;

import com.google.common.collect.ImmutableList;
import java.util.Locale;

/**
 * The result of a {@link CoverageAnalysis}: every finding, located, and how much was checked.
 *
 * @param findings the findings, sorted by parent code, kind, children and area
 * @param parentsChecked how many parents with geometry and with children with geometry were checked
 * @param childrenChecked how many children were checked against them
 * @param childrenWithoutGeometry children of checked parents that have no geometry (their area
 *     shows as a gap)
 */
public record CoverageReport(
    ImmutableList<CoverageFinding> findings,
    int parentsChecked,
    int childrenChecked,
    int childrenWithoutGeometry) {

  /**
   * Returns the findings of one kind.
   *
   * @param kind the kind
   * @return those findings, in report order
   */
  public ImmutableList<CoverageFinding> findings(CoverageFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the children tile every parent: no finding at all.
   *
   * @return whether there are no findings
   */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /**
   * Returns the report as text: one line per finding, then a summary line.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (CoverageFinding f : findings) {
      b.append(f).append('\n');
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%d finding%s (%d gaps, %d overlaps, %d slivers, %d outside their parent) in %d parents, %d children%n",
            findings.size(),
            findings.size() == 1 ? "" : "s",
            findings(CoverageFinding.Kind.GAP).size(),
            findings(CoverageFinding.Kind.OVERLAP).size(),
            findings(CoverageFinding.Kind.SLIVER).size(),
            findings(CoverageFinding.Kind.OUTSIDE_PARENT).size(),
            parentsChecked,
            childrenChecked));
    return b.toString();
  }
}
