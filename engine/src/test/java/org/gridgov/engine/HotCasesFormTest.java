package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.DISTRICT;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.VGRID;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.config;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;
import static org.gridgov.engine.Fixture.supervisor;

import java.time.Instant;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.junit.jupiter.api.Test;

/**
 * Which form the store holds cases in (records or columns), as {@link
 * CaseEngine#compactCaseCount()} shows it: the {@link HotRing} keeps as many distinct cases as it
 * has slots, however often each is touched; an ended case is the first to leave the ring, and when
 * the ring is full it is encoded at the next commit of another case (unless released first) but
 * read without decoding while it is still in the ring. (Behaviour never depends on the form; {@code
 * CaseEnginePropertyTest} checks that.)
 */
class HotCasesFormTest {
  private static final Instant T0 = at("2026-03-02T09:00");

  private final Fixture.Driver d;
  private int minutes;

  HotCasesFormTest() {
    d = new Fixture.Driver(CaseEngine.create(config().config(), 4));
  }

  @Test
  void fewerOpenCasesThanHotSlotsAreNeverCompactedHoweverOftenTouched() {
    // Round robin over three cases in four slots: the first-in-first-out ring this replaced
    // compacted each case four touches after it was touched, though it had been touched since.
    String[] ids = {"H-1", "H-2", "H-3"};
    for (String id : ids) {
      report(id);
    }
    for (int step = 0; step < 4; step++) {
      for (String id : ids) {
        next(id);
        assertThat(d.engine.compactCaseCount()).as("%s at step %s", id, step).isZero();
      }
    }
    for (String id : ids) {
      assertThat(state(id).status()).isEqualTo(CaseStatus.HANDLING);
    }
  }

  @Test
  void inAFullRingAnEndedCaseIsEncodedAtTheNextCommitOfAnotherCaseButReadFromItsRecord() {
    fillers(); // three open cases: the ended one fills the fourth slot
    closed("E-1");
    assertThat(d.engine.compactCaseCount()).as("not yet encoded at the close").isZero();
    d.run(
        Principal.resident("res"),
        "E-1",
        tick(),
        new Command.Evaluate(Satisfaction.SATISFIED, true));
    assertThat(d.engine.compactCaseCount()).as("evaluated: the same case again").isZero();
    next("F-1");
    assertThat(d.engine.compactCaseCount()).as("encoded at another case's commit").isEqualTo(1);
    assertThat(d.engine.openCaseCount()).isEqualTo(3);
    assertThat(state("E-1").status()).isEqualTo(CaseStatus.EVALUATED);
    assertThat(d.engine.compactCaseCount()).as("read without decoding").isEqualTo(1);
    assertThat(d.engine.release(CaseId.of("E-1"))).isTrue();
    assertThat(d.engine.compactCaseCount()).isZero();
    assertThat(d.engine.state(CaseId.of("E-1"))).isEmpty();
  }

  @Test
  void whileTheRingHasRoomAnEndedCaseStaysARecordUntilReleased() {
    closed("E-1");
    report("O-1", "0501", VGRID);
    for (int step = 0; step < 3; step++) {
      next("O-1");
      assertThat(d.engine.compactCaseCount()).as("two cases in four slots, step %s", step).isZero();
    }
    assertThat(state("E-1").status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(d.engine.release(CaseId.of("E-1"))).isTrue();
    assertThat(d.engine.compactCaseCount()).isZero();
    assertThat(d.engine.state(CaseId.of("E-1"))).isEmpty();
  }

  @Test
  void anEndedCaseReleasedAtOnceIsNeverEncoded() {
    fillers();
    closed("E-1");
    assertThat(d.engine.compactCaseCount()).isZero();
    assertThat(d.engine.release(CaseId.of("E-1"))).isTrue();
    next("F-1");
    next("F-2");
    assertThat(d.engine.compactCaseCount()).isZero();
    assertThat(d.engine.state(CaseId.of("E-1"))).isEmpty();
  }

  @Test
  void aCaseReopenedBeforeAnotherCommitIsNotEncoded() {
    fillers();
    closed("E-1");
    d.run(supervisor(), "E-1", tick(), new Command.Reopen("not solved"));
    assertThat(state("E-1").status()).isNotEqualTo(CaseStatus.CLOSED);
    next("F-1");
    assertThat(d.engine.compactCaseCount()).as("open again: not ended").isZero();
    assertThat(d.engine.openCaseCount()).isEqualTo(4);
  }

  @Test
  void anEndedCaseIsTheFirstToLeaveTheRing() {
    closed("E-1");
    // elsewhere and of another category: no look-up of the ended case as a repeat target, which
    // would read it and so give it its second chance back
    String[] open = {"O-1", "O-2", "O-3"};
    for (String id : open) {
      report(id, "0501", VGRID);
      next(id);
    }
    assertThat(d.engine.compactCaseCount()).as("ended with room in the ring: a record").isZero();
    report("O-4", "0501", VGRID); // a fifth case in four slots: the ended one gives up its place
    assertThat(d.engine.compactCaseCount()).as("it left the ring: encoded").isEqualTo(1);
    for (String id : open) {
      next(id);
      assertThat(d.engine.compactCaseCount()).as("%s is still a record", id).isEqualTo(1);
    }
  }

  /** Three open cases elsewhere and of another category (never repeat targets of the others). */
  private void fillers() {
    for (String id : new String[] {"F-1", "F-2", "F-3"}) {
      report(id, "0501", VGRID);
    }
  }

  /** Reports a case and closes it, without reading it after the close (a read is a touch). */
  private void closed(String id) {
    report(id);
    for (int step = 0; step < 7; step++) {
      next(id);
    }
  }

  private void report(String id) {
    report(id, "0101", GRID1);
  }

  private void report(String id, String category, long grid) {
    d.run(
        Principal.resident("res"),
        id,
        tick(),
        new Command.Report(facts(id, category, Priority.NORMAL, CaseSource.APP, grid)));
  }

  /** The next step of the usual path: verify, register, dispatch, accept, resolve, check, close. */
  private void next(String id) {
    CaseState s = state(id);
    String lead = s.lead().orElse("");
    Principal holder =
        lead.startsWith("dept:")
            ? Principal.ofDepartment("staff-" + lead, lead)
            : Principal.inRegion("leader", Role.LEADER, DISTRICT);
    Principal who = districtDispatcher();
    Command.Action action;
    switch (s.status()) {
      case REPORTED -> action = new Command.Verify(true, "");
      case VERIFIED -> action = new Command.Register();
      case REGISTERED -> action = Command.Dispatch.byPolicy();
      case DISPATCHED -> {
        who = holder;
        action = new Command.Accept(lead);
      }
      case HANDLING -> {
        who = holder;
        action = new Command.Resolve(lead, "done");
      }
      case RESOLVED -> {
        who = supervisor();
        action = new Command.Check(true, "");
      }
      case CHECKED -> action = new Command.Close();
      default -> throw new AssertionError(id + " is " + s.status());
    }
    d.run(who, id, tick(), action);
  }

  private CaseState state(String id) {
    return d.engine.state(CaseId.of(id)).orElseThrow();
  }

  private Instant tick() {
    return T0.plusSeconds(60L * ++minutes);
  }
}
