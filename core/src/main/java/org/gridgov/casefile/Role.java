package org.gridgov.casefile;

/**
 * The role of an actor who acts on a case. Events record it; the case engine combines it with a
 * jurisdiction to decide what an actor may do.
 */
public enum Role {
  /** A resident reporting a case (百姓说事). */
  RESIDENT,
  /** A grid worker (网格员), acting in the grids assigned to them. */
  GRID_WORKER,
  /** A dispatcher in a command centre (指挥中心). */
  DISPATCHER,
  /** Staff of a functional department (职能部门), acting on cases dispatched or summoned to it. */
  DEPARTMENT_STAFF,
  /** A supervisor who checks and closes cases (核查/结案). */
  SUPERVISOR,
  /** A leader who may give instructions and escalate manually (领导批示). */
  LEADER
}
