package org.gridgov.people;

import com.google.common.collect.ImmutableSet;

/**
 * What a {@link DeliberationBody} does, and so which {@link Outcome}s it may record: a deliberation
 * body (议事) adopts, rejects or defers; a mediation committee (调解委员会) settles a dispute, in full or
 * in part, or fails.
 */
public enum BodyKind {
  /** 议事: grid discussion, representatives' meeting, quick-decision group. */
  DELIBERATION(ImmutableSet.of(Outcome.ADOPTED, Outcome.REJECTED, Outcome.DEFERRED)),
  /** 调解: a mediation committee taking a dispute. */
  MEDIATION(ImmutableSet.of(Outcome.SETTLED, Outcome.PARTIALLY_SETTLED, Outcome.FAILED));

  private final ImmutableSet<Outcome> outcomes;

  BodyKind(ImmutableSet<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  /**
   * Returns the outcomes a body of this kind may record.
   *
   * @return the outcomes
   */
  public ImmutableSet<Outcome> outcomes() {
    return outcomes;
  }

  /** The result of a sitting that decided a matter. */
  public enum Outcome {
    /** 通过: the proposal was adopted; the case goes on with its handler. */
    ADOPTED("通过", true),
    /** 否决: the proposal was rejected; the case goes on with its handler. */
    REJECTED("否决", true),
    /** 暂缓: deferred to the body's next sitting; the referral stays open. */
    DEFERRED("暂缓", false),
    /** 调解成功: the parties agreed. */
    SETTLED("调解成功", true),
    /** 部分达成: the parties agreed on part of the dispute. */
    PARTIALLY_SETTLED("部分达成", true),
    /** 调解不成: no agreement; the case goes on by its onward route (escalation). */
    FAILED("调解不成", true);

    private final String chineseName;
    private final boolean ends;

    Outcome(String chineseName, boolean ends) {
      this.chineseName = chineseName;
      this.ends = ends;
    }

    /**
     * Returns the Chinese name.
     *
     * @return the name
     */
    public String chineseName() {
      return chineseName;
    }

    /**
     * Returns whether the outcome ends the referral ({@link #DEFERRED} alone does not).
     *
     * @return whether the referral ends
     */
    public boolean endsReferral() {
      return ends;
    }
  }
}
