package org.gridgov.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.people.PersonId;

/**
 * What a {@link StaffDesk} did with a case and a person: its own append-only log beside the case
 * log, from which the desk is {@linkplain StaffDesk#restore restored} and per-person workload is
 * counted. Persons appear by pseudonymous id only.
 *
 * @param at when
 * @param caseId the case
 * @param kind what happened
 * @param handlerId the office holding the case
 * @param roleCode the staff role serving that office
 * @param person the person who now has the case (empty for {@code QUEUED}, {@code RELEASED}, and a
 *     {@code HANDED_BACK} that found no successor)
 * @param previous the person who had it before ({@code HANDED_BACK}, {@code RELEASED})
 * @param rule the assignment rule's name, or the reason of a release
 */
public record StaffEvent(
    Instant at,
    CaseId caseId,
    Kind kind,
    String handlerId,
    String roleCode,
    Optional<PersonId> person,
    Optional<PersonId> previous,
    String rule) {

  /** Kinds of staff event. */
  public enum Kind {
    /** The rule gave the case to a person. */
    ASSIGNED,
    /** Nobody covers the office in its role: the case waits in the office's queue. */
    QUEUED,
    /** Its person left the role (调岗/离岗); the rule gave it to a successor or back to the queue. */
    HANDED_BACK,
    /** The case left the office (closed, ended, moved on): the person no longer has it. */
    RELEASED
  }

  /**
   * Validates.
   *
   * @param at when
   * @param caseId the case
   * @param kind what
   * @param handlerId the office
   * @param roleCode the role
   * @param person the person now
   * @param previous the person before
   * @param rule the rule or reason
   */
  public StaffEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(roleCode, "roleCode");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(rule, "rule");
  }

  /** Renders as {@code 2024-…Z c-1 ASSIGNED office:… grid_worker → p-1 (own-worker)}. */
  @Override
  public String toString() {
    return at
        + " "
        + caseId
        + " "
        + kind
        + " "
        + handlerId
        + " "
        + roleCode
        + previous.map(p -> " " + p).orElse("")
        + " → "
        + person.map(PersonId::toString).orElse("queue")
        + " ("
        + rule
        + ")";
  }
}
