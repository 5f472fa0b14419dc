package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.engine.DeliberationEvent;
import org.junit.jupiter.api.Test;

class PeopleExampleTest {

  @Test
  void bigMatterWaitsForTheMeetingAWishIsFulfilledAndShiftsAreRespected() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<DeliberationEvent> log =
        PeopleExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains(
            "referred to representatives_meeting, sitting by 2025-03-10T14:30; case SUSPENDED");
    assertThat(out).contains("sitting: 2 of 6 members, quorum 4, met false");
    assertThat(out).contains("refused: case 2025-0303-0007: deliberation refused: quorum not met");
    assertThat(out).contains("sitting: 4 of 6 members, met true; decided ADOPTED, case HANDLING");
    assertThat(out).contains("wish claimants: [p-vol1, p-vol2]");
    assertThat(out)
        .contains("wishes fulfilled 1 of 1; first claim after PT3H, fully claimed after PT48H");
    assertThat(out).contains("grid workers on duty at 2025-03-04T10:00: [p-worker]");
    assertThat(out).contains("grid workers on duty at 2025-03-04T23:00: [p-night]");
    assertThat(out).contains("grid workers on duty at 2025-05-01T10:00: []");
    assertThat(out).doesNotContain("decided without quorum");
    assertThat(log)
        .extracting(DeliberationEvent::kind)
        .containsExactly(
            DeliberationEvent.Kind.REFERRED,
            DeliberationEvent.Kind.SAT,
            DeliberationEvent.Kind.SAT,
            DeliberationEvent.Kind.DECIDED);
  }
}
