package org.gridgov.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.gridgov.casefile.EventSequenceException;
import org.gridgov.casefile.IllegalTransitionException;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.json.EngineSnapshotJson;

/**
 * Rebuilds a partition's engine when a {@link DurableCaseEngine} opens: from the newest snapshot
 * that is readable and fits the log, with the events after it; else from the whole log. A snapshot
 * of another format version, with a wrong checksum, a payload that does not parse, or that does not
 * fit the log is skipped with a warning on the {@code org.gridgov.store.jdbc} logger (partition,
 * position and the reason, which names JSON paths, case ids and sequences, never personal data),
 * and the next older one is tried.
 */
final class EngineLoader {
  private static final System.Logger LOG = System.getLogger("org.gridgov.store.jdbc");
  private static final int CANDIDATES = 3;

  private EngineLoader() {}

  /**
   * The rebuilt engine and what it was rebuilt from.
   *
   * @param engine the engine
   * @param now the partition's stored time
   * @param snapshotPosition the position of the snapshot used, empty for a whole-log replay
   * @param replayed how many events were replayed
   */
  record Loaded(
      CaseEngine engine, Optional<Instant> now, OptionalLong snapshotPosition, long replayed) {}

  static Loaded load(
      EventStore store, Partition partition, CaseEngine.Builder config, SnapshotPolicy policy) {
    if (policy.readsSnapshots()) {
      for (Snapshots.Row row : store.snapshotRows(partition, CANDIDATES)) {
        Optional<Loaded> loaded = fromSnapshot(store, partition, config, row);
        if (loaded.isPresent()) {
          return loaded.get();
        }
      }
    }
    StoredLog log = store.load(partition);
    return new Loaded(replay(config, log), log.now(), OptionalLong.empty(), log.events().size());
  }

  private static Optional<Loaded> fromSnapshot(
      EventStore store, Partition partition, CaseEngine.Builder config, Snapshots.Row row) {
    if (row.formatVersion() != EngineSnapshotJson.VERSION) {
      return skip(
          partition,
          row,
          "format version "
              + row.formatVersion()
              + ", this code reads "
              + EngineSnapshotJson.VERSION);
    }
    byte[] payload = store.snapshotPayload(partition, row.position());
    if (payload == null) {
      return skip(partition, row, "deleted while opening");
    }
    if (!Snapshots.sha256(payload).equals(row.checksum())) {
      return skip(partition, row, "its payload does not match its SHA-256 checksum");
    }
    EngineSnapshot snapshot;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload), 1 << 16)) {
      snapshot = EngineSnapshotJson.read(in, config.config().calendarEditions());
    } catch (IOException e) {
      return skip(partition, row, "its payload is not gzip-compressed JSON");
    } catch (IllegalArgumentException e) {
      return skip(partition, row, String.valueOf(e.getMessage()));
    }
    if (snapshot.cases().size() != row.caseCount()) {
      return skip(
          partition,
          row,
          "it holds " + snapshot.cases().size() + " cases, its row says " + row.caseCount());
    }
    StoredLog tail;
    try {
      tail = store.loadAfter(partition, row.position(), snapshot);
    } catch (CorruptStoreException e) {
      return skip(partition, row, "it does not fit the log: " + e.getMessage());
    }
    CaseEngine engine;
    try {
      engine = CaseEngine.restore(config, snapshot, tail.facts(), tail.events());
    } catch (RuntimeException e) { // the engine refuses the snapshot or the tail after it
      return skip(partition, row, "the engine refuses it with the tail: " + e.getMessage());
    }
    LOG.log(
        Level.DEBUG,
        () ->
            String.format(
                Locale.ROOT,
                "partition %s: restored from the snapshot at log position %d and %d later events",
                partition,
                row.position(),
                tail.events().size()));
    return Optional.of(
        new Loaded(engine, tail.now(), OptionalLong.of(row.position()), tail.events().size()));
  }

  private static Optional<Loaded> skip(Partition partition, Snapshots.Row row, String reason) {
    LOG.log(
        Level.WARNING,
        () ->
            String.format(
                Locale.ROOT,
                "partition %s: the snapshot at log position %d is skipped (%s); trying an older"
                    + " one, else replaying the log",
                partition,
                row.position(),
                reason));
    return Optional.empty();
  }

  /** Restores the engine from a whole log; a log the engine refuses is a corrupt store. */
  static CaseEngine replay(CaseEngine.Builder config, StoredLog log) {
    try {
      return CaseEngine.restore(config, log.facts(), log.events());
    } catch (IllegalTransitionException e) {
      throw new CorruptStoreException(
          e.event().caseId().value(),
          e.event().sequence(),
          "the engine refuses to replay it: " + e.getMessage(),
          e);
    } catch (EventSequenceException e) {
      throw new CorruptStoreException(
          e.caseId().value(),
          e.actualSequence(),
          "the engine refuses to replay it: " + e.getMessage(),
          e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CorruptStoreException(
          "-", 0, "the engine refuses to replay the log: " + e.getMessage(), e);
    }
  }
}
