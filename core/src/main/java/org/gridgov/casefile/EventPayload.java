package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.gridgov.sla.SlaStage;

/**
 * What happened in a {@link CaseEvent}: one record per event type, all nested here, so the
 * hierarchy is sealed and a Java 21 pattern {@code switch} over it is exhaustive; Java 17 code
 * switches over {@link #type()}.
 *
 * <p>Payloads are records rather than Immutables classes: they are small, final, sealed-friendly (a
 * record is implicitly final, so it can be a permitted subtype without a generated subclass), and
 * their compact constructors validate every field. Text fields must not be blank; handler ids are
 * the embedder's own ids.
 */
public sealed interface EventPayload {

  /**
   * Returns the event type of this payload.
   *
   * @return the type
   */
  EventType type();

  /** 上报/受理: the case was reported; always the first event. The facts are in {@link CaseFacts}. */
  record Reported() implements EventPayload {
    @Override
    public EventType type() {
      return EventType.REPORTED;
    }
  }

  /** 核实通过: the report was found to be real. */
  record Verified() implements EventPayload {
    @Override
    public EventType type() {
      return EventType.VERIFIED;
    }
  }

  /**
   * 核实不通过: the report was not real or not a case; the case ends as {@link CaseStatus#INVALID}.
   *
   * @param reason why
   */
  record VerificationFailed(String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public VerificationFailed {
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.VERIFICATION_FAILED;
    }
  }

  /**
   * 立案: the case was registered, with its whole-case deadline (处置时限) as computed by the SLA layer.
   *
   * @param dueAt the instant the case is due to be closed; must be after the event's instant
   * @param provisional whether a provisional calendar day (a predicted holiday schedule, see {@link
   *     org.gridgov.sla.DayProvenance}) lay between the clock's start and {@code dueAt}, so that
   *     the deadline may still move when the official schedule is loaded
   */
  record Registered(Instant dueAt, boolean provisional) implements EventPayload {
    /**
     * Validates.
     *
     * @param dueAt the dueAt component
     * @param provisional the provisional component
     */
    public Registered {
      Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * An official deadline: no provisional day before it.
     *
     * @param dueAt the dueAt component
     */
    public Registered(Instant dueAt) {
      this(dueAt, false);
    }

    @Override
    public EventType type() {
      return EventType.REGISTERED;
    }
  }

  /**
   * 派遣: the case was given to a handler, as lead (主办, from {@link CaseStatus#REGISTERED}) or as
   * assisting handler (协办, while a lead holds it).
   *
   * @param handlerId the handler
   * @param role lead or assist
   */
  record Dispatched(String handlerId, HandlerRole role) implements EventPayload {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param role the role component
     */
    public Dispatched {
      requireText(handlerId, "handlerId");
      Objects.requireNonNull(role, "role");
    }

    @Override
    public EventType type() {
      return EventType.DISPATCHED;
    }
  }

  /**
   * 签收: the lead handler accepted the dispatch and starts handling.
   *
   * @param handlerId the accepting handler; must be the current lead
   */
  record Accepted(String handlerId) implements EventPayload {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     */
    public Accepted {
      requireText(handlerId, "handlerId");
    }

    @Override
    public EventType type() {
      return EventType.ACCEPTED;
    }
  }

  /**
   * 退单: the lead handler rejected the case as not its duty; it goes back to the dispatcher ({@link
   * CaseStatus#REGISTERED}) and loses its lead and assisting handlers.
   *
   * @param handlerId the returning handler; must be the current lead
   * @param reason why
   */
  record Returned(String handlerId, String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param reason the reason component
     */
    public Returned {
      requireText(handlerId, "handlerId");
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.RETURNED;
    }
  }

  /**
   * 升级: the case moved to a higher-level handler, which becomes the new lead and must accept it;
   * assisting handlers are dropped.
   *
   * @param cause why
   * @param fromHandlerId who had it (the current lead, if there is one; else the dispatching
   *     office)
   * @param toHandlerId the new lead; different from {@code fromHandlerId}
   */
  record Escalated(EscalationCause cause, String fromHandlerId, String toHandlerId)
      implements EventPayload {
    /**
     * Validates.
     *
     * @param cause the cause component
     * @param fromHandlerId the fromHandlerId component
     * @param toHandlerId the toHandlerId component
     */
    public Escalated {
      Objects.requireNonNull(cause, "cause");
      requireText(fromHandlerId, "fromHandlerId");
      requireText(toHandlerId, "toHandlerId");
      checkArgument(
          !fromHandlerId.equals(toHandlerId),
          "an escalation must change the handler but both are %s",
          toHandlerId);
    }

    @Override
    public EventType type() {
      return EventType.ESCALATED;
    }
  }

