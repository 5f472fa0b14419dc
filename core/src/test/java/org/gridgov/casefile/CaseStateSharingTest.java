package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields a case's usual path never changes ({@link CaseState.Rare}) are shared between
 * successive states, not copied per event, and sharing never changes what a state equals.
 */
class CaseStateSharingTest {
  private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

  private static List<CaseState> states(CaseScript script) {
    List<CaseState> out = new ArrayList<>();
    CaseState s = CaseLifecycle.initial(script.id());
    out.add(s);
    for (CaseEvent e : script.events()) {
      s = CaseLifecycle.apply(s, e);
      out.add(s);
    }
    return out;
  }

  /**
   * Case C-1 reported, verified, registered, dispatched to and accepted by "grid" (five events).
   */
  private static CaseScript handled() {
    return CaseScript.of("C-1", T0)
        .reported()
        .verified()
        .registered(T0.plus(Duration.ofDays(5)))
        .dispatched("grid")
        .accepted("grid");
  }

  @Test
  void theUsualPathSharesTheInitialRareFieldsAtEveryEvent() {
    CaseScript usual =
        handled()
            .escalated("grid", "street")
            .accepted("street")
            .resolved()
            .checkFailed()
            .resolved()
            .checkPassed()
            .closed();
    List<CaseState> states = states(usual);
    CaseState.Rare first = states.get(0).rare();
    assertThat(first).isSameAs(CaseLifecycle.initial(CaseId.of("C-2")).rare());
    assertThat(states).allSatisfy(s -> assertThat(s.rare()).isSameAs(first));
  }

  @Test
  void anEventChangingARareFieldGetsItsOwnAndTheNextUsualEventSharesIt() {
    CaseScript s =
        handled()
            .assist("water") // not the direct path, but no rare field changes
            .suspended() // a rare field changes: suspendedSince, suspensionCount
            .hours(2)
            .resumed(T0.plus(Duration.ofDays(6))) // and again: suspendedTotal
            .resolved()
            .checkPassed()
            .closed()
            .evaluated(Satisfaction.SATISFIED, true); // and again
    List<CaseState> st = states(s);
    int assisted = 6;
    int suspended = 7;
    int resumed = 8;
    assertThat(
            CaseState.hasDirectPath(EventType.DISPATCHED, s.events().get(assisted - 1).payload()))
        .isFalse();
    assertThat(st.get(assisted).assists()).containsExactly("water");
    assertThat(st.get(assisted).rare()).isSameAs(st.get(0).rare());
    assertThat(st.get(suspended).rare()).isNotSameAs(st.get(suspended - 1).rare());
    assertThat(st.get(suspended).suspensionCount()).isEqualTo(1);
    assertThat(st.get(resumed).rare()).isNotSameAs(st.get(suspended).rare());
    assertThat(st.get(resumed).suspendedTotal()).isEqualTo(Duration.ofHours(2));
    for (int i = resumed + 1; i < st.size() - 1; i++) {
      assertThat(st.get(i).rare()).as("state %d", i).isSameAs(st.get(resumed).rare());
    }
    CaseState evaluated = st.get(st.size() - 1);
    assertThat(evaluated.rare()).isNotSameAs(st.get(st.size() - 2).rare());
    assertThat(evaluated.satisfaction()).contains(Satisfaction.SATISFIED);
  }

  @Test
  void aStateEqualsItsCopyWhoseRareFieldsAreAnotherInstance() {
    CaseScript s = handled().returned("grid").dispatched("roads");
    CaseState live = s.file().state();
    CaseState copy = CaseStateForm.of(live).toState();
    assertThat(copy.rare()).isNotSameAs(live.rare());
    assertThat(copy).isEqualTo(live).hasSameHashCodeAs(live);
    assertThat(copy.returnedBy()).containsExactly("grid");
    // one rare field apart: not equal
    CaseState other = CaseLifecycle.apply(live, s.next(new EventPayload.Returned("roads", "no")));
    assertThat(other).isNotEqualTo(live);
    assertThat(other.returnCount()).isEqualTo(live.returnCount() + 1);
  }
}
