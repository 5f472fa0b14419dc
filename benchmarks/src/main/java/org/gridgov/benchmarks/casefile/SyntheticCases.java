package org.gridgov.benchmarks.casefile;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.SlaStage;

/**
 * Seeded synthetic case logs for the benchmarks: a realistic mix of clean loops, returns, rework
 * and delays.
 */
final class SyntheticCases {
  static final Instant YEAR_START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Actor SYSTEM = Actor.of("system", Role.DISPATCHER);
  private static final int HANDLERS = 200;
  private static final String[] HANDLER_IDS = new String[HANDLERS];

  static {
    for (int i = 0; i < HANDLERS; i++) {
      HANDLER_IDS[i] = "H" + i;
    }
  }

  private SyntheticCases() {}

  /** Facts plus events of one case; {@code index} picks the id, the seed everything else. */
  static CaseFile caseFile(long index, SplittableRandom r) {
    CaseId id = CaseId.of("C" + index);
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.IMMEDIATE)
            .locationCodes(ImmutableLongArray.of(1000 + r.nextInt(100)))
            .source(CaseSource.HOTLINE_12345)
            .build();
    return CaseFile.of(facts, events(id, r));
  }

  static List<CaseEvent> events(CaseId id, SplittableRandom r) {
    List<CaseEvent> out = new ArrayList<>(16);
    Instant t = YEAR_START.plus(Duration.ofMinutes(r.nextLong(365L * 24 * 60)));
    String lead = HANDLER_IDS[r.nextInt(HANDLERS)];
    Instant due = t.plus(Duration.ofHours(24 + r.nextInt(120)));
    int kind = r.nextInt(100);
    t = add(out, id, t, r, new EventPayload.Reported());
    t = add(out, id, t, r, new EventPayload.Verified());
    t = add(out, id, t, r, new EventPayload.Registered(due.isAfter(t) ? due : t.plusSeconds(3600)));
    t = add(out, id, t, r, new EventPayload.Dispatched(lead, HandlerRole.LEAD));
    if (kind < 10) { // returned once, re-dispatched
      t = add(out, id, t, r, new EventPayload.Returned(lead, "not ours"));
      lead = HANDLER_IDS[r.nextInt(HANDLERS)];
      t = add(out, id, t, r, new EventPayload.Dispatched(lead, HandlerRole.LEAD));
    }
    t = add(out, id, t, r, new EventPayload.Accepted(lead));
    if (kind >= 10 && kind < 15) { // suspended and resumed
      t = add(out, id, t, r, new EventPayload.Suspended("waiting"));
      t = add(out, id, t, r, new EventPayload.Resumed(due.plus(Duration.ofDays(2))));
    }
    if (kind >= 15 && kind < 20) {
      t =
          add(
              out,
              id,
              t,
              r,
              new EventPayload.SlaWarning(CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, 1));
    }
    if (kind >= 95) { // still open
      return out;
    }
    t = add(out, id, t, r, new EventPayload.Resolved("done"));
    if (kind >= 20 && kind < 28) { // rework
      t = add(out, id, t, r, new EventPayload.CheckFailed("again"));
      t = add(out, id, t, r, new EventPayload.Resolved("done again"));
    }
    t = add(out, id, t, r, new EventPayload.CheckPassed());
    t = add(out, id, t, r, new EventPayload.Closed());
    var unused =
        add(
            out,
            id,
            t,
            r,
            new EventPayload.Evaluated(
                r.nextInt(10) == 0 ? Satisfaction.DISSATISFIED : Satisfaction.SATISFIED,
                r.nextInt(10) != 0));
    return out;
  }

  private static Instant add(
      List<CaseEvent> out, CaseId id, Instant t, SplittableRandom r, EventPayload p) {
    out.add(CaseEvent.of(id, out.size() + 1, t, SYSTEM, p));
    return t.plus(Duration.ofMinutes(10 + r.nextInt(600)));
  }

  static ImmutableList<CaseFile> files(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ImmutableList.Builder<CaseFile> b = ImmutableList.builderWithExpectedSize(n);
    for (int i = 0; i < n; i++) {
      b.add(caseFile(i, r));
    }
    return b.build();
  }
}
