package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileTest {
  private static final Instant T0 = Instant.parse("2024-03-01T01:00:00Z");
  private static final Instant DUE = T0.plus(Duration.ofDays(5));

  @Test
  void open_startsEmptyInStatusNew() {
    CaseFile f = CaseFile.open(CaseScript.facts("C-1"));
    assertThat(f.events()).isEmpty();
    assertThat(f.state().status()).isEqualTo(CaseStatus.NEW);
    assertThat(f.nextSequence()).isEqualTo(1);
    assertThat(f.id()).isEqualTo(CaseId.of("C-1"));
  }

  @Test
  void append_returnsANewFileAndLeavesTheOldOneAlone() {
    CaseScript s = CaseScript.of("C-1", T0).reported();
    CaseFile one = s.file();
    CaseFile two = one.append(s.next(new EventPayload.Verified()));
    assertThat(one.events()).hasSize(1);
    assertThat(one.state().status()).isEqualTo(CaseStatus.REPORTED);
    assertThat(two.events()).hasSize(2);
    assertThat(two.state().status()).isEqualTo(CaseStatus.VERIFIED);
    assertThat(two.event(2).type()).isEqualTo(EventType.VERIFIED);
    assertThat(two.nextSequence()).isEqualTo(3);
  }

  @Test
  void appendAll_isAllOrNothing() {
    CaseScript s = CaseScript.of("C-1", T0).reported();
    CaseFile f = s.file();
    CaseEvent ok = s.next(new EventPayload.Verified());
    CaseEvent bad = CaseEvent.of(s.id(), 3, T0, CaseScript.SYSTEM, new EventPayload.Closed());
    assertThatThrownBy(() -> f.appendAll(List.of(ok, bad)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("#3");
    assertThat(f.events()).hasSize(1);
    assertThat(f.appendAll(List.of(ok)).events()).hasSize(2);
  }

  @Test
  void of_replaysAndEqualsTheAppendedFile() {
    CaseScript s =
        CaseScript.of("C-1", T0).handledBy("L", DUE).hours(2).resolved().checkPassed().closed();
    CaseFile appended = CaseFile.open(s.facts());
    for (CaseEvent e : s.events()) {
      appended = appended.append(e);
    }
    new EqualsTester()
        .addEqualityGroup(appended, s.file(), CaseFile.of(s.facts(), s.events()))
        .addEqualityGroup(CaseFile.of(s.facts(), s.events().subList(0, 3)))
        .testEquals();
    assertThat(appended.toString()).isEqualTo("CaseFile[C-1, 0102, CLOSED, 8 events]");
  }

  @Test
  void event_rejectsUnknownSequence() {
    CaseFile f = CaseScript.of("C-1", T0).reported().file();
    assertThatThrownBy(() -> f.event(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-1 has events #1 to #1, not #2");
  }

  @Test
  void caseState_equalityCoversTheDerivedFields() {
    CaseScript a = CaseScript.of("C-1", T0).handledBy("L", DUE);
    CaseScript b = CaseScript.of("C-1", T0).handledBy("M", DUE);
    CaseScript c = CaseScript.of("C-1", T0).handledBy("L", DUE.plusSeconds(1));
    new EqualsTester()
        .addEqualityGroup(a.file().state(), CaseLifecycle.replay(a.id(), a.events()))
        .addEqualityGroup(b.file().state())
        .addEqualityGroup(c.file().state())
        .addEqualityGroup(CaseLifecycle.initial(a.id()))
        .testEquals();
  }
}
