package org.gridgov.routing.analysis;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;

/**
 * One located finding of a {@link PolicyAnalysis}.
 *
 * @param kind what was found
 * @param line the policy row it concerns (the later row of an overlap, the row that sends a case
 *     back for ping-pong, the row that escalates into a cycle), or 0 when no row is to blame (a
 *     gap: no row at all)
 * @param category the category code it was found for, or {@code ""} for graph-wide findings
 * @param regionCode the representative region it was found at, or 0 for graph-wide findings
 * @param regionsInClass how many regions share the representative's equivalence class (the finding
 *     holds for all)
 * @param priority the priority, if it depends on one
 * @param point the decision point, if it depends on one
 * @param handlers the handlers involved, in path order where there is a path
 * @param detail a sentence for people
 */
public record Finding(
    Kind kind,
    int line,
    String category,
    long regionCode,
    int regionsInClass,
    Optional<Priority> priority,
    Optional<DecisionPoint> point,
    ImmutableList<String> handlers,
    String detail) {

  /** Kinds of finding. */
  public enum Kind {
    /** 留白: no row places the case at this decision point. */
    GAP,
    /**
     * 职责交叉: two rows assign different leads to the same case at the same priority (an earlier row
     * that is a strict specialisation of the later one is a deliberate override and not reported).
     */
    OVERLAP,
    /** An escalation path comes back to a handler it already passed. */
    ESCALATION_CYCLE,
    /** An escalation path stops below the top level (nothing escalates a breached case further). */
    DEAD_END,
    /** 推诿: a return sends the case A → B and B's return sends it back to A. */
    PING_PONG,
    /** A declared handler (or a whole office level) that no case ever reaches. */
    UNREACHABLE
  }

  /**
   * Validates the non-null fields.
   *
   * @param category the category code it was found for, or {@code ""} for graph-wide findings
   * @param detail a sentence for people
   * @param handlers the handlers involved, in path order where there is a path
   * @param kind what was found
   * @param line the policy row it concerns (the later row of an overlap, the row that sends a case
   *     back for ping-pong, the row that escalates into a cycle), or 0 when no row is to blame (a
   *     gap: no row at all)
   * @param point the decision point, if it depends on one
   * @param priority the priority, if it depends on one
   * @param regionCode the representative region it was found at, or 0 for graph-wide findings
   * @param regionsInClass how many regions share the representative's equivalence class (the
   *     finding holds for all)
   */
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(point, "point");
  }

  /**
   * Returns where the finding is, for people: {@code line 12, category 0401, region 350302001001
   * (+17 like it), URGENT, BREACH}.
   *
   * @return the location text
   */
  public String location() {
    StringBuilder b = new StringBuilder();
    b.append(line > 0 ? "line " + line : "no row");
    if (!category.isEmpty()) {
      b.append(", category ").append(category);
    }
    if (regionCode != 0) {
      b.append(", region ").append(regionCode);
      if (regionsInClass > 1) {
        b.append(String.format(Locale.ROOT, " (+%d like it)", regionsInClass - 1));
      }
    }
    priority.ifPresent(p -> b.append(", ").append(p));
    point.ifPresent(p -> b.append(", ").append(p));
    return b.toString();
  }

  @Override
  public String toString() {
    return kind + " at " + location() + ": " + detail;
  }
}
