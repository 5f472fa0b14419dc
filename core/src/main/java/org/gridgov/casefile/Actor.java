package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import org.gridgov.internal.TupleStyle;
import org.immutables.value.Value;

/**
 * Who caused an event: an id the embedder assigns (a staff number, a department code, {@code
 * system}) and the {@link Role} in which they acted.
 *
 * <p>Immutable; equal when id and role are equal.
 */
@Value.Immutable
@TupleStyle
public abstract class Actor {

  Actor() {}

  /**
   * Returns the actor's id.
   *
   * @return the id, never blank
   */
  public abstract String id();

  /**
   * Returns the role in which the actor acted.
   *
   * @return the role
   */
  public abstract Role role();

  /**
   * Returns an actor.
   *
   * @param id the actor's id
   * @param role the role
   * @return the actor
   * @throws IllegalArgumentException if the id is blank
   */
  public static Actor of(String id, Role role) {
    return ImmutableActor.of(id, role);
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an actor id must not be blank");
  }

  /** Renders as {@code w-17 (GRID_WORKER)}. */
  @Override
  public String toString() {
    return id() + " (" + role() + ")";
  }
}