  /**
   * 吹哨报到: departments were summoned to report on site within a limit; they join as assisting
   * handlers.
   *
   * @param departmentIds the summoned departments, at least one, distinct
   * @param within the limit to report on site (Beijing: 30 minutes); positive
   */
  record Summoned(ImmutableList<String> departmentIds, Duration within) implements EventPayload {
    /**
     * Validates.
     *
     * @param departmentIds the departmentIds component
     * @param within the within component
     */
    public Summoned {
      checkArgument(!departmentIds.isEmpty(), "a summons needs at least one department");
      Set<String> seen = new HashSet<>();
      for (String d : departmentIds) {
        requireText(d, "departmentId");
        checkArgument(seen.add(d), "department %s is summoned twice", d);
      }
      checkArgument(
          within.compareTo(Duration.ZERO) > 0,
          "a summons limit must be positive but was %s",
          within);
    }

    @Override
    public EventType type() {
      return EventType.SUMMONED;
    }
  }

  /**
   * 报到: a department summoned by a {@link Summoned} (吹哨) reported on site; its summons is answered
   * and its arrival clock stops. The status does not change.
   *
   * @param departmentId the arriving department; must have a pending summons on the case
   */
  record Arrived(String departmentId) implements EventPayload {
    /**
     * Validates.
     *
     * @param departmentId the departmentId component
     */
    public Arrived {
      requireText(departmentId, "departmentId");
    }

    @Override
    public EventType type() {
      return EventType.ARRIVED;
    }
  }

  /**
   * 增加协办: the lead asked another handler to assist (会办).
   *
   * @param handlerId the assisting handler; neither the lead nor already assisting
   */
  record AssistAdded(String handlerId) implements EventPayload {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     */
    public AssistAdded {
      requireText(handlerId, "handlerId");
    }

    @Override
    public EventType type() {
      return EventType.ASSIST_ADDED;
    }
  }

  /**
   * 缓办/挂起: handling is suspended while waiting on something outside the handler's control.
   *
   * @param reason why
   */
  record Suspended(String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public Suspended {
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.SUSPENDED;
    }
  }

  /**
   * 恢复: handling resumes, with the whole-case deadline as the SLA layer recomputed it after the
   * pause.
   *
   * @param dueAt the new deadline; not before the current one
   * @param provisional whether a provisional calendar day (a predicted holiday schedule, see {@link
   *     org.gridgov.sla.DayProvenance}) lay between the clock's start and {@code dueAt}, so that
   *     the deadline may still move when the official schedule is loaded
   */
  record Resumed(Instant dueAt, boolean provisional) implements EventPayload {
    /**
     * Validates.
     *
     * @param dueAt the dueAt component
     * @param provisional the provisional component
     */
    public Resumed {
      Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * An official deadline: no provisional day before it.
     *
     * @param dueAt the dueAt component
     */
    public Resumed(Instant dueAt) {
      this(dueAt, false);
    }

    @Override
    public EventType type() {
      return EventType.RESUMED;
    }
  }

  /**
   * 申请延期: the lead handler asks for more time; a supervisor answers with {@link Extended} or {@link
   * ExtensionRefused}.
   *
   * @param handlerId the lead handler asking
   * @param days how many days longer its clocks should run (see the case engine for how a clock
   *     counts them), at least 1
   * @param reason why
   */
  record ExtensionRequested(String handlerId, int days, String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param days the days component
     * @param reason the reason component
     */
    public ExtensionRequested {
      requireText(handlerId, "handlerId");
      requireText(reason, "reason");
      if (days < 1) {
        throw new IllegalArgumentException("an extension asks for at least 1 day but got " + days);
      }
    }

    @Override
    public EventType type() {
      return EventType.EXTENSION_REQUESTED;
    }
  }

