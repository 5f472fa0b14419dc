package org.gridgov.engine;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Collection;
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
    Preconditions.checkArgument(
        size.isPresent() == (kind == Kind.REFERRED)
            && outcome.isPresent() == (kind == Kind.DECIDED)
            && (kind == Kind.SAT || (attendees.isEmpty() && members == 0 && quorum == 0))
            && (kind != Kind.REFERRED || sittingBy.isPresent())
            && (kind != Kind.SAT || sittingBy.isEmpty())
            && (kind == Kind.DECIDED || !late),
        "case %s, entry #%s: a %s entry has a size only when referred, a sitting-by time only when"
            + " referred or deferred, attendance only when sat, an outcome and lateness only when"
            + " decided",
        caseId,
        sequence,
        kind);
  }

  /**
   * Creates a {@link Kind#REFERRED} entry: a case referred to a body, waiting for a sitting.
   *
   * @param sequence the entry's place in the log
   * @param caseId the case
   * @param at when
   * @param bodyId the body
   * @param regionCode the case's first location
   * @param size the matter's size
   * @param sittingBy the sitting the referral waits for
   * @return the entry
   */
  public static DeliberationEvent referred(
      long sequence,
      CaseId caseId,
      Instant at,
      String bodyId,
      long regionCode,
      MatterSize size,
      Instant sittingBy) {
    return new DeliberationEvent(
        sequence,
        caseId,
        at,
        Kind.REFERRED,
        bodyId,
        regionCode,
        Optional.of(size),
        Optional.of(sittingBy),
        ImmutableSortedSet.of(),
        0,
        0,
        Optional.empty(),
        false);
  }

  /**
   * Creates a {@link Kind#SAT} entry: a sitting on a case, with its attendance and quorum.
   *
   * @param sequence the entry's place in the log
   * @param caseId the case
   * @param at when
   * @param bodyId the body
   * @param regionCode the case's first location
   * @param attendees who attended
   * @param members how many members the body had at the sitting
   * @param quorum how many had to attend
   * @return the entry
   */
  public static DeliberationEvent sat(
      long sequence,
      CaseId caseId,
      Instant at,
      String bodyId,
      long regionCode,
      Collection<PersonId> attendees,
      int members,
      int quorum) {
    return new DeliberationEvent(
        sequence,
        caseId,
        at,
        Kind.SAT,
        bodyId,
        regionCode,
        Optional.empty(),
        Optional.empty(),
        ImmutableSortedSet.copyOf(attendees),
        members,
        quorum,
        Optional.empty(),
        false);
  }

  /**
   * Creates a {@link Kind#DECIDED} entry: the body's decision on a case.
   *
   * @param sequence the entry's place in the log
   * @param caseId the case
   * @param at when
   * @param bodyId the body
   * @param regionCode the case's first location
   * @param outcome the decision
   * @param nextSitting the next sitting, for a deferral; else empty
   * @param late whether decided on a later day than the awaited sitting
   * @return the entry
   */
  public static DeliberationEvent decided(
      long sequence,
      CaseId caseId,
      Instant at,
      String bodyId,
      long regionCode,
      BodyKind.Outcome outcome,
      Optional<Instant> nextSitting,
      boolean late) {
    return new DeliberationEvent(
        sequence,
        caseId,
        at,
        Kind.DECIDED,
        bodyId,
        regionCode,
        Optional.empty(),
        nextSitting,
        ImmutableSortedSet.of(),
        0,
        0,
        Optional.of(outcome),
        late);
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
