package org.gridgov.engine;

import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Satisfaction;

/**
 * Random commands for an engine with a {@link SupervisionPolicy}: besides {@link
 * CaseEnginePropertyTest#next}'s commands, repeat reports (a new report of an existing case's
 * category at its first location), 督办 (open, urge, close a supervision — sometimes at a level the
 * policy lacks, or on a case not under supervision) and 回访 visits (sometimes of an open case), so
 * that many are refused and the rest drive supervisions, report counts and reopenings.
 */
final class SupervisedCommands {
  /**
   * Levels in escalation order, automatic supervision after two breaches, two returns or a repeat
   * while open; repeats linked for 30 days and a closed case reopened; a dissatisfied visit
   * reopens.
   */
  static final String POLICY =
      """
      level 一般督办 working-days 2 same-clock-time
      level 重点督办 natural PT24H
      level 挂牌督办 natural PT12H
      auto breaches 2 一般督办
      auto returns 2 重点督办
      auto repeat-while-open 重点督办
      repeat window P30D reopen
      visit dissatisfied reopen
      """;

  private static final String[] LEVELS = {"一般督办", "重点督办", "挂牌督办", "特级督办"};

  private SupervisedCommands() {}

  /** The fixture's configuration with {@link #POLICY}. */
  static CaseEngine.Builder config() {
    return Fixture.config().supervisionPolicy(SupervisionPolicy.parse(POLICY, "test-policy"));
  }

  /** The next random command; {@code ids} are the cases reported so far. */
  static Command next(SplittableRandom r, CaseEngine e, List<CaseId> ids, String cid, Instant t) {
    if (ids.isEmpty()) {
      return CaseEnginePropertyTest.next(r, e, ids, cid, t);
    }
    CaseId id = ids.get(r.nextInt(ids.size()));
    int k = r.nextInt(20);
    Optional<CaseFacts> known = e.facts(id);
    if (k < 2 && known.isPresent()) {
      CaseFacts of = known.get();
      CaseFacts again =
          Fixture.facts(
              "K-" + cid,
              of.categoryCode(),
              r.nextInt(4) == 0 ? Priority.URGENT : Priority.NORMAL,
              CaseSource.APP,
              of.locationCodes().get(0));
      return Command.of(
          cid, Principal.resident("res-" + r.nextInt(5)), again.id(), t, new Command.Report(again));
    }
    Command.Action a;
    Principal who = supervisor();
    if ((k == 3 || k == 4) && r.nextInt(5) > 0) { // mostly a case under open supervision
      id = pick(r, ids, c -> e.supervision(c).filter(Supervision::isOpen).isPresent(), id);
    } else if (k == 5 && r.nextInt(5) > 0) { // mostly a closed case
      id =
          pick(
              r,
              ids,
              c -> e.state(c).map(st -> st.status() == CaseStatus.CLOSED).orElse(false),
              id);
    }
    switch (k) {
      case 2 -> a = new Command.OpenSupervision(LEVELS[r.nextInt(LEVELS.length)], "群众反映强烈");
      case 3 -> a = new Command.Urge("今日内处置完毕");
      case 4 -> a = new Command.CloseSupervision("按期整改完毕");
      case 5 -> {
        who = districtDispatcher();
        a =
            switch (r.nextInt(4)) {
              case 0 -> Command.Visit.notReached();
              case 1 -> Command.Visit.reached(Satisfaction.SATISFIED);
              case 2 -> Command.Visit.reached(Satisfaction.BASICALLY_SATISFIED);
              default -> new Command.Visit(true, Optional.of(Satisfaction.DISSATISFIED));
            };
      }
      default -> {
        return CaseEnginePropertyTest.next(r, e, ids, cid, t);
      }
    }
    return Command.of(cid, who, id, t, a);
  }

  /** A random case that passes {@code test}, or {@code otherwise} if none does. */
  private static CaseId pick(
      SplittableRandom r, List<CaseId> ids, Predicate<CaseId> test, CaseId otherwise) {
    List<CaseId> fit = ids.stream().filter(test).toList();
    return fit.isEmpty() ? otherwise : fit.get(r.nextInt(fit.size()));
  }
}
