package org.gridgov.region;

import java.util.Optional;

/**
 * The National Bureau of Statistics' urban-rural classification code (城乡分类代码) of a region, as used
 * in the statistical division codes. SLA policies may set different limits for urban and rural
 * areas.
 */
public enum UrbanRuralClass {
  /** 111 主城区: main urban area. */
  MAIN_URBAN(111, "主城区", true),
  /** 112 城乡结合区: urban-rural fringe. */
  URBAN_RURAL_FRINGE(112, "城乡结合区", true),
  /** 121 镇中心区: town centre. */
  TOWN_CENTRE(121, "镇中心区", true),
  /** 122 镇乡结合区: town-village fringe. */
  TOWN_VILLAGE_FRINGE(122, "镇乡结合区", true),
  /** 123 特殊区域: special area (e.g. an industrial or mining zone). */
  SPECIAL_AREA(123, "特殊区域", true),
  /** 210 乡中心区: township centre. */
  TOWNSHIP_CENTRE(210, "乡中心区", false),
  /** 220 村庄: village. */
  VILLAGE(220, "村庄", false);

  private final int code;
  private final String chineseName;
  private final boolean urban;

  UrbanRuralClass(int code, String chineseName, boolean urban) {
    this.code = code;
    this.chineseName = chineseName;
    this.urban = urban;
  }

  /**
   * Returns the three-digit code, e.g. {@code 111}.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  /**
   * Returns the Chinese name, e.g. {@code 主城区}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns whether the class is urban (codes 1xx) rather than rural (2xx).
   *
   * @return {@code true} for urban classes
   */
  public boolean isUrban() {
    return urban;
  }

  /**
   * Returns the class with a code.
   *
   * @param code a three-digit code such as {@code 220}
   * @return the class, or empty if no class has that code
   */
  public static Optional<UrbanRuralClass> ofCode(int code) {
    for (UrbanRuralClass c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
