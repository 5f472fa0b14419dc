package org.gridgov.simulation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the SCENARIO argument (a file or a built-in name) and applies the command-line
 * overrides.
 */
final class Scenarios {
  private Scenarios() {}

  /**
   * Loads a scenario.
   *
   * @param argument a {@code .yaml}/{@code .yml}/{@code .json} file or a built-in name
   * @param options the overrides
   * @return the scenario
   * @throws org.gridgov.TextParseException if the file has problems
   * @throws IllegalArgumentException if it is neither a file nor a built-in name, or an override is
   *     bad
   */
  static Scenario load(String argument, ScenarioOptions options) {
    Scenario s = load(argument);
    Duration horizon = options.horizon == null ? null : duration("--horizon", options.horizon);
    Duration warmUp = options.warmUp == null ? null : duration("--warm-up", options.warmUp);
    return override(s, horizon, warmUp);
  }

  static Scenario load(String argument) {
    String lower = argument.toLowerCase(Locale.ROOT);
    boolean looksLikeFile =
        lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    if (looksLikeFile || Files.exists(Path.of(argument))) {
      return ScenarioFiles.read(Path.of(argument));
    }
    Optional<Scenario> builtIn = BuiltInScenarios.named(argument);
    if (builtIn.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "'%s' is neither a scenario file (.yaml, .yml or .json) nor a built-in scenario (putian)",
              argument));
    }
    return builtIn.get();
  }

  /**
   * Returns a study section of the scenario, or refuses the command naming the section it needs.
   *
   * @param section the scenario's section, if it has one
   * @param argument the SCENARIO argument
   * @param name the section's key, e.g. {@code calibration}
   * @param docs the heading of docs/simulation.md that explains it
   * @throws IllegalArgumentException if the scenario has no such section
   */
  static <T> T section(Optional<T> section, String argument, String name, String docs) {
    return section.orElseThrow(
        () ->
            new IllegalArgumentException(
                argument
                    + ": the scenario has no "
                    + name
                    + ": section; add one (see docs/simulation.md, '"
                    + docs
                    + "')"));
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = ScenarioFiles.parseDuration(text);
      if (d.isNegative() || (option.equals("--horizon") && d.isZero())) {
        throw new IllegalArgumentException(
            "must be " + (option.equals("--horizon") ? "> 0" : ">= 0"));
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " " + text + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the scenario with another horizon and/or warm-up, every other attribute kept ({@link
   * Scenario#withPeriods}).
   *
   * @param s the scenario
   * @param horizon the new horizon, or {@code null} to keep it
   * @param warmUp the new warm-up, or {@code null} to keep it
   * @return the scenario
   */
  static Scenario override(Scenario s, @Nullable Duration horizon, @Nullable Duration warmUp) {
    if (horizon == null && warmUp == null) {
      return s;
    }
    // a copy of every attribute (mechanisms, patrol, staff, summons, roster, ... included)
    return s.withPeriods(
        warmUp != null ? warmUp : s.warmUp(), horizon != null ? horizon : s.horizon(), s.drain());
  }
}
