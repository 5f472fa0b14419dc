package org.gridgov.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventType;
import org.gridgov.engine.Command;
import org.gridgov.json.CaseJson;
import org.jspecify.annotations.Nullable;

/**
 * An append-only store of case events over JDBC, on embedded H2 (a file database) or PostgreSQL.
 *
 * <p>Tables (created and migrated by Flyway on {@link #open(DataSource)}, portable SQL): {@code
 * gridgov_events} (one row per event, primary key {@code (case_id, seq)}, a gap-free global {@code
 * log_position} in the order the engine returned the events, the event type and the event as JSON
 * text by {@link CaseJson}), {@code gridgov_cases} (one row per case: its facts as JSON, its last
 * sequence, the position of its report), {@code gridgov_commands} (the id of every accepted
 * command, with its case, instant and the positions of its events, so a retry after a restart is
 * recognised) and {@code gridgov_store} (one row: the last position, the instant of the last engine
 * call, the last command id).
 *
 * <p>Every append is one transaction: the events, the new cases' facts, the command id and the
 * store row are written together or not at all. Concurrency is optimistic per case: an append
 * carries the sequences it continues from (an event with sequence {@code n} expects the case's last
 * stored sequence to be {@code n - 1}); if the store holds anything else the append is refused with
 * an {@link AppendConflictException} naming the case, the expected and the found sequence, and
 * nothing is written. A primary-key violation (two writers racing) is mapped to the same exception.
 * Appends are serialised on the store row, which keeps the log positions gap-free and in commit
 * order.
 *
 * <p>Reading ({@link #load()}) checks every row and throws a {@link CorruptStoreException} naming
 * the case and the sequence at the first one that is wrong. Case facts are stored unmasked ({@link
 * CaseJson#unmasked()}): the store is the system of record and must give back exactly what was
 * reported.
 *
 * <p>One instance holds one connection from its data source and is not thread-safe; several
 * instances (in one or several processes) may write to one database, and conflicts between them are
 * refused as described.
 */
public final class EventStore implements AutoCloseable {
  /** The longest command id the store accepts. */
  public static final int MAX_COMMAND_ID_LENGTH = 200;

  /** The version of the table layout, written to {@code gridgov_store}. */
  public static final int SCHEMA_VERSION = 4;

  /** The table in which Flyway records the migrations it ran. */
  public static final String HISTORY_TABLE = Migrations.HISTORY_TABLE;

  /** The batch's id look-up: one array parameter, one statement whatever the batch's size. */
  static final String STORED_IDS_SQL =
      "SELECT command_id FROM gridgov_commands WHERE command_id = ANY(?)";

  private static final String DUPLICATE_KEY = "23505";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CaseJson JSON = CaseJson.unmasked();
  private static final Map<String, EventType> TYPES = types();

  private final Connection connection;
  private final String description;
  private final PreparedStatement allocate;
  private final PreparedStatement lastPosition;
  private final PreparedStatement insertCase;
  private final PreparedStatement advanceCase;
  private final PreparedStatement caseSequence;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertCommand;
  private final PreparedStatement findCommand;
  private final PreparedStatement storedIds;
  private final PreparedStatement eventsAt;
  private final Leases leases;
  private final Snapshots snapshots;
  private @Nullable PartitionLease lease;
  private @Nullable BatchWriter batchWriter; // prepared on the first batch
  private final boolean postgres;

