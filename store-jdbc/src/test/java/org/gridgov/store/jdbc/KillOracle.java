package org.gridgov.store.jdbc;

import static org.gridgov.store.jdbc.StoreFixture.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.CaseEngine;

/**
 * The independent oracle of the kill test: the log of an uninterrupted run of {@link CrashScenario}
 * on a plain in-memory engine, and the log size after each step. A store left by killed children is
 * judged against it only, never against what the store says of itself.
 */
final class KillOracle {
  private final List<CaseEvent> reference;
  private final List<CaseFacts> reportedFacts = new ArrayList<>();
  private final List<Integer> sizeAfterStep = new ArrayList<>();
  private final List<Boolean> retryStep = new ArrayList<>();

  KillOracle(CrashScenario scenario) {
    this.reference = scenario.referenceLogWithSteps(reportedFacts, sizeAfterStep, retryStep);
    if (sizeAfterStep.size() != scenario.steps()) {
      throw new AssertionError(
          "the reference run acknowledged " + sizeAfterStep.size() + " of " + scenario.steps());
    }
  }

  /** The whole reference log. */
  List<CaseEvent> reference() {
    return reference;
  }

  /** The facts of the reference run, in report order. */
  List<CaseFacts> reportedFacts() {
    return reportedFacts;
  }

  private int sizeAfter(int step) {
    return step < 0 ? 0 : sizeAfterStep.get(Math.min(step, sizeAfterStep.size() - 1));
  }

  /**
   * Judges a reopened store. {@code lastAcked} is the last step any child acknowledged as stored;
   * {@code restored} the engine {@link DurableCaseEngine#open} rebuilt from it.
   *
   * @return what is wrong, counted: lost, duplicated and corrupt, with a description of the first
   */
  Verdict judge(StoredLog log, DurableCaseEngine restored, int lastAcked) {
    List<String> problems = new ArrayList<>();
    int storedStep = log.lastCommandId().map(id -> Integer.parseInt(id.substring(1))).orElse(-1);
    List<CaseEvent> events = log.events();

    Set<String> keys = new HashSet<>();
    int duplicated = 0;
    for (CaseEvent e : events) {
      if (!keys.add(e.caseId().value() + "#" + e.sequence())) {
        duplicated++;
      }
    }
    int inFlight = storedStep + 1; // retries store nothing; the next other step may have stored
    while (inFlight < retryStep.size() && retryStep.get(inFlight)) { // its time advance
      inFlight++;
    }
    int maySize = sizeAfter(inFlight);
    if (events.size() > maySize) {
      duplicated += events.size() - maySize;
      problems.add(
          String.format(
              Locale.ROOT,
              "%d events stored but the commands up to step %d (and the next step's advance) make"
                  + " at most %d",
              events.size(),
              storedStep,
              maySize));
    }

    int lost = 0;
    if (storedStep < lastAcked) {
      lost += lastAcked - storedStep;
      problems.add("step " + lastAcked + " was acknowledged but the store ends at " + storedStep);
    }
    int mustSize = sizeAfter(Math.max(lastAcked, storedStep));
    if (events.size() < mustSize) {
      lost += mustSize - events.size();
      problems.add(
          String.format(
              Locale.ROOT,
              "%d events stored but acknowledged steps up to %d make %d",
              events.size(),
              Math.max(lastAcked, storedStep),
              mustSize));
    }

    int corrupt = 0;
    int common = 0;
    while (common < events.size()
        && common < reference.size()
        && events.get(common).equals(reference.get(common))) {
      common++;
    }
    if (common < events.size()) {
      corrupt++;
      problems.add("stored event " + common + " differs from the uninterrupted run's");
    }
    int cases = (int) events.stream().filter(e -> e.sequence() == 1).count();
    if (cases > reportedFacts.size()
        || !List.copyOf(log.facts().values()).equals(reportedFacts.subList(0, cases))) {
      corrupt++;
      problems.add("the stored facts are not the first " + cases + " reported");
    } else if (common == events.size() && !replays(restored, cases, events.size())) {
      corrupt++;
      problems.add("the restored engine differs from a replay of the reference prefix");
    }
    return new Verdict(lost, duplicated, corrupt, storedStep, problems);
  }

  /** Whether the restored engine equals a plain engine restored from the reference prefix. */
  private boolean replays(DurableCaseEngine restored, int cases, int size) {
    Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    for (CaseFacts f : reportedFacts.subList(0, cases)) {
      facts.put(f.id(), f);
    }
    CaseEngine expected = CaseEngine.restore(config(), facts, reference.subList(0, size));
    if (restored.now().isPresent()
        && expected.now().map(n -> n.isBefore(restored.now().get())).orElse(true)
        && !expected.advanceTo(restored.now().get()).isEmpty()) {
      return false;
    }
    return expected.snapshot().equals(restored.snapshot());
  }

  /**
   * What one reopened store shows.
   *
   * @param lost acknowledged steps or events missing from the store
   * @param duplicated events stored twice, or more than the stored commands make
   * @param corrupt a stored log that is not a prefix of the reference, or does not replay to it
   * @param storedStep the last command the store records
   * @param problems a description of each problem
   */
  record Verdict(int lost, int duplicated, int corrupt, int storedStep, List<String> problems) {}
}
