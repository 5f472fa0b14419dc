package org.gridgov.casefile;

/**
 * The channel a case came in by, grouping {@link CaseSource}s for indicators (群众上报 / 主动发现 / 接访).
 */
public enum SourceChannel {
  /** 群众上报: residents reported it (12345 hotline, app). */
  RESIDENT_REPORT("群众上报"),
  /** 主动发现: staff found it (grid patrol, 未诉先办). */
  PROACTIVE_DISCOVERY("主动发现"),
  /** 接访: brought in on a reception day. */
  RECEPTION("接访"),
  /** 交办: an instruction from a leader. */
  INSTRUCTION("领导交办");

  private final String chineseName;

  SourceChannel(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 主动发现}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
