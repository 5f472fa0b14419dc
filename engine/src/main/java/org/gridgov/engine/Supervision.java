package org.gridgov.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervision (督办) of a case as its events give it: the level, when it was opened, its
 * deadline, how often the holder was urged (催办) and the supervision escalated, and, once closed,
 * the finding. A case has at most one supervision open at a time; a new one replaces a closed one.
 *
 * @param level the current level's name
 * @param openedAt when it was opened
 * @param dueAt the supervision's deadline (moved by each escalation)
 * @param urgeCount how many times the holder was urged
 * @param escalationCount how many times the supervision's deadline passed and its level rose
 * @param closedAt when it was closed, empty while open
 * @param finding the closing finding, empty while open
 */
public record Supervision(
    String level,
    Instant openedAt,
    Instant dueAt,
    int urgeCount,
    int escalationCount,
    Optional<Instant> closedAt,
    Optional<String> finding) {

  /**
   * Validates.
   *
   * @param level the level component
   * @param openedAt the openedAt component
   * @param dueAt the dueAt component
   * @param urgeCount the urgeCount component
   * @param escalationCount the escalationCount component
   * @param closedAt the closedAt component
   * @param finding the finding component
   */
  public Supervision {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(finding, "finding");
  }

  /**
   * Returns whether the supervision is open.
   *
   * @return whether open
   */
  public boolean isOpen() {
    return closedAt.isEmpty();
  }

  /** This supervision after an urge (催办). */
  Supervision urged() {
    return new Supervision(
        level, openedAt, dueAt, urgeCount + 1, escalationCount, closedAt, finding);
  }

  /** This supervision escalated to {@code toLevel} with a new deadline. */
  Supervision escalated(String toLevel, Instant newDueAt) {
    return new Supervision(
        toLevel, openedAt, newDueAt, urgeCount, escalationCount + 1, closedAt, finding);
  }

  /** This supervision with its deadline moved (a new calendar edition). */
  Supervision revised(Instant newDueAt) {
    return new Supervision(
        level, openedAt, newDueAt, urgeCount, escalationCount, closedAt, finding);
  }

  /** This supervision closed at {@code at} with a finding. */
  Supervision closed(Instant at, String closingFinding) {
    return new Supervision(
        level,
        openedAt,
        dueAt,
        urgeCount,
        escalationCount,
        Optional.of(at),
        Optional.of(closingFinding));
  }
}
