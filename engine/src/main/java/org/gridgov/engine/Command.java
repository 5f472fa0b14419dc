package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Satisfaction;

/**
 * One thing a person did, fed to {@link CaseEngine#execute(Command)}: a command id (for idempotent
 * retries), the acting {@link Principal}, the case, the instant it happened and the {@link Action}.
 *
 * @param commandId the embedder's unique id of this command; a retry carries the same id
 * @param actor who acts
 * @param caseId the case acted on
 * @param at when, a whole number of milliseconds
 * @param action what
 */
public record Command(
    CommandId commandId, Principal actor, CaseId caseId, Instant at, Action action) {

  /**
   * Validates.
   *
   * @param commandId the commandId component
   * @param actor the actor component
   * @param caseId the caseId component
   * @param at the at component
   * @param action the action component
   */
  public Command {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
  }

  /**
   * Creates a command.
   *
   * @param commandId the command id
   * @param actor who acts
   * @param caseId the case
   * @param at when
   * @param action what
   * @return the command
   */
  public static Command of(
      CommandId commandId, Principal actor, CaseId caseId, Instant at, Action action) {
    return new Command(commandId, actor, caseId, at, action);
  }

  /**
   * Creates a command, parsing its id once ({@link CommandId#of}).
   *
   * @param commandId the command id's text
   * @param actor who acts
   * @param caseId the case
   * @param at when
   * @param action what
   * @return the command
   * @throws IllegalArgumentException if the command id is blank
   */
  public static Command of(
      String commandId, Principal actor, CaseId caseId, Instant at, Action action) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    return new Command(CommandId.of(commandId), actor, caseId, at, action);
  }

  /** What a command does: one record per command. */
  public sealed interface Action
      permits Report,
          ReportAt,
          Verify,
          Register,
          Dispatch,
          Accept,
          Return,
          Assist,
          Summon,
          Arrive,
          Suspend,
          Resume,
          Resolve,
          Check,
          Close,
          Evaluate,
          Reopen,
          Merge,
          Escalate,
          RequestExtension,
          ApproveExtension,
          RefuseExtension,
          OpenSupervision,
          Urge,
          CloseSupervision,
          Visit,
          DecideMerge {
    /**
     * Returns the command's name for messages, e.g. {@code dispatch}.
     *
     * @return the name
     */
    String name();
  }

  /**
   * 上报: a new case with its facts (whose id must be the command's case id).
   *
   * @param facts the facts
   */
  public record Report(CaseFacts facts) implements Action {
    /**
     * Validates.
     *
     * @param facts the facts component
     */
    public Report {
      Objects.requireNonNull(facts, "facts");
    }

    @Override
    public String name() {
      return "report";
    }
  }

  /**
   * 上报 at a point: a new case reported at a longitude and latitude instead of a region code, as an
   * app or an Open311 client sends it. The engine resolves the point through its {@link
   * LocationResolver} to the region it lies in and records the case's facts with that region as its
   * location and the point itself ({@link CaseFacts#point()}); a point in no region is refused with
   * {@link LocationUnresolvedException}.
   *
   * @param point where the problem is (WGS-84)
   * @param categoryCode the category code, ASCII digits
   * @param priority the priority
   * @param kind the case kind
   * @param source where the report came from
   * @param reporter the reporter's personal data, empty for an anonymous report
   */
  public record ReportAt(
      ReportedPoint point,
      String categoryCode,
      Priority priority,
      CaseKind kind,
      CaseSource source,
      Optional<PersonalData> reporter)
      implements Action {
    /**
     * Validates.
     *
     * @param point the point component
     * @param categoryCode the categoryCode component
     * @param priority the priority component
     * @param kind the kind component
     * @param source the source component
     * @param reporter the reporter component
     */
    public ReportAt {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(categoryCode, "categoryCode");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * Returns the facts of the case this report creates when its point lies in {@code regionCode}.
     *
     * @param id the case id
     * @param regionCode the region the point was resolved to
     * @return the facts
     * @throws IllegalArgumentException if a value breaks a rule of {@link CaseFacts}
     */
    public CaseFacts facts(CaseId id, long regionCode) {
      CaseFacts.Builder b =
          CaseFacts.builder()
              .id(id)
              .categoryCode(categoryCode)
              .priority(priority)
              .kind(kind)
              .locationCodes(ImmutableLongArray.of(regionCode))
              .source(source)
              .point(point);
      reporter.ifPresent(b::reporter);
      return b.build();
    }

    @Override
    public String name() {
      return "report-at";
    }
  }

  /**
   * 核实: the report is true ({@code valid}) or not (then the case ends as invalid, with the reason).
   *
   * @param valid whether the report was confirmed
   * @param reason why not, when not valid (ignored otherwise)
   */
  public record Verify(boolean valid, String reason) implements Action {
    /**
     * Validates.
     *
     * @param valid the valid component
     * @param reason the reason component
     */
    public Verify {
      Objects.requireNonNull(reason, "reason");
      checkArgument(valid || !reason.isBlank(), "a failed verification needs a reason");
    }

    @Override
    public String name() {
      return "verify";
    }
  }

  /** 立案: the whole-case deadline is computed by the SLA policy. */
  public record Register() implements Action {
    @Override
    public String name() {
      return "register";
    }
  }

  /**
   * 派遣: to the given lead handler, or, when empty, where the routing policy decides ({@code
   * NEW_CASE}).
   *
   * @param lead the lead handler, or empty for the policy's choice
   */
  public record Dispatch(Optional<String> lead) implements Action {
    /**
     * Validates.
     *
     * @param lead the lead component
     */
    public Dispatch {
      Objects.requireNonNull(lead, "lead");
    }

    /**
     * Dispatch by the routing policy.
     *
     * @return the action
     */
    public static Dispatch byPolicy() {
      return new Dispatch(Optional.empty());
    }

    /**
     * Dispatch to a handler.
     *
     * @param lead the handler id
     * @return the action
     */
    public static Dispatch to(String lead) {
      return new Dispatch(Optional.of(lead));
    }

    @Override
    public String name() {
      return "dispatch";
    }
  }

  /**
   * 签收 by the lead handler.
   *
   * @param handlerId the handler accepting
   */
  public record Accept(String handlerId) implements Action {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     */
    public Accept {
      Objects.requireNonNull(handlerId, "handlerId");
    }

    @Override
    public String name() {
      return "accept";
    }
  }

  /**
   * 退单 by the lead handler; the routing policy then decides ({@code RETURN}).
   *
   * @param handlerId the handler returning
   * @param reason why
   */
  public record Return(String handlerId, String reason) implements Action {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param reason the reason component
     */
    public Return {
      Objects.requireNonNull(handlerId, "handlerId");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "return";
    }
  }

  /**
   * 增加协办: an assisting handler joins.
   *
   * @param handlerId the handler
   */
  public record Assist(String handlerId) implements Action {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     */
    public Assist {
      Objects.requireNonNull(handlerId, "handlerId");
    }

    @Override
    public String name() {
      return "assist";
    }
  }

  /**
   * 吹哨: departments are summoned and must arrive on site within {@code within}.
   *
   * @param departmentIds the departments
   * @param within the arrival limit (natural time)
   */
  public record Summon(ImmutableList<String> departmentIds, Duration within) implements Action {
    /**
     * Validates.
     *
     * @param departmentIds the departmentIds component
     * @param within the within component
     */
    public Summon {
      Objects.requireNonNull(departmentIds, "departmentIds");
      Objects.requireNonNull(within, "within");
      checkArgument(!departmentIds.isEmpty(), "a summons needs at least one department");
      checkArgument(
          !within.isNegative() && !within.isZero(), "within must be positive but was %s", within);
    }

    /**
     * Creates one.
     *
     * @param departmentIds the departments
     * @param within the limit
     * @return the action
     */
    public static Summon of(List<String> departmentIds, Duration within) {
      return new Summon(ImmutableList.copyOf(departmentIds), within);
    }

    @Override
    public String name() {
      return "summon";
    }
  }

  /**
   * 报到: a summoned department reports on site; emits {@code Arrived}, which stops its arrival
   * clock.
   *
   * @param departmentId the department
   */
  public record Arrive(String departmentId) implements Action {
    /**
     * Validates.
     *
     * @param departmentId the departmentId component
     */
    public Arrive {
      Objects.requireNonNull(departmentId, "departmentId");
    }

    @Override
    public String name() {
      return "arrive";
    }
  }

  /**
   * 缓办: the case is suspended and its clocks stop.
   *
   * @param reason why
   */
  public record Suspend(String reason) implements Action {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public Suspend {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "suspend";
    }
  }

  /** 恢复: the clocks run again; the new whole-case deadline is recorded. */
  public record Resume() implements Action {
    @Override
    public String name() {
      return "resume";
    }
  }

  /**
   * 处置完成 by the lead handler.
   *
   * @param handlerId the lead handler
   * @param feedback the feedback (反馈)
   */
  public record Resolve(String handlerId, String feedback) implements Action {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param feedback the feedback component
     */
    public Resolve {
      Objects.requireNonNull(handlerId, "handlerId");
      Objects.requireNonNull(feedback, "feedback");
    }

    @Override
    public String name() {
      return "resolve";
    }
  }

  /**
   * 核查: passed, or failed with a reason (rework 返工).
   *
   * @param passed whether it passed
   * @param reason why not (ignored when passed)
   */
  public record Check(boolean passed, String reason) implements Action {
    /**
     * Validates.
     *
     * @param passed the passed component
     * @param reason the reason component
     */
    public Check {
      Objects.requireNonNull(reason, "reason");
      checkArgument(passed || !reason.isBlank(), "a failed check needs a reason");
    }

    @Override
    public String name() {
      return "check";
    }
  }

  /** 结案. */
  public record Close() implements Action {
    @Override
    public String name() {
      return "close";
    }
  }

  /**
   * 评价.
   *
   * @param satisfaction how satisfied
   * @param solved whether the problem was solved
   */
  public record Evaluate(Satisfaction satisfaction, boolean solved) implements Action {
    /**
     * Validates.
     *
     * @param satisfaction the satisfaction component
     * @param solved the solved component
     */
    public Evaluate {
      Objects.requireNonNull(satisfaction, "satisfaction");
    }

    @Override
    public String name() {
      return "evaluate";
    }
  }

  /**
   * 重启 a closed case, with a fresh whole-case deadline.
   *
   * @param reason why
   */
  public record Reopen(String reason) implements Action {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public Reopen {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "reopen";
    }
  }

  /**
   * 合并: this case is a duplicate of another open case.
   *
   * @param intoCaseId the case it merges into
   */
  public record Merge(CaseId intoCaseId) implements Action {
    /**
     * Validates.
     *
     * @param intoCaseId the intoCaseId component
     */
    public Merge {
      Objects.requireNonNull(intoCaseId, "intoCaseId");
    }

    @Override
    public String name() {
      return "merge";
    }
  }

  /**
   * 合并审核: the dispatcher's answer to the case's pending merge suggestion ({@code MergeSuggested}):
   * accept (the case ends merged into the suggested case as a repeat report) or decline (it goes on
   * as a case of its own). For a dispatcher whose jurisdiction holds both cases.
   *
   * @param accept whether the merge is accepted
   */
  public record DecideMerge(boolean accept) implements Action {
    @Override
    public String name() {
      return "decide-merge";
    }
  }

  /**
   * 手动升级: to the given handler, or, when empty, where the routing policy decides ({@code MANUAL}).
   *
   * @param to the new lead, or empty
   */
  public record Escalate(Optional<String> to) implements Action {
    /**
     * Validates.
     *
     * @param to the to component
     */
    public Escalate {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String name() {
      return "escalate";
    }
  }

  /**
   * 申请延期 by the lead handler: its clocks should run {@code days} days longer. Refused when the SLA
   * policy's {@code extensions} limit would be passed; a supervisor answers with {@link
   * ApproveExtension} or {@link RefuseExtension}.
   *
   * @param handlerId the lead handler asking
   * @param days how many days, at least 1
   * @param reason why
   */
  public record RequestExtension(String handlerId, int days, String reason) implements Action {
    /**
     * Validates.
     *
     * @param handlerId the handlerId component
     * @param days the days component
     * @param reason the reason component
     */
    public RequestExtension {
      Objects.requireNonNull(handlerId, "handlerId");
      Objects.requireNonNull(reason, "reason");
      checkArgument(days >= 1, "an extension asks for at least 1 day but got %s", days);
      checkArgument(!reason.isBlank(), "an extension request needs a reason");
    }

    @Override
    public String name() {
      return "request-extension";
    }
  }

  /**
   * 批准延期 by a supervisor: the pending request is granted and the deadlines move ({@code Extended}).
   */
  public record ApproveExtension() implements Action {
    @Override
    public String name() {
      return "approve-extension";
    }
  }

  /**
   * 驳回延期 by a supervisor: the pending request is refused and the deadlines stay ({@code
   * ExtensionRefused}).
   *
   * @param reason why
   */
  public record RefuseExtension(String reason) implements Action {
    /**
     * Validates.
     *
     * @param reason the reason component
     */
    public RefuseExtension {
      Objects.requireNonNull(reason, "reason");
      checkArgument(!reason.isBlank(), "a refused extension needs a reason");
    }

    @Override
    public String name() {
      return "refuse-extension";
    }
  }

  /**
   * 督办 by a supervising body: the case goes under supervision at a level of the engine's {@link
   * SupervisionPolicy}, with that level's deadline ({@code SupervisionOpened}).
   *
   * @param level the level's name, one of the policy's levels
   * @param reason why
   */
  public record OpenSupervision(String level, String reason) implements Action {
    /**
     * Validates.
     *
     * @param level the level component
     * @param reason the reason component
     */
    public OpenSupervision {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(reason, "reason");
      checkArgument(!level.isBlank(), "a supervision needs a level");
      checkArgument(!reason.isBlank(), "a supervision needs a reason");
    }

    @Override
    public String name() {
      return "open-supervision";
    }
  }

  /**
   * 催办: the supervising body urges the holder of a case under supervision ({@code Urged}).
   *
   * @param note what is asked
   */
  public record Urge(String note) implements Action {
    /**
     * Validates.
     *
     * @param note the note component
     */
    public Urge {
      Objects.requireNonNull(note, "note");
      checkArgument(!note.isBlank(), "an urging needs a note");
    }

    @Override
    public String name() {
      return "urge";
    }
  }

  /**
   * 督办办结: the supervising body closes its supervision with a finding ({@code SupervisionClosed}).
   *
   * @param finding the finding
   */
  public record CloseSupervision(String finding) implements Action {
    /**
     * Validates.
     *
     * @param finding the finding component
     */
    public CloseSupervision {
      Objects.requireNonNull(finding, "finding");
      checkArgument(!finding.isBlank(), "closing a supervision needs a finding");
    }

    @Override
    public String name() {
      return "close-supervision";
    }
  }

  /**
   * 回访: a satisfaction visit to the reporter of a closed case ({@code Visited}); a not-satisfied
   * answer reopens the case when the {@link SupervisionPolicy} says so.
   *
   * @param reached whether the reporter was reached
   * @param satisfaction the answer, present exactly when reached
   */
  public record Visit(boolean reached, Optional<Satisfaction> satisfaction) implements Action {
    /**
     * Validates.
     *
     * @param reached the reached component
     * @param satisfaction the satisfaction component
     */
    public Visit {
      Objects.requireNonNull(satisfaction, "satisfaction");
      checkArgument(
          reached == satisfaction.isPresent(),
          "a visit has an answer exactly when the reporter was reached");
    }

    /**
     * A visit that reached the reporter.
     *
     * @param satisfaction the answer
     * @return the action
     */
    public static Visit reached(Satisfaction satisfaction) {
      return new Visit(true, Optional.of(satisfaction));
    }

    /**
     * A visit that did not reach the reporter.
     *
     * @return the action
     */
    public static Visit notReached() {
      return new Visit(false, Optional.empty());
    }

    @Override
    public String name() {
      return "visit";
    }
  }
}
