package org.gridgov.sla;

/**
 * The stages of a case an SLA clock measures, as {@code SlaWarning} and {@code SlaBreached} events
 * name them. An {@link SlaPolicy} sets limits for the first five; {@link #SUMMON} and {@link
 * #SUPERVISION} clocks take their limit from the summons or supervision event itself.
 */
public enum SlaStage {
  /** 立案: from report to registration. */
  REGISTER,
  /** 派遣: from registration to dispatch to a handler. */
  DISPATCH,
  /** 处置: the handler's work, from dispatch to resolution. */
  HANDLE,
  /** 核查: checking the result on site. */
  CHECK,
  /**
   * The whole case, from registration (立案; the report itself is clocked by {@link #REGISTER}) to
   * closing; a reopening starts it again.
   */
  WHOLE_CASE,
  /** 到场: a summoned department's arrival, limited by the summons' own time. */
  SUMMON,
  /** 督办: a supervision's deadline, limited by the supervision event's due time. */
  SUPERVISION
}
