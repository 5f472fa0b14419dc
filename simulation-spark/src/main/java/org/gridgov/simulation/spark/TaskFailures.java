package org.gridgov.simulation.spark;

import org.apache.spark.SparkException;
import org.gridgov.TextParseException;
import org.jspecify.annotations.Nullable;

/**
 * Turns Spark's job failure into the exception the caller of {@link SparkSweeps} gets: the failed
 * replication's message (design point, replication, cause), as an {@link IllegalArgumentException}
 * when the cause was bad input, an {@link IllegalStateException} otherwise.
 */
final class TaskFailures {
  private TaskFailures() {}

  /**
   * Returns what to throw for a failure of the sweep's job.
   *
   * @param e what the job threw (a {@link SparkException} when a task failed for good)
   * @return the replication's failure if a replication failed, else {@code e} (wrapped if checked)
   */
  static RuntimeException rethrow(Exception e) {
    RuntimeException mapped = fromTask(e);
    if (mapped != null) {
      return mapped;
    }
    return e instanceof RuntimeException re
        ? re
        : new IllegalStateException("the Spark job of the sweep failed: " + e.getMessage(), e);
  }

  /** The replication's failure, from the exception chain or (on a cluster) Spark's text. */
  private static @Nullable RuntimeException fromTask(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ReplicationFailedException rf) {
        return map(message(rf.getMessage()), rf.getCause(), e);
      }
    }
    String text = e.getMessage();
    if (text == null) {
      return null;
    }
    int at = text.indexOf(ReplicationFailedException.MARKER);
    return at < 0 ? null : map(firstLine(text.substring(at)), null, e);
  }

  private static RuntimeException map(
      @Nullable String message, @Nullable Throwable cause, Throwable job) {
    String m = message == null ? "a replication failed" : message;
    boolean badInput =
        cause != null
            ? cause instanceof IllegalArgumentException || cause instanceof TextParseException
            : m.contains(": IllegalArgumentException: ") || m.contains(": TextParseException: ");
    RuntimeException out =
        badInput ? new IllegalArgumentException(m, job) : new IllegalStateException(m, job);
    return out;
  }

  private static @Nullable String message(@Nullable String m) {
    return m == null ? null : unmarked(m);
  }

  /** The marker's line of Spark's text (the rest is a stack trace). */
  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return unmarked(nl < 0 ? text : text.substring(0, nl));
  }

  /** E.g. {@code replication failed at design point ..., replication 2 of 3 (seed 7): ...}. */
  private static String unmarked(String text) {
    String m = text.strip();
    return m.startsWith(ReplicationFailedException.MARKER)
        ? "replication failed at " + m.substring(ReplicationFailedException.MARKER.length())
        : m;
  }
}
