package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.CaseEngineCalendarTest.NOTICE_2027;
import static org.gridgov.engine.CaseEngineCalendarTest.config;
import static org.gridgov.engine.CaseEngineCalendarTest.facts;
import static org.gridgov.engine.CaseEngineCalendarTest.provisional2027;
import static org.gridgov.engine.CaseEngineCalendarTest.register;
import static org.gridgov.engine.Fixture.at;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.HolidayNotice;
import org.junit.jupiter.api.Test;

/**
 * Snapshots across a calendar adoption: a snapshot taken on the provisional edition, restored with
 * a tail that holds the adoption's {@code DeadlineRevised} events, comes back on the official
 * edition exactly as the live engine and a full replay have it; and so does one taken after it.
 */
class CaseEngineSnapshotCalendarTest {

  private record Cut(EngineSnapshot snapshot, int position) {}

  @Test
  void snapshotsBeforeAndAfterAnAdoption_plusTheirTails_equalTheLiveEngine() {
    CaseEngine engine = config(provisional2027()).build();
    List<CaseEvent> log = new ArrayList<>();
    List<Cut> cuts = new ArrayList<>();
    cuts.add(new Cut(engine.snapshot(), 0));
    log.addAll(register(engine, "B", at("2026-12-21T10:00")));
    log.addAll(register(engine, "A", at("2026-12-24T18:00")));
    log.addAll(engine.advanceTo(at("2026-12-25T12:00")));
    cuts.add(new Cut(engine.snapshot(), log.size())); // provisional edition, A due 01-04
    BusinessCalendar cn2027 =
        ChinaCalendar.withNotice(
            engine.calendarEditions().latest(),
            HolidayNotice.parseDayList(2027, new StringReader(NOTICE_2027), "2027.txt"),
            "cn-2027");
    List<CaseEvent> revised = engine.adoptCalendar(cn2027, at("2026-12-28T08:00"));
    assertThat(revised)
        .extracting(CaseEvent::payload)
        .hasOnlyElementsOfType(EventPayload.DeadlineRevised.class);
    log.addAll(revised);
    cuts.add(new Cut(engine.snapshot(), log.size())); // official edition, A due 01-05
    log.addAll(register(engine, "C", at("2026-12-31T10:00")));
    log.addAll(engine.advanceTo(at("2027-01-04T23:00")));
    cuts.add(new Cut(engine.snapshot(), log.size()));

    CaseEngine.Builder restoreConfig =
        config(provisional2027()).calendarEditions(engine.calendarEditions());
    var allFacts =
        Map.of(CaseId.of("A"), facts("A"), CaseId.of("B"), facts("B"), CaseId.of("C"), facts("C"));
    CaseEngine replayed = CaseEngine.restore(restoreConfig, allFacts, log);
    assertThat(replayed.snapshot()).isEqualTo(engine.snapshot());
    for (int i = 0; i < cuts.size(); i++) {
      Cut cut = cuts.get(i);
      CaseEngine restored =
          CaseEngine.restore(
              restoreConfig, cut.snapshot(), allFacts, log.subList(cut.position(), log.size()));
      assertThat(restored.snapshot()).as("cut %s", i).isEqualTo(engine.snapshot());
      assertThat(restored.now()).as("cut %s", i).isEqualTo(replayed.now());
    }
    // A is breached at the revised deadline, Tue 01-05 09:00, not at the provisional one.
    List<CaseEvent> live = engine.advanceTo(at("2027-01-12T09:00"));
    assertThat(live)
        .anyMatch(
            e ->
                e.caseId().equals(CaseId.of("A"))
                    && e.payload() instanceof EventPayload.SlaBreached
                    && e.at().equals(at("2027-01-05T09:00")));
    for (int i = 0; i < cuts.size(); i++) {
      Cut cut = cuts.get(i);
      CaseEngine restored =
          CaseEngine.restore(
              restoreConfig, cut.snapshot(), allFacts, log.subList(cut.position(), log.size()));
      assertThat(restored.advanceTo(at("2027-01-12T09:00"))).as("cut %s", i).isEqualTo(live);
    }
  }
}
