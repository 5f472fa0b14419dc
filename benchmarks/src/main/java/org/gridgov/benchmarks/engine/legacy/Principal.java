package org.gridgov.benchmarks.engine.legacy;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who issues a command: an id, a {@link Role} and a jurisdiction. A region jurisdiction is the code
 * of a region whose whole subtree the actor may act in (a grid worker's grid, a street dispatcher's
 * street); a handler jurisdiction is a handler id (a department staff member acts for {@code
 * dept:<name>}); residents have none.
 *
 * @param id the actor's id, as written into events
 * @param role the role
 * @param regionCode the region subtree, for region jurisdictions
 * @param handlerId the handler id, for department staff
 */
public record Principal(String id, Role role, OptionalLong regionCode, @Nullable String handlerId) {

  /**
   * Validates: residents have no jurisdiction, department staff a handler id, every other role a
   * region code.
   *
   * @param id the id
   * @param role the role
   * @param regionCode the region code
   * @param handlerId the handler id
   */
  public Principal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(regionCode, "regionCode");
    checkArgument(!id.isBlank(), "an actor id must not be blank");
    switch (role) {
      case RESIDENT ->
          checkArgument(
              regionCode.isEmpty() && handlerId == null, "resident %s has no jurisdiction", id);
      case DEPARTMENT_STAFF ->
          checkArgument(
              regionCode.isEmpty() && handlerId != null && !handlerId.isBlank(),
              "department staff %s needs a handler (department) id as jurisdiction",
              id);
      default ->
          checkArgument(
              regionCode.isPresent() && handlerId == null,
              "%s %s needs a region code as jurisdiction",
              role,
              id);
    }
  }

  /**
   * A resident (群众): may report and evaluate.
   *
   * @param id the id
   * @return the principal
   */
  public static Principal resident(String id) {
    return new Principal(id, Role.RESIDENT, OptionalLong.empty(), null);
  }

  /**
   * An actor with a region subtree as jurisdiction (grid worker, dispatcher, supervisor, leader).
   *
   * @param id the id
   * @param role any role but {@code RESIDENT} and {@code DEPARTMENT_STAFF}
   * @param regionCode the root of the subtree
   * @return the principal
   */
  public static Principal inRegion(String id, Role role, long regionCode) {
    return new Principal(id, role, OptionalLong.of(regionCode), null);
  }

  /**
   * A department staff member acting for a handler id such as {@code dept:water}.
   *
   * @param id the id
   * @param handlerId the department's handler id
   * @return the principal
   */
  public static Principal ofDepartment(String id, String handlerId) {
    Objects.requireNonNull(handlerId, "handlerId");
    return new Principal(id, Role.DEPARTMENT_STAFF, OptionalLong.empty(), handlerId);
  }

  /**
   * Returns the actor as written into events (id and role).
   *
   * @return the event actor
   */
  public Actor actor() {
    return Actor.of(id, role);
  }

  @Override
  public String toString() {
    String j =
        regionCode.isPresent()
            ? " in " + regionCode.getAsLong()
            : handlerId != null ? " for " + handlerId : "";
    return id + " (" + role + j + ")";
  }
}
