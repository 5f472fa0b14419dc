package org.gridgov.casefile;

/** The part a handler plays on a case (部门联动). */
public enum HandlerRole {
  /** 主办: the lead handler, who answers for the case. */
  LEAD("主办"),
  /** 协办: an assisting handler. */
  ASSIST("协办");

  private final String chineseName;

  HandlerRole(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, {@code 主办} or {@code 协办}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
