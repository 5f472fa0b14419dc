package org.gridgov.simulation;

/**
 * What a simulation run measures, over the cases reported during the scenario's horizon. Rates are
 * fractions in [0, 1]; the closing rates are those of {@code org.gridgov.metrics.CaseIndicators}
 * (结案率, 按期结案率).
 */
public enum Metric {
  /** Cases reported during the horizon. */
  CASES_REPORTED("cases_reported", "Cases reported", "cases"),
  /** 结案率: closed by the end of the run ÷ reported. */
  CLOSING_RATE("closing_rate", "Closing rate", "fraction"),
  /** 按期结案率: closed by their whole-case deadline ÷ reported. */
  ON_TIME_CLOSING_RATE("on_time_closing_rate", "On-time closing rate", "fraction"),
  /** Mean natural time from report to close of the closed cases. */
  MEAN_HOURS_TO_CLOSE("mean_hours_to_close", "Mean time to close", "hours"),
  /** 90th percentile of the natural time from report to close of the closed cases. */
  P90_HOURS_TO_CLOSE("p90_hours_to_close", "p90 time to close", "hours"),
  /** Cases escalated at least once (by breach, return or hand) ÷ reported. */
  ESCALATION_RATE("escalation_rate", "Escalation rate", "fraction"),
  /** Busy time of grid workers ÷ their scheduled working time, during the horizon. */
  WORKER_UTILISATION("worker_utilisation", "Grid worker utilisation", "fraction"),
  /** Mean time a case waits in its first holder's queue before a worker starts on it. */
  MEAN_WAIT_MINUTES("mean_wait_minutes", "Mean wait for a worker", "minutes"),
  /** Fraction of cases that wait at all for their first holder's worker (P(wait &gt; 0)). */
  WAIT_PROBABILITY("wait_probability", "P(wait > 0)", "fraction"),
  /**
   * 主动发现 share: of the problems that appeared during the horizon and entered the engine, those a
   * grid worker's patrol found before a resident reported them (群众上报 is the rest); 0 when patrol
   * discovery is off.
   */
  PATROL_DISCOVERY_SHARE("patrol_discovery_share", "主动发现 share (patrol discovery)", "fraction"),
  /**
   * Mean natural time from a problem's appearance (not its report) to its close, over the closed
   * cases; equal to the time from report when patrol discovery is off.
   */
  MEAN_HOURS_FROM_APPEARANCE(
      "mean_hours_from_appearance", "Mean time from appearance to close", "hours"),
  /**
   * 按期结案率 of the {@code URGENT} cases (due cases closed by their deadline ÷ due urgent cases); NaN
   * when no urgent case was due (priorities off).
   */
  ON_TIME_CLOSING_RATE_URGENT(
      "on_time_closing_rate_urgent", "On-time closing rate, urgent cases", "fraction"),
  /**
   * 按期结案率 of the cases that are not {@code URGENT}; equal to {@link #ON_TIME_CLOSING_RATE} when
   * priorities are off.
   */
  ON_TIME_CLOSING_RATE_NORMAL(
      "on_time_closing_rate_normal", "On-time closing rate, normal cases", "fraction"),
  /**
   * 返工率: of the cases resolved at least once, those sent back to work at least once (a failed
   * check, or reopened after a not-satisfied visit); 0 when rework and visits are off.
   */
  REWORK_RATE("rework_rate", "Rework rate (返工率)", "fraction"),
  /**
   * Reports per case: reports that entered the engine (the cases' own and the repeat reports linked
   * to them) ÷ the cases they made; 1 when repeat reports are off.
   */
  REPORTS_PER_CASE("reports_per_case", "Reports per case", "reports"),
  /**
   * 吹哨报到: the share of summoned departments arriving on site within the summons' limit, of those
   * whose arrival fell due while the summons was pending or after its limit (NaN when summons are
   * off).
   */
  SUMMONS_ON_TIME_SHARE(
      "summons_on_time_share", "Summoned departments on site in time (报到及时率)", "fraction"),
  /** 吹哨报到: the mean minutes from a summons to a department's arrival, of the same arrivals. */
  MEAN_SUMMONS_ARRIVAL_MINUTES(
      "mean_summons_arrival_minutes", "Mean time to arrive on site (报到时长)", "minutes"),
  /**
   * 督办: of the registered cases, those put under supervision at least once (NaN when supervision is
   * off).
   */
  SUPERVISED_SHARE("supervised_share", "Supervised share", "fraction"),
  /**
   * 督办: 按期结案率 of the supervised cases (due supervised cases closed by their whole-case deadline ÷
   * due supervised cases; NaN when supervision is off or none was due).
   */
  ON_TIME_CLOSING_RATE_SUPERVISED(
      "on_time_closing_rate_supervised", "On-time closing rate, supervised cases", "fraction"),
  /**
   * 交接班: of the cases a rostered grid worker started on, those handed over at least once at the end
   * of a shift to the next worker on duty (NaN when handover is off).
   */
  HANDOVER_SHARE("handover_share", "Handed-over share", "fraction"),
  /**
   * Backlog growth: the open cases the run holds at the end of the horizon minus those it held at
   * its start, per day of the horizon (open: reported or found, not yet closed; cases of the
   * warm-up included). Near 0 in a steady state; clearly above 0 when some level's capacity is
   * below its arrivals (an office that escalated cases reach, say) or when the warm-up was too
   * short for the open cases to build up to their usual number. Either way the other metrics
   * describe a transient that changes with the horizon's length, not a steady state.
   */
  BACKLOG_GROWTH("backlog_growth", "Backlog growth", "cases per day");

  private final String id;
  private final String label;
  private final String unit;

  Metric(String id, String label, String unit) {
    this.id = id;
    this.label = label;
    this.unit = unit;
  }

  /**
   * Returns the column name in CSV files, e.g. {@code on_time_closing_rate}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns a label for charts and tables.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns the unit: {@code cases}, {@code cases per day}, {@code fraction}, {@code hours}, {@code
   * minutes} or {@code reports}.
   *
   * @return the unit
   */
  public String unit() {
    return unit;
  }
}
