package org.gridgov.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.Command;
import org.gridgov.json.CaseJson;
import org.jspecify.annotations.Nullable;

/**
 * Writes a batch of commands' appends ({@link EventStore#appendCommands}) with a fixed number of
 * round trips whatever the batch's size: the positions of all its events allocated once (one update
 * of the store row, one read back, one stamp of the partition's lease row), then one JDBC batch
 * each for the new cases' rows, the continued cases' rows (one row per case, however many of the
 * batch's commands touched it), the events and the accepted commands' rows. The same rows as one
 * {@code appendCommand} per command, in the same order of positions. Does not commit.
 */
final class BatchWriter {
  private static final CaseJson JSON = CaseJson.unmasked();

  private final PreparedStatement allocate;
  private final PreparedStatement lastPosition;
  private final PreparedStatement insertCase;
  private final PreparedStatement advanceCase;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertCommand;

  /** What a write found: the first position of each command, or the case another writer changed. */
  record Result(ImmutableList<Long> firsts, @Nullable CaseId conflictCase, long expected) {}

  BatchWriter(Connection connection) throws SQLException {
    allocate =
        connection.prepareStatement(
            "UPDATE gridgov_store SET last_position = last_position + ?, "
                + "now_ms = CASE WHEN now_ms IS NULL OR now_ms < ? THEN ? ELSE now_ms END, "
                + "last_command_id = ? WHERE id = 1");
    lastPosition =
        connection.prepareStatement("SELECT last_position FROM gridgov_store WHERE id = 1");
    insertCase =
        connection.prepareStatement(
            "INSERT INTO gridgov_cases (case_id, report_position, last_seq, facts, partition_key)"
                + " VALUES (?, ?, ?, ?, ?)");
    advanceCase =
        connection.prepareStatement(
            "UPDATE gridgov_cases SET last_seq = ? WHERE case_id = ? AND last_seq = ?");
    insertEvent =
        connection.prepareStatement(
            "INSERT INTO gridgov_events (case_id, seq, log_position, event_type, at_ms, command_id,"
                + " payload, partition_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insertCommand =
        connection.prepareStatement(
            "INSERT INTO gridgov_commands (command_id, case_id, at_ms, first_position, event_count,"
                + " principal, payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
  }

  /** A case's span in the batch: first and last sequence, index of its first event in the batch. */
  private static final class Span {
    final long from;
    long to;
    final int firstIndex;

    Span(long from, long to, int firstIndex) {
      this.from = from;
      this.to = to;
      this.firstIndex = firstIndex;
    }
  }

  /**
   * Writes the batch under the lease (the fencing check is the stamp); returns the first positions,
   * or the first case another writer changed (the caller rolls back).
   *
   * @throws IllegalArgumentException if a case's events are not consecutive, a new case has no
   *     facts, or facts are given for a case the batch does not start
   * @throws PartitionFencedException if the lease was taken over
   */
  Result write(
      List<CommandAppend> appends,
      Leases leases,
      @Nullable PartitionLease lease,
      String partitionKey)
      throws SQLException {
    Map<CaseId, Span> spans = new LinkedHashMap<>();
    Map<CaseId, CaseFacts> facts = new HashMap<>();
    int total = 0;
    long nowMs = Long.MIN_VALUE;
    for (CommandAppend a : appends) {
      a.reported().ifPresent(f -> facts.put(f.id(), f));
      for (CaseEvent ev : a.events()) {
        Span s = spans.get(ev.caseId());
        if (s == null) {
          spans.put(ev.caseId(), new Span(ev.sequence(), ev.sequence(), total));
        } else {
          checkArgument(
              ev.sequence() == s.to + 1,
              "events of case %s are not consecutive: sequence %s follows %s",
              ev.caseId(),
              ev.sequence(),
              s.to);
          s.to = ev.sequence();
        }
        total++;
      }
      nowMs = Math.max(nowMs, a.command().at().toEpochMilli());
    }
    checkFacts(spans, facts);
    String lastCommand = appends.get(appends.size() - 1).command().commandId().value();
    long first = allocate(total, nowMs, lastCommand);
    leases.stamp(lease, nowMs, lastCommand);
    @Nullable CaseId conflict = insertCases(spans, facts, first, partitionKey);
    if (conflict != null) {
      return new Result(ImmutableList.of(), conflict, 0);
    }
    Span stale = advanceCases(spans);
    if (stale != null) {
      CaseId id = idOf(spans, stale);
      return new Result(ImmutableList.of(), id, stale.from - 1);
    }
    ImmutableList<Long> firsts = insertEventsAndCommands(appends, first, partitionKey);
    if (firsts.isEmpty()) { // an event's key was stored first: report the batch's first case
      Map.Entry<CaseId, Span> e = spans.entrySet().iterator().next();
      return new Result(ImmutableList.of(), e.getKey(), e.getValue().from - 1);
    }
    return new Result(firsts, null, 0);
  }

  private static void checkFacts(Map<CaseId, Span> spans, Map<CaseId, CaseFacts> facts) {
    for (CaseId id : facts.keySet()) {
      Span s = spans.get(id);
      checkArgument(
          s != null && s.from == 1,
          "facts given for case %s, but the events do not start it (no sequence 1)",
          id);
    }
    for (Map.Entry<CaseId, Span> e : spans.entrySet()) {
      checkArgument(
          e.getValue().from > 1 || facts.containsKey(e.getKey()),
          "case %s starts in this append (sequence 1) but its facts were not given",
          e.getKey());
    }
  }

  private long allocate(int count, long nowMs, String lastCommand) throws SQLException {
    allocate.setLong(1, count);
    allocate.setLong(2, nowMs);
    allocate.setLong(3, nowMs);
    allocate.setString(4, lastCommand);
    if (allocate.executeUpdate() != 1) {
      throw new EventStoreException("the store row is missing (tables edited by hand?)");
    }
    try (ResultSet rs = lastPosition.executeQuery()) {
      if (!rs.next()) {
        throw new EventStoreException("the store row (gridgov_store, id 1) is missing");
      }
      return rs.getLong(1) - count + 1;
    }
  }

  /** One batch of the new cases' rows; returns a case another writer started first, or null. */
  private @Nullable CaseId insertCases(
      Map<CaseId, Span> spans, Map<CaseId, CaseFacts> facts, long first, String partitionKey)
      throws SQLException {
    List<CaseId> inserted = new ArrayList<>();
    for (Map.Entry<CaseId, Span> e : spans.entrySet()) {
      Span s = e.getValue();
      if (s.from == 1) {
        insertCase.setString(1, e.getKey().value());
        insertCase.setLong(2, first + s.firstIndex);
        insertCase.setLong(3, s.to);
        insertCase.setString(4, JSON.write(Objects.requireNonNull(facts.get(e.getKey()))));
        insertCase.setString(5, partitionKey);
        insertCase.addBatch();
        inserted.add(e.getKey());
      }
    }
    if (inserted.isEmpty()) {
      return null;
    }
    try {
      var unused = insertCase.executeBatch();
      return null;
    } catch (SQLException x) {
      insertCase.clearBatch();
      if (!EventStore.isDuplicate(x)) {
        throw x;
      }
      return inserted.get(0); // the caller looks up what is stored for its message
    }
  }

  /** One batch of the continued cases' rows; returns the span of a case that moved, or null. */
  private @Nullable Span advanceCases(Map<CaseId, Span> spans) throws SQLException {
    List<Span> advanced = new ArrayList<>();
    for (Map.Entry<CaseId, Span> e : spans.entrySet()) {
      Span s = e.getValue();
      if (s.from > 1) {
        advanceCase.setLong(1, s.to);
        advanceCase.setString(2, e.getKey().value());
        advanceCase.setLong(3, s.from - 1);
        advanceCase.addBatch();
        advanced.add(s);
      }
    }
    if (advanced.isEmpty()) {
      return null;
    }
    int[] counts = advanceCase.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      // H2 and PostgreSQL report each update's count (reWriteBatchedInserts rewrites inserts only)
      if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
        return advanced.get(i);
      }
    }
    return null;
  }

