package org.gridgov.examples;

import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableLongArray;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.CommandId;
import org.gridgov.engine.DeliberationDesk;
import org.gridgov.engine.DeliberationEvent;
import org.gridgov.engine.DeliberationRefusedException;
import org.gridgov.engine.Principal;
import org.gridgov.people.Assignment;
import org.gridgov.people.BodyKind;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.PersonId;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftRoster;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.people.WishBoard;
import org.gridgov.people.WishId;
import org.gridgov.people.WishIndicators;
import org.gridgov.people.WishPolicy;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;

/**
 * For embedders: people in the grid. A big matter (大事) goes to the community representatives'
 * meeting, waits for its monthly sitting with the case's clocks paused, fails its first quorum and
 * is adopted at the second sitting; a small wish (微心愿) needing 3 claimants is claimed by 2, then 3,
 * and fulfilled; and a shift roster answers who covers the grid now.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.PeopleExample}.
 */
public final class PeopleExample {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private PeopleExample() {}

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
   * @return the desk's log, for tests
   */
  static List<DeliberationEvent> run(PrintStream out) {
    RegionTree tree = ReportAtPointExample.street();
    Region grid = tree.regionsAt(RegionLevel.GRID).get(0);
    Region community = grid.parent().orElseThrow();
    Region grid2 =
        community.children().stream().filter(g -> g.code() != grid.code()).findFirst().get();
    Instant from = at(1, 1, 0, 0);
    StaffRegistry registry =
        StaffRegistry.of(
            tree,
            StaffRoles.standard(),
            LocalDate.of(2025, 1, 1),
            List.of(
                Assignment.from(PersonId.of("p-leader"), "grid_leader", grid.code(), from),
                Assignment.from(PersonId.of("p-leader2"), "grid_leader", grid2.code(), from),
                Assignment.from(PersonId.of("p-worker"), "grid_worker", grid.code(), from),
                Assignment.from(PersonId.of("p-night"), "grid_worker", community.code(), from),
                Assignment.from(PersonId.of("p-party1"), "party_contact", community.code(), from),
                Assignment.from(PersonId.of("p-party2"), "party_contact", community.code(), from),
                Assignment.from(PersonId.of("p-vol1"), "volunteer", grid.code(), from),
                Assignment.from(PersonId.of("p-vol2"), "volunteer", grid2.code(), from)));
    BusinessCalendar calendar = ChinaCalendar.calendar();
    List<DeliberationEvent> log = bigMatter(out, tree, grid, registry, calendar);
    smallWish(out, community, registry);
    shifts(out, grid, registry, calendar);
    return log;
  }

  /**
   * A big matter in the grid, reported by its worker, dispatched to the grid's office, accepted.
   */
  private static CaseId handling(CaseEngine engine, Region grid, Principal centre) {
    Principal worker = Principal.inRegion("p-worker", Role.GRID_WORKER, grid.code());
    CaseId id = CaseId.of("2025-0303-0007");
    CaseFacts facts =
        CaseFacts.builder()
            .id(id)
            .categoryCode("0105")
            .priority(Priority.MAJOR) // a big matter: 大事大议
            .kind(CaseKind.COMMITTED)
            .source(CaseSource.GRID_PATROL)
            .locationCodes(ImmutableLongArray.of(grid.code()))
            .build();
    Instant t = at(3, 3, 10, 0);
    var unused = engine.execute(Command.of("c1", worker, id, t, new Command.Report(facts)));
    unused = engine.execute(Command.of("c2", worker, id, t, new Command.Verify(true, "")));
    unused = engine.execute(Command.of("c3", centre, id, t, new Command.Register()));
    unused = engine.execute(Command.of("c4", centre, id, t, Command.Dispatch.byPolicy()));
    String office = CaseEngine.officeOf(grid.code());
    unused = engine.execute(Command.of("c5", worker, id, t, new Command.Accept(office)));
    return id;
  }

