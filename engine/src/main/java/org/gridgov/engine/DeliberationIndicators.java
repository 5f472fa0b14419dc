package org.gridgov.engine;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.casefile.CaseId;
import org.gridgov.people.BodyKind;

/**
 * Indicators of one deliberation or mediation body, computed from a {@link DeliberationDesk}'s log
 * alone (so a desk restored from its log, or the log read back from storage, gives the same
 * figures). A referral is <em>decided</em> when a decision ends it (any outcome but {@link
 * BodyKind.Outcome#DEFERRED}); an open referral counts in {@link #referrals()} only.
 *
 * <ul>
 *   <li>{@code referrals}: {@code REFERRED} entries of the body;
 *   <li>{@code decided}: decisions that ended a referral;
 *   <li>{@code decidedAtFirstSitting}: of those, referrals with exactly one sitting (the first
 *       sitting met its quorum and decided);
 *   <li>{@code deferrals}: {@code DEFERRED} decisions (暂缓), each moving the matter to the next
 *       sitting;
 *   <li>{@code decidedWithinCadence}: decisions that ended a referral and are not {@code late},
 *       i.e. came on or before the day of the sitting awaited by the cadence (after a deferral: the
 *       next sitting);
 *   <li>{@code sittings}, {@code quorateSittings}: {@code SAT} entries, and those that met their
 *       quorum;
 *   <li>{@code outcomes}: decisions by outcome, deferrals included;
 *   <li>{@code meanTimeToDecision}: mean natural time from the referral to the decision that ended
 *       it, over the decided referrals (milliseconds, rounded down).
 * </ul>
 *
 * <p>Rates divide by {@code decided}: {@link #firstSittingShare()}, {@link #withinCadenceShare()}
 * and {@link #outcomeRate(BodyKind.Outcome)} (for a mediation committee: settled, partially settled
 * and failed rates, which add up to 1). Pure: no I/O, no clock.
 *
 * @param bodyId the body
 * @param referrals referrals to the body
 * @param decided referrals ended by a decision
 * @param decidedAtFirstSitting decided referrals with exactly one sitting
 * @param deferrals deferrals recorded
 * @param decidedWithinCadence ending decisions not later than the awaited sitting's day
 * @param sittings sittings recorded
 * @param quorateSittings sittings that met their quorum
 * @param outcomes decisions by outcome (deferrals included); outcomes never recorded are absent
 * @param meanTimeToDecision mean time from referral to the ending decision, over decided referrals
 */
