package org.gridgov.routing;

/** The kinds of link between two handlers in a routing graph. */
public enum LinkType {
  /** 上报/升级: a case the source cannot settle moves up to the target. */
  ESCALATE,
  /** 派遣/派单: the source may give a case to the target to handle. */
  DISPATCH,
  /** 协办: the target assists the source, which leads. */
  ASSIST,
  /** 吹哨报到: the source (usually a street) may summon the target on site within a limit. */
  SUMMON,
  /** 退单/回退: the target is where the source sends a case it rejects as not its duty. */
  RETURN
}
