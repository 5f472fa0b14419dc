package org.gridgov.examples.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.engine.CaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.gridgov.store.jdbc.StoredLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreExampleTest {

  @Test
  void restoresRecognisesTheRetryContinuesAndRefusesTheStaleWriter(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StoredLog log =
        EventStoreExample.run(
            EventStore.h2Url(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("restored: case 2025-0303-0001 is DISPATCHED, store's last command cmd-4")
        .contains("retry of cmd-4: 1 stored event(s) returned, 4 events in the store")
        .contains(
            "refused: append conflict on case 2025-0303-0001: expected the store's last sequence to be 4");
    assertThat(log.events()).extracting(CaseEvent::sequence).startsWith(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(log.events())
        .extracting(CaseEvent::payload)
        .contains(
            new EventPayload.Dispatched(CaseEngine.officeOf(350302001001001L), HandlerRole.LEAD))
        .contains(new EventPayload.Dispatched("dept:urban-management", HandlerRole.LEAD))
        .noneMatch(p -> p instanceof EventPayload.Suspended);
    assertThat(log.facts()).containsOnlyKeys(CaseId.of("2025-0303-0001"));
    assertThat(out).contains("the store holds " + log.events().size() + " events of 1 case(s)");
  }
}
