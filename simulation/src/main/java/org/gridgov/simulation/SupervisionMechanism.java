package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Supervision (督办) by the command centre in the simulator: a case that breaches its SLA clocks
 * {@link #breaches()} times is put under supervision (the engine's {@code auto breaches} rule, one
 * level {@value #LEVEL} with a deadline of {@link #workingDays()} working days), is urged (催办)
 * every {@link #urgeHours()} natural hours while it is open, is served before the unsupervised
 * cases waiting at its holder (non-preemptive, like urgent cases), and when it closes the
 * supervision is closed with a finding (closed by or after the supervision's deadline). With {@link
 * #stallHours()} above 0 the command centre also supervises a case still open that many natural
 * hours after its registration (a stalled case), if nothing supervised it before. Read from the
 * {@code supervision*} keys of a scenario file's {@code mechanisms:} section; absent from a
 * scenario ({@link Scenario#supervision()} empty): nothing is supervised, as before.
 *
 * @param breaches the SLA breach of a case (any clock but the supervision's own) that opens its
 *     supervision, {@code >= 1}
 * @param workingDays the supervision's deadline in working days from its opening, {@code >= 1}
 * @param urgeHours the natural hours between urgings of a supervised open case, {@code > 0}
 * @param stallHours the natural hours after its registration at which a case still open is
 *     supervised, {@code >= 0} (0: no stalled-case rule)
 */
public record SupervisionMechanism(
    int breaches, int workingDays, double urgeHours, double stallHours) {

  /** The supervision level the simulation opens: 一般督办 (general supervision). */
  public static final String LEVEL = "一般督办";

  /** The default breach that supervises a case: the first (an assumption). */
  public static final int DEFAULT_BREACHES = 1;

  /** The default deadline of a supervision: 5 working days (docs/supervision.md's 一般督办). */
  public static final int DEFAULT_WORKING_DAYS = 5;

  /** The default natural hours between urgings: a day (an assumption). */
  public static final double DEFAULT_URGE_HOURS = 24;

  /** The largest breach count or deadline in working days a scenario may ask for. */
  public static final int MAX_COUNT = 250;

  /**
   * Validates.
   *
   * @param breaches the breach that opens a supervision, in [1, {@value #MAX_COUNT}]
   * @param workingDays the supervision's deadline, in [1, {@value #MAX_COUNT}]
   * @param urgeHours the hours between urgings, finite and {@code > 0}
   * @param stallHours the hours to a stalled case's supervision, finite and {@code >= 0}
   */
  public SupervisionMechanism {
    checkArgument(
        breaches >= 1 && breaches <= MAX_COUNT,
        "mechanisms.supervision-breaches must be >= 1 and <= %s but was %s",
        MAX_COUNT,
        breaches);
    checkArgument(
        workingDays >= 1 && workingDays <= MAX_COUNT,
        "mechanisms.supervision-working-days must be >= 1 and <= %s but was %s",
        MAX_COUNT,
        workingDays);
    checkArgument(
        urgeHours > 0 && Double.isFinite(urgeHours),
        "mechanisms.supervision-urge-hours must be finite and > 0 but was %s",
        urgeHours);
    checkArgument(
        stallHours >= 0 && Double.isFinite(stallHours),
        "mechanisms.supervision-stall-hours must be finite and >= 0 but was %s",
        stallHours);
  }

  /**
   * Supervision without the stalled-case rule.
   *
   * @param breaches the breach that opens a supervision
   * @param workingDays the supervision's deadline in working days
   * @param urgeHours the hours between urgings
   */
  public SupervisionMechanism(int breaches, int workingDays, double urgeHours) {
    this(breaches, workingDays, urgeHours, 0);
  }

  /**
   * The defaults: supervised at the first breach, a 5-working-day deadline, urged daily.
   *
   * @return the mechanism
   */
  public static SupervisionMechanism defaults() {
    return new SupervisionMechanism(DEFAULT_BREACHES, DEFAULT_WORKING_DAYS, DEFAULT_URGE_HOURS);
  }

  /**
   * The engine's supervision policy lines of this mechanism: the level and the automatic rule.
   *
   * @return the lines, each ending with a newline
   */
  public String policyLines() {
    return "level "
        + LEVEL
        + " working-days "
        + workingDays
        + " end-of-working-day\n"
        + "auto breaches "
        + breaches
        + " "
        + LEVEL
        + "\n";
  }
}
