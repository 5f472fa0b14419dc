package org.gridgov.routing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RoutingPolicy} decided, with the explanation of why.
 *
 * <p>One of four outcomes: {@link Assign} (a lead handler and assisting handlers; the time limits
 * are not the routing policy's to choose: the SLA policy selects them by stage, category, priority
 * and urban/rural class), {@link Escalate} (move the case up to another handler), {@link Summon} (a
 * street blows the whistle: departments must report on site within a limit, 吹哨报到) or {@link Reject}
 * (the policy cannot place the case, with the reason). Java 17 callers switch on {@link #kind()};
 * later Java versions can switch on the sealed type.
 */
public sealed interface RoutingDecision
    permits RoutingDecision.Assign,
        RoutingDecision.Escalate,
        RoutingDecision.Summon,
        RoutingDecision.Reject {

  /** The four kinds of decision, for a {@code switch} on Java 17. */
  enum Kind {
    /** See {@link Assign}. */
    ASSIGN,
    /** See {@link Escalate}. */
    ESCALATE,
    /** See {@link Summon}. */
    SUMMON,
    /** See {@link Reject}. */
    REJECT
  }

  /**
   * Returns which kind of decision this is.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * Returns why the policy decided so: which rule decided, and why the others did not.
   *
   * @return the explanation
   */
  Explanation explanation();

  /**
   * Give the case to a lead handler, with assisting handlers (主办 + 协办).
   *
   * @param lead the lead handler's id
   * @param assists the assisting handlers' ids, in order, without the lead and without repeats
   * @param explanation why
   */
  record Assign(String lead, ImmutableList<String> assists, Explanation explanation)
      implements RoutingDecision {
    /**
     * Validates.
     *
     * @param assists the assisting handlers' ids, in order, without the lead and without repeats
     * @param explanation why
     * @param lead the lead handler's id
     * @throws IllegalArgumentException if an id is empty, the lead is among the assists, or an
     *     assist repeats
     */
    public Assign {
      checkArgument(!lead.isEmpty(), "lead handler id must not be empty");
      checkArgument(!assists.contains(lead), "lead %s must not also assist", lead);
      checkArgument(distinct(assists), "assisting handlers repeat: %s", assists);
      Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * Returns an assignment.
     *
     * @param lead the lead handler's id
     * @param assists the assisting handlers' ids
     * @param explanation why
     * @return the decision
     */
    public static Assign of(String lead, List<String> assists, Explanation explanation) {
      return new Assign(lead, ImmutableList.copyOf(assists), explanation);
    }

    @Override
    public Kind kind() {
      return Kind.ASSIGN;
    }

    /** Whether no id repeats: pairwise for the usual handful, through a set for more. */
    private static boolean distinct(ImmutableList<String> ids) {
      int n = ids.size();
      if (n > 8) {
        return ImmutableSet.copyOf(ids).size() == n;
      }
      for (int i = 1; i < n; i++) {
        for (int j = 0; j < i; j++) {
          if (ids.get(i).equals(ids.get(j))) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /**
   * Move the case up to another handler (上报/升级).
   *
   * @param to the handler id the case escalates to
   * @param explanation why
   */
  record Escalate(String to, Explanation explanation) implements RoutingDecision {
    /**
     * Validates.
     *
     * @param explanation why
     * @param to the handler id the case escalates to
     * @throws IllegalArgumentException if {@code to} is empty
     */
    public Escalate {
      checkArgument(!to.isEmpty(), "escalation target id must not be empty");
      Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public Kind kind() {
      return Kind.ESCALATE;
    }
  }

  /**
   * Summon departments on site within a limit (吹哨报到; Beijing: 30 minutes).
   *
   * @param summoner the handler that blows the whistle (usually a street centre)
   * @param departments the summoned departments' ids, in order, without repeats, not empty
   * @param within how soon they must report on site, positive
   * @param explanation why
   */
  record Summon(
      String summoner, ImmutableList<String> departments, Duration within, Explanation explanation)
      implements RoutingDecision {
    /**
     * Validates.
     *
     * @param departments the summoned departments' ids, in order, without repeats, not empty
     * @param explanation why
     * @param summoner the handler that blows the whistle (usually a street centre)
     * @param within how soon they must report on site, positive
     * @throws IllegalArgumentException if {@code departments} is empty or repeats, or {@code
     *     within} is not positive
     */
    public Summon {
      checkArgument(!summoner.isEmpty(), "summoner id must not be empty");
      checkArgument(!departments.isEmpty(), "a summons needs at least one department");
      checkArgument(
          departments.stream().distinct().count() == departments.size(),
          "summoned departments repeat: %s",
          departments);
      checkArgument(
          !within.isNegative() && !within.isZero(), "within must be positive but was %s", within);
      Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public Kind kind() {
      return Kind.SUMMON;
    }
  }

  /**
   * The policy cannot place the case.
   *
   * @param reason why, for people
   * @param explanation which rules were tried
   */
  record Reject(String reason, Explanation explanation) implements RoutingDecision {
    /**
     * Validates.
     *
     * @param explanation which rules were tried
     * @param reason why, for people
     * @throws IllegalArgumentException if {@code reason} is empty
     */
    public Reject {
      checkArgument(!reason.isEmpty(), "reject reason must not be empty");
      Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public Kind kind() {
      return Kind.REJECT;
    }
  }

  /**
   * Why a decision was taken: the rule that decided and, for each rule that did not, why not.
   *
   * @param decidedBy the deciding rule's name and, where it came from a policy text, its line (e.g.
   *     {@code "policy.csv:14 ownership"})
   * @param notes one line per rule considered, in the order they were considered
   */
  record Explanation(String decidedBy, ImmutableList<String> notes) {
    /**
     * Validates.
     *
     * @param decidedBy the deciding rule's name and, where it came from a policy text, its line
     *     (e.g. {@code "policy.csv:14 ownership"})
     * @param notes one line per rule considered, in the order they were considered
     * @throws IllegalArgumentException if {@code decidedBy} is empty
     */
    public Explanation {
      checkArgument(!decidedBy.isEmpty(), "decidedBy must not be empty");
      Objects.requireNonNull(notes, "notes");
    }

    /**
     * Returns an explanation.
     *
     * @param decidedBy the deciding rule
     * @param notes why the other rules did not decide
     * @return the explanation
     */
    public static Explanation of(String decidedBy, List<String> notes) {
      return new Explanation(decidedBy, ImmutableList.copyOf(notes));
    }
  }
}
