package org.gridgov.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows of the application's own tables written in the transaction that stores a batch of commands
 * ({@link DurableCaseEngine#executeAll(List, SameTransaction)}): they are committed together with
 * the batch's events, or not at all, and the batch costs one commit.
 */
@FunctionalInterface
public interface SameTransaction {
  /**
   * Writes the application's rows; called once, after the batch's events are written and before the
   * commit. It must not commit, roll back or close the connection.
   *
   * @param connection the store's connection, in the batch's transaction
   * @param outcomes the batch's outcomes, one per command in order (refusals included)
   * @throws SQLException if a write fails: the whole batch is rolled back
   */
  void write(Connection connection, List<CommandOutcome> outcomes) throws SQLException;
}
