package org.gridgov.simulation.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * Failures to inject into tasks, to show that a retried task gives the same result: the first
 * attempt of one replication fails. {@link #NONE} outside tests.
 *
 * @param task the replication whose first attempt fails, or {@code null} for none
 */
record TaskFaults(@Nullable ReplicationTask task) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No failure. */
  static final TaskFaults NONE = new TaskFaults(null);

  /** Throws if this is the first attempt of the chosen replication. */
  void beforeRun(ReplicationTask current) {
    TaskContext context = TaskContext.get();
    if (current.equals(task) && context != null && context.attemptNumber() == 0) {
      throw new IllegalStateException(
          "injected failure of the first attempt (attempt " + context.attemptNumber() + ")");
    }
  }
}