  private EventStore(Connection connection, String description) throws SQLException {
    this.connection = connection;
    this.description = description;
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    checkSchemaVersion();
    leases = new Leases(connection);
    snapshots = new Snapshots(connection);
    allocate =
        connection.prepareStatement(
            "UPDATE gridgov_store SET last_position = last_position + ?, "
                + "now_ms = CASE WHEN now_ms IS NULL OR now_ms < ? THEN ? ELSE now_ms END, "
                + "last_command_id = COALESCE(?, last_command_id) WHERE id = 1");
    lastPosition =
        connection.prepareStatement("SELECT last_position FROM gridgov_store WHERE id = 1");
    insertCase =
        connection.prepareStatement(
            "INSERT INTO gridgov_cases (case_id, report_position, last_seq, facts, partition_key)"
                + " VALUES (?, ?, ?, ?, ?)");
    advanceCase =
        connection.prepareStatement(
            "UPDATE gridgov_cases SET last_seq = ? WHERE case_id = ? AND last_seq = ?");
    caseSequence =
        connection.prepareStatement("SELECT last_seq FROM gridgov_cases WHERE case_id = ?");
    insertEvent =
        connection.prepareStatement(
            "INSERT INTO gridgov_events (case_id, seq, log_position, event_type, at_ms, command_id, payload, "
                + "partition_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insertCommand =
        connection.prepareStatement(
            "INSERT INTO gridgov_commands (command_id, case_id, at_ms, first_position, event_count, principal, "
                + "payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    findCommand =
        connection.prepareStatement(
            "SELECT case_id, at_ms, first_position, event_count, principal, payload_hash FROM gridgov_commands "
                + "WHERE command_id = ?");
    storedIds = connection.prepareStatement(STORED_IDS_SQL);
    eventsAt =
        connection.prepareStatement(
            "SELECT case_id, seq, log_position, event_type, payload FROM gridgov_events "
                + "WHERE log_position >= ? AND log_position < ? ORDER BY log_position");
  }

  /**
   * Opens a store on a data source: brings its tables up to date with the Flyway migrations this
   * jar ships ({@code db/migration/gridgov}, history in the table {@value #HISTORY_TABLE}), then
   * takes one connection from the data source and keeps it until {@link #close()}. The tables go
   * into the connection's default schema; a schema that already holds other tables is adopted
   * (Flyway baselines it at version 0 and creates the store's tables beside them).
   *
   * @param dataSource the data source, e.g. a HikariCP pool, H2's {@code JdbcDataSource} or
   *     PostgreSQL's {@code PGSimpleDataSource}; the JDBC driver is the caller's dependency
   * @return the open store
   * @throws EventStoreException if the database cannot be reached or migrated, or holds a newer
   *     table layout
   */
  public static EventStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      Migrations.migrate(dataSource);
    } catch (
        RuntimeException
            e) { // Flyway's exceptions: the message names the script, never a row's data
      throw new EventStoreException(
          "cannot migrate the event store's tables: " + e.getMessage(), e);
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new EventStoreException(
          "cannot open a connection to the event store: " + sqlProblem(e), e);
    }
    try {
      return new EventStore(connection, redact(String.valueOf(connection.getMetaData().getURL())));
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException x) {
        e.addSuppressed(x);
      }
      if (e instanceof EventStoreException s) {
        throw s;
      }
      throw new EventStoreException(
          "cannot open the event store: "
              + (e instanceof SQLException q ? sqlProblem(q) : e.getMessage()),
          e);
    }
  }

  /**
   * Returns the JDBC URL of an embedded H2 store in a directory (the database file {@code
   * gridgov.mv.db} in it), for H2's {@code JdbcDataSource} or a pool. The URL asks for the
   * operating system's file lock (released when a process dies, so a store can be reopened at once
   * after a crash) and for every commit to be written to the file before it returns ({@code
   * WRITE_DELAY=0}; see {@code docs/event-store.md}).
   *
   * @param directory the directory, created by H2 if missing
   * @return the URL
   */
  public static String h2Url(Path directory) {
    return "jdbc:h2:file:"
        + directory.toAbsolutePath().resolve("gridgov")
        + ";FILE_LOCK=FS;WRITE_DELAY=0";
  }

  // ------------------------------------------------------------------ writing

  /**
   * Appends the events of a time advance ({@code CaseEngine.advanceTo}) in one transaction and
   * records the instant as the store's time (the store's time never goes back: an earlier instant
   * leaves it as it is).
   *
   * @param events the events, in the order the engine returned them (may be empty)
   * @param now the instant advanced to
   * @throws AppendConflictException if a case's stored history does not continue where the events
   *     begin
   * @throws IllegalArgumentException if a case's events are not consecutive, or an event starts a
   *     case
   * @throws EventStoreException if the database fails; nothing is written
   */
  public void appendAdvance(List<CaseEvent> events, Instant now) {
    var unused = write(events, List.of(), now, null, null);
  }

  /**
   * Appends, in one transaction, everything one command led to: the events of the time advance to
   * its instant, its own events if it was accepted (then its id is recorded, see {@link
   * #command(String)}), and the facts of the case it reported, if any. The command's id becomes
   * {@link StoredLog#lastCommandId()} whether it was accepted or not.
   *
   * @param command the command
   * @param accepted whether the engine accepted it (a refused command leaves only its id as the
   *     last one seen)
   * @param events the time advance's events then the command's events, in the order the engine
   *     returned them
   * @param reported the facts of the case the command reported, when it is an accepted {@code
   *     Report}
   * @return the log position of the first event (the next position if there are none)
   * @throws AppendConflictException if a case's stored history does not continue where the events
   *     begin
   * @throws IllegalArgumentException if a case's events are not consecutive, a new case has no
   *     facts, or the command id is longer than {@link #MAX_COMMAND_ID_LENGTH}
   * @throws EventStoreException if the database fails (a command id stored twice included); nothing
   *     is written
   */
  public long appendCommand(
      Command command, boolean accepted, List<CaseEvent> events, Optional<CaseFacts> reported) {
    checkArgument(
        command.commandId().value().length() <= MAX_COMMAND_ID_LENGTH,
        "command id %s is longer than %s characters",
        command.commandId(),
        MAX_COMMAND_ID_LENGTH);
    checkArgument(
        accepted || reported.isEmpty(),
        "a refused command reports no case (%s)",
        command.commandId());
    return write(
        events,
        reported.map(List::of).orElse(List.of()),
        command.at(),
        command,
        accepted ? command : null);
  }

  /**
   * Appends what several commands led to in <em>one</em> transaction (group commit): each as {@link
   * #appendCommand} would, in list order, with consecutive log positions, the last command's id as
   * {@link StoredLog#lastCommandId()}. All or nothing: if any append is refused or fails, nothing
   * of the batch is written.
   *
   * @param appends the commands' appends, in the order the engine ran them
   * @return the log position of each command's first event (the next position if it has none)
   * @throws AppendConflictException if a case's stored history does not continue where a command's
   *     events begin; nothing is written
   * @throws IllegalArgumentException as {@link #appendCommand}; nothing is written
   * @throws EventStoreException if the database fails (a command id stored twice included); nothing
   *     is written
   */
  public ImmutableList<Long> appendCommands(List<CommandAppend> appends) {
    return appendCommands(appends, null);
  }

  /** Connection work run in a batch's transaction before its commit. */
  @FunctionalInterface
  interface SqlWork {
    void run(Connection connection) throws SQLException;
  }

  /**
   * {@link #appendCommands(List)}, with {@code alsoWrite} run in the same transaction before the
   * commit (a failure rolls the whole batch back).
   */
  ImmutableList<Long> appendCommands(List<CommandAppend> appends, @Nullable SqlWork alsoWrite) {
    for (CommandAppend a : appends) { // refusals before any row is written
      checkArgument(
          a.command().commandId().value().length() <= MAX_COMMAND_ID_LENGTH,
          "command id %s is longer than %s characters",
          a.command().commandId(),
          MAX_COMMAND_ID_LENGTH);
      checkArgument(
          a.accepted() || a.reported().isEmpty(),
          "a refused command reports no case (%s)",
          a.command().commandId());
    }
    if (appends.isEmpty()) {
      return alsoWrite == null ? ImmutableList.of() : runAlone(alsoWrite);
    }
    try {
      BatchWriter w = batchWriter;
      if (w == null) {
        w = new BatchWriter(connection);
        batchWriter = w;
      }
      BatchWriter.Result r = w.write(appends, leases, lease, writingPartition().key());
      CaseId conflict = r.conflictCase();
      if (conflict != null) {
        connection.rollback();
        throw new AppendConflictException(
            conflict, Math.max(0, r.expected()), foundSequence(conflict));
      }
      if (alsoWrite != null) {
        alsoWrite.run(connection);
      }
      connection.commit();
      return r.firsts();
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "batch append to " + description + " failed, nothing was written: " + sqlProblem(e), e);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  /** Runs the application's rows alone in one transaction (a batch of retries only). */
  private ImmutableList<Long> runAlone(SqlWork work) {
    try {
      work.run(connection);
      connection.commit();
      return ImmutableList.of();
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "the rows written with a batch failed, nothing was written: " + sqlProblem(e), e);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  /**
   * Returns which of the given command ids the store holds as accepted commands, in one query.
   *
   * <p>The ids go to the database as <em>one</em> array parameter ({@code command_id = ANY(?)}),
   * one prepared statement whatever the batch's size. On PostgreSQL its transaction sets {@code
   * enable_seqscan = off} ({@code SET LOCAL}), so that the look-up reads the primary key whatever
   * the table's statistics say: a store that grows from empty keeps the plans PostgreSQL made for
   * its first rows (a prepared statement's generic plan is made once, at its sixth execution, and
   * kept until the next ANALYZE) and under-estimates a never-analysed table by its declared column
   * widths, and either way chose a sequential scan of {@code gridgov_commands} comparing every row
   * with every id (152 ms per batch at 14,000 stored commands, growing with the table), which made
   * a batch of 200 as slow as 200 single commits ({@code BatchLookupTest}).
   *
   * @param commandIds the ids (at most 1,000)
   * @return the stored ones
   * @throws IllegalArgumentException if more than 1,000 ids are given
   * @throws EventStoreException if the database fails
   */
  public ImmutableSet<String> storedCommandIds(Collection<String> commandIds) {
    checkArgument(commandIds.size() <= 1000, "%s command ids, at most 1000", commandIds.size());
    if (commandIds.isEmpty()) {
      return ImmutableSet.of();
    }
    try {
      java.sql.Array ids = connection.createArrayOf("VARCHAR", commandIds.toArray());
      ImmutableSet.Builder<String> found = ImmutableSet.builder();
      try {
        if (postgres) { // for this transaction only: the look-up reads the primary key
          try (Statement st = connection.createStatement()) {
            var unused = st.execute("SET LOCAL enable_seqscan = off");
          }
        }
        storedIds.setArray(1, ids);
        try (ResultSet rs = storedIds.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1));
          }
        }
      } finally {
        ids.free();
      }
      connection.commit();
      return found.build();
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "looking up command ids in " + description + " failed: " + sqlProblem(e), e);
    }
  }

  /**
   * Appends events with the facts of the cases they start, in one transaction, without a command.
   * For tools that copy a log; an embedder uses {@link DurableCaseEngine}.
   *
   * @param events the events in log order
   * @param newCases the facts of every case whose sequence 1 is among the events
   * @param now the instant to record as the store's time
   * @return the log position of the first event
   * @throws AppendConflictException if a case's stored history does not continue where the events
   *     begin
   * @throws IllegalArgumentException if a case's events are not consecutive or a new case has no
   *     facts
   * @throws EventStoreException if the database fails; nothing is written
   */
  public long append(List<CaseEvent> events, Collection<CaseFacts> newCases, Instant now) {
    return write(events, newCases, now, null, null);
  }

  private long write(
      List<CaseEvent> events,
      Collection<CaseFacts> newCases,
      Instant now,
      @Nullable Command seen,
      @Nullable Command accepted) {
    Map<CaseId, long[]> ranges = ranges(events);
    Map<CaseId, CaseFacts> facts = checkedFacts(ranges, newCases);
    List<String> payloads = new ArrayList<>(events.size());
    for (CaseEvent ev : events) {
      payloads.add(JSON.write(ev));
    }
    try {
      long first = allocatePositions(events.size(), now, seen);
      String partitionKey = writingPartition().key();
      @Nullable Conflict conflict = writeCaseRows(ranges, facts, first, partitionKey);
      if (conflict == null) {
        conflict = insertEvents(events, payloads, first, accepted, partitionKey);
      }
      if (conflict == null && accepted != null) {
        insertCommandRow(accepted, first, events.size());
      }
      if (conflict != null) {
        connection.rollback();
        throw new AppendConflictException(
            conflict.caseId(), conflict.expected(), foundSequence(conflict.caseId()));
      }
      connection.commit();
      return first;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "append to " + description + " failed, nothing was written: " + sqlProblem(e), e);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  /** A case another writer changed first: its id and the last sequence this append expected. */
  private record Conflict(CaseId caseId, long expected) {}

  /** The new cases' facts by id, each checked to start its case in this append, and vice versa. */
  private static Map<CaseId, CaseFacts> checkedFacts(
      Map<CaseId, long[]> ranges, Collection<CaseFacts> newCases) {
    Map<CaseId, CaseFacts> facts = new HashMap<>();
    for (CaseFacts f : newCases) {
      long[] range = ranges.get(f.id());
      checkArgument(
          range != null && range[0] == 1,
          "facts given for case %s, but the events do not start it (no sequence 1)",
          f.id());
      facts.put(f.id(), f);
    }
    for (Map.Entry<CaseId, long[]> e : ranges.entrySet()) {
      checkArgument(
          e.getValue()[0] > 1 || facts.containsKey(e.getKey()),
          "case %s starts in this append (sequence 1) but its facts were not given",
          e.getKey());
    }
    return facts;
  }

  /**
   * Takes the next {@code count} global log positions and stamps the partition's time and last
   * command; returns the first position.
   */
  private long allocatePositions(int count, Instant now, @Nullable Command seen)
      throws SQLException {
    allocate.setLong(1, count);
    allocate.setLong(2, now.toEpochMilli());
    allocate.setLong(3, now.toEpochMilli());
    setNullable(allocate, 4, seen == null ? null : seen.commandId().value());
    if (allocate.executeUpdate() != 1) {
      throw new EventStoreException(
          "the store row of " + description + " is missing (tables edited by hand?)");
    }
    long last;
    try (ResultSet rs = lastPosition.executeQuery()) {
      checkState(rs.next());
      last = rs.getLong(1);
    }
    leases.stamp(lease, now.toEpochMilli(), seen == null ? null : seen.commandId().value());
    return last - count + 1;
  }

  /**
   * Inserts the row of each case this append starts and advances the row of each case it continues;
   * returns the first case another writer changed first, or null.
   */
  private @Nullable Conflict writeCaseRows(
      Map<CaseId, long[]> ranges, Map<CaseId, CaseFacts> facts, long first, String partitionKey)
      throws SQLException {
    for (Map.Entry<CaseId, long[]> e : ranges.entrySet()) {
      CaseId id = e.getKey();
      long from = e.getValue()[0];
      long to = e.getValue()[1];
      if (from == 1) {
        insertCase.setString(1, id.value());
        insertCase.setLong(2, first + e.getValue()[2]);
        insertCase.setLong(3, to);
        insertCase.setString(4, JSON.write(Objects.requireNonNull(facts.get(id))));
        insertCase.setString(5, partitionKey);
        try {
          var unused = insertCase.executeUpdate();
        } catch (SQLException x) {
          if (!isDuplicate(x)) {
            throw x;
          }
          return new Conflict(id, 0);
        }
      } else {
        advanceCase.setLong(1, to);
        advanceCase.setString(2, id.value());
        advanceCase.setLong(3, from - 1);
        if (advanceCase.executeUpdate() != 1) {
          return new Conflict(id, from - 1);
        }
      }
    }
    return null;
  }

  /**
   * Inserts the events at positions from {@code first} in one JDBC batch; returns the conflict if
   * another writer stored one of their keys first, or null.
   */
  private @Nullable Conflict insertEvents(
      List<CaseEvent> events,
      List<String> payloads,
      long first,
      @Nullable Command accepted,
      String partitionKey)
      throws SQLException {
    long pos = first;
    for (int i = 0; i < events.size(); i++) {
      CaseEvent ev = events.get(i);
      insertEvent.setString(1, ev.caseId().value());
      insertEvent.setLong(2, ev.sequence());
      insertEvent.setLong(3, pos++);
      insertEvent.setString(4, ev.type().payloadName());
      insertEvent.setLong(5, ev.at().toEpochMilli());
      setNullable(insertEvent, 6, accepted == null ? null : accepted.commandId().value());
      insertEvent.setString(7, payloads.get(i));
      insertEvent.setString(8, partitionKey);
      insertEvent.addBatch();
    }
    if (events.isEmpty()) {
      return null;
    }
    try {
      var unused = insertEvent.executeBatch();
      return null;
    } catch (SQLException x) {
      insertEvent.clearBatch();
      if (!isDuplicate(x)) {
        throw x;
      }
      return new Conflict(events.get(0).caseId(), events.get(0).sequence() - 1);
    }
  }

  /**
   * Records the accepted command (id, principal, payload hash) with the positions of its events;
   * refuses, rolling back, if another writer stored the same id first.
   */
  private void insertCommandRow(Command accepted, long first, int eventCount) throws SQLException {
    insertCommand.setString(1, accepted.commandId().value());
    insertCommand.setString(2, accepted.caseId().value());
    insertCommand.setLong(3, accepted.at().toEpochMilli());
    insertCommand.setLong(4, first);
    insertCommand.setInt(5, eventCount);
    insertCommand.setString(6, CommandKey.principal(accepted.actor()));
    insertCommand.setString(7, CommandKey.payloadHash(accepted));
    try {
      var unused = insertCommand.executeUpdate();
    } catch (SQLException x) {
      if (!isDuplicate(x)) {
        throw x;
      }
      connection.rollback();
      throw new EventStoreException(
          String.format(
              Locale.ROOT,
              "command id %s is already stored in %s: another writer executed it first; nothing was written",
              accepted.commandId(),
              description),
          x);
    }
  }

  /**
   * Per case in order of first appearance: {first sequence, last sequence, index of its first
   * event}.
   */
  private static Map<CaseId, long[]> ranges(List<CaseEvent> events) {
    Map<CaseId, long[]> ranges = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      CaseEvent ev = events.get(i);
      long[] r = ranges.get(ev.caseId());
      if (r == null) {
        ranges.put(ev.caseId(), new long[] {ev.sequence(), ev.sequence(), i});
      } else {
        checkArgument(
            ev.sequence() == r[1] + 1,
            "events of case %s are not consecutive: sequence %s follows %s",
            ev.caseId(),
            ev.sequence(),
            r[1]);
        r[1] = ev.sequence();
      }
    }
    return ranges;
  }

  /** The highest sequence of a case in either table, for a conflict's message. */
  private long foundSequence(CaseId caseId) throws SQLException {
    long found = storedSequence(caseId);
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT MAX(seq) FROM gridgov_events WHERE case_id = ?")) {
      ps.setString(1, caseId.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          found = Math.max(found, rs.getLong(1));
        }
      }
      connection.commit();
    }
    return found;
  }

  /**
   * Returns the last sequence the store holds for a case, 0 if none.
   *
   * @param caseId the case
   * @return the last stored sequence
   * @throws EventStoreException if the database fails
   */
  public long storedSequence(CaseId caseId) {
    try {
      caseSequence.setString(1, caseId.value());
      try (ResultSet rs = caseSequence.executeQuery()) {
        long found = rs.next() ? rs.getLong(1) : 0;
        connection.commit();
        return found;
      }
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "reading case " + caseId + " from " + description + " failed", e);
    }
  }

  // ------------------------------------------------------------------ reading

  /**
   * Returns an accepted command as stored: its case, its instant, and the events appended with it
   * (the time advance's and its own), or empty if no command with this id was accepted.
   *
   * @param commandId the command id
   * @return the stored command
   * @throws CorruptStoreException if its events cannot be read back
   * @throws EventStoreException if the database fails
   */
  public Optional<StoredCommand> command(String commandId) {
    try {
      findCommand.setString(1, commandId);
      String caseId;
      long at;
      long first;
      int count;
      @Nullable String principal;
      @Nullable String payloadHash;
      try (ResultSet rs = findCommand.executeQuery()) {
        if (!rs.next()) {
          connection.commit();
          return Optional.empty();
        }
        caseId = rs.getString(1);
        at = rs.getLong(2);
        first = rs.getLong(3);
        count = rs.getInt(4);
        principal = rs.getString(5);
        payloadHash = rs.getString(6);
      }
      ImmutableList.Builder<CaseEvent> events = ImmutableList.builderWithExpectedSize(count);
      eventsAt.setLong(1, first);
      eventsAt.setLong(2, first + count);
      long expected = first;
      try (ResultSet rs = eventsAt.executeQuery()) {
        while (rs.next()) {
          Row row = Row.of(rs);
          if (row.position != expected) {
            throw new CorruptStoreException(
                row.caseId,
                row.seq,
                String.format(
                    Locale.ROOT,
                    "command %s's events should be at log positions %d to %d, but position %d is missing",
                    commandId,
                    first,
                    first + count - 1,
                    expected));
          }
          expected++;
          events.add(row.event());
        }
      }
      connection.commit();
      if (expected != first + count) {
        throw new CorruptStoreException(
            caseId,
            0,
            String.format(
                Locale.ROOT,
                "command %s's events should be at log positions %d to %d, but position %d is missing",
                commandId,
                first,
                first + count - 1,
                expected));
      }
      return Optional.of(
          new StoredCommand(
              commandId,
              caseId,
              Instant.ofEpochMilli(at),
              events.build(),
              Optional.ofNullable(principal),
              Optional.ofNullable(payloadHash)));
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "reading command " + commandId + " from " + description + " failed", e);
    }
  }

  /**
   * Reads the whole store and checks it: every case has facts, every case's sequences run 1, 2, 3,
   * … without a gap and end where its case row says, the log positions run without a gap to the
   * store's last position, every event type is known, every payload parses and matches its row.
   * Nothing is returned from a store with a bad row.
   *
   * @return the facts in report order, the events in log order, the store's time (the latest of all
   *     partitions') and last command id
   * @throws CorruptStoreException naming the case and sequence of the first bad row
   * @throws EventStoreException if the database fails
   */
  public StoredLog load() {
    return read(null);
  }

  /**
   * Reads one partition and checks it as {@link #load()} does, except that its log positions have
   * gaps (the other partitions' events): they must only rise.
   *
   * @param partition the partition
   * @return its facts in report order, its events in log order, its time and last command id
   * @throws CorruptStoreException naming the case and sequence of the first bad row
   * @throws EventStoreException if the database fails
   */
  public StoredLog load(Partition partition) {
    return read(Objects.requireNonNull(partition, "partition"));
  }

  private StoredLog read(@Nullable Partition partition) {
    String where = partition == null ? "" : " WHERE partition_key = ?";
    try (PreparedStatement cases =
            connection.prepareStatement(
                "SELECT case_id, last_seq, facts FROM gridgov_cases"
                    + where
                    + " ORDER BY report_position, case_id");
        PreparedStatement rows =
            connection.prepareStatement(
                "SELECT case_id, seq, log_position, event_type, payload FROM gridgov_events"
                    + where
                    + " ORDER BY log_position")) {
      long lastPos;
      Optional<Instant> now;
      Optional<String> lastCommand;
      if (partition == null) {
        try (Statement st = connection.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT last_position, now_ms, last_command_id FROM gridgov_store WHERE id = 1")) {
          checkState(rs.next());
          lastPos = rs.getLong(1);
          long nowMs = rs.getLong(2);
          now = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(nowMs));
          lastCommand = Optional.ofNullable(rs.getString(3));
        }
      } else {
        Leases.Clock clock = leases.clock(partition);
        lastPos = -1;
        now = Optional.ofNullable(clock.nowMs()).map(Instant::ofEpochMilli);
        lastCommand = Optional.ofNullable(clock.lastCommandId());
        cases.setString(1, partition.key());
        rows.setString(1, partition.key());
      }
      Map<String, Long> lastSeqOf = new LinkedHashMap<>();
      ImmutableMap<CaseId, CaseFacts> facts = readFacts(cases, lastSeqOf);
      ImmutableList<CaseEvent> events = readEvents(rows, lastSeqOf, lastPos, new HashMap<>());
      connection.commit();
      return new StoredLog(facts, events, now, lastCommand);
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException("reading " + description + " failed: " + sqlProblem(e), e);
    }
  }

  private static ImmutableMap<CaseId, CaseFacts> readFacts(
      PreparedStatement cases, Map<String, Long> lastSeqOf) throws SQLException {
    ImmutableMap.Builder<CaseId, CaseFacts> facts = ImmutableMap.builder();
    try (ResultSet rs = cases.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        CaseFacts f;
        try {
          f = JSON.readFacts(rs.getString(3));
        } catch (IllegalArgumentException e) {
          throw new CorruptStoreException(id, 0, "its facts cannot be read: " + e.getMessage(), e);
        }
        if (!f.id().value().equals(id)) {
          throw new CorruptStoreException(id, 0, "its facts are those of case " + f.id());
        }
        lastSeqOf.put(id, rs.getLong(2));
        facts.put(f.id(), f);
      }
    }
    return facts.buildOrThrow();
  }

  /**
   * Reads and checks the events; {@code lastPos} is the store's last position for the whole store
   * (positions checked gap-free up to it), -1 for a partition (positions checked rising); {@code
   * seen} holds each case's last sequence before the first row read (empty for a whole log, a
   * snapshot's sequences for a tail) and gets the last one read.
   */
  private static ImmutableList<CaseEvent> readEvents(
      PreparedStatement rows, Map<String, Long> lastSeqOf, long lastPos, Map<String, Long> seen)
      throws SQLException {
    ImmutableList.Builder<CaseEvent> events = ImmutableList.builder();
    @Nullable CorruptStoreException positionGap = null;
    long expectedPos = 1;
    try (ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        Row row = Row.of(rs);
        Long prev = seen.get(row.caseId);
        long expectedSeq = prev == null ? 1 : prev + 1;
        if (row.seq != expectedSeq) {
          throw new CorruptStoreException(
              row.caseId,
              row.seq,
              String.format(
                  Locale.ROOT,
                  "sequence gap: expected sequence %d next (at log position %d) but found %d",
                  expectedSeq,
                  row.position,
                  row.seq));
        }
        if (!lastSeqOf.containsKey(row.caseId)) {
          throw new CorruptStoreException(
              row.caseId, row.seq, "the case has events but no facts row");
        }
        if (positionGap == null && lastPos >= 0 && row.position != expectedPos) {
          positionGap =
              new CorruptStoreException(
                  row.caseId,
                  row.seq,
                  String.format(
                      Locale.ROOT,
                      "log positions %d to %d are missing before this event's position %d",
                      expectedPos,
                      row.position - 1,
                      row.position));
        }
        expectedPos = row.position + 1;
        seen.put(row.caseId, row.seq);
        events.add(row.event());
      }
    }
    checkCaseRows(lastSeqOf, seen);
    if (positionGap != null) {
      throw positionGap;
    }
    if (lastPos >= 0 && expectedPos - 1 != lastPos) {
      throw new CorruptStoreException(
          "-",
          0,
          String.format(
              Locale.ROOT,
              "the store row records %d events but the log ends at position %d",
              lastPos,
              expectedPos - 1));
    }
    return events.build();
  }

  private static void checkCaseRows(Map<String, Long> lastSeqOf, Map<String, Long> seen) {
    for (Map.Entry<String, Long> e : lastSeqOf.entrySet()) {
      long stored = seen.getOrDefault(e.getKey(), 0L);
      if (stored != e.getValue()) {
        throw new CorruptStoreException(
            e.getKey(),
            stored + 1,
            String.format(
                Locale.ROOT,
                "the case row records %d events but the events end at sequence %d",
                e.getValue(),
                stored));
      }
    }
  }

  // ------------------------------------------------------------------ snapshots

  /**
   * Stores a snapshot of this store's partition engine, taken after its last append, at the
   * partition's last log position: serialised and compressed first, then one short transaction that
   * checks the lease (fencing), inserts the row and drops all but the newest {@code keep} snapshots
   * of the partition. Another partition's writers are not held up (the transaction locks only this
   * partition's lease row). Does nothing if a snapshot at that position is stored.
   *
   * @return the log position the snapshot covers
   * @throws PartitionFencedException if the lease was taken over; nothing is written
   * @throws EventStoreException if the database fails; nothing is written
   */
  long saveSnapshot(org.gridgov.engine.EngineSnapshot snapshot, int keep) {
    PartitionLease held =
        Objects.requireNonNull(lease, "a snapshot is written under a partition lease");
    byte[] payload =
        Snapshots.gzip(org.gridgov.json.EngineSnapshotJson.toBytes(snapshot)); // outside the tx
    Partition partition = held.partition();
    try {
      leases.fence(held);
      long position = lastPositionOf(partition);
      if (!snapshots.exists(partition, position)) {
        snapshots.insert(
            partition,
            position,
            org.gridgov.json.EngineSnapshotJson.VERSION,
            snapshot.cases().size(),
            leases.clock(partition).nowMs(),
            payload);
        ImmutableList<Snapshots.Row> newest = snapshots.list(partition, keep);
        if (newest.size() == keep) {
          var unused = snapshots.deleteBelow(partition, newest.get(keep - 1).position());
        }
      }
      connection.commit();
      return position;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "storing a snapshot of partition "
              + partition
              + " in "
              + description
              + " failed, nothing was written: "
              + sqlProblem(e),
          e);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  private long lastPositionOf(Partition partition) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT MAX(log_position) FROM gridgov_events WHERE partition_key = ?")) {
      ps.setString(1, partition.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0; // MAX of no rows is NULL, read as 0
      }
    }
  }

  /** The partition's newest snapshots (rows without payload), newest first. */
  ImmutableList<Snapshots.Row> snapshotRows(Partition partition, int max) {
    try {
      ImmutableList<Snapshots.Row> rows = snapshots.list(partition, max);
      connection.commit();
      return rows;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "listing the snapshots of " + description + " failed: " + sqlProblem(e), e);
    }
  }

  /** A snapshot's payload, or null if it was deleted meanwhile. */
  byte @Nullable [] snapshotPayload(Partition partition, long position) {
    try {
      byte[] payload = snapshots.payload(partition, position);
      connection.commit();
      return payload;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "reading a snapshot of " + description + " failed: " + sqlProblem(e), e);
    }
  }

  /**
   * Reads the tail of a partition after a snapshot and checks it against the snapshot: the facts of
   * the cases reported after {@code position}, the events after it (each case's sequences going on
   * from the snapshot's), and every case row matching the snapshot and the tail (a case reported up
   * to {@code position} is in the snapshot and no other is; each row's last sequence is where the
   * tail or the snapshot ends).
   *
   * @throws CorruptStoreException if a row is bad or the snapshot does not fit the log
   */
  StoredLog loadAfter(
      Partition partition, long position, org.gridgov.engine.EngineSnapshot snapshot) {
    Map<String, Long> seen = new HashMap<>();
    for (org.gridgov.engine.EngineSnapshot.CaseSnapshot c : snapshot.cases()) {
      seen.put(c.facts().id().value(), c.state().lastSequence());
    }
    try (PreparedStatement all =
            connection.prepareStatement(
                "SELECT case_id, last_seq, report_position FROM gridgov_cases WHERE partition_key = ?");
        PreparedStatement newer =
            connection.prepareStatement(
                "SELECT case_id, last_seq, facts FROM gridgov_cases WHERE partition_key = ?"
                    + " AND report_position > ? ORDER BY report_position, case_id");
        PreparedStatement rows =
            connection.prepareStatement(
                "SELECT case_id, seq, log_position, event_type, payload FROM gridgov_events"
                    + " WHERE partition_key = ? AND log_position > ? ORDER BY log_position")) {
      Leases.Clock clock = leases.clock(partition);
      all.setString(1, partition.key());
      Map<String, Long> lastSeqOf = new LinkedHashMap<>();
      checkCoverage(all, position, seen, lastSeqOf);
      newer.setString(1, partition.key());
      newer.setLong(2, position);
      ImmutableMap<CaseId, CaseFacts> facts = readFacts(newer, new HashMap<>());
      rows.setString(1, partition.key());
      rows.setLong(2, position);
      ImmutableList<CaseEvent> events = readEvents(rows, lastSeqOf, -1, seen);
      connection.commit();
      return new StoredLog(
          facts,
          events,
          Optional.ofNullable(clock.nowMs()).map(Instant::ofEpochMilli),
          Optional.ofNullable(clock.lastCommandId()));
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException("reading " + description + " failed: " + sqlProblem(e), e);
    }
  }

  /**
   * Reads every case row of the partition into {@code lastSeqOf} and checks that the cases reported
   * up to {@code position} are exactly the snapshot's ({@code seen}).
   */
  private static void checkCoverage(
      PreparedStatement all, long position, Map<String, Long> seen, Map<String, Long> lastSeqOf)
      throws SQLException {
    int covered = 0;
    try (ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        lastSeqOf.put(id, rs.getLong(2));
        boolean before = rs.getLong(3) <= position;
        if (before != seen.containsKey(id)) {
          throw new CorruptStoreException(
              id,
              0,
              before
                  ? "the case was reported at or before the snapshot's log position "
                      + position
                      + " but the snapshot does not hold it"
                  : "the snapshot at log position "
                      + position
                      + " holds the case, reported after it");
        }
        covered += before ? 1 : 0;
      }
    }
    if (covered != seen.size()) {
      throw new CorruptStoreException(
          "-",
          0,
          String.format(
              Locale.ROOT,
              "the snapshot at log position %d holds %d cases but the partition has rows for %d of"
                  + " them",
              position,
              seen.size(),
              covered));
    }
  }

  // ------------------------------------------------------------------ following the log

  /** The most events one {@link #readFrom(long, int)} returns. */
  public static final int MAX_READ = 10_000;

  /**
   * Returns stored events from a global log position on, in log order, with their positions and
   * partitions: the outbox of the store, for dashboards and integrations that follow the log.
   * Positions are gap-free and in commit order (appends allocate them while holding the store row
   * until they commit), so a reader that asks again from the position after the last one it got
   * misses nothing and sees nothing twice.
   *
   * @param position the first position wanted, from 1
   * @param max the most events to return, 1 to {@link #MAX_READ}
   * @return the events at positions {@code position}, {@code position + 1}, … as far as stored
   *     (empty if none is stored there yet)
   * @throws IllegalArgumentException if the position is not positive or max is out of range
   * @throws CorruptStoreException if a row cannot be read back or a position is missing
   * @throws EventStoreException if the database fails
   */
  public ImmutableList<PositionedEvent> readFrom(long position, int max) {
    checkArgument(
        position >= 1, "log position %s is not positive (the first event is at 1)", position);
    checkArgument(max >= 1 && max <= MAX_READ, "max %s is not between 1 and %s", max, MAX_READ);
    ImmutableList.Builder<PositionedEvent> out = ImmutableList.builderWithExpectedSize(max);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT case_id, seq, log_position, event_type, payload, partition_key FROM gridgov_events"
                + " WHERE log_position >= ? ORDER BY log_position FETCH FIRST ? ROWS ONLY")) {
      ps.setLong(1, position);
      ps.setInt(2, max);
      long expected = position;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Row row = Row.of(rs);
          if (row.position != expected) {
            throw new CorruptStoreException(
                row.caseId,
                row.seq,
                String.format(
                    Locale.ROOT,
                    "log position %d is missing before this event's position %d",
                    expected,
                    row.position));
          }
          expected++;
          out.add(new PositionedEvent(row.position, new Partition(rs.getString(6)), row.event()));
        }
      }
      connection.commit();
      return out.build();
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "reading " + description + " from log position " + position + " failed: " + sqlProblem(e),
          e);
    }
  }

  // ------------------------------------------------------------------ partitions

  /**
   * Makes this store the writer of a partition: acquires its lease (a new fencing token) unless a
   * live writer holds it. Every later append of this store goes to that partition, fenced by the
   * token, until {@link #close()} releases it. One store (one connection) writes one partition; a
   * process that serves several opens one store per partition.
   *
   * @param partition the partition
   * @return the lease
   * @throws PartitionLeaseHeldException if another live writer holds the partition (nothing
   *     changes)
   * @throws IllegalStateException if this store already holds another partition's lease
   * @throws EventStoreException if the database fails
   */
  public PartitionLease acquire(Partition partition) {
    return lease(partition, false);
  }

  /**
   * Takes a partition over from its holder, alive or not, for a writer known to be hung: raises the
   * fencing token, so the old holder's next append is refused ({@link PartitionFencedException})
   * and writes nothing. Then as {@link #acquire(Partition)}.
   *
   * @param partition the partition
   * @return the new lease
   * @throws IllegalStateException if this store already holds another partition's lease
   * @throws EventStoreException if the database fails
   */
  public PartitionLease takeOver(Partition partition) {
    return lease(partition, true);
  }

  private PartitionLease lease(Partition partition, boolean force) {
    Objects.requireNonNull(partition, "partition");
    if (lease != null && !lease.partition().equals(partition)) {
      throw new IllegalStateException(
          "this store writes partition " + lease.partition() + ", not " + partition);
    }
    try {
      lease = force ? leases.takeOver(partition) : leases.acquire(partition);
      return lease;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new EventStoreException(
          "acquiring partition " + partition + " in " + description + " failed: " + sqlProblem(e),
          e);
    }
  }

  /**
   * Returns the lease this store writes under, if it acquired one; without one it writes the {@link
   * Partition#DEFAULT} partition unfenced (tools).
   *
   * @return the lease
   */
  public Optional<PartitionLease> lease() {
    return Optional.ofNullable(lease);
  }

  private Partition writingPartition() {
    return lease == null ? Partition.DEFAULT : lease.partition();
  }

  /**
   * Returns a description of the store: its JDBC URL without credentials.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "EventStore[" + description + "]";
  }

  /**
   * Releases this store's partition lease, if any, and closes the connection. Committed appends are
   * durable; nothing is pending between calls.
   *
   * @throws EventStoreException if the driver fails to close
   */
  @Override
  public void close() {
    try {
      if (lease != null) {
        try {
          leases.release(lease);
          lease = null;
        } catch (SQLException e) { // closing the connection ends the session: the lease is free
          rollbackQuietly(e);
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw new EventStoreException("closing " + description + " failed", e);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** One stored event row, checked and parsed on demand. */
  private static final class Row {
    final String caseId;
    final long seq;
    final long position;
    final String type;
    final @Nullable String payload;

    private Row(String caseId, long seq, long position, String type, @Nullable String payload) {
      this.caseId = caseId;
      this.seq = seq;
      this.position = position;
      this.type = type;
      this.payload = payload;
    }

    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    CaseEvent event() {
      EventType t = TYPES.get(type);
      if (t == null) {
        throw new CorruptStoreException(
            caseId,
            seq,
            String.format(
                Locale.ROOT, "unknown event type '%s' (known: %s)", type, TYPES.keySet()));
      }
      if (payload == null) {
        throw new CorruptStoreException(caseId, seq, "the payload is null");
      }
      JsonNode tree;
      try {
        tree = MAPPER.readTree(payload);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CorruptStoreException(
            caseId, seq, "the payload is not valid JSON" + StoreMessages.location(e), e);
      }
      CaseEvent ev;
      try {
        ev = JSON.eventFromTree(tree);
      } catch (IllegalArgumentException e) {
        throw new CorruptStoreException(
            caseId, seq, "the payload is not a " + type + " event: " + e.getMessage(), e);
      }
      if (!ev.caseId().value().equals(caseId) || ev.sequence() != seq || ev.type() != t) {
        throw new CorruptStoreException(
            caseId,
            seq,
            String.format(
                Locale.ROOT,
                "the payload is event %s #%d (%s), not the row's %s #%d (%s)",
                ev.caseId(),
                ev.sequence(),
                ev.type().payloadName(),
                caseId,
                seq,
                type));
      }
      return ev;
    }
  }

  private void checkSchemaVersion() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT schema_version FROM gridgov_store WHERE id = 1")) {
      checkState(rs.next());
      int v = rs.getInt(1);
      connection.commit();
      if (v != SCHEMA_VERSION) {
        throw new EventStoreException(
            String.format(
                Locale.ROOT,
                "%s has table layout version %d; this code reads version %d",
                description,
                v,
                SCHEMA_VERSION));
      }
    }
  }

  private static void setNullable(PreparedStatement ps, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  static boolean isDuplicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if (DUPLICATE_KEY.equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void checkState(boolean rowPresent) {
    if (!rowPresent) {
      throw new EventStoreException("the store row (gridgov_store, id 1) is missing");
    }
  }

  private static Map<String, EventType> types() {
    Map<String, EventType> m = new LinkedHashMap<>();
    for (EventType t : EventType.values()) {
      m.put(t.payloadName(), t);
    }
    return m;
  }

  /**
   * The URL without its parameters (passwords, and the drivers' long property lists) or user-info.
   */
  static String redact(String url) {
    return url.replaceAll("[?;].*$", "").replaceAll("//[^/@]*@", "//***@");
  }

  /**
   * What went wrong in the database, without the driver's message: drivers quote the values of the
   * rows they refuse (H2's "value too long", PostgreSQL's batch entry with its statement), and
   * those hold personal data. The {@link SQLException} stays attached as the cause for operators;
   * log it only where personal data may go.
   */
  static String sqlProblem(SQLException e) {
    SQLException last = e;
    while (last.getNextException() != null) {
      last = Objects.requireNonNull(last.getNextException());
    }
    return String.format(
        Locale.ROOT,
        "SQL state %s, vendor code %d (the driver's message is in the cause; it may"
            + " quote row data)",
        last.getSQLState(),
        last.getErrorCode());
  }

  /**
   * An accepted command as stored.
   *
   * @param commandId the command id
   * @param caseId the case it acted on, as stored
   * @param at its instant
   * @param events the events appended with it: the time advance's, then its own
   * @param principal the principal that sent it (id, role, region, handler), empty if stored by
   *     layout version 1
   * @param payloadHash the SHA-256 hash of its case, instant and action, empty if stored by layout
   *     version 1
   */
  public record StoredCommand(
      String commandId,
      String caseId,
      Instant at,
      ImmutableList<CaseEvent> events,
      Optional<String> principal,
      Optional<String> payloadHash) {

    /**
     * Returns whether a command is the very command stored: the same principal and payload hash
     * (for a command stored by layout version 1, which kept neither: the same case and instant).
     *
     * @param command the command sent again
     * @return true if it is a retry of this command
     */
    public boolean isRetryOf(Command command) {
      if (principal.isEmpty() || payloadHash.isEmpty()) {
        return caseId.equals(command.caseId().value()) && at.equals(command.at());
      }
      return principal.get().equals(CommandKey.principal(command.actor()))
          && payloadHash.get().equals(CommandKey.payloadHash(command));
    }
  }
}