public record DeliberationIndicators(
    String bodyId,
    int referrals,
    int decided,
    int decidedAtFirstSitting,
    int deferrals,
    int decidedWithinCadence,
    int sittings,
    int quorateSittings,
    ImmutableSortedMap<BodyKind.Outcome, Integer> outcomes,
    Optional<Duration> meanTimeToDecision) {

  /**
   * Validates.
   *
   * @param bodyId the bodyId component
   * @param referrals the referrals component
   * @param decided the decided component
   * @param decidedAtFirstSitting the decidedAtFirstSitting component
   * @param deferrals the deferrals component
   * @param decidedWithinCadence the decidedWithinCadence component
   * @param sittings the sittings component
   * @param quorateSittings the quorateSittings component
   * @param outcomes the outcomes component
   * @param meanTimeToDecision the meanTimeToDecision component
   */
  public DeliberationIndicators {
    Objects.requireNonNull(bodyId, "bodyId");
    outcomes = ImmutableSortedMap.copyOf(outcomes);
    Objects.requireNonNull(meanTimeToDecision, "meanTimeToDecision");
    Preconditions.checkArgument(
        0 <= decided
            && decided <= referrals
            && 0 <= decidedAtFirstSitting
            && decidedAtFirstSitting <= decided
            && 0 <= decidedWithinCadence
            && decidedWithinCadence <= decided
            && 0 <= deferrals
            && 0 <= quorateSittings
            && quorateSittings <= sittings,
        "body %s: counts out of order (referrals %s, decided %s, at first sitting %s, within"
            + " cadence %s, deferrals %s, sittings %s, quorate %s)",
        bodyId,
        referrals,
        decided,
        decidedAtFirstSitting,
        decidedWithinCadence,
        deferrals,
        sittings,
        quorateSittings);
    Preconditions.checkArgument(
        meanTimeToDecision.isPresent() == (decided > 0),
        "body %s: a mean time to decision exactly when something was decided (%s decided)",
        bodyId,
        decided);
  }

  /**
   * Returns the share of decided referrals that were decided at their first sitting.
   *
   * @return the share in [0, 1]; 0 when nothing was decided
   */
  public double firstSittingShare() {
    return share(decidedAtFirstSitting);
  }

  /**
   * Returns the share of decided referrals decided on or before the awaited sitting's day.
   *
   * @return the share in [0, 1]; 0 when nothing was decided
   */
  public double withinCadenceShare() {
    return share(decidedWithinCadence);
  }

  /**
   * Returns the share of decided referrals ended with an outcome: for a mediation committee the
   * settled (调解成功), partially settled (部分达成) and failed (调解不成) rates.
   *
   * @param outcome an outcome that ends a referral
   * @return the share in [0, 1]; 0 when nothing was decided
   * @throws IllegalArgumentException for {@link BodyKind.Outcome#DEFERRED}, which ends none
   */
  public double outcomeRate(BodyKind.Outcome outcome) {
    Preconditions.checkArgument(
        outcome.endsReferral(),
        "body %s: %s ends no referral; count it with deferrals()",
        bodyId,
        outcome);
    Integer n = outcomes.get(outcome);
    return share(n == null ? 0 : n);
  }

  private double share(int n) {
    return decided == 0 ? 0 : (double) n / decided;
  }

  /**
   * Computes the indicators of every body with an entry in a desk's log.
   *
   * @param log a desk's log, in order (as {@link DeliberationDesk#log()} gives it)
   * @return the indicators, by body id
   * @throws IllegalArgumentException if a sitting or decision has no open referral of its case to
   *     the same body before it (a log no desk writes)
   */
  public static ImmutableSortedMap<String, DeliberationIndicators> of(List<DeliberationEvent> log) {
    Map<CaseId, OpenReferral> open = new HashMap<>();
    Map<String, Tally> tallies = new TreeMap<>();
    for (DeliberationEvent e : log) {
      Tally tally = tallies.computeIfAbsent(e.bodyId(), b -> new Tally());
      if (e.kind() == DeliberationEvent.Kind.REFERRED) {
        tally.referrals++;
        open.put(e.caseId(), new OpenReferral(e.bodyId(), e.at()));
        continue;
      }
      OpenReferral r = open.get(e.caseId());
      if (r == null || !r.bodyId.equals(e.bodyId())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "deliberation log entry #%d (%s, case %s, body %s) has no open referral of its case"
                    + " to that body before it",
                e.sequence(),
                e.kind(),
                e.caseId(),
                e.bodyId()));
      }
      if (e.kind() == DeliberationEvent.Kind.SAT) {
        tally.sat(e.quorumMet());
        r.sittings++;
      } else {
        BodyKind.Outcome outcome = e.outcome().orElseThrow();
        tally.decided(outcome, r, e.at(), e.late());
        if (outcome.endsReferral()) {
          open.remove(e.caseId());
        }
      }
    }
    ImmutableSortedMap.Builder<String, DeliberationIndicators> out =
        ImmutableSortedMap.naturalOrder();
    tallies.forEach((body, t) -> out.put(body, t.indicators(body)));
    return out.build();
  }

  /** A referral not yet ended: its body, when it was made, and its sittings so far. */
  private static final class OpenReferral {
    final String bodyId;
    final Instant referredAt;
    int sittings;

    OpenReferral(String bodyId, Instant referredAt) {
      this.bodyId = bodyId;
      this.referredAt = referredAt;
    }
  }

  /** The running counts of one body. */
  private static final class Tally {
    int referrals;
    int decided;
    int firstSitting;
    int deferrals;
    int withinCadence;
    int sittings;
    int quorate;
    long totalMillis;
    final Map<BodyKind.Outcome, Integer> outcomes = new EnumMap<>(BodyKind.Outcome.class);

    void sat(boolean quorumMet) {
      sittings++;
      quorate += quorumMet ? 1 : 0;
    }

    void decided(BodyKind.Outcome outcome, OpenReferral r, Instant at, boolean late) {
      outcomes.merge(outcome, 1, Integer::sum);
      if (!outcome.endsReferral()) {
        deferrals++;
        return;
      }
      decided++;
      firstSitting += r.sittings == 1 ? 1 : 0;
      withinCadence += late ? 0 : 1;
      totalMillis += Duration.between(r.referredAt, at).toMillis();
    }

    DeliberationIndicators indicators(String bodyId) {
      return new DeliberationIndicators(
          bodyId,
          referrals,
          decided,
          firstSitting,
          deferrals,
          withinCadence,
          sittings,
          quorate,
          ImmutableSortedMap.copyOf(outcomes),
          decided == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(totalMillis / decided)));
    }
  }
}
