package org.gridgov.simulation.spark;

import java.io.Serializable;

/**
 * One Spark task: replication {@code replication} of design point {@code point} (the index of the
 * swept value).
 *
 * @param point the value's index in the sweep
 * @param replication the replication number, from 0
 */
record ReplicationTask(int point, int replication) implements Serializable {
  private static final long serialVersionUID = 1L;
}
