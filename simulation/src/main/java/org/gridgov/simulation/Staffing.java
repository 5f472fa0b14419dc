package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * How many cases each kind of holder works on at once (its servers): grid workers per grid, staff
 * per office above the grid, and per department.
 *
 * @param workersPerGrid grid workers (网格员) per grid, {@code >= 1}
 * @param communityStaff case handlers per community office, {@code >= 1}
 * @param streetStaff case handlers per street office, {@code >= 1}
 * @param districtStaff case handlers per district office (command centre), {@code >= 1}
 * @param cityStaff case handlers of the city office, {@code >= 1}
 * @param departmentDefault case handlers per department or outside party not listed in {@code
 *     departments}
 * @param departments case handlers per department handler id (e.g. {@code dept:water}), each {@code
 *     >= 1}
 */
public record Staffing(
    int workersPerGrid,
    int communityStaff,
    int streetStaff,
    int districtStaff,
    int cityStaff,
    int departmentDefault,
    ImmutableSortedMap<String, Integer> departments) {

  /**
   * Validates.
   *
   * @param cityStaff case handlers of the city office, {@code >= 1}
   * @param communityStaff case handlers per community office, {@code >= 1}
   * @param departmentDefault case handlers per department or outside party not listed in {@code
   *     departments}
   * @param departments case handlers per department handler id (e.g. {@code dept:water}), each
   *     {@code >= 1}
   * @param districtStaff case handlers per district office (command centre), {@code >= 1}
   * @param streetStaff case handlers per street office, {@code >= 1}
   * @param workersPerGrid grid workers (网格员) per grid, {@code >= 1}
   */
  public Staffing {
    positive("workersPerGrid", workersPerGrid);
    positive("communityStaff", communityStaff);
    positive("streetStaff", streetStaff);
    positive("districtStaff", districtStaff);
    positive("cityStaff", cityStaff);
    positive("departmentDefault", departmentDefault);
    for (Map.Entry<String, Integer> e : departments.entrySet()) {
      positive("departments." + e.getKey(), e.getValue());
    }
  }

  /**
   * Returns the defaults: 1 worker per grid, 2 per community, 4 per street, 8 per district, 8 for
   * the city, 20 per department.
   *
   * @return the defaults
   */
  public static Staffing defaults() {
    return new Staffing(1, 2, 4, 8, 8, 20, ImmutableSortedMap.of());
  }

  /**
   * Returns a copy with another number of workers per grid.
   *
   * @param workers grid workers per grid
   * @return the copy
   */
  public Staffing withWorkersPerGrid(int workers) {
    return new Staffing(
        workers,
        communityStaff,
        streetStaff,
        districtStaff,
        cityStaff,
        departmentDefault,
        departments);
  }

  /**
   * Returns a copy with another default department capacity.
   *
   * @param capacity handlers per department
   * @return the copy
   */
  public Staffing withDepartmentDefault(int capacity) {
    return new Staffing(
        workersPerGrid,
        communityStaff,
        streetStaff,
        districtStaff,
        cityStaff,
        capacity,
        departments);
  }

  /**
   * Returns the capacity of a department or outside party.
   *
   * @param handlerId e.g. {@code dept:water}
   * @return its handlers
   */
  public int department(String handlerId) {
    return departments.getOrDefault(handlerId, departmentDefault);
  }

  private static void positive(String name, int value) {
    checkArgument(value >= 1, "%s must be >= 1 but was %s", name, value);
  }
}
