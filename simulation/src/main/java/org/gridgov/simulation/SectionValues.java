package org.gridgov.simulation;

import java.util.List;
import org.gridgov.internal.Problems;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values of one scenario-file section (a map of numbers), recording problems with their
 * line, column and path ({@code section.key}).
 */
final class SectionValues {
  private final Problems problems;
  private final String section;

  SectionValues(Problems problems, String section) {
    this.problems = problems;
    this.section = section;
  }

  /**
   * Returns the section's map, or null after recording a problem, or null for {@code none} (then
   * {@code off} is true).
   */
  @Nullable MapNode map(Node n, List<String> keys, boolean[] off) {
    if (n instanceof Scalar s && s.kind() == Kind.STRING && s.text().equals("none")) {
      off[0] = true;
      return null;
    }
    if (!(n instanceof MapNode m)) {
      problems.add(
          n.pos().line(),
          n.pos().column(),
          section,
          n.text(),
          "expected none or a map of %s but found %s",
          String.join(", ", keys),
          n.description());
      return null;
    }
    for (Entry e : m.entries()) {
      if (!keys.contains(e.key())) {
        String hint = ScenarioFileReader.suggestion(e.key(), keys);
        problems.add(
            e.keyPos().line(),
            e.keyPos().column(),
            section + "." + e.key(),
            e.key(),
            "unknown key%s",
            hint.isEmpty() ? "; known keys: " + String.join(", ", keys) : hint);
      }
    }
    return m;
  }

  /**
   * Returns the number under {@code key}, the default if absent, or null after recording a problem:
   * it must lie in [min, max] ({@code min} excluded unless {@code minIncluded}, {@code max}
   * excluded unless {@code maxIncluded}).
   */
  @Nullable Double number(
      MapNode m,
      String key,
      double dflt,
      double min,
      boolean minIncluded,
      double max,
      boolean maxIncluded) {
    Node n = m.get(key);
    if (n == null) {
      return dflt;
    }
    String field = section + "." + key;
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
    if (!Double.isFinite(v)
        || (minIncluded ? v < min : v <= min)
        || (maxIncluded ? v > max : v >= max)) {
      problems.add(
          n.pos().line(),
          n.pos().column(),
          field,
          s.text(),
          "out of range: must be %s %s%s",
          minIncluded ? ">=" : ">",
          text(min),
          max == Double.POSITIVE_INFINITY
              ? ""
              : (maxIncluded ? " and <= " : " and < ") + text(max));
      return null;
    }
    return v;
  }

  private static String text(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
