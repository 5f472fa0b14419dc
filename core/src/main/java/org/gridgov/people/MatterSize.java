package org.gridgov.people;

/**
 * How big a matter is for deliberation (大事大议、小事小议、急事快议): a big matter goes to the representatives'
 * meeting on its cadence, a small one to the grid's discussion, an urgent one to a quick decision
 * within hours. {@link DeliberationPolicy} says which cases are which.
 */
public enum MatterSize {
  /** 大事: decided by the body that sits least often and has the widest membership. */
  BIG("大事"),
  /** 小事: decided by the grid's own discussion. */
  SMALL("小事"),
  /** 急事: decided quickly, within a limit of hours. */
  URGENT("急事");

  private final String chineseName;

  MatterSize(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 大事}.
   *
   * @return the name
   */
  public String chineseName() {
    return chineseName;
  }
}
