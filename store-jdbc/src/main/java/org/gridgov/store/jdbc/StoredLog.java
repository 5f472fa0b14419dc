package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;

/**
 * Everything an event store holds, read back and checked: what {@code CaseEngine.restore} needs,
 * and where the writer stopped.
 *
 * @param facts the facts of every case, in the order the cases were reported
 * @param events every event, in the order the engine returned them (the store's log position)
 * @param now the instant of the last stored engine call ({@code advanceTo} or command), if any
 * @param lastCommandId the id of the last command whose outcome (events or refusal) was stored, if
 *     any
 */
public record StoredLog(
    ImmutableMap<CaseId, CaseFacts> facts,
    ImmutableList<CaseEvent> events,
    Optional<Instant> now,
    Optional<String> lastCommandId) {}
