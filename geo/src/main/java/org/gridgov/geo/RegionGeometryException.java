package org.gridgov.geo;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.gridgov.GridgovException;

/**
 * Region geometry was refused: every problem found, each naming the feature (its 0-based index in
 * the GeoJSON {@code features} array, or its position among the entries given to {@link
 * RegionGeometry#of}), the region code where one was read, and the reason. Nothing is half-built: a
 * {@link RegionGeometry} exists only when there is no problem at all.
 */
public final class RegionGeometryException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** At most this many problems are collected; the message says when more were cut off. */
  static final int MAX_PROBLEMS = 100;

  @SuppressWarnings("serial") // ImmutableList of records: serializable in practice
  private final ImmutableList<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param source where the geometry came from (a file name the caller gave, or {@code "entries"})
   * @param problems the problems, at least one
   */
  public RegionGeometryException(String source, List<Problem> problems) {
    super(message(source, problems));
    this.problems = ImmutableList.copyOf(problems);
  }

  /**
   * Returns every problem, in feature order.
   *
   * @return the problems
   */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a RegionGeometryException needs at least one problem");
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%d problem%s in %s",
            problems.size(),
            problems.size() == 1 ? "" : "s",
            source));
    if (problems.size() >= MAX_PROBLEMS) {
      b.append(" (stopped counting at ").append(MAX_PROBLEMS).append(')');
    }
    for (Problem p : problems) {
      b.append("\n  ").append(p);
    }
    return b.toString();
  }

  /**
   * One problem with one feature.
   *
   * @param feature the feature's 0-based index, or -1 for a problem with the document as a whole
   * @param code the region code read from the feature, if one was
   * @param reason what is wrong, with the values
   */
  public record Problem(int feature, OptionalLong code, String reason) {

    /**
     * Validates the components.
     *
     * @param feature the feature index, or -1
     * @param code the code, if read
     * @param reason what is wrong
     */
    public Problem {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      String where = feature < 0 ? "document" : "feature " + feature;
      if (code.isPresent()) {
        where += " (code " + code.getAsLong() + ")";
      }
      return where + ": " + reason;
    }
  }
}
