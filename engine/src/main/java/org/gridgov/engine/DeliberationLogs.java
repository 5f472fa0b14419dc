package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventSequenceException;
import org.gridgov.casefile.IllegalTransitionException;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.StaffRegistry;
import org.gridgov.sla.BusinessCalendar;

/**
 * The two logs of deliberation together: the {@link DeliberationDesk}'s log (referrals, sittings,
 * decisions) and the engine's case log (the referral's {@code Suspended}, the decision's {@code
 * Resumed}). A joint restore rebuilds the desk from its log and checks that the case log agrees
 * with it, so neither log can drift from the other unnoticed:
 *
 * <ul>
 *   <li>every {@code REFERRED} entry has a {@code Suspended} event of its case at the same instant
 *       whose reason names the body ({@code 议事/调解: referred to <body>}), and every such {@code
 *       Suspended} event has its {@code REFERRED} entry (one to one, in order);
 *   <li>every decision that ends a referral has a {@code Resumed} event of its case at the same
 *       instant (a deferral has none);
 *   <li>a case whose referral is open is {@link CaseStatus#SUSPENDED} when its case events are
 *       replayed (a case log that does not replay, with a gap or an illegal step, is reported
 *       here).
 * </ul>
 *
 * Pure: no I/O, no clock.
 */
public final class DeliberationLogs {
  private static final String REFERRED_MARK = ": referred to ";

  private DeliberationLogs() {}

  /**
   * Rebuilds a desk from its log and checks it against the case log.
   *
   * @param policy the policy
   * @param registry the registry
   * @param calendar the calendar
   * @param deskLog the desk's log, in order
   * @param caseLog the engine's events (of every case, in order)
   * @return the desk
   * @throws IllegalArgumentException if the desk's log does not follow its rules, or the two logs
   *     disagree (naming the first disagreement)
   */
  public static DeliberationDesk restore(
      DeliberationPolicy policy,
      StaffRegistry registry,
      BusinessCalendar calendar,
      List<DeliberationEvent> deskLog,
      List<CaseEvent> caseLog) {
    DeliberationDesk desk = DeliberationDesk.restore(policy, registry, calendar, deskLog);
    ImmutableList<String> wrong = disagreements(deskLog, caseLog);
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(
          "the deliberation log and the case log disagree: "
              + wrong.get(0)
              + (wrong.size() > 1 ? " (and " + (wrong.size() - 1) + " more)" : ""));
    }
    return desk;
  }

  /**
   * Returns where the two logs disagree, by the rules above.
   *
   * @param deskLog the desk's log, in order
   * @param caseLog the engine's events, in order
   * @return the disagreements, empty if they agree
   */
  public static ImmutableList<String> disagreements(
      List<DeliberationEvent> deskLog, List<CaseEvent> caseLog) {
    Map<CaseId, List<CaseEvent>> byCase = new LinkedHashMap<>();
    for (CaseEvent e : caseLog) {
      byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
    }
    List<String> out = new ArrayList<>();
    Map<CaseId, Integer> referralsSeen = new HashMap<>();
    Map<CaseId, Boolean> open = new LinkedHashMap<>();
    for (DeliberationEvent d : deskLog) {
      List<CaseEvent> own = byCase.getOrDefault(d.caseId(), List.of());
      switch (d.kind()) {
        case REFERRED -> {
          int k = referralsSeen.merge(d.caseId(), 1, Integer::sum);
          List<CaseEvent> suspensions = referralSuspensions(own);
          if (suspensions.size() < k
              || !suspensions.get(k - 1).at().equals(d.at())
              || !reasonOf(suspensions.get(k - 1)).contains(REFERRED_MARK + d.bodyId() + " ")) {
            out.add(
                entry(d) + " has no Suspended event of its case at that instant naming the body");
          }
          open.put(d.caseId(), true);
        }
        case DECIDED -> {
          boolean ends = d.outcome().orElseThrow().endsReferral();
          if (ends && own.stream().noneMatch(e -> resumedAt(e, d))) {
            out.add(entry(d) + " ends the referral but its case has no Resumed event then");
          }
          open.put(d.caseId(), !ends);
        }
        case SAT -> {}
      }
    }
    byCase.forEach(
        (id, own) -> {
          int n = referralSuspensions(own).size();
          int k = referralsSeen.getOrDefault(id, 0);
          if (n > k) {
            out.add(
                String.format(
                    Locale.ROOT,
                    "case %s: the case log has %d referral suspensions, the desk log %d referrals",
                    id,
                    n,
                    k));
          }
        });
    open.forEach(
        (id, isOpen) -> {
          List<CaseEvent> own = byCase.getOrDefault(id, List.of());
          if (isOpen && !own.isEmpty() && !replaysSuspended(id, own)) {
            out.add(
                "case "
                    + id
                    + ": its referral is open but the case log does not replay it as suspended");
          }
        });
    return ImmutableList.copyOf(out);
  }

  private static boolean replaysSuspended(CaseId id, List<CaseEvent> own) {
    try {
      return CaseLifecycle.replay(id, own).status() == CaseStatus.SUSPENDED;
    } catch (IllegalTransitionException | EventSequenceException e) {
      return false; // a case log that does not replay does not show the case suspended
    }
  }

  private static List<CaseEvent> referralSuspensions(List<CaseEvent> own) {
    List<CaseEvent> out = new ArrayList<>();
    for (CaseEvent e : own) {
      if (e.payload() instanceof EventPayload.Suspended s && s.reason().contains(REFERRED_MARK)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String reasonOf(CaseEvent e) {
    return ((EventPayload.Suspended) e.payload()).reason();
  }

  private static boolean resumedAt(CaseEvent e, DeliberationEvent d) {
    return e.payload() instanceof EventPayload.Resumed && e.at().equals(d.at());
  }

  private static String entry(DeliberationEvent d) {
    return String.format(
        Locale.ROOT, "case %s: deliberation entry #%d (%s)", d.caseId(), d.sequence(), d.kind());
  }
}
