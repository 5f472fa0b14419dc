package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

/**
 * The annex's call boundary: what a call folds is seen by the call at once, by the committed view
 * only after {@link CaseAnnex#commit}, and never after {@link CaseAnnex#discard}, whether the call
 * touched a few cases or more than a default-sized map holds.
 */
class CaseAnnexTest {
  private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");
  private static final Actor SYSTEM = Actor.of("system", Role.DISPATCHER);

  @Test
  void aDiscardedCallLeavesNothingForTheNextCommit_fewOrManyCases() {
    for (int n : new int[] {1, 12, 13, 40}) {
      CaseAnnex annex = new CaseAnnex(Optional.empty());
      List<CaseFacts> cases = cases(n);
      breachAll(annex, cases);
      for (CaseFacts f : cases) {
        assertThat(annex.entry(f.id()).breachCount()).as("%s cases, seen by the call", n).isOne();
        assertThat(annex.committed(f.id())).isEqualTo(CaseAnnex.Entry.INITIAL);
      }
      annex.discard();
      annex.commit(); // the next call, which changes nothing
      for (CaseFacts f : cases) {
        assertThat(annex.entry(f.id()))
            .as("%s cases, discarded", n)
            .isEqualTo(CaseAnnex.Entry.INITIAL);
        assertThat(annex.committed(f.id())).isEqualTo(CaseAnnex.Entry.INITIAL);
      }
    }
  }

  @Test
  void aCommittedCallIsKeptAndTheNextCallFoldsOnIt() {
    CaseAnnex annex = new CaseAnnex(Optional.empty());
    List<CaseFacts> cases = cases(13);
    breachAll(annex, cases);
    annex.commit();
    breachAll(annex, cases.subList(0, 1));
    assertThat(annex.entry(cases.get(0).id()).breachCount()).isEqualTo(2);
    assertThat(annex.committed(cases.get(0).id()).breachCount()).isOne();
    annex.discard();
    assertThat(annex.entry(cases.get(0).id()).breachCount()).isOne();
    assertThat(annex.committed(cases.get(12).id()).breachCount()).isOne();
  }

  @Test
  void aCommitEndsTheCall_aReleasedCaseIsForgottenInTheNextCallsView() {
    CaseAnnex annex = new CaseAnnex(Optional.empty());
    List<CaseFacts> cases = cases(2);
    breachAll(annex, cases);
    annex.commit();
    annex.release(cases.get(0).id(), cases.get(0));
    assertThat(annex.committed(cases.get(0).id())).isEqualTo(CaseAnnex.Entry.INITIAL);
    assertThat(annex.entry(cases.get(0).id())).isEqualTo(CaseAnnex.Entry.INITIAL);
    assertThat(annex.entry(cases.get(1).id()).breachCount()).isOne();
  }

  private static List<CaseFacts> cases(int n) {
    List<CaseFacts> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(facts("c-" + i, "0101", Priority.NORMAL, CaseSource.APP, GRID1));
    }
    return out;
  }

  private static void breachAll(CaseAnnex annex, List<CaseFacts> cases) {
    for (CaseFacts f : cases) {
      annex.applied(
          f,
          CaseEvent.of(
              f.id(), 9, T, SYSTEM, new EventPayload.SlaBreached("HANDLE", SlaStage.HANDLE)));
    }
  }
}
