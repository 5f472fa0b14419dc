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
  PROACTIVE("未诉先办"),
  /** Brought in on a reception day, when leaders or staff receive residents in person (接访日). */
  RECEPTION_DAY("接访日");

  private final String chineseName;

  CaseSource(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the channel the source belongs to, for indicators split by source: residents' reports
   * (12345, app), proactive discovery (patrol, 未诉先办), reception days, and instructions.
   *
   * @return the channel
   */
  public SourceChannel channel() {
    return switch (this) {
      case HOTLINE_12345, APP -> SourceChannel.RESIDENT_REPORT;
      case GRID_PATROL, PROACTIVE -> SourceChannel.PROACTIVE_DISCOVERY;
      case RECEPTION_DAY -> SourceChannel.RECEPTION;
      case LEADERSHIP_INSTRUCTION -> SourceChannel.INSTRUCTION;
    };
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
