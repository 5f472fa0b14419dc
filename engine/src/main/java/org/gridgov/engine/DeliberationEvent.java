package org.gridgov.engine;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.people.BodyKind;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;

/**
 * One entry of a {@link DeliberationDesk}'s append-only log: a case referred to a body, a sitting
 * (who attended, how many members, the quorum, whether it was met), or a decision. Persons are
 * pseudonymous ids only.
 *
 * @param sequence the entry's place in the desk's log: 1, 2, 3, ...
 * @param caseId the case
 * @param at when
 * @param kind what happened
 * @param bodyId the body
 * @param regionCode the case's first location, whose region the body sits for
 * @param size the matter's size ({@link Kind#REFERRED})
 * @param sittingBy the next sitting the referral waits for ({@link Kind#REFERRED}, and {@link
 *     Kind#DECIDED} when deferred)
 * @param attendees who attended ({@link Kind#SAT}), else empty
 * @param members how many members the body had at the sitting ({@link Kind#SAT}), else 0
 * @param quorum how many had to attend ({@link Kind#SAT}), else 0
 * @param outcome the decision ({@link Kind#DECIDED})
 * @param late whether the decision came on a later day (calendar zone) than the awaited sitting
 */
public record DeliberationEvent(
    long sequence,
    CaseId caseId,
    Instant at,
    Kind kind,
    String bodyId,
    long regionCode,
    Optional<MatterSize> size,
    Optional<Instant> sittingBy,
    ImmutableSortedSet<PersonId> attendees,
    int members,
    int quorum,
    Optional<BodyKind.Outcome> outcome,
    boolean late) {

  /**
   * Validates.
   *
   * @param sequence the sequence component
   * @param caseId the caseId component
   * @param at the at component
   * @param kind the kind component
   * @param bodyId the bodyId component
   * @param regionCode the regionCode component
   * @param size the size component
   * @param sittingBy the sittingBy component
   * @param attendees the attendees component
   * @param members the members component
   * @param quorum the quorum component
   * @param outcome the outcome component
   * @param late the late component
   */
  public DeliberationEvent {
    Preconditions.checkArgument(sequence >= 1, "sequence must be >= 1, not %s", sequence);
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bodyId, "bodyId");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(sittingBy, "sittingBy");
    attendees = ImmutableSortedSet.copyOf(attendees);
    Objects.requireNonNull(outcome, "outcome");
    Preconditions.checkArgument(
        members >= 0 && quorum >= 0, "case %s: members and quorum are >= 0", caseId);
  }

  /**
   * Returns whether a sitting met its quorum.
   *
   * @return for {@link Kind#SAT}: members present and at least the quorum attended
   */
  public boolean quorumMet() {
    return kind == Kind.SAT && members > 0 && attendees.size() >= quorum;
  }

  /** What happened. */
  public enum Kind {
    /** 提交议事/调解: the case was referred to a body; its clocks pause. */
    REFERRED,
    /** 开会/调解会: the body sat on the case. */
    SAT,
    /** 决定: the body decided; unless deferred, the case's clocks run again. */
    DECIDED
  }
}
