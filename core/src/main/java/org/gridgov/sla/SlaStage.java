package org.gridgov.sla;

/** The stages of a case that an {@link SlaPolicy} sets limits for. */
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
  WHOLE_CASE
}
