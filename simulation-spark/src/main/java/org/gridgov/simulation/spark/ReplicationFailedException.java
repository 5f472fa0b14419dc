package org.gridgov.simulation.spark;

/**
 * A Spark task's replication failed: names the design point (swept parameter and value) and the
 * replication, then the cause's type and message. Thrown inside the task; Spark carries its message
 * to the driver, where {@link SparkSweeps} turns it into the exception the caller gets.
 */
final class ReplicationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Starts every message, so the driver can find it in Spark's job failure text. */
  static final String MARKER = "gridgov replication failed: ";

  ReplicationFailedException(String where, RuntimeException cause) {
    super(
        MARKER + where + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
        cause);
  }
}
