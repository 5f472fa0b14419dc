package org.gridgov.casefile;

/** The kind of case by how it can be handled (办件类型). */
public enum CaseKind {
  /** 即办件: can be handled within the ordinary limit. */
  IMMEDIATE("即办件"),
  /** 承诺件: needs a committed later completion date. */
  COMMITTED("承诺件"),
  /** 协调件: crosses jurisdictions and needs coordination between handlers. */
  COORDINATED("协调件");

  private final String chineseName;

  CaseKind(String chineseName) {
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 即办件}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
