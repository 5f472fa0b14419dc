package org.gridgov.simulation.internal;

import java.io.StringReader;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.casefile.Priority;
import org.gridgov.engine.SupervisionPolicy;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Mechanisms;
import org.gridgov.simulation.RandomStreams;
import org.gridgov.simulation.SupervisionMechanism;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The random decisions of the case-lifecycle mechanisms of one replication ({@link Mechanisms}
 * beyond rework), and the engine policies they need. Each mechanism draws from a stream of its own
 * ({@code priority}, {@code verification}, {@code suspension}, {@code extension}, {@code visit},
 * {@code repeat}), created only when the mechanism is on, and each decision takes the same number
 * of draws whatever its outcome, so design points that differ in one mechanism's parameters see the
 * same numbers in every other stream (common random numbers).
 */
final class LifecycleDraws {
  private static final double HOUR_MS = 3_600_000.0;

  private final Mechanisms m;
  private final @Nullable SplittableRandom priority;
  private final @Nullable SplittableRandom verification;
  private final @Nullable SplittableRandom suspension;
  private final @Nullable SplittableRandom extension;
  private final @Nullable SplittableRandom visit;
  private final @Nullable SplittableRandom repeat;

  LifecycleDraws(Mechanisms m, RandomStreams streams, int replication) {
    this.m = m;
    this.priority = m.urgentShare() > 0 ? streams.stream("priority", replication) : null;
    this.verification = m.invalidShare() > 0 ? streams.stream("verification", replication) : null;
    this.suspension = m.suspensionShare() > 0 ? streams.stream("suspension", replication) : null;
    this.extension = m.extensionShare() > 0 ? streams.stream("extension", replication) : null;
    this.visit = m.visits() ? streams.stream("visit", replication) : null;
    this.repeat = m.repeats() ? streams.stream("repeat", replication) : null;
  }

  /** Whether any mechanism of this class is on (rework has its own stream in the replication). */
  boolean any() {
    return priority != null
        || verification != null
        || suspension != null
        || extension != null
        || visit != null
        || repeat != null;
  }

  /** Whether urgent cases are put before normal ones in a station's queue. */
  boolean urgentFirst() {
    return priority != null && m.urgentFirst();
  }

  /** Whether closed resident reports are visited. */
  boolean visits() {
    return visit != null;
  }

  /** Whether repeat reports are linked by the engine. */
  boolean repeats() {
    return repeat != null;
  }

  /** A new case's priority: one draw when priorities are on. */
  Priority priority() {
    SplittableRandom r = priority;
    return r != null && r.nextDouble() < m.urgentShare() ? Priority.URGENT : Priority.NORMAL;
  }

  /** Whether a report is found invalid at verification: one draw when on. */
  boolean invalid() {
    SplittableRandom r = verification;
    return r != null && r.nextDouble() < m.invalidShare();
  }

  /**
   * How long a case about to be resolved is suspended, in milliseconds, or -1 for not at all: two
   * draws when on (whether to, and an exponential length).
   */
  long suspensionMillis() {
    SplittableRandom r = suspension;
    if (r == null) {
      return -1;
    }
    double u = r.nextDouble();
    double e = -Math.log(1.0 - r.nextDouble());
    return u < m.suspensionShare()
        ? Math.max(1, Math.round(e * m.suspensionHours() * HOUR_MS))
        : -1;
  }

  /** Whether a lead starting work asks for an extension: one draw when on. */
  boolean extension() {
    SplittableRandom r = extension;
    return r != null && r.nextDouble() < m.extensionShare();
  }

  /** The days an extension asks for, within what the policy allows. */
  int extensionDays(SlaPolicy sla) {
    return Math.min(m.extensionDays(), sla.maxExtensionDays());
  }

  /** Whether a visited reporter is not satisfied: one draw per visit. */
  boolean dissatisfied() {
    return java.util.Objects.requireNonNull(visit).nextDouble() < m.dissatisfiedShare();
  }

  /** The natural time from closing to the visit, in milliseconds. */
  long visitDelayMillis() {
    return Math.max(1, Math.round(m.visitHours() * HOUR_MS));
  }

  /**
   * The natural time from a case's entry to a repeat report of it, in milliseconds, or -1 for none:
   * two draws per case when on.
   */
  long repeatDelayMillis() {
    SplittableRandom r = repeat;
    if (r == null) {
      return -1;
    }
    double u = r.nextDouble();
    double e = -Math.log(1.0 - r.nextDouble());
    return u < m.repeatShare() ? Math.max(1, Math.round(e * m.repeatHours() * HOUR_MS)) : -1;
  }

  /**
   * The SLA policy the engine runs: the scenario's, with an {@code extensions 1 D} line added when
   * extensions are on and the scenario's policy allows none (D = the mechanism's days).
   */
  static SlaPolicy slaPolicy(PreparedScenario p) {
    Mechanisms m = p.scenario.mechanisms();
    if (m.extensionShare() == 0 || p.sla.maxExtensions() > 0) {
      return p.sla;
    }
    String text = p.scenario.slaPolicy().orElseGet(BuiltInScenarios::defaultSlaPolicy);
    return SlaPolicy.parse(
        new StringReader(text + "\nextensions 1 " + m.extensionDays() + "\n"),
        "sla-policy (with mechanisms.extension-days)");
  }

  /**
   * The supervision policy the engine needs, if any: {@code visit dissatisfied reopen} with visits
   * on, {@code repeat window PT0S link} with repeat reports on (a report of the same category at
   * the same unit as an open case is linked to it), and with supervision on its level and {@code
   * auto breaches} rule ({@link SupervisionMechanism#policyLines()}).
   */
  static Optional<SupervisionPolicy> supervisionPolicy(
      Mechanisms m, Optional<SupervisionMechanism> supervision) {
    if (!m.visits() && !m.repeats() && supervision.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder t = new StringBuilder();
    supervision.ifPresent(s -> t.append(s.policyLines()));
    if (m.visits()) {
      t.append("visit dissatisfied reopen\n");
    }
    if (m.repeats()) {
      t.append("repeat window PT0S link\n");
    }
    return Optional.of(SupervisionPolicy.parse(t.toString(), "mechanisms"));
  }
}
