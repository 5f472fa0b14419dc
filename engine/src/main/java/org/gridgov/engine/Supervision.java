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
}