  /**
   * 延期驳回: a supervisor refuses the pending extension request; the deadline stays.
   *
   * @param reason why
   */
  record ExtensionRefused(String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public ExtensionRefused {
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.EXTENSION_REFUSED;
    }
  }

  /**
   * 延期: an approved extension of the whole-case deadline.
   *
   * @param dueAt the new deadline; after the current one
   * @param reason why
   * @param provisional whether a provisional calendar day (a predicted holiday schedule, see {@link
   *     org.gridgov.sla.DayProvenance}) lay between the clock's start and {@code dueAt}, so that
   *     the deadline may still move when the official schedule is loaded
   */
  record Extended(Instant dueAt, String reason, boolean provisional) implements EventPayload {
    /**
     * Validates.
     *
     * @param dueAt the dueAt component
     * @param reason the reason component
     * @param provisional the provisional component
     */
    public Extended {
      Objects.requireNonNull(dueAt, "dueAt");
      requireText(reason, "reason");
    }

    /**
     * An official deadline: no provisional day before it.
     *
     * @param dueAt the dueAt component
     * @param reason the reason component
     */
    public Extended(Instant dueAt, String reason) {
      this(dueAt, reason, false);
    }

    @Override
    public EventType type() {
      return EventType.EXTENDED;
    }
  }

  /**
   * 处置完成: the lead reports the work done, with its feedback (反馈).
   *
   * @param feedback what was done
   */
  record Resolved(String feedback) implements EventPayload {
    /**
     * Validates.
     *
     * @param feedback the feedback component
     */
    public Resolved {
      requireText(feedback, "feedback");
    }

    @Override
    public EventType type() {
      return EventType.RESOLVED;
    }
  }

  /** 核查通过: a check on site confirmed the work. */
  record CheckPassed() implements EventPayload {
    @Override
    public EventType type() {
      return EventType.CHECK_PASSED;
    }
  }

  /**
   * 核查不通过: the check failed and the case goes back to the lead for rework (返工).
   *
   * @param reason what is still wrong
   */
  record CheckFailed(String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public CheckFailed {
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.CHECK_FAILED;
    }
  }

  /** 结案: the case was closed. */
  record Closed() implements EventPayload {
    @Override
    public EventType type() {
      return EventType.CLOSED;
    }
  }

  /**
   * 评价: the reporter evaluated the closed case (回访).
   *
   * @param satisfaction how satisfied
   * @param solved whether the reporter considers the problem solved
   */
  record Evaluated(Satisfaction satisfaction, boolean solved) implements EventPayload {
    /**
     * Validates.
     *
     * @param satisfaction the satisfaction component
     * @param solved the solved component
     */
    public Evaluated {
      Objects.requireNonNull(satisfaction, "satisfaction");
    }

    @Override
    public EventType type() {
      return EventType.EVALUATED;
    }
  }

  /**
   * 重启: a closed case is opened again and goes back to the dispatcher with a new deadline.
   *
   * @param reason why
   * @param dueAt the new whole-case deadline; after the event's instant
   * @param provisional whether a provisional calendar day (a predicted holiday schedule, see {@link
   *     org.gridgov.sla.DayProvenance}) lay between the clock's start and {@code dueAt}, so that
   *     the deadline may still move when the official schedule is loaded
   */
  record Reopened(String reason, Instant dueAt, boolean provisional) implements EventPayload {
    /**
     * Validates.
     *
     * @param reason the reason component
     * @param dueAt the dueAt component
     * @param provisional the provisional component
     */
    public Reopened {
      requireText(reason, "reason");
      Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * An official deadline: no provisional day before it.
     *
     * @param reason the reason component
     * @param dueAt the dueAt component
     */
    public Reopened(String reason, Instant dueAt) {
      this(reason, dueAt, false);
    }

    @Override
    public EventType type() {
      return EventType.REOPENED;
    }
  }

  /**
   * 合并: this case reports the same problem as another case and was merged into it; it ends as
   * {@link CaseStatus#MERGED}.
   *
   * @param intoCaseId the case it was merged into; not this case
   */
  record Merged(CaseId intoCaseId) implements EventPayload {
    /**
     * Validates.
     *
     * @param intoCaseId the intoCaseId component
     */
    public Merged {
      Objects.requireNonNull(intoCaseId, "intoCaseId");
    }

    @Override
    public EventType type() {
      return EventType.MERGED;
    }
  }