  // tag::deliberation[]
  private static List<DeliberationEvent> bigMatter(
      PrintStream out, RegionTree tree, Region grid, StaffRegistry registry, BusinessCalendar cal) {
    CaseEngine engine = ReportAtPointExample.engine(tree).build();
    DeliberationDesk desk = DeliberationDesk.of(DeliberationPolicy.standard(), registry, cal);
    Principal centre = Principal.inRegion("centre-1", Role.DISPATCHER, tree.roots().get(0).code());
    CaseId id = handling(engine, grid, centre);
    // A decision is recorded by a member of the body: the grid's leader.
    Principal chair = Principal.inRegion("p-leader", Role.LEADER, grid.code());
    var unused = engine.advanceTo(at(3, 4, 10, 0));
    DeliberationDesk.Result referred =
        desk.refer(engine, CommandId.of("d1"), centre, id, at(3, 4, 10, 0), Optional.empty());
    out.printf(
        "referred to %s, sitting by %s; case %s%n",
        referred.event().bodyId(),
        referred.event().sittingBy().orElseThrow().atZone(SHANGHAI).toLocalDateTime(),
        engine.state(id).orElseThrow().status());
    unused = engine.advanceTo(at(3, 10, 14, 30)); // the clocks are paused: nothing fires
    DeliberationEvent thin =
        desk.sit(id, at(3, 10, 14, 30), List.of(PersonId.of("p-leader"), PersonId.of("p-vol1")));
    out.printf(
        "sitting: %d of %d members, quorum %d, met %s%n",
        thin.attendees().size(), thin.members(), thin.quorum(), thin.quorumMet());
    try {
      var refused =
          desk.decide(
              engine, CommandId.of("d2"), chair, id, at(3, 10, 15, 0), BodyKind.Outcome.ADOPTED);
      out.println("decided without quorum?! " + refused.event());
    } catch (DeliberationRefusedException e) {
      out.println("refused: " + e.getMessage());
    }
    var full =
        desk.sit(
            id,
            at(3, 10, 15, 10),
            List.of(
                PersonId.of("p-leader"),
                PersonId.of("p-leader2"),
                PersonId.of("p-party1"),
                PersonId.of("p-party2")));
    DeliberationDesk.Result adopted =
        desk.decide(
            engine, CommandId.of("d3"), chair, id, at(3, 10, 15, 30), BodyKind.Outcome.ADOPTED);
    out.printf(
        "sitting: %d of %d members, met %s; decided %s, case %s%n",
        full.attendees().size(),
        full.members(),
        full.quorumMet(),
        adopted.event().outcome().orElseThrow(),
        engine.state(id).orElseThrow().status());
    return desk.log();
  }

  // end::deliberation[]

  // tag::wishes[]
  private static void smallWish(PrintStream out, Region community, StaffRegistry registry) {
    WishBoard board = WishBoard.of(registry, WishPolicy.standard());
    WishId wish = WishId.of("w-0001");
    PersonId resident = PersonId.of("r-0173"); // a pseudonym; the name stays with the embedder
    var unused = board.post(wish, resident, community.code(), 3, at(3, 5, 9, 0));
    unused = board.claim(wish, PersonId.of("p-vol1"), at(3, 5, 12, 0));
    unused = board.claim(wish, PersonId.of("p-vol2"), at(3, 6, 9, 0));
    out.printf("wish claimants: %s%n", board.wish(wish).orElseThrow().claimants());
    unused = board.claim(wish, PersonId.of("p-party1"), at(3, 7, 9, 0));
    unused = board.confirm(wish, resident, at(3, 9, 18, 0));
    WishIndicators ind = WishIndicators.of(board.log()).get(community.code());
    if (ind != null) {
      out.printf(
          "wishes fulfilled %d of %d; first claim after %s, fully claimed after %s%n",
          ind.fulfilled(),
          ind.posted(),
          ind.meanTimeToFirstClaim().orElseThrow(),
          ind.meanTimeToFullyClaimed().orElseThrow());
    }
  }

  // end::wishes[]

  private static void shifts(
      PrintStream out, Region grid, StaffRegistry registry, BusinessCalendar calendar) {
    ShiftPattern day =
        ShiftPattern.of(
            "day",
            List.of(
                new ShiftPattern.Window(
                    ShiftPattern.Days.WORKING_DAYS, LocalTime.of(8, 30), LocalTime.of(17, 30))));
    ShiftPattern night =
        ShiftPattern.of(
            "night",
            List.of(
                new ShiftPattern.Window(
                    ShiftPattern.Days.EVERY_DAY, LocalTime.of(20, 0), LocalTime.of(8, 0))));
    ShiftRoster roster =
        ShiftRoster.of(
            calendar, ImmutableMap.of(PersonId.of("p-worker"), day, PersonId.of("p-night"), night));
    for (Instant t : List.of(at(3, 4, 10, 0), at(3, 4, 23, 0), at(5, 1, 10, 0))) {
      out.printf(
          "grid workers on duty at %s: %s%n",
          t.atZone(SHANGHAI).toLocalDateTime(),
          roster.coverersOnDuty(registry, grid.code(), "grid_worker", t));
    }
  }
}
