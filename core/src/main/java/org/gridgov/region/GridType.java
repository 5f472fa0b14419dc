package org.gridgov.region;

/** The kind of a grid: most cover an area of residents, some are dedicated to one site. */
public enum GridType {
  /** 综合网格: a comprehensive grid covering the residents and shops of an area. */
  COMPREHENSIVE("综合网格"),
  /** 专属网格: a dedicated grid for one site, such as a school, hospital, industrial park or market. */
  DEDICATED("专属网格");

  private final String chineseName;

  GridType(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