  /**
   * 预警: an SLA clock reached a warning level.
   *
   * @param clockId the clock, e.g. {@link CaseState#WHOLE_CASE_CLOCK} or a handler's clock
   * @param stage the SLA stage the clock measures (e.g. {@link SlaStage#HANDLE})
   * @param level the warning level, 1 = first
   */
  record SlaWarning(String clockId, SlaStage stage, int level) implements EventPayload {
    /**
     * Validates.
     *
     * @param clockId the clockId component
     * @param stage the stage component
     * @param level the level component
     */
    public SlaWarning {
      requireText(clockId, "clockId");
      Objects.requireNonNull(stage, "stage");
      checkArgument(level >= 1, "a warning level must be >= 1 but was %s", level);
    }

    @Override
    public EventType type() {
      return EventType.SLA_WARNING;
    }
  }

  /**
   * 超期: an SLA clock ran out.
   *
   * @param clockId the clock, e.g. {@link CaseState#WHOLE_CASE_CLOCK} or a handler's clock
   * @param stage the SLA stage the clock measures
   */
  record SlaBreached(String clockId, SlaStage stage) implements EventPayload {
    /**
     * Validates.
     *
     * @param clockId the clockId component
     * @param stage the stage component
     */
    public SlaBreached {
      requireText(clockId, "clockId");
      Objects.requireNonNull(stage, "stage");
    }

    @Override
    public EventType type() {
      return EventType.SLA_BREACHED;
    }
  }

  /**
   * 时限修正: a new calendar edition (e.g. the official holiday schedule replacing a provisional year)
   * moved an open clock's deadline. The clock keeps its own worked time; only the calendar it
   * counts on changed, so the deadline and the clock's pending warnings move. History is not
   * rewritten: warnings and breaches already recorded stay.
   *
   * @param clockId the clock, e.g. {@link CaseState#WHOLE_CASE_CLOCK} or a handler's clock
   * @param previousDueAt the deadline under the edition the clock counted on before
   * @param dueAt the deadline under the new edition
   * @param edition the new calendar edition's name
   * @param provisional whether a provisional calendar day still lies between the clock's start and
   *     {@code dueAt}
   */
  record DeadlineRevised(
      String clockId, Instant previousDueAt, Instant dueAt, String edition, boolean provisional)
      implements EventPayload {
    /**
     * Validates.
     *
     * @param clockId the clockId component
     * @param previousDueAt the previousDueAt component
     * @param dueAt the dueAt component
     * @param edition the edition component
     * @param provisional the provisional component
     */
    public DeadlineRevised {
      requireText(clockId, "clockId");
      Objects.requireNonNull(previousDueAt, "previousDueAt");
      Objects.requireNonNull(dueAt, "dueAt");
      requireText(edition, "edition");
      checkArgument(
          !dueAt.equals(previousDueAt),
          "a revision must move the deadline, but both are %s",
          dueAt);
    }

    @Override
    public EventType type() {
      return EventType.DEADLINE_REVISED;
    }
  }

  /**
   * 重复上报: another report of the same problem (same category, same place) was linked to this case;
   * the report itself ends as a {@link Merged} case pointing here. This case's report count grows
   * by one; its status does not change.
   *
   * @param reportCaseId the case id the repeat report was filed under; not this case
   * @param reportCount this case's report count after the link, {@code >= 2}
   */
  record RepeatReported(CaseId reportCaseId, int reportCount) implements EventPayload {
    /**
     * Validates.
     *
     * @param reportCaseId the reportCaseId component
     * @param reportCount the reportCount component
     */
    public RepeatReported {
      Objects.requireNonNull(reportCaseId, "reportCaseId");
      checkArgument(
          reportCount >= 2, "a repeat report makes a count of at least 2 but was %s", reportCount);
    }

    @Override
    public EventType type() {
      return EventType.REPEAT_REPORTED;
    }
  }

  /**
   * 建议合并: this newly reported case looks like a repeat of another case (same category, same place,
   * by the supervision policy's repeat rule with {@code suggest}); the dispatcher accepts (the case
   * ends {@link Merged} into it) or declines ({@link MergeDeclined}). The status does not change.
   *
   * @param intoCaseId the case it looks like a repeat of; not this case
   */
  record MergeSuggested(CaseId intoCaseId) implements EventPayload {
    /**
     * Validates.
     *
     * @param intoCaseId the intoCaseId component
     */
    public MergeSuggested {
      Objects.requireNonNull(intoCaseId, "intoCaseId");
    }