  private static CaseId idOf(Map<CaseId, Span> spans, Span span) {
    for (Map.Entry<CaseId, Span> e : spans.entrySet()) {
      if (e.getValue() == span) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("a span of the batch");
  }

  /**
   * One batch of all events, one of the accepted commands' rows; returns each command's first
   * position, or an empty list if an event's key was stored first by another writer.
   *
   * @throws EventStoreException if a command id was stored first by another writer
   */
  private ImmutableList<Long> insertEventsAndCommands(
      List<CommandAppend> appends, long first, String partitionKey) throws SQLException {
    ImmutableList.Builder<Long> firsts = ImmutableList.builderWithExpectedSize(appends.size());
    long pos = first;
    boolean anyCommand = false;
    for (CommandAppend a : appends) {
      Command c = a.command();
      @Nullable String commandId = a.accepted() ? c.commandId().value() : null;
      firsts.add(pos);
      long commandFirst = pos;
      for (CaseEvent ev : a.events()) {
        insertEvent.setString(1, ev.caseId().value());
        insertEvent.setLong(2, ev.sequence());
        insertEvent.setLong(3, pos++);
        insertEvent.setString(4, ev.type().payloadName());
        insertEvent.setLong(5, ev.at().toEpochMilli());
        if (commandId == null) {
          insertEvent.setNull(6, Types.VARCHAR);
        } else {
          insertEvent.setString(6, commandId);
        }
        insertEvent.setString(7, JSON.write(ev));
        insertEvent.setString(8, partitionKey);
        insertEvent.addBatch();
      }
      if (a.accepted()) {
        insertCommand.setString(1, c.commandId().value());
        insertCommand.setString(2, c.caseId().value());
        insertCommand.setLong(3, c.at().toEpochMilli());
        insertCommand.setLong(4, commandFirst);
        insertCommand.setInt(5, a.events().size());
        insertCommand.setString(6, CommandKey.principal(c.actor()));
        insertCommand.setString(7, CommandKey.payloadHash(c));
        insertCommand.addBatch();
        anyCommand = true;
      }
    }
    if (pos > first) {
      try {
        var unused = insertEvent.executeBatch();
      } catch (SQLException x) {
        insertEvent.clearBatch();
        insertCommand.clearBatch();
        if (!EventStore.isDuplicate(x)) {
          throw x;
        }
        return ImmutableList.of();
      }
    }
    if (anyCommand) {
      try {
        var unused = insertCommand.executeBatch();
      } catch (SQLException x) {
        insertCommand.clearBatch();
        if (!EventStore.isDuplicate(x)) {
          throw x;
        }
        throw new EventStoreException(
            "a command id of the batch is already stored: another writer executed it first;"
                + " nothing was written",
            x);
      }
    }
    return firsts.build();
  }
}
