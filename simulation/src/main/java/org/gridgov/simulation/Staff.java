package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRole;

/**
 * Grid workers who are not full-time on grid cases: one person holding several roles or grids
 * (一格多员、一员多用) splits their working time, and workers are absent on some working days.
 *
 * <p>The simulation applies both as a capacity factor on grid workers: a grid case takes {@code 1 ÷
 * (roleShare × (1 − absenceRate))} times its handling and travel time (a fluid approximation: the
 * worker spends only that share of the working time on grid cases). Shifts are the calendar's
 * working time ({@link WorkSchedule}).
 *
 * @param roleShare share of a grid worker's working time that goes to grid cases, in (0, 1]
 * @param absenceRate share of working days a grid worker is absent (leave, sickness, training), in
 *     [0, 1)
 */
public record Staff(double roleShare, double absenceRate) {

  /**
   * Validates.
   *
   * @param roleShare share of a grid worker's working time that goes to grid cases, in (0, 1]
   * @param absenceRate share of working days a grid worker is absent, in [0, 1)
   */
  public Staff {
    checkArgument(
        roleShare > 0 && roleShare <= 1,
        "staff.role-share must be in (0, 1] but was %s",
        roleShare);
    checkArgument(
        absenceRate >= 0 && absenceRate < 1,
        "staff.absence-rate must be in [0, 1) but was %s",
        absenceRate);
  }

  /**
   * Derives the role share from a staff registry: every person splits their working time evenly
   * over their assignments active at {@code at}; the role share is the mean share of an active
   * assignment whose role acts as a grid worker ({@link Role#GRID_WORKER}).
   *
   * @param registry the registry
   * @param at the instant its assignments are read at
   * @param absenceRate the absence rate, in [0, 1)
   * @return the staff model
   * @throws IllegalArgumentException if no active assignment acts as a grid worker at {@code at}
   */
  public static Staff fromRegistry(StaffRegistry registry, Instant at, double absenceRate) {
    Map<PersonId, Integer> active = new HashMap<>();
    for (Assignment a : registry.assignments()) {
      if (a.isActiveAt(at)) {
        active.merge(a.person(), 1, Integer::sum);
      }
    }
    double sum = 0;
    int gridAssignments = 0;
    for (Assignment a : registry.assignments()) {
      StaffRole role = registry.roles().get(a.roleCode());
      if (a.isActiveAt(at) && role.actsAs().orElse(null) == Role.GRID_WORKER) {
        sum += 1.0 / active.getOrDefault(a.person(), 1);
        gridAssignments++;
      }
    }
    checkArgument(
        gridAssignments > 0,
        "the staff registry (edition %s) has no grid-worker assignment active at %s",
        registry.edition(),
        at);
    return new Staff(sum / gridAssignments, absenceRate);
  }

  /**
   * Returns the share of nominal grid-worker capacity that works on grid cases: {@code roleShare ×
   * (1 − absenceRate)}.
   *
   * @return the factor, in (0, 1]
   */
  public double capacityFactor() {
    return roleShare * (1 - absenceRate);
  }
}
