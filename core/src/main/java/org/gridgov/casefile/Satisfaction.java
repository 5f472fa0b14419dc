package org.gridgov.casefile;

/** The reporter's satisfaction in an evaluation (评价), as used for 满意率. */
public enum Satisfaction {
  /** 满意. */
  SATISFIED("满意"),
  /** 基本满意. */
  BASICALLY_SATISFIED("基本满意"),
  /** 不满意. */
  DISSATISFIED("不满意");

  private final String chineseName;

  Satisfaction(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 满意}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
