package org.gridgov.casefile;

/** Where a case came from (案件来源). */
public enum CaseSource {
  /** The citizens' service hotline 12345 (市民热线). */
  HOTLINE_12345("12345热线"),
  /** Found by a grid worker on patrol (网格员巡查). */
  GRID_PATROL("网格员巡查"),
  /** Reported through an app or mini-program (随手拍). */
  APP("APP上报"),
  /** An instruction from a leader (领导批示). */
  LEADERSHIP_INSTRUCTION("领导批示"),
  /** Found proactively before anyone complained (未诉先办/主动治理). */
  PROACTIVE("未诉先办");

  private final String chineseName;

  CaseSource(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 12345热线}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