    @Override
    public EventType type() {
      return EventType.MERGE_SUGGESTED;
    }
  }

  /**
   * 不予合并: the dispatcher declined the pending {@link MergeSuggested}; the case goes on as a case of
   * its own. The status does not change.
   *
   * @param intoCaseId the case the suggestion named
   */
  record MergeDeclined(CaseId intoCaseId) implements EventPayload {
    /**
     * Validates.
     *
     * @param intoCaseId the intoCaseId component
     */
    public MergeDeclined {
      Objects.requireNonNull(intoCaseId, "intoCaseId");
    }

    @Override
    public EventType type() {
      return EventType.MERGE_DECLINED;
    }
  }

  /**
   * 督办: a supervising body put the case under supervision at a level (e.g. 一般督办, 重点督办, 挂牌督办: the
   * names come from the embedder's supervision policy), with the supervision's own deadline. The
   * status does not change.
   *
   * @param level the level's name
   * @param dueAt when the supervision expects the case settled; after the event's instant
   * @param reason why (a rule for automatic supervision names its rule)
   */
  record SupervisionOpened(String level, Instant dueAt, String reason) implements EventPayload {
    /**
     * Validates.
     *
     * @param level the level component
     * @param dueAt the dueAt component
     * @param reason the reason component
     */
    public SupervisionOpened {
      requireText(level, "level");
      Objects.requireNonNull(dueAt, "dueAt");
      requireText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.SUPERVISION_OPENED;
    }
  }

  /**
   * 催办: the supervising body urged the holder of a supervised case.
   *
   * @param note what was asked
   */
  record Urged(String note) implements EventPayload {
    /**
     * Validates.
     *
     * @param note the note component
     */
    public Urged {
      requireText(note, "note");
    }

    @Override
    public EventType type() {
      return EventType.URGED;
    }
  }

  /**
   * 督办升级: the supervision's deadline passed and it moved to the next level, with a new deadline.
   *
   * @param fromLevel the level before
   * @param toLevel the level after; different from {@code fromLevel}
   * @param dueAt the new supervision deadline
   */
  record SupervisionEscalated(String fromLevel, String toLevel, Instant dueAt)
      implements EventPayload {
    /**
     * Validates.
     *
     * @param fromLevel the fromLevel component
     * @param toLevel the toLevel component
     * @param dueAt the dueAt component
     */
    public SupervisionEscalated {
      requireText(fromLevel, "fromLevel");
      requireText(toLevel, "toLevel");
      Objects.requireNonNull(dueAt, "dueAt");
      checkArgument(
          !fromLevel.equals(toLevel), "a supervision escalation must change the level %s", toLevel);
    }

    @Override
    public EventType type() {
      return EventType.SUPERVISION_ESCALATED;
    }
  }

  /**
   * 督办办结: the supervising body closed its supervision with a finding.
   *
   * @param finding the finding
   */
  record SupervisionClosed(String finding) implements EventPayload {
    /**
     * Validates.
     *
     * @param finding the finding component
     */
    public SupervisionClosed {
      requireText(finding, "finding");
    }

    @Override
    public EventType type() {
      return EventType.SUPERVISION_CLOSED;
    }
  }

  /**
   * 回访: a satisfaction visit to the reporter of a closed case.
   *
   * @param reached whether the reporter was reached
   * @param satisfaction how satisfied, present exactly when the reporter was reached
   */
  record Visited(boolean reached, java.util.Optional<Satisfaction> satisfaction)
      implements EventPayload {
    /**
     * Validates.
     *
     * @param reached the reached component
     * @param satisfaction the satisfaction component
     */
    public Visited {
      Objects.requireNonNull(satisfaction, "satisfaction");
      checkArgument(
          reached == satisfaction.isPresent(),
          "a visit has a satisfaction exactly when the reporter was reached (reached=%s, %s)",
          reached,
          satisfaction);
    }

    @Override
    public EventType type() {
      return EventType.VISITED;
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    checkArgument(!value.isBlank(), "%s must not be blank", name);
  }
}
