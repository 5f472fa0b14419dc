package org.gridgov.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.Role;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuthorizationPolicy} for persons of the staff registry, layered on another (usually
 * {@link JurisdictionAuthorizationPolicy}): a principal's id must be a person of the {@link
 * StaffDesk}'s current registry, and at the command's instant the person must hold a role that acts
 * as the principal's {@link Role} in a region containing the principal's jurisdiction (a department
 * staff member: containing a location of the case). A grid worker acting for an office (accept,
 * return, resolve, request an extension) must be the person the desk gave the case to, when it gave
 * it to someone. Then the wrapped policy decides. Residents pass to the wrapped policy unchanged.
 *
 * <p>The policy reads the desk's current registry and holdings, which change only through the
 * desk's own deterministic calls; refusals name person ids, roles, regions and rules only.
 */
public final class StaffAuthorizationPolicy implements AuthorizationPolicy {
  /** The rule a refusal by role names. */
  private static final String ROLES_HELD = "rule: a person acts in the roles held at the instant";

  private final AuthorizationPolicy delegate;
  private final StaffDesk desk;

  private StaffAuthorizationPolicy(AuthorizationPolicy delegate, StaffDesk desk) {
    this.delegate = delegate;
    this.desk = desk;
  }

  /**
   * Returns the policy.
   *
   * @param delegate the policy that decides after the staff checks
   * @param desk the desk whose registry and holdings are consulted
   * @return the policy
   */
  public static StaffAuthorizationPolicy of(AuthorizationPolicy delegate, StaffDesk desk) {
    return new StaffAuthorizationPolicy(
        Objects.requireNonNull(delegate, "delegate"), Objects.requireNonNull(desk, "desk"));
  }

  @Override
  public Optional<String> principalRefusal(Principal principal) {
    if (principal.role() != Role.RESIDENT) {
      StaffRegistry registry = desk.registry();
      if (!PersonId.isValid(principal.id())
          || registry.assignmentsOf(PersonId.of(principal.id())).isEmpty()) {
        return Optional.of(
            "it is not a person of the staff registry (edition " + registry.edition() + ")");
      }
    }
    return delegate.principalRefusal(principal);
  }

  @Override
  public boolean sees(Principal principal, CaseFacts facts, CaseState state) {
    return delegate.sees(principal, facts, state);
  }

  @Override
  public Optional<String> refusal(Command command, CaseFacts facts, CaseState state) {
    Principal p = command.actor();
    if (p.role() != Role.RESIDENT) {
      Optional<String> staff = staffRefusal(p, command.at(), facts);
      if (staff.isPresent()) {
        return staff;
      }
      Optional<String> assigned = assigneeRefusal(p, command);
      if (assigned.isPresent()) {
        return assigned;
      }
    }
    return delegate.refusal(command, facts, state);
  }

  private Optional<String> staffRefusal(Principal p, Instant at, CaseFacts facts) {
    StaffRegistry registry = desk.registry();
    PersonId person = PersonId.of(p.id());
    if (p.regionCode().isPresent()) {
      long region = p.regionCode().getAsLong();
      return registry.holds(person, p.role(), region, at)
          ? Optional.empty()
          : Optional.of(
              "person "
                  + person
                  + " holds no role acting as "
                  + p.role()
                  + " over "
                  + region
                  + " at "
                  + at
                  + " (staff registry edition "
                  + registry.edition()
                  + "; "
                  + ROLES_HELD
                  + ")");
    }
    for (int i = 0; i < facts.locationCodes().length(); i++) {
      if (registry.holds(person, p.role(), facts.locationCodes().get(i), at)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "person "
            + person
            + " holds no role acting as "
            + p.role()
            + " over the case's location at "
            + at
            + " (staff registry edition "
            + registry.edition()
            + "; "
            + ROLES_HELD
            + ")");
  }

  private Optional<String> assigneeRefusal(Principal p, Command c) {
    if (p.role() != Role.GRID_WORKER) {
      return Optional.empty();
    }
    @Nullable String handler = actingOffice(c.action());
    Optional<PersonId> assignee = desk.assignee(c.caseId());
    if (handler == null || assignee.isEmpty() || assignee.get().value().equals(p.id())) {
      return Optional.empty();
    }
    return Optional.of(
        "the case is assigned to person " + assignee.get() + " at " + handler + " (派单到人)");
  }

  private static @Nullable String actingOffice(Command.Action a) {
    if (a instanceof Command.Accept ac) {
      return ac.handlerId();
    } else if (a instanceof Command.Return rt) {
      return rt.handlerId();
    } else if (a instanceof Command.Resolve rs) {
      return rs.handlerId();
    } else if (a instanceof Command.RequestExtension rx) {
      return rx.handlerId();
    }
    return null;
  }
}
