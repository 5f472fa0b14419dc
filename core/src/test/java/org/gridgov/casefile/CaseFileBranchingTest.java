package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files appended one after another share one log (see {@code SharedRun}); every file must still
 * read as the events appended to reach it: appending to an older file, whose next slot a newer file
 * took, must not change either, and appending the same event twice to one file (a step worked out
 * once to look ahead) must give equal files. The oracle is a plain list per file, and the file
 * rebuilt from it by {@link CaseFile#of}.
 */
class CaseFileBranchingTest {
  private static final Instant T0 = Instant.parse("2024-03-01T01:00:00Z");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyFileReadsAsTheEventsAppendedToReachIt(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CaseScript s = CaseScript.of("C-1", T0).handledBy("L", T0.plus(Duration.ofDays(5)));
    List<CaseFile> files = new ArrayList<>();
    List<List<CaseEvent>> logs = new ArrayList<>();
    files.add(s.file());
    logs.add(s.events());
    for (int step = 0; step < 200; step++) {
      int from = r.nextInt(8) == 0 ? r.nextInt(files.size()) : files.size() - 1;
      CaseFile f = files.get(from);
      CaseEvent e = nextEvent(f, r);
      List<CaseEvent> log = new ArrayList<>(logs.get(from));
      log.add(e);
      if (r.nextInt(6) == 0) { // look ahead: the same event appended once before
        files.add(f.append(e));
        logs.add(log);
      }
      files.add(f.append(e));
      logs.add(log);
    }
    for (int i = 0; i < files.size(); i++) {
      CaseFile f = files.get(i);
      List<CaseEvent> log = logs.get(i);
      String where = "seed " + seed + " file " + i;
      assertThat(f.event(log.size())).as(where).isEqualTo(log.get(log.size() - 1));
      assertThat(f.event(1)).as(where).isEqualTo(log.get(0));
      assertThat(f.events()).as(where).containsExactlyElementsOf(log);
      assertThat(f.nextSequence()).as(where).isEqualTo(log.size() + 1);
      CaseFile rebuilt = CaseFile.of(s.facts(), log);
      assertThat(f).as(where).isEqualTo(rebuilt).hasSameHashCodeAs(rebuilt);
      assertThat(f.state()).as(where).isEqualTo(rebuilt.state());
    }
  }

  /** A suspension of a handled case, or the resumption of a suspended one. */
  private static CaseEvent nextEvent(CaseFile f, SplittableRandom r) {
    CaseEvent last = f.event(f.nextSequence() - 1);
    Instant at = last.at().plusSeconds(r.nextInt(3) * 60L);
    EventPayload p =
        f.state().status() == CaseStatus.SUSPENDED
            ? new EventPayload.Resumed(f.state().dueAt().orElse(at).plusSeconds(60), false)
            : new EventPayload.Suspended("waiting " + r.nextInt(3));
    return CaseEvent.of(f.id(), f.nextSequence(), at, CaseScript.SYSTEM, p);
  }
}
