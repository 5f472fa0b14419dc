package org.gridgov.category;

/**
 * Whether a category classifies events or city components, the two halves of the 数字城管
 * classification.
 */
public enum CategoryKind {
  /** 事件: something that happens (exposed rubbish, an illegal structure, a dispute). */
  EVENT("事件"),
  /** 部件: a fixed city component that is broken or missing (a manhole cover, a street lamp). */
  COMPONENT("部件");

  private final String chineseName;

  CategoryKind(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, {@code 事件} or {@code 部件}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
