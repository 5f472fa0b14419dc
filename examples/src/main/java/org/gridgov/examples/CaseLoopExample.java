package org.gridgov.examples;

import com.google.common.primitives.ImmutableLongArray;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;
import org.gridgov.metrics.IndicatorReport;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.DeadlineQueue;
import org.gridgov.sla.SlaLimit;

/**
 * For embedders: one case through the closed loop (report → verify → register → dispatch → accept →
 * resolve → check → close) with its deadline on the built-in China calendar, a deadline queue, and
 * the indicators of the month.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.CaseLoopExample}.
 */
public final class CaseLoopExample {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private CaseLoopExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var unused = run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  private static Instant at(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2025, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
  }

  /**
   * Runs the example, printing to {@code out}.
   *
   * @param out where to print
   * @return the month's indicators, for tests
   */
  static IndicatorReport run(PrintStream out) {
    // tag::case-loop[]
    // A water leak reported through the app on Monday 2025-03-03 at 09:10, to be handled in 4
    // working hours.
    BusinessCalendar calendar =
        ChinaCalendar.calendar(); // official holidays 2007-2026, then provisional years
    Instant reported = at(3, 3, 9, 10);
    Instant due = calendar.plus(reported, SlaLimit.workingHours(4)); // 09:10-12:00 + 13:30-14:40
    out.printf("due at %s%n", due.atZone(SHANGHAI).toLocalDateTime());

    DeadlineQueue deadlines = new DeadlineQueue(); // no clock, no threads: time is what you pass in
    deadlines.schedule(1L, due);

    CaseId id = CaseId.of("2025-0303-0001");
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0301")
            .priority(Priority.NORMAL)
            .kind(CaseKind.IMMEDIATE)
            .source(CaseSource.APP)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .build();
    Actor resident = Actor.of("resident-17", Role.RESIDENT);
    Actor worker = Actor.of("grid-worker-3", Role.GRID_WORKER);
    Actor centre = Actor.of("centre-dispatcher", Role.DISPATCHER);
    CaseFile file =
        CaseFile.open(facts)
            .appendAll(
                List.of(
                    CaseEvent.of(id, 1, reported, resident, new EventPayload.Reported()),
                    CaseEvent.of(id, 2, at(3, 3, 9, 11), centre, new EventPayload.Verified()),
                    CaseEvent.of(id, 3, at(3, 3, 9, 12), centre, new EventPayload.Registered(due)),
                    CaseEvent.of(
                        id,
                        4,
                        at(3, 3, 9, 13),
                        centre,
                        new EventPayload.Dispatched("office:350302001001001", HandlerRole.LEAD)),
                    CaseEvent.of(
                        id,
                        5,
                        at(3, 3, 9, 20),
                        worker,
                        new EventPayload.Accepted("office:350302001001001")),
                    CaseEvent.of(
                        id,
                        6,
                        at(3, 3, 11, 5),
                        worker,
                        new EventPayload.Resolved("valve replaced")),
                    CaseEvent.of(id, 7, at(3, 3, 11, 10), centre, new EventPayload.CheckPassed()),
                    CaseEvent.of(id, 8, at(3, 3, 11, 10), centre, new EventPayload.Closed())));
    out.printf("case %s is %s after %d events%n", id, file.state().status(), file.events().size());

    // Closed in time: cancel the deadline; nothing is due when the clock reaches it.
    boolean cancelled = deadlines.cancel(1L);
    int fired = deadlines.pollDue(due, (key, deadline) -> out.printf("breach of %d%n", key));
    out.printf("deadline cancelled: %s, breaches fired: %d%n", cancelled, fired);

    IndicatorReport march =
        CaseIndicators.compute(
            List.of(file),
            IndicatorQuery.builder()
                .fromInclusive(at(3, 1, 0, 0))
                .toExclusive(at(4, 1, 0, 0))
                .build());
    out.printf("结案率 %s, 按期结案率 %s%n", march.closingRate(), march.onTimeClosingRate());
    // end::case-loop[]
    return march;
  }
}
