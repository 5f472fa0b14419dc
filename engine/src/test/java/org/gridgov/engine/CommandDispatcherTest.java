package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.junit.jupiter.api.Test;

/** The command path's checks on the command itself, before any handler runs. */
class CommandDispatcherTest {
  @Test
  void aCommandAtASubMillisecondInstantIsRefusedAndChangesNothing() {
    CaseEngine e = Fixture.config().build();
    Instant t = at("2025-03-03T09:00");
    var unused =
        e.execute(
            Command.of(
                "r-1",
                Principal.resident("r"),
                CaseId.of("C-1"),
                t,
                new Command.Report(facts("C-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1))));
    EngineSnapshot before = e.snapshot();

    Command fine =
        Command.of(
            "v-1",
            districtDispatcher(),
            CaseId.of("C-1"),
            t.plusMillis(1).plusNanos(1),
            new Command.Verify(true, ""));
    assertThatThrownBy(() -> e.execute(fine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command v-1");
    assertThat(e.snapshot()).isEqualTo(before);

    Command whole =
        Command.of(
            "v-2",
            districtDispatcher(),
            CaseId.of("C-1"),
            t.plusMillis(1),
            new Command.Verify(true, ""));
    assertThat(e.execute(whole)).hasSize(1);
  }
}
