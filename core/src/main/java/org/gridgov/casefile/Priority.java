package org.gridgov.casefile;

/**
 * How pressing a case is. Routing policies may let urgent and major cases skip levels (急事快议, 大事大议);
 * SLA policies choose limits by priority.
 */
public enum Priority {
  /** 急事: urgent, e.g. a gas leak or a collapsed wall. */
  URGENT("急事"),
  /** 大事: major, affecting many people or needing several departments. */
  MAJOR("大事"),
  /** 小事: a normal, everyday case. */
  NORMAL("小事");

  private final String chineseName;

  Priority(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 急事}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
