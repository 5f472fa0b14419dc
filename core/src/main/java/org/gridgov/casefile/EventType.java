package org.gridgov.casefile;

/**
 * The type of a {@link CaseEvent}, one constant per {@link EventPayload} record, so that Java 17
 * code can {@code switch} exhaustively over events ({@code switch (event.type())}); on Java 21 a
 * pattern {@code switch} over the sealed {@link EventPayload} works as well.
 */
public enum EventType {
  /** {@link EventPayload.Reported}: 上报/受理. */
  REPORTED("Reported", "上报"),
  /** {@link EventPayload.Verified}: 核实通过. */
  VERIFIED("Verified", "核实通过"),
  /** {@link EventPayload.VerificationFailed}: 核实不通过. */
  VERIFICATION_FAILED("VerificationFailed", "核实不通过"),
  /** {@link EventPayload.Registered}: 立案. */
  REGISTERED("Registered", "立案"),
  /** {@link EventPayload.Dispatched}: 派遣. */
  DISPATCHED("Dispatched", "派遣"),
  /** {@link EventPayload.Accepted}: 签收/受理. */
  ACCEPTED("Accepted", "签收"),
  /** {@link EventPayload.Returned}: 退单. */
  RETURNED("Returned", "退单"),
  /** {@link EventPayload.Escalated}: 上报/升级. */
  ESCALATED("Escalated", "升级"),
  /** {@link EventPayload.Summoned}: 吹哨. */
  SUMMONED("Summoned", "吹哨"),
  /** {@link EventPayload.Arrived}: 报到 (a summoned department reported on site). */
  ARRIVED("Arrived", "报到"),
  /** {@link EventPayload.AssistAdded}: 增加协办. */
  ASSIST_ADDED("AssistAdded", "增加协办"),
  /** {@link EventPayload.Suspended}: 缓办/挂起. */
  SUSPENDED("Suspended", "缓办"),
  /** {@link EventPayload.Resumed}: 恢复办理. */
  RESUMED("Resumed", "恢复"),
  /** {@link EventPayload.ExtensionRequested}: 申请延期. */
  EXTENSION_REQUESTED("ExtensionRequested", "申请延期"),
  /** {@link EventPayload.ExtensionRefused}: 延期不予批准. */
  EXTENSION_REFUSED("ExtensionRefused", "延期驳回"),
  /** {@link EventPayload.Extended}: 延期. */
  EXTENDED("Extended", "延期"),
  /** {@link EventPayload.Resolved}: 处置完成/反馈. */
  RESOLVED("Resolved", "处置完成"),
  /** {@link EventPayload.CheckPassed}: 核查通过. */
  CHECK_PASSED("CheckPassed", "核查通过"),
  /** {@link EventPayload.CheckFailed}: 核查不通过, 返工. */
  CHECK_FAILED("CheckFailed", "返工"),
  /** {@link EventPayload.Closed}: 结案. */
  CLOSED("Closed", "结案"),
  /** {@link EventPayload.Evaluated}: 评价. */
  EVALUATED("Evaluated", "评价"),
  /** {@link EventPayload.Reopened}: 重启. */
  REOPENED("Reopened", "重启"),
  /** {@link EventPayload.Merged}: 合并 (duplicate report). */
  MERGED("Merged", "合并"),
  /** {@link EventPayload.SlaWarning}: 预警. */
  SLA_WARNING("SlaWarning", "预警"),
  /** {@link EventPayload.SlaBreached}: 超期. */
  SLA_BREACHED("SlaBreached", "超期"),
  /** {@link EventPayload.DeadlineRevised}: 时限修正 (a new calendar edition moved a deadline). */
  DEADLINE_REVISED("DeadlineRevised", "时限修正"),
  /** {@link EventPayload.RepeatReported}: 重复上报 (another report of the same problem). */
  REPEAT_REPORTED("RepeatReported", "重复上报"),
  /** {@link EventPayload.SupervisionOpened}: 督办. */
  SUPERVISION_OPENED("SupervisionOpened", "督办"),
  /** {@link EventPayload.Urged}: 催办. */
  URGED("Urged", "催办"),
  /** {@link EventPayload.SupervisionEscalated}: 督办升级 (the supervision's own deadline passed). */
  SUPERVISION_ESCALATED("SupervisionEscalated", "督办升级"),
  /** {@link EventPayload.SupervisionClosed}: 督办办结. */
  SUPERVISION_CLOSED("SupervisionClosed", "督办办结"),
  /** {@link EventPayload.Visited}: 回访. */
  VISITED("Visited", "回访"),
  /** {@link EventPayload.MergeSuggested}: 建议合并 (a repeat report awaiting the dispatcher). */
  MERGE_SUGGESTED("MergeSuggested", "建议合并"),
  /** {@link EventPayload.MergeDeclined}: 不予合并 (the dispatcher declined a suggested merge). */
  MERGE_DECLINED("MergeDeclined", "不予合并");

  private final String payloadName;
  private final String chineseName;

  EventType(String payloadName, String chineseName) {
    this.payloadName = payloadName;
    this.chineseName = chineseName;
  }

  /**
   * Returns the simple name of the payload record, e.g. {@code CheckFailed}; used in messages and
   * as the JSON type tag.
   *
   * @return the payload name
   */
  public String payloadName() {
    return payloadName;
  }

  /**
   * Returns the Chinese name, e.g. {@code 返工}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }
}
