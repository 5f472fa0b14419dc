package org.gridgov.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;

/**
 * The extension rules (延期): the SLA policy's limit on count and days, and what an approved
 * extension of {@code N} days does to the case's clocks. The lead clock and the whole-case clock
 * are lengthened: a limit in working days by {@code N} working days, a limit in natural time by
 * {@code N × 24 h}; a limit in working hours has no days to add, so a request while such a clock
 * runs is refused. Each lengthened clock keeps its history and fired levels ({@link
 * SlaClock#withLimit}), so the deadline and the pending warnings move.
 */
final class Extensions {
  private static final String[] EXTENDED_CLOCKS = {
    CaseEngine.LEAD_CLOCK, CaseState.WHOLE_CASE_CLOCK
  };

  private final SlaPolicy sla;

  Extensions(SlaPolicy sla) {
    this.sla = sla;
  }

  /** Why the policy refuses another extension of {@code days} days on the case; empty if not. */
  Optional<String> limitProblem(CaseState s, int days) {
    int max = sla.maxExtensions();
    if (max == 0) {
      return Optional.of("the SLA policy allows no extension (it has no extensions line)");
    }
    if (s.extensionCount() >= max) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "the SLA policy allows at most %d extensions and the case has had %d",
              max,
              s.extensionCount()));
    }
    if (days > sla.maxExtensionDays()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "the SLA policy allows at most %d days per extension, not %d",
              sla.maxExtensionDays(),
              days));
    }
    return Optional.empty();
  }

  /** Why the case's clocks cannot be lengthened by days; empty if they can. */
  static Optional<String> clockProblem(CaseClocks c) {
    for (String name : EXTENDED_CLOCKS) {
      Optional<SlaClock> k = c.clock(name);
      if (k.isPresent()
          && k.get().state() != SlaClock.State.STOPPED
          && k.get().limit().unit() == SlaLimit.Unit.WORKING_TIME) {
        return Optional.of(
            "the "
                + name
                + " clock counts working hours ("
                + k.get().limit()
                + "); an extension"
                + " adds days");
      }
    }
    return Optional.empty();
  }

  /** The clocks after an approved extension of {@code days} days (none when {@code days} is 0). */
  static CaseClocks extended(CaseClocks c, int days) {
    if (days == 0) {
      return c;
    }
    CaseClocks r = c;
    for (String name : EXTENDED_CLOCKS) {
      Optional<SlaClock> k = c.clock(name);
      if (k.isPresent() && k.get().state() != SlaClock.State.STOPPED) {
        Optional<SlaLimit> l = lengthened(k.get().limit(), days);
        if (l.isPresent()) {
          r = r.with(k.get().withLimit(l.get()));
        }
      }
    }
    return r;
  }

  /**
   * The whole-case deadline the extended clocks give at {@code at} (a paused clock counted as if
   * resumed then, as a resumption would), or empty without a whole-case clock.
   */
  static Optional<Instant> wholeCaseDue(CaseClocks extended, Instant at) {
    Optional<SlaClock> k = extended.clock(CaseState.WHOLE_CASE_CLOCK);
    if (k.isEmpty() || k.get().state() == SlaClock.State.STOPPED) {
      return Optional.empty();
    }
    SlaClock running = k.get().state() == SlaClock.State.PAUSED ? k.get().resume(at) : k.get();
    return running.deadline();
  }

  private static Optional<SlaLimit> lengthened(SlaLimit l, int days) {
    return switch (l.unit()) {
      case WORKING_DAYS -> Optional.of(SlaLimit.workingDays(l.days() + days, l.rule()));
      case NATURAL -> Optional.of(SlaLimit.natural(l.duration().plus(Duration.ofDays(days))));
      default -> Optional.empty();
    };
  }
}
