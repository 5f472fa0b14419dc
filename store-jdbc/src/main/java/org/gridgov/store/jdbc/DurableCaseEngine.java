package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CaseEngine} whose every call is written to an {@link EventStore} before it returns, and
 * which is rebuilt from the store when opened ({@code CaseEngine.restore}): after a crash, open it
 * again and continue.
 *
 * <p>{@link #execute(Command)} brings the engine's time up to the command's instant, runs the
 * command, and stores in <em>one</em> transaction the time advance's events, the command's events,
 * the reported case's facts, the command id (if accepted) and the command id as the last one seen
 * (accepted or refused). So after a crash either all of a command is in the store or none of it. A
 * command whose id the store already holds is not run again: its stored events are returned (a
 * retry across a restart is recognised, as the engine recognises retries in memory).
 *
 * <p>An engine writes one {@link Partition} (by default {@link Partition#DEFAULT}) under its lease:
 * a second engine for the same partition is refused at open ({@link PartitionLeaseHeldException});
 * engines of different partitions run side by side on one database, each with its own cases and its
 * own time. An engine whose lease was taken over is fenced: its next write is refused ({@link
 * PartitionFencedException}) and writes nothing.
 *
 * <p>Opening restores the engine from the partition's newest readable snapshot and the events
 * stored after it, or from the whole log; {@link #takeSnapshot()} and a {@link SnapshotPolicy}
 * write snapshots (docs/event-store.md, "Snapshots").
 *
 * <p>If a write fails (database down, a lease taken over, or an {@link AppendConflictException}
 * because another writer changed a case) the in-memory engine is ahead of the store; this object
 * then refuses every further call with an {@link IllegalStateException}: open a new one from the
 * store. Not thread-safe, like the engine.
 */
public final class DurableCaseEngine {
  private static final System.Logger LOG = System.getLogger("org.gridgov.store.jdbc");
  private final EventStore store;
  private final CaseEngine engine;
  private final StoreLimits limits;
  private final SnapshotPolicy snapshots;
  private final java.util.OptionalLong snapshotPosition;
  private final long replayedEvents;
  private long sinceSnapshot; // events stored since the last snapshot (or the open)
  private @Nullable RuntimeException broken;

  private DurableCaseEngine(
      EventStore store,
      CaseEngine engine,
      StoreLimits limits,
      SnapshotPolicy snapshots,
      EngineLoader.Loaded loaded) {
    this.store = store;
    this.engine = engine;
    this.limits = limits;
    this.snapshots = snapshots;
    this.snapshotPosition = loaded.snapshotPosition();
    this.replayedEvents = loaded.replayed();
    this.sinceSnapshot = loaded.replayed();
  }

  /**
   * Loads the store, checks it, and restores the engine from it. The restored engine's time is the
   * store's time (the instant of the last stored call); a store whose time is past a deadline that
   * has no event is corrupt.
   *
   * @param store the store (an empty store gives a fresh engine)
   * @param config the configuration of the engine that wrote the store
   * @return the engine, ready to continue
   * @throws CorruptStoreException if a stored row is bad or the log does not replay; nothing is
   *     restored
   * @throws EventStoreException if the database fails
   */
  public static DurableCaseEngine open(EventStore store, CaseEngine.Builder config) {
    return open(store, config, StoreLimits.defaults());
  }

  /**
   * Loads the store, checks it, and restores the engine from it, as {@link #open(EventStore,
   * CaseEngine.Builder)}, with size limits that every command is checked against before it runs.
   *
   * @param store the store (an empty store gives a fresh engine)
   * @param config the configuration of the engine that wrote the store
   * @param limits the size limits on commands' texts
   * @return the engine, ready to continue
   * @throws CorruptStoreException if a stored row is bad or the log does not replay; nothing is
   *     restored
   * @throws EventStoreException if the database fails
   */
  public static DurableCaseEngine open(
      EventStore store, CaseEngine.Builder config, StoreLimits limits) {
    return open(store, Partition.DEFAULT, config, limits);
  }

  /**
   * Opens the writer of a partition with the default size limits, as {@link #open(EventStore,
   * Partition, CaseEngine.Builder, StoreLimits)}.
   *
   * @param store the store; it writes this partition until closed
   * @param partition the partition
   * @param config the configuration of the engine that wrote the partition
   * @return the engine, ready to continue
   * @throws PartitionLeaseHeldException if another live writer holds the partition
   * @throws CorruptStoreException if a stored row is bad or the log does not replay
   * @throws EventStoreException if the database fails
   */
  public static DurableCaseEngine open(
      EventStore store, Partition partition, CaseEngine.Builder config) {
    return open(store, partition, config, StoreLimits.defaults());
  }

  /**
   * Makes the store the writer of a partition ({@link EventStore#acquire(Partition)}), loads that
   * partition, checks it and restores the engine from it: its cases only, at its time. Another
   * partition's writer may run at the same time on the same database; its time advances do not move
   * this partition's time. Send every command on a case of this partition to this engine.
   *
   * @param store the store (an empty partition gives a fresh engine); it writes this partition
   *     until closed
   * @param partition the partition, e.g. {@link Partition#district(long)}
   * @param config the configuration of the engine that wrote the partition
   * @param limits the size limits on commands' texts
   * @return the engine, ready to continue
   * @throws PartitionLeaseHeldException if another live writer holds the partition; nothing is
   *     written
   * @throws CorruptStoreException if a stored row is bad or the log does not replay; nothing is
   *     restored
   * @throws EventStoreException if the database fails
   */
  public static DurableCaseEngine open(
      EventStore store, Partition partition, CaseEngine.Builder config, StoreLimits limits) {
    return open(store, partition, config, limits, SnapshotPolicy.onDemand());
  }

  /**
   * Opens the writer of a partition as {@link #open(EventStore, Partition, CaseEngine.Builder,
   * StoreLimits)}, with a snapshot policy: unless it is {@link SnapshotPolicy#replayOnly()}, the
   * engine is restored from the partition's newest readable snapshot and the events stored after it
   * (a snapshot of another format version, with a bad checksum or that does not fit the log is
   * skipped with a warning on the {@code org.gridgov.store.jdbc} logger, and the next older one or
   * the whole log is used); the policy also says when this engine writes snapshots.
   *
   * @param store the store (an empty partition gives a fresh engine); it writes this partition
   *     until closed
   * @param partition the partition
   * @param config the configuration of the engine that wrote the partition
   * @param limits the size limits on commands' texts
   * @param snapshots when to read and write snapshots
   * @return the engine, ready to continue
   * @throws PartitionLeaseHeldException if another live writer holds the partition; nothing is
   *     written
   * @throws CorruptStoreException if a stored row is bad or the log does not replay; nothing is
   *     restored
   * @throws EventStoreException if the database fails
   */
  public static DurableCaseEngine open(
      EventStore store,
      Partition partition,
      CaseEngine.Builder config,
      StoreLimits limits,
      SnapshotPolicy snapshots) {
    java.util.Objects.requireNonNull(limits, "limits");
    java.util.Objects.requireNonNull(snapshots, "snapshots");
    var unused = store.acquire(partition);
    EngineLoader.Loaded loaded = EngineLoader.load(store, partition, config, snapshots);
    CaseEngine engine = loaded.engine();
    Optional<Instant> now = loaded.now();
    if (now.isPresent() && engine.now().map(t -> t.isBefore(now.get())).orElse(true)) {
      ImmutableList<CaseEvent> missed = engine.advanceTo(now.get());
      if (!missed.isEmpty()) {
        CaseEvent first = missed.get(0);
        throw new CorruptStoreException(
            first.caseId().value(),
            first.sequence(),
            String.format(
                Locale.ROOT,
                "the store's time is %s but %d event(s) due by then are not stored, the first %s at %s",
                now.get(),
                missed.size(),
                first.type().payloadName(),
                first.at()));
      }
    }
    return new DurableCaseEngine(store, engine, limits, snapshots, loaded);
  }

  /**
   * Returns the partition this engine writes.
   *
   * @return the partition
   */
  public Partition partition() {
    return lease().partition();
  }

  /**
   * Returns the lease this engine writes under (its partition and fencing token).
   *
   * @return the lease
   */
  public PartitionLease lease() {
    return store.lease().orElseThrow();
  }

  /**
   * Runs a command durably: {@code advanceTo(command.at())}, then the command, then one transaction
   * with all of it. A refusal by the engine is rethrown after the time advance's events and the
   * command id (as the last one seen) are stored. A command id the store already holds returns the
   * stored events without running anything, but only to the same principal with the same command
   * (the store keys commands by id, principal and a hash of case, instant and action); anything
   * else under that id is refused.
   *
   * @param command the command
   * @return the time advance's events followed by the command's events, as stored
   * @throws CommandTooLargeException if a text of the command is longer than the {@link
   *     StoreLimits} allow; nothing is run or written and the engine stays usable
   * @throws CommandIdReusedInStoreException if the store holds a different command (another
   *     principal, case, instant or action) under this id; nothing is run or written
   * @throws IllegalArgumentException if the engine refuses the command's values (after storing the
   *     time advance)
   * @throws IllegalStateException if an earlier write failed (open a new engine from the store), or
   *     the engine refuses the command in this state
   * @throws AppendConflictException if another writer changed one of the cases; the engine must be
   *     reopened
   * @throws EventStoreException if the database fails; the engine must be reopened
   * @throws org.gridgov.GridgovException any other refusal of the engine (authorisation, routing,
   *     lifecycle)
   */
  public ImmutableList<CaseEvent> execute(Command command) {
    checkUsable();
    CommandSizes.check(
        command, limits); // before the retry look-up and the engine: nothing runs or is written
    Optional<EventStore.StoredCommand> stored = store.command(command.commandId().value());
    if (stored.isPresent()) {
      if (!stored.get().isRetryOf(command)) {
        throw new CommandIdReusedInStoreException(
            command.commandId().value(), command.caseId(), command.action().name());
      }
      return stored.get().events();
    }
    ImmutableList<CaseEvent> advanced = ImmutableList.of();
    @Nullable RuntimeException refusal = null;
    ImmutableList<CaseEvent> events = ImmutableList.of();
    try {
      advanced = engine.advanceTo(command.at());
      events = engine.execute(command);
    } catch (
        RuntimeException
            e) { // the engine changed nothing for the refused part (see docs/engine.md)
      refusal = e;
    }
    ImmutableList<CaseEvent> all =
        ImmutableList.<CaseEvent>builderWithExpectedSize(advanced.size() + events.size())
            .addAll(advanced)
            .addAll(events)
            .build();
    Optional<CaseFacts> reported = refusal == null ? reportedFacts(command) : Optional.empty();
    try {
      var unused = store.appendCommand(command, refusal == null, all, reported);
    } catch (RuntimeException e) {
      broken = e;
      if (refusal != null) {
        e.addSuppressed(refusal);
      }
      throw e;
    }
    afterWrite(all.size());
    if (refusal != null) {
      throw refusal;
    }
    return all;
  }

  /**
   * Runs several commands durably in <em>one</em> transaction (group commit): each as {@link
   * #execute(Command)} would, in list order, then one commit for all of them, so a batch costs one
   * durable write instead of one per command. All or nothing per batch: if the write fails, nothing
   * of the batch is stored and this engine refuses further calls (open a new one from the store).
   * Idempotency is kept per command: a command whose id the store holds is answered with its stored
   * events only for the same principal and command, as is a command sent twice in one batch. A
   * command the engine refuses does not stop the batch: its outcome carries the refusal, and the
   * time advance and its id as the last seen are stored, as {@code execute} does.
   *
   * @param commands the commands, in order (at most 1,000)
   * @return one outcome per command, in order
   * @throws CommandTooLargeException if a text of a command is over the {@link StoreLimits};
   *     nothing is run or written and the engine stays usable
   * @throws CommandIdReusedInStoreException if the store holds a different command under the id of
   *     a command; nothing is run or written
   * @throws IllegalArgumentException if the batch holds more than 1,000 commands, or two different
   *     commands under one id; nothing is run or written
   * @throws IllegalStateException if an earlier write failed (open a new engine from the store)
   * @throws AppendConflictException if another writer changed one of the cases; nothing of the
   *     batch is written and the engine must be reopened
   * @throws EventStoreException if the database fails; nothing of the batch is written and the
   *     engine must be reopened
   */
  public ImmutableList<CommandOutcome> executeAll(List<Command> commands) {
    return executeAll(commands, null);
  }

  /**
   * {@link #executeAll(List)}, and the application's own rows written by {@code alsoWrite} in the
   * batch's transaction: they are committed with the batch's events or not at all, in one commit.
   *
   * @param commands the commands, in order
   * @param alsoWrite the application's rows, given the batch's outcomes; null for none
   * @return one outcome per command, in order
   * @throws EventStoreException if the database (or {@code alsoWrite}) fails; nothing of the batch
   *     is written and the engine must be reopened
   */
  public ImmutableList<CommandOutcome> executeAll(
      List<Command> commands, @Nullable SameTransaction alsoWrite) {
    checkUsable();
    java.util.Map<String, EventStore.StoredCommand> stored = checkBatch(commands);
    java.util.Map<String, CommandOutcome> acceptedInBatch = new java.util.HashMap<>();
    List<CommandAppend> appends = new java.util.ArrayList<>(commands.size());
    ImmutableList.Builder<CommandOutcome> outcomes =
        ImmutableList.builderWithExpectedSize(commands.size());
    for (Command command : commands) {
      String id = command.commandId().value();
      EventStore.StoredCommand before = stored.get(id);
      CommandOutcome earlier = acceptedInBatch.get(id);
      if (before != null) {
        outcomes.add(new CommandOutcome(id, before.events(), Optional.empty(), true));
      } else if (earlier != null) {
        outcomes.add(new CommandOutcome(id, earlier.events(), Optional.empty(), true));
      } else {
        Ran ran = runInMemory(command);
        appends.add(ran.append());
        CommandOutcome outcome =
            new CommandOutcome(id, ran.append().events(), ran.refusal(), false);
        if (outcome.accepted()) {
          acceptedInBatch.put(id, outcome);
        }
        outcomes.add(outcome);
      }
    }
    ImmutableList<CommandOutcome> result = outcomes.build();
    EventStore.SqlWork work = null;
    if (alsoWrite != null) {
      SameTransaction hook = alsoWrite;
      work = c -> hook.write(c, result);
    }
    try {
      var unused = store.appendCommands(appends, work);
    } catch (RuntimeException e) {
      broken = e;
      throw e;
    }
    long written = 0;
    for (CommandAppend a : appends) {
      written += a.events().size();
    }
    afterWrite(written);
    return result;
  }

  /** What {@link #runInMemory} ran: what to store, and the engine's refusal if any. */
  private record Ran(CommandAppend append, Optional<RuntimeException> refusal) {}

  /**
   * Checks a batch before anything runs: sizes, ids used twice, ids the store holds; returns the
   * stored commands the batch retries.
   */
  private java.util.Map<String, EventStore.StoredCommand> checkBatch(List<Command> commands) {
    if (commands.size() > 1000) {
      throw new IllegalArgumentException(
          "a batch of " + commands.size() + " commands; at most 1000; nothing was run");
    }
    java.util.Map<String, Command> byId = new java.util.LinkedHashMap<>();
    for (Command command : commands) {
      CommandSizes.check(command, limits);
      Command first = byId.putIfAbsent(command.commandId().value(), command);
      if (first != null && !CommandKey.sameCommand(first, command)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "command id %s is used twice in the batch for different commands (%s on case %s,"
                    + " then %s on case %s); nothing was run",
                command.commandId(),
                first.action().name(),
                first.caseId(),
                command.action().name(),
                command.caseId()));
      }
    }
    java.util.Map<String, EventStore.StoredCommand> stored = new java.util.HashMap<>();
    for (String id : store.storedCommandIds(byId.keySet())) {
      Command command = java.util.Objects.requireNonNull(byId.get(id));
      EventStore.StoredCommand s = store.command(id).orElseThrow();
      if (!s.isRetryOf(command)) {
        throw new CommandIdReusedInStoreException(id, command.caseId(), command.action().name());
      }
      stored.put(id, s);
    }
    return stored;
  }

  /**
   * Runs a command on the in-memory engine as {@link #execute} does (time advance, then the
   * command, a refusal caught) and returns what to store with the refusal.
   */
  private Ran runInMemory(Command command) {
    ImmutableList<CaseEvent> advanced = ImmutableList.of();
    ImmutableList<CaseEvent> events = ImmutableList.of();
    Optional<RuntimeException> refusal = Optional.empty();
    try {
      advanced = engine.advanceTo(command.at());
      events = engine.execute(command);
    } catch (RuntimeException e) { // the engine changed nothing for the refused part
      refusal = Optional.of(e);
    }
    ImmutableList<CaseEvent> all =
        ImmutableList.<CaseEvent>builderWithExpectedSize(advanced.size() + events.size())
            .addAll(advanced)
            .addAll(events)
            .build();
    Optional<CaseFacts> reported = refusal.isEmpty() ? reportedFacts(command) : Optional.empty();
    return new Ran(new CommandAppend(command, refusal.isEmpty(), all, reported), refusal);
  }

  /**
   * Advances time durably: the engine's {@code advanceTo}, then one transaction with its events and
   * the instant.
   *
   * @param instant the new time, a whole number of milliseconds, not before the engine's time
   * @return the events that fired, as stored
   * @throws IllegalArgumentException if the instant is before the engine's time (nothing is stored)
   * @throws IllegalStateException if an earlier write failed (open a new engine from the store)
   * @throws EventStoreException if the database fails; the engine must be reopened
   */
  public ImmutableList<CaseEvent> advanceTo(Instant instant) {
    checkUsable();
    ImmutableList<CaseEvent> events = engine.advanceTo(instant);
    try {
      store.appendAdvance(events, instant);
    } catch (RuntimeException e) {
      broken = e;
      throw e;
    }
    afterWrite(events.size());
    return events;
  }

  /**
   * Writes a snapshot of the engine now (as it stands after the last stored call), so that the next
   * open restores from it and the events stored after it instead of the whole log. The snapshot is
   * serialised by this thread, then stored in one short transaction under this engine's lease;
   * writers of other partitions are not held up. A snapshot at the same log position is not written
   * twice.
   *
   * @return the log position the snapshot covers (the partition's last stored event)
   * @throws IllegalStateException if an earlier write failed (open a new engine from the store)
   * @throws PartitionFencedException if the lease was taken over; nothing is written and this
   *     engine refuses further calls
   * @throws EventStoreException if the database fails; nothing is written (the engine stays usable:
   *     every call so far is stored)
   */
  public long takeSnapshot() {
    checkUsable();
    long position;
    try {
      position = store.saveSnapshot(engine.snapshot(), snapshots.keep());
    } catch (PartitionFencedException e) {
      broken = e;
      throw e;
    }
    sinceSnapshot = 0;
    return position;
  }

  /** Counts stored events and writes a snapshot when the policy's period is reached. */
  private void afterWrite(long events) {
    sinceSnapshot += events;
    long every = snapshots.everyEventsOrZero();
    if (every == 0 || sinceSnapshot < every) {
      return;
    }
    try {
      var unused = takeSnapshot();
    } catch (RuntimeException e) { // the call itself is stored: its result stands
      sinceSnapshot = 0; // the next attempt after another period
      LOG.log(
          System.Logger.Level.WARNING,
          () ->
              "partition "
                  + partition()
                  + ": writing a snapshot failed ("
                  + e.getMessage()
                  + "); every call is stored, the next attempt comes after "
                  + every
                  + " more events");
    }
  }

  /**
   * Returns the log position of the snapshot this engine was restored from when it opened.
   *
   * @return the position, or empty if it replayed the whole log
   */
  public java.util.OptionalLong restoredFromSnapshot() {
    return snapshotPosition;
  }

  /**
   * Returns how many stored events this engine replayed when it opened: the whole log, or the
   * events after the snapshot it was restored from.
   *
   * @return the count
   */
  public long replayedEvents() {
    return replayedEvents;
  }

  /**
   * Returns a case's state.
   *
   * @param caseId the case
   * @return its state, or empty if the engine does not know it
   */
  public Optional<CaseState> state(CaseId caseId) {
    return engine.state(caseId);
  }

  /**
   * Returns the engine's time.
   *
   * @return the instant of the latest call, or empty before the first
   */
  public Optional<Instant> now() {
    return engine.now();
  }

  /**
   * Returns the engine's snapshot ({@link CaseEngine#snapshot()}), to compare engines.
   *
   * @return the snapshot
   */
  public org.gridgov.engine.EngineSnapshot snapshot() {
    return engine.snapshot();
  }

  /**
   * Returns whether a write failed, after which every call is refused.
   *
   * @return true if this engine must be replaced by one opened from the store
   */
  public boolean isBroken() {
    return broken != null;
  }

  private void checkUsable() {
    if (broken != null) {
      throw new IllegalStateException(
          "a store write failed earlier ("
              + broken.getMessage()
              + "); open a new DurableCaseEngine from the store",
          broken);
    }
  }

  /** The facts a report (at a region or at a point) recorded in the engine, else empty. */
  private Optional<CaseFacts> reportedFacts(Command command) {
    if (command.action() instanceof Command.Report r) {
      return Optional.of(r.facts());
    }
    return command.action() instanceof Command.ReportAt
        ? engine.facts(command.caseId())
        : Optional.empty();
  }
}
