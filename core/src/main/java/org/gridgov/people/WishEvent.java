package org.gridgov.people;

import com.google.common.base.Preconditions;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a {@link WishBoard}'s append-only log. Persons are pseudonymous ids only: the
 * resident who posted (and confirms), or the claimant. The wish's community, size and fulfilment
 * deadline are repeated on every event so that indicators read the log alone.
 *
 * @param sequence the entry's place in the board's log: 1, 2, 3, ...
 * @param wish the wish
 * @param at when
 * @param kind what happened
 * @param person the poster ({@link Kind#POSTED}, {@link Kind#FULFILLED}) or the claimant
 * @param communityCode the wish's community
 * @param size how many claimants the wish needs
 * @param dueAt the wish's fulfilment deadline
 */
public record WishEvent(
    long sequence,
    WishId wish,
    Instant at,
    Kind kind,
    PersonId person,
    long communityCode,
    int size,
    Instant dueAt) {

  /**
   * Validates.
   *
   * @param sequence the sequence component
   * @param wish the wish component
   * @param at the at component
   * @param kind the kind component
   * @param person the person component
   * @param communityCode the communityCode component
   * @param size the size component
   * @param dueAt the dueAt component
   */
  public WishEvent {
    Preconditions.checkArgument(sequence >= 1, "a wish event's sequence is >= 1, not %s", sequence);
    Objects.requireNonNull(wish, "wish");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(person, "person");
    Preconditions.checkArgument(size >= 1, "wish %s: size is >= 1, not %s", wish, size);
    Objects.requireNonNull(dueAt, "dueAt");
  }

  /** What happened to a wish. */
  public enum Kind {
    /** 发布: a resident posted the wish. */
    POSTED,
    /** 认领: a party member or volunteer claimed it. */
    CLAIMED,
    /** 撤回认领: a claimant withdrew. */
    WITHDRAWN,
    /** 圆梦: the resident confirmed it fulfilled. */
    FULFILLED
  }
}
