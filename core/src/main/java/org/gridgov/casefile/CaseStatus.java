package org.gridgov.casefile;

/**
 * The states of the case lifecycle (the 数字城管 closed loop). {@link CaseLifecycle} documents the
 * transitions.
 */
public enum CaseStatus {
  /** No event yet: the state before {@link EventPayload.Reported}. */
  NEW("新建"),
  /** 已上报: reported, waiting for verification. */
  REPORTED("已上报"),
  /** 已核实: verified, waiting for registration. */
  VERIFIED("已核实"),
  /** 无效: verification failed (terminal). */
  INVALID("无效"),
  /** 已立案: registered, waiting for a lead handler (also after a return or a reopening). */
  REGISTERED("已立案"),
  /** 已派遣: a lead handler was assigned and has not accepted yet. */
  DISPATCHED("已派遣"),
  /** 处置中: the lead accepted and is handling it. */
  HANDLING("处置中"),
  /** 缓办: handling is suspended; clocks stop. */
  SUSPENDED("缓办"),
  /** 已处置: the lead reported the work done, waiting for the check. */
  RESOLVED("已处置"),
  /** 核查通过: the check passed, waiting to be closed. */
  CHECKED("核查通过"),
  /** 已结案: closed. */
  CLOSED("已结案"),
  /** 已评价: closed and evaluated by the reporter. */
  EVALUATED("已评价"),
  /** 已合并: merged into another case as a duplicate (terminal). */
  MERGED("已合并");

  private final String chineseName;

  CaseStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 处置中}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns whether no event can follow: {@link #INVALID} and {@link #MERGED}.
   *
   * @return whether the state is terminal
   */
  public boolean isTerminal() {
    return this == INVALID || this == MERGED;
  }

  /**
   * Returns whether the case is being worked on: reported and not yet closed, invalid or merged.
   *
   * @return whether the case is open
   */
  public boolean isOpen() {
    return this != NEW && this != CLOSED && this != EVALUATED && !isTerminal();
  }
}
