package org.gridgov.engine;

import java.util.Optional;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.SlaStage;

/**
 * The id of one of a case's SLA clocks: the whole-case clock, a stage clock, or a summoned
 * department's arrival clock. {@link #name()} is the string the events carry ({@code SlaWarning}
 * and {@code SlaBreached} {@code clockId}); it is the same string as before the type existed.
 *
 * <p>Per open case: {@code case} (stage {@code WHOLE_CASE}, from registration to closing), {@code
 * register}, {@code dispatch} and {@code check} (stages {@code REGISTER}, {@code DISPATCH}, {@code
 * CHECK}, where the SLA policy has a rule), {@code lead} (stage {@code HANDLE}, the current lead
 * handler's, from dispatch or escalation to resolution; a return hands it on by the policy's return
 * rule) and {@code summon:<department>} (the arrival limit of a summons, natural time, the SLA
 * policy's default levels; stopped by {@code Arrived}). Each clock state follows from the events
 * alone, which is what makes {@link CaseEngine#restore} exact.
 *
 * @param name the clock's wire name: {@code case}, {@code lead}, {@code register}, {@code
 *     dispatch}, {@code check} or {@code summon:<department handler id>}
 */
public record ClockId(String name) {
  /** The whole-case clock ({@code case}, stage {@code WHOLE_CASE}): from registration to close. */
  public static final ClockId WHOLE_CASE = new ClockId(CaseState.WHOLE_CASE_CLOCK);

  /** The lead handler's clock ({@code lead}, stage {@code HANDLE}). */
  public static final ClockId LEAD = new ClockId("lead");

  /** The register stage's clock ({@code register}, 立案): from report to registration. */
  public static final ClockId REGISTER = new ClockId("register");

  /**
   * The dispatch stage's clock ({@code dispatch}, 派遣): from registration, a return or a reopening
   * to the next lead dispatch or escalation.
   */
  public static final ClockId DISPATCH = new ClockId("dispatch");

  /** The check stage's clock ({@code check}, 核查): from resolution to the check. */
  public static final ClockId CHECK = new ClockId("check");

  /**
   * The supervision's clock ({@code supervision}, 督办): from {@code SupervisionOpened} (or its
   * escalation) to the supervision's deadline; its breach escalates the supervision.
   */
  public static final ClockId SUPERVISION = new ClockId("supervision");

  /**
   * The name of the stage of the supervision clock's warnings and breaches, {@link
   * SlaStage#SUPERVISION}.
   */
  public static final String SUPERVISION_STAGE = SlaStage.SUPERVISION.name();

  /** The prefix of a summoned department's arrival clock; the department's handler id follows. */
  public static final String SUMMON_PREFIX = "summon:";

  /** The name of the stage of summons clocks' warnings and breaches, {@link SlaStage#SUMMON}. */
  public static final String SUMMON_STAGE = SlaStage.SUMMON.name();

  /**
   * Validates.
   *
   * @param name the clock's wire name
   * @throws IllegalArgumentException naming the value if it is none of the clock names
   */
  public ClockId {
    boolean fixed =
        name.equals(CaseState.WHOLE_CASE_CLOCK)
            || name.equals("lead")
            || name.equals("register")
            || name.equals("dispatch")
            || name.equals("check")
            || name.equals("supervision");
    if (!fixed && !(name.startsWith(SUMMON_PREFIX) && name.length() > SUMMON_PREFIX.length())) {
      throw new IllegalArgumentException(
          "unknown clock id '"
              + name
              + "': expected case, lead, register, dispatch, check, supervision or summon:<department id>");
    }
  }

  /**
   * Returns the id of a summoned department's arrival clock.
   *
   * @param departmentId the summoned department's handler id, not empty
   * @return {@code summon:<departmentId>}
   * @throws IllegalArgumentException if the id is empty
   */
  public static ClockId summons(String departmentId) {
    return new ClockId(SUMMON_PREFIX + departmentId);
  }

  /**
   * Tells whether a wire name is a summons clock's, without parsing it.
   *
   * @param name a clock's wire name
   * @return whether it starts with {@link #SUMMON_PREFIX}
   */
  public static boolean isSummons(String name) {
    return name.startsWith(SUMMON_PREFIX);
  }

  /**
   * Returns the summoned department, for a summons clock.
   *
   * @return the department's handler id, or empty for the other clocks
   */
  public Optional<String> summonedDepartment() {
    return isSummons(name) ? Optional.of(name.substring(SUMMON_PREFIX.length())) : Optional.empty();
  }

  /**
   * Tells whether a breach of this clock is routed ({@code BREACH} decision for the holder): the
   * lead's clock and the summons clocks are handlers' clocks; the others route nothing.
   *
   * @param name a clock's wire name
   * @return whether it is the lead's or a summons clock
   */
  static boolean isHandlerClock(String name) {
    return name.equals(LEAD.name) || isSummons(name);
  }

  /**
   * Returns the stage of a clock's warnings and breaches.
   *
   * @param name a clock's wire name
   * @return the stage; {@link SlaStage#WHOLE_CASE} for the whole-case clock
   */
  static SlaStage stageOf(String name) {
    if (name.equals(LEAD.name)) {
      return SlaStage.HANDLE;
    } else if (name.equals(REGISTER.name)) {
      return SlaStage.REGISTER;
    } else if (name.equals(DISPATCH.name)) {
      return SlaStage.DISPATCH;
    } else if (name.equals(CHECK.name)) {
      return SlaStage.CHECK;
    } else if (isSummons(name)) {
      return SlaStage.SUMMON;
    } else if (name.equals(SUPERVISION.name)) {
      return SlaStage.SUPERVISION;
    }
    return SlaStage.WHOLE_CASE;
  }

  @Override
  public String toString() {
    return name;
  }
}
