package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The case-lifecycle mechanisms a scenario switches on beyond the base model (issue #22,
 * "Mechanisms"). Every mechanism is off by default, and with all of them off a run is the base
 * model, number for number. Each mechanism draws from a random stream of its own, created only when
 * the mechanism is on, so switching one on does not move any other stream's numbers.
 *
 * <ul>
 *   <li><b>Check failures and rework</b> (核查不通过, 返工; stream {@code rework}): after a resolution the
 *       supervisor's check fails with probability {@link #reworkProbability()}; the case goes back
 *       to its handler's queue and is worked, resolved and checked again.
 *   <li><b>Priorities</b> (stream {@code priority}): a share {@link #urgentShare()} of the cases is
 *       reported {@code URGENT} (the SLA policy's {@code URGENT} rules give them their limits);
 *       with {@link #urgentFirst()} a station serves its waiting urgent cases before its normal
 *       ones (non-preemptive: a service in progress is never interrupted).
 *   <li><b>Verification failures</b> (核实无效; stream {@code verification}): a share {@link
 *       #invalidShare()} of the reports is found invalid at verification and ends as {@code
 *       INVALID}, never registered.
 *   <li><b>Suspensions</b> (缓办; stream {@code suspension}): when its lead would resolve it, a case
 *       is suspended with probability {@link #suspensionShare()} for an exponential natural time of
 *       mean {@link #suspensionHours()} (its clocks pause), then resumed and worked once more.
 *   <li><b>Extensions</b> (延期; stream {@code extension}): when its lead starts work on it, the lead
 *       asks for an extension of {@link #extensionDays()} days with probability {@link
 *       #extensionShare()} and a supervisor approves it (the deadlines move), where the SLA policy
 *       allows it.
 *   <li><b>Satisfaction visits and reopening</b> (回访, 重启; stream {@code visit}): {@link
 *       #visitHours()} after a resident-reported case closes, the reporter is visited and is not
 *       satisfied with probability {@link #dissatisfiedShare()}; the engine's supervision policy
 *       ({@code visit dissatisfied reopen}) reopens the case, which is dispatched and worked again.
 *   <li><b>Repeat reports</b> (重复上报; stream {@code repeat}): with probability {@link
 *       #repeatShare()} a case is reported again after an exponential natural time of mean {@link
 *       #repeatHours()}; if it is still open then, the engine's repeat rule links the new report to
 *       it (one case, a higher report count).
 * </ul>
 *
 * @param reworkProbability the probability that one check after a resolution fails, in [0, 1)
 * @param urgentShare the share of cases reported URGENT, in [0, 1]
 * @param urgentFirst whether a station serves waiting urgent cases first
 * @param invalidShare the share of reports found invalid at verification, in [0, 1)
 * @param suspensionShare the probability a case is suspended when it would be resolved, in [0, 1]
 * @param suspensionHours the mean length of a suspension in natural hours, {@code > 0}
 * @param extensionShare the probability a lead asks for an extension when starting work, in [0, 1]
 * @param extensionDays the days an extension asks for, {@code >= 1}
 * @param dissatisfiedShare the probability a visited reporter is not satisfied, in [0, 1)
 * @param visitHours the natural hours from closing to the visit, {@code > 0}
 * @param repeatShare the probability a case is reported again, in [0, 1]
 * @param repeatHours the mean natural hours from a case's report to its repeat, {@code > 0}
 */
public record Mechanisms(
    double reworkProbability,
    double urgentShare,
    boolean urgentFirst,
    double invalidShare,
    double suspensionShare,
    double suspensionHours,
    double extensionShare,
    int extensionDays,
    double dissatisfiedShare,
    double visitHours,
    double repeatShare,
    double repeatHours) {

  /** Every mechanism off: the base model. */
  public static final Mechanisms OFF = new Mechanisms(0);

  /** The default mean suspension, in natural hours (an assumption: three days). */
  public static final double DEFAULT_SUSPENSION_HOURS = 72;

  /** The default days an extension asks for (an assumption: a working week). */
  public static final int DEFAULT_EXTENSION_DAYS = 5;

  /** The default natural hours from closing to the satisfaction visit (an assumption). */
  public static final double DEFAULT_VISIT_HOURS = 24;

  /** The default mean natural hours from a report to its repeat (an assumption). */
  public static final double DEFAULT_REPEAT_HOURS = 24;

  /**
   * Validates.
   *
   * @param reworkProbability the probability that one check fails, in [0, 1)
   * @param urgentShare the share of urgent cases, in [0, 1]
   * @param urgentFirst whether urgent cases are served first
   * @param invalidShare the share of invalid reports, in [0, 1)
   * @param suspensionShare the suspension probability, in [0, 1]
   * @param suspensionHours the mean suspension, {@code > 0}
   * @param extensionShare the extension probability, in [0, 1]
   * @param extensionDays the days of an extension, {@code >= 1}
   * @param dissatisfiedShare the probability of a not-satisfied visit, in [0, 1)
   * @param visitHours the hours to the visit, {@code > 0}
   * @param repeatShare the probability of a repeat report, in [0, 1]
   * @param repeatHours the mean hours to a repeat, {@code > 0}
   */
  public Mechanisms {
    checkArgument(
        reworkProbability >= 0 && reworkProbability < 1,
        "mechanisms.rework-probability must be >= 0 and < 1 but was %s",
        reworkProbability);
    checkShare(urgentShare, "urgent-share");
    checkArgument(
        invalidShare >= 0 && invalidShare < 1,
        "mechanisms.invalid-share must be >= 0 and < 1 but was %s",
        invalidShare);
    checkShare(suspensionShare, "suspension-share");
    checkPositive(suspensionHours, "suspension-hours");
    checkShare(extensionShare, "extension-share");
    checkArgument(
        extensionDays >= 1, "mechanisms.extension-days must be >= 1 but was %s", extensionDays);
    checkArgument(
        dissatisfiedShare >= 0 && dissatisfiedShare < 1,
        "mechanisms.dissatisfied-share must be >= 0 and < 1 but was %s",
        dissatisfiedShare);
    checkPositive(visitHours, "visit-hours");
    checkShare(repeatShare, "repeat-share");
    checkPositive(repeatHours, "repeat-hours");
  }

  /**
   * Only rework, every other mechanism off (with its default parameters).
   *
   * @param reworkProbability the probability that one check fails, in [0, 1)
   */
  public Mechanisms(double reworkProbability) {
    this(
        reworkProbability,
        0,
        true,
        0,
        0,
        DEFAULT_SUSPENSION_HOURS,
        0,
        DEFAULT_EXTENSION_DAYS,
        0,
        DEFAULT_VISIT_HOURS,
        0,
        DEFAULT_REPEAT_HOURS);
  }

  private static void checkShare(double v, String key) {
    checkArgument(v >= 0 && v <= 1, "mechanisms.%s must be >= 0 and <= 1 but was %s", key, v);
  }

  private static void checkPositive(double v, String key) {
    checkArgument(
        v > 0 && Double.isFinite(v), "mechanisms.%s must be finite and > 0 but was %s", key, v);
  }

  /**
   * Returns these mechanisms with priorities set.
   *
   * @param share the share of urgent cases
   * @param first whether urgent cases are served first
   * @return the mechanisms
   */
  public Mechanisms withPriorities(double share, boolean first) {
    return with(
        m -> {
          m.urgentShare = share;
          m.urgentFirst = first;
        });
  }

  /**
   * Returns these mechanisms with verification failures set.
   *
   * @param share the share of invalid reports
   * @return the mechanisms
   */
  public Mechanisms withInvalidShare(double share) {
    return with(
        m -> {
          m.invalidShare = share;
        });
  }

  /**
   * Returns these mechanisms with suspensions set.
   *
   * @param share the suspension probability
   * @param hours the mean suspension in natural hours
   * @return the mechanisms
   */
  public Mechanisms withSuspensions(double share, double hours) {
    return with(
        m -> {
          m.suspensionShare = share;
          m.suspensionHours = hours;
        });
  }

  /**
   * Returns these mechanisms with extensions set.
   *
   * @param share the extension probability
   * @param days the days an extension asks for
   * @return the mechanisms
   */
  public Mechanisms withExtensions(double share, int days) {
    return with(
        m -> {
          m.extensionShare = share;
          m.extensionDays = days;
        });
  }

  /**
   * Returns these mechanisms with satisfaction visits set.
   *
   * @param dissatisfied the probability of a not-satisfied answer
   * @param hours the natural hours from closing to the visit
   * @return the mechanisms
   */
  public Mechanisms withVisits(double dissatisfied, double hours) {
    return with(
        m -> {
          m.dissatisfiedShare = dissatisfied;
          m.visitHours = hours;
        });
  }

  /**
   * Returns these mechanisms with repeat reports set.
   *
   * @param share the probability of a repeat report
   * @param hours the mean natural hours to the repeat
   * @return the mechanisms
   */
  public Mechanisms withRepeats(double share, double hours) {
    return with(
        m -> {
          m.repeatShare = share;
          m.repeatHours = hours;
        });
  }

  /** These mechanisms with some components changed by {@code change}. */
  private Mechanisms with(java.util.function.Consumer<Parts> change) {
    Parts m = new Parts(this);
    change.accept(m);
    return m.build();
  }

  /** The components of a {@link Mechanisms} being changed, for the {@code with} methods. */
  private static final class Parts {
    double reworkProbability;
    double urgentShare;
    boolean urgentFirst;
    double invalidShare;
    double suspensionShare;
    double suspensionHours;
    double extensionShare;
    int extensionDays;
    double dissatisfiedShare;
    double visitHours;
    double repeatShare;
    double repeatHours;

    Parts(Mechanisms m) {
      this.reworkProbability = m.reworkProbability();
      this.urgentShare = m.urgentShare();
      this.urgentFirst = m.urgentFirst();
      this.invalidShare = m.invalidShare();
      this.suspensionShare = m.suspensionShare();
      this.suspensionHours = m.suspensionHours();
      this.extensionShare = m.extensionShare();
      this.extensionDays = m.extensionDays();
      this.dissatisfiedShare = m.dissatisfiedShare();
      this.visitHours = m.visitHours();
      this.repeatShare = m.repeatShare();
      this.repeatHours = m.repeatHours();
    }

    Mechanisms build() {
      return new Mechanisms(
          reworkProbability,
          urgentShare,
          urgentFirst,
          invalidShare,
          suspensionShare,
          suspensionHours,
          extensionShare,
          extensionDays,
          dissatisfiedShare,
          visitHours,
          repeatShare,
          repeatHours);
    }
  }

  /**
   * Returns whether check failures and rework are on.
   *
   * @return {@code reworkProbability() > 0}
   */
  public boolean rework() {
    return reworkProbability > 0;
  }

  /**
   * Returns whether priorities are on.
   *
   * @return {@code urgentShare() > 0}
   */
  public boolean priorities() {
    return urgentShare > 0;
  }

  /**
   * Returns whether satisfaction visits (and reopening after a not-satisfied one) are on.
   *
   * @return {@code dissatisfiedShare() > 0}
   */
  public boolean visits() {
    return dissatisfiedShare > 0;
  }

  /**
   * Returns whether repeat reports are on.
   *
   * @return {@code repeatShare() > 0}
   */
  public boolean repeats() {
    return repeatShare > 0;
  }
}
